import { createHash } from 'node:crypto';
import type { AppConfig, CityProfile } from '../config/index.js';
import type { Logger } from '../config/logger.js';
import {
  createEmbedder,
  createGermanAnalyzer,
  loadStoredDocuments,
  loadStoredEmbeddings,
  searchableText,
  writeSnapshot,
  type Chunk,
  type CleanDocument,
  type Embedder,
  type SnapshotInput,
  type SnapshotManifest,
  type StoredDocument,
} from '../knowledge/index.js';
import { chunkDocument } from './chunk.js';
import { collectSource, type Problem } from './collect.js';
import { acquireIngestLock } from './lock.js';
import { IngestError, resolveSource } from './resolve-sources.js';

export interface IngestProgress {
  stage: 'collect' | 'chunk' | 'embed' | 'write';
  message: string;
  done?: number;
  total?: number;
}

export interface IngestOptions {
  sources: string[];
  indexDir: string;
  config: AppConfig;
  profile: CityProfile;
  embedder?: Embedder;
  logger?: Logger;
  onProgress?: (event: IngestProgress) => void;
  signal?: AbortSignal;
  /** Test hook passed to the snapshot writer to inject failures half-way. */
  afterWrite?: SnapshotInput['afterWrite'];
}

export interface IngestReport {
  manifest: SnapshotManifest;
  documents: { new: number; changed: number; unchanged: number; removed: number; total: number };
  skipped: Problem[];
  failed: Problem[];
  chunks: number;
  embedded: number;
  reusedEmbeddings: number;
  durationMs: number;
}

const EMBED_BATCH = 64;

/**
 * Sources → clean → chunk → embed → snapshot. Unchanged chunks reuse the embeddings of the
 * current snapshot; the new snapshot becomes current only when it is complete.
 */
export async function ingest(options: IngestOptions): Promise<IngestReport> {
  const started = performance.now();
  const { config, profile, indexDir } = options;
  if (options.sources.length === 0)
    throw new IngestError('Keine Quelle angegeben (--source <Ordner|URL|Datei>).');
  const resolved = options.sources.map(resolveSource);
  const release = acquireIngestLock(indexDir);
  try {
    const progress = options.onProgress ?? (() => {});
    const documents: CleanDocument[] = [];
    const skipped: Problem[] = [];
    const failed: Problem[] = [];
    const sourceSummaries: SnapshotManifest['sources'] = [];
    const seen = new Set<string>();
    for (const source of resolved) {
      progress({ stage: 'collect', message: `Lese ${source.location}` });
      const collected = await collectSource(source, {
        indexDir,
        config,
        profile,
        logger: options.logger,
        signal: options.signal,
        onProgress: (message) => progress({ stage: 'collect', message }),
      });
      let count = 0;
      for (const document of collected.documents) {
        if (seen.has(document.id)) {
          skipped.push({ source: source.id, item: document.id, reason: 'doppelte Dokument-ID' });
          continue;
        }
        seen.add(document.id);
        documents.push(document);
        count++;
      }
      skipped.push(...collected.skipped);
      failed.push(...collected.failed);
      sourceSummaries.push({ id: source.id, kind: source.kind, documents: count });
    }
    if (documents.length === 0) {
      throw new IngestError(
        `Die Quellen enthielten kein verwertbares Dokument (${skipped.length} übersprungen, ${failed.length} fehlgeschlagen).`,
      );
    }

    const previous = new Map(loadStoredDocuments(indexDir).map((document) => [document.id, document]));
    const counts = { new: 0, changed: 0, unchanged: 0, removed: 0, total: documents.length };
    const stored: StoredDocument[] = [];
    const chunks: Chunk[] = [];
    for (const document of documents) {
      const contentHash = hashDocument(document);
      const before = previous.get(document.id);
      if (!before) counts.new++;
      else if (before.contentHash === contentHash) counts.unchanged++;
      else counts.changed++;
      const documentChunks = chunkDocument(document, { maxChars: config.CHUNK_MAX_CHARS });
      chunks.push(...documentChunks);
      stored.push({
        id: document.id,
        url: document.url,
        title: document.title,
        updated: document.updated,
        lang: document.lang,
        sourceId: document.sourceId,
        format: document.format,
        contentHash,
        chunkCount: documentChunks.length,
        metadata: document.metadata,
      });
    }
    const current = new Set(documents.map((document) => document.id));
    counts.removed = [...previous.keys()].filter((id) => !current.has(id)).length;
    progress({ stage: 'chunk', message: `${chunks.length} Abschnitte aus ${documents.length} Dokumenten` });

    const embedder = options.embedder ?? (await createEmbedder(config));
    const reuse = loadStoredEmbeddings(indexDir, embedder.id);
    const vectors: Float32Array[] = new Array<Float32Array>(chunks.length);
    const pending: number[] = [];
    chunks.forEach((chunk, i) => {
      const known = reuse.get(chunk.hash);
      if (known) vectors[i] = known;
      else pending.push(i);
    });
    for (let start = 0; start < pending.length; start += EMBED_BATCH) {
      options.signal?.throwIfAborted();
      const batch = pending.slice(start, start + EMBED_BATCH);
      const embedded = await embedder.embedDocuments(batch.map((i) => searchableText(chunks[i] as Chunk)));
      batch.forEach((chunkIndex, j) => (vectors[chunkIndex] = Float32Array.from(embedded[j] ?? [])));
      progress({
        stage: 'embed',
        message: 'Einbettungen berechnen',
        done: Math.min(start + EMBED_BATCH, pending.length),
        total: pending.length,
      });
    }

    progress({ stage: 'write', message: 'Wissensstand schreiben' });
    const manifest = await writeSnapshot(indexDir, {
      documents: stored,
      chunks,
      vectors,
      embedder: { id: embedder.id, dimensions: embedder.dimensions },
      analyzer: createGermanAnalyzer({ synonyms: profile.synonyms }),
      chunkMaxChars: config.CHUNK_MAX_CHARS,
      sources: sourceSummaries,
      cityProfile: profile.id,
      afterWrite: options.afterWrite,
    });
    return {
      manifest,
      documents: counts,
      skipped,
      failed,
      chunks: chunks.length,
      embedded: pending.length,
      reusedEmbeddings: chunks.length - pending.length,
      durationMs: Math.round(performance.now() - started),
    };
  } finally {
    release();
  }
}

/** Hash of what a document says (not where it came from), for new/changed/unchanged. */
export function hashDocument(document: CleanDocument): string {
  const content = JSON.stringify([
    document.title,
    document.url,
    document.updated,
    document.blocks,
    document.fields ?? [],
  ]);
  return createHash('sha256').update(content).digest('hex');
}
