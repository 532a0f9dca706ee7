import { PDFDocument, StandardFonts } from 'pdf-lib';

/** Writes a real PDF with one text line per entry (pages as arrays of lines), for tests. */
export async function makePdf(
  pages: string[][],
  meta: { title?: string; modified?: Date } = {},
): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  if (meta.title) pdf.setTitle(meta.title);
  if (meta.modified) pdf.setModificationDate(meta.modified);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (const lines of pages) {
    const page = pdf.addPage([595, 842]);
    lines.forEach((line, index) => page.drawText(line, { x: 56, y: 780 - index * 16, size: 11, font }));
  }
  return pdf.save();
}

/** A two-page "Merkblatt" with a hyphenated line break, numbered headings, a list and running footers. */
export function merkblattPages(): string[][] {
  return [
    [
      'Merkblatt Personalausweis',
      '1. Gebühren',
      'Der Personal-',
      'ausweis kostet für Personen ab 24 Jahren 37,00 Euro. Für jüngere',
      'Personen beträgt die Gebühr 22,80 Euro.',
      'Die Gebühr zahlen Sie bei der Antragstellung im Bürgercenter mit',
      'Girocard oder in bar.',
      '2. Unterlagen',
      '• ein biometrisches Passfoto, das nicht älter als',
      'sechs Monate ist',
      '• der bisherige Ausweis',
      'Stadt Gelsenkirchen – Bürgerservice',
      'Seite 1 von 2',
    ],
    [
      '2.1 Bei Kindern',
      'Beide Sorgeberechtigten müssen zustimmen.',
      'Stadt Gelsenkirchen – Bürgerservice',
      'Seite 2 von 2',
    ],
  ];
}
