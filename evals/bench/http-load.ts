import { performance } from 'node:perf_hooks';

export interface LoadOptions {
  /** Must be a loopback URL: the bench never loads anything but its own server. */
  url: string;
  method?: 'GET' | 'POST';
  /** Request body per request number (JSON-encoded). */
  body?: (index: number) => unknown;
  concurrency: number;
  /** Stops after this many requests … */
  maxRequests: number;
  /** … or after this long, whichever comes first. */
  maxDurationMs: number;
}

export interface LoadResult {
  completed: number;
  errors: number;
  /** First error statuses/messages seen, for the report. */
  errorSamples: string[];
  durationMs: number;
  requestsPerSecond: number;
  latenciesMs: number[];
}

const LOOPBACK = new Set(['127.0.0.1', '[::1]', 'localhost']);

/**
 * Closed-loop load: `concurrency` workers each send the next request as soon as their
 * previous one finished. A response counts as an error unless it is 2xx and its body was
 * read completely.
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const target = new URL(options.url);
  if (!LOOPBACK.has(target.hostname))
    throw new Error(`load tests only run against 127.0.0.1, not ${target.hostname}`);
  const latencies: number[] = [];
  const errorSamples: string[] = [];
  let errors = 0;
  let issued = 0;
  const started = performance.now();
  const deadline = started + options.maxDurationMs;

  const worker = async () => {
    while (issued < options.maxRequests && performance.now() < deadline) {
      const index = issued++;
      const before = performance.now();
      try {
        const response = await fetch(target, {
          method: options.method ?? 'GET',
          ...(options.body
            ? { body: JSON.stringify(options.body(index)), headers: { 'content-type': 'application/json' } }
            : {}),
          signal: AbortSignal.timeout(Math.round(Math.max(1000, deadline - before + 5000))),
        });
        await response.arrayBuffer();
        if (!response.ok) {
          errors += 1;
          if (errorSamples.length < 5) errorSamples.push(`HTTP ${response.status}`);
          continue;
        }
        latencies.push(performance.now() - before);
      } catch (error) {
        errors += 1;
        if (errorSamples.length < 5) errorSamples.push((error as Error).message);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, worker));
  const durationMs = performance.now() - started;
  return {
    completed: latencies.length,
    errors,
    errorSamples,
    durationMs,
    requestsPerSecond: latencies.length / (durationMs / 1000),
    latenciesMs: latencies,
  };
}
