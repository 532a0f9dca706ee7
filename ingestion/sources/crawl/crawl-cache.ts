import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import type { CrawledContentType } from './types.js';

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

/** Bump when the entry layout changes; older entries are then ignored. */
const CACHE_VERSION = 1;

/** What a crawl remembers about one fetched URL, to send conditional requests next time. */
export interface CacheEntry {
  /** The normalised URL that answered 200 (the last redirect hop). */
  url: string;
  contentType: CrawledContentType;
  etag?: string;
  lastModified?: string;
  contentHash: string;
  canonical?: string;
  /** Outgoing links, already normalised (followed again when the server answers 304). */
  links: string[];
  noindex: boolean;
  nofollow: boolean;
  fetchedAt: string;
}

/** A cache entry together with its body. */
export interface CachedDocument {
  entry: CacheEntry;
  body: Buffer;
}

/**
 * The crawl cache: one file per URL in `dir`, named by the sha256 of the URL. A file is a
 * 4-byte big-endian header length, the JSON entry, then the gzipped body. Files are written
 * to a temporary name and renamed, so a crash never leaves a half-written entry; an
 * unreadable entry is treated as absent.
 */
export class CrawlCache {
  private ready?: Promise<unknown>;

  constructor(private readonly dir: string) {}

  /** The cached document of a URL, or `undefined` when absent or unreadable. */
  async get(url: string): Promise<CachedDocument | undefined> {
    let file: Buffer;
    try {
      file = await readFile(this.pathFor(url));
    } catch {
      return undefined;
    }
    try {
      const headerLength = file.readUInt32BE(0);
      const header = JSON.parse(file.subarray(4, 4 + headerLength).toString('utf8')) as {
        version?: number;
        entry?: CacheEntry;
      };
      if (header.version !== CACHE_VERSION || header.entry?.url !== url) return undefined;
      const body = await gunzipAsync(file.subarray(4 + headerLength));
      return { entry: header.entry, body };
    } catch {
      return undefined;
    }
  }

  /** Stores (or replaces) the document of `entry.url` atomically. */
  async put(entry: CacheEntry, body: Buffer): Promise<void> {
    this.ready ??= mkdir(this.dir, { recursive: true });
    await this.ready;
    const header = Buffer.from(JSON.stringify({ version: CACHE_VERSION, entry }), 'utf8');
    const length = Buffer.alloc(4);
    length.writeUInt32BE(header.length, 0);
    const target = this.pathFor(entry.url);
    const temporary = `${target}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await writeFile(temporary, Buffer.concat([length, header, await gzipAsync(body)]));
      await rename(temporary, target);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }

  private pathFor(url: string): string {
    return join(this.dir, `${createHash('sha256').update(url).digest('hex')}.entry`);
  }
}
