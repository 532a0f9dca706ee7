import { randomUUID } from 'node:crypto';
import type { Answer, ChatTurn } from '../../answering/types.js';
import type { ConversationStore } from '../../conversations/store.js';
import { redactPersonalData } from '../../privacy/index.js';

/** Continues a known conversation, or starts a new one for a missing, unknown or expired id. */
export function resolveConversation(
  store: ConversationStore,
  requestedId: string | null | undefined,
): { conversationId: string; history: ChatTurn[] } {
  if (requestedId) {
    const history = store.history(requestedId);
    if (history.length > 0) return { conversationId: requestedId, history };
  }
  return { conversationId: store.newConversationId(), history: [] };
}

export const newMessageId = (): string => randomUUID();

/** Keeps the exchange for follow-ups and feedback, with personal data redacted. */
export function recordExchange(
  store: ConversationStore,
  options: {
    conversationId: string;
    messageId: string;
    question: string;
    answer: Answer;
    allow: readonly string[];
    now: number;
  },
): void {
  const redact = (text: string) =>
    redactPersonalData(text, { allow: options.allow, now: new Date(options.now) });
  store.record(options.conversationId, {
    messageId: options.messageId,
    question: redact(options.question),
    answer: redact(options.answer.text),
    answerType: options.answer.type,
    citedUrls: options.answer.citations.flatMap((citation) => (citation.url ? [citation.url] : [])),
    at: options.now,
  });
}
