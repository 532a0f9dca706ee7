import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { cityProfileSchema, loadConfig, type CityProfile } from '../../../config/index.js';
import { createLogger, type Logger } from '../../../config/logger.js';
import type {
  Answer,
  AnswerEngine,
  AnswerEvent,
  AnswerRequest,
  Citation,
} from '../../../bot/answering/types.js';
import { createMemoryConversationStore, type ConversationStore } from '../../../bot/conversations/store.js';
import { SqliteFeedbackStore } from '../../../bot/adapters/feedback-sqlite.js';
import { createHttpApp, type HttpAppDeps } from '../../../bot/channels/http/index.js';
import { profileAllowList } from '../../../bot/privacy/index.js';

export const citation: Citation = {
  n: 1,
  docId: '012-personalausweis.md',
  url: 'https://www.example-stadt.de/personalausweis',
  title: 'Personalausweis beantragen',
  updated: '2025-01-15',
  headingPath: ['Personalausweis', 'Gebühren'],
  passage: 'Der Personalausweis kostet 37,00 Euro.',
  score: 0.91,
};

export function answerOf(text: string, overrides: Partial<Answer> = {}): Answer {
  return {
    type: 'answer',
    text,
    citations: [citation],
    evidence: [],
    resolvedQuestion: 'Was kostet ein Personalausweis?',
    confidence: 0.9,
    mode: 'extractive',
    lang: 'de',
    ...overrides,
  };
}

/** Splits an answer into the event sequence a well-behaved engine streams. */
export function eventsOf(answer: Answer, chunks = answer.text.match(/.{1,8}/gs) ?? []): AnswerEvent[] {
  return [
    { type: 'sources', answerType: answer.type, citations: answer.citations },
    ...chunks.map((delta): AnswerEvent => ({ type: 'text-delta', delta })),
    { type: 'end', answer },
  ];
}

/** An engine stream from a fixed list of events, optionally failing after the last one. */
export async function* streamOf(events: AnswerEvent[], failWith?: Error): AsyncGenerator<AnswerEvent> {
  for (const event of events) yield await Promise.resolve(event);
  if (failWith) throw failWith;
}

export interface ScriptedEngine extends AnswerEngine {
  /** Every request the engine received, in order. */
  requests: AnswerRequest[];
}

/**
 * A small engine that follows a script: `answer` returns the next scripted answer (or
 * throws), `stream` runs the given generator function. Records every request.
 */
export function scriptedEngine(script: {
  answer?: (request: AnswerRequest) => Answer | Promise<Answer>;
  stream?: (request: AnswerRequest) => AsyncIterable<AnswerEvent>;
}): ScriptedEngine {
  const requests: AnswerRequest[] = [];
  const defaultAnswer = (request: AnswerRequest) => answerOf(`Antwort auf: ${request.message}`);
  return {
    requests,
    async answer(request) {
      requests.push(request);
      return (script.answer ?? defaultAnswer)(request);
    },
    stream(request) {
      requests.push(request);
      if (script.stream) return script.stream(request);
      return (async function* () {
        for (const event of eventsOf(await (script.answer ?? defaultAnswer)(request))) yield event;
      })();
    },
  };
}

export const testProfile: CityProfile = cityProfileSchema.parse({
  id: 'musterstadt',
  name: 'Musterstadt',
  genitive: 'der Stadt Musterstadt',
  website: 'https://www.example-stadt.de',
  botName: 'Muster-Bot',
  serviceCenter: {
    name: 'Bürgerbüro Musterstadt',
    phone: '0209 169-0',
    email: 'buergerbuero@example-stadt.de',
    url: 'https://www.example-stadt.de/buergerbuero',
    address: 'Rathausplatz 1, 45879 Musterstadt',
    hours: 'Mo–Fr 8–12 Uhr',
  },
  hotline: { label: 'Behördennummer', number: '115', hours: 'Mo–Fr 8–18 Uhr' },
  emergency: [
    { key: 'fire_medical', label: 'Feuerwehr', number: '112' },
    { key: 'police', label: 'Polizei', number: '110' },
  ],
  privacyNoticeUrl: 'https://www.example-stadt.de/datenschutz',
  imprintUrl: 'https://www.example-stadt.de/impressum',
  branding: { primaryColor: '#00528c', onPrimaryColor: '#ffffff' },
  starterQuestions: { de: ['Was kostet ein Personalausweis?'], en: ['How much is an ID card?'] },
});

