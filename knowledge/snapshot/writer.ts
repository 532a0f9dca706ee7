import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GermanAnalyzer } from '../analysis/index.js';
import { Bm25Index } from '../lexical/index.js';
import type { Chunk } from '../types.js';
import { chunkLexicalFields } from '../retrieval/lexical-fields.js';
import { DEFAULT_HNSW, HnswVectorIndex } from '../vector/hnsw-index.js';
import { FILES, newSnapshotId, readCurrent, snapshotDir, snapshotsDir, switchCurrent } from './layout.js';
import { SNAPSHOT_FORMAT_VERSION, type SnapshotManifest, type StoredDocument } from './manifest.js';

export interface SnapshotInput {
  documents: StoredDocument[];
  /** In label order: chunk i has vector i. */
  chunks: Chunk[];
  vectors: Float32Array[];
  embedder: { id: string; dimensions: number };
  analyzer: GermanAnalyzer;
  chunkMaxChars: number;
  sources: SnapshotManifest['sources'];
  cityProfile: string;
  /** How many complete snapshots to keep (the current one included). */
  keep?: number;
  /** Test hook: called after each file is written, to inject failures half-way. */
  afterWrite?: (file: string) => void;
}

/**
 * Writes a complete snapshot into a staging folder, renames it into place and only then
 * switches CURRENT. A crash at any point leaves the previous snapshot current and intact.
 */
export async function writeSnapshot(indexDir: string, input: SnapshotInput): Promise<SnapshotManifest> {
  const id = newSnapshotId();
  const staging = join(snapshotsDir(indexDir), `.staging-${id}`);
  mkdirSync(staging, { recursive: true });
  const written = (file: string) => input.afterWrite?.(file);
  try {
    writeFileSync(join(staging, FILES.documents), JSON.stringify(input.documents));
    written(FILES.documents);
    writeFileSync(join(staging, FILES.chunks), input.chunks.map((chunk) => JSON.stringify(chunk)).join('\n'));
    written(FILES.chunks);
    writeFileSync(join(staging, FILES.vectors), packVectors(input.vectors, input.embedder.dimensions));
    written(FILES.vectors);
    const vectorIndex = HnswVectorIndex.build(input.vectors, input.embedder.dimensions, DEFAULT_HNSW);
    await vectorIndex.write(join(staging, FILES.hnsw));
    written(FILES.hnsw);
    const lexical = Bm25Index.build(input.chunks.map(chunkLexicalFields), input.analyzer);
    writeFileSync(join(staging, FILES.lexical), JSON.stringify(lexical.toJSON()));
    written(FILES.lexical);

    const manifest: SnapshotManifest = {
      formatVersion: SNAPSHOT_FORMAT_VERSION,
      id,
      createdAt: new Date().toISOString(),
      embedder: input.embedder,
      analyzerVersion: input.analyzer.version,
      hnsw: DEFAULT_HNSW,
      chunkMaxChars: input.chunkMaxChars,
      counts: { documents: input.documents.length, chunks: input.chunks.length },
      sources: input.sources,
      cityProfile: input.cityProfile,
      sizeBytes: folderSize(staging),
    };
    writeFileSync(join(staging, FILES.manifest), JSON.stringify(manifest, null, 2));
    written(FILES.manifest);
    renameSync(staging, snapshotDir(indexDir, id));
    switchCurrent(indexDir, id);
    pruneSnapshots(indexDir, input.keep ?? 3);
    return manifest;
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}

function packVectors(vectors: Float32Array[], dimensions: number): Buffer {
  const packed = new Float32Array(vectors.length * dimensions);
  vectors.forEach((vector, i) => packed.set(vector, i * dimensions));
  return Buffer.from(packed.buffer, packed.byteOffset, packed.byteLength);
}

function folderSize(dir: string): number {
  return readdirSync(dir).reduce((sum, name) => sum + statSync(join(dir, name)).size, 0);
}

/** Keeps the newest `keep` complete snapshots (never the current one) and removes stale staging folders. */
export function pruneSnapshots(indexDir: string, keep: number): void {
  const current = readCurrent(indexDir);
  const entries = readdirSync(snapshotsDir(indexDir));
  for (const name of entries.filter((entry) => entry.startsWith('.staging-'))) {
    const age = Date.now() - statSync(join(snapshotsDir(indexDir), name)).mtimeMs;
    if (age > 6 * 3600_000) rmSync(join(snapshotsDir(indexDir), name), { recursive: true, force: true });
  }
  const complete = entries.filter((entry) => !entry.startsWith('.')).sort();
  const removable = complete
    .slice(0, Math.max(0, complete.length - keep))
    .filter((entry) => entry !== current);
  for (const name of removable) rmSync(snapshotDir(indexDir, name), { recursive: true, force: true });
}
