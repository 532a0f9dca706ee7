import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/index.js';
import { silentLogger } from '../../config/logger.js';
import { SqliteFeedbackStore } from '../../bot/adapters/feedback-sqlite.js';
import { startHttpServer, type RunningServer } from '../../bot/channels/http/index.js';
import { createRuntime } from '../../bot/composition.js';
import { createMemoryConversationStore } from '../../bot/conversations/store.js';
import { createServerApp, ReloadableEngine } from '../../bot/server.js';
import { startFakeOpenAiServer, tokensOf, type FakeOpenAiServer } from '../helpers/fake-openai-server.js';
import { sampleSnapshot } from '../helpers/sample-snapshot.js';

/** The whole product as `npm start` wires it: sample snapshot, engine, HTTP, widget, Teams stub. */
async function startProduct(env: Record<string, string> = {}) {
  const sample = await sampleSnapshot();
  const dir = mkdtempSync(join(tmpdir(), 'buergerbot-e2e-'));
  const config = loadConfig({
    INDEX_DIR: sample.indexDir,
    FEEDBACK_DB: join(dir, 'feedback.sqlite'),
    LLM_TIMEOUT_MS: '2000',
    ...env,
  });
  const runtime = await createRuntime({ config, profile: sample.profile });
  const feedback = new SqliteFeedbackStore({ path: config.FEEDBACK_DB, retentionDays: 30 });
  const conversations = createMemoryConversationStore({ ttlMs: 60_000, maxConversations: 100 });
  const app = createServerApp({
    engine: new ReloadableEngine(runtime),
    feedback,
    conversations,
    logger: silentLogger,
  });
  const server = await startHttpServer(app, { host: '127.0.0.1', port: 0, logger: silentLogger });
  return { server, feedback, runtime };
}

interface SseEvent {
  event: string;
  data: Record<string, unknown>;
}

async function chatStream(server: RunningServer, message: string): Promise<SseEvent[]> {
  const response = await fetch(`${server.url}/api/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify({ message }),
  });
  expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
  const raw = await response.text();
  return raw
    .split('\n\n')
    .filter((block) => block.includes('data:'))
    .map((block) => ({
      event: /^event: (.+)$/m.exec(block)?.[1] ?? 'message',
      data: JSON.parse(/^data: (.+)$/m.exec(block)?.[1] ?? '{}') as Record<string, unknown>,
    }));
}

describe('the product in extractive mode', () => {
  let product: Awaited<ReturnType<typeof startProduct>>;
  beforeAll(async () => {
    product = await startProduct();
  });
  afterAll(async () => {
    await product.server.close();
    product.feedback.close();
  });

  it('streams a cited answer about the passport fee over SSE', async () => {
    const events = await chatStream(product.server, 'Was kostet ein Reisepass?');
    expect(events[0]?.event).toBe('sources');
    const end = events.at(-1);
    expect(end?.event).toBe('end');
    expect(end?.data.type).toBe('answer');
    expect(end?.data.text).toContain('70,00 Euro');
    const citations = end?.data.citations as Array<{ url: string; title: string }>;
    expect(citations[0]?.url).toContain('reisepass');
  });

  it('serves the widget script and the demo page that embeds it', async () => {
    const script = await fetch(`${product.server.url}/widget.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/javascript/);
    const page = await (await fetch(`${product.server.url}/`)).text();
    expect(page).toContain('widget.js');
  });

  it('keeps the Teams endpoint closed when no Microsoft App ID is configured', async () => {
    const response = await fetch(`${product.server.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', text: 'Hallo' }),
    });
    expect(response.status).toBe(404);
  });

  it('stores feedback for an answer it gave', async () => {
    const answer = (await (
      await fetch(`${product.server.url}/api/chat`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ message: 'Wie melde ich meinen Hund an?' }),
      })
    ).json()) as { conversationId: string; messageId: string };
    const response = await fetch(`${product.server.url}/api/feedback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        conversationId: answer.conversationId,
        messageId: answer.messageId,
        rating: 'up',
      }),
    });
    expect(response.status).toBe(201);
    expect(product.feedback.count()).toBe(1);
  });
});

describe('the product in LLM mode', () => {
  let llm: FakeOpenAiServer;
  let product: Awaited<ReturnType<typeof startProduct>>;
  beforeAll(async () => {
    llm = await startFakeOpenAiServer();
    product = await startProduct({ LLM_BASE_URL: llm.baseUrl, LLM_MODEL: 'test-model' });
  });
  afterAll(async () => {
    await product.server.close();
    product.feedback.close();
    await llm.close();
  });

  it('streams the model answer and keeps only citations of given sources', async () => {
    llm.respondWith({
      kind: 'tokens',
      tokens: tokensOf('Ein Reisepass kostet ab 24 Jahren 70,00 Euro [1]. Siehe auch [9].'),
    });
    const events = await chatStream(product.server, 'Was kostet ein Reisepass?');
    const end = events.at(-1);
    expect(end?.data.text).toContain('70,00 Euro [1]');
    expect(end?.data.text).not.toContain('[9]');
    expect((end?.data.citations as unknown[]).length).toBe(1);
    const request = llm.requests.at(-1);
    expect(request?.body.messages[0]?.content).toMatch(/ausschließlich/);
    expect(events.filter((event) => event.event === 'text-delta').length).toBeGreaterThan(5);
  });

  it('falls back to the grounded extractive answer when the model fails', async () => {
    llm.respondWith({ kind: 'error', status: 500 });
    const events = await chatStream(product.server, 'Was kostet ein Reisepass?');
    const end = events.at(-1);
    expect(end?.event).toBe('end');
    expect(end?.data.type).toBe('answer');
    expect(end?.data.text).toContain('70,00 Euro');
    expect((end?.data.citations as unknown[]).length).toBeGreaterThan(0);
  });

  it('never sends emergencies to the model', async () => {
    const before = llm.requests.length;
    const events = await chatStream(product.server, 'Es brennt bei uns im Treppenhaus!');
    expect(events.at(-1)?.data.type).toBe('emergency');
    expect(llm.requests.length).toBe(before);
  });
});
