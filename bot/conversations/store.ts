import { randomUUID } from 'node:crypto';
import type { AnswerType, ChatTurn } from '../answering/types.js';

/** One exchange as kept server-side: redacted text only, for follow-ups and feedback. */
export interface StoredMessage {
  messageId: string;
  question: string;
  answer: string;
  answerType: AnswerType;
  citedUrls: string[];
  at: number;
}

/** Conversation state with a time-to-live; no cookies, the client holds only the id. */
export interface ConversationStore {
  /** History oldest first, or [] for an unknown or expired id. */
  history(conversationId: string): ChatTurn[];
  record(conversationId: string, message: StoredMessage): void;
  findMessage(conversationId: string, messageId: string): StoredMessage | undefined;
  newConversationId(): string;
  purgeExpired(now?: number): number;
  size(): number;
}

interface Entry {
  messages: StoredMessage[];
  touchedAt: number;
}

/**
 * In-memory store: conversations expire `ttlMs` after their last message; beyond
 * `maxConversations` the least recently used one is dropped; each keeps `maxTurns` exchanges.
 */
export function createMemoryConversationStore(options: {
  ttlMs: number;
  maxConversations: number;
  maxTurns?: number;
  now?: () => number;
}): ConversationStore {
  const now = options.now ?? Date.now;
  const maxTurns = options.maxTurns ?? 10;
  const entries = new Map<string, Entry>();

  const live = (id: string): Entry | undefined => {
    const entry = entries.get(id);
    if (!entry) return undefined;
    if (now() - entry.touchedAt > options.ttlMs) {
      entries.delete(id);
      return undefined;
    }
    return entry;
  };

  return {
    history(conversationId) {
      const entry = live(conversationId);
      if (!entry) return [];
      return entry.messages.flatMap((message): ChatTurn[] => [
        { role: 'user', content: message.question },
        { role: 'assistant', content: message.answer },
      ]);
    },
    record(conversationId, message) {
      const entry = live(conversationId) ?? { messages: [], touchedAt: now() };
      entry.messages.push(message);
      if (entry.messages.length > maxTurns) entry.messages.splice(0, entry.messages.length - maxTurns);
      entry.touchedAt = now();
      entries.delete(conversationId); // re-insert: Map order doubles as LRU order
      entries.set(conversationId, entry);
      while (entries.size > options.maxConversations) {
        const oldest = entries.keys().next().value;
        if (oldest === undefined) break;
        entries.delete(oldest);
      }
    },
    findMessage(conversationId, messageId) {
      return live(conversationId)?.messages.find((message) => message.messageId === messageId);
    },
    newConversationId: () => randomUUID(),
    purgeExpired(at = now()) {
      let removed = 0;
      for (const [id, entry] of entries) {
        if (at - entry.touchedAt > options.ttlMs) {
          entries.delete(id);
          removed++;
        }
      }
      return removed;
    },
    size: () => entries.size,
  };
}
