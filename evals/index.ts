/** Public surface of the evaluation suite and its report model. */
export {
  QUESTION_KINDS,
  IN_SCOPE_KINDS,
  isInScope,
  questionSchema,
  parseQuestions,
  loadQuestions,
  DatasetError,
} from './dataset.js';
export type { EvalQuestion, QuestionKind } from './dataset.js';
export { normalizeText, normalizeNumber, containsNormalized } from './normalize.js';
export { DocumentMatcher, distinctDocuments, type DocumentRef, type DocumentList } from './doc-match.js';
export { runEvaluation, type RunEvaluationOptions, type EvalProgress, type RetrievalMode } from './runner.js';
export { scoreQuestion, scoreRetrieval } from './score.js';
export { summarize, summarizeByKind } from './summarize.js';
export { recallAtK } from './metrics/recall-at-k.js';
export { reciprocalRankAtK } from './metrics/reciprocal-rank.js';
export { ndcgAtK } from './metrics/ndcg.js';
export { percentile } from './metrics/percentile.js';
export { factRecall, missingFacts, forbiddenFound } from './metrics/fact-recall.js';
export { answerPassRate, answerPasses } from './metrics/answer-pass.js';
export { citationPrecision } from './metrics/citation-precision.js';
export { refusalAccuracy, refusalCorrect, REFUSAL_TYPES } from './metrics/refusal-accuracy.js';
export { emergencyRecall, emergencyHandled, SUICIDAL_PHRASING } from './metrics/emergency-recall.js';
export { createLlmJudge, judgeResults, type AnswerJudge, type JudgeModel } from './judge/judge.js';
export { judgeFromConfig, judgeModelFromLlm } from './judge/from-config.js';
export { checkThresholds, loadThresholds, thresholdsSchema, type Thresholds } from './thresholds.js';
export { compareWithBaseline, loadBaseline, type BaselineComparison } from './report/baseline.js';
export { renderMarkdown, summaryTable } from './report/markdown.js';
export { renderHtml } from './report/html.js';
export { renderJson, writeReports } from './report/write.js';
export { readLocalSources, visibleText } from './corpus-documents.js';
export type { EvalRuntime, OpenRuntime } from './runtime-types.js';
export { SUMMARY_KEYS, METRIC_KEYS } from './types.js';
export type {
  EvalReport,
  EvalSummary,
  QuestionResult,
  GateResult,
  JudgedSection,
  MetricKey,
} from './types.js';
