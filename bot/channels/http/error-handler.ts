import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { AppError, type AppErrorCode } from '../../errors.js';
import type { Logger } from '../../../config/logger.js';
import { redactPersonalData } from '../../privacy/index.js';
import { ERROR_MESSAGES } from './messages.js';

/** The JSON error body every failing route returns. */
export interface ErrorBody {
  error: { code: AppErrorCode; message: string };
}

const CODE_BY_STATUS: Record<number, AppErrorCode> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'unauthorized',
  404: 'not_found',
  413: 'payload_too_large',
  429: 'rate_limited',
  502: 'upstream_unavailable',
  503: 'index_missing',
};

/** Maps any thrown value to the AppError the client sees (status, code, safe message). */
export function toAppError(error: unknown): { appError: AppError; status: number } {
  if (error instanceof AppError) return { appError: error, status: error.status };
  if (error instanceof HTTPException) {
    const code = CODE_BY_STATUS[error.status] ?? (error.status < 500 ? 'bad_request' : 'internal');
    return { appError: new AppError(code, ERROR_MESSAGES[code], error.message), status: error.status };
  }
  return { appError: new AppError('internal', ERROR_MESSAGES.internal), status: 500 };
}

/**
 * The only error mapper of the HTTP channel: AppError → its status and message; Hono's
 * HTTPException → the matching code; anything else → 500 with a generic message. Details
 * go to the log with the request id, never to the client.
 */
export function createErrorHandler(logger: Logger): ErrorHandler {
  return (error, c) => {
    const { appError, status } = toAppError(error);
    logError(logger, c, error, appError, status);
    const body: ErrorBody = { error: { code: appError.code, message: appError.message } };
    return c.json(body, status as ContentfulStatusCode);
  };
}

export function logError(
  logger: Logger,
  c: Context,
  error: unknown,
  appError: AppError,
  status: number,
): void {
  const fields: Record<string, unknown> = { requestId: c.get('requestId'), code: appError.code, status };
  if (appError.detail) fields.detail = appError.detail;
  if (status >= 500 && !(error instanceof AppError) && !(error instanceof HTTPException)) {
    // Error texts may quote user input; redact before they reach the log.
    const unexpected = error instanceof Error ? error : new Error(String(error));
    fields.detail = redactPersonalData(`${unexpected.name}: ${unexpected.message}`);
    fields.stack = unexpected.stack ? redactPersonalData(unexpected.stack) : undefined;
    logger.error('request failed', fields);
  } else if (status >= 500) {
    logger.error('request failed', fields);
  } else {
    logger.info('request rejected', fields);
  }
}

export const notFoundHandler: NotFoundHandler = (c) => {
  const body: ErrorBody = { error: { code: 'not_found', message: ERROR_MESSAGES.not_found } };
  return c.json(body, 404);
};
