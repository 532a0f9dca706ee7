import { QUESTION_KINDS, type QuestionKind } from './dataset.js';
import { answerPassRate } from './metrics/answer-pass.js';
import { citationPrecision } from './metrics/citation-precision.js';
import { emergencyRecall } from './metrics/emergency-recall.js';
import { factRecall } from './metrics/fact-recall.js';
import { meanOf } from './metrics/mean.js';
import { percentile } from './metrics/percentile.js';
import { refusalAccuracy } from './metrics/refusal-accuracy.js';
import type { EvalSummary, QuestionResult } from './types.js';

/** Aggregates per-question results into the summary metrics (issue 4's exact keys). */
export function summarize(results: readonly QuestionResult[]): EvalSummary {
  const latencies = results.map((result) => result.latency_ms);
  const round = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);
  return {
    questions: results.length,
    recall_at_5: meanOf(results.map((result) => result.retrieval?.recall_at_5)),
    mrr_at_10: meanOf(results.map((result) => result.retrieval?.mrr_at_10)),
    ndcg_at_10: meanOf(results.map((result) => result.retrieval?.ndcg_at_10)),
    fact_recall: factRecall(results),
    answer_pass_rate: answerPassRate(results),
    citation_precision: citationPrecision(results),
    refusal_accuracy: refusalAccuracy(results),
    emergency_recall: emergencyRecall(results),
    latency_ms_p50: round(percentile(latencies, 50)),
    latency_ms_p95: round(percentile(latencies, 95)),
  };
}

/** The same metrics per question kind, for the kinds present. */
export function summarizeByKind(
  results: readonly QuestionResult[],
): Partial<Record<QuestionKind, EvalSummary>> {
  const byKind: Partial<Record<QuestionKind, EvalSummary>> = {};
  for (const kind of QUESTION_KINDS) {
    const ofKind = results.filter((result) => result.kind === kind);
    if (ofKind.length > 0) byKind[kind] = summarize(ofKind);
  }
  return byKind;
}
