/** A child for `h`: nodes are appended, strings become text nodes, empty values are skipped. */
export type Child = Node | string | null | undefined | false;

/**
 * Creates an element with attributes and children. Strings always become text nodes, so
 * server text can never turn into markup; `true` sets an empty attribute, `undefined` skips it.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes?: Record<string, string | boolean | undefined> | null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : value);
  }
  append(element, children);
  return element;
}

export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/** The URL when it is absolute http(s), otherwise undefined: the only links the widget renders. */
export function safeHttpUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** A `tel:` href from a displayed number ("0209 169-0" → "tel:02091690"), or undefined. */
export function telHref(phone: string | undefined): string | undefined {
  if (!phone) return undefined;
  const digits = phone.replace(/[\s/().-]/g, '');
  return /^\+?\d{2,20}$/.test(digits) ? `tel:${digits}` : undefined;
}

/** Visually hidden text for screen readers. */
export const srOnly = (text: string): HTMLSpanElement => h('span', { class: 'sr' }, text);

/** A decorative 24×24 icon from one SVG path (hidden from assistive technology). */
export function icon(path: string, size = 20): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  for (const [name, value] of [
    ['viewBox', '0 0 24 24'],
    ['width', String(size)],
    ['height', String(size)],
    ['aria-hidden', 'true'],
    ['focusable', 'false'],
  ]) {
    svg.setAttribute(name!, value!);
  }
  const shape = document.createElementNS(ns, 'path');
  shape.setAttribute('d', path);
  svg.appendChild(shape);
  return svg;
}

export const CHAT_ICON = 'M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z';
export const THUMB_ICON =
  'M2 10h4v11H2zM8 21h9.5a2 2 0 0 0 1.9-1.4l2.4-7A2 2 0 0 0 20 10h-5.5l.9-4.3A2 2 0 0 0 13.5 3L8 9.5z';
