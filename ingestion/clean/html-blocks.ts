import type { Element } from 'domhandler';
import type { ContentBlock } from '../../knowledge/types.js';
import {
  childElements,
  collectText,
  hasBlockDescendant,
  isBlock,
  isElement,
  lineText,
  rawText,
} from './html-text.js';
import { dataTable, isLayoutTable, tableRows } from './html-table.js';
import { hasContent, normaliseLines } from './text-normalise.js';

/**
 * Turns cleaned HTML into content blocks in reading order: headings, paragraphs, lists
 * (nested lists indented), definition lists ("Begriff: Beschreibung"), tables.
 * Runs on already-selected main content; it removes nothing itself.
 */

const PARAGRAPH_TAGS = new Set(['p', 'address', 'summary', 'figcaption', 'caption', 'legend', 'dt', 'dd']);
const LIST_TAGS = new Set(['ul', 'ol', 'menu']);

/** Nested lists of a list item that are not inside a deeper list item. */
function nestedLists(item: Element): Element[] {
  const found: Element[] = [];
  const visit = (node: Element) => {
    for (const child of node.children) {
      if (!isElement(child)) continue;
      if (LIST_TAGS.has(child.name)) found.push(child);
      else visit(child);
    }
  };
  visit(item);
  return found;
}

/**
 * Items of a list; each item is its own text, followed by its nested items as
 * indented lines ("  - Unterpunkt"), so an item stays together with its sub-items.
 */
function listItems(list: Element, depth: number): string[] {
  const items: string[] = [];
  for (const item of childElements(list, new Set(['li']))) {
    const own = lineText(item, (element) => LIST_TAGS.has(element.name));
    const lines = hasContent(own) ? [own] : [];
    for (const sub of nestedLists(item)) {
      listItems(sub, depth + 1).forEach((subItem, index) => {
        const [first = '', ...rest] = subItem.split('\n');
        const marker = sub.name === 'ol' ? `${index + 1}. ` : '- ';
        lines.push(first.startsWith(' ') ? first : `${'  '.repeat(depth + 1)}${marker}${first}`, ...rest);
      });
    }
    if (lines.length > 0) items.push(lines.join('\n'));
  }
  return items;
}

function definitionItems(list: Element): string[] {
  const items: string[] = [];
  let terms: string[] = [];
  let descriptions: string[] = [];
  const flush = () => {
    if (terms.length === 0 && descriptions.length === 0) return;
    const term = terms.join(' / ');
    const description = descriptions.join('; ');
    items.push(term && description ? `${term}: ${description}` : term || description);
    terms = [];
    descriptions = [];
  };
  const visit = (node: Element) => {
    for (const child of node.children) {
      if (!isElement(child)) continue;
      if (child.name === 'dt') {
        if (descriptions.length > 0) flush();
        const text = lineText(child);
        if (hasContent(text)) terms.push(text.replace(/:$/, ''));
      } else if (child.name === 'dd') {
        const text = lineText(child);
        if (hasContent(text)) descriptions.push(text);
      } else if (child.name === 'div') visit(child);
    }
  };
  visit(list);
  flush();
  return items;
}

function handleBlock(element: Element, out: ContentBlock[]): void {
  const name = element.name;
  const heading = /^h([1-6])$/.exec(name);
  if (heading) {
    const text = lineText(element);
    if (hasContent(text)) out.push({ kind: 'heading', level: Number(heading[1]), text });
  } else if (LIST_TAGS.has(name)) {
    const items = listItems(element, 0);
    if (items.length > 0) out.push({ kind: 'list', ordered: name === 'ol', items });
    else walkChildren(element, out);
  } else if (name === 'dl') {
    const items = definitionItems(element);
    if (items.length > 0) out.push({ kind: 'list', ordered: false, items });
  } else if (name === 'table') {
    const rows = tableRows(element);
    if (isLayoutTable(element, rows)) walkChildren(element, out);
    else {
      for (const caption of childElements(element, new Set(['caption']))) handleBlock(caption, out);
      const block = dataTable(element, rows);
      if (block) out.push(block);
    }
  } else if (name === 'pre') {
    const text = normaliseLines(rawText(element));
    if (hasContent(text)) out.push({ kind: 'paragraph', text });
  } else if (name === 'hr') {
    return;
  } else if (PARAGRAPH_TAGS.has(name) && !hasBlockDescendant(element)) {
    const text = normaliseLines(collectText(element, { lineBreak: '\n' }));
    if (hasContent(text)) out.push({ kind: 'paragraph', text });
  } else {
    walkChildren(element, out);
  }
}

function walkChildren(element: Element, out: ContentBlock[]): void {
  let inline = '';
  const flush = () => {
    const text = normaliseLines(inline);
    if (hasContent(text)) out.push({ kind: 'paragraph', text });
    inline = '';
  };
  for (const child of element.children) {
    if (isElement(child) && isBlock(child)) {
      flush();
      handleBlock(child, out);
    } else {
      inline += collectText(child, { lineBreak: '\n' });
    }
  }
  flush();
}

/** Extracts content blocks from an element (usually the main content or `<body>`), in document order. */
export function extractBlocks(root: Element): ContentBlock[] {
  const out: ContentBlock[] = [];
  if (isBlock(root)) handleBlock(root, out);
  else walkChildren(root, out);
  return out;
}
