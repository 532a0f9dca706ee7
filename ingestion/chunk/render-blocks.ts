import type { ContentBlock } from '../../knowledge/types.js';
import type { Piece } from './split-text.js';

/**
 * Content blocks → plain chunk text: paragraphs as they are, lists as "- item" lines
 * ("1. item" when ordered; nested items stay indented under their item), tables as one
 * list line per row ("- Leistung: Betrag", or "- Spalte: Wert; Spalte2: Wert2" for wider
 * tables).
 */

/**
 * One table row as a list line. Two-column rows read as "- Leistung: Betrag" (the header
 * adds nothing a reader needs); wider rows keep the column names.
 */
export function renderRow(cells: string[], header: string[] | undefined): string {
  const filled = cells.filter((cell) => cell !== '');
  if (filled.length === 0) return '';
  if (cells.length === 2 && filled.length === 2) return `- ${filled[0]}: ${filled[1]}`;
  if (header && header.some(Boolean)) {
    return `- ${cells
      .map((cell, index) => ({ name: header[index] ?? '', cell }))
      .filter(({ cell }) => cell !== '')
      .map(({ name, cell }) => (name ? `${name}: ${cell}` : cell))
      .join('; ')}`;
  }
  return `- ${filled.join(' | ')}`;
}

/** Lines of a block (list items and table rows are separate lines; headings yield none). */
export function blockLines(block: ContentBlock): string[] {
  switch (block.kind) {
    case 'heading':
      return [];
    case 'paragraph':
      return [block.text];
    case 'list':
      return block.items.map((item, index) => `${block.ordered ? `${index + 1}.` : '-'} ${item}`);
    case 'table':
      return block.rows.map((row) => renderRow(row, block.header)).filter(Boolean);
  }
}

/** A block as a piece for packing; lists and tables can be split between their lines. */
export function blockPiece(block: ContentBlock): Piece | undefined {
  const lines = blockLines(block);
  if (lines.length === 0) return undefined;
  const parts = lines.map((text) => ({ text, separator: '\n' }));
  return { text: lines.join('\n'), separator: '\n', parts: block.kind === 'paragraph' ? undefined : parts };
}

/** The text of blocks as it appears in a chunk. */
export function renderBlocks(blocks: ContentBlock[]): string {
  return blocks.flatMap(blockLines).join('\n');
}
