import { performance } from 'node:perf_hooks';
import type { Answer, AnswerEngine } from '../bot/answering/types.js';
import type { Retriever } from '../knowledge/types.js';
import type { EvalQuestion } from './dataset.js';
import { DocumentMatcher, distinctDocuments, type DocumentList, type DocumentRef } from './doc-match.js';
import { judgeResults, type AnswerJudge } from './judge/judge.js';
import type { EmergencyOptions } from './metrics/emergency-recall.js';
import { scoreQuestion } from './score.js';
import { summarize, summarizeByKind } from './summarize.js';
import type { EvalReport, JudgedSection, QuestionResult } from './types.js';

export type RetrievalMode = 'hybrid' | 'lexical' | 'vector';

export interface EvalProgress {
  done: number;
  total: number;
  id: string;
  passed: boolean;
}

export interface RunEvaluationOptions {
  questions: readonly EvalQuestion[];
  /** The same answering engine the server uses (only `answer` is called). */
  engine: Pick<AnswerEngine, 'answer'>;
  /**
   * When given, retrieval metrics rank the documents of
   * `retriever.search(resolvedQuestion, { k: 20, mode })`; otherwise the answer's evidence.
   */
  retriever?: Pick<Retriever, 'search'>;
  mode?: RetrievalMode;
  /** The corpus documents (id, url), for matching expected entries and existence checks. */
  documents: DocumentList;
  onProgress?: (event: EvalProgress) => void;
  emergency?: EmergencyOptions;
  /** Optional LLM judge; without one the judged metrics are reported as skipped. */
  judge?: AnswerJudge;
  judgeSkipReason?: string;
  /** Monotonic clock in ms (injectable for tests). */
  now?: () => number;
  /** Extra facts about the run for the report (questions file, corpus, embedder…). */
  run?: Partial<EvalReport['run']>;
}

const RETRIEVAL_K = 20;

/**
 * Answers every question through the engine, one at a time (so latencies do not
 * interfere), scores it and aggregates the report. Engine errors become failed results,
 * never an aborted run.
 */
export async function runEvaluation(options: RunEvaluationOptions): Promise<EvalReport> {
  const now = options.now ?? (() => performance.now());
  const matcher = new DocumentMatcher(options.documents);
  const started = now();
  const results: QuestionResult[] = [];
  const judgeItems: Array<{ result: QuestionResult; passages: string[] }> = [];

  for (const question of options.questions) {
    const before = now();
    let outcome: { answer: Answer } | { error: Error };
    try {
      outcome = {
        answer: await options.engine.answer({
          message: question.question,
          history: question.history,
          lang: question.lang,
          channel: 'eval',
        }),
      };
    } catch (error) {
      outcome = { error: error instanceof Error ? error : new Error(String(error)) };
    }
    const latencyMs = now() - before;
    const retrieved = await rankDocuments(question, outcome, options);
    const result = scoreQuestion({
      question,
      outcome,
      retrieved,
      latencyMs,
      matcher,
      ...(options.emergency ? { emergency: options.emergency } : {}),
    });
    results.push(result);
    if ('answer' in outcome) judgeItems.push({ result, passages: answerPassages(outcome.answer) });
    options.onProgress?.({
      done: results.length,
      total: options.questions.length,
      id: question.id,
      passed: result.passed,
    });
  }

  let judged: JudgedSection = {
    status: 'skipped',
    reason: options.judgeSkipReason ?? 'no LLM endpoint configured (set LLM_BASE_URL and LLM_MODEL)',
  };
  if (options.judge) judged = await judgeResults(options.judge, judgeItems);

  return {
    version: 1,
    generated_at: new Date().toISOString(),
    run: {
      ...options.run,
      mode: options.retriever ? (options.mode ?? 'hybrid') : 'evidence',
      documents: matcher.size,
      duration_ms: Math.round(now() - started),
    },
    summary: summarize(results),
    by_kind: summarizeByKind(results),
    results,
    judged,
  };
}

/** The passages an answer rests on: its citations, or its evidence when it cites nothing. */
function answerPassages(answer: Answer): string[] {
  return answer.citations.length > 0
    ? answer.citations.map((citation) => citation.passage)
    : answer.evidence.slice(0, 5).map((passage) => passage.text);
}

async function rankDocuments(
  question: EvalQuestion,
  outcome: { answer: Answer } | { error: Error },
  options: RunEvaluationOptions,
): Promise<DocumentRef[]> {
  const answer = 'answer' in outcome ? outcome.answer : undefined;
  if (options.retriever) {
    const query = answer?.resolvedQuestion?.trim() || question.question;
    const passages = await options.retriever.search(query, {
      k: RETRIEVAL_K,
      mode: options.mode ?? 'hybrid',
    });
    return distinctDocuments(passages);
  }
  return distinctDocuments(answer?.evidence ?? []);
}
