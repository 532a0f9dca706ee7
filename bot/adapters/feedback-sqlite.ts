import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { FeedbackRecord, FeedbackStore } from '../feedback/types.js';
import { redactPersonalData } from '../privacy/index.js';

export interface SqliteFeedbackStoreOptions {
  /** Database file; its parent folder is created. `:memory:` works for throwaway use. */
  path: string;
  /** Rows older than this are deleted by `purgeExpired`. */
  retentionDays: number;
  now?: () => Date;
  /** Public contact data redaction must keep (see `profileAllowList`). */
  allow?: readonly string[];
}

const DAY_MS = 24 * 60 * 60 * 1000;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS feedback (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  created_at      TEXT    NOT NULL,
  channel         TEXT    NOT NULL,
  conversation_id TEXT    NOT NULL,
  message_id      TEXT    NOT NULL UNIQUE,
  rating          TEXT    NOT NULL CHECK (rating IN ('up', 'down')),
  comment         TEXT,
  question        TEXT,
  answer          TEXT,
  answer_type     TEXT,
  cited_urls      TEXT    NOT NULL DEFAULT '[]'
);
CREATE INDEX IF NOT EXISTS feedback_created_at ON feedback (created_at);
`;

/** One stored row, as maintainers read it back (reports, tests). */
export interface FeedbackRow {
  id: number;
  createdAt: string;
  channel: string;
  conversationId: string;
  messageId: string;
  rating: 'up' | 'down';
  comment: string | null;
  question: string | null;
  answer: string | null;
  answerType: string | null;
  citedUrls: string[];
}

/**
 * Feedback in one SQLite file (WAL mode). Text is redacted once more before it is written,
 * so a caller that forgot to redact cannot leak personal data into the file. A second
 * rating of the same answer replaces the first (citizens may change their mind).
 */
export class SqliteFeedbackStore implements FeedbackStore {
  private readonly db: Database.Database;
  private readonly now: () => Date;
  private readonly retentionDays: number;
  private readonly allow: readonly string[];
  private readonly insert: Database.Statement;
  private readonly purge: Database.Statement;

  constructor(options: SqliteFeedbackStoreOptions) {
    if (options.path !== ':memory:') mkdirSync(dirname(options.path), { recursive: true });
    this.db = new Database(options.path);
    this.db.pragma('journal_mode = WAL');
    this.db.exec(SCHEMA);
    this.now = options.now ?? (() => new Date());
    this.retentionDays = options.retentionDays;
    this.allow = options.allow ?? [];
    this.insert = this.db.prepare(`
      INSERT INTO feedback (created_at, channel, conversation_id, message_id, rating, comment, question, answer, answer_type, cited_urls)
      VALUES (@createdAt, @channel, @conversationId, @messageId, @rating, @comment, @question, @answer, @answerType, @citedUrls)
      ON CONFLICT (message_id) DO UPDATE SET
        created_at = excluded.created_at, rating = excluded.rating, comment = excluded.comment`);
    this.purge = this.db.prepare('DELETE FROM feedback WHERE created_at < ?');
  }

  save(record: FeedbackRecord): void {
    const redact = (text: string | undefined) =>
      text === undefined ? null : redactPersonalData(text, { allow: this.allow, now: this.now() });
    this.insert.run({
      createdAt: this.now().toISOString(),
      channel: record.channel,
      conversationId: record.conversationId,
      messageId: record.messageId,
      rating: record.rating,
      comment: redact(record.comment),
      question: redact(record.question),
      answer: redact(record.answer),
      answerType: record.answerType ?? null,
      citedUrls: JSON.stringify(record.citedUrls ?? []),
    });
  }

  purgeExpired(now: Date = this.now()): number {
    const cutoff = new Date(now.getTime() - this.retentionDays * DAY_MS).toISOString();
    return this.purge.run(cutoff).changes;
  }

  count(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM feedback').get() as { n: number }).n;
  }

  /** All rows, newest first. */
  list(): FeedbackRow[] {
    const rows = this.db.prepare('SELECT * FROM feedback ORDER BY created_at DESC, id DESC').all() as Array<
      Record<string, unknown>
    >;
    return rows.map((row) => ({
      id: row.id as number,
      createdAt: row.created_at as string,
      channel: row.channel as string,
      conversationId: row.conversation_id as string,
      messageId: row.message_id as string,
      rating: row.rating as 'up' | 'down',
      comment: row.comment as string | null,
      question: row.question as string | null,
      answer: row.answer as string | null,
      answerType: row.answer_type as string | null,
      citedUrls: JSON.parse(row.cited_urls as string) as string[],
    }));
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

/**
 * Purges expired feedback every `intervalMs` (and once right away). The timer is unref'd so
 * it never keeps the process alive; the returned function stops it.
 */
export function startRetentionTimer(
  store: Pick<FeedbackStore, 'purgeExpired'>,
  intervalMs: number,
  onError: (error: unknown) => void = () => {},
): () => void {
  const run = () => {
    try {
      store.purgeExpired();
    } catch (error) {
      onError(error);
    }
  };
  run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
