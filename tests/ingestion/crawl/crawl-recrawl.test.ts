import { cp, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { crawlSite, type CrawlOptions } from '../../../ingestion/sources/crawl/index.js';
import { startTestSite, type TestSite } from './test-site-server.js';

const SAMPLE_SITE = join(import.meta.dirname, '../../../cities/gelsenkirchen/sample/site');

describe('crawlSite re-crawls with a cache', () => {
  let workDir: string;
  let siteDir: string;
  let cacheDir: string;
  let site: TestSite;
  let options: CrawlOptions;

  beforeEach(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'crawl-recrawl-'));
    siteDir = join(workDir, 'site');
    cacheDir = join(workDir, 'cache');
    await cp(SAMPLE_SITE, siteDir, { recursive: true });
    site = await startTestSite({ siteDir });
    options = {
      startUrls: [`${site.baseUrl}/index.html`],
      maxPages: 100,
      maxDepth: 5,
      concurrencyPerHost: 2,
      requestsPerSecond: 1000,
      timeoutMs: 2000,
      maxBytes: 1024 * 1024,
      maxRedirects: 3,
      userAgent: 'BuergerbotCrawler/0.1 (test)',
      cacheDir,
    };
  });
  afterEach(async () => {
    await site.close();
    await rm(workDir, { recursive: true, force: true });
  });

  it('sends If-None-Match and If-Modified-Since and reuses cached bodies on 304', async () => {
    const first = await crawlSite(options);
    expect(first.pages.length).toBeGreaterThan(10);
    expect(first.pages.every((page) => !page.fromCache && page.etag && page.lastModified)).toBe(true);
    const firstRequestCount = site.requests.length;

    const second = await crawlSite(options);

    const secondRequests = site.requests.slice(firstRequestCount);
    for (const page of first.pages) {
      const request = secondRequests.find((candidate) => `${site.baseUrl}${candidate.path}` === page.url);
      expect(request?.headers['if-none-match'], page.url).toBe(page.etag);
      expect(request?.headers['if-modified-since'], page.url).toBe(page.lastModified);
    }
    expect(second.stats.notModified).toBe(first.pages.length);
    expect(second.pages.every((page) => page.fromCache)).toBe(true);
    const summary = (pages: typeof first.pages) =>
      pages.map((page) => `${page.url} ${page.contentHash} ${page.body.length}`).sort();
    // Links come from the cache too, so the 304 crawl reaches every page again.
    expect(summary(second.pages)).toEqual(summary(first.pages));
  });

  it('downloads a page again when it changed and keeps the others from the cache', async () => {
    await crawlSite(options);
    await writeFile(
      join(siteDir, 'steuern/hundesteuer.html'),
      '<!doctype html><title>Hundesteuer</title><h1>Hundesteuer</h1><p>Neu: 150,00 Euro im Jahr.</p>',
    );

    const second = await crawlSite(options);

    const changed = second.pages.find((page) => page.url.endsWith('/steuern/hundesteuer.html'));
    expect(changed?.fromCache).toBe(false);
    expect(changed?.body.toString('utf8')).toContain('150,00 Euro');
    const others = second.pages.filter((page) => page !== changed);
    expect(others.length).toBeGreaterThan(10);
    expect(others.every((page) => page.fromCache)).toBe(true);
  });

  it('writes one cache entry per fetched URL and leaves no temporary files', async () => {
    const result = await crawlSite(options);
    const files = await readdir(cacheDir);
    expect(files.filter((file) => file.endsWith('.tmp'))).toEqual([]);
    expect(files.filter((file) => file.endsWith('.entry'))).toHaveLength(result.pages.length);
  });
});
