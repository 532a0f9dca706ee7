import { CHAT_ICON, h, icon } from './dom.js';
import { directionOf, type Texts } from './i18n.js';

/** The widget's static DOM: launcher, dialog panel (header, notice, log, status, form). */
export type Shell = ReturnType<typeof buildShell>;

export function buildShell(t: Texts, language: string, position: 'left' | 'right') {
  const dir = directionOf(language);
  const launcher = h(
    'button',
    { type: 'button', class: 'launcher', 'aria-expanded': 'false', 'aria-controls': 'bb-panel' },
    icon(CHAT_ICON, 24),
    h('span', null, t.launcher),
  );
  const title = h('h2', { id: 'bb-title' });
  const iconButton = (label: string, glyph: string) =>
    h(
      'button',
      { type: 'button', class: 'icon', 'aria-label': label, title: label },
      h('span', { 'aria-hidden': 'true' }, glyph),
    );
  const newChat = iconButton(t.newChat, '↺');
  const close = iconButton(t.close, '✕');
  const notice = h('p', { class: 'notice' });
  // Not a live region: answers are announced once, complete, through `status`.
  const log = h('div', { class: 'log', role: 'region', 'aria-label': t.log, tabindex: '0' });
  const status = h('div', { class: 'sr', role: 'status' });
  const input = h('textarea', {
    id: 'bb-input',
    rows: '1',
    maxlength: '1000',
    placeholder: t.placeholder,
    autocomplete: 'off',
  });
  const send = h('button', { type: 'submit', class: 'send' }, t.send);
  const form = h(
    'form',
    { class: 'form' },
    h('label', { for: 'bb-input', class: 'sr' }, t.inputLabel),
    input,
    send,
  );
  const panel = h(
    'section',
    {
      id: 'bb-panel',
      class: 'panel',
      role: 'dialog',
      'aria-labelledby': 'bb-title',
      dir,
      lang: language,
      hidden: true,
    },
    h('div', { class: 'head' }, title, newChat, close),
    notice,
    log,
    status,
    form,
  );
  const wrapper = h('div', { class: `root ${position}`, dir, lang: language }, launcher, panel);
  return { wrapper, launcher, panel, title, newChat, close, notice, log, status, form, input, send };
}
