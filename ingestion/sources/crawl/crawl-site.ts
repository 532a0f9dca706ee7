import { silentLogger, type Logger } from '../../../config/logger.js';
import { CrawlCache } from './crawl-cache.js';
import { createCrawlScope } from './crawl-scope.js';
import { CrawlState, type QueueItem } from './crawl-state.js';
import { fetchDocument, type FetchContext } from './fetch-document.js';
import { createRobotsFetcher } from './fetch-robots.js';
import { HostScheduler } from './host-scheduler.js';
import { normaliseUrl } from './normalise-url.js';
import { handleDocument } from './page-handler.js';
import { RobotsRules, type HostRules } from './robots-rules.js';
import { SitemapReader } from './sitemap-reader.js';
import { CrawlError, type CrawlOptions, type CrawlResult } from './types.js';
import { CRAWLER_PRODUCT } from './user-agent.js';

/**
 * Crawls a website from start pages and/or sitemaps, politely (robots.txt, per-host
 * concurrency and rate, a contactable User-Agent) and within host, path prefix and limits.
 * One bad page never stops the crawl; it is reported in `failed` or `skipped`. Throws a
 * `CrawlError` only when no request got any answer at all (the website is unreachable),
 * and rejects with the abort reason when `options.signal` aborts.
 */
export async function crawlSite(options: CrawlOptions): Promise<CrawlResult> {
  validateOptions(options);
  const startedAt = Date.now();
  const logger = (options.logger ?? silentLogger).child({ component: 'crawl' });
  const starts = options.startUrls.map((url) => ({ given: url, url: normaliseUrl(url) }));
  const allowedHosts = options.allowedHosts ?? starts.flatMap(({ url }) => (url ? [new URL(url).host] : []));
  const scope = createCrawlScope(allowedHosts, options.pathPrefix);
  const state = new CrawlState(scope, options.maxDepth);
  const counters = { requests: 0, responses: 0, notModified: 0 };
  const settings = { userAgent: options.userAgent, timeoutMs: options.timeoutMs, signal: options.signal };
  const scheduler = new HostScheduler(
    options.concurrencyPerHost,
    1000 / options.requestsPerSecond,
    options.signal,
  );
  const baseContext = {
    scheduler,
    settings,
    counters,
    maxBytes: options.maxBytes,
    maxRedirects: options.maxRedirects,
  };
  const robots = new RobotsRules(options.userAgent, createRobotsFetcher(baseContext));
  const rulesFor = trackRules(robots, scheduler, state, logger);
  const context: FetchContext = {
    ...baseContext,
    scope,
    rulesFor,
    isKnownPage: (url) => state.isSeen(url),
    ...(options.cacheDir ? { cache: new CrawlCache(options.cacheDir) } : {}),
  };
  const sitemaps = new SitemapReader(context, state, options.maxBytes, logger);

  for (const { given, url } of starts) {
    if (!url) state.skip(given, 'not an http(s) URL');
    else if (SitemapReader.isSitemapUrl(url)) await sitemaps.read(url);
    else state.enqueue(url, 0, true);
  }
  const origins = new Set(
    starts.flatMap(({ url }) => (url && scope.isAllowedHost(url) ? [new URL(url).origin] : [])),
  );
  for (const origin of origins) {
    for (const sitemap of (await rulesFor(`${origin}/`)).sitemaps) {
      const url = normaliseUrl(sitemap, `${origin}/`);
      if (url) await sitemaps.read(url);
    }
  }

  let fetched = 0;
  const processItem = async (item: QueueItem) => {
    const outcome = await fetchDocument(item.url, context, { kind: 'page', acceptXml: item.fromStart });
    fetched += 1;
    options.onProgress?.({ fetched, queued: state.queue.length, url: item.url });
    if (outcome.kind === 'skipped') state.skip(item.url, outcome.reason);
    else if (outcome.kind === 'failed') state.fail(item.url, outcome.reason);
    else if (outcome.kind === 'xml') await sitemaps.readBody(outcome.finalUrl, outcome.body, 0);
    else
      await handleDocument(item, outcome, {
        state,
        scope,
        robotsToken: CRAWLER_PRODUCT,
        logger,
        ...optionalCache(context),
      });
  };

  const active = new Set<Promise<void>>();
  // More tasks than one host may run, so other hosts progress; the scheduler enforces the per-host limit.
  const parallel = Math.min(64, options.concurrencyPerHost * (new Set(allowedHosts).size + 1));
  while (!options.signal?.aborted) {
    while (
      state.queue.length > 0 &&
      active.size < parallel &&
      state.pages.length + active.size < options.maxPages
    ) {
      const item = state.queue.shift()!;
      const task: Promise<void> = processItem(item)
        .catch((error: unknown) => {
          if (options.signal?.aborted) return;
          // A single bad page never aborts the crawl.
          logger.warn('page failed', { url: item.url, error: (error as Error).message });
          state.fail(item.url, `internal error: ${(error as Error).message}`);
        })
        .finally(() => active.delete(task));
      active.add(task);
    }
    if (active.size === 0) break;
    await Promise.race(active);
  }
  // On abort, let running requests unwind (they are aborted too) before rejecting.
  await Promise.allSettled(active);
  options.signal?.throwIfAborted();

  const { requests, notModified } = counters;
  const result = state.result({ requests, notModified, durationMs: Date.now() - startedAt });
  logger.info('crawl finished', {
    pages: result.pages.length,
    skipped: result.skipped.length,
    failed: result.failed.length,
    requests,
    notModified,
  });
  if (counters.responses === 0 && result.pages.length === 0) {
    const site = starts.find(({ url }) => url)?.url ?? options.startUrls[0] ?? '';
    const reason = result.failed[0]?.reason ?? result.skipped[0]?.reason ?? 'keine Antwort';
    throw new CrawlError(`Die Website ${site} ist nicht erreichbar: ${reason}`, result);
  }
  return result;
}

/** Applies robots.txt side effects once per origin: Crawl-delay and reporting an unreadable file. */
function trackRules(robots: RobotsRules, scheduler: HostScheduler, state: CrawlState, logger: Logger) {
  const applied = new Set<string>();
  return async (url: string): Promise<HostRules> => {
    const rules = await robots.forUrl(url);
    const { origin, host } = new URL(url);
    if (!applied.has(origin)) {
      applied.add(origin);
      if (rules.crawlDelayMs !== undefined) scheduler.setMinInterval(host, rules.crawlDelayMs);
      if (rules.unavailable) {
        logger.warn('host disallowed', { origin, reason: rules.unavailable });
        state.fail(`${origin}/robots.txt`, rules.unavailable);
      }
    }
    return rules;
  };
}

function optionalCache(context: FetchContext): { cache?: CrawlCache } {
  return context.cache ? { cache: context.cache } : {};
}

function validateOptions(options: CrawlOptions): void {
  if (!options.startUrls.some((url) => normaliseUrl(url) !== undefined)) {
    throw new RangeError('crawlSite needs at least one http(s) start URL');
  }
  const positive = ['maxPages', 'concurrencyPerHost', 'requestsPerSecond', 'timeoutMs', 'maxBytes'] as const;
  for (const key of positive) {
    if (!(options[key] > 0)) throw new RangeError(`crawlSite: ${key} must be positive, got ${options[key]}`);
  }
  for (const key of ['maxDepth', 'maxRedirects'] as const) {
    if (!(options[key] >= 0))
      throw new RangeError(`crawlSite: ${key} must not be negative, got ${options[key]}`);
  }
  if (options.userAgent.trim() === '')
    throw new RangeError('crawlSite: userAgent must name the crawler and a contact');
}
