import type { HnswParameters } from '../vector/hnsw-index.js';

export const SNAPSHOT_FORMAT_VERSION = 1;

/** What a snapshot is made of; written last, so a folder without it is never opened. */
export interface SnapshotManifest {
  formatVersion: number;
  id: string;
  createdAt: string;
  embedder: { id: string; dimensions: number };
  analyzerVersion: string;
  hnsw: HnswParameters;
  chunkMaxChars: number;
  counts: { documents: number; chunks: number };
  sources: Array<{ id: string; kind: string; documents: number }>;
  cityProfile: string;
  /** Bytes on disk of the snapshot's files. */
  sizeBytes: number;
}

/** Document metadata kept in the document store (the text lives in the chunks). */
export interface StoredDocument {
  id: string;
  url?: string;
  title: string;
  updated?: string;
  lang?: string;
  sourceId: string;
  format: string;
  /** sha256 of the cleaned content; tells changed from unchanged on re-ingest. */
  contentHash: string;
  chunkCount: number;
  metadata: Record<string, unknown>;
}

/** Raised when a snapshot cannot be used as configured; the message says what to do. */
export class SnapshotError extends Error {
  constructor(
    message: string,
    readonly code: 'missing' | 'embedder_mismatch' | 'corrupt',
  ) {
    super(message);
    this.name = 'SnapshotError';
  }
}
