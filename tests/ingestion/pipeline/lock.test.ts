import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { IngestError } from '../../../ingestion/index.js';
import { acquireIngestLock } from '../../../ingestion/lock.js';
import { readCurrent } from '../../../knowledge/index.js';
import { FIXTURE_CORPUS, ingestInto, removeTempDirs, tempDir } from './support.js';

describe('one ingestion per index directory', () => {
  afterAll(removeTempDirs);

  it('refuses a second ingest while the lock is held, naming the folder and the process', async () => {
    const indexDir = tempDir('lock-index');
    const release = acquireIngestLock(indexDir);
    try {
      expect(readFileSync(join(indexDir, 'ingest.lock'), 'utf8')).toBe(String(process.pid));
      const second = ingestInto(indexDir, [FIXTURE_CORPUS]);
      await expect(second).rejects.toBeInstanceOf(IngestError);
      await expect(second).rejects.toThrow(
        `In ${indexDir} läuft bereits eine Ingestion (Prozess ${process.pid}).`,
      );
      expect(readCurrent(indexDir)).toBeUndefined();
      // The refused ingest must not release a lock it does not own.
      expect(existsSync(join(indexDir, 'ingest.lock'))).toBe(true);
    } finally {
      release();
    }
    expect(existsSync(join(indexDir, 'ingest.lock'))).toBe(false);
    const report = await ingestInto(indexDir, [FIXTURE_CORPUS]);
    expect(readCurrent(indexDir)).toBe(report.manifest.id);
  });

  it('lets only the first of two concurrent ingests into the same folder run', async () => {
    const indexDir = tempDir('lock-index');
    const results = await Promise.allSettled([
      ingestInto(indexDir, [FIXTURE_CORPUS]),
      ingestInto(indexDir, [FIXTURE_CORPUS]),
    ]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected']);
    const [first, second] = results;
    expect(first?.status === 'fulfilled' && readCurrent(indexDir) === first.value.manifest.id).toBe(true);
    expect(second?.status === 'rejected' && String(second.reason)).toMatch(/läuft bereits eine Ingestion/);
    expect(existsSync(join(indexDir, 'ingest.lock'))).toBe(false);
  });

  it('refuses to start while another live process holds the lock', async () => {
    const indexDir = tempDir('lock-index');
    mkdirSync(indexDir, { recursive: true });
    // The parent process (the test runner) is alive and is not this process.
    writeFileSync(join(indexDir, 'ingest.lock'), String(process.ppid));
    await expect(ingestInto(indexDir, [FIXTURE_CORPUS])).rejects.toThrow(`(Prozess ${process.ppid})`);
    expect(readFileSync(join(indexDir, 'ingest.lock'), 'utf8')).toBe(String(process.ppid));
  });

  it('takes over a lock whose process no longer exists', async () => {
    const indexDir = tempDir('lock-index');
    mkdirSync(indexDir, { recursive: true });
    // Above the kernel's pid_max (at most 2^22), so no process can have it.
    writeFileSync(join(indexDir, 'ingest.lock'), String(2 ** 22 + 1));
    const report = await ingestInto(indexDir, [FIXTURE_CORPUS]);
    expect(readCurrent(indexDir)).toBe(report.manifest.id);
    expect(existsSync(join(indexDir, 'ingest.lock'))).toBe(false);
  });

  it('takes over a lock naming this process that this process does not hold (a restarted container reuses its pid)', async () => {
    const indexDir = tempDir('lock-index');
    mkdirSync(indexDir, { recursive: true });
    writeFileSync(join(indexDir, 'ingest.lock'), String(process.pid));
    const report = await ingestInto(indexDir, [FIXTURE_CORPUS]);
    expect(readCurrent(indexDir)).toBe(report.manifest.id);
  });
});
