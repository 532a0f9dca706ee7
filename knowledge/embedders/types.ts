/**
 * What the knowledge layer needs from an embedder. Implementations extend LangChain's
 * `Embeddings` (embedDocuments / embedQuery) and add an id and the dimensions, which the
 * snapshot manifest records so a snapshot is never opened with a different model.
 */
export interface Embedder {
  /** Stable id including model and settings, e.g. `hashed-ngram-v1-d512` or `transformers:Xenova/multilingual-e5-small`. */
  readonly id: string;
  readonly dimensions: number;
  /** Passages, L2-normalised. */
  embedDocuments(texts: string[]): Promise<number[][]>;
  /** A query, L2-normalised (e5 models add the "query: " prefix here). */
  embedQuery(text: string): Promise<number[]>;
}
