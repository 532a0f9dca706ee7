import type { Context } from 'hono';
import { streamSSE, type SSEStreamingApi } from 'hono/streaming';
import type { Logger } from '../../../config/logger.js';
import type { AnswerEngine, AnswerRequest, AnswerType } from '../../answering/types.js';
import { AppError, STATUS_BY_CODE, type AppErrorCode } from '../../errors.js';
import { toChatResponse, toPublicCitations } from './chat-response.js';
import { logError, toAppError } from './error-handler.js';
import { ERROR_MESSAGES } from './messages.js';
import type { Answer } from '../../answering/types.js';

export interface StreamChatOptions {
  engine: AnswerEngine;
  request: Omit<AnswerRequest, 'signal'>;
  ids: { conversationId: string; messageId: string };
  logger: Logger;
  /** Called once with the final answer, before the `end` event; not called on abort or error. */
  onAnswer(answer: Answer): void;
}

const send = (stream: SSEStreamingApi, event: string, data: unknown) =>
  stream.writeSSE({ event, data: JSON.stringify(data) });

const isAppErrorCode = (code: string): code is AppErrorCode => code in STATUS_BY_CODE;

/**
 * Streams an answer as server-sent events: `sources`, `text-delta`…, then `end` (the JSON
 * response body) or one `error` {code, message}; then the stream ends. A client that goes
 * away aborts the engine through the request's AbortSignal and nothing is recorded.
 */
export function streamChat(c: Context, options: StreamChatOptions): Response {
  const controller = new AbortController();
  const abort = () => controller.abort();
  const requestSignal = c.req.raw.signal;
  if (requestSignal.aborted) abort();
  else requestSignal.addEventListener('abort', abort, { once: true });

  const accessLog = c.get('httpAccessLog');
  accessLog.deferred = true;
  c.header('X-Accel-Buffering', 'no'); // reverse proxies must not buffer the stream

  return streamSSE(c, async (stream) => {
    stream.onAbort(abort);
    let answerType: AnswerType | undefined;
    const fail = async (code: AppErrorCode, message: string) => send(stream, 'error', { code, message });
    try {
      const events = options.engine.stream({ ...options.request, signal: controller.signal });
      for await (const event of events) {
        if (controller.signal.aborted) break;
        switch (event.type) {
          case 'sources':
            answerType = event.answerType;
            await send(stream, 'sources', {
              ...options.ids,
              answerType: event.answerType,
              citations: toPublicCitations(event.citations),
            });
            break;
          case 'text-delta':
            await send(stream, 'text-delta', { delta: event.delta });
            break;
          case 'end':
            answerType = event.answer.type;
            options.onAnswer(event.answer);
            await send(stream, 'end', toChatResponse(options.ids, event.answer));
            return;
          case 'error': {
            // The engine's message is not promised to be citizen-safe: use ours for its code.
            const code = isAppErrorCode(event.code) ? event.code : 'internal';
            options.logger.warn('answer stream failed', { requestId: c.get('requestId'), code: event.code });
            await fail(code, ERROR_MESSAGES[code]);
            return;
          }
        }
      }
      if (!controller.signal.aborted) {
        options.logger.error('answer stream ended without end event', { requestId: c.get('requestId') });
        await fail('internal', ERROR_MESSAGES.internal);
      }
    } catch (error) {
      if (controller.signal.aborted) return;
      const { appError, status } = toAppError(error);
      logError(options.logger, c, error, appError, status);
      await fail(appError.code, error instanceof AppError ? appError.message : ERROR_MESSAGES[appError.code]);
    } finally {
      requestSignal.removeEventListener('abort', abort);
      accessLog.finish({ ...(answerType && { answerType }), aborted: controller.signal.aborted });
    }
  });
}
