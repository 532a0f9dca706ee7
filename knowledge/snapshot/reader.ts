import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CityProfile } from '../../config/index.js';
import type { Logger } from '../../config/logger.js';
import { createGermanAnalyzer, type GermanAnalyzer } from '../analysis/index.js';
import type { Embedder } from '../embedders/types.js';
import { Bm25Index } from '../lexical/index.js';
import { chunkLexicalFields } from '../retrieval/lexical-fields.js';
import { HybridRetriever } from '../retrieval/hybrid.js';
import type { Chunk } from '../types.js';
import { HnswVectorIndex } from '../vector/hnsw-index.js';
import { FILES, readCurrent, snapshotDir } from './layout.js';
import { SnapshotError, type SnapshotManifest, type StoredDocument } from './manifest.js';

/** A loaded, searchable knowledge snapshot. */
export interface KnowledgeSnapshot {
  manifest: SnapshotManifest;
  retriever: HybridRetriever;
  documents: Map<string, StoredDocument>;
  chunks: Chunk[];
  analyzer: GermanAnalyzer;
  dir: string;
}

export interface OpenSnapshotOptions {
  embedder: Embedder;
  profile: Pick<CityProfile, 'synonyms'>;
  ef?: number;
  logger?: Logger;
}

/** Reads the manifest of the current snapshot, or undefined when there is none. */
export function readCurrentManifest(indexDir: string): SnapshotManifest | undefined {
  const id = readCurrent(indexDir);
  return id ? readManifest(snapshotDir(indexDir, id)) : undefined;
}

/** The manifest of one snapshot folder, or undefined when it was never completed. */
function readManifest(dir: string): SnapshotManifest | undefined {
  const path = join(dir, FILES.manifest);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as SnapshotManifest) : undefined;
}

/**
 * Opens the current snapshot of `indexDir`. Refuses a snapshot built with another embedder,
 * because its vectors would be compared with query vectors from a different model.
 */
export async function openSnapshot(
  indexDir: string,
  options: OpenSnapshotOptions,
): Promise<KnowledgeSnapshot> {
  const id = readCurrent(indexDir);
  if (!id) {
    throw new SnapshotError(
      `Kein Wissensstand in ${indexDir}. Erst "npm run ingest -- --source <Ordner|URL>" ausführen.`,
      'missing',
    );
  }
  const dir = snapshotDir(indexDir, id);
  const manifest = readManifest(dir);
  if (!manifest) throw new SnapshotError(`Snapshot ${dir} has no manifest; re-run the ingestion.`, 'corrupt');
  if (manifest.embedder.id !== options.embedder.id) {
    throw new SnapshotError(
      `The snapshot in ${indexDir} was built with embedder "${manifest.embedder.id}", but "${options.embedder.id}" is configured. ` +
        `Set EMBEDDER/EMBEDDER_MODEL to match, or re-run "npm run ingest" to rebuild it with the configured embedder.`,
      'embedder_mismatch',
    );
  }

  const documents = JSON.parse(readFileSync(join(dir, FILES.documents), 'utf8')) as StoredDocument[];
  const chunks = readChunks(join(dir, FILES.chunks));
  const analyzer = createGermanAnalyzer({ synonyms: options.profile.synonyms });
  let lexical: Bm25Index;
  if (manifest.analyzerVersion === analyzer.version) {
    lexical = Bm25Index.fromJSON(JSON.parse(readFileSync(join(dir, FILES.lexical), 'utf8')), analyzer);
  } else {
    // The analyser changed since the build: rebuilding the lexical index from the chunks is cheap.
    options.logger?.warn('lexical index rebuilt for a newer analyser', {
      built: manifest.analyzerVersion,
      current: analyzer.version,
    });
    lexical = Bm25Index.build(chunks.map(chunkLexicalFields), analyzer);
  }
  const vectors = await HnswVectorIndex.read(
    join(dir, FILES.hnsw),
    manifest.embedder.dimensions,
    options.ef ?? 100,
  );
  if (vectors.size !== chunks.length) {
    throw new SnapshotError(
      `Snapshot ${dir} is inconsistent (${vectors.size} vectors, ${chunks.length} chunks).`,
      'corrupt',
    );
  }
  const retriever = new HybridRetriever({ chunks, lexical, vectors, embedder: options.embedder, analyzer });
  return {
    manifest,
    retriever,
    documents: new Map(documents.map((document) => [document.id, document])),
    chunks,
    analyzer,
    dir,
  };
}

function readChunks(path: string): Chunk[] {
  const text = readFileSync(path, 'utf8');
  if (!text) return [];
  return text.split('\n').map((line) => JSON.parse(line) as Chunk);
}

/**
 * Embeddings of the current snapshot keyed by chunk hash, so re-ingestion embeds only what
 * changed. Empty when there is no snapshot or it was built with another embedder.
 */
export function loadStoredEmbeddings(indexDir: string, embedderId: string): Map<string, Float32Array> {
  const manifest = readCurrentManifest(indexDir);
  const stored = new Map<string, Float32Array>();
  if (!manifest || manifest.embedder.id !== embedderId) return stored;
  const dir = snapshotDir(indexDir, manifest.id);
  const chunks = readChunks(join(dir, FILES.chunks));
  const buffer = readFileSync(join(dir, FILES.vectors));
  const all = new Float32Array(buffer.buffer, buffer.byteOffset, buffer.byteLength / 4);
  const dimensions = manifest.embedder.dimensions;
  chunks.forEach((chunk, i) => stored.set(chunk.hash, all.slice(i * dimensions, (i + 1) * dimensions)));
  return stored;
}

/** Documents of the current snapshot (for change detection), or an empty list. */
export function loadStoredDocuments(indexDir: string): StoredDocument[] {
  const manifest = readCurrentManifest(indexDir);
  if (!manifest) return [];
  return JSON.parse(
    readFileSync(join(snapshotDir(indexDir, manifest.id), FILES.documents), 'utf8'),
  ) as StoredDocument[];
}
