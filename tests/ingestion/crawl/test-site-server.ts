import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, relative, sep } from 'node:path';

/** One request as the server saw it. */
export interface RecordedRequest {
  path: string;
  host: string;
  headers: IncomingHttpHeaders;
  /** `performance.now()` when the request arrived. */
  at: number;
}

/** An injected route; `site` gives access to the base URL for absolute links. */
export type Route = (request: IncomingMessage, response: ServerResponse, site: TestSite) => void;

export interface TestSite {
  baseUrl: string;
  requests: RecordedRequest[];
  /** Highest number of requests in flight at once, per Host header. */
  maxInFlight: Map<string, number>;
  /** Requests for a path (query included). */
  requestsFor(path: string): RecordedRequest[];
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.pdf': 'application/pdf',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * A real HTTP server on 127.0.0.1 for crawl tests: serves a folder (with ETag and
 * Last-Modified, answering 304 to matching conditional requests) plus injected routes, and
 * records every request and the concurrency per host.
 */
export async function startTestSite(options: {
  siteDir?: string;
  routes?: Record<string, Route>;
}): Promise<TestSite> {
  const requests: RecordedRequest[] = [];
  const inFlight = new Map<string, number>();
  const maxInFlight = new Map<string, number>();
  const routes = options.routes ?? {};
  const server = createServer((request, response) => handle(request, response));
  const site: TestSite = {
    baseUrl: '',
    requests,
    maxInFlight,
    requestsFor: (path) => requests.filter((request) => request.path === path),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };

  const handle = (request: IncomingMessage, response: ServerResponse) => {
    const host = request.headers.host ?? '';
    requests.push({ path: request.url ?? '', host, headers: request.headers, at: performance.now() });
    const now = (inFlight.get(host) ?? 0) + 1;
    inFlight.set(host, now);
    maxInFlight.set(host, Math.max(now, maxInFlight.get(host) ?? 0));
    response.on('close', () => inFlight.set(host, (inFlight.get(host) ?? 1) - 1));

    const path = new URL(request.url ?? '/', 'http://test').pathname;
    const route = routes[path];
    if (route) return route(request, response, site);
    if (!options.siteDir) return notFound(response);
    serveFile(options.siteDir, path, request, response).catch(() => notFound(response));
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  site.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return site;
}

async function serveFile(root: string, path: string, request: IncomingMessage, response: ServerResponse) {
  let file = normalize(join(root, decodeURIComponent(path)));
  if (relative(root, file).startsWith('..')) return notFound(response);
  if (path.endsWith('/')) file = join(file, 'index.html');
  const [body, info] = await Promise.all([readFile(file), stat(file)]);
  const etag = `"${createHash('sha1').update(body).digest('hex')}"`;
  const lastModified = info.mtime.toUTCString();
  response.setHeader('ETag', etag);
  response.setHeader('Last-Modified', lastModified);
  const sinceOk =
    request.headers['if-modified-since'] !== undefined &&
    Math.floor(info.mtimeMs / 1000) <= Date.parse(request.headers['if-modified-since']) / 1000;
  const notModified =
    request.headers['if-none-match'] !== undefined ? request.headers['if-none-match'] === etag : sinceOk;
  if (notModified) {
    response.writeHead(304).end();
    return;
  }
  response.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
}

function notFound(response: ServerResponse) {
  response.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' }).end('<h1>Nicht gefunden</h1>');
}

/** Every `.html` file below `root` as a URL path (`/a/b.html`), sorted. */
export async function htmlPaths(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => `/${relative(root, join(entry.parentPath, entry.name)).split(sep).join('/')}`)
    .sort();
}

/** A route answering with a fixed status, type and body. */
export function respond(
  status: number,
  type: string,
  body: string | Buffer,
  headers: Record<string, string> = {},
): Route {
  return (_request, response) => {
    response.writeHead(status, { 'Content-Type': type, ...headers }).end(body);
  };
}

/** A route redirecting to `location` exactly as given (relative or absolute). */
export function redirect(status: number, location: string): Route {
  return (_request, response) => {
    response.writeHead(status, { Location: location }).end();
  };
}

/** An HTML page with the given head and links. */
export function html(title: string, links: string[] = [], head = ''): string {
  const items = links.map((href) => `<li><a href="${href}">${href}</a></li>`).join('\n');
  return `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>${title}</title>${head}</head><body><h1>${title}</h1><ul>${items}</ul></body></html>`;
}
