import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { answerOf, jsonPost, makeApp, scriptedEngine, type TestApp } from './helpers.js';

let current: TestApp | undefined;
const setup = (...args: Parameters<typeof makeApp>) => (current = makeApp(...args));
afterEach(() => current?.cleanup());

async function askOnce(test: TestApp, message: string) {
  const response = await test.app.request('/api/chat', jsonPost({ message }));
  return (await response.json()) as { conversationId: string; messageId: string };
}

describe('POST /api/feedback', () => {
  it('stores the rating with redacted question, answer and comment in the SQLite file', async () => {
    const test = setup({
      engine: scriptedEngine({
        answer: () => answerOf('Wir melden uns unter anna@example.org. Infos: 0209 169-0.'),
      }),
    });
    const ids = await askOnce(
      test,
      'Ich bin anna@example.org, IBAN DE89 3704 0044 0532 0130 00 – wann kommt das Geld?',
    );
    const response = await test.app.request(
      '/api/feedback',
      jsonPost({ ...ids, rating: 'down', comment: 'Ruft mich an: 0170 1234567' }),
    );
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ ok: true });

    const db = new Database(test.feedbackPath, { readonly: true });
    try {
      const rows = db.prepare('SELECT * FROM feedback').all() as Array<Record<string, unknown>>;
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        channel: 'web',
        conversation_id: ids.conversationId,
        message_id: ids.messageId,
        rating: 'down',
        comment: 'Ruft mich an: [Telefon]',
        question: 'Ich bin [E-Mail], IBAN [IBAN] – wann kommt das Geld?',
        answer: 'Wir melden uns unter [E-Mail]. Infos: 0209 169-0.',
        answer_type: 'answer',
        cited_urls: JSON.stringify(['https://www.example-stadt.de/personalausweis']),
      });
      expect(JSON.stringify(rows)).not.toMatch(/anna@example\.org|DE89|1234567/);
    } finally {
      db.close();
    }
  });

  it('answers 404 not_found for an unknown message', async () => {
    const test = setup();
    const ids = await askOnce(test, 'Hallo');
    const response = await test.app.request(
      '/api/feedback',
      jsonPost({
        conversationId: ids.conversationId,
        messageId: '0b6f2a34-1c1d-4f5e-9a8b-123456789abc',
        rating: 'up',
      }),
    );
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('not_found');
    expect(test.feedback.count()).toBe(0);
  });

  it('answers 404 once the conversation has expired', async () => {
    const test = setup({ conversationTtlMs: 60_000 });
    const ids = await askOnce(test, 'Hallo');
    test.clock.now += 60_001;
    const response = await test.app.request('/api/feedback', jsonPost({ ...ids, rating: 'up' }));
    expect(response.status).toBe(404);
  });

  it.each([
    [{ rating: 'meh' }, /„rating“ muss einen dieser Werte haben: up, down/],
    [{ rating: undefined }, /„rating“ fehlt/],
    [{ messageId: 'x' }, /„messageId“ muss eine UUID sein/],
    [{ comment: 'x'.repeat(1001) }, /„comment“ ist zu lang \(höchstens 1000 Zeichen\)/],
    [{ comment: 'böse\u0007' }, /„comment“ enthält unzulässige Steuerzeichen/],
    [{ comment: 5 }, /„comment“ muss ein Text sein/],
  ])('rejects %j with 400 naming the field', async (patch, message) => {
    const test = setup();
    const ids = await askOnce(test, 'Hallo');
    const response = await test.app.request('/api/feedback', jsonPost({ ...ids, rating: 'up', ...patch }));
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(message);
  });

  it('replaces an earlier rating of the same answer', async () => {
    const test = setup();
    const ids = await askOnce(test, 'Hallo');
    await test.app.request('/api/feedback', jsonPost({ ...ids, rating: 'up' }));
    await test.app.request('/api/feedback', jsonPost({ ...ids, rating: 'down', comment: '  ' }));
    expect(test.feedback.list()).toEqual([expect.objectContaining({ rating: 'down', comment: null })]);
  });
});
