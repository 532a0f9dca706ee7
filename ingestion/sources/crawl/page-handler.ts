import { createHash } from 'node:crypto';
import type { Logger } from '../../../config/logger.js';
import type { CacheEntry, CrawlCache } from './crawl-cache.js';
import type { CrawlScope } from './crawl-scope.js';
import type { CrawlState, QueueItem } from './crawl-state.js';
import type { FetchOutcome } from './fetch-document.js';
import { analyseHtml, robotsHeaderDirectives, type HtmlAnalysis } from './html-analysis.js';
import type { CrawledPage } from './types.js';

type DocumentOutcome = Extract<FetchOutcome, { kind: 'document' }>;

export interface PageHandlerDeps {
  state: CrawlState;
  scope: CrawlScope;
  cache?: CrawlCache;
  /** The crawler's robots token, for `<meta name="buergerbotcrawler">`. */
  robotsToken: string;
  logger: Logger;
}

export const NOINDEX = 'noindex';

/**
 * Turns a fetched HTML/PDF document into a kept page (or a reported duplicate): reads
 * links, canonical and robots directives (from the cache after a 304), stores fresh
 * documents in the crawl cache, queues the links one level deeper unless `nofollow`, drops
 * `noindex` pages, and de-duplicates by final/canonical URL and by content hash.
 */
export async function handleDocument(
  item: QueueItem,
  outcome: DocumentOutcome,
  deps: PageHandlerDeps,
): Promise<void> {
  const { state, scope, cache, logger } = deps;
  for (const hop of outcome.hops) state.markSeen(hop);
  const finalUrl = outcome.finalUrl;
  const contentHash = sha256(outcome.body);
  const analysis = outcome.cached ? fromCache(outcome.cached.entry) : analyse(outcome, deps.robotsToken);

  if (cache && !outcome.cached) {
    const entry: CacheEntry = {
      url: finalUrl,
      contentType: outcome.contentType,
      ...(outcome.etag ? { etag: outcome.etag } : {}),
      ...(outcome.lastModified ? { lastModified: outcome.lastModified } : {}),
      contentHash,
      ...(analysis.canonical ? { canonical: analysis.canonical } : {}),
      links: analysis.links,
      noindex: analysis.noindex,
      nofollow: analysis.nofollow,
      fetchedAt: new Date().toISOString(),
    };
    // A cache that cannot be written only costs a full download next time.
    await cache.put(entry, outcome.body).catch((error: unknown) => {
      logger.warn('crawl cache write failed', { url: finalUrl, error: (error as Error).message });
    });
  }

  if (!analysis.nofollow) for (const link of analysis.links) state.enqueue(link, item.depth + 1);
  if (analysis.noindex) {
    state.skip(item.url, NOINDEX);
    return;
  }

  const canonical = usableCanonical(analysis.canonical, finalUrl, scope);
  if (canonical) state.markSeen(canonical);
  const page: CrawledPage = {
    url: canonical ?? finalUrl,
    requestedUrl: item.url,
    contentType: outcome.contentType,
    body: outcome.body,
    ...(outcome.lastModified ? { lastModified: outcome.lastModified } : {}),
    ...(outcome.etag ? { etag: outcome.etag } : {}),
    fromCache: outcome.cached !== undefined,
    contentHash,
    depth: item.depth,
  };
  state.keep(page, finalUrl);
}

function analyse(outcome: DocumentOutcome, robotsToken: string): HtmlAnalysis {
  const header = robotsHeaderDirectives(outcome.robotsHeader, robotsToken);
  if (outcome.contentType !== 'html') return { links: [], ...header };
  const html = analyseHtml(outcome.body, outcome.finalUrl, robotsToken);
  return {
    ...html,
    noindex: html.noindex || header.noindex,
    nofollow: html.nofollow || header.nofollow,
  };
}

function fromCache(entry: CacheEntry): HtmlAnalysis {
  return {
    links: entry.links,
    ...(entry.canonical ? { canonical: entry.canonical } : {}),
    noindex: entry.noindex,
    nofollow: entry.nofollow,
  };
}

/** A canonical URL replaces the page URL only on the same host and inside the crawl scope. */
function usableCanonical(
  canonical: string | undefined,
  finalUrl: string,
  scope: CrawlScope,
): string | undefined {
  if (!canonical || canonical === finalUrl) return undefined;
  if (new URL(canonical).host !== new URL(finalUrl).host) return undefined;
  return scope.check(canonical) === undefined ? canonical : undefined;
}

function sha256(body: Buffer): string {
  return createHash('sha256').update(body).digest('hex');
}
