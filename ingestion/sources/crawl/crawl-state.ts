import type { CrawlScope } from './crawl-scope.js';
import type { CrawledPage, CrawlIssue, CrawlResult } from './types.js';

/** A URL waiting to be fetched. */
export interface QueueItem {
  url: string;
  depth: number;
  /** Given as a start URL (so an XML answer is read as a sitemap). */
  fromStart: boolean;
}

export const DEPTH_LIMIT = 'depth limit reached';
export const PAGE_LIMIT = 'page limit reached';

/**
 * The bookkeeping of one crawl: the queue, every URL already queued or fetched, the kept
 * pages with their URLs and content hashes (for de-duplication), and what was skipped or
 * failed. Each URL is reported at most once.
 */
export class CrawlState {
  readonly pages: CrawledPage[] = [];
  readonly queue: QueueItem[] = [];
  private readonly failed: CrawlIssue[] = [];
  private readonly skipped = new Map<string, string>();
  private readonly tooDeep = new Set<string>();
  private readonly seen = new Set<string>();
  private readonly pageByUrl = new Map<string, CrawledPage>();
  private readonly pageByHash = new Map<string, CrawledPage>();
  private readonly viaCanonical = new Set<CrawledPage>();

  constructor(
    private readonly scope: CrawlScope,
    private readonly maxDepth: number,
  ) {}

  /** Queues a URL unless it was seen already, is out of scope (reported) or too deep. */
  enqueue(url: string, depth: number, fromStart = false): void {
    if (this.seen.has(url)) return;
    const outOfScope = this.scope.check(url);
    if (outOfScope) {
      this.skip(url, outOfScope);
      return;
    }
    if (depth > this.maxDepth) {
      // Reported at the end, unless a shorter path reaches the URL meanwhile.
      this.tooDeep.add(url);
      return;
    }
    this.seen.add(url);
    this.queue.push({ url, depth, fromStart });
  }

  /** Remembers a URL as handled (a redirect hop or a canonical URL) so it is not fetched again. */
  markSeen(url: string): void {
    this.seen.add(url);
  }

  /** True when the URL was queued, fetched or stands for a kept page already. */
  isSeen(url: string): boolean {
    return this.seen.has(url);
  }

  skip(url: string, reason: string): void {
    if (!this.skipped.has(url)) this.skipped.set(url, reason);
  }

  fail(url: string, reason: string): void {
    this.failed.push({ url, reason });
  }

  get failedCount(): number {
    return this.failed.length;
  }

  /**
   * Keeps the page unless another kept page has its URL or identical content; the dropped
   * URL is reported as a duplicate. When a page reached through its canonical link and the
   * canonical page itself collide, the canonical page itself wins, whatever came first.
   */
  keep(page: CrawledPage, finalUrl: string): void {
    const viaCanonical = page.url !== finalUrl;
    const sameUrl = this.pageByUrl.get(page.url);
    if (sameUrl && this.viaCanonical.has(sameUrl) && !viaCanonical) {
      this.drop(sameUrl);
      this.skip(sameUrl.requestedUrl, `duplicate (canonical) of ${page.url}`);
    } else if (sameUrl) {
      const via = viaCanonical ? ' (canonical)' : page.url !== page.requestedUrl ? ' (redirect)' : '';
      this.skip(page.requestedUrl, `duplicate${via} of ${sameUrl.url}`);
      return;
    }
    const sameContent = this.pageByHash.get(page.contentHash);
    if (sameContent) {
      this.skip(page.requestedUrl, `duplicate content of ${sameContent.url}`);
      return;
    }
    this.pageByUrl.set(page.url, page);
    this.pageByHash.set(page.contentHash, page);
    if (viaCanonical) this.viaCanonical.add(page);
    this.pages.push(page);
  }

  private drop(page: CrawledPage): void {
    this.pages.splice(this.pages.indexOf(page), 1);
    this.pageByUrl.delete(page.url);
    if (this.pageByHash.get(page.contentHash) === page) this.pageByHash.delete(page.contentHash);
  }

  /** The result; URLs still queued are reported as skipped by the page limit. */
  result(stats: CrawlResult['stats']): CrawlResult {
    for (const item of this.queue) this.skip(item.url, PAGE_LIMIT);
    for (const url of this.tooDeep) if (!this.seen.has(url)) this.skip(url, DEPTH_LIMIT);
    return {
      pages: [...this.pages],
      skipped: [...this.skipped].map(([url, reason]) => ({ url, reason })),
      failed: [...this.failed],
      stats,
    };
  }
}
