import { performance } from 'node:perf_hooks';
import type { AppConfig, CityProfile } from '../../config/index.js';
import { chunkDocument } from '../../ingestion/chunk.js';
import { hashDocument } from '../../ingestion/index.js';
import {
  createGermanAnalyzer,
  searchableText,
  writeSnapshot,
  type Chunk,
  type CleanDocument,
  type Embedder,
  type SnapshotManifest,
  type StoredDocument,
} from '../../knowledge/index.js';
import { syntheticDocuments } from './synthetic-corpus.js';

export interface SyntheticSnapshot {
  manifest: SnapshotManifest;
  chunks: number;
  documents: number;
  buildMs: number;
}

/**
 * Writes a snapshot of exactly `targetChunks` chunks into `indexDir`, made of the base
 * documents and as many varied copies as needed, with the real chunker, embedder and
 * snapshot writer (the same steps as `ingest`, minus reading sources).
 */
export async function buildSyntheticSnapshot(options: {
  base: readonly CleanDocument[];
  targetChunks: number;
  indexDir: string;
  config: AppConfig;
  profile: CityProfile;
  embedder: Embedder;
}): Promise<SyntheticSnapshot> {
  const started = performance.now();
  const chunks: Chunk[] = [];
  const stored: StoredDocument[] = [];
  for (const document of syntheticDocuments(options.base, options.profile.name)) {
    if (chunks.length >= options.targetChunks) break;
    const documentChunks = chunkDocument(document, { maxChars: options.config.CHUNK_MAX_CHARS }).slice(
      0,
      options.targetChunks - chunks.length,
    );
    chunks.push(...documentChunks);
    stored.push({
      id: document.id,
      ...(document.url ? { url: document.url } : {}),
      title: document.title,
      ...(document.updated ? { updated: document.updated } : {}),
      ...(document.lang ? { lang: document.lang } : {}),
      sourceId: document.sourceId,
      format: document.format,
      contentHash: hashDocument(document),
      chunkCount: documentChunks.length,
      metadata: document.metadata,
    });
  }
  const vectors: Float32Array[] = [];
  for (let start = 0; start < chunks.length; start += 256) {
    const batch = chunks.slice(start, start + 256);
    const embedded = await options.embedder.embedDocuments(batch.map((chunk) => searchableText(chunk)));
    for (const vector of embedded) vectors.push(Float32Array.from(vector));
  }
  const manifest = await writeSnapshot(options.indexDir, {
    documents: stored,
    chunks,
    vectors,
    embedder: { id: options.embedder.id, dimensions: options.embedder.dimensions },
    analyzer: createGermanAnalyzer({ synonyms: options.profile.synonyms }),
    chunkMaxChars: options.config.CHUNK_MAX_CHARS,
    sources: [{ id: 'synthetic', kind: 'folder', documents: stored.length }],
    cityProfile: options.profile.id,
  });
  return { manifest, chunks: chunks.length, documents: stored.length, buildMs: performance.now() - started };
}
