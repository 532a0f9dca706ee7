import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

/** Debian's Chromium, headless, no network side-traffic (see DESIGN.md). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Locators inside the widget's (open) shadow root; Playwright's CSS engine pierces it. */
export function widget(page: Page) {
  const host = page.locator('buergerbot-chat');
  return {
    host,
    launcher: host.locator('button.launcher'),
    panel: host.locator('section.panel'),
    input: host.locator('#bb-input'),
    send: host.locator('button.send'),
    status: host.locator('[role=status]'),
    answers: host.locator('.msg.bot:not([aria-busy])'),
    lastAnswer: host.locator('.msg.bot:not([aria-busy])').last(),
    error: host.locator('.msg.error'),
  };
}

/** The element that has focus, looking through shadow roots; described as tag.class or text. */
export function focusedDescription(page: Page): Promise<string> {
  return page.evaluate(() => {
    let element = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    if (!element) return '';
    const classes = element.getAttribute('class')
      ? `.${element.getAttribute('class')!.split(' ').join('.')}`
      : '';
    return `${element.tagName.toLowerCase()}${classes}${element.id ? `#${element.id}` : ''} ${element.textContent?.trim() ?? ''}`;
  });
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe-core for WCAG 2.0/2.1 A and AA; returns the violations as "rule: target" lines. */
export async function axeViolations(page: Page): Promise<string[]> {
  await settleAnimations(page); // colours half-way through a fade-in are not what users read
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<AxeResult> } }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.flatMap((violation) =>
      violation.nodes.map(
        (node) => `${violation.id}: ${JSON.stringify(node.target)} ${node.failureSummary ?? ''}`,
      ),
    );
  });
}

/** Waits until running CSS animations (including inside the widget's shadow root) have finished. */
export async function settleAnimations(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const roots: DocumentOrShadowRoot[] = [document];
    document
      .querySelectorAll('buergerbot-chat')
      .forEach((host) => host.shadowRoot && roots.push(host.shadowRoot));
    await Promise.all(
      roots.flatMap((root) =>
        root
          .getAnimations()
          .filter((animation) => animation.effect?.getTiming().iterations !== Infinity)
          .map((animation) => animation.finished),
      ),
    );
  });
}

interface AxeResult {
  violations: { id: string; nodes: { target: unknown; failureSummary?: string }[] }[];
}

export type { Browser, Locator, Page };
