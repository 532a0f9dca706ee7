import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { answerOf, citationOf, gate, streamOf } from './support/scripted-engine.js';
import { launchChromium, widget, type Browser, type Page } from './support/browser.js';
import { startWidgetTestServer, type WidgetTestServer } from './support/server.js';

const PLAIN = answerOf({
  text: 'Die Abholung ist kostenlos [1].',
  citations: [citationOf(1, 'Sperrmüll', 'https://www.gelsenkirchen.de/sperrmuell')],
});

let browser: Browser;
let server: WidgetTestServer;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  [browser, server] = await Promise.all([launchChromium(), startWidgetTestServer()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});
beforeEach(async () => {
  server.engine.reply(() => streamOf(PLAIN));
  context = await browser.newContext();
  context.setDefaultTimeout(5000);
  page = await context.newPage();
  await page.goto(`${server.url}/`);
  const w = widget(page);
  await w.launcher.click();
  await w.host.locator('.starters').waitFor(); // config loaded
});
afterEach(async () => {
  await context.close();
});

async function send(question: string): Promise<void> {
  const w = widget(page);
  await w.input.fill(question);
  await w.input.press('Enter');
}

describe('widget safety', () => {
  it('shows HTML and script in an answer and in a citation title as inert text', async () => {
    const w = widget(page);
    const html = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>';
    server.engine.reply(() =>
      streamOf(
        answerOf({
          text: `Achtung ${html} **fett <b onclick="window.__xss=3">x</b>** [klick](javascript:window.__xss=4) [seite](https://example.org/"><svg/onload=window.__xss=5>)`,
          citations: [
            citationOf(
              1,
              `<img src=x onerror="window.__xss=6">Titel`,
              'javascript:window.__xss=7',
              '2025-01-02',
            ),
            citationOf(2, 'Zweite Quelle', 'https://example.org/" onmouseover="window.__xss=8'),
          ],
        }),
      ),
    );
    await send('Test');
    await w.lastAnswer.waitFor();
    const answer = w.lastAnswer;
    expect(await answer.locator('.body').textContent()).toContain(
      'Achtung <img src=x onerror="window.__xss=1"><script>window.__xss=2</script>',
    );
    expect(await answer.locator('.sources li').first().textContent()).toContain(
      '<img src=x onerror="window.__xss=6">Titel',
    );
    // Only the safe formatting subset exists in the rendered answer; no handler attributes anywhere.
    const tags = await answer
      .locator('.body *, .sources *')
      .evaluateAll((elements) =>
        [...new Set(elements.map((element) => element.tagName.toLowerCase()))].sort(),
      );
    expect(
      tags.every((tag) => ['a', 'br', 'h3', 'li', 'ol', 'p', 'span', 'strong', 'ul'].includes(tag)),
    ).toBe(true);
    expect(
      await w.host.locator('img, script, iframe, [onerror], [onclick], [onload], [onmouseover]').count(),
    ).toBe(0);
    const hrefs = await w.host
      .locator('a')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
    expect(hrefs.every((href) => /^(https?:|tel:|mailto:)/.test(href))).toBe(true);
    expect(hrefs).not.toContain('javascript:window.__xss=4');
    await answer.locator('.sources li').first().click();
    await answer.locator('.body a').first().hover();
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
  });
});

