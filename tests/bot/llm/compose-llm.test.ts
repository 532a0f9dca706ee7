import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../../config/logger.js';
import { composeWithLlm, type LlmComposeInput } from '../../../bot/answering/compose-llm.js';
import { startFakeOpenAiServer, tokensOf, type FakeOpenAiServer } from '../../helpers/fake-openai-server.js';
import { FALLBACK, PASSAGES, PROFILE, collect, deltasOf, endOf, llmFor } from './llm-fixtures.js';

let fake: FakeOpenAiServer;
beforeAll(async () => {
  fake = await startFakeOpenAiServer();
});
afterAll(async () => {
  await fake.close();
});

function compose(overrides: Partial<LlmComposeInput> = {}) {
  return composeWithLlm({
    llm: llmFor(fake.baseUrl),
    fallback: FALLBACK,
    question: 'Was kostet der Personalausweis?',
    history: [],
    passages: PASSAGES,
    profile: PROFILE,
    redact: (text) => text,
    timeoutMs: 5_000,
    ...overrides,
  });
}

/** A logger whose warnings the test can read. */
function recordingLogger() {
  const lines: Array<Record<string, unknown>> = [];
  return {
    logger: createLogger('warn', {}, (line) => lines.push(JSON.parse(line) as Record<string, unknown>)),
    lines,
  };
}

describe('LLM mode: streaming and citations', () => {
  it('streams each token to the caller before the model has sent the next one', async () => {
    fake.respondWith({
      kind: 'tokens',
      tokens: tokensOf('Der Ausweis kostet 37,00 Euro [1]. Termine gibt es online [2].'),
      pauseAfter: 1,
    });
    const sentBefore = fake.tokensSent;
    const events = compose()[Symbol.asyncIterator]();

    const sources = await events.next();
    expect(sources.value).toMatchObject({ type: 'sources', answerType: 'answer' });
    const first = await events.next();
    expect(first.value).toEqual({ type: 'text-delta', delta: 'Der' });
    expect(fake.tokensSent - sentBefore).toBe(1);

    fake.resume();
    const rest = [];
    for (let next = await events.next(); !next.done; next = await events.next()) rest.push(next.value);
    expect(fake.tokensSent - sentBefore).toBe(11);
    expect(['Der', ...deltasOf(rest)]).toEqual([
      'Der',
      ' Ausweis',
      ' kostet',
      ' 37,00',
      ' Euro',
      ' [1].',
      ' Termine',
      ' gibt',
      ' es',
      ' online',
      ' [2].',
    ]);
    const answer = endOf(rest);
    expect(answer).toMatchObject({
      type: 'answer',
      mode: 'llm',
      text: 'Der Ausweis kostet 37,00 Euro [1]. Termine gibt es online [2].',
    });
    expect(answer.citations.map((citation) => [citation.n, citation.docId])).toEqual([
      [1, 'personalausweis'],
      [2, 'buergerbuero'],
    ]);
  });

  it('renumbers the cited sources in order of appearance and keeps their passages', async () => {
    fake.respondWith({
      kind: 'tokens',
      tokens: tokensOf(
        'Mitzubringen sind ein Passfoto [3] und der alte Ausweis; die Gebühr beträgt 37,00 Euro [1, 3].',
      ),
    });
    const answer = endOf(await collect(compose()));
    expect(answer.text).toBe(
      'Mitzubringen sind ein Passfoto [1] und der alte Ausweis; die Gebühr beträgt 37,00 Euro [2] [1].',
    );
    expect(answer.citations).toEqual([
      expect.objectContaining({
        n: 1,
        docId: 'unterlagen',
        url: 'https://www.example-stadt.de/unterlagen',
        passage: PASSAGES[2]?.text,
      }),
      expect.objectContaining({ n: 2, docId: 'personalausweis', updated: '2024-05-01' }),
    ]);
  });

  it('drops an invented source number from the stream and the answer, and never cites it', async () => {
    fake.respondWith({
      kind: 'tokens',
      tokens: tokensOf('Der Ausweis kostet 37,00 Euro [1]. Eine Expressgebühr gibt es auch [7].'),
    });
    const events = await collect(compose());
    expect(deltasOf(events).join('')).not.toContain('[7]');
    const answer = endOf(events);
    expect(answer.mode).toBe('llm');
    expect(answer.text).toBe('Der Ausweis kostet 37,00 Euro [1]. Eine Expressgebühr gibt es auch.');
    expect(answer.citations.map((citation) => citation.n)).toEqual([1]);
  });

  it('falls back to the extractive answer when the model cites only invented sources', async () => {
    fake.respondWith({
      kind: 'tokens',
      tokens: tokensOf('Der Ausweis kostet 12 Euro [7] laut Satzung [9].'),
    });
    const events = await collect(compose());
    expect(deltasOf(events).join('')).not.toMatch(/\[[79]\]/);
    const answer = endOf(events);
    expect(answer).toEqual(FALLBACK);
    expect(
      answer.citations.every((citation) => citation.n === 1 && citation.docId === 'personalausweis'),
    ).toBe(true);
  });

  it('falls back when the answer cites nothing at all', async () => {
    fake.respondWith({
      kind: 'tokens',
      tokens: tokensOf('Der Ausweis kostet ungefähr 40 Euro, glaube ich.'),
    });
    expect(endOf(await collect(compose()))).toEqual(FALLBACK);
  });

  it('falls back on nonsense', async () => {
    fake.respondWith({ kind: 'tokens', tokens: ['##', '##', ' [1]'] });
    expect(endOf(await collect(compose()))).toEqual(FALLBACK);
  });

  it('streams the extractive answer instead when the model says the sources do not answer', async () => {
    fake.respondWith({ kind: 'tokens', tokens: ['KEI', 'NE_', 'ANT', 'WORT'] });
    const events = await collect(compose());
    expect(events[0]).toEqual({ type: 'sources', answerType: 'answer', citations: FALLBACK.citations });
    expect(deltasOf(events).join('')).toBe(FALLBACK.text);
    expect(endOf(events)).toEqual(FALLBACK);
  });

  it('appends the appendix (e.g. the privacy notice) to an accepted model answer', async () => {
    fake.respondWith({ kind: 'tokens', tokens: tokensOf('Der Ausweis kostet 37,00 Euro [1].') });
    const answer = endOf(await collect(compose({ appendix: 'Bitte teilen Sie keine persönlichen Daten.' })));
    expect(answer.text).toBe(
      'Der Ausweis kostet 37,00 Euro [1].\n\nBitte teilen Sie keine persönlichen Daten.',
    );
  });
});

