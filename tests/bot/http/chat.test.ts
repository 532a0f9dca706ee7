import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../bot/errors.js';
import {
  answerOf,
  citation,
  jsonPost,
  makeApp,
  parseSse,
  scriptedEngine,
  streamOf,
  type TestApp,
} from './helpers.js';

let current: TestApp | undefined;
const setup = (...args: Parameters<typeof makeApp>) => (current = makeApp(...args));
afterEach(() => current?.cleanup());

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('POST /api/chat (JSON)', () => {
  it('answers with ids, type, text, public citations and the contact', async () => {
    const contact = { name: 'Bürgerbüro Musterstadt', phone: '0209 169-0' };
    const { app } = setup({
      engine: scriptedEngine({ answer: () => answerOf('Der Ausweis kostet 37,00 Euro [1].', { contact }) }),
    });
    const response = await app.request('/api/chat', jsonPost({ message: 'Was kostet ein Ausweis?' }));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toEqual({
      conversationId: expect.stringMatching(UUID),
      messageId: expect.stringMatching(UUID),
      type: 'answer',
      text: 'Der Ausweis kostet 37,00 Euro [1].',
      citations: [
        {
          n: 1,
          title: citation.title,
          url: citation.url,
          updated: citation.updated,
          passage: citation.passage,
          headingPath: citation.headingPath,
        },
      ],
      contact,
    });
  });

  it('passes the trimmed message, the language and channel web to the engine', async () => {
    const { app, engine } = setup();
    await app.request('/api/chat', jsonPost({ message: '  Hundesteuer?  \n', lang: 'EN' }));
    expect(engine.requests).toHaveLength(1);
    expect(engine.requests[0]).toMatchObject({
      message: 'Hundesteuer?',
      lang: 'en',
      channel: 'web',
      history: [],
    });
  });

  it('continues a conversation: the second request gets the first exchange, redacted, as history', async () => {
    const { app, engine } = setup();
    const first = await app.request(
      '/api/chat',
      jsonPost({ message: 'Meine Mail ist anna@example.org, was nun?' }),
    );
    const { conversationId } = (await first.json()) as { conversationId: string };
    const second = await app.request(
      '/api/chat',
      jsonPost({ message: 'Und was kostet das?', conversationId }),
    );
    expect(((await second.json()) as { conversationId: string }).conversationId).toBe(conversationId);
    expect(engine.requests[1]!.history).toEqual([
      { role: 'user', content: 'Meine Mail ist [E-Mail], was nun?' },
      { role: 'assistant', content: 'Antwort auf: Meine Mail ist [E-Mail], was nun?' },
    ]);
  });

  it('starts a new conversation for an unknown conversation id', async () => {
    const { app, engine } = setup();
    const unknown = '0b6f2a34-1c1d-4f5e-9a8b-123456789abc';
    const response = await app.request('/api/chat', jsonPost({ message: 'Hallo', conversationId: unknown }));
    const body = (await response.json()) as { conversationId: string };
    expect(body.conversationId).not.toBe(unknown);
    expect(body.conversationId).toMatch(UUID);
    expect(engine.requests[0]!.history).toEqual([]);
  });

  it('starts a new conversation once the old one has expired', async () => {
    const { app, engine, clock } = setup({ conversationTtlMs: 60_000 });
    const first = await app.request('/api/chat', jsonPost({ message: 'Erste Frage' }));
    const { conversationId } = (await first.json()) as { conversationId: string };
    clock.now += 60_001;
    const second = await app.request('/api/chat', jsonPost({ message: 'Zweite Frage', conversationId }));
    expect(((await second.json()) as { conversationId: string }).conversationId).not.toBe(conversationId);
    expect(engine.requests[1]!.history).toEqual([]);
  });

  it('keeps the city’s own contact data in the stored answer but redacts the citizen’s', async () => {
    const { app, conversations } = setup({
      engine: scriptedEngine({
        answer: () =>
          answerOf('Rufen Sie 0209 169-0 an oder schreiben Sie an buergerbuero@example-stadt.de.'),
      }),
    });
    const response = await app.request(
      '/api/chat',
      jsonPost({ message: 'Ich bin unter 0170 1234567 erreichbar' }),
    );
    const { conversationId } = (await response.json()) as { conversationId: string };
    expect(conversations.history(conversationId)).toEqual([
      { role: 'user', content: 'Ich bin unter [Telefon] erreichbar' },
      {
        role: 'assistant',
        content: 'Rufen Sie 0209 169-0 an oder schreiben Sie an buergerbuero@example-stadt.de.',
      },
    ]);
  });

  it('maps an AppError from the engine to its status and German message', async () => {
    const { app } = setup({
      engine: scriptedEngine({
        answer: () => {
          throw new AppError(
            'index_missing',
            'Der Wissensstand wird gerade aufgebaut.',
            'no snapshot in data/index',
          );
        },
      }),
    });
    const response = await app.request('/api/chat', jsonPost({ message: 'Hallo' }));
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({
      error: { code: 'index_missing', message: 'Der Wissensstand wird gerade aufgebaut.' },
    });
  });

  it('turns an unexpected engine failure into a generic 500 and logs the detail with the request id', async () => {
    const { app, logs } = setup({
      engine: scriptedEngine({
        answer: () => {
          throw new TypeError('cannot read property vectors of undefined');
        },
      }),
    });
    const response = await app.request(
      '/api/chat',
      jsonPost({ message: 'Hallo' }, { 'X-Request-Id': 'req-500' }),
    );
    expect(response.status).toBe(500);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('internal');
    expect(body.error.message).toMatch(/interner Fehler/);
    expect(JSON.stringify(body)).not.toContain('vectors');
    const logged = logs.records().find((record) => record.msg === 'request failed');
    expect(logged).toMatchObject({ level: 'error', requestId: 'req-500', code: 'internal' });
    expect(String(logged?.detail)).toContain('cannot read property vectors');
  });
});

