import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { LOWER_IS_BETTER, SUMMARY_KEYS, type EvalReport, type EvalSummary } from '../types.js';

/** The part of an earlier report.json a comparison needs; older reports may lack keys. */
const baselineSchema = z.object({
  generated_at: z.string().optional(),
  summary: z.record(z.string(), z.number().nullable()),
  results: z.array(
    z.object({
      id: z.string(),
      passed: z.boolean(),
      kind: z.string().optional(),
      question: z.string().optional(),
    }),
  ),
});

export type BaselineReport = z.infer<typeof baselineSchema>;

export interface MetricComparison {
  metric: keyof EvalSummary;
  current: number | null;
  baseline: number | null;
  delta: number | null;
  direction: 'better' | 'worse' | 'same' | 'n/a';
}

export interface QuestionChange {
  id: string;
  kind: string;
  question: string;
  failures: string[];
}

export interface BaselineComparison {
  baseline_generated_at?: string;
  metrics: MetricComparison[];
  /** Passed in the baseline, failed now. */
  worse: QuestionChange[];
  /** Failed in the baseline, passed now. */
  better: QuestionChange[];
  /** Question ids only in the current run / only in the baseline. */
  added: string[];
  removed: string[];
  /** Share of passed questions per kind in the baseline (for chart markers). */
  baseline_pass_rate_by_kind: Record<string, number>;
}

/** Share of passed questions per kind. */
export function passRateByKind(
  results: ReadonlyArray<{ kind?: string; passed: boolean }>,
): Record<string, number> {
  const totals = new Map<string, { passed: number; total: number }>();
  for (const result of results) {
    if (!result.kind) continue;
    const entry = totals.get(result.kind) ?? { passed: 0, total: 0 };
    entry.total += 1;
    if (result.passed) entry.passed += 1;
    totals.set(result.kind, entry);
  }
  return Object.fromEntries([...totals].map(([kind, entry]) => [kind, entry.passed / entry.total]));
}

/** Reads and validates a baseline report.json. */
export async function loadBaseline(path: string): Promise<BaselineReport> {
  const text = await readFile(path, 'utf8');
  const result = baselineSchema.safeParse(JSON.parse(text));
  if (!result.success)
    throw new Error(`${path} is not an evaluation report: ${result.error.issues[0]?.message ?? ''}`);
  return result.data;
}

/** Metrics side by side and the questions that got worse or better. */
export function compareWithBaseline(current: EvalReport, baseline: BaselineReport): BaselineComparison {
  const metrics = SUMMARY_KEYS.map((metric): MetricComparison => {
    const now = current.summary[metric];
    const before = baseline.summary[metric] ?? null;
    if (now === null || before === null)
      return { metric, current: now, baseline: before, delta: null, direction: 'n/a' };
    const delta = now - before;
    const sign = metric !== 'questions' && LOWER_IS_BETTER.has(metric) ? -1 : 1;
    const direction =
      metric === 'questions' || Math.abs(delta) < 1e-9 ? 'same' : delta * sign > 0 ? 'better' : 'worse';
    return { metric, current: now, baseline: before, delta, direction };
  });
  const before = new Map(baseline.results.map((result) => [result.id, result]));
  const currentIds = new Set(current.results.map((result) => result.id));
  const change = (result: EvalReport['results'][number]): QuestionChange => ({
    id: result.id,
    kind: result.kind,
    question: result.question,
    failures: result.failures,
  });
  return {
    ...(baseline.generated_at ? { baseline_generated_at: baseline.generated_at } : {}),
    metrics,
    worse: current.results
      .filter((result) => before.get(result.id)?.passed === true && !result.passed)
      .map(change),
    better: current.results
      .filter((result) => before.get(result.id)?.passed === false && result.passed)
      .map(change),
    added: current.results.filter((result) => !before.has(result.id)).map((result) => result.id),
    removed: baseline.results.filter((result) => !currentIds.has(result.id)).map((result) => result.id),
    baseline_pass_rate_by_kind: passRateByKind(baseline.results),
  };
}
