import type { CityProfile } from '../../config/city-profile.js';
import type { Logger } from '../../config/logger.js';
import type { Passage } from '../../knowledge/types.js';
import { isLanguage } from './language.js';
import type { KnowledgePort, LlmPort } from './ports.js';
import { NO_ANSWER_MARKER, systemPrompt, userPrompt, type NumberedSource } from './prompts.js';
import type { Answer, AnswerEvent, ChatTurn, Citation } from './types.js';
import { splitForStreaming } from './stream-text.js';

export interface LlmComposeInput {
  llm: LlmPort;
  /** The grounded extractive answer, used whenever the model fails or strays. */
  fallback: Answer;
  question: string;
  history: ChatTurn[];
  passages: Passage[];
  /** @deprecated Unused; will be removed once callers stop passing it. */
  knowledge?: KnowledgePort;
  profile: Pick<CityProfile, 'genitive'>;
  /** Redacts personal data from the question and the history before they leave the process. */
  redact: (text: string) => string;
  /** Longest wait for the model's first token, and between two tokens, before falling back. */
  timeoutMs: number;
  /** Appended to an accepted model answer (e.g. the privacy notice the fallback also carries). */
  appendix?: string;
  signal?: AbortSignal;
  logger?: Logger;
}

const MAX_SOURCES = 6;

/**
 * A citation marker: "[2]", "[1, 3]", "[Quelle 2]", not a Markdown link "[2](…)". The
 * horizontal whitespace before it goes with it, so a dropped marker leaves no gap.
 */
