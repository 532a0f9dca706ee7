import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { chunkDocument } from '../../../ingestion/chunk.js';
import { cleanHtml } from '../../../ingestion/clean/html.js';
import { readCatalogue } from '../../../ingestion/sources/catalogue.js';
import { searchableText } from '../../../knowledge/chunk-text.js';
import type { CleanDocument, ContentBlock } from '../../../knowledge/types.js';

const fixture = (name: string) => readFile(new URL(`../../fixtures/html/${name}`, import.meta.url), 'utf8');
const catalogue = fileURLToPath(new URL('../../fixtures/corpus/services.json', import.meta.url));

const doc = (blocks: ContentBlock[], extra: Partial<CleanDocument> = {}): CleanDocument => ({
  id: 'seite.md',
  url: 'https://www.gelsenkirchen.de/seite',
  title: 'Seite',
  sourceId: 'corpus',
  format: 'markdown',
  blocks,
  metadata: {},
  ...extra,
});
const h = (level: number, text: string): ContentBlock => ({ kind: 'heading', level, text });
const p = (text: string): ContentBlock => ({ kind: 'paragraph', text });
const sentence = (index: number) =>
  `Satz Nummer ${index} beschreibt eine Regel für den Antrag im Bürgercenter.`;
const longParagraph = (count: number) =>
  p(Array.from({ length: count }, (_, index) => sentence(index + 1)).join(' '));

