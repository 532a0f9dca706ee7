/** One rating of one answer, from the widget or from Teams. Text is redacted before it gets here. */
export interface FeedbackRecord {
  messageId: string;
  conversationId: string;
  channel: 'web' | 'teams' | 'api';
  rating: 'up' | 'down';
  comment?: string;
  /** Redacted question and answer, so maintainers can see what went wrong. */
  question?: string;
  answer?: string;
  answerType?: string;
  citedUrls?: string[];
}

/** Port for the feedback store (SQLite in production; see bot/adapters/feedback-sqlite.ts). */
export interface FeedbackStore {
  save(record: FeedbackRecord): void;
  /** Deletes everything older than the retention period; returns how many rows went. */
  purgeExpired(now?: Date): number;
  count(): number;
  close(): void;
}
