import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SqliteFeedbackStore, startRetentionTimer } from '../../../bot/adapters/feedback-sqlite.js';
import type { FeedbackRecord } from '../../../bot/feedback/types.js';

const DAY = 24 * 60 * 60 * 1000;
let dir: string;
let stores: SqliteFeedbackStore[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'feedback-'));
});
afterEach(() => {
  for (const store of stores) store.close();
  stores = [];
  vi.useRealTimers();
  rmSync(dir, { recursive: true, force: true });
});

function open(options: { now?: () => Date; retentionDays?: number; allow?: string[] } = {}) {
  const path = join(dir, 'a', 'b', 'feedback.sqlite');
  const store = new SqliteFeedbackStore({ path, retentionDays: options.retentionDays ?? 90, ...options });
  stores.push(store);
  return { store, path };
}

const record = (messageId: string, overrides: Partial<FeedbackRecord> = {}): FeedbackRecord => ({
  messageId,
  conversationId: 'c-1',
  channel: 'web',
  rating: 'up',
  ...overrides,
});

describe('SqliteFeedbackStore', () => {
  it('creates the parent folder, the table and the created_at index, in WAL mode', () => {
    const { path } = open();
    expect(existsSync(path)).toBe(true);
    const db = new Database(path, { readonly: true });
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      const columns = (db.prepare('PRAGMA table_info(feedback)').all() as Array<{ name: string }>).map(
        (c) => c.name,
      );
      expect(columns).toEqual([
        'id',
        'created_at',
        'channel',
        'conversation_id',
        'message_id',
        'rating',
        'comment',
        'question',
        'answer',
        'answer_type',
        'cited_urls',
      ]);
      const indexes = db
        .prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'feedback'")
        .all() as Array<{ sql: string | null }>;
      expect(indexes.some((index) => index.sql?.includes('(created_at)'))).toBe(true);
    } finally {
      db.close();
    }
  });

  it('redacts question, answer and comment again before writing', () => {
    const { store } = open({ allow: ['0209 169-0'] });
    store.save(
      record('m-1', {
        question: 'Ich bin anna@example.org, IBAN DE89 3704 0044 0532 0130 00',
        answer: 'Rufen Sie 0209 169-0 an.',
        comment: 'Ausweis L01X00T47, Tel. 0170 1234567',
        answerType: 'answer',
        citedUrls: ['https://x.example/a'],
      }),
    );
    expect(store.list()).toEqual([
      expect.objectContaining({
        question: 'Ich bin [E-Mail], IBAN [IBAN]',
        answer: 'Rufen Sie 0209 169-0 an.',
        comment: 'Ausweis [Ausweisnummer], Tel. [Telefon]',
        answerType: 'answer',
        citedUrls: ['https://x.example/a'],
        channel: 'web',
        rating: 'up',
      }),
    ]);
  });

  it('keeps rows across reopening the file', () => {
    const first = open();
    first.store.save(record('m-1'));
    first.store.close();
    expect(open().store.count()).toBe(1);
  });

  it('purges rows older than the retention period using the injected clock', () => {
    let now = new Date('2026-01-01T00:00:00Z');
    const { store } = open({ now: () => now, retentionDays: 30 });
    store.save(record('old'));
    now = new Date(now.getTime() + 20 * DAY);
    store.save(record('newer'));
    now = new Date(now.getTime() + 10 * DAY + 1);
    expect(store.purgeExpired()).toBe(1);
    expect(store.list().map((row) => row.messageId)).toEqual(['newer']);
    expect(store.purgeExpired(new Date(now.getTime() + 20 * DAY))).toBe(1);
    expect(store.count()).toBe(0);
  });

  it('replaces an earlier rating of the same message', () => {
    const { store } = open();
    store.save(record('m-1', { rating: 'up' }));
    store.save(record('m-1', { rating: 'down', comment: 'doch nicht' }));
    expect(store.count()).toBe(1);
    expect(store.list()[0]).toMatchObject({ rating: 'down', comment: 'doch nicht' });
  });
});

describe('startRetentionTimer', () => {
  it('purges right away and then every interval until stopped', () => {
    vi.useFakeTimers();
    const store = { purgeExpired: vi.fn(() => 0) };
    const stop = startRetentionTimer(store, 60_000);
    expect(store.purgeExpired).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(59_999);
    expect(store.purgeExpired).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(store.purgeExpired).toHaveBeenCalledTimes(2);
    stop();
    vi.advanceTimersByTime(600_000);
    expect(store.purgeExpired).toHaveBeenCalledTimes(2);
  });

  it('reports a failing purge and keeps running', () => {
    vi.useFakeTimers();
    const errors: unknown[] = [];
    const store = {
      purgeExpired: vi.fn(() => {
        throw new Error('database is locked');
      }),
    };
    const stop = startRetentionTimer(store, 1_000, (error) => errors.push(error));
    vi.advanceTimersByTime(1_000);
    stop();
    expect(errors).toHaveLength(2);
  });

  it('purges a real store on schedule', () => {
    vi.useFakeTimers();
    let now = new Date('2026-01-01T00:00:00Z');
    const { store } = open({ now: () => now, retentionDays: 1 });
    store.save(record('m-1'));
    const stop = startRetentionTimer(store, 60 * 60 * 1000);
    expect(store.count()).toBe(1);
    now = new Date(now.getTime() + DAY + 1);
    vi.advanceTimersByTime(60 * 60 * 1000);
    expect(store.count()).toBe(0);
    stop();
  });
});