export interface LogCapture {
  logger: Logger;
  lines: string[];
  records(): Array<Record<string, unknown>>;
  /** Resolves with the first (past or future) record the predicate accepts. */
  waitFor(predicate: (record: Record<string, unknown>) => boolean): Promise<Record<string, unknown>>;
}

export function captureLogs(): LogCapture {
  const lines: string[] = [];
  const waiters: Array<{
    predicate: (record: Record<string, unknown>) => boolean;
    resolve: (r: Record<string, unknown>) => void;
  }> = [];
  const logger = createLogger('debug', {}, (line) => {
    lines.push(line);
    const record = JSON.parse(line) as Record<string, unknown>;
    for (const waiter of [...waiters]) {
      if (waiter.predicate(record)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(record);
      }
    }
  });
  const records = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  return {
    logger,
    lines,
    records,
    waitFor: (predicate) =>
      new Promise((resolve) => {
        const found = records().find(predicate);
        if (found) resolve(found);
        else waiters.push({ predicate, resolve });
      }),
  };
}

export interface TestApp {
  app: Hono;
  engine: ScriptedEngine;
  conversations: ConversationStore;
  feedback: SqliteFeedbackStore;
  logs: LogCapture;
  clock: { now: number };
  ready: { value: boolean };
  feedbackPath: string;
  cleanup(): void;
}

/** The real app with a scripted engine, a real SQLite feedback file in a temp dir and a manual clock. */
export function makeApp(
  options: {
    engine?: ScriptedEngine;
    env?: Record<string, string>;
    extensions?: HttpAppDeps['extensions'];
    conversationTtlMs?: number;
  } = {},
): TestApp {
  const dir = mkdtempSync(join(tmpdir(), 'http-app-'));
  const clock = { now: Date.parse('2026-03-02T10:00:00Z') };
  const ready = { value: true };
  const logs = captureLogs();
  const config = loadConfig({ NODE_ENV: 'test', ...options.env });
  const feedbackPath = join(dir, 'nested', 'feedback.sqlite');
  const feedback = new SqliteFeedbackStore({
    path: feedbackPath,
    retentionDays: config.FEEDBACK_RETENTION_DAYS,
    now: () => new Date(clock.now),
    allow: profileAllowList(testProfile),
  });
  const conversations = createMemoryConversationStore({
    ttlMs: options.conversationTtlMs ?? config.CONVERSATION_TTL_MINUTES * 60_000,
    maxConversations: 100,
    now: () => clock.now,
  });
  const engine = options.engine ?? scriptedEngine({});
  const app = createHttpApp({
    engine,
    config,
    profile: testProfile,
    feedback,
    conversations,
    logger: logs.logger,
    isReady: () => ready.value,
    now: () => clock.now,
    ...(options.extensions && { extensions: options.extensions }),
  });
  return {
    app,
    engine,
    conversations,
    feedback,
    logs,
    clock,
    ready,
    feedbackPath,
    cleanup: () => {
      feedback.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const jsonPost = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json', ...headers },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

/** Node-server bindings as @hono/node-server passes them, for a given client address. */
export const fromAddress = (remoteAddress: string) => ({ incoming: { socket: { remoteAddress } } });

export interface SseEvent {
  event: string;
  data: string;
}

/** Parses a raw text/event-stream body strictly: blocks end with a blank line. */
export function parseSse(raw: string): SseEvent[] {
  if (raw !== '' && !raw.endsWith('\n\n'))
    throw new Error(`stream does not end with a blank line: ${JSON.stringify(raw.slice(-40))}`);
  return raw
    .split('\n\n')
    .filter((block) => block !== '')
    .map((block) => {
      let event = 'message';
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event: ')) event = line.slice(7);
        else if (line.startsWith('data: ')) data.push(line.slice(6));
        else throw new Error(`unexpected SSE line: ${line}`);
      }
      return { event, data: data.join('\n') };
    });
}
