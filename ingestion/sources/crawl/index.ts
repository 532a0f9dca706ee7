/**
 * Website crawl: from start pages and/or sitemaps to kept HTML and PDF pages, politely and
 * within the configured host, path prefix and limits. See `crawlSite`.
 */
export { crawlSite } from './crawl-site.js';
export { normaliseUrl, isTrackingParam } from './normalise-url.js';
export { userAgentFor, CRAWLER_PRODUCT } from './user-agent.js';
export {
  CrawlError,
  type CrawlOptions,
  type CrawlProgress,
  type CrawledPage,
  type CrawledContentType,
  type CrawlIssue,
  type CrawlResult,
} from './types.js';
