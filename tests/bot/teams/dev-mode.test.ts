import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../config/index.js';
import { createMemoryConversationStore } from '../../../bot/conversations/store.js';
import { AppError } from '../../../bot/errors.js';
import { assertTeamsConfigSafe, teamsRoutes } from '../../../bot/channels/teams/index.js';
import { startConnectorServer, type ConnectorServer } from './support/connector-server.js';
import { createRecordingLogger, createScriptedEngine, testProfile } from './support/fakes.js';
import type { FeedbackRecord, FeedbackStore } from '../../../bot/feedback/types.js';

/** Local development with the Bot Framework Emulator: no App ID, explicitly allowed. */
const config = loadConfig({ NODE_ENV: 'development', BOT_ALLOW_UNAUTHENTICATED_DEV: 'true' });
const logger = createRecordingLogger();
const engine = createScriptedEngine();
const saved: FeedbackRecord[] = [];
const feedback: FeedbackStore = {
  save: (record) => void saved.push(record),
  purgeExpired: () => 0,
  count: () => saved.length,
  close: () => {},
};
let connector: ConnectorServer;
let server: ServerType;
let url: string;

beforeAll(async () => {
  connector = await startConnectorServer({});
  assertTeamsConfigSafe(config, logger);
  const app = new Hono();
  app.onError((error, c) =>
    error instanceof AppError
      ? c.json({ error: { code: error.code } }, error.status as 401)
      : c.json({}, 500),
  );
  teamsRoutes({
    engine,
    feedback,
    conversations: createMemoryConversationStore({ ttlMs: 60_000, maxConversations: 10 }),
    config,
    profile: testProfile,
    logger,
    retry: { retries: 0, baseDelayMs: 1, maxDelayMs: 1 },
  })(app);
  server = await new Promise((resolve) => {
    const started = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(started));
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await connector.close();
});

const activity = (serviceUrl: string) => ({
  type: 'message',
  id: 'emulator-1',
  channelId: 'emulator',
  serviceUrl,
  from: { id: 'user-1', name: 'User' },
  recipient: { id: 'bot-1', name: 'Bot' },
  conversation: { id: 'emulator-conversation' },
  text: 'Was kostet ein Personalausweis?',
});
const post = (body: unknown) =>
  fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('unauthenticated development mode (Emulator)', () => {
  it('warns loudly at start-up', () => {
    const warning = logger.entries.find((entry) => entry.msg === 'teams.auth.DISABLED');
    expect(warning?.level).toBe('warn');
    expect(String(warning?.fields.warning)).toMatch(/UNAUTHENTICATED/);
  });

  it('answers a local Emulator without a token, and sends no token back', async () => {
    const response = await post(activity(connector.serviceUrl));
    expect(response.status).toBe(202);
    const [typing, reply] = await connector.waitFor(2);
    expect(typing?.activity.type).toBe('typing');
    expect(reply?.activity.type).toBe('message');
    expect(reply?.authorization).toBeUndefined();
  });

  it('refuses to reply to a non-local serviceUrl', async () => {
    const asked = engine.requests.length;
    const response = await post(activity('https://smba.trafficmanager.net/emea/'));
    expect(response.status).toBe(401);
    expect(engine.requests.length).toBe(asked);
  });
});
