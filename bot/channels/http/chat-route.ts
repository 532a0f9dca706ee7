import type { Hono, MiddlewareHandler } from 'hono';
import type { AnswerEngine } from '../../answering/types.js';
import type { ConversationStore } from '../../conversations/store.js';
import type { Logger } from '../../../config/logger.js';
import { toChatResponse } from './chat-response.js';
import { newMessageId, recordExchange, resolveConversation } from './conversation.js';
import { chatRequestSchema, parseJsonBody } from './schemas.js';
import { streamChat } from './sse.js';

export interface ChatRouteDeps {
  engine: AnswerEngine;
  conversations: ConversationStore;
  logger: Logger;
  maxMessageChars: number;
  /** Public contact data that stays unredacted in the stored history. */
  allow: readonly string[];
  now: () => number;
  /** Rate limit and body limit, in that order. */
  guards: readonly [rateLimit: MiddlewareHandler, bodyLimit: MiddlewareHandler];
}

const wantsEventStream = (accept: string | undefined) => /\btext\/event-stream\b/i.test(accept ?? '');

/** `POST /api/chat`: one answer as JSON, or as server-sent events with `Accept: text/event-stream`. */
export function registerChatRoute(app: Hono, deps: ChatRouteDeps): void {
  const schema = chatRequestSchema(deps.maxMessageChars);

  app.post('/api/chat', deps.guards[0], deps.guards[1], async (c) => {
    const body = await parseJsonBody(c, schema);
    const { conversationId, history } = resolveConversation(deps.conversations, body.conversationId);
    const ids = { conversationId, messageId: newMessageId() };
    const request = {
      message: body.message,
      history,
      channel: 'web' as const,
      ...(body.lang && { lang: body.lang }),
    };
    const record = (answer: Parameters<typeof toChatResponse>[1]) =>
      recordExchange(deps.conversations, {
        ...ids,
        question: body.message,
        answer,
        allow: deps.allow,
        now: deps.now(),
      });

    if (wantsEventStream(c.req.header('accept'))) {
      return streamChat(c, { engine: deps.engine, request, ids, logger: deps.logger, onAnswer: record });
    }

    const signal = c.req.raw.signal;
    const answer = await deps.engine.answer({ ...request, signal });
    c.get('httpAccessLog').answerType = answer.type;
    if (!signal.aborted) record(answer);
    return c.json(toChatResponse(ids, answer));
  });
}
