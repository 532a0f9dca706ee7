import { createOpenAiCompatibleLlm } from '../../bot/adapters/llm/openai-compatible.js';
import type { LlmPort } from '../../bot/answering/ports.js';
import type { AppConfig } from '../../config/index.js';
import { createLlmJudge, type AnswerJudge, type JudgeModel } from './judge.js';

/** A judge model over the bot's own LLM port (one adapter for the endpoint, its auth and timeouts). */
export function judgeModelFromLlm(llm: LlmPort): JudgeModel {
  return {
    id: llm.model,
    async complete(system, user) {
      let text = '';
      for await (const delta of llm.stream({ system, messages: [{ role: 'user', content: user }] }))
        text += delta;
      return text;
    },
  };
}

/**
 * The judge when an LLM endpoint is configured (the same `LLM_*` settings as the bot, at
 * temperature 0), otherwise the reason the judged metrics are skipped.
 */
export function judgeFromConfig(config: AppConfig): { judge: AnswerJudge } | { skipReason: string } {
  const llm =
    config.LLM_BASE_URL && config.LLM_MODEL
      ? createOpenAiCompatibleLlm({ ...config, LLM_TEMPERATURE: 0 })
      : undefined;
  if (!llm) return { skipReason: 'no LLM endpoint configured (set LLM_BASE_URL and LLM_MODEL)' };
  return { judge: createLlmJudge(judgeModelFromLlm(llm)) };
}
