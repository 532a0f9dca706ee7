import type { MiddlewareHandler } from 'hono';
import type { Logger } from '../../../config/logger.js';
import { redactPersonalData } from '../../privacy/index.js';
import type { AccessLogState } from './env.js';

/**
 * One JSON line per request: method, path, status, duration, request id and answer type.
 * Never the message text, the client address or conversation content. Streaming routes
 * set `deferred` and call `finish` when their stream ends.
 */
export function accessLog(logger: Logger, clock: () => number = () => performance.now()): MiddlewareHandler {
  return async (c, next) => {
    const started = clock();
    let written = false;
    const state: AccessLogState = {
      deferred: false,
      finish(extra = {}) {
        if (written) return;
        written = true;
        const answerType = extra.answerType ?? state.answerType;
        logger.info('http request', {
          requestId: c.get('requestId'),
          method: c.req.method,
          path: redactPersonalData(c.req.path.slice(0, 200)),
          status: c.res.status,
          durationMs: Math.round((clock() - started) * 10) / 10,
          ...(answerType !== undefined && { answerType }),
          ...(extra.aborted && { aborted: true }),
        });
      },
    };
    c.set('httpAccessLog', state);
    await next();
    if (!state.deferred) state.finish();
  };
}