describe('widget robustness', () => {
  it('reports a server error in the middle of an answer and gets the answer on retry', async () => {
    const w = widget(page);
    server.engine.reply(() => streamOf(PLAIN, { failAfter: 3 }));
    await send('Wann kommt der Sperrmüll?');
    await w.error.waitFor();
    expect(await w.error.textContent()).toContain('Fehler: Die Antwort konnte nicht geladen werden.');
    expect(await w.host.locator('.msg.bot').count()).toBe(0); // the half answer is gone
    expect(await w.status.textContent()).toContain('Die Antwort konnte nicht geladen werden.');

    server.engine.reply(() => streamOf(PLAIN));
    await w.error.getByRole('button', { name: 'Erneut versuchen' }).click();
    await w.lastAnswer.waitFor();
    expect(await w.lastAnswer.locator('.body').textContent()).toBe('Die Abholung ist kostenlos [1].');
    expect(await w.error.count()).toBe(0);
    expect(await w.host.locator('.msg.user').count()).toBe(1);
    expect(server.engine.requests.at(-1)?.message).toBe('Wann kommt der Sperrmüll?');
  });

  it('tells the user when the network is gone and retries once it is back', async () => {
    const w = widget(page);
    await context.setOffline(true);
    await send('Wann kommt der Sperrmüll?');
    await w.error.waitFor();
    expect(await w.error.textContent()).toContain('Keine Verbindung zum Server');
    await context.setOffline(false);
    await w.error.getByRole('button', { name: 'Erneut versuchen' }).click();
    await w.lastAnswer.waitFor();
    expect(await w.error.count()).toBe(0);
  });

  it('explains the rate limit with the waiting time from Retry-After, and retries after it', async () => {
    const limited = await startWidgetTestServer({ rateLimitPerMinute: 1 });
    limited.engine.reply(() => streamOf(PLAIN));
    try {
      await page.goto(`${limited.url}/`);
      const w = widget(page);
      await w.launcher.click();
      await send('Wann kommt der Sperrmüll?');
      await w.lastAnswer.waitFor();
      await send('Und der Elektroschrott?');
      await w.error.waitFor();
      expect(await w.error.textContent()).toMatch(
        /Sie haben in kurzer Zeit viele Fragen gestellt\. Bitte warten Sie (59|60) Sekunden und versuchen Sie es dann erneut\./,
      );
      expect(limited.engine.requests).toHaveLength(1);
      limited.advanceClock(60_000);
      await w.error.getByRole('button', { name: 'Erneut versuchen' }).click();
      await w.answers.nth(1).waitFor();
      expect(limited.engine.requests.at(-1)?.message).toBe('Und der Elektroschrott?');
    } finally {
      await limited.close();
    }
  });

  it('sends a question only once on a double click and while an answer is still coming', async () => {
    const w = widget(page);
    const hold = gate();
    server.engine.reply(() => streamOf(PLAIN, { pause: hold.promise }));
    const postsBefore = server.chatPosts();
    await w.input.fill('Wann kommt der Sperrmüll?');
    await w.send.dblclick();
    await w.host.locator('.msg.bot[aria-busy=true]').filter({ hasText: 'Die Abholung' }).waitFor();
    expect(await w.send.getAttribute('aria-disabled')).toBe('true');
    await w.input.fill('Noch eine Frage');
    await w.input.press('Enter');
    await w.send.click({ force: true }); // aria-disabled: Playwright would wait, a user would not
    hold.open();
    await w.lastAnswer.waitFor();
    expect(server.chatPosts() - postsBefore).toBe(1);
    expect(await w.host.locator('.msg.user').allTextContents()).toEqual(['Sie: Wann kommt der Sperrmüll?']);
    expect(await w.input.inputValue()).toBe('Noch eine Frage'); // kept, not lost
  });
});

describe('answer types', () => {
  it('shows a no-answer with the contact and a clickable phone number', async () => {
    const w = widget(page);
    server.engine.reply(() =>
      streamOf(
        answerOf({
          type: 'no_answer',
          text: 'Dazu habe ich auf den Seiten der Stadt nichts gefunden.',
          contact: {
            name: 'Bürgerservice',
            phone: '0209 169-0',
            hours: 'Mo–Fr 8–12 Uhr',
            email: 'buergerservice@gelsenkirchen.de',
          },
        }),
      ),
    );
    await send('Wie hoch ist die Katzensteuer?');
    await w.lastAnswer.waitFor();
    const contact = w.lastAnswer.locator('.contact');
    expect(await contact.locator('h3').textContent()).toBe('So erreichen Sie uns');
    expect(await contact.locator('a[href="tel:02091690"]').textContent()).toBe('0209 169-0');
    expect(await contact.locator('a[href="mailto:buergerservice@gelsenkirchen.de"]').count()).toBe(1);
    expect(await contact.locator('a[href="tel:115"]').textContent()).toBe('115'); // hotline from the profile
    expect(await contact.textContent()).toContain('Erreichbar: Mo–Fr 8–12 Uhr');
  });

  it('makes an emergency answer unmistakable, in words and not only by colour, with tappable numbers', async () => {
    const w = widget(page);
    server.engine.reply(() =>
      streamOf(
        answerOf({
          type: 'emergency',
          text: '**Rufen Sie sofort den Notruf 112 an.** Die Polizei erreichen Sie unter 110.',
        }),
      ),
    );
    await send('Es brennt!');
    await w.lastAnswer.waitFor();
    expect(await w.lastAnswer.getAttribute('class')).toContain('emergency');
    expect(await w.lastAnswer.locator('.badge').textContent()).toBe('⚠ Notfall');
    expect(await w.lastAnswer.locator('a[href="tel:112"]').textContent()).toBe('112');
    expect(await w.lastAnswer.locator('a[href="tel:110"]').count()).toBe(1);
    expect(await w.status.textContent()).toBe(
      'Gelsenkirchen-Bot: Notfall: Rufen Sie sofort den Notruf 112 an. Die Polizei erreichen Sie unter 110.',
    );
    const border = await w.lastAnswer.evaluate((element) => getComputedStyle(element).borderTopWidth);
    expect(parseFloat(border)).toBeGreaterThanOrEqual(3);
  });
});
