import type { Element } from 'domhandler';
import type { ContentBlock } from '../../knowledge/types.js';
import { childElements, isElement, lineText } from './html-text.js';
import { hasContent } from './text-normalise.js';

/**
 * HTML tables → table blocks. Layout tables (nested tables, headings in cells, one
 * column, role=presentation) are not data: the caller walks their cells instead.
 */

const CELLS = new Set(['td', 'th']);

/** The rows of a table, without rows of nested tables. */
export function tableRows(table: Element): Element[] {
  const rows: Element[] = [];
  const visit = (node: Element) => {
    for (const child of node.children) {
      if (!isElement(child)) continue;
      if (child.name === 'tr') rows.push(child);
      else if (child.name === 'thead' || child.name === 'tbody' || child.name === 'tfoot') visit(child);
    }
  };
  visit(table);
  return rows;
}

/** True when a table is used for page layout rather than data. */
export function isLayoutTable(table: Element, rows: Element[]): boolean {
  const cells = (row: Element) => childElements(row, CELLS);
  const nestedStructure = (node: Element): boolean =>
    node.children.some(
      (child) =>
        isElement(child) && (child.name === 'table' || /^h[1-6]$/.test(child.name) || nestedStructure(child)),
    );
  return (
    table.attribs.role === 'presentation' ||
    rows.every((row) => cells(row).length <= 1) ||
    nestedStructure(table)
  );
}

/** A table block with a header row (from `<thead>` or a row of `<th>`), or undefined when empty. */
export function dataTable(table: Element, rows: Element[]): ContentBlock | undefined {
  const cellTexts = (row: Element) => childElements(row, CELLS).map((cell) => lineText(cell));
  const first = rows[0];
  let header: string[] | undefined;
  let body = rows;
  if (first) {
    const inHead = first.parent !== null && isElement(first.parent) && first.parent.name === 'thead';
    const allTh = childElements(first, CELLS).every((cell) => cell.name === 'th');
    if (inHead || allTh) {
      header = cellTexts(first);
      body = rows.slice(1);
    }
  }
  const bodyRows = body.map(cellTexts).filter((cells) => cells.some(hasContent));
  if (bodyRows.length === 0) return undefined;
  return header && header.some(hasContent)
    ? { kind: 'table', rows: bodyRows, header }
    : { kind: 'table', rows: bodyRows };
}