const CITATION = /[ \t]*\[(?:Quelle\s*)?(\d{1,2}(?:\s*[,;]\s*\d{1,2})*)\](?!\()/giu;

/**
 * LLM mode: streams the model's answer token by token, then checks it. Citations must point
 * to sources that were given; an answer that cites none, says it cannot answer, is empty or
 * garbled, stalls, breaks off or errors is replaced by the extractive answer (the `end`
 * event's text is authoritative for clients). A caller's abort is rethrown, never replaced.
 */
export async function* composeWithLlm(input: LlmComposeInput): AsyncGenerator<AnswerEvent> {
  const lang = isLanguage(input.fallback.lang) ? input.fallback.lang : 'de';
  const sources = numberSources(input.passages);
  const stall = stallTimer(input.timeoutMs);
  const signal = input.signal ? AbortSignal.any([input.signal, stall.signal]) : stall.signal;
  const messages = [
    ...input.history.slice(-4).map((turn) => ({ role: turn.role, content: input.redact(turn.content) })),
    { role: 'user' as const, content: userPrompt(input.redact(input.question), sources) },
  ];
  const visible = streamFilter(sources.length);

  let text = '';
  let started = false;
  try {
    stall.arm();
    for await (const delta of input.llm.stream({
      system: systemPrompt(input.profile.genitive, lang),
      messages,
      signal,
    })) {
      stall.disarm();
      text += delta;
      const shown = visible(delta);
      if (shown) {
        if (!started) {
          started = true;
          yield {
            type: 'sources',
            answerType: 'answer',
            citations: sources.map((source) => toCitation(source, input.passages)),
          };
        }
        yield { type: 'text-delta', delta: shown };
      }
      stall.arm(); // only the model's time counts, not the time the consumer takes
    }
  } catch (error) {
    input.signal?.throwIfAborted();
    input.logger?.warn('llm failed, extractive fallback', {
      model: input.llm.model,
      reason: stall.signal.aborted ? 'timeout' : (error as Error).name,
    });
    yield* fallbackEvents(input.fallback, started);
    return;
  } finally {
    stall.disarm();
  }

  const checked = checkCitations(text, sources, input.passages);
  if (!checked) {
    input.logger?.warn('llm answer rejected, extractive fallback', { model: input.llm.model });
    yield* fallbackEvents(input.fallback, started);
    return;
  }
  const answerText = input.appendix ? `${checked.text}\n\n${input.appendix}` : checked.text;
  yield {
    type: 'end',
    answer: { ...input.fallback, text: answerText, citations: checked.citations, mode: 'llm', lang },
  };
}

function* fallbackEvents(answer: Answer, started: boolean): Generator<AnswerEvent> {
  if (!started) {
    yield { type: 'sources', answerType: answer.type, citations: answer.citations };
    for (const delta of splitForStreaming(answer.text)) yield { type: 'text-delta', delta };
  }
  yield { type: 'end', answer };
}

/** An abort signal that fires when the timer runs out while armed. */
function stallTimer(ms: number) {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const disarm = () => clearTimeout(timer);
  return {
    signal: controller.signal,
    disarm,
    arm() {
      disarm();
      timer = setTimeout(
        () => controller.abort(new DOMException('The language model did not answer in time', 'TimeoutError')),
        ms,
      );
    },
  };
}

/**
 * What of the model's text may be shown while it streams: markers of sources that were not
 * given are dropped, and anything that may still become one (an open "[", the whitespace
 * before it) or the no-answer marker is held back until the next token decides.
 */
function streamFilter(sourceCount: number): (delta: string) => string {
  let pending = '';
  let silenced = false;
  return (delta) => {
    if (silenced) return '';
    pending += delta;
    if (pending.includes(NO_ANSWER_MARKER)) {
      silenced = true;
      return '';
    }
    const hold = holdFrom(pending);
    const ready = pending.slice(0, hold);
    pending = pending.slice(hold);
    return ready.replace(CITATION, (_match, list: string) =>
      citedNumbers(list, sourceCount)
        .map((n) => ` [${n}]`)
        .join(''),
    );
  };
}

function holdFrom(text: string): number {
  let hold = text.length;
  const open = /\[[^\]\n]{0,12}$/u.exec(text);
  if (open) hold = open.index;
  for (let k = Math.min(text.length, NO_ANSWER_MARKER.length - 1); k > 0; k--) {
    if (text.endsWith(NO_ANSWER_MARKER.slice(0, k))) {
      hold = Math.min(hold, text.length - k);
      break;
    }
  }
  while (hold > 0 && /[ \t\n]/u.test(text[hold - 1] ?? '')) hold--;
  return hold;
}

/** The distinct, given source numbers in a marker's list ("1, 7, 1" with 3 sources → 1). */
function citedNumbers(list: string, sourceCount: number): number[] {
  const numbers = list.split(/[,;]/u).map((part) => Number(part.trim()));
  return [...new Set(numbers.filter((n) => Number.isInteger(n) && n >= 1 && n <= sourceCount))];
}

function numberSources(passages: Passage[]): NumberedSource[] {
  return passages.slice(0, MAX_SOURCES).map((passage, i) => ({
    n: i + 1,
    title: passage.title,
    headingPath: passage.headingPath,
    updated: passage.updated,
    text: passage.text,
  }));
}

function toCitation(source: NumberedSource, passages: Passage[]): Citation {
  const passage = passages[source.n - 1] as Passage;
  return {
    n: source.n,
    docId: passage.docId,
    url: passage.url,
    title: passage.title,
    updated: passage.updated,
    headingPath: passage.headingPath,
    passage: passage.text.slice(0, 400),
    score: passage.score,
  };
}

/**
 * Keeps only citation markers of given sources, renumbers them in order of appearance and
 * returns undefined for answers that must not be shown: too short, mostly non-letters, the
 * no-answer marker, or no valid citation at all (invented numbers never become citations).
 */
export function checkCitations(
  raw: string,
  sources: NumberedSource[],
  passages: Passage[],
): { text: string; citations: Citation[] } | undefined {
  const text = raw.trim();
  if (text.length < 15 || text.includes(NO_ANSWER_MARKER)) return undefined;
  const letters = (text.match(/\p{L}/gu) ?? []).length;
  if (letters / text.length < 0.4) return undefined;
  const renumber = new Map<number, number>();
  const cleaned = text.replace(CITATION, (_match, list: string) =>
    citedNumbers(list, sources.length)
      .map((n) => {
        if (!renumber.has(n)) renumber.set(n, renumber.size + 1);
        return ` [${renumber.get(n)}]`;
      })
      .join(''),
  );
  if (renumber.size === 0) return undefined;
  const citations = [...renumber.entries()].map(([original, n]) => ({
    ...toCitation(sources[original - 1] as NumberedSource, passages),
    n,
  }));
  return { text: cleaned.trim(), citations };
}