describe('chunkDocument on pages', () => {
  it('carries the heading path below the title; intro text has an empty path', async () => {
    const page = cleanHtml(await fixture('content-div-page.html'), {
      id: 'hundesteuer.html',
      sourceId: 'site',
    });
    const chunks = chunkDocument(page, { maxChars: 1200 });
    expect(chunks.map((chunk) => chunk.headingPath)).toEqual([[], ['Steuersätze'], ['Abmeldung']]);
    expect(chunks[0]?.text).toMatch(/^Wer in Gelsenkirchen einen Hund hält/);
    // The tiny sub-section "Gefährliche Hunde" joins its parent's chunk under its own heading line.
    expect(chunks[1]?.text).toBe(
      'Für den ersten Hund beträgt die Steuer 156,00 Euro im Jahr, für jeden weiteren Hund 216,00 Euro.\n' +
        'Gefährliche Hunde\nFür gefährliche Hunde gilt ein erhöhter Steuersatz von 720,00 Euro im Jahr.',
    );
    expect(chunks.every((chunk) => chunk.title === 'Hundesteuer' && chunk.sourceId === 'site')).toBe(true);
  });

  it('keeps sub-sections with enough text as chunks of their own, with the full path', () => {
    const chunks = chunkDocument(
      doc([
        h(1, 'Seite'),
        h(2, 'Gebühren'),
        longParagraph(4),
        h(3, 'Ermäßigung'),
        longParagraph(4),
        h(2, 'Fristen'),
        p('Kurz.'),
      ]),
      { maxChars: 1200 },
    );
    expect(chunks.map((chunk) => chunk.headingPath)).toEqual([
      ['Gebühren'],
      ['Gebühren', 'Ermäßigung'],
      ['Fristen'],
    ]);
  });

  it('never merges two top-level sections, however small, even with the same heading', () => {
    const chunks = chunkDocument(
      doc([
        h(2, 'Telefon'),
        p('0209 169-0'),
        h(2, 'E-Mail'),
        p('info@example.org'),
        h(2, 'Hinweis'),
        p('Eins.'),
        h(2, 'Hinweis'),
        p('Zwei.'),
      ]),
      { maxChars: 1200 },
    );
    expect(chunks.map((chunk) => [chunk.headingPath, chunk.text])).toEqual([
      [['Telefon'], '0209 169-0'],
      [['E-Mail'], 'info@example.org'],
      [['Hinweis'], 'Eins.'],
      [['Hinweis'], 'Zwei.'],
    ]);
  });

  it('stays within maxChars and splits oversized sections at sentence boundaries without losing words', () => {
    const source = longParagraph(40);
    const chunks = chunkDocument(doc([h(2, 'Ablauf'), source]), { maxChars: 300 });
    expect(chunks.length).toBeGreaterThan(5);
    for (const chunk of chunks) {
      expect(chunk.text.length).toBeLessThanOrEqual(300);
      expect(chunk.text).toMatch(/^Satz Nummer \d+ .*Bürgercenter\.$/);
      expect(chunk.headingPath).toEqual(['Ablauf']);
    }
    expect(chunks.map((chunk) => chunk.text).join(' ')).toBe(source.kind === 'paragraph' ? source.text : '');
  });

  it('splits an oversized list between items and a sentence-less text between words', () => {
    const items = Array.from({ length: 30 }, (_, index) => `Unterlage ${index + 1}: eine beglaubigte Kopie`);
    const words = Array.from({ length: 80 }, (_, index) => `wort${index}`).join(' ');
    const chunks = chunkDocument(
      doc([h(2, 'Unterlagen'), { kind: 'list', ordered: false, items }, h(2, 'Wörter'), p(words)]),
      {
        maxChars: 200,
      },
    );
    const listChunks = chunks.filter((chunk) => chunk.headingPath[0] === 'Unterlagen');
    expect(listChunks.length).toBeGreaterThan(1);
    expect(listChunks.flatMap((chunk) => chunk.text.split('\n'))).toEqual(items.map((item) => `- ${item}`));
    const wordChunks = chunks.filter((chunk) => chunk.headingPath[0] === 'Wörter');
    expect(wordChunks.every((chunk) => chunk.text.length <= 200)).toBe(true);
    expect(wordChunks.map((chunk) => chunk.text).join(' ')).toBe(words);
  });

  it('lets only a single unsplittable word exceed maxChars', () => {
    const word = 'x'.repeat(250);
    const chunks = chunkDocument(doc([p(`Vorher ${word} nachher`)]), { maxChars: 100 });
    expect(chunks.map((chunk) => chunk.text)).toEqual(['Vorher', word, 'nachher']);
  });

  it('renders table rows as "- Spalte: Wert" list lines and splits them by rows', async () => {
    const page = cleanHtml(await fixture('structured-content.html'), {
      id: 'wertstoffhof.html',
      sourceId: 'site',
    });
    const [fees] = chunkDocument(page, { maxChars: 1200 }).filter(
      (chunk) => chunk.headingPath[0] === 'Gebühren',
    );
    expect(fees?.text).toBe(
      [
        'Gebühren für die Anlieferung',
        '- Abfallart: Sperrmüll; Menge: bis 1 m³; Gebühr: 15,00 Euro',
        '- Abfallart: Grünschnitt; Menge: bis 1 m³; Gebühr: kostenlos',
        '- Abfallart: Bauschutt; Menge: je 100 kg; Gebühr: 8,50 Euro',
      ].join('\n'),
    );
    const small = chunkDocument(page, { maxChars: 90 }).filter(
      (chunk) => chunk.headingPath[0] === 'Gebühren',
    );
    expect(small.map((chunk) => chunk.text)).toEqual([
      'Gebühren für die Anlieferung\n- Abfallart: Sperrmüll; Menge: bis 1 m³; Gebühr: 15,00 Euro',
      '- Abfallart: Grünschnitt; Menge: bis 1 m³; Gebühr: kostenlos',
      '- Abfallart: Bauschutt; Menge: je 100 kg; Gebühr: 8,50 Euro',
    ]);
  });

  it('renders nested and ordered lists as indented "- item" and "1. item" lines', async () => {
    const page = cleanHtml(await fixture('structured-content.html'), {
      id: 'wertstoffhof.html',
      sourceId: 'site',
    });
    const chunk = chunkDocument(page, { maxChars: 1200 }).find(
      (entry) => entry.headingPath[0] === 'Was wird angenommen?',
    );
    expect(chunk?.text).toContain(
      '- Sperrmüll\n  - Möbel\n  - Matratzen\n    - auch Lattenroste\n- Elektrogeräte',
    );
    expect(chunk?.text).toContain(
      'So läuft die Anlieferung ab\n1. Fahren Sie zur Einfahrtswaage.\n2. Zeigen Sie',
    );
  });
});

