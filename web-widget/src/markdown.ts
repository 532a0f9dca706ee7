import { append, h, safeHttpUrl, telHref, type Child } from './dom.js';

/**
 * Renders the answer format ("markdown-light") as DOM nodes: paragraphs separated by blank
 * lines, "- " list lines, **bold**, [text](https://…) links and "[1]" citation markers.
 * Everything else stays literal text; no string is ever parsed as HTML.
 */
export interface RenderOptions {
  /** Appended to every link's accessible name, e.g. "(opens in a new tab)". */
  newTabNote: string;
  /** Turns emergency numbers (110, 112, 116 xxx, 0800 …) into tel: links. */
  linkPhones?: boolean;
}

const INLINE = /\*\*(.+?)\*\*|\[([^\]\n]+)\]\(([^)\s]+)\)|\[(\d{1,2})\]/g;
const PHONE = /(?<![\d])(11[02]|116 ?\d{3}|0800(?: ?\d{3,4}){1,3})(?![\d])/g;
const LIST_ITEM = /^\s*[-*•]\s+/;

export function renderMarkdown(text: string, options: RenderOptions): DocumentFragment {
  const fragment = document.createDocumentFragment();
  for (const block of text.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
    let paragraph: string[] = [];
    let list: HTMLUListElement | undefined;
    const flush = () => {
      if (paragraph.length > 0) {
        const p = h('p');
        paragraph.forEach((line, index) => {
          if (index > 0) p.appendChild(h('br'));
          append(p, inline(line, options));
        });
        fragment.appendChild(p);
        paragraph = [];
      }
    };
    for (const line of block.split('\n')) {
      if (!line.trim()) continue;
      if (LIST_ITEM.test(line)) {
        flush();
        if (!list) fragment.appendChild((list = h('ul')));
        list.appendChild(h('li', null, ...inline(line.replace(LIST_ITEM, ''), options)));
      } else {
        list = undefined;
        paragraph.push(line.trim());
      }
    }
    flush();
  }
  return fragment;
}

/** A link that opens in a new tab, safe by construction (http/https only, no opener, no referrer). */
export function externalLink(href: string, children: Child[], newTabNote: string): HTMLAnchorElement {
  return h(
    'a',
    { href, target: '_blank', rel: 'noopener noreferrer' },
    ...children,
    h('span', { class: 'sr' }, ` ${newTabNote}`),
  );
}

function inline(text: string, options: RenderOptions): Child[] {
  const nodes: Child[] = [];
  let last = 0;
  for (const match of text.matchAll(INLINE)) {
    const index = match.index;
    nodes.push(...phones(text.slice(last, index), options));
    const [whole, bold, label, href, marker] = match;
    const safe = safeHttpUrl(href);
    if (bold !== undefined) nodes.push(h('strong', null, ...inline(bold, options)));
    else if (label !== undefined && safe) nodes.push(externalLink(safe, [label], options.newTabNote));
    else if (label !== undefined) nodes.push(label);
    else if (marker !== undefined) nodes.push(h('span', { class: 'cite' }, `[${marker}]`));
    else nodes.push(whole);
    last = index + whole.length;
  }
  nodes.push(...phones(text.slice(last), options));
  return nodes;
}

function phones(text: string, options: RenderOptions): Child[] {
  if (!options.linkPhones || !text) return [text];
  const nodes: Child[] = [];
  let last = 0;
  for (const match of text.matchAll(PHONE)) {
    const href = telHref(match[0]);
    if (!href) continue;
    nodes.push(text.slice(last, match.index), h('a', { href, class: 'tel' }, match[0]));
    last = match.index + match[0].length;
  }
  nodes.push(text.slice(last));
  return nodes;
}

/** The answer as plain text, for the screen-reader announcement. */
export function toPlainText(text: string): string {
  return text
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .replace(/\[([^\]\n]+)\]\([^)\s]+\)/g, '$1')
    .replace(/^\s*[-*•]\s+/gm, '')
    .replace(/\s+/g, ' ')
    .trim();
}
