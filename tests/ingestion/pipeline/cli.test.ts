import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { readCurrent } from '../../../knowledge/index.js';
import { FIXTURE_CORPUS, REPO_ROOT, removeTempDirs, tempDir } from './support.js';

interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `npx tsx ingestion/cli.ts …` from the repository root, as `npm run ingest` does. */
function runIngestCli(args: string[], env: Record<string, string>): Promise<CliResult> {
  const child = spawn('npx', ['tsx', 'ingestion/cli.ts', ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (data: Buffer) => (stdout += data.toString()));
  child.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const FIXTURES = join(REPO_ROOT, 'tests/fixtures/ingest');

// Each case spawns its own process into its own index folder, so they run side by side.
describe.concurrent('npm run ingest (CLI)', { timeout: 120_000 }, () => {
  afterAll(removeTempDirs);

  it('exits with 1 and names the missing folder in German', async ({ expect }) => {
    const indexDir = tempDir('cli-index');
    const missing = join(indexDir, 'gibt-es-nicht');
    const result = await runIngestCli(['--source', missing], { INDEX_DIR: indexDir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`Fehler: Quelle nicht gefunden: ${missing}`);
    expect(readCurrent(indexDir)).toBeUndefined();
  });

  it('exits with 1 and names the file, line and column of a malformed catalogue', async ({ expect }) => {
    const indexDir = tempDir('cli-index');
    const catalogue = join(FIXTURES, 'broken-catalogue.json');
    const result = await runIngestCli(['--source', catalogue], { INDEX_DIR: indexDir });
    expect(result.code).toBe(1);
    // The missing comma after "name" (line 7) makes line 8 the first bad one.
    expect(result.stderr).toMatch(
      new RegExp(
        `Fehler: Dienstleistungskatalog ${catalogue.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: ungültiges JSON in Zeile 8, Spalte \\d+`,
      ),
    );
    expect(readCurrent(indexDir)).toBeUndefined();
  });

  it('exits with 1 when a folder holds no usable document, and leaves no snapshot', async ({ expect }) => {
    const indexDir = tempDir('cli-index');
    const result = await runIngestCli(['--source', join(FIXTURES, 'unknown-only'), '--index', indexDir], {});
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'Fehler: Die Quellen enthielten kein verwertbares Dokument (2 übersprungen, 0 fehlgeschlagen).',
    );
    expect(readCurrent(indexDir)).toBeUndefined();
    expect(existsSync(join(indexDir, 'ingest.lock'))).toBe(false);
  });

  it('prints progress and a German summary with skipped and failed files, and writes into INDEX_DIR', async ({
    expect,
  }) => {
    const indexDir = tempDir('cli-index');
    const result = await runIngestCli(['--source', FIXTURE_CORPUS], { INDEX_DIR: indexDir });
    expect(result.code).toBe(0);
    const current = readCurrent(indexDir);
    expect(current).toBeDefined();
    expect(readdirSync(join(indexDir, 'snapshots'))).toEqual([current]);

    expect(result.stdout).toContain(`Wissensstand ${current} ist aktiv.`);
    expect(result.stdout).toContain('Dokumente: 4 (neu 4, geändert 0, unverändert 0, entfernt 0)');
    expect(result.stdout).toMatch(/Abschnitte: (\d+) \(neu eingebettet \1, wiederverwendet 0\)/);
    expect(result.stdout).toContain('Embedder: hashed-ngram-v2-d512 (512 Dimensionen)');
    expect(result.stdout).toContain('Übersprungen: 1\n  - antrag.docx: unbekanntes Format (.docx)');
    expect(result.stdout).toMatch(/Fehlgeschlagen: 1\n {2}- kaputt\.pdf: .*PDF/);
    // Progress goes to stderr (one line per step when not a terminal), the summary to stdout.
    expect(result.stderr).toContain(`[collect] Lese ${FIXTURE_CORPUS}`);
    expect(result.stderr).toMatch(/\[embed\] Einbettungen berechnen \d+\/\d+/);
    expect(result.stderr).toContain('[write] Wissensstand schreiben');
  });

  it('reuses every embedding when run again on unchanged sources', async ({ expect }) => {
    const indexDir = tempDir('cli-index');
    expect((await runIngestCli(['--source', FIXTURE_CORPUS, '--quiet'], { INDEX_DIR: indexDir })).code).toBe(
      0,
    );
    const second = await runIngestCli(['--source', FIXTURE_CORPUS, '--quiet'], { INDEX_DIR: indexDir });
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('Dokumente: 4 (neu 0, geändert 0, unverändert 4, entfernt 0)');
    expect(second.stdout).toMatch(/Abschnitte: (\d+) \(neu eingebettet 0, wiederverwendet \1\)/);
    expect(second.stderr).not.toContain('[embed]');
  });
});
