import type {
  Answer,
  AnswerEngine,
  AnswerRequest,
  Citation,
  EvidencePassage,
} from '../../bot/answering/types.js';

export interface ScriptedReply {
  type?: Answer['type'];
  text: string;
  /** Cited documents: id or [id, url]. */
  cites?: Array<string | [string, string]>;
  /** Retrieved documents in rank order: id or [id, url]. */
  evidence?: Array<string | [string, string]>;
  resolvedQuestion?: string;
}

const ref = (entry: string | [string, string]) =>
  typeof entry === 'string' ? { docId: entry } : { docId: entry[0], url: entry[1] };

/** An AnswerEngine that replies from a script keyed by message and records every request. */
export function scriptedEngine(
  script: Record<string, ScriptedReply | Error>,
): AnswerEngine & { calls: AnswerRequest[] } {
  const calls: AnswerRequest[] = [];
  return {
    calls,
    answer(request) {
      calls.push(request);
      return new Promise((resolve) => resolve(build(request)));
    },
    stream() {
      throw new Error('the evals never stream');
    },
  };

  function build(request: AnswerRequest): Answer {
    const reply = script[request.message];
    if (reply === undefined) throw new Error(`no scripted reply for "${request.message}"`);
    if (reply instanceof Error) throw reply;
    const citations: Citation[] = (reply.cites ?? []).map((entry, index) => ({
      n: index + 1,
      ...ref(entry),
      title: `Titel ${ref(entry).docId}`,
      headingPath: [],
      passage: `Passage aus ${ref(entry).docId}`,
      score: 1,
    }));
    const evidence: EvidencePassage[] = (reply.evidence ?? reply.cites ?? []).map((entry) => ({
      ...ref(entry),
      title: `Titel ${ref(entry).docId}`,
      headingPath: [],
      text: `Text aus ${ref(entry).docId}`,
      score: 1,
    }));
    return {
      type: reply.type ?? 'answer',
      text: reply.text,
      citations,
      evidence,
      resolvedQuestion: reply.resolvedQuestion ?? request.message,
      confidence: 0.9,
      mode: 'extractive',
      lang: request.lang ?? 'de',
    };
  }
}

/** The hand-made corpus the runner tests use: a service description and its page share a url. */
export const DOCUMENTS = [
  { id: 'personalausweis.html', url: 'https://stadt.example/personalausweis', title: 'Personalausweis' },
  {
    id: 'service:personalausweis',
    url: 'https://stadt.example/personalausweis',
    title: 'Personalausweis beantragen',
  },
  { id: 'reisepass.html', url: 'https://stadt.example/reisepass', title: 'Reisepass' },
  { id: 'hundesteuer.md', title: 'Hundesteuer' },
  { id: 'sperrmuell.md', url: 'https://stadt.example/sperrmuell', title: 'Sperrmüll' },
];
