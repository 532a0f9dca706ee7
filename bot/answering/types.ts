/**
 * The answering core's public types. Channels (HTTP, Teams) and the evals speak only these.
 * Nothing here depends on a framework.
 */

export type AnswerType = 'answer' | 'no_answer' | 'out_of_scope' | 'emergency' | 'smalltalk';

export type Channel = 'web' | 'teams' | 'api' | 'eval';

export interface ChatTurn {
  role: 'user' | 'assistant';
  content: string;
}

/** A source the answer rests on; `n` is the number used in the text ("[1]"). */
export interface Citation {
  n: number;
  docId: string;
  url?: string;
  title: string;
  /** ISO date of the page's last change ("Stand"). */
  updated?: string;
  headingPath: string[];
  /** The passage the answer used (plain text, possibly shortened). */
  passage: string;
  score: number;
}

/** A retrieved passage as shown to staff (Teams) and in eval reports. */
export interface EvidencePassage {
  docId: string;
  title: string;
  url?: string;
  headingPath: string[];
  text: string;
  score: number;
}

/** A human contact, given with every no-answer and refusal. */
export interface ContactHint {
  name: string;
  phone?: string;
  email?: string;
  url?: string;
  hours?: string;
}

export interface AnswerRequest {
  message: string;
  /** Conversation so far, oldest first, without the current message. */
  history: ChatTurn[];
  /** UI language hint (de, en, tr, ar, uk); the engine also detects the message's language. */
  lang?: string;
  channel: Channel;
  signal?: AbortSignal;
}

export interface Answer {
  type: AnswerType;
  /** Markdown-light text: paragraphs, "- " lists, **bold**, [text](https://…) links. */
  text: string;
  citations: Citation[];
  /** Retrieved passages in rank order (documents the answer considered). */
  evidence: EvidencePassage[];
  /** The standalone question after follow-up resolution. */
  resolvedQuestion: string;
  /** 0..1, how sure the relevance gate was. */
  confidence: number;
  contact?: ContactHint;
  /** 'extractive' | 'llm' | 'canned' */
  mode: 'extractive' | 'llm' | 'canned';
  lang: string;
}

/** Streaming events, in order: `sources`, `text-delta`*, then `end` (or one `error`). */
export type AnswerEvent =
  | { type: 'sources'; answerType: AnswerType; citations: Citation[] }
  | { type: 'text-delta'; delta: string }
  | { type: 'end'; answer: Answer }
  | { type: 'error'; code: string; message: string };

/** The one port every channel uses. */
export interface AnswerEngine {
  answer(request: AnswerRequest): Promise<Answer>;
  stream(request: AnswerRequest): AsyncIterable<AnswerEvent>;
}
