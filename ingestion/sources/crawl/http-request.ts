/**
 * One HTTP request of the crawler (no automatic redirects), with a timeout that covers
 * headers and body, and a body reader that stops past a byte limit.
 */

export interface RequestSettings {
  userAgent: string;
  timeoutMs: number;
  signal?: AbortSignal;
}

/** Sends one GET with `redirect: 'manual'`; the timeout keeps running while the body is read. */
export function requestOnce(
  url: string,
  settings: RequestSettings,
  headers: Record<string, string> = {},
): Promise<Response> {
  const timeout = AbortSignal.timeout(settings.timeoutMs);
  const signal = settings.signal ? AbortSignal.any([settings.signal, timeout]) : timeout;
  return fetch(url, {
    method: 'GET',
    redirect: 'manual',
    signal,
    headers: {
      'User-Agent': settings.userAgent,
      Accept: 'text/html,application/xhtml+xml,application/pdf;q=0.9,application/xml;q=0.8,*/*;q=0.5',
      'Accept-Language': 'de,en;q=0.5',
      ...headers,
    },
  });
}

/** The body, or `undefined` when it exceeds `maxBytes` (the download is then cancelled). */
export async function readBodyCapped(response: Response, maxBytes: number): Promise<Buffer | undefined> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes && !response.headers.get('content-encoding')) {
    await discardBody(response);
    return undefined;
  }
  if (!response.body) return Buffer.alloc(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}

/** Frees the connection when the body is not wanted. */
export async function discardBody(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => undefined);
}

/** The media type without parameters, lower-case (`text/html; charset=utf-8` → `text/html`). */
export function mediaType(response: Response): string {
  return (response.headers.get('content-type') ?? '').split(';', 1)[0]!.trim().toLowerCase();
}

/** A short, log-safe reason for a failed request: "timeout after 300 ms", "ECONNREFUSED", … */
export function describeRequestError(error: unknown, timeoutMs: number): string {
  if (error instanceof Error) {
    if (error.name === 'TimeoutError') return `timeout after ${timeoutMs} ms`;
    const cause = (error as Error & { cause?: unknown }).cause;
    if (cause && typeof cause === 'object') {
      const { code, message } = cause as { code?: unknown; message?: unknown };
      if (typeof code === 'string') return code;
      if (typeof message === 'string') return message;
    }
    return error.message;
  }
  return String(error);
}

/** True when the error comes from the crawl's own abort signal (not from a timeout). */
export function isAbortedBy(signal: AbortSignal | undefined, error: unknown): boolean {
  return signal?.aborted === true && error instanceof Error && error.name !== 'TimeoutError';
}
