import type { EvalSummary } from '../types.js';

/** Human labels of the summary keys (reports are read by maintainers). */
export const METRIC_LABELS: Record<keyof EvalSummary, string> = {
  questions: 'Questions',
  recall_at_5: 'Recall@5',
  mrr_at_10: 'MRR@10',
  ndcg_at_10: 'nDCG@10',
  fact_recall: 'Fact recall',
  answer_pass_rate: 'Answer pass rate',
  citation_precision: 'Citation precision',
  refusal_accuracy: 'Refusal accuracy',
  emergency_recall: 'Emergency recall',
  latency_ms_p50: 'Latency p50 (ms)',
  latency_ms_p95: 'Latency p95 (ms)',
};

/** A metric value for display: counts and milliseconds as numbers, rates with 3 decimals. */
export function formatMetric(key: keyof EvalSummary, value: number | null | undefined): string {
  if (value === null || value === undefined) return '–';
  if (key === 'questions') return String(value);
  if (key.startsWith('latency')) return value.toFixed(1);
  return value.toFixed(3);
}

export function formatDelta(key: keyof EvalSummary, delta: number | null): string {
  if (delta === null) return '';
  const text = formatMetric(key, Math.abs(delta));
  return delta > 0 ? `+${text}` : delta < 0 ? `−${text}` : '±0';
}

/** Shortens long answers for tables. */
export function truncate(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}
