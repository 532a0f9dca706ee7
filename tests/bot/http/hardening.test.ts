import { afterEach, describe, expect, it } from 'vitest';
import { HTTPException } from 'hono/http-exception';
import { fromAddress, jsonPost, makeApp, type TestApp } from './helpers.js';

let current: TestApp | undefined;
const setup = (...args: Parameters<typeof makeApp>) => (current = makeApp(...args));
afterEach(() => current?.cleanup());

type ErrorJson = { error: { code: string; message: string } };
const errorOf = async (response: Response) => ((await response.json()) as ErrorJson).error;

describe('input validation on /api/chat', () => {
  it.each([
    ['invalid JSON', jsonPost('{"message": "Hallo"'), /kein gültiges JSON/],
    ['a JSON array', jsonPost('["Hallo"]'), /JSON-Objekt/],
    ['a missing message', jsonPost({ lang: 'de' }), /„message“ fehlt/],
    ['a message of the wrong type', jsonPost({ message: 42 }), /„message“ muss ein Text sein/],
    ['an empty message', jsonPost({ message: '   ' }), /„message“ darf nicht leer sein/],
    [
      'a conversation id that is no uuid',
      jsonPost({ message: 'Hallo', conversationId: 'abc' }),
      /„conversationId“ muss eine UUID sein/,
    ],
    ['a malformed language', jsonPost({ message: 'Hallo', lang: 'de_DE!' }), /„lang“ ist ungültig/],
    [
      'a control character',
      jsonPost({ message: 'Hallo\u0000Welt' }),
      /„message“ enthält unzulässige Steuerzeichen/,
    ],
    ['an escape sequence', jsonPost({ message: 'Hallo \u001b[31m' }), /Steuerzeichen/],
    [
      'a wrong content type',
      { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: '{"message":"Hallo"}' },
      /Content-Type: application\/json/,
    ],
    [
      'no body at all',
      { method: 'POST', headers: { 'Content-Type': 'application/json' } },
      /kein gültiges JSON/,
    ],
  ])(
    'rejects %s with 400 bad_request and a German message naming the problem',
    async (_name, init, message) => {
      const { app, engine } = setup();
      const response = await app.request('/api/chat', init);
      expect(response.status).toBe(400);
      const error = await errorOf(response);
      expect(error.code).toBe('bad_request');
      expect(error.message).toMatch(message);
      expect(engine.requests).toHaveLength(0);
    },
  );

  it('accepts tabs, newlines and CRLF in a message', async () => {
    const { app, engine } = setup();
    const response = await app.request('/api/chat', jsonPost({ message: 'Zeile 1\r\nZeile\t2' }));
    expect(response.status).toBe(200);
    expect(engine.requests[0]!.message).toBe('Zeile 1\nZeile\t2');
  });

  it('rejects a message longer than MAX_MESSAGE_CHARS and names the limit', async () => {
    const { app } = setup({ env: { MAX_MESSAGE_CHARS: '50' } });
    expect((await app.request('/api/chat', jsonPost({ message: 'a'.repeat(50) }))).status).toBe(200);
    const response = await app.request('/api/chat', jsonPost({ message: 'a'.repeat(51) }));
    expect(response.status).toBe(400);
    expect((await errorOf(response)).message).toMatch(/„message“ ist zu lang \(höchstens 50 Zeichen\)/);
  });

  it('answers 413 payload_too_large for a body over MAX_BODY_BYTES, without reading it into the engine', async () => {
    const { app, engine } = setup({ env: { MAX_BODY_BYTES: '1024', MAX_MESSAGE_CHARS: '5000' } });
    const response = await app.request('/api/chat', jsonPost({ message: 'x'.repeat(2000) }));
    expect(response.status).toBe(413);
    expect((await errorOf(response)).code).toBe('payload_too_large');
    expect(engine.requests).toHaveLength(0);
  });

  it('applies the body limit to a streamed body without Content-Length too', async () => {
    const { app } = setup({ env: { MAX_BODY_BYTES: '1024' } });
    const chunk = new TextEncoder().encode('{"message":"' + 'x'.repeat(600));
    const body = new ReadableStream({
      start(controller) {
        controller.enqueue(chunk);
        controller.enqueue(chunk);
        controller.close();
      },
    });
    const response = await app.request('/api/chat', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
  });
});

describe('routing and error mapping', () => {
  it('answers unknown routes with a JSON 404', async () => {
    const { app } = setup();
    const response = await app.request('/api/nothing-here');
    expect(response.status).toBe(404);
    expect(await errorOf(response)).toEqual({ code: 'not_found', message: expect.any(String) });
  });

  it('maps an HTTPException thrown by an extension route to its status and a safe body', async () => {
    const { app } = setup({
      extensions: [
        (hono) =>
          hono.get('/internal', () => {
            throw new HTTPException(401, { message: 'token signature mismatch' });
          }),
      ],
    });
    const response = await app.request('/internal');
    expect(response.status).toBe(401);
    const error = await errorOf(response);
    expect(error.code).toBe('unauthorized');
    expect(error.message).not.toContain('signature');
  });
});

describe('rate limiting', () => {
  const ask = (app: TestApp['app'], address: string, headers: Record<string, string> = {}) =>
    app.request('/api/chat', jsonPost({ message: 'Hallo' }, headers), fromAddress(address));

  it('answers 429 rate_limited with Retry-After once a client used its budget, and recovers over time', async () => {
    const { app, clock } = setup({ env: { RATE_LIMIT_PER_MINUTE: '2' } });
    expect((await ask(app, '203.0.113.1')).status).toBe(200);
    expect((await ask(app, '203.0.113.1')).status).toBe(200);
    const limited = await ask(app, '203.0.113.1');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('30');
    expect((await errorOf(limited)).code).toBe('rate_limited');

    expect((await ask(app, '203.0.113.2')).status).toBe(200); // other clients are not affected
    clock.now += 29_000;
    expect((await ask(app, '203.0.113.1')).status).toBe(429);
    clock.now += 1_000;
    expect((await ask(app, '203.0.113.1')).status).toBe(200);
  });

  it('limits /api/feedback as well', async () => {
    const { app } = setup({ env: { RATE_LIMIT_PER_MINUTE: '1' } });
    const feedback = () =>
      app.request('/api/feedback', jsonPost({ rating: 'up' }), fromAddress('203.0.113.7'));
    expect((await feedback()).status).toBe(400);
    expect((await feedback()).status).toBe(429);
  });

  it('ignores X-Forwarded-For unless TRUST_PROXY is set', async () => {
    const { app } = setup({ env: { RATE_LIMIT_PER_MINUTE: '1' } });
    expect((await ask(app, '10.0.0.1', { 'X-Forwarded-For': '198.51.100.1' })).status).toBe(200);
    expect((await ask(app, '10.0.0.1', { 'X-Forwarded-For': '198.51.100.2' })).status).toBe(429);
  });

  it('uses the address the trusted proxy appended when TRUST_PROXY is set', async () => {
    const { app } = setup({ env: { RATE_LIMIT_PER_MINUTE: '1', TRUST_PROXY: 'true' } });
    expect((await ask(app, '10.0.0.1', { 'X-Forwarded-For': 'forged, 198.51.100.1' })).status).toBe(200);
    expect((await ask(app, '10.0.0.1', { 'X-Forwarded-For': '198.51.100.2' })).status).toBe(200);
    expect((await ask(app, '10.0.0.1', { 'X-Forwarded-For': 'other-forgery, 198.51.100.1' })).status).toBe(
      429,
    );
  });
});

describe('CORS', () => {
  it('allows a configured origin, with POST in the preflight and no credentials', async () => {
    const { app } = setup({ env: { CORS_ORIGINS: 'https://www.example-stadt.de' } });
    const preflight = await app.request('/api/chat', {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://www.example-stadt.de',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://www.example-stadt.de');
    expect(preflight.headers.get('access-control-allow-methods')).toBe('GET,POST,OPTIONS');
    expect(preflight.headers.get('access-control-allow-credentials')).toBeNull();

    const post = await app.request(
      '/api/chat',
      jsonPost({ message: 'Hallo' }, { Origin: 'https://www.example-stadt.de' }),
    );
    expect(post.headers.get('access-control-allow-origin')).toBe('https://www.example-stadt.de');
    expect(post.headers.get('access-control-expose-headers')).toContain('X-Request-Id');
  });

  it('gives a foreign origin no CORS permission', async () => {
    const { app } = setup({ env: { CORS_ORIGINS: 'https://www.example-stadt.de' } });
    const preflight = await app.request('/api/chat', {
      method: 'OPTIONS',
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const post = await app.request(
      '/api/chat',
      jsonPost({ message: 'Hallo' }, { Origin: 'https://evil.example' }),
    );
    expect(post.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('allows every origin when configured with *', async () => {
    const { app } = setup({ env: { CORS_ORIGINS: '*' } });
    const response = await app.request('/api/widget-config', {
      headers: { Origin: 'https://anywhere.example' },
    });
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('keeps CORS headers on error responses so the widget can read them', async () => {
    const { app } = setup({ env: { CORS_ORIGINS: 'https://www.example-stadt.de' } });
    const response = await app.request(
      '/api/chat',
      jsonPost('{', { Origin: 'https://www.example-stadt.de' }),
    );
    expect(response.status).toBe(400);
    expect(response.headers.get('access-control-allow-origin')).toBe('https://www.example-stadt.de');
  });
});

describe('security headers and request ids', () => {
  it('sends security headers and a locked-down CSP on API responses, errors included', async () => {
    const { app } = setup();
    for (const response of [await app.request('/healthz'), await app.request('/api/chat', jsonPost('{'))]) {
      expect(response.headers.get('content-security-policy')).toBe(
        "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
      );
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('strict-transport-security')).toMatch(/max-age=/);
    }
  });

  it('lets an extension route bring its own CSP', async () => {
    const { routeSecurityHeaders } = await import('../../../bot/channels/http/index.js');
    const { app } = setup({
      extensions: [
        (hono) =>
          hono.get(
            '/demo',
            routeSecurityHeaders({
              'Content-Security-Policy': "default-src 'self'",
              'Cross-Origin-Resource-Policy': 'cross-origin',
            }),
            (c) => c.html('<p>Demo</p>'),
          ),
        (hono) =>
          hono.get('/own-header', (c) =>
            c.text('x', 200, { 'Content-Security-Policy': "script-src 'self'" }),
          ),
      ],
    });
    expect((await app.request('/own-header')).headers.get('content-security-policy')).toBe(
      "script-src 'self'",
    );
    const demo = await app.request('/demo');
    expect(demo.headers.get('content-security-policy')).toBe("default-src 'self'");
    expect(demo.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(demo.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await app.request('/healthz')).headers.get('cross-origin-resource-policy')).toBe('same-origin');
  });

  it('echoes a client request id and generates one otherwise', async () => {
    const { app } = setup();
    expect(
      (await app.request('/healthz', { headers: { 'X-Request-Id': 'widget-42' } })).headers.get(
        'x-request-id',
      ),
    ).toBe('widget-42');
    expect((await app.request('/healthz')).headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const unsafe = await app.request('/healthz', { headers: { 'X-Request-Id': 'a b\u00e4' } });
    expect(unsafe.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('access log', () => {
  it('writes one line per request with method, path, status, duration, request id and answer type', async () => {
    const { app, logs } = setup();
    await app.request('/api/chat', jsonPost({ message: 'Hallo' }, { 'X-Request-Id': 'log-1' }));
    const lines = logs.records().filter((record) => record.msg === 'http request');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toEqual(
      expect.objectContaining({
        requestId: 'log-1',
        method: 'POST',
        path: '/api/chat',
        status: 200,
        durationMs: expect.any(Number),
        answerType: 'answer',
      }),
    );
  });

  it('never logs the message text, the client address or the conversation', async () => {
    const { app, logs } = setup({ env: { RATE_LIMIT_PER_MINUTE: '3' } });
    const secret = 'Geheimnisvolle Frage von anna@example.org';
    const address = fromAddress('198.51.100.77');
    const first = await app.request('/api/chat', jsonPost({ message: secret }), address);
    const { conversationId, messageId } = (await first.json()) as {
      conversationId: string;
      messageId: string;
    };
    await app.request('/api/chat', jsonPost({ message: secret + '\u0000' }), address);
    await (
      await app.request('/api/chat', jsonPost({ message: secret }, { Accept: 'text/event-stream' }), address)
    ).text();
    await app.request('/api/chat', jsonPost({ message: secret }), address);
    await app.request(
      '/api/feedback',
      jsonPost({ conversationId, messageId, rating: 'down', comment: secret }),
    );
    const all = logs.lines.join('\n');
    expect(logs.records().filter((record) => record.msg === 'http request')).toHaveLength(5);
    expect(all).not.toContain('Geheimnisvolle');
    expect(all).not.toContain('anna@example.org');
    expect(all).not.toContain('198.51.100.77');
    expect(all).not.toContain(conversationId);
  });
});
