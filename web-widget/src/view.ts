import { h, icon, safeHttpUrl, srOnly, telHref, THUMB_ICON } from './dom.js';
import { fill, type Texts } from './i18n.js';
import { externalLink, renderMarkdown } from './markdown.js';
import type { BotEntry, Citation, Contact, WidgetConfig } from './types.js';

/** What the message views need from the element. */
export interface ViewContext {
  t: Texts;
  botName: string;
  config: WidgetConfig;
  /** Sends a rating (and comment); resolves whether the server took it. */
  rate(entry: BotEntry, rating: 'up' | 'down', comment?: string): Promise<boolean>;
}

let uid = 0;

export function renderUser(text: string, context: ViewContext): HTMLElement {
  return h('div', { class: 'msg user' }, srOnly(`${context.t.you} `), h('span', { dir: 'auto' }, text));
}

/** A placeholder for an answer that is still streaming; `update` shows the text so far. */
export function renderPending(context: ViewContext): { element: HTMLElement; update(text: string): void } {
  const body = h('div', { class: 'body', dir: 'auto' }, h('p', { class: 'thinking' }, context.t.thinking));
  const element = h('div', { class: 'msg bot', 'aria-busy': 'true' }, srOnly(`${context.botName}: `), body);
  return {
    element,
    update: (text) => body.replaceChildren(renderMarkdown(text, { newTabNote: context.t.newTab })),
  };
}

export function renderBot(entry: BotEntry, context: ViewContext): HTMLElement {
  const { t } = context;
  const emergency = entry.type === 'emergency';
  const element = h(
    'div',
    { class: `msg bot${emergency ? ' emergency' : ''}`, 'data-type': entry.type },
    srOnly(`${context.botName}: `),
    emergency && h('p', { class: 'badge' }, h('span', { 'aria-hidden': 'true' }, '⚠ '), t.emergency),
    h(
      'div',
      { class: 'body', dir: 'auto' },
      renderMarkdown(entry.text, { newTabNote: t.newTab, linkPhones: emergency }),
    ),
  );
  if (entry.citations.length > 0 && !emergency) element.appendChild(renderSources(entry.citations, context));
  if (entry.type === 'no_answer' || entry.type === 'out_of_scope') {
    const contact = entry.contact ?? context.config.serviceCenter;
    if (contact) element.appendChild(renderContact(contact, context));
  }
  if (entry.messageId) element.appendChild(renderFeedback(entry, context));
  return element;
}

function renderSources(citations: Citation[], { t }: ViewContext): HTMLElement {
  const items = citations.map((citation) => {
    const url = safeHttpUrl(citation.url);
    const title = citation.title || url || '';
    return h(
      'li',
      { value: String(citation.n) },
      url ? externalLink(url, [title], t.newTab) : title,
      citation.updated &&
        h('span', { class: 'date' }, fill(t.updated, { date: formatDate(citation.updated, t.locale) })),
    );
  });
  return h('div', { class: 'sources' }, h('h3', null, t.sources), h('ol', null, ...items));
}

function renderContact(contact: Contact, { t, config }: ViewContext): HTMLElement {
  const line = (label: string, ...value: (Node | string)[]) => h('p', null, `${label}: `, ...value);
  const tel = telHref(contact.phone);
  const website = safeHttpUrl(contact.url);
  const hotline = config.hotline;
  const hotlineTel = telHref(hotline?.number);
  return h(
    'div',
    { class: 'contact' },
    h('h3', null, t.contact),
    h('p', null, h('strong', null, contact.name)),
    contact.phone && line(t.phone, tel ? h('a', { href: tel }, contact.phone) : contact.phone),
    contact.email &&
      line(
        t.email,
        /^[^\s@<>]+@[^\s@<>]+$/.test(contact.email)
          ? h('a', { href: `mailto:${contact.email}` }, contact.email)
          : contact.email,
      ),
    website && line(t.website, externalLink(website, [website.replace(/^https?:\/\//, '')], t.newTab)),
    contact.hours && line(t.hours, contact.hours),
    hotline &&
      hotlineTel &&
      line(
        hotline.label,
        h('a', { href: hotlineTel }, hotline.number),
        hotline.hours ? ` (${hotline.hours})` : '',
      ),
  );
}

function renderFeedback(entry: BotEntry, context: ViewContext): HTMLElement {
  const { t } = context;
  const labelId = `bb-fb-${++uid}`;
  const note = h('span', { class: 'sr' });
  const group = h(
    'div',
    { class: 'feedback', role: 'group', 'aria-labelledby': labelId },
    h('span', { id: labelId }, t.helpful),
  );
  const buttons = (['up', 'down'] as const).map((rating) => {
    const button = h(
      'button',
      { type: 'button', class: `chip ${rating}`, 'aria-pressed': String(entry.rating === rating) },
      icon(THUMB_ICON, 18),
      rating === 'up' ? t.up : t.down,
    );
    button.addEventListener('click', () => {
      if (entry.rating === rating) return;
      buttons.forEach((other, index) =>
        other.setAttribute('aria-pressed', String(index === (rating === 'up' ? 0 : 1))),
      );
      void context.rate(entry, rating).then((ok) => {
        note.textContent = ok ? t.thanks : t.feedbackFailed;
        note.className = '';
        if (!ok)
          buttons.forEach((other) =>
            other.setAttribute(
              'aria-pressed',
              String(entry.rating === (other === buttons[0] ? 'up' : 'down')),
            ),
          );
        else if (!group.querySelector('form')) group.appendChild(commentForm(entry, context, note));
      });
    });
    return button;
  });
  group.append(...buttons, note);
  return group;
}

function commentForm(entry: BotEntry, context: ViewContext, note: HTMLElement): HTMLFormElement {
  const id = `bb-c-${++uid}`;
  const field = h('textarea', { id, rows: '2', maxlength: '1000' });
  const form = h(
    'form',
    { class: 'comment' },
    h('label', { for: id }, context.t.comment),
    field,
    h('button', { type: 'submit', class: 'chip' }, context.t.commentSend),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const comment = field.value.trim();
    if (!comment || !entry.rating) return;
    void context.rate(entry, entry.rating, comment).then((ok) => {
      note.textContent = ok ? context.t.thanks : context.t.feedbackFailed;
      if (ok) form.remove();
    });
  });
  return form;
}

export function renderError(message: string, context: ViewContext, retry: () => void): HTMLElement {
  const button = h('button', { type: 'button', class: 'retry' }, context.t.retry);
  button.addEventListener('click', retry);
  return h(
    'div',
    { class: 'msg error' },
    h('p', null, h('strong', null, context.t.error), ' ', message),
    button,
  );
}

export function renderStarters(
  questions: string[],
  context: ViewContext,
  pick: (question: string) => void,
): HTMLElement {
  const items = questions.map((question) => {
    const button = h('button', { type: 'button', class: 'starter' }, question);
    button.addEventListener('click', () => pick(question));
    return h('li', null, button);
  });
  return h('div', { class: 'starters' }, h('h3', null, context.t.starters), h('ul', null, ...items));
}

/** "2025-03-12" → "12.03.2025" (de); unparsable values are shown as given. */
export function formatDate(value: string, locale: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(locale, {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}
