/**
 * The evaluation report's data model. `report.json` is exactly `EvalReport`; the summary
 * keys are fixed by issue 4 and other tools (CI, dashboards) read them.
 */
import type { AnswerType } from '../bot/answering/types.js';
import type { QuestionKind } from './dataset.js';
import type { BaselineComparison } from './report/baseline.js';

/** Summary metrics: 0..1 unless the key names a unit; `null` when no question applies. */
export interface EvalSummary {
  questions: number;
  recall_at_5: number | null;
  mrr_at_10: number | null;
  ndcg_at_10: number | null;
  fact_recall: number | null;
  answer_pass_rate: number | null;
  citation_precision: number | null;
  refusal_accuracy: number | null;
  emergency_recall: number | null;
  latency_ms_p50: number | null;
  latency_ms_p95: number | null;
}

export type MetricKey = Exclude<keyof EvalSummary, 'questions'>;

/** The summary keys in report order. */
export const SUMMARY_KEYS = [
  'questions',
  'recall_at_5',
  'mrr_at_10',
  'ndcg_at_10',
  'fact_recall',
  'answer_pass_rate',
  'citation_precision',
  'refusal_accuracy',
  'emergency_recall',
  'latency_ms_p50',
  'latency_ms_p95',
] as const satisfies ReadonlyArray<keyof EvalSummary>;

export const METRIC_KEYS = SUMMARY_KEYS.filter((key): key is MetricKey => key !== 'questions');

/** Metrics where lower is better. */
export const LOWER_IS_BETTER: ReadonlySet<MetricKey> = new Set(['latency_ms_p50', 'latency_ms_p95']);

export interface RetrievalScores {
  recall_at_5: number;
  mrr_at_10: number;
  ndcg_at_10: number;
}

/** LLM-judged scores of one answer (0..1), when a judge ran. */
export interface JudgedScores {
  groundedness?: number;
  relevance?: number;
  error?: string;
}

/** One question's outcome. */
export interface QuestionResult {
  id: string;
  kind: QuestionKind;
  lang: string;
  question: string;
  /** The answer type, or `error` when the engine threw. */
  type: AnswerType | 'error';
  answer: string;
  resolved_question: string;
  expected_docs: string[];
  /** Distinct document ids in retrieval rank order. */
  retrieved_docs: string[];
  /** Per-question retrieval scores; null without expected_docs. */
  retrieval: RetrievalScores | null;
  /** Distinct cited document ids, in citation order. */
  cited_docs: string[];
  /** How many of `cited_docs` are among `expected_docs`. */
  cited_expected: number;
  must_include: string[];
  missing_facts: string[];
  /** `must_not_include` strings the answer contains. */
  forbidden_found: string[];
  /** Refusal correctness (null for emergencies). */
  refusal_ok: boolean | null;
  /** Emergency handling (null for other kinds). */
  emergency_ok: boolean | null;
  passed: boolean;
  /** Why the question failed, in plain words. */
  failures: string[];
  latency_ms: number;
  /** Sources the answer used, for the failure table. */
  sources: Array<{ docId: string; url?: string; title: string }>;
  error?: string;
  judged?: JudgedScores;
}

export type JudgedSection =
  | { status: 'skipped'; reason: string }
  | {
      status: 'done';
      model: string;
      groundedness: number | null;
      relevance: number | null;
      judged_questions: number;
      errors: number;
    };

export interface ThresholdFailure {
  /** `summary` or a question kind. */
  scope: string;
  metric: MetricKey;
  actual: number;
  limit: number;
  bound: 'min' | 'max';
  message: string;
}

export interface GateResult {
  passed: boolean;
  failures: ThresholdFailure[];
  /** Thresholds that could not be checked because no question applied. */
  not_applicable: string[];
}

export interface EvalReport {
  version: 1;
  generated_at: string;
  run: {
    questions_file?: string;
    corpus?: string;
    mode: 'hybrid' | 'lexical' | 'vector' | 'evidence';
    embedder?: string;
    documents: number;
    chunks?: number;
    duration_ms: number;
  };
  summary: EvalSummary;
  by_kind: Partial<Record<QuestionKind, EvalSummary>>;
  results: QuestionResult[];
  judged: JudgedSection;
  gate?: GateResult;
  /** Present when the run was compared with `--baseline`. */
  baseline?: BaselineComparison;
}
