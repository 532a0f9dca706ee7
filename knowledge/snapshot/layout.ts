import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * On-disk layout of an index directory:
 *   CURRENT                      name of the snapshot in use (switched by an atomic rename)
 *   snapshots/<id>/              one complete snapshot (manifest.json written last)
 *   snapshots/.staging-<id>/     a snapshot being written; never read
 *   crawl-cache/                 conditional re-crawl state
 */
export const FILES = {
  manifest: 'manifest.json',
  documents: 'documents.json',
  chunks: 'chunks.jsonl',
  vectors: 'vectors.f32',
  hnsw: 'vectors.hnsw',
  lexical: 'lexical.json',
} as const;

export const snapshotsDir = (indexDir: string) => join(indexDir, 'snapshots');
export const snapshotDir = (indexDir: string, id: string) => join(snapshotsDir(indexDir), id);
export const crawlCacheDir = (indexDir: string) => join(indexDir, 'crawl-cache');

/** The id of the current snapshot, or undefined when none was ever completed. */
export function readCurrent(indexDir: string): string | undefined {
  const path = join(indexDir, 'CURRENT');
  if (!existsSync(path)) return undefined;
  const id = readFileSync(path, 'utf8').trim();
  return id || undefined;
}

/** Makes `id` current: write a temp file, then rename over CURRENT (atomic on POSIX). */
export function switchCurrent(indexDir: string, id: string): void {
  const temp = join(indexDir, `CURRENT.${process.pid}.tmp`);
  writeFileSync(temp, id + '\n');
  renameSync(temp, join(indexDir, 'CURRENT'));
}

let lastMillis = 0;

/**
 * Sortable, unique snapshot id: 20261126T101500123Z-ab12. Milliseconds, strictly increasing
 * within a process, because pruning keeps the newest snapshots by sort order and several
 * ingestions can finish within one second.
 */
export function newSnapshotId(now = new Date()): string {
  const millis = Math.max(now.getTime(), lastMillis + 1);
  lastMillis = millis;
  const stamp = new Date(millis).toISOString().replace(/[-:.]/g, '');
  return `${stamp}-${Math.random().toString(36).slice(2, 6)}`;
}
