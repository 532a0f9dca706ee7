import type { Logger } from '../../../config/logger.js';

/** Settings of one website crawl; the limits come from the `CRAWL_*` config keys. */
export interface CrawlOptions {
  /** Pages and/or sitemap URLs; a URL ending in `.xml` (or `.xml.gz`) or served as XML is read as a sitemap. */
  startUrls: string[];
  /** Hosts the crawl may visit (`www.example.de` or `host:port`); default: the hosts of `startUrls`. */
  allowedHosts?: string[];
  /** Only paths below this prefix are fetched; default `/`. */
  pathPrefix?: string;
  /** Most pages kept in the result. */
  maxPages: number;
  /** Most link hops from a start URL (sitemap entries count as start URLs). */
  maxDepth: number;
  /** Most simultaneous requests to one host. */
  concurrencyPerHost: number;
  /** Most request starts per second and host; a larger robots.txt `Crawl-delay` wins. */
  requestsPerSecond: number;
  /** Each request (headers and body) is aborted after this long. */
  timeoutMs: number;
  /** Larger responses are aborted and skipped as "too large". */
  maxBytes: number;
  /** Most redirects followed per URL. */
  maxRedirects: number;
  /** Sent with every request; build it with `userAgentFor(contact, website)`. */
  userAgent: string;
  /** Folder of the crawl cache used for conditional re-crawls (If-None-Match / If-Modified-Since). */
  cacheDir?: string;
  logger?: Logger;
  onProgress?: (event: CrawlProgress) => void;
  /** Aborting stops the crawl; `crawlSite` then rejects with the signal's reason. */
  signal?: AbortSignal;
}

/** Reported after each page request. */
export interface CrawlProgress {
  fetched: number;
  queued: number;
  url: string;
}

/** The kinds of documents the crawl keeps. */
export type CrawledContentType = 'html' | 'pdf';

/** One kept page. */
export interface CrawledPage {
  /** Normalised final URL after redirects; the canonical URL when it names the same host. */
  url: string;
  /** The normalised URL that was requested (before redirects and canonical). */
  requestedUrl: string;
  contentType: CrawledContentType;
  body: Buffer;
  lastModified?: string;
  etag?: string;
  /** True when the server answered 304 Not Modified and the cached body was reused. */
  fromCache: boolean;
  /** sha256 of the body, hex. */
  contentHash: string;
  /** Link hops from the nearest start URL or sitemap. */
  depth: number;
}

/** A URL the crawl did not keep or could not fetch, with a short English reason. */
export interface CrawlIssue {
  url: string;
  reason: string;
}

export interface CrawlResult {
  pages: CrawledPage[];
  /** Deliberately not kept: robots.txt, scope, duplicates, content type, size, noindex, limits. */
  skipped: CrawlIssue[];
  /** Could not be fetched: HTTP errors, timeouts, network errors, redirect problems. */
  failed: CrawlIssue[];
  stats: {
    /** HTTP requests sent, including robots.txt, sitemaps and redirect hops. */
    requests: number;
    /** Responses with status 304 whose cached body was reused. */
    notModified: number;
    durationMs: number;
  };
}

/**
 * Thrown by `crawlSite` only when nothing at all could be fetched (the website is not
 * reachable); the message is German and safe to show to maintainers. The partial result is
 * attached for diagnostics.
 */
export class CrawlError extends Error {
  readonly code = 'upstream_unavailable' as const;

  constructor(
    message: string,
    readonly result: CrawlResult,
  ) {
    super(message);
    this.name = 'CrawlError';
  }
}
