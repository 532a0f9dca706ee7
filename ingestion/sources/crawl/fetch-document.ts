import type { CachedDocument, CrawlCache } from './crawl-cache.js';
import { OUTSIDE_HOSTS, type CrawlScope } from './crawl-scope.js';
import type { HostScheduler } from './host-scheduler.js';
import {
  describeRequestError,
  discardBody,
  isAbortedBy,
  mediaType,
  readBodyCapped,
  requestOnce,
  type RequestSettings,
} from './http-request.js';
import { normaliseUrl } from './normalise-url.js';
import type { HostRules } from './robots-rules.js';
import { classifyContent, isPdf } from './content-type.js';
import type { CrawledContentType } from './types.js';

/** Shared by every request of one crawl. */
export interface FetchContext {
  scope: CrawlScope;
  rulesFor(url: string): Promise<HostRules>;
  scheduler: HostScheduler;
  /** True for a URL already queued or fetched as a page; redirects there are not followed again. */
  isKnownPage?(url: string): boolean;
  cache?: CrawlCache;
  settings: RequestSettings;
  maxBytes: number;
  maxRedirects: number;
  counters: { requests: number; responses: number; notModified: number };
}

/** The result of fetching one URL, after following its redirects. */
export type FetchOutcome =
  | {
      kind: 'document';
      finalUrl: string;
      /** Every URL requested on the way, the first one included. */
      hops: string[];
      contentType: CrawledContentType;
      body: Buffer;
      etag?: string;
      lastModified?: string;
      robotsHeader: string | null;
      /** Set when the server answered 304 and the cached document was reused. */
      cached?: CachedDocument;
    }
  | { kind: 'xml'; finalUrl: string; hops: string[]; body: Buffer }
  | { kind: 'skipped'; reason: string; hops: string[] }
  | { kind: 'failed'; reason: string; hops: string[] };

/** `page`: HTML/PDF within host and prefix (XML too when `acceptXml`); `sitemap`: any body on an allowed host. */
export interface FetchMode {
  kind: 'page' | 'sitemap';
  acceptXml?: boolean;
}

export const DISALLOWED_BY_ROBOTS = 'disallowed by robots.txt';

/**
 * Fetches a URL through the host scheduler, following redirects by hand: every hop is
 * checked against scope and robots.txt again, loops and too many hops fail. Sends
 * If-None-Match / If-Modified-Since when the cache knows the hop, and keeps only HTML and
 * PDF bodies up to `maxBytes`.
 */
export async function fetchDocument(
  url: string,
  context: FetchContext,
  mode: FetchMode,
): Promise<FetchOutcome> {
  const hops: string[] = [];
  let current = url;
  for (;;) {
    hops.push(current);
    const blocked = await checkHop(current, context, mode);
    if (blocked) {
      const reason = hops.length === 1 ? blocked : `redirects to ${current}, which is ${blocked}`;
      return { kind: 'skipped', reason, hops };
    }
    const cached = mode.kind === 'page' ? await context.cache?.get(current) : undefined;
    let response: Response;
    try {
      response = await context.scheduler.run(new URL(current).host, () => {
        context.counters.requests += 1;
        return requestOnce(current, context.settings, conditionalHeaders(cached));
      });
    } catch (error) {
      if (isAbortedBy(context.settings.signal, error)) throw error;
      return { kind: 'failed', reason: describeRequestError(error, context.settings.timeoutMs), hops };
    }
    context.counters.responses += 1;

    if (response.status >= 300 && response.status < 400 && response.status !== 304) {
      await discardBody(response);
      const location = response.headers.get('location');
      const next = location ? normaliseUrl(location, current) : undefined;
      if (!next) return { kind: 'failed', reason: `HTTP ${response.status} without a usable Location`, hops };
      if (hops.includes(next)) return { kind: 'failed', reason: `redirect loop at ${next}`, hops };
      if (mode.kind === 'page' && context.isKnownPage?.(next)) {
        return { kind: 'skipped', reason: `duplicate (redirect) of ${next}`, hops };
      }
      if (hops.length > context.maxRedirects) {
        return { kind: 'failed', reason: `too many redirects (more than ${context.maxRedirects})`, hops };
      }
      current = next;
      continue;
    }
    return readOutcome(response, current, hops, cached, context, mode);
  }
}

async function checkHop(url: string, context: FetchContext, mode: FetchMode): Promise<string | undefined> {
  const outOfScope =
    mode.kind === 'page'
      ? context.scope.check(url)
      : context.scope.isAllowedHost(url)
        ? undefined
        : OUTSIDE_HOSTS;
  if (outOfScope) return outOfScope;
  const rules = await context.rulesFor(url);
  if (rules.unavailable) return `disallowed because ${rules.unavailable}`;
  return rules.isAllowed(url) ? undefined : DISALLOWED_BY_ROBOTS;
}

function conditionalHeaders(cached: CachedDocument | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  if (cached?.entry.etag) headers['If-None-Match'] = cached.entry.etag;
  if (cached?.entry.lastModified) headers['If-Modified-Since'] = cached.entry.lastModified;
  return headers;
}

async function readOutcome(
  response: Response,
  url: string,
  hops: string[],
  cached: CachedDocument | undefined,
  context: FetchContext,
  mode: FetchMode,
): Promise<FetchOutcome> {
  if (response.status === 304 && cached && (cached.entry.etag || cached.entry.lastModified)) {
    await discardBody(response);
    context.counters.notModified += 1;
    const { entry, body } = cached;
    return {
      kind: 'document',
      finalUrl: url,
      hops,
      contentType: entry.contentType,
      body,
      etag: response.headers.get('etag') ?? entry.etag,
      lastModified: response.headers.get('last-modified') ?? entry.lastModified,
      robotsHeader: null,
      cached,
    };
  }
  if (response.status < 200 || response.status >= 300) {
    await discardBody(response);
    return { kind: 'failed', reason: `HTTP ${response.status}`, hops };
  }

  const type = mediaType(response);
  const declared = mode.kind === 'sitemap' ? 'xml' : classifyContent(type, url, mode.acceptXml === true);
  if (declared === undefined) {
    await discardBody(response);
    return { kind: 'skipped', reason: `unsupported content type ${type || '(none)'}`, hops };
  }
  let body: Buffer | undefined;
  try {
    body = await readBodyCapped(response, context.maxBytes);
  } catch (error) {
    if (isAbortedBy(context.settings.signal, error)) throw error;
    return { kind: 'failed', reason: describeRequestError(error, context.settings.timeoutMs), hops };
  }
  if (!body) return { kind: 'skipped', reason: `too large (more than ${context.maxBytes} bytes)`, hops };
  if (declared === 'xml') return { kind: 'xml', finalUrl: url, hops, body };

  const contentType = declared === 'maybe-pdf' ? (isPdf(body) ? 'pdf' : undefined) : declared;
  if (!contentType) return { kind: 'skipped', reason: `unsupported content type ${type || '(none)'}`, hops };
  const etag = response.headers.get('etag') ?? undefined;
  const lastModified = response.headers.get('last-modified') ?? undefined;
  return {
    kind: 'document',
    finalUrl: url,
    hops,
    contentType,
    body,
    ...(etag ? { etag } : {}),
    ...(lastModified ? { lastModified } : {}),
    robotsHeader: response.headers.get('x-robots-tag'),
  };
}
