import type { AnyNode, Element, Text } from 'domhandler';
import { normaliseInline } from './text-normalise.js';

/**
 * Text helpers over the HTML tree (domhandler nodes, as cheerio parses them).
 */

/** Elements that start a new block of text. */
export const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'center',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
  'caption',
  'legend',
  'menu',
  'search',
]);

// DOM node types (domhandler implements `nodeType` like the DOM).
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** True for element nodes (tags, including script and style). */
export function isElement(node: AnyNode): node is Element {
  return node.nodeType === ELEMENT_NODE;
}

/** True for text nodes. */
export function isText(node: AnyNode): node is Text {
  return node.nodeType === TEXT_NODE;
}

/** True when an element contains a block-level element (e.g. `<a><div>…</div></a>`). */
export function hasBlockDescendant(element: Element): boolean {
  return element.children.some(
    (child) => isElement(child) && (BLOCK_TAGS.has(child.name) || hasBlockDescendant(child)),
  );
}

/** Whether an element is handled as a block (by tag or because it wraps blocks). */
export function isBlock(element: Element): boolean {
  return BLOCK_TAGS.has(element.name) || hasBlockDescendant(element);
}

/** How `collectText` renders line breaks and what it leaves out. */
export interface TextOptions {
  /** What a `<br>` becomes. */
  lineBreak: string;
  /** Elements to leave out (nested lists inside a list item). */
  skip?: (element: Element) => boolean;
}

/** The text of a node; block boundaries become spaces, `<br>` becomes `options.lineBreak`. */
export function collectText(node: AnyNode, options: TextOptions): string {
  if (isText(node)) return node.data.replace(/[ \t\r\n\f]+/g, ' ');
  if (!isElement(node)) return '';
  if (node.name === 'br') return options.lineBreak;
  if (options.skip?.(node)) return '';
  const inner = node.children.map((child) => collectText(child, options)).join('');
  return BLOCK_TAGS.has(node.name) ? ` ${inner} ` : inner;
}

/** Text with the source line breaks kept (for `<pre>`). */
export function rawText(node: AnyNode): string {
  if (isText(node)) return node.data;
  if (!isElement(node)) return '';
  return node.name === 'br' ? '\n' : node.children.map(rawText).join('');
}

/** The text of a node on one line, whitespace normalised. */
export function lineText(node: AnyNode, skip?: (element: Element) => boolean): string {
  return normaliseInline(collectText(node, { lineBreak: ' ', skip }));
}

/** Direct child elements with one of the given tag names. */
export function childElements(element: Element, names: Set<string>): Element[] {
  return element.children.filter((child): child is Element => isElement(child) && names.has(child.name));
}
