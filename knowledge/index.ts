/** Public surface of the knowledge layer: the model, the snapshot and retrieval. */
export type { Chunk, CleanDocument, ContentBlock, Passage, Retriever, SearchOptions } from './types.js';
export { searchableText } from './chunk-text.js';
export type { Embedder } from './embedders/types.js';
export { createEmbedder } from './embedders/index.js';
export { createGermanAnalyzer, type GermanAnalyzer } from './analysis/index.js';
export { HybridRetriever, DEFAULT_HYBRID, type HybridOptions } from './retrieval/hybrid.js';
export { HnswVectorIndex } from './vector/hnsw-index.js';
export { writeSnapshot, pruneSnapshots, type SnapshotInput } from './snapshot/writer.js';
export {
  openSnapshot,
  readCurrentManifest,
  loadStoredEmbeddings,
  loadStoredDocuments,
  type KnowledgeSnapshot,
  type OpenSnapshotOptions,
} from './snapshot/reader.js';
export { SnapshotError, type SnapshotManifest, type StoredDocument } from './snapshot/manifest.js';
export { crawlCacheDir, readCurrent } from './snapshot/layout.js';
