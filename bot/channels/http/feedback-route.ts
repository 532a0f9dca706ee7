import type { Hono, MiddlewareHandler } from 'hono';
import type { ConversationStore } from '../../conversations/store.js';
import type { FeedbackStore } from '../../feedback/types.js';
import { AppError } from '../../errors.js';
import { redactPersonalData } from '../../privacy/index.js';
import { VALIDATION_MESSAGES } from './messages.js';
import { feedbackRequestSchema, parseJsonBody } from './schemas.js';

export interface FeedbackRouteDeps {
  conversations: ConversationStore;
  feedback: FeedbackStore;
  allow: readonly string[];
  guards: readonly [rateLimit: MiddlewareHandler, bodyLimit: MiddlewareHandler];
}

/**
 * `POST /api/feedback`: a rating of one answer the server still remembers (404 otherwise).
 * Stores the redacted question and answer with it so maintainers see what went wrong.
 */
export function registerFeedbackRoute(app: Hono, deps: FeedbackRouteDeps): void {
  app.post('/api/feedback', deps.guards[0], deps.guards[1], async (c) => {
    const body = await parseJsonBody(c, feedbackRequestSchema);
    const message = deps.conversations.findMessage(body.conversationId, body.messageId);
    if (!message)
      throw new AppError('not_found', VALIDATION_MESSAGES.feedbackUnknown, 'unknown or expired message');
    const redact = (text: string) => redactPersonalData(text, { allow: deps.allow });
    deps.feedback.save({
      conversationId: body.conversationId,
      messageId: body.messageId,
      channel: 'web',
      rating: body.rating,
      ...(body.comment !== undefined && { comment: redact(body.comment) }),
      question: redact(message.question),
      answer: redact(message.answer),
      answerType: message.answerType,
      citedUrls: message.citedUrls,
    });
    c.get('httpAccessLog').answerType = message.answerType;
    return c.json({ ok: true as const }, 201);
  });
}
