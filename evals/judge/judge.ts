import type { JudgedScores, JudgedSection, QuestionResult } from '../types.js';
import { groundednessPrompt, JUDGE_SYSTEM_PROMPT, parseJudgeScore, relevancePrompt } from './prompts.js';
import { meanOf } from '../metrics/mean.js';

/** One chat completion: system + user message in, the model's text out. */
export interface JudgeModel {
  readonly id: string;
  complete(system: string, user: string): Promise<string>;
}

export interface JudgeInput {
  question: string;
  answer: string;
  /** The passages the answer cites (or its evidence). */
  passages: string[];
}

/** Scores one answer for groundedness and relevance (0..1 each). */
export interface AnswerJudge {
  readonly model: string;
  judge(input: JudgeInput): Promise<JudgedScores>;
}

/** The LLM judge with the German prompts of `prompts.ts`. */
export function createLlmJudge(model: JudgeModel): AnswerJudge {
  return {
    model: model.id,
    async judge(input) {
      const [groundedness, relevance] = await Promise.all([
        model.complete(JUDGE_SYSTEM_PROMPT, groundednessPrompt(input)).then(parseJudgeScore),
        model.complete(JUDGE_SYSTEM_PROMPT, relevancePrompt(input)).then(parseJudgeScore),
      ]);
      return { groundedness, relevance };
    },
  };
}

/**
 * Judges every result of type `answer` (refusals and emergencies are canned texts) and
 * records the scores on the result; a failing call marks that result, not the run.
 */
export async function judgeResults(
  judge: AnswerJudge,
  items: ReadonlyArray<{ result: QuestionResult; passages: string[] }>,
): Promise<JudgedSection> {
  let errors = 0;
  let judgedQuestions = 0;
  for (const { result, passages } of items) {
    if (result.type !== 'answer') continue;
    judgedQuestions += 1;
    try {
      result.judged = await judge.judge({
        question: result.resolved_question,
        answer: result.answer,
        passages,
      });
    } catch (error) {
      errors += 1;
      result.judged = { error: (error as Error).message };
    }
  }
  const scored = items.map((item) => item.result.judged).filter((scores) => scores && !scores.error);
  return {
    status: 'done',
    model: judge.model,
    groundedness: meanOf(scored.map((scores) => scores?.groundedness)),
    relevance: meanOf(scored.map((scores) => scores?.relevance)),
    judged_questions: judgedQuestions,
    errors,
  };
}
