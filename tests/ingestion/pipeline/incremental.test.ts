import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IngestReport } from '../../../ingestion/index.js';
import type { Chunk } from '../../../knowledge/index.js';
import { copyCorpus, ingestInto, open, removeTempDirs, searchDocuments, tempDir } from './support.js';

function snapshotChunks(indexDir: string, report: IngestReport): Chunk[] {
  const text = readFileSync(join(indexDir, 'snapshots', report.manifest.id, 'chunks.jsonl'), 'utf8');
  return text.split('\n').map((line) => JSON.parse(line) as Chunk);
}

function snapshotVectors(indexDir: string, report: IngestReport): Float32Array {
  const buffer = readFileSync(join(indexDir, 'snapshots', report.manifest.id, 'vectors.f32'));
  return new Float32Array(buffer.buffer, buffer.byteOffset, buffer.byteLength / 4);
}

describe('re-ingesting the same folder', () => {
  let corpus: string;
  let indexDir: string;
  let first: IngestReport;

  beforeEach(async () => {
    corpus = copyCorpus();
    indexDir = tempDir('incremental-index');
    first = await ingestInto(indexDir, [corpus]);
  });
  afterEach(removeTempDirs);

  it('finds every document unchanged and reuses every stored embedding when nothing changed', async () => {
    const second = await ingestInto(indexDir, [corpus]);
    expect(second.documents).toEqual({ new: 0, changed: 0, unchanged: 4, removed: 0, total: 4 });
    expect(second.embedded).toBe(0);
    expect(second.reusedEmbeddings).toBe(second.chunks);
    expect(second.chunks).toBe(first.chunks);
    expect(second.manifest.id).not.toBe(first.manifest.id);
    // The reused vectors are the stored ones, byte for byte.
    expect(snapshotVectors(indexDir, second)).toEqual(snapshotVectors(indexDir, first));
  });

  it('counts an edited file as changed and embeds only the chunks whose text changed', async () => {
    const path = join(corpus, 'hundesteuer.md');
    writeFileSync(
      path,
      readFileSync(path, 'utf8').replace(
        'gefährlicher Hund: 600,00 Euro im Jahr',
        'gefährlicher Hund: 720,00 Euro im Jahr (Zwingerzuschlag)',
      ),
    );
    const before = new Set(snapshotChunks(indexDir, first).map((chunk) => chunk.hash));

    const second = await ingestInto(indexDir, [corpus]);

    expect(second.documents).toEqual({ new: 0, changed: 1, unchanged: 3, removed: 0, total: 4 });
    const fresh = snapshotChunks(indexDir, second).filter((chunk) => !before.has(chunk.hash));
    expect(fresh.length).toBeGreaterThan(0);
    expect(new Set(fresh.map((chunk) => chunk.docId))).toEqual(new Set(['hundesteuer.md']));
    expect(second.embedded).toBe(fresh.length);
    expect(second.reusedEmbeddings).toBe(second.chunks - fresh.length);

    const snapshot = await open(indexDir);
    const [top] = await snapshot.retriever.search('Zwingerzuschlag', { k: 1 });
    expect(top?.docId).toBe('hundesteuer.md');
    expect(top?.text).toContain('720,00 Euro');
  });

  it('counts a new file as new and embeds only its chunks', async () => {
    writeFileSync(
      join(corpus, 'fundbuero.txt'),
      'Fundbüro\n\nVerlorene Schlüssel, Geldbörsen und Fahrräder geben Sie im Fundbüro im Rathaus ab.\n',
    );
    const second = await ingestInto(indexDir, [corpus]);
    expect(second.documents).toEqual({ new: 1, changed: 0, unchanged: 4, removed: 0, total: 5 });
    const added = snapshotChunks(indexDir, second).filter((chunk) => chunk.docId === 'fundbuero.txt');
    expect(added.length).toBeGreaterThan(0);
    expect(second.embedded).toBe(added.length);
    expect(second.reusedEmbeddings).toBe(first.chunks);
  });

  it('counts a deleted file as removed and drops its chunks from search', async () => {
    const beforeSnapshot = await open(indexDir);
    expect(await searchDocuments(beforeSnapshot, 'Sperrmüll Matratzen Abholtermin', { k: 50 })).toContain(
      'sperrmuell.html',
    );

    rmSync(join(corpus, 'sperrmuell.html'));
    const second = await ingestInto(indexDir, [corpus]);

    expect(second.documents).toEqual({ new: 0, changed: 0, unchanged: 3, removed: 1, total: 3 });
    expect(second.embedded).toBe(0);
    const snapshot = await open(indexDir);
    expect(snapshot.documents.has('sperrmuell.html')).toBe(false);
    expect(snapshot.chunks.some((chunk) => chunk.docId === 'sperrmuell.html')).toBe(false);
    for (const mode of ['hybrid', 'lexical', 'vector'] as const) {
      const found = await searchDocuments(snapshot, 'Sperrmüll Matratzen Abholtermin', { k: 50, mode });
      expect(found).not.toContain('sperrmuell.html');
    }
  });
});
