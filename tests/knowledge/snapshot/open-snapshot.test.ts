import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IngestReport } from '../../../ingestion/index.js';
import { HashedNgramEmbedder } from '../../../knowledge/embedders/index.js';
import {
  loadStoredDocuments,
  loadStoredEmbeddings,
  openSnapshot,
  readCurrentManifest,
  SnapshotError,
} from '../../../knowledge/index.js';
import {
  FIXTURE_CORPUS,
  ingestInto,
  profile,
  removeTempDirs,
  tempDir,
} from '../../ingestion/pipeline/support.js';

async function openError(indexDir: string, embedder = new HashedNgramEmbedder()): Promise<SnapshotError> {
  const error: unknown = await openSnapshot(indexDir, { embedder, profile }).then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(SnapshotError);
  return error as SnapshotError;
}

describe('opening a knowledge snapshot', () => {
  let indexDir: string;
  let report: IngestReport;

  beforeAll(async () => {
    indexDir = tempDir('open-snapshot-index');
    report = await ingestInto(indexDir, [FIXTURE_CORPUS]);
  });
  afterAll(removeTempDirs);

  it('opens with the embedder it was built with and serves documents, chunks and search', async () => {
    const snapshot = await openSnapshot(indexDir, { embedder: new HashedNgramEmbedder(), profile });
    expect(snapshot.manifest).toEqual(report.manifest);
    expect(snapshot.dir).toBe(join(indexDir, 'snapshots', report.manifest.id));
    expect(snapshot.chunks).toHaveLength(report.chunks);
    expect([...snapshot.documents.keys()].sort()).toEqual([
      'hundesteuer.md',
      'oeffnungszeiten.txt',
      'personalausweis.md',
      'sperrmuell.html',
    ]);
    const [top] = await snapshot.retriever.search('Was kostet der Perso?', { k: 3 });
    expect(top).toMatchObject({
      docId: 'personalausweis.md',
      url: 'https://www.musterstadt.example/buergerservice/personalausweis/',
    });
  });

  it('refuses another embedder with a message naming both embedders and what to do', async () => {
    const error = await openError(indexDir, new HashedNgramEmbedder({ dimensions: 256 }));
    expect(error.code).toBe('embedder_mismatch');
    expect(error.message).toContain('"hashed-ngram-v2-d512"');
    expect(error.message).toContain('"hashed-ngram-v2-d256"');
    expect(error.message).toContain('EMBEDDER');
    expect(error.message).toContain('npm run ingest');
  });

  it('reuses stored embeddings only for the embedder that made them', () => {
    const same = loadStoredEmbeddings(indexDir, 'hashed-ngram-v2-d512');
    expect(same.size).toBe(report.chunks);
    for (const vector of same.values()) expect(vector).toHaveLength(512);
    expect(loadStoredEmbeddings(indexDir, 'hashed-ngram-v2-d256').size).toBe(0);
  });

  it('reports a folder without any snapshot as missing and says how to build one', async () => {
    const empty = tempDir('open-snapshot-empty');
    const error = await openError(empty);
    expect(error.code).toBe('missing');
    expect(error.message).toContain(empty);
    expect(error.message).toContain('npm run ingest -- --source');
    expect(readCurrentManifest(empty)).toBeUndefined();
    expect(loadStoredDocuments(empty)).toEqual([]);
    expect(loadStoredEmbeddings(empty, 'hashed-ngram-v2-d512').size).toBe(0);
  });

  it('reports a current snapshot without a manifest as corrupt', async () => {
    const broken = tempDir('open-snapshot-broken');
    mkdirSync(join(broken, 'snapshots', 'half-written'), { recursive: true });
    writeFileSync(join(broken, 'CURRENT'), 'half-written\n');
    const error = await openError(broken);
    expect(error.code).toBe('corrupt');
    expect(error.message).toContain('re-run the ingestion');
  });

  it('reports a snapshot whose vectors and chunks disagree as corrupt', async () => {
    const copy = tempDir('open-snapshot-inconsistent');
    const source = await ingestInto(copy, [FIXTURE_CORPUS]);
    const dir = join(copy, 'snapshots', source.manifest.id);
    // Drop the last chunk line: the hnsw index still holds its vector.
    const chunks = readFileSync(join(dir, 'chunks.jsonl'), 'utf8').split('\n');
    writeFileSync(join(dir, 'chunks.jsonl'), chunks.slice(0, -1).join('\n'));
    const error = await openError(copy);
    expect(error.code).toBe('corrupt');
    expect(error.message).toMatch(/inconsistent \(\d+ vectors, \d+ chunks\)/);
  });
});
