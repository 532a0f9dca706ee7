import { describe, expect, it } from 'vitest';
import { messageText } from '../../../bot/channels/teams/activity.js';
import {
  formatStand,
  leadingSentences,
  markdownLink,
  toPlainText,
} from '../../../bot/channels/teams/cards/format.js';
import { backoffDelay, withRetry } from '../../../bot/channels/teams/retry.js';

describe('messageText', () => {
  const bot = { id: '28:bot', name: 'Bürgerbot' };

  it('keeps mentions of people other than the bot', () => {
    const text = messageText({
      recipient: bot,
      text: '<at>Bürgerbot</at> Frage von <at>Kollegin</at>: Sperrmüll?',
      entities: [
        { type: 'mention', text: '<at>Bürgerbot</at>', mentioned: { id: '28:bot', name: 'Bürgerbot' } },
        { type: 'mention', text: '<at>Kollegin</at>', mentioned: { id: '29:colleague', name: 'Kollegin' } },
      ] as never,
    });
    expect(text).toBe('Frage von <at>Kollegin</at>: Sperrmüll?');
  });

  it('removes a bot mention without entity and non-breaking spaces', () => {
    expect(messageText({ recipient: bot, text: '<at>Bürgerbot</at>&nbsp;Hundesteuer?' })).toBe(
      'Hundesteuer?',
    );
  });
});

describe('card text helpers', () => {
  it('formats "Stand" dates the German way and keeps unparseable ones', () => {
    expect(formatStand('2025-03-12')).toBe('12.03.2025');
    expect(formatStand('2024-12-31T23:30:00Z')).toBe('31.12.2024');
    expect(formatStand('Frühjahr 2024')).toBe('Frühjahr 2024');
  });

  it('turns markdown-light into speakable text', () => {
    expect(toPlainText('Die Gebühr beträgt **37,00 Euro** [1]. Siehe [Seite](https://x.example/a).')).toBe(
      'Die Gebühr beträgt 37,00 Euro. Siehe Seite.',
    );
    expect(toPlainText('Mitbringen:\n- Foto\n- Ausweis.\n\nDanach')).toBe(
      'Mitbringen: Foto, Ausweis. Danach.',
    );
  });

  it('cuts the read-out text at sentence ends', () => {
    expect(leadingSentences('Erster Satz. Zweiter Satz. Dritter Satz.', 27)).toBe(
      'Erster Satz. Zweiter Satz.',
    );
    expect(leadingSentences('Ein einziger sehr langer Satz ohne Ende', 20)).toMatch(/…$/);
  });

  it('builds markdown links that survive odd titles and URLs', () => {
    expect(markdownLink('Gebühren [2025]', 'https://x.example/a (b)')).toBe(
      '[Gebühren (2025)](https://x.example/a%20%28b%29)',
    );
  });
});

describe('retry', () => {
  const policy = { retries: 3, baseDelayMs: 100, maxDelayMs: 500 };

  it('grows the delay exponentially with jitter in the upper half, capped', () => {
    expect(backoffDelay(0, policy, () => 0)).toBe(50);
    expect(backoffDelay(0, policy, () => 1)).toBe(100);
    expect(backoffDelay(2, policy, () => 0)).toBe(200);
    expect(backoffDelay(10, policy, () => 1)).toBe(500);
  });

  it('stops at the first non-retryable error and after the last retry', async () => {
    let calls = 0;
    const failing = () => {
      calls++;
      return Promise.reject(Object.assign(new Error('busy'), { statusCode: 429 }));
    };
    const fast = { retries: 2, baseDelayMs: 1, maxDelayMs: 1 };
    await expect(withRetry(failing, fast, { isRetryable: () => true })).rejects.toThrow('busy');
    expect(calls).toBe(3);
    calls = 0;
    await expect(withRetry(failing, fast, { isRetryable: () => false })).rejects.toThrow('busy');
    expect(calls).toBe(1);
  });
});
