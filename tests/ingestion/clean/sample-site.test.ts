import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { readFolder } from '../../../ingestion/sources/folder.js';
import type { CleanDocument } from '../../../knowledge/types.js';

const site = fileURLToPath(new URL('../../../cities/gelsenkirchen/sample/site', import.meta.url));
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

function documentText(doc: CleanDocument): string {
  return squash(
    doc.blocks
      .map((block) => {
        switch (block.kind) {
          case 'heading':
          case 'paragraph':
            return block.text;
          case 'list':
            return block.items.join(' ');
          case 'table':
            return [block.header ?? [], ...block.rows].flat().join(' ');
        }
      })
      .join(' '),
  );
}

/** The whole text of each piece of page furniture in the raw page, as the cleaner must not keep it. */
function furnitureTexts(html: string): string[] {
  const $ = load(html);
  const selectors = [
    'nav',
    'footer',
    '[class*=cookie]',
    '[id*=cookie]',
    '[class*=skip]',
    'body > header',
    'body > aside',
    '[class*=breadcrumb]',
  ];
  return $(selectors.join(', '))
    .toArray()
    .map((element) => squash($(element).text()))
    .filter((text) => text.length >= 10);
}

describe('cleaning the bundled sample city site', () => {
  it('reads every page without failures, each with a title and at least one heading', async () => {
    const { documents, failed, skipped } = await readFolder(site);
    expect(failed).toEqual([]);
    expect(skipped).toEqual([]);
    expect(documents.length).toBeGreaterThanOrEqual(20);
    for (const doc of documents) {
      expect(doc.title.trim(), doc.id).not.toBe('');
      expect(
        doc.blocks.some((block) => block.kind === 'heading'),
        doc.id,
      ).toBe(true);
    }
  });

  it('keeps no navigation, footer, breadcrumb, cookie banner or sidebar text on any page', async () => {
    const { documents } = await readFolder(site);
    let checked = 0;
    for (const doc of documents) {
      const text = documentText(doc);
      const html = await readFile(join(site, doc.id), 'utf8');
      for (const furniture of furnitureTexts(html)) {
        expect(text, `${doc.id} keeps "${furniture.slice(0, 60)}…"`).not.toContain(furniture);
        checked++;
      }
      for (const marker of [
        'Zum Inhalt springen',
        'Alle akzeptieren',
        'Das könnte Sie auch interessieren',
        '© 20',
      ]) {
        expect(text, `${doc.id}: ${marker}`).not.toContain(marker);
      }
    }
    expect(checked).toBeGreaterThan(documents.length * 3);
  });
});
