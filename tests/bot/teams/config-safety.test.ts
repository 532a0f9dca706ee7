import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../config/index.js';
import { createMemoryConversationStore } from '../../../bot/conversations/store.js';
import { assertTeamsConfigSafe, teamsRoutes } from '../../../bot/channels/teams/index.js';
import { createRecordingLogger, createScriptedEngine, testProfile } from './support/fakes.js';

const APP = {
  MICROSOFT_APP_ID: '8f2a3c1e-1b2c-4d5e-9f00-123456789abc',
  MICROSOFT_APP_PASSWORD: 'secret',
  MICROSOFT_APP_TENANT_ID: '11111111-2222-3333-4444-555555555555',
};

describe('assertTeamsConfigSafe', () => {
  it('refuses to start without an App ID unless local development is allowed', () => {
    expect(() => assertTeamsConfigSafe(loadConfig({}), createRecordingLogger())).toThrow(
      /MICROSOFT_APP_ID is empty/,
    );
  });

  it('starts without an App ID when BOT_ALLOW_UNAUTHENTICATED_DEV is set, with a loud warning', () => {
    const logger = createRecordingLogger();
    assertTeamsConfigSafe(loadConfig({ BOT_ALLOW_UNAUTHENTICATED_DEV: 'true' }), logger);
    expect(logger.entries).toEqual([expect.objectContaining({ level: 'warn', msg: 'teams.auth.DISABLED' })]);
  });

  it('accepts a complete single-tenant registration silently', () => {
    const logger = createRecordingLogger();
    assertTeamsConfigSafe(loadConfig(APP), logger);
    expect(logger.entries).toEqual([]);
  });

  it('asks for the tenant of a single-tenant bot', () => {
    const withoutTenant: Record<string, string> = { ...APP };
    delete withoutTenant.MICROSOFT_APP_TENANT_ID;
    expect(() => assertTeamsConfigSafe(loadConfig(withoutTenant), createRecordingLogger())).toThrow(
      /MICROSOFT_APP_TENANT_ID/,
    );
    expect(() =>
      assertTeamsConfigSafe(
        loadConfig({ ...withoutTenant, MICROSOFT_APP_TYPE: 'MultiTenant' }),
        createRecordingLogger(),
      ),
    ).not.toThrow();
  });

  it('rejects managed identities, which this channel cannot use yet', () => {
    expect(() =>
      assertTeamsConfigSafe(
        loadConfig({ ...APP, MICROSOFT_APP_TYPE: 'UserAssignedMSI' }),
        createRecordingLogger(),
      ),
    ).toThrow(/UserAssignedMSI/);
  });
});

describe('teamsRoutes', () => {
  it('never builds an open endpoint, even if the start-up check was skipped', () => {
    const deps = {
      engine: createScriptedEngine(),
      feedback: { save: () => {}, purgeExpired: () => 0, count: () => 0, close: () => {} },
      conversations: createMemoryConversationStore({ ttlMs: 1000, maxConversations: 10 }),
      config: loadConfig({}),
      profile: testProfile,
      logger: createRecordingLogger(),
    };
    expect(() => teamsRoutes(deps)).toThrow(/BOT_ALLOW_UNAUTHENTICATED_DEV/);
  });
});
