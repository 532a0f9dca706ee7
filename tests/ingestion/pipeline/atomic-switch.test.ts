import { spawn } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCurrent } from '../../../knowledge/index.js';
import {
  copyCorpus,
  ingestInto,
  open,
  REPO_ROOT,
  removeTempDirs,
  snapshotEntries,
  tempDir,
} from './support.js';

/** The files of a snapshot in the order the writer writes them (manifest last). */
const SNAPSHOT_FILES = [
  'documents.json',
  'chunks.jsonl',
  'vectors.f32',
  'vectors.hnsw',
  'lexical.json',
  'manifest.json',
];
const QUERIES = [
  'Was kostet der Personalausweis?',
  'Sperrmüll Abholung',
  'Hundesteuer gefährlicher Hund',
  'Bürgerbüro Öffnungszeiten',
];

class InjectedFailure extends Error {}

type SearchFingerprint = Array<
  Array<{ id: string; score: number; lexicalRank?: number; vectorRank?: number }>
>;

async function fingerprint(indexDir: string): Promise<{ id: string; results: SearchFingerprint }> {
  const snapshot = await open(indexDir);
  const results: SearchFingerprint = [];
  for (const query of QUERIES) {
    const passages = await snapshot.retriever.search(query, { k: 8 });
    results.push(
      passages.map(({ id, score, lexicalRank, vectorRank }) => ({ id, score, lexicalRank, vectorRank })),
    );
  }
  return { id: snapshot.manifest.id, results };
}

describe('atomic switch to a new snapshot', () => {
  let template: string;
  let changedCorpus: string;
  let baseline: { id: string; results: SearchFingerprint };

  beforeAll(async () => {
    template = tempDir('atomic-template-index');
    await ingestInto(template, [copyCorpus()]);
    baseline = await fingerprint(template);
    // The next ingest would change the index: one page edited, one page gone.
    changedCorpus = copyCorpus();
    const hund = join(changedCorpus, 'hundesteuer.md');
    writeFileSync(hund, readFileSync(hund, 'utf8').replace('120,00 Euro', '132,00 Euro'));
    rmSync(join(changedCorpus, 'sperrmuell.html'));
  });
  afterAll(removeTempDirs);

  /** A fresh index directory holding the baseline snapshot. */
  function indexWithBaseline(): string {
    const dir = tempDir('atomic-index');
    cpSync(template, dir, { recursive: true });
    return dir;
  }

  it('writes the snapshot files in the documented order, manifest last', async () => {
    const indexDir = indexWithBaseline();
    const written: string[] = [];
    const report = await ingestInto(indexDir, [changedCorpus], { afterWrite: (file) => written.push(file) });
    expect(written).toEqual(SNAPSHOT_FILES);
    expect(readCurrent(indexDir)).toBe(report.manifest.id);
    expect(snapshotEntries(indexDir)).toEqual([baseline.id, report.manifest.id].sort());
  });

  it.each(SNAPSHOT_FILES)(
    'keeps the previous snapshot current and intact when writing fails after %s',
    async (failAfter) => {
      const indexDir = indexWithBaseline();
      const written: string[] = [];
      const failing = ingestInto(indexDir, [changedCorpus], {
        afterWrite: (file) => {
          written.push(file);
          if (file === failAfter) throw new InjectedFailure(`injected after ${file}`);
        },
      });

      await expect(failing).rejects.toThrow(InjectedFailure);
      expect(written).toEqual(SNAPSHOT_FILES.slice(0, SNAPSHOT_FILES.indexOf(failAfter) + 1));
      expect(readCurrent(indexDir)).toBe(baseline.id);
      // Neither a staging folder nor a half-written snapshot is left behind.
      expect(snapshotEntries(indexDir)).toEqual([baseline.id]);
      expect(existsSync(join(indexDir, 'ingest.lock'))).toBe(false);
      expect(await fingerprint(indexDir)).toEqual(baseline);
    },
  );

  it('lets the next ingest succeed after a failed one', async () => {
    const indexDir = indexWithBaseline();
    await expect(
      ingestInto(indexDir, [changedCorpus], {
        afterWrite: (file) => {
          if (file === 'vectors.hnsw') throw new InjectedFailure('disk full');
        },
      }),
    ).rejects.toThrow('disk full');

    const report = await ingestInto(indexDir, [changedCorpus]);
    expect(report.documents).toMatchObject({ changed: 1, removed: 1 });
    expect(readCurrent(indexDir)).toBe(report.manifest.id);
    expect((await fingerprint(indexDir)).id).toBe(report.manifest.id);
  });

  it('survives an ingest process killed after writing the vectors, and the next ingest takes over its stale lock', async () => {
    const indexDir = indexWithBaseline();
    const child = spawn(
      'npx',
      ['tsx', 'tests/ingestion/pipeline/child/ingest-then-die.ts', changedCorpus, indexDir, 'vectors.f32'],
      {
        cwd: REPO_ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (data: Buffer) => (output += data.toString()));
    child.stderr.on('data', (data: Buffer) => (output += data.toString()));
    const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.on('close', (code, signal) => resolve({ code, signal })),
    );

    expect(output).not.toContain('survived');
    expect(exit.code === 0 && exit.signal === null).toBe(false);
    // It died half-way: its staging folder has the first three files but no manifest, and its lock is still there.
    const staging = snapshotEntries(indexDir).filter((name) => name.startsWith('.staging-'));
    expect(staging).toHaveLength(1);
    expect(readdirSync(join(indexDir, 'snapshots', staging[0]!)).sort()).toEqual([
      'chunks.jsonl',
      'documents.json',
      'vectors.f32',
    ]);
    const stalePid = Number(readFileSync(join(indexDir, 'ingest.lock'), 'utf8'));
    expect(stalePid).toBeGreaterThan(0);
    expect(stalePid).not.toBe(process.pid);

    expect(readCurrent(indexDir)).toBe(baseline.id);
    expect(await fingerprint(indexDir)).toEqual(baseline);

    const next = await ingestInto(indexDir, [changedCorpus]);
    expect(readCurrent(indexDir)).toBe(next.manifest.id);
    expect(next.documents).toMatchObject({ changed: 1, removed: 1 });
    expect(existsSync(join(indexDir, 'ingest.lock'))).toBe(false);
  });
});
