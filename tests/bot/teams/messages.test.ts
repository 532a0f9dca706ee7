import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ADAPTIVE_CARD_CONTENT_TYPE, validateAdaptiveCard } from '../../../bot/channels/teams/index.js';
import { unusedServiceUrl, type PostedActivity } from './support/connector-server.js';
import { sampleAnswer } from './support/fakes.js';
import { BOT, startHarness, USER, type Harness } from './support/harness.js';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

const newConversation = () => ({
  id: `19:${randomUUID()}@thread.v2`,
  conversationType: 'groupChat',
  tenantId: 'tenant-1',
});

/** Posts and waits for `count` more activities at the connector. */
async function exchange(
  body: Record<string, unknown>,
  count: number,
): Promise<{ status: number; posted: PostedActivity[] }> {
  const before = h.connector.received.length;
  const response = await h.post(body);
  const posted = (await h.connector.waitFor(before + count)).slice(before);
  return { status: response.status, posted };
}

function cardOf(posted: PostedActivity | undefined): Record<string, unknown> {
  const attachments = posted?.activity.attachments as Array<{
    contentType: string;
    content: Record<string, unknown>;
  }>;
  expect(attachments).toHaveLength(1);
  expect(attachments[0]?.contentType).toBe(ADAPTIVE_CARD_CONTENT_TYPE);
  return attachments[0]!.content;
}

const flatText = (card: unknown) => JSON.stringify(card);

