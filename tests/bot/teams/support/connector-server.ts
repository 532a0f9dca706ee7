import { EventEmitter } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One activity the bot posted, as the Teams connector received it. */
export interface PostedActivity {
  path: string;
  conversationId: string;
  replyToId?: string;
  authorization?: string;
  activity: Record<string, unknown> & { type: string };
}

/**
 * A local Teams connector (the `serviceUrl` side): accepts
 * `POST /v3/conversations/{id}/activities[/{activityId}]`, checks the bearer token, records
 * what arrives and can answer with scripted failures first (e.g. 429, then 200).
 */
export interface ConnectorServer {
  /** Use as the activity's serviceUrl (ends with "/", as Teams' do). */
  serviceUrl: string;
  received: PostedActivity[];
  /** Every request, including the failed ones (status it got). */
  attempts: Array<{ path: string; status: number }>;
  /** The next requests get these statuses, in order, before normal 200s resume. */
  failNext(...statuses: number[]): void;
  /** Resolves once `count` activities have been accepted in total. */
  waitFor(count: number): Promise<PostedActivity[]>;
  close(): Promise<void>;
}

const ACTIVITY_PATH = /^\/(?:[^/]+\/)*v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/;

/** `expectedToken` undefined: accept requests without a token (Emulator-style, dev mode). */
export async function startConnectorServer(options: {
  expectedToken?: string;
  pathPrefix?: string;
}): Promise<ConnectorServer> {
  const received: PostedActivity[] = [];
  const attempts: Array<{ path: string; status: number }> = [];
  const failures: number[] = [];
  const events = new EventEmitter();

  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = (request.url ?? '').split('?')[0] ?? '';
      const reply = (status: number, body: unknown) => {
        attempts.push({ path, status });
        response.writeHead(status, {
          'content-type': 'application/json',
          ...(status === 429 ? { 'retry-after': '0' } : {}),
        });
        response.end(JSON.stringify(body));
      };
      const match = request.method === 'POST' ? ACTIVITY_PATH.exec(path) : null;
      if (!match) return reply(404, { error: { code: 'NotFound', message: path } });
      if (
        options.expectedToken !== undefined &&
        request.headers.authorization !== `Bearer ${options.expectedToken}`
      ) {
        return reply(401, { error: { code: 'Unauthorized', message: 'bad token' } });
      }
      const scripted = failures.shift();
      if (scripted !== undefined)
        return reply(scripted, { error: { code: 'Scripted', message: String(scripted) } });
      const activity = JSON.parse(Buffer.concat(chunks).toString('utf8')) as PostedActivity['activity'];
      received.push({
        path,
        conversationId: decodeURIComponent(match[1] ?? ''),
        ...(match[2] ? { replyToId: decodeURIComponent(match[2]) } : {}),
        authorization: request.headers.authorization,
        activity,
      });
      reply(200, { id: `reply-${received.length}` });
      events.emit('received');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    serviceUrl: `http://127.0.0.1:${port}/${options.pathPrefix ?? ''}`,
    received,
    attempts,
    failNext: (...statuses) => failures.push(...statuses),
    waitFor(count) {
      return new Promise((resolve) => {
        const check = () => {
          if (received.length >= count) {
            events.off('received', check);
            resolve(received.slice(0, count));
          }
        };
        events.on('received', check);
        check();
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A serviceUrl where nothing listens (the connector is down). */
export async function unusedServiceUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/`;
}
