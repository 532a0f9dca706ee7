import type { FetchContext } from './fetch-document.js';
import {
  describeRequestError,
  discardBody,
  isAbortedBy,
  readBodyCapped,
  requestOnce,
} from './http-request.js';
import { normaliseUrl } from './normalise-url.js';
import type { RobotsFetcher } from './robots-rules.js';

/** RFC 9309 asks parsers to read at least 500 KiB; more is ignored. */
const ROBOTS_MAX_BYTES = 512 * 1024;

/**
 * Fetches robots.txt through the host scheduler, following up to `maxRedirects` redirects
 * (on any host, as RFC 9309 allows). Resolves to the final status and text; rejects with a
 * short reason when the host cannot be reached.
 */
export function createRobotsFetcher(
  context: Omit<FetchContext, 'rulesFor' | 'scope' | 'cache'>,
): RobotsFetcher {
  return async (robotsUrl) => {
    let current = robotsUrl;
    for (let hop = 0; ; hop += 1) {
      let response: Response;
      try {
        response = await context.scheduler.run(new URL(current).host, () => {
          context.counters.requests += 1;
          return requestOnce(current, context.settings, { Accept: 'text/plain,*/*;q=0.5' });
        });
      } catch (error) {
        if (isAbortedBy(context.settings.signal, error)) throw error;
        throw new Error(describeRequestError(error, context.settings.timeoutMs));
      }
      context.counters.responses += 1;
      const location = response.headers.get('location');
      const next = location ? normaliseUrl(location, current) : undefined;
      if (response.status >= 300 && response.status < 400 && next && hop < context.maxRedirects) {
        await discardBody(response);
        current = next;
        continue;
      }
      if (response.status !== 200) {
        await discardBody(response);
        return { status: response.status, text: '' };
      }
      let body: Buffer | undefined;
      try {
        body = await readBodyCapped(response, Math.min(ROBOTS_MAX_BYTES, context.maxBytes));
      } catch (error) {
        if (isAbortedBy(context.settings.signal, error)) throw error;
        throw new Error(describeRequestError(error, context.settings.timeoutMs));
      }
      // An oversized robots.txt counts as absent rather than blocking the whole site.
      return body ? { status: 200, text: body.toString('utf8') } : { status: 404, text: '' };
    }
  };
}
