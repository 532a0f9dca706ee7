import { createHash } from 'node:crypto';
import type { CleanDocument, ContentBlock } from '../../knowledge/types.js';

/** Invented town names; variant n of the corpus belongs to one of them. */
const TOWNS = [
  'Nordheim',
  'Südwalde',
  'Ostbrück',
  'Westerau',
  'Lindenfeld',
  'Birkenhain',
  'Eichstett',
  'Mühlbach',
  'Rosental',
  'Kirchau',
  'Steinfurt',
  'Talheim',
];
/** Districts substituted for place names so variants differ in more than one word. */
const DISTRICTS = [
  'Altstadt',
  'Neustadt',
  'Oberdorf',
  'Unterdorf',
  'Hafenviertel',
  'Bergviertel',
  'Am Markt',
  'Schlossberg',
];

/** A deterministic pseudo-random number in 0..1 from a string (stable across runs). */
function hashUnit(text: string): number {
  return createHash('sha1').update(text).digest().readUInt32BE(0) / 0xffffffff;
}

/** Rewrites one text for variant `n`: another town name, other numbers, a district name. */
export function varyText(text: string, variant: number, cityName: string): string {
  const town = `${TOWNS[variant % TOWNS.length] ?? 'Nordheim'}${variant >= TOWNS.length ? `-${Math.floor(variant / TOWNS.length)}` : ''}`;
  const district = DISTRICTS[variant % DISTRICTS.length] ?? 'Altstadt';
  return text
    .replaceAll(cityName, town)
    .replace(/\b(Buer|Horst|Erle|Hassel|Ückendorf|Schalke|Bismarck|Resse)\b/g, district)
    .replace(/\d+/g, (digits) => {
      // Keep the number's length (so dates and postcodes still look like them), shift its value.
      const shifted =
        (Number(digits) + variant * 7 + Math.floor(hashUnit(`${digits}:${variant}`) * 5)) %
        10 ** digits.length;
      return String(shifted).padStart(digits.length, '0');
    });
}

function varyBlock(block: ContentBlock, variant: number, cityName: string): ContentBlock {
  const vary = (text: string) => varyText(text, variant, cityName);
  switch (block.kind) {
    case 'heading':
    case 'paragraph':
      return { ...block, text: vary(block.text) };
    case 'list':
      return { ...block, items: block.items.map(vary) };
    case 'table':
      return {
        ...block,
        rows: block.rows.map((row) => row.map(vary)),
        ...(block.header ? { header: block.header.map(vary) } : {}),
      };
  }
}

/** Variant `n` of a cleaned document, with its own id and url. */
export function varyDocument(document: CleanDocument, variant: number, cityName: string): CleanDocument {
  return {
    ...document,
    id: `synthetic/${variant}/${document.id}`,
    ...(document.url
      ? { url: `${document.url}${document.url.includes('?') ? '&' : '?'}variant=${variant}` }
      : {}),
    title: varyText(document.title, variant, cityName),
    sourceId: 'synthetic',
    blocks: document.blocks.map((block) => varyBlock(block, variant, cityName)),
    ...(document.fields
      ? {
          fields: document.fields.map((field) => ({
            ...field,
            blocks: field.blocks.map((block) => varyBlock(block, variant, cityName)),
          })),
        }
      : {}),
  };
}

/**
 * Documents from varying the base pages until `chunkCount(documents)` reaches the target.
 * Variant 0 is the base corpus itself, so the real questions still find their pages.
 */
export function* syntheticDocuments(
  base: readonly CleanDocument[],
  cityName: string,
): Generator<CleanDocument, void, undefined> {
  yield* base;
  for (let variant = 1; ; variant += 1)
    for (const document of base) yield varyDocument(document, variant, cityName);
}
