import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { IngestError } from './resolve-sources.js';

/** Lock files held by this process, so a second ingestion in the same process is refused too. */
const held = new Set<string>();

/**
 * One ingestion per index directory at a time. The lock file holds the owner's pid; a lock
 * whose process is gone (killed ingestion) is taken over. A lock file naming this process's
 * own pid that this process does not hold is stale as well (a restarted container reuses
 * its pid).
 */
export function acquireIngestLock(indexDir: string): () => void {
  mkdirSync(indexDir, { recursive: true });
  const path = resolve(join(indexDir, 'ingest.lock'));
  if (held.has(path)) throw running(indexDir, process.pid);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      held.add(path);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        held.delete(path);
        rmSync(path, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(path, 'utf8').trim());
      if (owner && owner !== process.pid && isAlive(owner)) throw running(indexDir, owner);
      rmSync(path, { force: true });
    }
  }
  throw new IngestError(`Sperre ${path} konnte nicht gesetzt werden.`);
}

function running(indexDir: string, pid: number): IngestError {
  return new IngestError(
    `In ${indexDir} läuft bereits eine Ingestion (Prozess ${pid}). Bitte warten, bis sie beendet ist.`,
  );
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
