/**
 * `npm run bench [-- --quick] [--out reports/bench] [--runs <n>] [--scales 1000,10000,100000] [--no-http]`
 *
 * Prints a Markdown table and writes bench.json and bench.md: ingestion pages/s and chunks/s
 * per embedder, search and answer latency at 1k/10k/100k chunks of a synthetic corpus
 * (in process), the server's start-up time, RSS and HTTP throughput, and the widget size.
 * Every figure is a median and p95 over repeated runs.
 */
import { loadDotEnv } from '../../config/env-file.js';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { loadCityProfile, loadConfig, type AppConfig } from '../../config/index.js';
import { silentLogger } from '../../config/logger.js';
import { chunkDocument } from '../../ingestion/chunk.js';
import { createEmbedder } from '../../knowledge/index.js';
import { readLocalSources } from '../corpus-documents.js';
import { benchMarkdown, machineInfo, type BenchReport } from './bench-report.js';
import { figure, type Figure } from './figures.js';
import { benchCleanAndChunk, benchEmbedders, readHtmlPages } from './ingestion-bench.js';
import { benchSearchAndAnswer } from './in-process-bench.js';
import { benchQueries } from './queries.js';
import { benchServer } from './server-bench.js';
import { buildSyntheticSnapshot } from './synthetic-snapshot.js';
import { benchWidget } from './widget-bench.js';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface BenchDeps {
  env: Record<string, string | undefined>;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const label = (chunks: number) =>
  chunks >= 1000 && chunks % 1000 === 0 ? `${chunks / 1000}k chunks` : `${chunks} chunks`;

/** Config for one throwaway snapshot folder (frozen configs are rebuilt, never mutated). */
function configFor(env: Record<string, string | undefined>, indexDir: string): AppConfig {
  return loadConfig({
    ...env,
    INDEX_DIR: indexDir,
    FEEDBACK_DB: join(indexDir, 'feedback.sqlite'),
    LOG_LEVEL: 'error',
  });
}

export async function main(argv: string[], deps: Partial<BenchDeps> = {}): Promise<number> {
  const env = { ...(deps.env ?? process.env), EMBEDDER: 'hashed-ngram' };
  const stdout = deps.stdout ?? ((text: string) => process.stdout.write(text));
  const stderr = deps.stderr ?? ((text: string) => process.stderr.write(text));
  let args;
  try {
    args = parseArgs({
      args: argv,
      options: {
        quick: { type: 'boolean', default: false },
        out: { type: 'string', default: 'reports/bench' },
        runs: { type: 'string' },
        scales: { type: 'string' },
        'no-http': { type: 'boolean', default: false },
      },
      strict: true,
    }).values;
  } catch (error) {
    stderr(`${(error as Error).message}\n`);
    return 2;
  }
  const quick = args.quick;
  const runs = Number(args.runs ?? (quick ? 3 : 5));
  const scales = (args.scales ?? (quick ? '1000,10000' : '1000,10000,100000')).split(',').map(Number);
  if (!Number.isInteger(runs) || runs < 1 || scales.some((scale) => !Number.isInteger(scale) || scale < 1)) {
    stderr('--runs and --scales take positive whole numbers\n');
    return 2;
  }
  const started = performance.now();
  const progress = (text: string) => stderr(`[bench] ${text}\n`);

  const config = loadConfig(env);
  const profile = loadCityProfile(resolve(REPO_ROOT, config.CITY_PROFILE));
  const sources = config.SAMPLE_SOURCES.map((source) => resolve(REPO_ROOT, source));
  const base = await readLocalSources(sources);
  const sampleChunks = base.flatMap((document) =>
    chunkDocument(document, { maxChars: config.CHUNK_MAX_CHARS }),
  );
  const queries = await benchQueries(join(REPO_ROOT, 'evals/datasets/gelsenkirchen.jsonl'), quick ? 20 : 40);
  const figures: Figure[] = [];

  progress('ingestion: clean + chunk, embedders');
  figures.push(...(await benchCleanAndChunk(await readHtmlPages(sources), config, runs)));
  figures.push(...(await benchEmbedders(sampleChunks, config, runs)));
  progress('widget size');
  figures.push(...(await benchWidget(REPO_ROOT)));

  const { createRuntime } = await import('../../bot/composition.js');
  for (const [index, scale] of scales.entries()) {
    const indexDir = await mkdtemp(join(tmpdir(), 'bench-index-'));
    try {
      progress(`${label(scale)}: building the synthetic snapshot`);
      const scaleConfig = configFor(env, indexDir);
      const built = await buildSyntheticSnapshot({
        base,
        targetChunks: scale,
        indexDir,
        config: scaleConfig,
        profile,
        embedder: await createEmbedder(scaleConfig),
      });
      figures.push(
        figure(
          'snapshot',
          `build (chunk + embed + index) @ ${label(scale)}`,
          's',
          [built.buildMs / 1000],
          `${built.documents} documents, one build`,
        ),
        figure('snapshot', `size on disk @ ${label(scale)}`, 'MB', [built.manifest.sizeBytes / 1024 ** 2]),
      );
      progress(`${label(scale)}: search and answer latency in process`);
      const runtime = await createRuntime({ config: scaleConfig, indexDir, logger: silentLogger });
      try {
        figures.push(
          ...(await benchSearchAndAnswer({
            label: label(scale),
            engine: runtime.engine,
            retriever: runtime.snapshot.retriever,
            queries,
            passes: quick ? 2 : 3,
            k: scaleConfig.SEARCH_K,
          })),
        );
      } finally {
        await runtime.close();
      }
      if (!args['no-http']) {
        progress(`${label(scale)}: server start-up, RSS${index === 0 ? ' and HTTP load' : ''}`);
        figures.push(
          ...(await benchServer({
            label: label(scale),
            repoRoot: REPO_ROOT,
            indexDir,
            env,
            starts: scale >= 100_000 ? 2 : quick ? 2 : 3,
            ...(index === 0
              ? {
                  load: {
                    rounds: quick ? 2 : 3,
                    concurrency: 8,
                    maxRequests: quick ? 200 : 500,
                    maxDurationMs: quick ? 5000 : 15_000,
                    queries,
                  },
                }
              : {}),
          })),
        );
      }
    } finally {
      await rm(indexDir, { recursive: true, force: true });
    }
  }

  const report: BenchReport = {
    version: 1,
    generated_at: new Date().toISOString(),
    quick,
    machine: machineInfo(),
    settings: { embedder: (await createEmbedder(config)).id, chunk_max_chars: config.CHUNK_MAX_CHARS, runs },
    figures,
    duration_ms: Math.round(performance.now() - started),
  };
  const outDir = resolve(args.out);
  await mkdir(outDir, { recursive: true });
  const markdown = benchMarkdown(report);
  await writeFile(join(outDir, 'bench.json'), JSON.stringify(report, null, 2) + '\n');
  await writeFile(join(outDir, 'bench.md'), markdown);
  stdout(markdown);
  stdout(`\nWritten: ${join(outDir, 'bench.json')}, ${join(outDir, 'bench.md')}\n`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  loadDotEnv();
  process.exitCode = await main(process.argv.slice(2));
}
