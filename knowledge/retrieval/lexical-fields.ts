import type { Chunk } from '../types.js';

/** How a chunk is split into BM25 fields (title and headings weigh more than body text). */
export function chunkLexicalFields(chunk: Chunk): {
  id: string;
  title: string;
  headings: string;
  body: string;
} {
  return {
    id: chunk.id,
    title: chunk.title,
    headings: chunk.headingPath.join(' '),
    body: chunk.text,
  };
}