describe('LLM mode: failures fall back to the extractive answer', () => {
  it('falls back on an HTTP 500 without retrying', async () => {
    fake.respondWith({ kind: 'error', status: 500 });
    const before = fake.requests.length;
    const events = await collect(compose());
    expect(deltasOf(events).join('')).toBe(FALLBACK.text);
    expect(endOf(events)).toEqual(FALLBACK);
    expect(fake.requests.length - before).toBe(1);
  });

  it('falls back when the endpoint does not answer within the timeout, and closes the request', async () => {
    fake.respondWith({ kind: 'hang' });
    const { logger, lines } = recordingLogger();
    const request = fake.nextRequest();
    const events = await collect(
      compose({ llm: llmFor(fake.baseUrl, { LLM_TIMEOUT_MS: 10_000 }), timeoutMs: 300, logger }),
    );
    expect(endOf(events)).toEqual(FALLBACK);
    expect(lines).toEqual([
      expect.objectContaining({ msg: 'llm failed, extractive fallback', reason: 'timeout' }),
    ]);
    expect(await (await request).closed).toEqual({ completed: false });
  });

  it('falls back when the model stalls mid-answer', async () => {
    fake.respondWith({
      kind: 'tokens',
      tokens: tokensOf('Der Ausweis kostet 37,00 Euro [1].'),
      pauseAfter: 2,
    });
    const { logger, lines } = recordingLogger();
    const events = await collect(compose({ timeoutMs: 300, logger }));
    expect(deltasOf(events)).toEqual(['Der', ' Ausweis']);
    expect(endOf(events)).toEqual(FALLBACK);
    expect(lines[0]).toMatchObject({ reason: 'timeout' });
  });

  it('ends with the extractive text when the connection breaks mid-stream', async () => {
    fake.respondWith({ kind: 'disconnect', tokens: tokensOf('Der Ausweis kostet 37,00 Euro [1]. Außerdem') });
    const events = await collect(compose());
    expect(events[0]).toMatchObject({ type: 'sources', answerType: 'answer' });
    expect(deltasOf(events).join('')).toBe('Der Ausweis kostet 37,00 Euro [1]. Außerdem');
    expect(events.filter((event) => event.type === 'end')).toHaveLength(1);
    expect(endOf(events)).toEqual(FALLBACK);
  });

  it('falls back when the stream ends without a finish reason', async () => {
    fake.respondWith({ kind: 'truncate', tokens: tokensOf('Der Ausweis kostet 37,00 Euro [1].') });
    expect(endOf(await collect(compose()))).toEqual(FALLBACK);
  });

  it('falls back when the model hit its token limit', async () => {
    fake.respondWith({
      kind: 'tokens',
      tokens: tokensOf('Der Ausweis kostet 37,00 Euro [1]. Für Personen unter'),
      finishReason: 'length',
    });
    expect(endOf(await collect(compose()))).toEqual(FALLBACK);
  });
});

describe('LLM mode: the caller aborts', () => {
  it('rethrows the abort while waiting for the model and closes the request, without a fallback', async () => {
    fake.respondWith({ kind: 'hang' });
    const controller = new AbortController();
    const request = fake.nextRequest();
    const seen: string[] = [];
    const consuming = (async () => {
      for await (const event of compose({ signal: controller.signal })) seen.push(event.type);
    })();
    await request.then(() => controller.abort());
    await expect(consuming).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen).toEqual([]);
    expect(await (await request).closed).toEqual({ completed: false });
  });

  it('rethrows the abort mid-stream, without an end event', async () => {
    fake.respondWith({
      kind: 'tokens',
      tokens: tokensOf('Der Ausweis kostet 37,00 Euro [1].'),
      pauseAfter: 2,
    });
    const controller = new AbortController();
    const request = fake.nextRequest();
    const seen: string[] = [];
    await expect(
      (async () => {
        for await (const event of compose({ signal: controller.signal })) {
          seen.push(event.type);
          if (event.type === 'text-delta') controller.abort();
        }
      })(),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen).toEqual(['sources', 'text-delta']);
    expect(await (await request).closed).toEqual({ completed: false });
  });
});
