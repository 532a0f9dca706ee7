import type { Answer } from '../bot/answering/types.js';
import { isInScope, type EvalQuestion } from './dataset.js';
import type { DocumentMatcher, DocumentRef } from './doc-match.js';
import { answerPasses } from './metrics/answer-pass.js';
import { emergencyHandled, type EmergencyOptions } from './metrics/emergency-recall.js';
import { forbiddenFound, missingFacts } from './metrics/fact-recall.js';
import { ndcgAtK } from './metrics/ndcg.js';
import { recallAtK } from './metrics/recall-at-k.js';
import { reciprocalRankAtK } from './metrics/reciprocal-rank.js';
import { refusalCorrect } from './metrics/refusal-accuracy.js';
import type { QuestionResult, RetrievalScores } from './types.js';

export interface ScoreInput {
  question: EvalQuestion;
  /** The engine's answer, or the error it threw. */
  outcome: { answer: Answer } | { error: Error };
  /** Distinct documents in retrieval rank order. */
  retrieved: DocumentRef[];
  latencyMs: number;
  matcher: DocumentMatcher;
  emergency?: EmergencyOptions;
}

/** Retrieval scores of one ranked list against the expected documents; null without any. */
export function scoreRetrieval(
  ranked: readonly DocumentRef[],
  expected: readonly string[],
  matcher: DocumentMatcher,
): RetrievalScores | null {
  if (expected.length === 0) return null;
  const relevance = matcher.relevance(ranked, expected);
  return {
    recall_at_5: recallAtK(relevance, expected.length, 5),
    mrr_at_10: reciprocalRankAtK(relevance, 10),
    ndcg_at_10: ndcgAtK(relevance, expected.length, 10),
  };
}

/** Turns one question and its answer into a scored result with plain-word failure reasons. */
export function scoreQuestion(input: ScoreInput): QuestionResult {
  const { question, matcher } = input;
  const answer = 'answer' in input.outcome ? input.outcome.answer : undefined;
  const type = answer?.type ?? 'error';
  const text = answer?.text ?? '';
  const cited = uniqueBy(answer?.citations ?? [], (citation) => citation.docId);
  const citedExpected = cited.filter((citation) =>
    matcher.matchesAny(question.expected_docs, {
      id: citation.docId,
      ...(citation.url ? { url: citation.url } : {}),
    }),
  ).length;
  const missing = missingFacts(text, question.must_include);
  const forbidden = forbiddenFound(text, question.must_not_include);
  const refusalOk = refusalCorrect(question.kind, type);
  const emergencyOk =
    question.kind === 'emergency'
      ? emergencyHandled(question.question, { type, text }, input.emergency)
      : null;

  const failures: string[] = [];
  if (!answer) failures.push(`engine error: ${(input.outcome as { error: Error }).error.message}`);
  if (isInScope(question.kind) && answer && !answerPasses({ type, missing_facts: [], forbidden_found: [] }))
    failures.push(`type ${type}, expected answer`);
  if (question.kind === 'out_of_scope' && answer && !refusalOk)
    failures.push(`type ${type}, expected a refusal`);
  if (question.kind === 'emergency' && answer && !emergencyOk)
    failures.push(
      type === 'emergency' ? 'emergency answer without 112/110' : `type ${type}, expected emergency`,
    );
  if (missing.length > 0) failures.push(`missing: ${missing.join(' | ')}`);
  if (forbidden.length > 0) failures.push(`must not include: ${forbidden.join(' | ')}`);

  const sources = (answer?.citations.length ? answer.citations : (answer?.evidence ?? [])).map((source) => ({
    docId: source.docId,
    title: source.title,
    ...(source.url ? { url: source.url } : {}),
  }));

  return {
    id: question.id,
    kind: question.kind,
    lang: question.lang,
    question: question.question,
    type,
    answer: text,
    resolved_question: answer?.resolvedQuestion ?? question.question,
    expected_docs: question.expected_docs,
    retrieved_docs: input.retrieved.map((document) => document.id),
    retrieval: scoreRetrieval(input.retrieved, question.expected_docs, matcher),
    cited_docs: cited.map((citation) => citation.docId),
    cited_expected: citedExpected,
    must_include: question.must_include,
    missing_facts: missing,
    forbidden_found: forbidden,
    refusal_ok: refusalOk,
    emergency_ok: emergencyOk,
    passed: failures.length === 0,
    failures,
    latency_ms: Math.round(input.latencyMs * 10) / 10,
    sources: uniqueBy(sources, (source) => source.docId),
    ...(answer ? {} : { error: (input.outcome as { error: Error }).error.message }),
  };
}

function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const value = key(item);
    if (seen.has(value)) return false;
    seen.add(value);
    return true;
  });
}
