import type {
  Answer,
  AnswerEngine,
  AnswerEvent,
  AnswerRequest,
  Citation,
} from '../../../bot/answering/types.js';

/** What the engine does for one request: a list of events, or any async sequence of them. */
export type Script = (request: AnswerRequest) => AsyncIterable<AnswerEvent> | AnswerEvent[];

/**
 * An AnswerEngine whose answers the test writes (the real port; only the answering is scripted).
 * Records every request it gets.
 */
export class ScriptedEngine implements AnswerEngine {
  readonly requests: AnswerRequest[] = [];
  private script: Script = (request) => streamOf(answerOf({ text: `Echo: ${request.message}` }));

  /** Uses `script` for every following request. */
  reply(script: Script): void {
    this.script = script;
  }

  async answer(request: AnswerRequest): Promise<Answer> {
    for await (const event of this.stream(request)) if (event.type === 'end') return event.answer;
    throw new Error('scripted stream ended without an answer');
  }

  async *stream(request: AnswerRequest): AsyncIterable<AnswerEvent> {
    this.requests.push(request);
    yield* this.script(request);
  }
}

export function citationOf(n: number, title: string, url?: string, updated?: string): Citation {
  return {
    n,
    docId: `doc-${n}.md`,
    title,
    url,
    updated,
    headingPath: [title],
    passage: `Auszug aus ${title}`,
    score: 0.9,
  };
}

export function answerOf(partial: Partial<Answer> & { text: string }): Answer {
  return {
    type: 'answer',
    citations: [],
    evidence: [],
    resolvedQuestion: partial.text,
    confidence: 0.9,
    mode: 'extractive',
    lang: 'de',
    ...partial,
  };
}

/** The events of a streamed answer: `sources`, the text in word-sized deltas, `end`. */
export function streamOf(
  answer: Answer,
  options: { pause?: Promise<void>; failAfter?: number } = {},
): AnswerEvent[] | AsyncIterable<AnswerEvent> {
  const deltas = answer.text.match(/\S+\s*|\s+/g) ?? [];
  const events: AnswerEvent[] = [
    { type: 'sources', answerType: answer.type, citations: answer.citations },
    ...deltas.map((delta): AnswerEvent => ({ type: 'text-delta', delta })),
    { type: 'end', answer },
  ];
  if (!options.pause && options.failAfter === undefined) return events;
  return (async function* () {
    for (const [index, event] of events.entries()) {
      if (options.failAfter !== undefined && index === options.failAfter) {
        yield { type: 'error', code: 'upstream_unavailable', message: 'Sprachmodell nicht erreichbar' };
        return;
      }
      // Hold back the rest after the first two deltas, so the test can look at a half answer.
      if (index === 3 && options.pause) await options.pause;
      yield event;
    }
  })();
}

/** A promise the test resolves by hand (no sleeps). */
export function gate(): { promise: Promise<void>; open(): void } {
  let open = () => {};
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}
