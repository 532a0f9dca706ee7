import { afterEach, describe, expect, it } from 'vitest';
import type { AnswerEvent, AnswerRequest } from '../../../bot/answering/types.js';
import { startHttpServer, type RunningServer } from '../../../bot/channels/http/index.js';
import {
  answerOf,
  citation,
  eventsOf,
  makeApp,
  parseSse,
  scriptedEngine,
  streamOf,
  type TestApp,
} from './helpers.js';

let test: TestApp | undefined;
let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  test?.cleanup();
  server = undefined;
  test = undefined;
});

const chatInit = (message: string, signal?: AbortSignal): RequestInit => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' },
  body: JSON.stringify({ message }),
  ...(signal && { signal }),
});

/** A promise with its resolve function, to wait for events instead of sleeping. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

describe('HTTP channel on a real listening server', () => {
  it('listens on 127.0.0.1 with port 0 and serves JSON', async () => {
    test = makeApp();
    server = await startHttpServer(test.app, { host: '127.0.0.1', port: 0, logger: test.logs.logger });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.url).not.toMatch(/:0$/);
    const response = await fetch(`${server.url}/healthz`);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('frames server-sent events exactly: event line, data line, blank line', async () => {
    const answer = answerOf('Der Ausweis kostet 37,00 Euro.');
    test = makeApp({
      engine: scriptedEngine({
        stream: () => streamOf(eventsOf(answer, ['Der Ausweis ', 'kostet 37,00 Euro.'])),
      }),
    });
    server = await startHttpServer(test.app, { host: '127.0.0.1', port: 0, logger: test.logs.logger });
    const response = await fetch(`${server.url}/api/chat`, chatInit('Was kostet ein Ausweis?'));
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    expect(response.headers.get('x-accel-buffering')).toBe('no');
    const raw = await response.text();
    const blocks = raw.split('\n\n');
    expect(blocks.at(-1)).toBe('');
    expect(blocks.slice(0, -1).map((block) => block.split('\n')[0])).toEqual([
      'event: sources',
      'event: text-delta',
      'event: text-delta',
      'event: end',
    ]);
    expect(blocks[1]).toBe('event: text-delta\ndata: {"delta":"Der Ausweis "}');
    const events = parseSse(raw);
    const end = JSON.parse(events[3]!.data) as { text: string; citations: Array<{ url: string }> };
    expect(end.text).toBe('Der Ausweis kostet 37,00 Euro.');
    expect(end.citations[0]!.url).toBe(citation.url);
    expect(test.conversations.size()).toBe(1);
  });

  it('aborts the engine when the client goes away mid-stream and records nothing', async () => {
    const engineSawAbort = deferred<boolean>();
    test = makeApp({
      engine: scriptedEngine({
        stream: async function* (request: AnswerRequest): AsyncGenerator<AnswerEvent> {
          yield { type: 'sources', answerType: 'answer', citations: [citation] };
          yield { type: 'text-delta', delta: 'Der Ausweis ' };
          const signal = request.signal!;
          await new Promise<void>((resolve) => {
            if (signal.aborted) resolve();
            else signal.addEventListener('abort', () => resolve(), { once: true });
          });
          engineSawAbort.resolve(signal.aborted);
          yield { type: 'end', answer: answerOf('Der Ausweis kostet 37,00 Euro.') };
        },
      }),
    });
    server = await startHttpServer(test.app, { host: '127.0.0.1', port: 0, logger: test.logs.logger });
    const client = new AbortController();
    const response = await fetch(
      `${server.url}/api/chat`,
      chatInit('Was kostet ein Ausweis?', client.signal),
    );
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let received = '';
    while (!received.includes('event: text-delta')) {
      const { value, done } = await reader.read();
      if (done) throw new Error('stream ended before the first delta');
      received += decoder.decode(value, { stream: true });
    }
    client.abort();

    expect(await engineSawAbort.promise).toBe(true);
    const logLine = await test.logs.waitFor(
      (record) => record.msg === 'http request' && record.path === '/api/chat',
    );
    expect(logLine).toMatchObject({ aborted: true, status: 200 });
    expect(test.conversations.size()).toBe(0);
  });
});
