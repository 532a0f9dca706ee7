import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { loadCityProfile } from '../../config/index.js';
import { answerOf, citationOf, gate, streamOf } from './support/scripted-engine.js';
import {
  axeViolations,
  focusedDescription,
  launchChromium,
  widget,
  type Browser,
  type Page,
} from './support/browser.js';
import { startWidgetTestServer, type WidgetTestServer } from './support/server.js';

const FEE_ANSWER = answerOf({
  text: 'Ein Personalausweis kostet **37,00 Euro** [1].\n\n- Ab 24 Jahren: 10 Jahre gültig\n- Unter 24 Jahren: 6 Jahre gültig',
  citations: [
    citationOf(
      1,
      'Personalausweis beantragen',
      'https://www.gelsenkirchen.de/de/personalausweis/',
      '2025-03-12',
    ),
  ],
});

let browser: Browser;
let server: WidgetTestServer;
let context: BrowserContext;
let page: Page;
const cspViolations: string[] = [];

beforeAll(async () => {
  [browser, server] = await Promise.all([launchChromium(), startWidgetTestServer()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});
beforeEach(async () => {
  server.engine.reply(() => streamOf(FEE_ANSWER));
  context = await browser.newContext();
  context.setDefaultTimeout(5000);
  page = await context.newPage();
  page.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) cspViolations.push(message.text());
  });
  await page.goto(`${server.url}/`);
});
afterEach(async () => {
  await context.close();
});

async function ask(question: string): Promise<void> {
  const w = widget(page);
  const answered = await w.answers.count();
  await w.input.fill(question);
  await w.input.press('Enter');
  await w.answers.nth(answered).waitFor();
}

