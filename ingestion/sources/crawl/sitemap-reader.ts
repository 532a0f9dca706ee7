import type { Logger } from '../../../config/logger.js';
import type { CrawlState } from './crawl-state.js';
import { fetchDocument, type FetchContext } from './fetch-document.js';
import { normaliseUrl } from './normalise-url.js';
import { looksLikeSitemapUrl, parseSitemap } from './sitemap.js';

/** Sitemap indexes may nest this deep (index → index → sitemap). */
export const MAX_SITEMAP_NESTING = 3;
/** Most sitemap files read per crawl. */
export const MAX_SITEMAPS = 200;

/**
 * Reads sitemaps and sitemap indexes (also gzipped) and queues their page URLs at depth 0.
 * Each sitemap is read once; nesting and the number of sitemaps are bounded so a broken or
 * hostile index cannot keep the crawl busy.
 */
export class SitemapReader {
  private readonly seenSitemaps = new Set<string>();

  constructor(
    private readonly context: FetchContext,
    private readonly state: CrawlState,
    private readonly maxBytes: number,
    private readonly logger: Logger,
  ) {}

  /** True when a start URL should be read as a sitemap without looking at its answer. */
  static isSitemapUrl(url: string): boolean {
    return looksLikeSitemapUrl(url);
  }

  /** Fetches and reads a sitemap (or index) at `url`. */
  async read(url: string, nesting = 0): Promise<void> {
    if (!this.claim(url)) return;
    const outcome = await fetchDocument(url, this.context, { kind: 'sitemap' });
    if (outcome.kind === 'skipped') this.state.skip(url, outcome.reason);
    else if (outcome.kind === 'failed') this.state.fail(url, outcome.reason);
    else await this.parse(url, outcome.body, nesting);
  }

  /** Reads a sitemap whose body was already fetched (a start URL that answered with XML). */
  async readBody(url: string, body: Buffer, nesting: number): Promise<void> {
    this.seenSitemaps.add(url);
    await this.parse(url, body, nesting);
  }

  private claim(url: string): boolean {
    if (this.seenSitemaps.has(url)) return false;
    if (this.seenSitemaps.size >= MAX_SITEMAPS) {
      this.state.skip(url, `sitemap limit reached (${MAX_SITEMAPS})`);
      return false;
    }
    this.seenSitemaps.add(url);
    return true;
  }

  private async parse(url: string, body: Buffer, nesting: number): Promise<void> {
    let sitemap: ReturnType<typeof parseSitemap>;
    try {
      sitemap = parseSitemap(body, this.maxBytes);
    } catch (error) {
      this.state.fail(url, (error as Error).message);
      return;
    }
    if (sitemap.kind === 'urlset') {
      for (const entry of sitemap.urls) {
        const page = normaliseUrl(entry.loc, url);
        if (page) this.state.enqueue(page, 0);
      }
      this.logger.debug('sitemap read', { url, urls: sitemap.urls.length });
      return;
    }
    for (const child of sitemap.sitemaps) {
      const childUrl = normaliseUrl(child, url);
      if (!childUrl) continue;
      if (nesting + 1 >= MAX_SITEMAP_NESTING) this.state.skip(childUrl, 'sitemap index nested too deep');
      else await this.read(childUrl, nesting + 1);
    }
  }
}
