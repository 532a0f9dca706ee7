import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './support/harness.js';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

/** `reason`: what the log must say, so each case fails for its own reason and not by accident. */
type Case = {
  name: string;
  reason?: RegExp;
  build: () => { body: Record<string, unknown>; authorization: string | null };
};

const cases: Case[] = [
  { name: 'no Authorization header', build: () => ({ body: h.activity(), authorization: null }) },
  { name: 'an empty Authorization header', build: () => ({ body: h.activity(), authorization: '' }) },
  {
    name: 'a token that is not a JWT',
    reason: /not authenticated/,
    build: () => ({ body: h.activity(), authorization: 'Bearer not.a.jwt' }),
  },
  {
    name: 'a scheme other than Bearer',
    reason: /not authenticated/,
    build: () => {
      const body = h.activity();
      return { body, authorization: `Basic ${h.tokenFor(body)}` };
    },
  },
  {
    name: 'an expired token (beyond the 5 minute clock skew)',
    reason: /expired/,
    build: () => {
      const body = h.activity();
      const token = h.identity.channelToken({ serviceurl: body.serviceUrl }, { expiresInSeconds: -3600 });
      return { body, authorization: `Bearer ${token}` };
    },
  },
  {
    name: 'a token signed with another key under the published key id',
    reason: /invalid signature/,
    build: () => {
      const body = h.activity();
      const token = h.identity.channelToken({ serviceurl: body.serviceUrl }, { key: h.identity.foreignKey });
      return { body, authorization: `Bearer ${token}` };
    },
  },
  {
    name: 'a token signed with an unpublished key id',
    reason: /Signing Key could not be retrieved/,
    build: () => {
      const body = h.activity();
      const token = h.identity.channelToken(
        { serviceurl: body.serviceUrl },
        { key: h.identity.foreignKey, kid: 'other-kid' },
      );
      return { body, authorization: `Bearer ${token}` };
    },
  },
  {
    name: 'a wrong issuer',
    reason: /not authenticated/,
    build: () => {
      const body = h.activity();
      return { body, authorization: `Bearer ${h.tokenFor(body, { iss: 'https://attacker.example' })}` };
    },
  },
  {
    name: 'a token for another bot (wrong audience)',
    reason: /Invalid AppId/,
    build: () => {
      const body = h.activity();
      return {
        body,
        authorization: `Bearer ${h.tokenFor(body, { aud: '00000000-0000-0000-0000-000000000000' })}`,
      };
    },
  },
  {
    name: 'a serviceurl claim that differs from the activity serviceUrl',
    reason: /ServiceUrl claim/,
    build: () => {
      const body = h.activity({ serviceUrl: 'http://127.0.0.1:9/evil/' });
      return {
        body,
        authorization: `Bearer ${h.identity.channelToken({ serviceurl: h.connector.serviceUrl })}`,
      };
    },
  },
  {
    name: 'no serviceurl claim at all',
    reason: /ServiceUrl claim/,
    build: () => {
      const body = h.activity();
      return { body, authorization: `Bearer ${h.identity.channelToken({})}` };
    },
  },
  {
    name: 'a channel the signing key does not endorse',
    reason: /endorsement/,
    build: () => {
      const body = h.activity({ channelId: 'webchat' });
      return { body, authorization: `Bearer ${h.tokenFor(body)}` };
    },
  },
];

describe('POST /api/messages authentication', () => {
  it.each(cases)('answers 401 and processes nothing for $name', async ({ build, reason }) => {
    const { body, authorization } = build();
    const logged = h.logger.entries.length;
    const response = await h.post(body, authorization);
    expect(response.status).toBe(401);
    const payload = (await response.json()) as { error: { code: string } };
    expect(payload.error.code).toBe('unauthorized');
    expect(h.engine.requests).toHaveLength(0);
    expect(h.connector.attempts).toHaveLength(0);
    if (reason) {
      const rejection = h.logger.entries.slice(logged).find((entry) => entry.msg === 'teams.auth.rejected');
      expect(String(rejection?.fields.reason)).toMatch(reason);
    }
  });

  it('refuses an activity without serviceUrl before looking at the token', async () => {
    const body = h.activity();
    delete body.serviceUrl;
    const response = await h.post(body, `Bearer ${h.identity.channelToken({})}`);
    expect(response.status).toBe(400);
    expect(h.engine.requests).toHaveLength(0);
  });

  it('refuses an oversized body with 413', async () => {
    const body = h.activity({ text: 'x'.repeat(300 * 1024) });
    const response = await h.post(body);
    expect(response.status).toBe(413);
    expect(h.engine.requests).toHaveLength(0);
  });

  it('accepts a valid token and replies only after the rejected requests (which left no trace)', async () => {
    const body = h.activity({ text: 'Was kostet ein Personalausweis?' });
    const response = await h.post(body);
    expect(response.status).toBe(202);
    const [typing, answer] = await h.connector.waitFor(2);
    expect(typing?.activity.type).toBe('typing');
    expect(answer?.activity.type).toBe('message');
    // Nothing from the rejected requests reached the engine or the connector.
    expect(h.engine.requests).toHaveLength(1);
    expect(h.connector.received).toHaveLength(2);
    expect(h.connector.received.every((posted) => posted.replyToId === body.id)).toBe(true);
  });
});
