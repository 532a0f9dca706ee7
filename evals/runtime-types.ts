import type { AnswerEngine } from '../bot/answering/types.js';
import type { Retriever } from '../knowledge/types.js';
import type { DocumentList } from './doc-match.js';

/** What the eval CLI needs from a running bot: the engine, the retriever and the corpus. */
export interface EvalRuntime {
  engine: Pick<AnswerEngine, 'answer'>;
  retriever?: Pick<Retriever, 'search'>;
  documents: DocumentList;
  /** Facts for the report header. */
  describe: { embedder?: string; chunks?: number };
  /** Crisis-line numbers from the city profile (count for suicidal phrasing). */
  crisisNumbers?: string[];
  /** Removes the throwaway snapshot and closes the runtime. */
  close(): Promise<void>;
}

export interface OpenRuntimeOptions {
  /** Folders, files or catalogue JSON to ingest into a throwaway snapshot. */
  sources: string[];
  env: Record<string, string | undefined>;
  /** Writes progress lines (stderr). */
  log: (line: string) => void;
}

export type OpenRuntime = (options: OpenRuntimeOptions) => Promise<EvalRuntime>;
