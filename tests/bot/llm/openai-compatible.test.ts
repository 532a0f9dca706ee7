import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createOpenAiCompatibleLlm,
  LlmIncompleteError,
} from '../../../bot/adapters/llm/openai-compatible.js';
import type { LlmPort } from '../../../bot/answering/ports.js';
import { loadConfig } from '../../../config/index.js';
import { startFakeOpenAiServer, tokensOf, type FakeOpenAiServer } from '../../helpers/fake-openai-server.js';
import { llmFor } from './llm-fixtures.js';

let fake: FakeOpenAiServer;
beforeAll(async () => {
  fake = await startFakeOpenAiServer();
});
afterAll(async () => {
  await fake.close();
});

const REQUEST = { system: 'Du bist ein Test.', messages: [{ role: 'user' as const, content: 'Hallo?' }] };

async function drain(llm: LlmPort, signal?: AbortSignal): Promise<string[]> {
  const deltas: string[] = [];
  for await (const delta of llm.stream({ ...REQUEST, signal })) deltas.push(delta);
  return deltas;
}

describe('OpenAI-compatible LLM adapter', () => {
  it('is absent when no LLM_BASE_URL is configured', () => {
    expect(createOpenAiCompatibleLlm(loadConfig({}))).toBeUndefined();
  });

  it('is built from the loaded config', () => {
    const llm = createOpenAiCompatibleLlm(
      loadConfig({ LLM_BASE_URL: fake.baseUrl, LLM_MODEL: 'qwen2.5:7b-instruct' }),
    );
    expect(llm?.model).toBe('qwen2.5:7b-instruct');
  });

  it('streams a chat completion with the configured model, temperature and token limit', async () => {
    fake.respondWith({ kind: 'tokens', tokens: tokensOf('Guten Tag [1].') });
    const request = fake.nextRequest();
    const deltas = await drain(
      llmFor(fake.baseUrl, {
        LLM_MODEL: 'Qwen/Qwen2.5-7B-Instruct',
        LLM_TEMPERATURE: 0.2,
        LLM_MAX_TOKENS: 321,
      }),
    );
    expect(deltas).toEqual(['Guten ', 'Tag ', '[1].']);
    const { path, body } = await request;
    expect(path).toBe('/v1/chat/completions');
    expect(body).toMatchObject({
      model: 'Qwen/Qwen2.5-7B-Instruct',
      stream: true,
      temperature: 0.2,
      max_tokens: 321,
    });
    expect(body).not.toHaveProperty('stream_options');
    expect(body.messages).toEqual([
      { role: 'system', content: 'Du bist ein Test.' },
      { role: 'user', content: 'Hallo?' },
    ]);
  });

  it('sends the history as user and assistant turns', async () => {
    fake.respondWith({ kind: 'tokens', tokens: ['Ja.'] });
    const request = fake.nextRequest();
    const llm = llmFor(fake.baseUrl);
    const history = [
      { role: 'user' as const, content: 'Was kostet der Pass?' },
      { role: 'assistant' as const, content: '70 Euro [1].' },
      { role: 'user' as const, content: 'Und der Ausweis?' },
    ];
    for await (const delta of llm.stream({ system: 'S', messages: history })) expect(delta).toBe('Ja.');
    expect((await request).body.messages.map((message) => message.role)).toEqual([
      'system',
      'user',
      'assistant',
      'user',
    ]);
  });

  it('sends a placeholder key when none is configured, and the configured key otherwise', async () => {
    fake.respondWith({ kind: 'tokens', tokens: ['Ok.'] });
    let request = fake.nextRequest();
    await drain(llmFor(fake.baseUrl));
    expect((await request).headers.authorization).toBe('Bearer not-needed');
    request = fake.nextRequest();
    await drain(llmFor(fake.baseUrl, { LLM_API_KEY: 'sk-test-123' }));
    expect((await request).headers.authorization).toBe('Bearer sk-test-123');
  });

  it('throws on an HTTP error without retrying', async () => {
    fake.respondWith({ kind: 'error', status: 503 });
    const before = fake.requests.length;
    await expect(drain(llmFor(fake.baseUrl))).rejects.toThrow();
    expect(fake.requests.length - before).toBe(1);
  });

  it('throws when the response headers do not come within LLM_TIMEOUT_MS', async () => {
    fake.respondWith({ kind: 'hang' });
    const request = fake.nextRequest();
    await expect(drain(llmFor(fake.baseUrl, { LLM_TIMEOUT_MS: 200 }))).rejects.toThrow(/timed out/i);
    expect(await (await request).closed).toEqual({ completed: false });
  });

  it('throws when the stream ends without a finish reason', async () => {
    fake.respondWith({ kind: 'truncate', tokens: tokensOf('Der Ausweis') });
    await expect(drain(llmFor(fake.baseUrl))).rejects.toBeInstanceOf(LlmIncompleteError);
  });

  it('throws when the answer was cut by the token limit or a content filter', async () => {
    for (const finishReason of ['length', 'content_filter'] as const) {
      fake.respondWith({ kind: 'tokens', tokens: tokensOf('Der Ausweis kostet'), finishReason });
      await expect(drain(llmFor(fake.baseUrl))).rejects.toMatchObject({
        name: 'LlmIncompleteError',
        finishReason,
      });
    }
  });

  it('throws when the connection breaks mid-stream', async () => {
    fake.respondWith({ kind: 'disconnect', tokens: tokensOf('Der Ausweis') });
    const deltas: string[] = [];
    await expect(
      (async () => {
        for await (const delta of llmFor(fake.baseUrl).stream(REQUEST)) deltas.push(delta);
      })(),
    ).rejects.toThrow();
    expect(deltas).toEqual(['Der ', 'Ausweis']);
  });

  it('stops the request when the caller aborts', async () => {
    fake.respondWith({ kind: 'hang' });
    const controller = new AbortController();
    const request = fake.nextRequest();
    const draining = drain(llmFor(fake.baseUrl), controller.signal);
    await request;
    controller.abort();
    await expect(draining).rejects.toMatchObject({ name: 'AbortError' });
    expect(await (await request).closed).toEqual({ completed: false });
  });
});
