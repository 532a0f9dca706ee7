/**
 * The document and chunk model shared by ingestion, the snapshot and the bot.
 */

/** One block of cleaned page content, in reading order. */
export type ContentBlock =
  | { kind: 'heading'; level: number; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; ordered: boolean; items: string[] }
  | { kind: 'table'; rows: string[][]; header?: string[] };

/** A page or service description after cleaning: main content only, structured by headings. */
export interface CleanDocument {
  /** Stable id: path relative to the source folder, the normalised URL of a crawled page, or `service:<id>`. */
  id: string;
  /** Canonical link to cite; undefined for local files without `url` front matter. */
  url?: string;
  title: string;
  /** ISO date (YYYY-MM-DD) of the last change, when known. */
  updated?: string;
  lang?: string;
  /** Which `--source` produced it (the folder path, start URL or catalogue file). */
  sourceId: string;
  /** 'html' | 'markdown' | 'text' | 'pdf' | 'service' */
  format: string;
  blocks: ContentBlock[];
  /** Front-matter keys and other metadata worth keeping (service fields, description…). */
  metadata: Record<string, unknown>;
  /**
   * For structured service descriptions: content per field, so chunks stay addressable
   * ("fees", "documents", "processingTime", …). Absent for pages.
   */
  fields?: Array<{ field: string; label: string; blocks: ContentBlock[] }>;
}

/** A retrievable piece of a document. */
export interface Chunk {
  /** `${docId}#${ordinal}` */
  id: string;
  docId: string;
  url?: string;
  title: string;
  /** Headings above the chunk, outermost first (without the document title). */
  headingPath: string[];
  /** Plain text of the chunk (lists as "- item" lines, tables as "Header: value" lines). */
  text: string;
  updated?: string;
  sourceId: string;
  /** Service-description field this chunk holds ("fees", "documents", …), when it came from one. */
  field?: string;
  /** sha256 of what is embedded; lets re-ingestion reuse stored embeddings. */
  hash: string;
  ordinal: number;
}

/** A chunk returned by search, with its fused score and the per-retriever ranks. */
export interface Passage extends Chunk {
  score: number;
  lexicalRank?: number;
  vectorRank?: number;
  /** Raw BM25 score, when the lexical retriever found the chunk. */
  lexicalScore?: number;
  /** Cosine similarity to the query, when the vector retriever found the chunk. */
  vectorSimilarity?: number;
}

export interface SearchOptions {
  k?: number;
  /** Retrieval mode for evaluation and diagnostics; default 'hybrid'. */
  mode?: 'hybrid' | 'lexical' | 'vector';
}

/** One word of the question as the knowledge base sees it. */
export interface QueryWord {
  surface: string;
  /** The word's own index terms (folded stems). */
  terms: string[];
  /** Compound parts ("Personalausweisantrag" → personalausweis, antrag). */
  parts: string[];
  /** Terms added by the city's synonyms ("Perso" → personalausweis). */
  synonyms: string[];
  /** Close spellings found in the index for a word it does not know ("Persnalausweis"). */
  corrections: string[];
  /** Inverse document frequency of the rarest of its terms; unknown words get the maximum. */
  idf: number;
  /** Whether any of its terms occurs in the index. */
  known: boolean;
}

/** A query term with its weight (1 for the word itself, less for parts, synonyms, corrections). */
export interface WeightedQueryTerm {
  term: string;
  weight: number;
}

/** What the bot and the evals need from a knowledge snapshot. */
export interface Retriever {
  search(query: string, options?: SearchOptions): Promise<Passage[]>;
  /** All chunks of one document in order (for composing from a whole page). */
  documentChunks(docId: string): Chunk[];
}
