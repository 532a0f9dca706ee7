import { AIMessage, HumanMessage, SystemMessage, type BaseMessage } from '@langchain/core/messages';
import { ChatOpenAI } from '@langchain/openai';
import type { AppConfig } from '../../../config/index.js';
import type { LlmPort } from '../../answering/ports.js';

export type OpenAiCompatibleConfig = Pick<
  AppConfig,
  'LLM_BASE_URL' | 'LLM_MODEL' | 'LLM_API_KEY' | 'LLM_TEMPERATURE' | 'LLM_MAX_TOKENS' | 'LLM_TIMEOUT_MS'
>;

/** Sent when no key is configured: the client needs one, vLLM and Ollama ignore it. */
const PLACEHOLDER_API_KEY = 'not-needed';

/** The model stream ended without a regular finish (connection cut, token limit, content filter). */
export class LlmIncompleteError extends Error {
  constructor(readonly finishReason: string | undefined) {
    super(`the model stream ended without finishing (finish_reason: ${finishReason ?? 'none'})`);
    this.name = 'LlmIncompleteError';
  }
}

/**
 * The LLM port over any OpenAI-compatible `/chat/completions` endpoint, through LangChain's
 * `ChatOpenAI`: vLLM (`http://host:8000/v1`), Ollama (`http://host:11434/v1`), a LiteLLM proxy
 * (`http://host:4000/v1`) or Azure OpenAI through its OpenAI-compatible v1 API
 * (`https://<resource>.openai.azure.com/openai/v1/`, model = deployment name, the resource's
 * API key as `LLM_API_KEY`), so no Azure-specific client is needed. See docs/llm.md.
 *
 * Returns undefined when `LLM_BASE_URL` is unset: the engine then stays extractive. Requests
 * are never retried (`maxRetries: 0`); the engine falls back to the extractive answer instead
 * of keeping a citizen waiting.
 */
export function createOpenAiCompatibleLlm(config: OpenAiCompatibleConfig): LlmPort | undefined {
  if (!config.LLM_BASE_URL) return undefined;
  const model = config.LLM_MODEL;
  if (!model) throw new Error('LLM_MODEL is required when LLM_BASE_URL is set');

  const chat = new ChatOpenAI({
    model,
    apiKey: config.LLM_API_KEY ?? PLACEHOLDER_API_KEY,
    configuration: { baseURL: config.LLM_BASE_URL },
    temperature: config.LLM_TEMPERATURE,
    maxTokens: config.LLM_MAX_TOKENS,
    streaming: true,
    // `stream_options.include_usage` is not understood by every compatible server; we need no usage.
    streamUsage: false,
    // Always /chat/completions: the Responses API is OpenAI's own and most servers lack it.
    useResponsesApi: false,
    maxRetries: 0,
    // Bounds the wait for the response headers; the engine also bounds the wait between tokens.
    timeout: config.LLM_TIMEOUT_MS,
  });

  return {
    model,
    async *stream({ system, messages, signal }) {
      const input: BaseMessage[] = [
        new SystemMessage(system),
        ...messages.map((message) =>
          message.role === 'user' ? new HumanMessage(message.content) : new AIMessage(message.content),
        ),
      ];
      let finishReason: string | undefined;
      for await (const chunk of await chat.stream(input, { signal })) {
        const text = textOf(chunk.content);
        if (text) yield text;
        const reason: unknown = chunk.response_metadata?.finish_reason;
        if (typeof reason === 'string') finishReason = reason;
      }
      // A stream that ends without a finish reason was cut off; "length" and "content_filter"
      // mean the answer is incomplete. Either way the caller must not show it as final.
      if (finishReason === undefined || finishReason === 'length' || finishReason === 'content_filter') {
        throw new LlmIncompleteError(finishReason);
      }
    },
  };
}

/** Message content is a string or, with some providers, a list of content parts. */
function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .map((part: unknown) => {
      if (typeof part === 'string') return part;
      if (part && typeof part === 'object' && (part as { type?: unknown }).type === 'text') {
        const text = (part as { text?: unknown }).text;
        return typeof text === 'string' ? text : '';
      }
      return '';
    })
    .join('');
}
