/** Public surface of the lexical (BM25F) index. */
export { Bm25Index, DEFAULT_BM25, type Bm25Options, type LexicalDocument, type LexicalHit } from './bm25.js';
export type { Bm25Settings, FieldWeights } from './bm25-data.js';
