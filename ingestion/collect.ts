import type { AppConfig, CityProfile } from '../config/index.js';
import type { Logger } from '../config/logger.js';
import type { CleanDocument } from '../knowledge/index.js';
import { crawlCacheDir } from '../knowledge/index.js';
import { cleanBytes } from './clean/index.js';
import { crawlSite, userAgentFor } from './sources/crawl/index.js';
import { readCatalogue } from './sources/catalogue.js';
import { readFolder } from './sources/folder.js';
import { IngestError, type ResolvedSource } from './resolve-sources.js';

export interface Problem {
  source: string;
  item: string;
  reason: string;
}

export interface Collected {
  documents: CleanDocument[];
  skipped: Problem[];
  failed: Problem[];
}

export interface CollectContext {
  indexDir: string;
  config: AppConfig;
  profile: CityProfile;
  logger?: Logger;
  onProgress?: (message: string) => void;
  signal?: AbortSignal;
}

/** Reads one source into cleaned documents; a bad page is reported, never fatal. */
export async function collectSource(source: ResolvedSource, context: CollectContext): Promise<Collected> {
  switch (source.kind) {
    case 'folder': {
      const result = await readFolder(source.location, { logger: context.logger });
      return {
        documents: result.documents,
        skipped: result.skipped.map((entry) => ({
          source: source.id,
          item: entry.path,
          reason: entry.reason,
        })),
        failed: result.failed.map((entry) => ({ source: source.id, item: entry.path, reason: entry.reason })),
      };
    }
    case 'catalogue': {
      const result = await readCatalogue(source.location);
      return {
        documents: result.documents,
        skipped: [],
        failed: result.failed.map((entry) => ({ source: source.id, item: entry.path, reason: entry.reason })),
      };
    }
    case 'website':
    case 'sitemap':
      return crawlAndClean(source, context);
  }
}

async function crawlAndClean(source: ResolvedSource, context: CollectContext): Promise<Collected> {
  const { config, profile } = context;
  const start = new URL(source.location);
  const allowedHosts = profile.crawl?.allowedHosts.length
    ? [...new Set([start.host, ...profile.crawl.allowedHosts])]
    : [start.host];
  const result = await crawlSite({
    startUrls: [source.location],
    allowedHosts,
    pathPrefix: config.CRAWL_PATH_PREFIX ?? profile.crawl?.pathPrefix ?? '/',
    maxPages: config.CRAWL_MAX_PAGES,
    maxDepth: config.CRAWL_MAX_DEPTH,
    concurrencyPerHost: config.CRAWL_CONCURRENCY_PER_HOST,
    requestsPerSecond: config.CRAWL_REQUESTS_PER_SECOND,
    timeoutMs: config.CRAWL_TIMEOUT_MS,
    maxBytes: config.CRAWL_MAX_BYTES,
    maxRedirects: config.CRAWL_MAX_REDIRECTS,
    userAgent: userAgentFor(profile.crawl?.userAgentContact ?? profile.website, profile.website),
    cacheDir: crawlCacheDir(context.indexDir),
    logger: context.logger,
    signal: context.signal,
    onProgress: (event) =>
      context.onProgress?.(`${event.fetched} Seiten geladen, ${event.queued} in der Warteschlange`),
  });
  if (result.pages.length === 0 && result.failed.length > 0) {
    throw new IngestError(
      `Von ${source.location} konnte keine Seite geladen werden: ${result.failed[0]?.reason ?? 'unbekannter Fehler'}`,
    );
  }
  const collected: Collected = {
    documents: [],
    skipped: result.skipped.map((entry) => ({ source: source.id, item: entry.url, reason: entry.reason })),
    failed: result.failed.map((entry) => ({ source: source.id, item: entry.url, reason: entry.reason })),
  };
  for (const page of result.pages) {
    const input = { id: page.url, sourceId: source.id, url: page.url, lastModified: page.lastModified };
    try {
      // cleanBytes honours <meta charset> and Windows-1252 pages, not only UTF-8.
      const document = await cleanBytes(page.contentType, new Uint8Array(page.body), input);
      document.id = page.url;
      if (document.blocks.length === 0) {
        collected.skipped.push({ source: source.id, item: page.url, reason: 'kein Inhalt erkannt' });
      } else {
        collected.documents.push(document);
      }
    } catch (error) {
      collected.failed.push({ source: source.id, item: page.url, reason: (error as Error).message });
    }
  }
  return collected;
}
