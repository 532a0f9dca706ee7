import { EventEmitter } from 'node:events';
import type { Logger } from '../../../../config/logger.js';
import { cityProfileSchema, type CityProfile } from '../../../../config/index.js';
import type { Answer, AnswerEngine, AnswerRequest } from '../../../../bot/answering/types.js';

/** A city profile for tests; not a real city. */
export const testProfile: CityProfile = cityProfileSchema.parse({
  id: 'musterstadt',
  name: 'Musterstadt',
  genitive: 'der Stadt Musterstadt',
  website: 'https://www.musterstadt.example',
  botName: 'Musterstadt-Bot',
  serviceCenter: {
    name: 'Bürgerbüro Musterstadt',
    phone: '01234 56-0',
    email: 'buergerbuero@musterstadt.example',
    url: 'https://www.musterstadt.example/buergerbuero',
    hours: 'Mo–Fr 8–16 Uhr',
  },
  hotline: { label: 'Behördennummer', number: '115', hours: 'Mo–Fr 8–18 Uhr' },
  emergency: [
    { key: 'fire_medical', label: 'Feuerwehr und Rettungsdienst', number: '112', note: 'kostenlos' },
    { key: 'police', label: 'Polizei', number: '110' },
    { key: 'crisis', label: 'TelefonSeelsorge', number: '0800 111 0 111' },
  ],
  privacyNoticeUrl: 'https://www.musterstadt.example/datenschutz',
  starterQuestions: { de: ['Was kostet ein Personalausweis?', 'Wie melde ich mich um?'] },
});

/** An answer with two cited sources and three evidence passages. */
export function sampleAnswer(overrides: Partial<Answer> = {}): Answer {
  return {
    type: 'answer',
    text:
      'Ein Personalausweis kostet **37,00 Euro** für Personen ab 24 Jahren [1].\n\n' +
      'Sie brauchen:\n- ein biometrisches Passfoto\n- den alten Ausweis [2]\n\n' +
      'Einen Termin buchen Sie [online](https://www.musterstadt.example/termin).',
    citations: [
      {
        n: 1,
        docId: '012-personalausweis.md',
        url: 'https://www.musterstadt.example/personalausweis',
        title: 'Personalausweis beantragen',
        updated: '2025-03-12',
        headingPath: ['Personalausweis', 'Gebühren'],
        passage: 'Die Gebühr beträgt 37,00 Euro.',
        score: 0.91,
      },
      {
        n: 2,
        docId: '013-unterlagen.md',
        url: 'https://www.musterstadt.example/unterlagen',
        title: 'Unterlagen für den Ausweis',
        headingPath: ['Unterlagen'],
        passage: 'Bringen Sie ein biometrisches Passfoto mit.',
        score: 0.74,
      },
    ],
    evidence: [
      {
        docId: '012-personalausweis.md',
        title: 'Personalausweis beantragen',
        url: 'https://www.musterstadt.example/personalausweis',
        headingPath: ['Personalausweis', 'Gebühren'],
        text: 'Die Gebühr für den Personalausweis beträgt 37,00 Euro, für Personen unter 24 Jahren 22,80 Euro.',
        score: 0.912,
      },
      {
        docId: '013-unterlagen.md',
        title: 'Unterlagen für den Ausweis',
        headingPath: ['Unterlagen'],
        text: 'Bringen Sie ein aktuelles biometrisches Passfoto und Ihren bisherigen Ausweis mit.',
        score: 0.741,
      },
      {
        docId: '020-reisepass.md',
        title: 'Reisepass',
        headingPath: [],
        text: 'Der Reisepass kostet 70,00 Euro.',
        score: 0.33,
      },
    ],
    resolvedQuestion: 'Was kostet ein Personalausweis?',
    confidence: 0.86,
    mode: 'extractive',
    lang: 'de',
    ...overrides,
  };
}

export interface ScriptedEngine extends AnswerEngine {
  requests: AnswerRequest[];
  /** Replace the reply for the next requests. */
  reply: (request: AnswerRequest) => Answer | Promise<Answer>;
}

/** An AnswerEngine that records its calls and answers from a script. */
export function createScriptedEngine(
  reply: (request: AnswerRequest) => Answer | Promise<Answer> = () => sampleAnswer(),
): ScriptedEngine {
  const engine: ScriptedEngine = {
    requests: [],
    reply,
    async answer(request) {
      engine.requests.push(request);
      return engine.reply(request);
    },
    async *stream(request) {
      const answer = await engine.answer(request);
      yield { type: 'sources', answerType: answer.type, citations: answer.citations };
      yield { type: 'text-delta', delta: answer.text };
      yield { type: 'end', answer };
    },
  };
  return engine;
}

export interface LogEntry {
  level: 'debug' | 'info' | 'warn' | 'error';
  msg: string;
  fields: Record<string, unknown>;
}

export interface RecordingLogger extends Logger {
  entries: LogEntry[];
  /** Resolves with the first entry (past or future) with this message. */
  waitFor(msg: string): Promise<LogEntry>;
}

/** A logger that keeps every entry in memory, shared by its children. */
export function createRecordingLogger(): RecordingLogger {
  const entries: LogEntry[] = [];
  const events = new EventEmitter();
  const make = (base: Record<string, unknown>): Logger => {
    const emit =
      (level: LogEntry['level']) =>
      (msg: string, fields: Record<string, unknown> = {}) => {
        const entry = { level, msg, fields: { ...base, ...fields } };
        entries.push(entry);
        events.emit('entry', entry);
      };
    return {
      debug: emit('debug'),
      info: emit('info'),
      warn: emit('warn'),
      error: emit('error'),
      child: (fields) => make({ ...base, ...fields }),
    };
  };
  return {
    ...make({}),
    entries,
    waitFor(msg) {
      const found = entries.find((entry) => entry.msg === msg);
      if (found) return Promise.resolve(found);
      return new Promise((resolve) => {
        const listener = (entry: LogEntry) => {
          if (entry.msg !== msg) return;
          events.off('entry', listener);
          resolve(entry);
        };
        events.on('entry', listener);
      });
    },
  };
}
