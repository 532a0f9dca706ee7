import type { Chunk, Passage, QueryWord } from '../../knowledge/types.js';

export type { QueryWord };

/** What the answering core needs from the knowledge snapshot. */
export interface KnowledgePort {
  search(query: string, k: number, signal?: AbortSignal): Promise<Passage[]>;
  documentChunks(docId: string): Chunk[];
  queryWords(question: string): QueryWord[];
  /** Index terms of one document (all chunks, title and headings), cached. */
  documentTerms(docId: string): ReadonlySet<string>;
  /** Other documents with the same URL (a service description and its page), for one merged source. */
  siblings(docId: string): string[];
  /** Whether the pages are about this place (it is in titles or throughout the text). */
  describesPlace(name: string): boolean;
  /** Index terms of all document titles: words that name a service or page. */
  titleTerms(): ReadonlySet<string>;
  /** Index terms of a text (for choosing sentences). */
  termsOf(text: string): string[];
}

/** Streams an answer from a language model; see bot/adapters/llm. */
export interface LlmPort {
  readonly model: string;
  stream(request: {
    system: string;
    messages: Array<{ role: 'user' | 'assistant'; content: string }>;
    signal?: AbortSignal;
  }): AsyncIterable<string>;
}
