import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { QUESTION_KINDS } from './dataset.js';
import { formatMetric, METRIC_LABELS } from './report/format.js';
import {
  METRIC_KEYS,
  type EvalReport,
  type EvalSummary,
  type GateResult,
  type MetricKey,
  type ThresholdFailure,
} from './types.js';

const metricLimits = z
  .partialRecord(z.enum(METRIC_KEYS as [MetricKey, ...MetricKey[]]), z.number())
  .default({});
const boundsSchema = z.strictObject({ min: metricLimits, max: metricLimits });

/**
 * The checked-in gate (`evals/thresholds.json`): `min` and `max` per summary metric, and
 * optionally per question kind under `by_kind`. Unknown metric names are errors, so a typo
 * cannot silently disable a threshold.
 */
export const thresholdsSchema = z.strictObject({
  $comment: z.string().optional(),
  min: metricLimits,
  max: metricLimits,
  by_kind: z.partialRecord(z.enum(QUESTION_KINDS), boundsSchema).default({}),
});

export type Thresholds = z.infer<typeof thresholdsSchema>;

export async function loadThresholds(path: string): Promise<Thresholds> {
  const result = thresholdsSchema.safeParse(JSON.parse(await readFile(path, 'utf8')));
  if (!result.success) {
    throw new Error(
      `${path} is invalid:\n${result.error.issues.map((issue) => `  - ${issue.path.join('.')}: ${issue.message}`).join('\n')}`,
    );
  }
  return result.data;
}

function checkScope(
  scope: string,
  summary: EvalSummary | undefined,
  bounds: { min: Partial<Record<MetricKey, number>>; max: Partial<Record<MetricKey, number>> },
  failures: ThresholdFailure[],
  notApplicable: string[],
): void {
  for (const bound of ['min', 'max'] as const) {
    for (const [metric, limit] of Object.entries(bounds[bound]) as Array<[MetricKey, number]>) {
      const actual = summary?.[metric] ?? null;
      const name = scope === 'summary' ? metric : `${scope}.${metric}`;
      if (actual === null) {
        notApplicable.push(name);
        continue;
      }
      const missed = bound === 'min' ? actual < limit : actual > limit;
      if (!missed) continue;
      const label = `${name} (${METRIC_LABELS[metric]})`;
      failures.push({
        scope,
        metric,
        actual,
        limit,
        bound,
        message:
          bound === 'min'
            ? `${label} = ${formatMetric(metric, actual)} is below the minimum ${formatMetric(metric, limit)}`
            : `${label} = ${formatMetric(metric, actual)} is above the maximum ${formatMetric(metric, limit)}`,
      });
    }
  }
}

/**
 * Checks the report against the thresholds. A metric no question applies to (null) is
 * listed as not applicable rather than failed, so the gate works on any question file.
 */
export function checkThresholds(
  report: Pick<EvalReport, 'summary' | 'by_kind'>,
  thresholds: Thresholds,
): GateResult {
  const failures: ThresholdFailure[] = [];
  const notApplicable: string[] = [];
  checkScope('summary', report.summary, thresholds, failures, notApplicable);
  for (const [kind, bounds] of Object.entries(thresholds.by_kind)) {
    if (bounds)
      checkScope(kind, report.by_kind[kind as keyof typeof report.by_kind], bounds, failures, notApplicable);
  }
  return { passed: failures.length === 0, failures, not_applicable: notApplicable };
}
