import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContextOptions } from 'playwright-core';
import { loadCityProfile } from '../../config/index.js';
import { answerOf, citationOf, streamOf } from './support/scripted-engine.js';
import {
  axeViolations,
  launchChromium,
  settleAnimations,
  widget,
  type Browser,
  type Page,
} from './support/browser.js';
import { startWidgetTestServer, type WidgetTestServer } from './support/server.js';

const LONG_ANSWER = answerOf({
  text:
    'Die Gebührenordnungsbestimmungsverwaltungsvorschriftensammlungsübersicht steht unter ' +
    'https://www.gelsenkirchen.de/de/rathaus/satzungen/gebuehrenordnung-fuer-amtshandlungen-im-buergerservice-2025.pdf bereit.\n\n' +
    '- Eine Liste mit einem sehr langen Eintrag ohne Leerzeichen: AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
  citations: [
    citationOf(
      1,
      'Satzungen und Gebührenordnungen der Stadtverwaltung im Überblick',
      'https://www.gelsenkirchen.de/de/rathaus/satzungen/',
      '2024-11-30',
    ),
  ],
});

/** A host page with hostile CSS, its own theme colour and English as page language. */
const HOSTILE_PAGE = `<!doctype html><html lang="en-GB"><head><title>Host</title>
<style>*{font-size:40px!important;color:red!important} button{display:none!important} div{border:9px solid lime}
buergerbot-chat{--bb-primary:#8a1538}</style>
<script src="/widget.js" defer></script></head><body><main><h1>Council services</h1></main></body></html>`;

let browser: Browser;
let server: WidgetTestServer;

beforeAll(async () => {
  [browser, server] = await Promise.all([
    launchChromium(),
    startWidgetTestServer({ pages: { '/hostile': HOSTILE_PAGE } }),
  ]);
  server.engine.reply(() => streamOf(LONG_ANSWER));
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openPage(path: string, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext(options);
  context.setDefaultTimeout(5000);
  const page = await context.newPage();
  await page.goto(`${server.url}${path}`);
  return page;
}

async function askAndWait(page: Page, question: string): Promise<void> {
  const w = widget(page);
  await w.input.fill(question);
  await w.input.press('Enter');
  await w.lastAnswer.waitFor();
}

describe('languages', () => {
  it('lays out Arabic right to left with Arabic labels, and stays free of axe violations', async () => {
    const page = await openPage('/?lang=ar');
    const w = widget(page);
    expect(await w.launcher.textContent()).toBe('اسألنا');
    await w.launcher.click();
    await w.host.locator('button.starter').first().waitFor();
    expect(await w.panel.getAttribute('dir')).toBe('rtl');
    expect(await w.panel.getAttribute('lang')).toBe('ar');
    expect(await w.panel.evaluate((element) => getComputedStyle(element).direction)).toBe('rtl');
    const arabic = loadCityProfile('cities/gelsenkirchen/profile.yaml').starterQuestions.ar ?? [];
    expect(await w.host.locator('button.starter').allTextContents()).toEqual(arabic);
    expect(await w.send.textContent()).toBe('إرسال');
    await askAndWait(page, 'كم تكلفة بطاقة الهوية؟');
    expect(server.engine.requests.at(-1)?.lang).toBe('ar');
    // Right to left: the user's message sits at the left edge of the log.
    const [bubble, log] = await Promise.all([
      w.host.locator('.msg.user').boundingBox(),
      w.host.locator('.log').boundingBox(),
    ]);
    expect(bubble!.x - log!.x).toBeLessThan(24);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('follows the page language when the script tag names none, and cannot be broken by the page CSS', async () => {
    const page = await openPage('/hostile');
    const w = widget(page);
    await w.launcher.waitFor();
    const look = await w.launcher.evaluate((element) => {
      const style = getComputedStyle(element);
      return {
        display: style.display,
        background: style.backgroundColor,
        fontSize: style.fontSize,
        color: style.color,
      };
    });
    expect(look).toEqual({
      display: 'flex',
      background: 'rgb(138, 21, 56)',
      fontSize: '16px',
      color: 'rgb(255, 255, 255)',
    });
    expect(await w.launcher.textContent()).toBe('Ask us');
    await w.launcher.click();
    await askAndWait(page, 'How much is an ID card?');
    expect(server.engine.requests.at(-1)?.lang).toBe('en');
    expect(await w.lastAnswer.locator('.sources').textContent()).toContain('Last updated: 30/11/2024');
    await page.context().close();
  });
});

describe('layout', () => {
  it('keeps keyboard focus inside the full-screen panel on a small screen', async () => {
    const page = await openPage('/', { viewport: { width: 320, height: 640 } });
    const w = widget(page);
    await w.launcher.click();
    await w.input.waitFor();
    const inside = () =>
      page.evaluate(() => {
        const root = document.querySelector('buergerbot-chat')!.shadowRoot!;
        const active = root.activeElement;
        return Boolean(active && root.querySelector('.panel')!.contains(active));
      });
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      expect(await inside()).toBe(true);
    }
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Shift+Tab');
      expect(await inside()).toBe(true);
    }
    expect(await w.panel.getAttribute('aria-modal')).toBe('true');
    await page.context().close();
  });

  it('reflows at 320 CSS pixels without horizontal scrolling, closed and with a long answer', async () => {
    const page = await openPage('/', { viewport: { width: 320, height: 640 } });
    const w = widget(page);
    await w.launcher.waitFor();
    const overflow = () =>
      page.evaluate(() => {
        const root = document.querySelector('buergerbot-chat')!.shadowRoot!;
        const wide = [...root.querySelectorAll<HTMLElement>('*')].filter((element) => {
          const box = element.getBoundingClientRect();
          return box.width > 1 && (box.right > window.innerWidth + 0.5 || box.left < -0.5); // 1px: visually hidden text
        });
        const scrollers = [...root.querySelectorAll<HTMLElement>('.panel, .log, .msg')].filter(
          (element) => element.scrollWidth > element.clientWidth + 1,
        );
        return {
          page: document.documentElement.scrollWidth > window.innerWidth,
          outside: wide.map((element) => element.className || element.tagName),
          scrolling: scrollers.map((element) => element.className),
        };
      });
    expect(await overflow()).toEqual({ page: false, outside: [], scrolling: [] });
    await w.launcher.click();
    await askAndWait(page, 'Gebührenordnung?');
    await settleAnimations(page);
    expect(await overflow()).toEqual({ page: false, outside: [], scrolling: [] });
    const panel = await w.panel.boundingBox();
    expect(panel).toMatchObject({ x: 0, width: 320 }); // full screen on a small viewport
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('opens without animation when the user prefers reduced motion', async () => {
    const animationOf = async (reducedMotion: 'reduce' | 'no-preference') => {
      const page = await openPage('/', { reducedMotion });
      const w = widget(page);
      await w.launcher.click();
      const name = await w.panel.evaluate((element) => getComputedStyle(element).animationName);
      await page.context().close();
      return name;
    };
    expect(await animationOf('no-preference')).toBe('bb-in');
    expect(await animationOf('reduce')).toBe('none');
  });
});
