import { generateKeyPairSync, type KeyObject, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import jwt from 'jsonwebtoken';

/**
 * A local stand-in for the Bot Framework token service: OpenID metadata, a JWKS whose key
 * endorses channels (like login.botframework.com), and a token endpoint for the bot's
 * outbound calls. Tokens are signed with an RSA key generated per test run.
 */
export interface IdentityServer {
  metadataUrl: string;
  /** Issues a token as the Bot Framework Service would for a request to the bot. */
  channelToken(
    claims?: Record<string, unknown>,
    options?: { key?: KeyObject; kid?: string; expiresInSeconds?: number },
  ): string;
  /** A token for bot → connector calls, as Entra would issue it; the connector server checks it. */
  outboundToken: string;
  /** Fetches `outboundToken` over HTTP, as real credentials fetch theirs. */
  fetchOutboundToken(): Promise<string>;
  /** A second key the JWKS does not publish. */
  foreignKey: KeyObject;
  kid: string;
  tokenRequests: number;
  close(): Promise<void>;
}

export const BOT_FRAMEWORK_ISSUER = 'https://api.botframework.com';

export async function startIdentityServer(options: {
  appId: string;
  endorsements?: string[];
}): Promise<IdentityServer> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const foreign = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = `test-key-${randomUUID()}`;
  const jwk = publicKey.export({ format: 'jwk' });
  const outboundToken = `outbound-${randomUUID()}`;
  let base = '';

  const state = { tokenRequests: 0 };
  const server: Server = createServer((request, response) => {
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (request.method === 'GET' && request.url === '/v1/.well-known/openidconfiguration') {
      return send(200, {
        issuer: BOT_FRAMEWORK_ISSUER,
        authorization_endpoint: `${base}/v1/authorize`,
        jwks_uri: `${base}/v1/.well-known/keys`,
        id_token_signing_alg_values_supported: ['RS256'],
        token_endpoint_auth_methods_supported: ['private_key_jwt'],
      });
    }
    if (request.method === 'GET' && request.url === '/v1/.well-known/keys') {
      return send(200, {
        keys: [{ ...jwk, kid, use: 'sig', alg: 'RS256', endorsements: options.endorsements ?? ['msteams'] }],
      });
    }
    if (request.method === 'POST' && request.url === '/oauth2/v2.0/token') {
      state.tokenRequests++;
      request.resume();
      return send(200, { token_type: 'Bearer', expires_in: 3600, access_token: outboundToken });
    }
    send(404, { error: 'not found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    metadataUrl: `${base}/v1/.well-known/openidconfiguration`,
    outboundToken,
    foreignKey: foreign.privateKey,
    kid,
    get tokenRequests() {
      return state.tokenRequests;
    },
    channelToken(claims = {}, signing = {}) {
      const now = Math.floor(Date.now() / 1000);
      const payload = {
        iss: BOT_FRAMEWORK_ISSUER,
        aud: options.appId,
        nbf: now - 60,
        exp: now + (signing.expiresInSeconds ?? 3600),
        ...claims,
      };
      return jwt.sign(payload, signing.key ?? privateKey, {
        algorithm: 'RS256',
        keyid: signing.kid ?? kid,
        noTimestamp: false,
      });
    },
    async fetchOutboundToken() {
      const response = await fetch(`${base}/oauth2/v2.0/token`, {
        method: 'POST',
        body: 'grant_type=client_credentials',
      });
      return ((await response.json()) as { access_token: string }).access_token;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
