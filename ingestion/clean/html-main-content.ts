import type { Cheerio, CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import { linkDensity } from './html-boilerplate.js';
import { isElement } from './html-text.js';

/**
 * Finds the element that holds a page's main content. Semantic markup first (`main`,
 * `[role=main]`), then the usual CMS containers; without any, the body minus link-heavy
 * blocks (menus, link lists, teasers) that the furniture removal did not catch.
 */

const SEMANTIC = ['main', '[role=main]'];
const CONTAINERS = [
  'article',
  '#content',
  '.content',
  '#main',
  '#main-content',
  '#maincontent',
  '.main-content',
  '#inhalt',
  '.inhalt',
];
/** A container must hold at least this share of the body's text to count as the main content. */
const MIN_SHARE = 0.25;
const MIN_TEXT = 40;

function textLength(element: Cheerio<Element>): number {
  return element.text().replace(/\s+/g, ' ').trim().length;
}

function longest($: CheerioAPI, selector: string): { element: Cheerio<Element>; length: number } | undefined {
  let best: { element: Cheerio<Element>; length: number } | undefined;
  $(selector).each((_, node) => {
    if (!isElement(node)) return;
    const element = $(node);
    const length = textLength(element);
    if (!best || length > best.length) best = { element, length };
  });
  return best;
}

/** Removes link-heavy blocks from the body when no content container was found. */
function dropLinkHeavyBlocks($: CheerioAPI, body: Cheerio<Element>): void {
  body
    .find('div, section, ul, ol, table, aside')
    .filter((_, node) => {
      const element = $(node);
      return element.find('a').length >= 3 && linkDensity(element) > 0.6 && element.find('h1').length === 0;
    })
    .remove();
}

/** How the main content was found; useful in logs when a site's markup changes. */
export type MainContentStrategy = 'semantic' | 'container' | 'density';

/** Returns the main-content element of a page whose furniture has already been removed. */
export function selectMainContent($: CheerioAPI): { root: Cheerio<Element>; strategy: MainContentStrategy } {
  for (const selector of SEMANTIC) {
    const found = longest($, selector);
    if (found && found.length >= MIN_TEXT) return { root: found.element, strategy: 'semantic' };
  }
  const body = $('body').first();
  const bodyLength = textLength(body);
  for (const selector of CONTAINERS) {
    const found = longest($, selector);
    if (found && found.length >= MIN_TEXT && found.length >= bodyLength * MIN_SHARE) {
      return { root: found.element, strategy: 'container' };
    }
  }
  dropLinkHeavyBlocks($, body);
  return { root: body, strategy: 'density' };
}
