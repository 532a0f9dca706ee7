import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { loadConfig, type AppConfig } from '../../../../config/index.js';
import { SqliteFeedbackStore } from '../../../../bot/adapters/feedback-sqlite.js';
import {
  createMemoryConversationStore,
  type ConversationStore,
} from '../../../../bot/conversations/store.js';
import { AppError } from '../../../../bot/errors.js';
import {
  teamsRoutes,
  type OutboundCredentials,
  type RetryPolicy,
} from '../../../../bot/channels/teams/index.js';
import { startConnectorServer, type ConnectorServer } from './connector-server.js';
import {
  createRecordingLogger,
  createScriptedEngine,
  testProfile,
  type RecordingLogger,
  type ScriptedEngine,
} from './fakes.js';
import { startIdentityServer, type IdentityServer } from './identity-server.js';

export const APP_ID = '8f2a3c1e-1b2c-4d5e-9f00-123456789abc';
export const BOT = { id: `28:${APP_ID}`, name: 'Musterstadt-Bot' };
export const USER = { id: '29:user-aad-1', name: 'Agentin A', aadObjectId: 'aad-1' };

/**
 * Credentials that sign connector requests with a token fetched from the local identity
 * server, like `MicrosoftAppCredentials` does with a token from Entra.
 */
export function localCredentials(identity: IdentityServer): OutboundCredentials {
  return {
    async signRequest(webResource) {
      webResource.headers.set('authorization', `Bearer ${await identity.fetchOutboundToken()}`);
      return webResource;
    },
  };
}

export interface Harness {
  url: string;
  identity: IdentityServer;
  connector: ConnectorServer;
  engine: ScriptedEngine;
  feedback: SqliteFeedbackStore;
  conversations: ConversationStore;
  logger: RecordingLogger;
  config: AppConfig;
  /** A message activity from the user to the bot, addressed to the connector's serviceUrl. */
  activity(overrides?: Record<string, unknown>): Record<string, unknown>;
  /** A Bot Framework token for `activity` (serviceurl claim = its serviceUrl). */
  tokenFor(activity: Record<string, unknown>, claims?: Record<string, unknown>): string;
  post(activity: Record<string, unknown>, authorization?: string | null): Promise<Response>;
  close(): Promise<void>;
}

export async function startHarness(
  options: { retry?: RetryPolicy; endorsements?: string[] } = {},
): Promise<Harness> {
  const identity = await startIdentityServer({
    appId: APP_ID,
    ...(options.endorsements ? { endorsements: options.endorsements } : {}),
  });
  const connector = await startConnectorServer({
    expectedToken: identity.outboundToken,
    pathPrefix: 'emea/',
  });
  const directory = mkdtempSync(join(tmpdir(), 'teams-feedback-'));
  const feedback = new SqliteFeedbackStore({ path: join(directory, 'feedback.sqlite'), retentionDays: 90 });
  const conversations = createMemoryConversationStore({ ttlMs: 30 * 60_000, maxConversations: 100 });
  const engine = createScriptedEngine();
  const logger = createRecordingLogger();
  const config = loadConfig({
    NODE_ENV: 'test',
    MICROSOFT_APP_ID: APP_ID,
    MICROSOFT_APP_PASSWORD: 'test-secret',
    MICROSOFT_APP_TENANT_ID: '11111111-2222-3333-4444-555555555555',
    BOT_OPENID_METADATA_URL: identity.metadataUrl,
  });

  const app = new Hono();
  // The same mapping the composition root's central onError applies to AppError.
  app.onError((error, c) => {
    if (error instanceof AppError)
      return c.json({ error: { code: error.code, message: error.message } }, error.status as 400);
    return c.json({ error: { code: 'internal', message: 'Interner Fehler.' } }, 500);
  });
  teamsRoutes({
    engine,
    feedback,
    conversations,
    config,
    profile: testProfile,
    logger,
    credentials: localCredentials(identity),
    retry: options.retry ?? { retries: 3, baseDelayMs: 5, maxDelayMs: 20 },
  })(app);
  const server: ServerType = await new Promise((resolve) => {
    const started = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(started));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const activity = (overrides: Record<string, unknown> = {}) => ({
    type: 'message',
    id: `activity-${randomUUID()}`,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: connector.serviceUrl,
    from: USER,
    recipient: BOT,
    conversation: { id: 'a:1Xk9-personal-chat', conversationType: 'personal', tenantId: 'tenant-1' },
    locale: 'de-DE',
    text: 'Was kostet ein Personalausweis?',
    textFormat: 'plain',
    ...overrides,
  });

  return {
    url,
    identity,
    connector,
    engine,
    feedback,
    conversations,
    logger,
    config,
    activity,
    tokenFor: (body, claims = {}) => identity.channelToken({ serviceurl: body.serviceUrl, ...claims }),
    async post(body, authorization) {
      const header =
        authorization === undefined
          ? `Bearer ${identity.channelToken({ serviceurl: body.serviceUrl })}`
          : authorization;
      return fetch(`${url}/api/messages`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(header === null ? {} : { authorization: header }),
        },
        body: JSON.stringify(body),
      });
    },
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await connector.close();
      await identity.close();
      feedback.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