describe('chunkDocument on service descriptions', () => {
  it('makes one chunk per field, labelled and titled with the service name', async () => {
    const { documents } = await readCatalogue(catalogue);
    const chunks = chunkDocument(documents[0]!, { maxChars: 1200 });
    expect(chunks.map((chunk) => `${chunk.field}: ${chunk.headingPath.join(' › ')}`)).toEqual([
      'summary: Beschreibung',
      'prerequisites: Voraussetzungen',
      'requiredDocuments: Erforderliche Unterlagen',
      'fees: Gebühren',
      'processingTime: Bearbeitungsdauer',
      'procedure: Ablauf',
      'office: Zuständige Stelle',
      'onlineService: Online-Dienst',
      'legalBasis: Rechtsgrundlage',
    ]);
    const fees = chunks.find((chunk) => chunk.field === 'fees')!;
    expect(fees.text).toContain('- Personalausweis (ab 24 Jahren): 37,00 Euro');
    expect(searchableText(fees)).toMatch(/^Personalausweis beantragen › Gebühren\n/);
    expect(chunks.find((chunk) => chunk.field === 'summary')?.text).toContain(
      'Auch bekannt als: Perso, Ausweis, ID-Karte',
    );
    expect(chunks.find((chunk) => chunk.field === 'procedure')?.text).toBe(
      '1. Termin online buchen\n2. Antrag im BÜRGERcenter stellen\n3. Ausweis abholen',
    );
    expect(
      chunks.every(
        (chunk) => chunk.url === 'https://www.gelsenkirchen.de/de/buergerservice/personalausweis/',
      ),
    ).toBe(true);
  });
});

describe('chunk ids and hashes', () => {
  const page = doc([h(2, 'A'), longParagraph(3), h(2, 'B'), longParagraph(3)]);

  it('numbers chunks as docId#ordinal and hashes the embedded text plus URL', () => {
    const chunks = chunkDocument(page, { maxChars: 1200 });
    expect(chunks.map((chunk) => [chunk.id, chunk.ordinal, chunk.docId])).toEqual([
      ['seite.md#0', 0, 'seite.md'],
      ['seite.md#1', 1, 'seite.md'],
    ]);
    const expected = createHash('sha256')
      .update(`${searchableText(chunks[0]!)}\nhttps://www.gelsenkirchen.de/seite`)
      .digest('hex');
    expect(chunks[0]?.hash).toBe(expected);
  });

  it('gives the same ids and hashes on every run, and new hashes only where something changed', () => {
    const first = chunkDocument(page, { maxChars: 1200 });
    expect(chunkDocument(structuredClone(page), { maxChars: 1200 })).toEqual(first);
    const moved = chunkDocument({ ...page, url: 'https://www.gelsenkirchen.de/neu' }, { maxChars: 1200 });
    expect(moved.map((chunk) => chunk.hash)).not.toContain(first[0]?.hash);
    const edited = chunkDocument(
      { ...page, blocks: [...page.blocks.slice(0, 3), p('Neuer Text.')] },
      { maxChars: 1200 },
    );
    expect(edited[0]?.hash).toBe(first[0]?.hash);
    expect(edited[1]?.hash).not.toBe(first[1]?.hash);
  });

  it('rejects a maxChars that is not a positive integer', () => {
    expect(() => chunkDocument(page, { maxChars: 0 })).toThrow(RangeError);
  });
});
