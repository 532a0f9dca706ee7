import { afterEach, describe, expect, it } from 'vitest';
import { makeApp, testProfile, type TestApp } from './helpers.js';

let current: TestApp | undefined;
const setup = (...args: Parameters<typeof makeApp>) => (current = makeApp(...args));
afterEach(() => current?.cleanup());

describe('health', () => {
  it('reports liveness on /healthz', async () => {
    const { app } = setup();
    const response = await app.request('/healthz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('reports readiness on /readyz from isReady()', async () => {
    const { app, ready } = setup();
    ready.value = false;
    const notReady = await app.request('/readyz');
    expect(notReady.status).toBe(503);
    expect(await notReady.json()).toEqual({ status: 'not_ready' });
    ready.value = true;
    const isReady = await app.request('/readyz');
    expect(isReady.status).toBe(200);
    expect(await isReady.json()).toEqual({ status: 'ready' });
  });
});

describe('GET /api/widget-config', () => {
  it('returns the public widget settings from the city profile', async () => {
    const { app } = setup();
    const response = await app.request('/api/widget-config?lang=de');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      city: 'Musterstadt',
      botName: 'Muster-Bot',
      website: 'https://www.example-stadt.de',
      privacyNoticeUrl: 'https://www.example-stadt.de/datenschutz',
      imprintUrl: 'https://www.example-stadt.de/impressum',
      colors: { primary: '#00528c', onPrimary: '#ffffff' },
      starterQuestions: ['Was kostet ein Personalausweis?'],
      languages: ['de', 'en', 'tr', 'ar', 'uk'],
      serviceCenter: {
        name: 'Bürgerbüro Musterstadt',
        phone: '0209 169-0',
        hours: 'Mo–Fr 8–12 Uhr',
        url: 'https://www.example-stadt.de/buergerbuero',
      },
      hotline: { label: 'Behördennummer', number: '115', hours: 'Mo–Fr 8–18 Uhr' },
    });
  });

  it('gives starter questions in the requested language and falls back to German', async () => {
    const { app } = setup();
    const english = (await (await app.request('/api/widget-config?lang=en')).json()) as {
      starterQuestions: string[];
    };
    expect(english.starterQuestions).toEqual(testProfile.starterQuestions.en);
    const turkish = (await (await app.request('/api/widget-config?lang=tr')).json()) as {
      starterQuestions: string[];
    };
    expect(turkish.starterQuestions).toEqual(testProfile.starterQuestions.de);
  });
});

describe('GET /api/openapi.json', () => {
  type Doc = {
    openapi: string;
    paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    components: { schemas: Record<string, { properties?: Record<string, { maxLength?: number }> }> };
  };

  it('describes exactly the routes the app serves, as OpenAPI 3.1', async () => {
    const { app } = setup();
    const doc = (await (await app.request('/api/openapi.json')).json()) as Doc;
    expect(doc.openapi).toBe('3.1.0');
    const documented = Object.entries(doc.paths)
      .flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`))
      .sort();
    const served = app.routes
      .filter((route) => route.method !== 'ALL')
      .map((route) => `${route.method} ${route.path}`)
      .filter((route, index, all) => all.indexOf(route) === index)
      .sort();
    expect(documented).toEqual(served);
    for (const methods of Object.values(doc.paths)) {
      for (const operation of Object.values(methods))
        expect(Object.keys(operation.responses).length).toBeGreaterThan(0);
    }
  });

  it('resolves every $ref and states the configured message limit', async () => {
    const { app } = setup({ env: { MAX_MESSAGE_CHARS: '777' } });
    const doc = (await (await app.request('/api/openapi.json')).json()) as Doc;
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map(
      (match) => match[1]!,
    );
    expect(refs.length).toBeGreaterThan(5);
    for (const name of refs) expect(doc.components.schemas, name).toHaveProperty(name);
    expect(doc.components.schemas.ChatRequest!.properties!.message!.maxLength).toBe(777);
  });
});
