import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { loadCityProfile, loadConfig } from '../../../config/index.js';
import { silentLogger } from '../../../config/logger.js';
import { createHttpApp } from '../../../bot/channels/http/index.js';
import { createMemoryConversationStore } from '../../../bot/conversations/store.js';
import type { FeedbackRecord, FeedbackStore } from '../../../bot/feedback/types.js';
import { widgetRoutes } from '../../../web-widget/index.js';
import { ScriptedEngine } from './scripted-engine.js';

export interface WidgetTestServer {
  url: string;
  engine: ScriptedEngine;
  /** Every rating the feedback port received. */
  feedback: FeedbackRecord[];
  /** Number of POST /api/chat requests that reached the server. */
  chatPosts(): number;
  /** Moves the server's clock (rate limiting) forward. */
  advanceClock(ms: number): void;
  close(): Promise<void>;
}

/** CSP for the extra test pages: like the demo page, but they may bring inline styles. */
const TEST_PAGE_CSP = "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'unsafe-inline'";

/**
 * A real listening server on 127.0.0.1: the real HTTP channel (`createHttpApp`) with the
 * widget routes as an extension, over a scripted answer engine. `pages` adds HTML pages.
 */
export async function startWidgetTestServer(
  options: { pages?: Record<string, string>; rateLimitPerMinute?: number } = {},
): Promise<WidgetTestServer> {
  const profile = loadCityProfile('cities/gelsenkirchen/profile.yaml');
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    RATE_LIMIT_PER_MINUTE: String(options.rateLimitPerMinute ?? 1000),
  });
  const engine = new ScriptedEngine();
  const feedback: FeedbackRecord[] = [];
  const feedbackStore: FeedbackStore = {
    save: (record) => void feedback.push(record),
    purgeExpired: () => 0,
    count: () => feedback.length,
    close: () => undefined,
  };
  let clockOffset = 0;
  const now = () => Date.now() + clockOffset;
  const api = createHttpApp({
    engine,
    config,
    profile,
    feedback: feedbackStore,
    conversations: createMemoryConversationStore({ ttlMs: 30 * 60_000, maxConversations: 100, now }),
    logger: silentLogger,
    isReady: () => true,
    now,
    extensions: [
      widgetRoutes({ profile, config }),
      (app) => {
        for (const [path, html] of Object.entries(options.pages ?? {})) {
          app.get(path, (c) => c.html(html, 200, { 'Content-Security-Policy': TEST_PAGE_CSP }));
        }
      },
    ],
  });

  // Outside the app, only to count what reaches the server (double-submit test).
  let posts = 0;
  const counting = new Hono();
  counting.use('/api/chat', async (c, next) => {
    if (c.req.method === 'POST') posts++;
    await next();
  });
  counting.all('*', (c) => api.fetch(c.req.raw, c.env));

  const server = await new Promise<Server>((resolve) => {
    const listening = serve({ fetch: counting.fetch, hostname: '127.0.0.1', port: 0 }, () =>
      resolve(listening as Server),
    );
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    engine,
    feedback,
    chatPosts: () => posts,
    advanceClock: (ms) => void (clockOffset += ms),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
