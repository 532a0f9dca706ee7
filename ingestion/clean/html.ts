import { load } from 'cheerio';
import type { Cheerio } from 'cheerio';
import type { Element } from 'domhandler';
import type { CleanDocument, ContentBlock } from '../../knowledge/types.js';
import { findVisibleDate, isDateLine, toIsoDate } from './dates.js';
import { filterAsides, removeCookieBanners, removePageFurniture } from './html-boilerplate.js';
import { extractBlocks } from './html-blocks.js';
import { selectMainContent } from './html-main-content.js';
import { readHtmlMetadata, stripSiteSuffix } from './html-metadata.js';
import { removeNoise } from './html-noise.js';
import { baseName } from './text-normalise.js';
import type { CleanInput } from './types.js';

function timeInMain(root: Cheerio<Element>): string | undefined {
  let found: string | undefined;
  root.find('time[datetime]').each((_, element) => {
    found = toIsoDate(element.attribs.datetime);
    return found === undefined; // stop at the first valid date
  });
  return found;
}

function firstHeading(blocks: ContentBlock[], level: number): string | undefined {
  const heading = blocks.find((block) => block.kind === 'heading' && block.level === level);
  return heading?.kind === 'heading' ? heading.text : undefined;
}

/**
 * Cleans a web page: keeps the main content as blocks and drops navigation, header,
 * footer, cookie banners, breadcrumbs, skip links, related-link asides, scripts and
 * hidden elements.
 *
 * - title: `og:title`, else the first h1 of the main content, else `<title>` without the site name
 * - url: `<link rel=canonical>` (resolved against `input.url`), else `input.url`
 * - updated: modification meta tags, a labelled date in the main content ("Stand: 12.03.2026"),
 *   a `<time datetime>` in the main content, a labelled date anywhere on the page,
 *   else `input.lastModified`
 */
export function cleanHtml(html: string, input: CleanInput): CleanDocument {
  const $ = load(html);
  const meta = readHtmlMetadata($, input.url);
  removeNoise($);
  removeCookieBanners($);
  // Page footers often carry "Stand: …"; keep the text before the footer goes.
  const pageText = $('body').text();
  removePageFurniture($);
  const { root, strategy } = selectMainContent($);
  filterAsides($, root);

  const updated =
    meta.modified ??
    findVisibleDate(root.text()) ??
    timeInMain(root) ??
    findVisibleDate(pageText) ??
    toIsoDate(input.lastModified);
  const element = root.get(0);
  const blocks = (element ? extractBlocks(element) : []).filter(
    (block) => !(block.kind === 'paragraph' && isDateLine(block.text)),
  );
  const title =
    (meta.ogTitle && stripSiteSuffix(meta.ogTitle, meta.siteName)) ||
    firstHeading(blocks, 1) ||
    (meta.titleTag && stripSiteSuffix(meta.titleTag, meta.siteName)) ||
    baseName(input.id);

  const metadata: Record<string, unknown> = { extraction: strategy };
  if (meta.description) metadata.description = meta.description;
  return {
    id: input.id,
    url: meta.canonical ?? input.url,
    title,
    updated,
    lang: meta.lang,
    sourceId: input.sourceId,
    format: 'html',
    blocks,
    metadata,
  };
}