describe('POST /api/chat (server-sent events)', () => {
  const sseHeaders = { Accept: 'text/event-stream' };

  it('streams sources, text deltas and end in order, and end equals the JSON answer', async () => {
    const { app, conversations } = setup();
    const response = await app.request(
      '/api/chat',
      jsonPost({ message: 'Was kostet ein Ausweis?' }, sseHeaders),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    const events = parseSse(await response.text());
    const names = events.map((event) => event.event);
    expect(names[0]).toBe('sources');
    expect(names.at(-1)).toBe('end');
    expect(names.slice(1, -1).every((name) => name === 'text-delta')).toBe(true);
    expect(names.length).toBeGreaterThan(3);

    const sources = JSON.parse(events[0]!.data) as Record<string, unknown>;
    const end = JSON.parse(events.at(-1)!.data) as Record<string, unknown>;
    expect(sources).toEqual({
      conversationId: end.conversationId,
      messageId: end.messageId,
      answerType: 'answer',
      citations: end.citations,
    });
    const text = events
      .slice(1, -1)
      .map((event) => (JSON.parse(event.data) as { delta: string }).delta)
      .join('');
    expect(text).toBe('Antwort auf: Was kostet ein Ausweis?');
    expect(end).toMatchObject({ type: 'answer', text });
    expect(conversations.findMessage(end.conversationId as string, end.messageId as string)?.question).toBe(
      'Was kostet ein Ausweis?',
    );
  });

  it('keeps multi-line deltas intact in the data lines', async () => {
    const answer = answerOf('Erstens\nZweitens');
    const { app } = setup({
      engine: scriptedEngine({
        stream: () =>
          streamOf([
            { type: 'sources', answerType: 'answer', citations: [] },
            { type: 'text-delta', delta: 'Erstens\nZweitens' },
            { type: 'end', answer },
          ]),
      }),
    });
    const response = await app.request('/api/chat', jsonPost({ message: 'Liste?' }, sseHeaders));
    const events = parseSse(await response.text());
    expect(JSON.parse(events[1]!.data)).toEqual({ delta: 'Erstens\nZweitens' });
  });

  it('ends with one error event when the engine fails mid-stream, and records nothing', async () => {
    const { app, conversations, logs } = setup({
      engine: scriptedEngine({
        stream: () =>
          streamOf(
            [
              { type: 'sources', answerType: 'answer', citations: [citation] },
              { type: 'text-delta', delta: 'Der Ausweis ' },
            ],
            new Error('LLM socket hang up'),
          ),
      }),
    });
    const response = await app.request(
      '/api/chat',
      jsonPost({ message: 'Was kostet ein Ausweis?' }, sseHeaders),
    );
    const events = parseSse(await response.text());
    expect(events.map((event) => event.event)).toEqual(['sources', 'text-delta', 'error']);
    const error = JSON.parse(events[2]!.data) as { code: string; message: string };
    expect(error.code).toBe('internal');
    expect(error.message).not.toContain('socket');
    expect(conversations.size()).toBe(0);
    expect(logs.records().some((record) => String(record.detail).includes('LLM socket hang up'))).toBe(true);
  });

  it('forwards an engine error event with our message for its code, then ends', async () => {
    const { app } = setup({
      engine: scriptedEngine({
        stream: () =>
          streamOf([
            { type: 'sources', answerType: 'answer', citations: [] },
            { type: 'error', code: 'upstream_unavailable', message: 'provider 502 from 10.0.0.3' },
            { type: 'text-delta', delta: 'must never be sent' },
          ]),
      }),
    });
    const response = await app.request('/api/chat', jsonPost({ message: 'Hallo' }, sseHeaders));
    const events = parseSse(await response.text());
    expect(events.map((event) => event.event)).toEqual(['sources', 'error']);
    expect(JSON.parse(events[1]!.data)).toEqual({
      code: 'upstream_unavailable',
      message: expect.stringMatching(/vorübergehend nicht erreichbar/),
    });
  });

  it('sends an error event when the engine stops without an end event', async () => {
    const { app } = setup({
      engine: scriptedEngine({
        stream: () => streamOf([{ type: 'sources', answerType: 'answer', citations: [] }]),
      }),
    });
    const events = parseSse(
      await (await app.request('/api/chat', jsonPost({ message: 'Hallo' }, sseHeaders))).text(),
    );
    expect(events.map((event) => event.event)).toEqual(['sources', 'error']);
  });

  it('rejects invalid input with a JSON 400 before any stream starts', async () => {
    const { app, engine } = setup();
    const response = await app.request('/api/chat', jsonPost({ message: '' }, sseHeaders));
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    expect(engine.requests).toHaveLength(0);
  });
});
