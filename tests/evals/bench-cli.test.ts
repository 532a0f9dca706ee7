import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCityProfile, loadConfig } from '../../config/index.js';
import { createEmbedder } from '../../knowledge/index.js';
import type { BenchReport } from '../../evals/bench/bench-report.js';
import { main } from '../../evals/bench/cli.js';
import type { Figure } from '../../evals/bench/figures.js';
import { benchServer } from '../../evals/bench/server-bench.js';
import { buildSyntheticSnapshot } from '../../evals/bench/synthetic-snapshot.js';
import { readLocalSources } from '../../evals/corpus-documents.js';

const REPO_ROOT = resolve(import.meta.dirname, '../..');
const names = (figures: Figure[]) => figures.map((entry) => entry.name);

describe('npm run bench', () => {
  it('writes bench.json and prints the Markdown table with every in-process figure', async () => {
    const out = await mkdtemp(join(tmpdir(), 'bench-out-'));
    let stdout = '';
    const code = await main(['--quick', '--scales', '60', '--runs', '1', '--no-http', '--out', out], {
      env: { MODELS_DIR: join(out, 'no-models') },
      stdout: (text) => (stdout += text),
      stderr: () => undefined,
    });
    expect(code).toBe(0);
    const report = JSON.parse(await readFile(join(out, 'bench.json'), 'utf8')) as BenchReport;
    expect(report.quick).toBe(true);
    expect(names(report.figures)).toEqual([
      'clean + chunk',
      'embed (hashed-ngram-v2-d512)',
      'embed (transformers:Xenova/multilingual-e5-small)',
      'widget.js gzipped',
      'widget.js raw (minified)',
      'build (chunk + embed + index) @ 60 chunks',
      'size on disk @ 60 chunks',
      'search latency @ 60 chunks',
      'answer latency @ 60 chunks',
    ]);
    const transformers = report.figures[2];
    expect(transformers && 'skipped' in transformers && transformers.skipped).toMatch(/not installed/);
    const search = report.figures.find((entry) => entry.name.startsWith('search latency'));
    expect(search && !('skipped' in search) && search.samples).toBe(40);
    expect(stdout).toMatch(/\| Group \| Figure \| Median \| p95 \| Unit \| Samples \| Note \|/);
    expect(await readFile(join(out, 'bench.md'), 'utf8')).toBe(stdout.slice(0, stdout.indexOf('\nWritten:')));
  });

  it('rejects malformed scales', async () => {
    let stderr = '';
    expect(
      await main(['--scales', '1k'], { stderr: (text) => (stderr += text), stdout: () => undefined }),
    ).toBe(2);
    expect(stderr).toMatch(/--scales/);
  });

  it('measures the real server process: start-up, RSS and chat vs healthz under load without errors', async () => {
    const config = loadConfig({});
    const indexDir = await mkdtemp(join(tmpdir(), 'bench-server-'));
    await buildSyntheticSnapshot({
      base: await readLocalSources([join(import.meta.dirname, 'fixtures', 'corpus')]),
      targetChunks: 30,
      indexDir,
      config,
      profile: loadCityProfile(config.CITY_PROFILE),
      embedder: await createEmbedder(config),
    });
    const figures = await benchServer({
      label: 'test',
      repoRoot: REPO_ROOT,
      indexDir,
      env: { PATH: process.env.PATH },
      starts: 1,
      load: {
        rounds: 1,
        concurrency: 2,
        maxRequests: 6,
        maxDurationMs: 20_000,
        queries: ['Was kostet ein Personalausweis?'],
      },
    });
    const byName = new Map(figures.map((entry) => [entry.name, entry]));
    const value = (name: string) => {
      const entry = byName.get(name);
      if (!entry || 'skipped' in entry) throw new Error(`${name} missing or skipped`);
      return entry;
    };
    expect(value('RSS at ready @ test').median).toBeGreaterThan(10);
    expect(value('start-up to ready @ test').samples).toBe(1);
    expect(value('POST /api/chat latency @ test').samples).toBe(6);
    expect(value('GET /healthz latency @ test').samples).toBe(60);
    expect(value('POST /api/chat errors @ test').median).toBe(0);
    expect(value('GET /healthz errors @ test').median).toBe(0);
    expect(value('chat ÷ healthz throughput @ test').samples).toBe(1);
  });
});
