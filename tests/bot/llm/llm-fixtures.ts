import {
  createOpenAiCompatibleLlm,
  type OpenAiCompatibleConfig,
} from '../../../bot/adapters/llm/openai-compatible.js';
import type { LlmPort } from '../../../bot/answering/ports.js';
import type { Answer, AnswerEvent } from '../../../bot/answering/types.js';
import type { Passage } from '../../../knowledge/types.js';

/** Hand-made passages: three numbered sources for the model. */
export const PASSAGES: Passage[] = [
  passage(
    'personalausweis',
    'Personalausweis beantragen',
    ['Gebühren'],
    'Der Personalausweis kostet 37,00 Euro, für Personen unter 24 Jahren 22,80 Euro.',
  ),
  passage(
    'buergerbuero',
    'Bürgerbüro Hans-Sachs-Haus',
    ['Öffnungszeiten'],
    'Das Bürgerbüro ist montags bis freitags von 8 bis 16 Uhr geöffnet. Termine gibt es online.',
  ),
  passage(
    'unterlagen',
    'Personalausweis beantragen',
    ['Unterlagen'],
    '- altes Ausweisdokument\n- ein biometrisches Passfoto',
  ),
];

function passage(docId: string, title: string, headingPath: string[], text: string): Passage {
  return {
    id: `${docId}#0`,
    docId,
    url: `https://www.example-stadt.de/${docId}`,
    title,
    headingPath,
    text,
    updated: '2024-05-01',
    sourceId: 'fixtures',
    hash: docId,
    ordinal: 0,
    score: 0.9,
  };
}

/** The grounded extractive answer composeWithLlm falls back to. */
export const FALLBACK: Answer = {
  type: 'answer',
  text: 'Der Personalausweis kostet 37,00 Euro [1].',
  citations: [
    {
      n: 1,
      docId: 'personalausweis',
      url: 'https://www.example-stadt.de/personalausweis',
      title: 'Personalausweis beantragen',
      updated: '2024-05-01',
      headingPath: ['Gebühren'],
      passage: 'Der Personalausweis kostet 37,00 Euro, für Personen unter 24 Jahren 22,80 Euro.',
      score: 0.9,
    },
  ],
  evidence: [],
  resolvedQuestion: 'Was kostet der Personalausweis?',
  confidence: 0.8,
  mode: 'extractive',
  lang: 'de',
};

export const PROFILE = { genitive: 'der Stadt Musterstadt' };

export function llmFor(baseUrl: string, overrides: Partial<OpenAiCompatibleConfig> = {}): LlmPort {
  const llm = createOpenAiCompatibleLlm({
    LLM_BASE_URL: baseUrl,
    LLM_MODEL: 'test-model',
    LLM_API_KEY: undefined,
    LLM_TEMPERATURE: 0.1,
    LLM_MAX_TOKENS: 300,
    LLM_TIMEOUT_MS: 5_000,
    ...overrides,
  });
  if (!llm) throw new Error('expected an LLM adapter');
  return llm;
}

export async function collect(events: AsyncIterable<AnswerEvent>): Promise<AnswerEvent[]> {
  const all: AnswerEvent[] = [];
  for await (const event of events) all.push(event);
  return all;
}

export const deltasOf = (events: AnswerEvent[]) =>
  events.flatMap((event) => (event.type === 'text-delta' ? [event.delta] : []));

export function endOf(events: AnswerEvent[]): Answer {
  const last = events.at(-1);
  if (last?.type !== 'end') throw new Error(`expected the stream to end with 'end', got ${last?.type}`);
  return last.answer;
}
