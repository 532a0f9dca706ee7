import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pruneSnapshots, readCurrent } from '../../../knowledge/index.js';
import {
  FIXTURE_CORPUS,
  ingestInto,
  removeTempDirs,
  snapshotEntries,
  tempDir,
} from '../../ingestion/pipeline/support.js';

describe('old snapshots', () => {
  afterAll(removeTempDirs);

  it('keeps the current snapshot and the two before it, even when several are built within one second', async () => {
    const indexDir = tempDir('prune-index');
    const ids: string[] = [];
    for (let run = 0; run < 5; run++) ids.push((await ingestInto(indexDir, [FIXTURE_CORPUS])).manifest.id);
    expect(new Set(ids).size).toBe(5);
    expect(readCurrent(indexDir)).toBe(ids[4]);
    expect(snapshotEntries(indexDir)).toEqual(ids.slice(2).sort());
  });

  it('never removes the current snapshot, even when it sorts before newer folders', () => {
    const indexDir = tempDir('prune-current');
    for (const id of ['20250101T000000000Z-aaaa', '20250102T000000000Z-bbbb', '20250103T000000000Z-cccc']) {
      mkdirSync(join(indexDir, 'snapshots', id), { recursive: true });
    }
    writeFileSync(join(indexDir, 'CURRENT'), '20250101T000000000Z-aaaa\n');
    pruneSnapshots(indexDir, 1);
    expect(snapshotEntries(indexDir)).toEqual(['20250101T000000000Z-aaaa', '20250103T000000000Z-cccc']);
  });

  it('removes staging folders of crashed runs once they are older than six hours, and leaves fresh ones alone', () => {
    const indexDir = tempDir('prune-staging');
    const old = join(indexDir, 'snapshots', '.staging-old');
    const fresh = join(indexDir, 'snapshots', '.staging-fresh');
    mkdirSync(old, { recursive: true });
    mkdirSync(fresh, { recursive: true });
    const sevenHoursAgo = new Date(Date.now() - 7 * 3600_000);
    utimesSync(old, sevenHoursAgo, sevenHoursAgo);
    pruneSnapshots(indexDir, 3);
    expect(snapshotEntries(indexDir)).toEqual(['.staging-fresh']);
  });
});