describe('Teams messages', () => {
  afterEach(() => {
    h.engine.reply = () => sampleAnswer();
  });

  it('acknowledges before the engine has answered, then sends typing and an Adaptive Card to the serviceUrl', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    h.engine.reply = async () => {
      await gate;
      return sampleAnswer();
    };
    const conversation = newConversation();
    const body = h.activity({ conversation });
    const before = h.connector.received.length;

    const response = await h.post(body);
    expect(response.status).toBe(202);
    const [typing] = (await h.connector.waitFor(before + 1)).slice(before);
    expect(typing?.activity.type).toBe('typing');
    release();
    const [, reply] = (await h.connector.waitFor(before + 2)).slice(before);

    const expectedPath = `/emea/v3/conversations/${encodeURIComponent(conversation.id)}/activities/${encodeURIComponent(String(body.id))}`;
    expect(typing?.path).toBe(expectedPath);
    expect(reply?.path).toBe(expectedPath);
    expect(reply?.authorization).toBe(`Bearer ${h.identity.outboundToken}`);
    expect(reply?.activity).toMatchObject({
      type: 'message',
      from: BOT,
      recipient: { id: USER.id },
      replyToId: body.id,
    });

    const card = cardOf(reply);
    expect(validateAdaptiveCard(card)).toEqual([]);
    const text = flatText(card);
    expect(text).toContain('[Personalausweis beantragen](https://www.musterstadt.example/personalausweis)');
    expect(text).toContain('Stand: 12.03.2025');
    expect(text).toContain('Unterlagen für den Ausweis');
    expect(text).toContain('Textvorschlag für das Gespräch');
    expect(text).toContain('Relevanz 0,91');
    const stored = h.conversations.history(`teams:${conversation.id}`);
    expect(stored.map((turn) => turn.role)).toEqual(['user', 'assistant']);
  });

  it('removes the @mention of the bot before the engine sees the text', async () => {
    const body = h.activity({
      conversation: newConversation(),
      text: '<at>Musterstadt-Bot</at> Was kostet ein Personalausweis?',
      entities: [
        { type: 'mention', text: '<at>Musterstadt-Bot</at>', mentioned: { id: BOT.id, name: BOT.name } },
        { type: 'clientInfo', locale: 'de-DE' },
      ],
    });
    await exchange(body, 2);
    const request = h.engine.requests.at(-1);
    expect(request?.message).toBe('Was kostet ein Personalausweis?');
    expect(request?.channel).toBe('teams');
    expect(request?.lang).toBe('de');
  });

  it('passes the redacted history of the same Teams conversation to the engine', async () => {
    const conversation = newConversation();
    await exchange(
      h.activity({ conversation, text: 'Ausweis für max.muster@example.org – was kostet das?' }),
      2,
    );
    await exchange(h.activity({ conversation, text: 'Und für Kinder?' }), 2);
    const history = h.engine.requests.at(-1)?.history ?? [];
    expect(history).toHaveLength(2);
    expect(history[0]?.content).toContain('[E-Mail]');
    expect(history[0]?.content).not.toContain('max.muster@example.org');
  });

  it('shows the help card for "hilfe" without asking the engine', async () => {
    const asked = h.engine.requests.length;
    const { posted } = await exchange(h.activity({ conversation: newConversation(), text: ' Hilfe ' }), 1);
    const card = cardOf(posted[0]);
    expect(validateAdaptiveCard(card)).toEqual([]);
    expect(flatText(card)).toContain('So funktioniert es');
    expect(h.engine.requests.length).toBe(asked);
  });

  it('welcomes when the bot is added to a conversation, not when someone else joins', async () => {
    const conversation = newConversation();
    const update = (membersAdded: unknown[]) =>
      h.activity({ type: 'conversationUpdate', text: undefined, conversation, membersAdded });
    const before = h.connector.received.length;
    expect((await h.post(update([{ id: USER.id }]))).status).toBe(202);
    const { posted } = await exchange(update([{ id: BOT.id }]), 1);
    const card = cardOf(posted[0]);
    expect(validateAdaptiveCard(card)).toEqual([]);
    expect(flatText(card)).toContain('Willkommen beim Musterstadt-Bot');
    expect(h.connector.received.length).toBe(before + 1);
  });

  it('renders an emergency with the emergency numbers first', async () => {
    h.engine.reply = () =>
      sampleAnswer({
        type: 'emergency',
        text: 'Rufen Sie sofort **112** an.',
        citations: [],
        evidence: [],
        mode: 'canned',
      });
    const { posted } = await exchange(h.activity({ conversation: newConversation(), text: 'Es brennt!' }), 2);
    const card = cardOf(posted[1]);
    expect(validateAdaptiveCard(card)).toEqual([]);
    expect((card.body as Array<Record<string, unknown>>)[0]).toMatchObject({
      type: 'Container',
      style: 'attention',
    });
    expect(flatText(card)).toContain(
      'Bitte legen Sie auf und rufen Sie sofort 112 (Feuerwehr und Rettungsdienst)',
    );
  });

  it('answers with a short apology when the engine fails', async () => {
    h.engine.reply = () => Promise.reject(new Error('index missing'));
    const { posted } = await exchange(h.activity({ conversation: newConversation() }), 2);
    expect(posted[1]?.activity.text).toMatch(/technischer Fehler/);
    expect((await h.logger.waitFor('teams.answer.failed')).level).toBe('error');
  });
});

