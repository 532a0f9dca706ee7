import { describe, expect, it } from 'vitest';
import { cleanPdf } from '../../../ingestion/clean/pdf.js';
import { makePdf, merkblattPages } from './make-pdf.js';

const input = { id: 'merkblaetter/personalausweis.pdf', sourceId: 'corpus' };

describe('cleanPdf', () => {
  it('joins wrapped lines, undoes hyphenation and recovers numbered headings and lists', async () => {
    const bytes = await makePdf(merkblattPages(), {
      title: 'Merkblatt Personalausweis',
      modified: new Date('2026-03-12T10:00:00Z'),
    });
    const doc = await cleanPdf(bytes, input);
    expect(doc.blocks).toEqual([
      { kind: 'heading', level: 1, text: 'Merkblatt Personalausweis' },
      { kind: 'heading', level: 2, text: 'Gebühren' },
      {
        kind: 'paragraph',
        text: 'Der Personalausweis kostet für Personen ab 24 Jahren 37,00 Euro. Für jüngere Personen beträgt die Gebühr 22,80 Euro.',
      },
      {
        kind: 'paragraph',
        text: 'Die Gebühr zahlen Sie bei der Antragstellung im Bürgercenter mit Girocard oder in bar.',
      },
      { kind: 'heading', level: 2, text: 'Unterlagen' },
      {
        kind: 'list',
        ordered: false,
        items: ['ein biometrisches Passfoto, das nicht älter als sechs Monate ist', 'der bisherige Ausweis'],
      },
      { kind: 'heading', level: 3, text: 'Bei Kindern' },
      { kind: 'paragraph', text: 'Beide Sorgeberechtigten müssen zustimmen.' },
    ]);
  });

  it('takes title and modification date from the PDF metadata', async () => {
    const bytes = await makePdf([['Erste Zeile', 'Ein Satz mit Inhalt.']], {
      title: 'Merkblatt Hundesteuer',
      modified: new Date('2026-01-15T12:00:00Z'),
    });
    const doc = await cleanPdf(bytes, input);
    expect(doc.title).toBe('Merkblatt Hundesteuer');
    expect(doc.updated).toBe('2026-01-15');
    expect(doc.format).toBe('pdf');
    expect(doc.metadata.pages).toBe(1);
  });

  it('uses the first line as title without title metadata and leaves the caller’s bytes intact', async () => {
    const bytes = await makePdf([['Wohngeld beantragen', 'Wohngeld ist ein Zuschuss zur Miete.']]);
    const copy = bytes.slice();
    const doc = await cleanPdf(bytes, input);
    expect(doc.title).toBe('Wohngeld beantragen');
    expect(bytes).toEqual(copy);
  });

  it('rejects a corrupt file', async () => {
    await expect(cleanPdf(new TextEncoder().encode('%PDF-1.4\nkaputt'), input)).rejects.toThrow(/PDF/);
  });
});
