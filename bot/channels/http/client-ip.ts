import type { Context } from 'hono';

interface SocketBindings {
  incoming?: { socket?: { remoteAddress?: string } };
}

/**
 * The client's address for rate limiting (never logged). The socket's remote address; with
 * `trustProxy` the last X-Forwarded-For entry, i.e. the address our own reverse proxy saw
 * (earlier entries are set by the client and can be forged).
 */
export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for');
    const last = forwarded?.split(',').at(-1)?.trim();
    if (last) return last;
  }
  const bindings = c.env as SocketBindings | undefined;
  return bindings?.incoming?.socket?.remoteAddress ?? 'unknown';
}