describe('Teams feedback', () => {
  async function answeredMessage(conversation: { id: string }) {
    const { posted } = await exchange(
      h.activity({ conversation, text: 'Was kostet ein Personalausweis?' }),
      2,
    );
    const actions = cardOf(posted[1]).actions as Array<{ type: string; data?: Record<string, unknown> }>;
    const up = actions.find((action) => action.type === 'Action.Submit' && action.data?.rating === 'up');
    expect(up?.data).toMatchObject({ action: 'feedback', rating: 'up' });
    return String(up?.data?.messageId);
  }

  it('stores a thumbs-up submitted as a message with value in the SQLite feedback store', async () => {
    const conversation = newConversation();
    const messageId = await answeredMessage(conversation);
    const { status, posted } = await exchange(
      h.activity({ conversation, text: undefined, value: { action: 'feedback', rating: 'up', messageId } }),
      1,
    );
    expect(status).toBe(202);
    expect(posted[0]?.activity.text).toMatch(/Danke/);
    const row = h.feedback.list().find((entry) => entry.messageId === messageId);
    expect(row).toMatchObject({
      channel: 'teams',
      rating: 'up',
      conversationId: `teams:${conversation.id}`,
      question: 'Was kostet ein Personalausweis?',
      answerType: 'answer',
      citedUrls: [
        'https://www.musterstadt.example/personalausweis',
        'https://www.musterstadt.example/unterlagen',
      ],
    });
  });

  it('stores a thumbs-down with comment arriving as an adaptiveCard/action invoke and answers in the response', async () => {
    const conversation = newConversation();
    const messageId = await answeredMessage(conversation);
    const response = await h.post(
      h.activity({
        conversation,
        type: 'invoke',
        name: 'adaptiveCard/action',
        text: undefined,
        value: {
          action: {
            type: 'Action.Execute',
            verb: 'feedback',
            data: { rating: 'down', messageId, comment: 'Gebühr veraltet, Rückruf an 0171 2345678' },
          },
        },
      }),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
    });
    const row = h.feedback.list().find((entry) => entry.messageId === messageId);
    expect(row?.rating).toBe('down');
    expect(row?.comment).toContain('Gebühr veraltet');
    expect(row?.comment).not.toContain('0171 2345678');
  });
});

describe('Teams connector failures', () => {
  it('retries 429, 502 and 504 from the connector with backoff and then delivers', async () => {
    const conversation = newConversation();
    h.connector.failNext(429, 502, 504);
    const { posted } = await exchange(h.activity({ conversation }), 2);
    expect(posted.map((entry) => entry.activity.type)).toEqual(['typing', 'message']);
    const forConversation = h.connector.attempts.filter((attempt) =>
      attempt.path.includes(encodeURIComponent(conversation.id)),
    );
    expect(forConversation.map((attempt) => attempt.status)).toEqual([429, 502, 504, 200, 200]);
    const retries = h.logger.entries.filter((entry) => entry.msg === 'teams.connector.retry');
    expect(retries.map((entry) => entry.fields.status)).toEqual(expect.arrayContaining([429, 502, 504]));
  });

  it('gives up after the configured retries, logs it, and still answers', async () => {
    const conversation = newConversation();
    h.connector.failNext(429, 429, 429, 429);
    const { posted } = await exchange(h.activity({ conversation }), 1);
    expect(posted[0]?.activity.type).toBe('message');
    const statuses = h.connector.attempts
      .filter((attempt) => attempt.path.includes(encodeURIComponent(conversation.id)))
      .map((attempt) => attempt.status);
    expect(statuses).toEqual([429, 429, 429, 429, 200]);
    expect((await h.logger.waitFor('teams.typing.failed')).fields.status).toBe(429);
  });

  it('does not retry a 400 from the connector', async () => {
    const conversation = newConversation();
    h.connector.failNext(400);
    await exchange(h.activity({ conversation }), 1);
    const statuses = h.connector.attempts
      .filter((attempt) => attempt.path.includes(encodeURIComponent(conversation.id)))
      .map((attempt) => attempt.status);
    expect(statuses).toEqual([400, 200]);
  });

  it('logs when the connector is down and keeps serving', async () => {
    const serviceUrl = await unusedServiceUrl();
    const body = h.activity({ conversation: newConversation(), serviceUrl });
    const response = await h.post(body, `Bearer ${h.tokenFor(body)}`);
    expect(response.status).toBe(202);
    const failure = await h.logger.waitFor('teams.reply.failed');
    expect(failure.level).toBe('error');
    expect(failure.fields.task).toBe('answer');

    const { status, posted } = await exchange(h.activity({ conversation: newConversation() }), 2);
    expect(status).toBe(202);
    expect(posted.map((entry) => entry.activity.type)).toEqual(['typing', 'message']);
  });
});