describe('widget on the demo page', () => {
  it('streams the answer in, then shows it with its cited source and "Stand" date', async () => {
    const w = widget(page);
    const hold = gate();
    server.engine.reply(() => streamOf(FEE_ANSWER, { pause: hold.promise }));
    await w.launcher.click();
    await w.input.fill('Was kostet ein Personalausweis?');
    await w.send.click();

    const streaming = w.host.locator('.msg.bot[aria-busy=true]');
    await streaming.filter({ hasText: 'Ein Personalausweis' }).waitFor();
    expect(await streaming.textContent()).not.toContain('37,00');
    expect(await w.status.textContent()).toBe(''); // not announced token by token
    hold.open();

    await w.lastAnswer.waitFor();
    expect(await w.lastAnswer.locator('strong').textContent()).toBe('37,00 Euro');
    expect(await w.lastAnswer.locator('li').allTextContents()).toContain('Ab 24 Jahren: 10 Jahre gültig');
    const source = w.lastAnswer.locator('.sources a');
    expect(await source.getAttribute('href')).toBe('https://www.gelsenkirchen.de/de/personalausweis/');
    expect(await source.getAttribute('rel')).toBe('noopener noreferrer');
    expect(await source.textContent()).toContain('Personalausweis beantragen');
    expect(await w.lastAnswer.locator('.sources').textContent()).toContain('Stand: 12.03.2025');
    expect(await w.status.textContent()).toBe(
      'Gelsenkirchen-Bot: Ein Personalausweis kostet 37,00 Euro [1]. Ab 24 Jahren: 10 Jahre gültig Unter 24 Jahren: 6 Jahre gültig',
    );
    expect(server.engine.requests.at(-1)).toMatchObject({
      message: 'Was kostet ein Personalausweis?',
      lang: 'de',
      channel: 'web',
    });
  });

  it('runs under the demo page CSP, styled, with the city title and colours from the profile', async () => {
    const w = widget(page);
    await w.launcher.click();
    await w.host.locator('.starters').waitFor();
    expect(await w.host.locator('#bb-title').textContent()).toBe('Gelsenkirchen-Bot');
    const launcherStyle = await w.launcher.evaluate((element) => {
      const style = getComputedStyle(element);
      return { position: style.position, background: style.backgroundColor };
    });
    expect(launcherStyle).toEqual({ position: 'fixed', background: 'rgb(0, 82, 140)' }); // #00528c
    expect(cspViolations).toEqual([]);
    const script = await fetch(`${server.url}/widget.js`);
    expect(script.headers.get('cross-origin-resource-policy')).toBe('cross-origin'); // embeddable elsewhere
    expect(script.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('offers the starter questions of the profile and asks one when chosen', async () => {
    const w = widget(page);
    await w.launcher.click();
    const starters = w.host.locator('button.starter');
    await starters.first().waitFor();
    const expected = loadCityProfile('cities/gelsenkirchen/profile.yaml').starterQuestions.de ?? [];
    expect(expected.length).toBeGreaterThan(0);
    expect(await starters.allTextContents()).toEqual(expected);
    await starters.first().click();
    await w.lastAnswer.waitFor();
    expect(server.engine.requests.at(-1)?.message).toBe(expected[0]);
    expect(await starters.count()).toBe(0);
  });

  it('shows the AI notice with the privacy link and the request not to enter personal data', async () => {
    const w = widget(page);
    await w.launcher.click();
    const notice = w.host.locator('.notice');
    await notice.locator('a').waitFor();
    expect(await notice.textContent()).toMatch(
      /automatisch erstellt.*unvollständig.*keine persönlichen Daten/,
    );
    expect(await notice.locator('a').getAttribute('href')).toBe(
      'https://www.gelsenkirchen.de/de/datenschutz/',
    );
  });

  it('is usable by keyboard alone: open, ask, reach the source, close with Escape', async () => {
    const w = widget(page);
    await w.launcher.waitFor();
    for (let step = 0; step < 20 && !(await focusedDescription(page)).startsWith('button.launcher'); step++) {
      await page.keyboard.press('Tab');
    }
    expect(await focusedDescription(page)).toMatch(/^button\.launcher/);
    await page.keyboard.press('Enter');
    expect(await w.panel.isVisible()).toBe(true);
    expect(await focusedDescription(page)).toMatch(/^textarea#bb-input/);

    await page.keyboard.type('Was kostet ein Personalausweis?');
    await page.keyboard.press('Enter');
    await w.lastAnswer.waitFor();
    let reached = '';
    for (let step = 0; step < 12 && !reached.includes('Personalausweis beantragen'); step++) {
      await page.keyboard.press('Shift+Tab');
      reached = await focusedDescription(page);
    }
    expect(reached).toMatch(/^a .*Personalausweis beantragen/);
    const outline = await page.evaluate(() => {
      let element = document.activeElement;
      while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
      return element ? getComputedStyle(element).outlineStyle : '';
    });
    expect(outline).toBe('solid'); // visible focus

    await page.keyboard.press('Escape');
    expect(await w.panel.isVisible()).toBe(false);
    expect(await focusedDescription(page)).toMatch(/^button\.launcher/);
    expect(await w.launcher.getAttribute('aria-expanded')).toBe('false');
    await page.keyboard.press(' ');
    expect(await w.panel.isVisible()).toBe(true);
    expect(await w.launcher.getAttribute('aria-expanded')).toBe('true');
  });

  it('has no axe-core WCAG 2.1 A/AA violations when closed, open and answered', async () => {
    const w = widget(page);
    await w.launcher.waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await w.launcher.click();
    await w.host.locator('.starters').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await ask('Was kostet ein Personalausweis?');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('restores the conversation after a reload and continues it, without setting cookies', async () => {
    const w = widget(page);
    await w.launcher.click();
    await ask('Was kostet ein Personalausweis?');
    await page.reload();
    await w.lastAnswer.waitFor();
    expect(await w.panel.isVisible()).toBe(true);
    expect(await w.host.locator('.msg.user').textContent()).toContain('Was kostet ein Personalausweis?');
    expect(await w.lastAnswer.locator('.sources a').textContent()).toContain('Personalausweis beantragen');

    server.engine.reply(() => streamOf(answerOf({ text: 'Mit Termin im Bürgerservice.' })));
    await ask('Und wo?');
    expect(server.engine.requests.at(-1)?.history).toEqual([
      { role: 'user', content: 'Was kostet ein Personalausweis?' },
      { role: 'assistant', content: FEE_ANSWER.text },
    ]);
    expect(await context.cookies()).toEqual([]);
  });

  it('sends a thumbs-down rating and then an optional comment to /api/feedback', async () => {
    const w = widget(page);
    await w.launcher.click();
    await ask('Was kostet ein Personalausweis?');
    const before = server.feedback.length;
    const down = w.lastAnswer.getByRole('button', { name: 'Nein' });
    await down.click();
    await w.lastAnswer.locator('.feedback textarea').waitFor();
    expect(await down.getAttribute('aria-pressed')).toBe('true');
    expect(server.feedback.slice(before)).toEqual([
      expect.objectContaining({
        rating: 'down',
        channel: 'web',
        conversationId: expect.any(String) as string,
      }),
    ]);
    await w.lastAnswer.getByLabel('Kommentar (optional)').fill('Die Öffnungszeiten fehlen.');
    await w.lastAnswer.getByRole('button', { name: 'Kommentar senden' }).click();
    await w.lastAnswer.locator('.feedback form').waitFor({ state: 'detached' });
    expect(server.feedback.at(-1)).toMatchObject({ rating: 'down', comment: 'Die Öffnungszeiten fehlen.' });
    expect(server.feedback.at(-1)?.messageId).toBe(server.feedback[before]?.messageId);
  });

  it('starts a new conversation on request', async () => {
    const w = widget(page);
    await w.launcher.click();
    await ask('Was kostet ein Personalausweis?');
    await w.host.getByRole('button', { name: 'Neues Gespräch' }).click();
    expect(await w.host.locator('.msg').count()).toBe(0);
    await w.host.locator('.starters').waitFor();
    await ask('Wie melde ich mich um?');
    expect(server.engine.requests.at(-1)?.history).toEqual([]);
  });
});
