/**
 * `npm run eval -- [--corpus <dir>] [--questions <file.jsonl>] [--out <dir>]
 *   [--baseline <report.json>] [--thresholds <file>] [--mode hybrid|lexical|vector] [--no-thresholds]`
 *
 * Builds a throwaway snapshot (the bundled sample city, or `--corpus`), answers every
 * question through the server's composition, writes report.json/.md/.html, prints the
 * summary and exits 1 when a threshold is missed (2 on unusable input).
 */
import { loadDotEnv } from '../config/env-file.js';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/index.js';
import { loadQuestions } from './dataset.js';
import type { AnswerJudge } from './judge/judge.js';
import { judgeFromConfig } from './judge/from-config.js';
import { compareWithBaseline, loadBaseline } from './report/baseline.js';
import { summaryTable } from './report/markdown.js';
import { writeReports } from './report/write.js';
import { runEvaluation, type RetrievalMode } from './runner.js';
import type { OpenRuntime } from './runtime-types.js';
import { checkThresholds, loadThresholds } from './thresholds.js';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_QUESTIONS = resolve(REPO_ROOT, 'evals/datasets/gelsenkirchen.jsonl');
export const DEFAULT_THRESHOLDS = resolve(REPO_ROOT, 'evals/thresholds.json');
const MODES: readonly RetrievalMode[] = ['hybrid', 'lexical', 'vector'];

export interface CliDeps {
  env: Record<string, string | undefined>;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Opens the bot over a throwaway snapshot; defaults to the real composition. */
  openRuntime?: OpenRuntime;
  /** Overrides the judge chosen from the config (`null` forces skipping). */
  judge?: AnswerJudge | null;
}

export const USAGE =
  'Usage: npm run eval -- [--corpus <dir>] [--questions <file.jsonl>] [--out <dir>] [--baseline <report.json>]\n' +
  '                       [--thresholds <file>] [--mode hybrid|lexical|vector] [--no-thresholds]';

/** Runs the evaluation; resolves to the process exit code. */
export async function main(argv: string[], deps: Partial<CliDeps> = {}): Promise<number> {
  const env = deps.env ?? process.env;
  const stdout = deps.stdout ?? ((text: string) => process.stdout.write(text));
  const stderr = deps.stderr ?? ((text: string) => process.stderr.write(text));

  let args;
  try {
    args = parseArgs({
      args: argv,
      options: {
        corpus: { type: 'string' },
        questions: { type: 'string' },
        out: { type: 'string', default: 'reports/eval' },
        baseline: { type: 'string' },
        thresholds: { type: 'string' },
        mode: { type: 'string', default: 'hybrid' },
        'no-thresholds': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    stderr(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (args.help) {
    stdout(`${USAGE}\n`);
    return 0;
  }
  const mode = args.mode as RetrievalMode;
  if (!MODES.includes(mode)) {
    stderr(`--mode must be one of ${MODES.join(', ')}\n`);
    return 2;
  }

  let runtime;
  try {
    const config = loadConfig(env);
    const questionsPath = resolve(args.questions ?? DEFAULT_QUESTIONS);
    if (args.corpus && !args.questions)
      stderr('Note: --corpus without --questions uses the bundled Gelsenkirchen questions.\n');
    const questions = await loadQuestions(questionsPath);
    const thresholds = args['no-thresholds']
      ? undefined
      : await loadThresholds(resolve(args.thresholds ?? DEFAULT_THRESHOLDS));
    const baseline = args.baseline ? await loadBaseline(resolve(args.baseline)) : undefined;
    const sources = args.corpus
      ? [resolve(args.corpus)]
      : config.SAMPLE_SOURCES.map((source) =>
          existsSync(source) ? resolve(source) : resolve(REPO_ROOT, source),
        );
    for (const source of sources) if (!existsSync(source)) throw new Error(`source ${source} does not exist`);

    const judgeChoice =
      deps.judge === undefined
        ? judgeFromConfig(config)
        : deps.judge
          ? { judge: deps.judge }
          : { skipReason: 'judge disabled' };
    const openRuntime = deps.openRuntime ?? (await import('./runtime.js')).openEvalRuntime;
    stderr(`Building a throwaway snapshot from ${sources.join(', ')} …\n`);
    runtime = await openRuntime({ sources, env, log: (line: string) => stderr(`${line}\n`) });

    stderr(`Answering ${questions.length} questions …\n`);
    const report = await runEvaluation({
      questions,
      engine: runtime.engine,
      ...(runtime.retriever ? { retriever: runtime.retriever } : {}),
      mode,
      documents: runtime.documents,
      ...(runtime.crisisNumbers ? { emergency: { crisisNumbers: runtime.crisisNumbers } } : {}),
      ...('judge' in judgeChoice
        ? { judge: judgeChoice.judge }
        : { judgeSkipReason: judgeChoice.skipReason }),
      onProgress: (event) => {
        if (event.done % 25 === 0 || event.done === event.total) stderr(`  ${event.done}/${event.total}\n`);
      },
      run: {
        questions_file: args.questions ?? 'evals/datasets/gelsenkirchen.jsonl',
        corpus: args.corpus ?? 'bundled sample (SAMPLE_SOURCES)',
        ...(runtime.describe.embedder ? { embedder: runtime.describe.embedder } : {}),
        ...(runtime.describe.chunks !== undefined ? { chunks: runtime.describe.chunks } : {}),
      },
    });
    if (baseline) report.baseline = compareWithBaseline(report, baseline);
    if (thresholds) report.gate = checkThresholds(report, thresholds);

    const paths = await writeReports(resolve(args.out), report);
    stdout(`${summaryTable(report)}\n\n`);
    if (report.judged.status === 'skipped')
      stdout(`LLM-judged metrics: skipped (${report.judged.reason}).\n`);
    else
      stdout(
        `LLM-judged: groundedness ${report.judged.groundedness?.toFixed(3) ?? '–'}, relevance ${report.judged.relevance?.toFixed(3) ?? '–'}\n`,
      );
    if (report.baseline)
      stdout(
        `Compared with the baseline: ${report.baseline.worse.length} worse, ${report.baseline.better.length} better.\n`,
      );
    stdout(`Reports: ${paths.json}, ${paths.markdown}, ${paths.html}\n`);
    if (report.gate && !report.gate.passed) {
      stderr(
        `\nThresholds missed (${report.gate.failures.length}):\n${report.gate.failures.map((failure) => `  - ${failure.message}`).join('\n')}\n`,
      );
      return 1;
    }
    if (report.gate) stdout('All thresholds met.\n');
    return 0;
  } catch (error) {
    stderr(`${(error as Error).message}\n`);
    return 2;
  } finally {
    await runtime?.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  loadDotEnv();
  process.exitCode = await main(process.argv.slice(2));
}
