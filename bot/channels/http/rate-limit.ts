import type { MiddlewareHandler } from 'hono';
import { AppError } from '../../errors.js';
import { clientAddress } from './client-ip.js';
import { ERROR_MESSAGES } from './messages.js';

export interface RateLimiterOptions {
  /** Requests allowed per minute and client; also the burst size. */
  perMinute: number;
  now?: () => number;
  /** Buckets kept before full (idle) ones are dropped. */
  maxClients?: number;
}

export interface RateLimiter {
  /** Takes one token; returns 0 when allowed, otherwise the seconds until the next token. */
  take(client: string): number;
  size(): number;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/** Token bucket per client: `perMinute` tokens, refilled continuously. */
export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const now = options.now ?? Date.now;
  const capacity = options.perMinute;
  const perMs = options.perMinute / 60_000;
  const maxClients = options.maxClients ?? 50_000;
  const buckets = new Map<string, Bucket>();

  const refill = (bucket: Bucket, at: number) => {
    bucket.tokens = Math.min(capacity, bucket.tokens + (at - bucket.updatedAt) * perMs);
    bucket.updatedAt = at;
  };
  const prune = (at: number) => {
    for (const [client, bucket] of buckets) {
      refill(bucket, at);
      if (bucket.tokens >= capacity) buckets.delete(client);
    }
  };

  return {
    take(client) {
      const at = now();
      let bucket = buckets.get(client);
      if (!bucket) {
        if (buckets.size >= maxClients) prune(at);
        bucket = { tokens: capacity, updatedAt: at };
        buckets.set(client, bucket);
      }
      refill(bucket, at);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      return Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000));
    },
    size: () => buckets.size,
  };
}

/** Rejects with 429 rate_limited and `Retry-After` when the client has no token left. */
export function rateLimit(limiter: RateLimiter, trustProxy: boolean): MiddlewareHandler {
  return async (c, next) => {
    const retryAfter = limiter.take(clientAddress(c, trustProxy));
    if (retryAfter > 0) {
      c.header('Retry-After', String(retryAfter));
      throw new AppError('rate_limited', ERROR_MESSAGES.rate_limited, `retry after ${retryAfter}s`);
    }
    await next();
  };
}
