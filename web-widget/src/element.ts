import { ChatFailure, fetchConfig, sendFeedback, streamChat } from './api.js';
import { h } from './dom.js';
import { fill, pickLanguage, textsFor, type Texts } from './i18n.js';
import { toPlainText } from './markdown.js';
import { cacheConfig, loadCachedConfig, loadState, saveState, type SavedState } from './storage.js';
import { buildShell, type Shell } from './shell.js';
import { styles } from './styles.js';
import type { BotEntry, WidgetConfig } from './types.js';
import {
  renderBot,
  renderError,
  renderPending,
  renderStarters,
  renderUser,
  type ViewContext,
} from './view.js';

const COLOR = /^#[0-9a-f]{3,8}$/i;

/**
 * `<buergerbot-chat api="https://bot.example" lang="de" position="right" heading="…">`:
 * a launcher button and a chat panel in an open Shadow DOM. State lives in sessionStorage.
 */
export class BuergerbotChat extends HTMLElement {
  /** API origin used when the element has no `api` attribute (set by the loader script). */
  static defaultApi = '';

  private api = '';
  private language = 'de';
  private t: Texts = textsFor('de');
  private config: WidgetConfig = {};
  private state: SavedState = { entries: [], open: false };
  private busy = false;
  private abort: AbortController | undefined;
  private ui: Shell | undefined;

  connectedCallback(): void {
    if (this.ui) return;
    this.api = (this.getAttribute('api') || BuergerbotChat.defaultApi || location.origin).replace(/\/+$/, '');
    this.language = pickLanguage(this.getAttribute('lang'), document.documentElement.lang);
    this.t = textsFor(this.language);
    this.state = loadState(this.api);
    this.config = loadCachedConfig(this.api, this.language) ?? {};
    const root = this.attachShadow({ mode: 'open' });
    if ('adoptedStyleSheets' in root) {
      // Constructed sheets are not inline styles, so they work under a strict host-page CSP.
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(styles);
      root.adoptedStyleSheets = [sheet];
    } else (root as ShadowRoot).appendChild(h('style', null, styles));
    this.ui = this.build();
    root.appendChild(this.ui.wrapper);
    this.applyConfig();
    this.renderLog();
    if (this.state.open) this.open(false);
    if (!this.config.botName) {
      fetchConfig(this.api, this.language)
        .then((config) => {
          this.config = config;
          cacheConfig(this.api, this.language, config);
          this.applyConfig();
          if (this.state.entries.length === 0) this.renderLog();
        })
        .catch(() => undefined); // defaults stay; the chat itself reports connection problems
    }
  }

  disconnectedCallback(): void {
    this.abort?.abort();
  }

  private build(): Shell {
    const ui = buildShell(this.t, this.language, this.getAttribute('position') === 'left' ? 'left' : 'right');
    const { launcher, close, newChat, form, input } = ui;
    launcher.addEventListener('click', () => (this.state.open ? this.close() : this.open(true)));
    close.addEventListener('click', () => this.close());
    newChat.addEventListener('click', () => this.reset());
    ui.wrapper.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && this.state.open) {
        event.stopPropagation();
        this.close();
      }
      if (event.key === 'Tab' && this.state.open) this.keepFocusInside(event, ui.panel);
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.submit();
    });
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        this.submit();
      }
    });
    return ui;
  }

  /**
   * On small screens the panel covers the whole page, so it behaves as a modal dialog: Tab
   * cycles through its controls instead of reaching the hidden page behind it.
   */
  private keepFocusInside(event: KeyboardEvent, panel: HTMLElement): void {
    const fullScreen = matchMedia('(max-width:480px),(max-height:520px)').matches;
    if (fullScreen) panel.setAttribute('aria-modal', 'true');
    else panel.removeAttribute('aria-modal');
    if (!fullScreen) return;
    const focusable = [
      ...panel.querySelectorAll<HTMLElement>('button,a[href],textarea,input,[tabindex="0"]'),
    ].filter((element) => !element.hasAttribute('disabled') && element.getClientRects().length > 0);
    const first = focusable[0];
    const last = focusable.at(-1);
    const active = this.shadowRoot?.activeElement;
    if (!first || !last) return;
    if (event.shiftKey && active === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first.focus();
    }
  }

  private get view(): ViewContext {
    return {
      t: this.t,
      botName: this.config.botName ?? this.t.launcher,
      config: this.config,
      rate: (entry, rating, comment) => this.rate(entry, rating, comment),
    };
  }

  private applyConfig(): void {
    const ui = this.ui;
    if (!ui) return;
    const { primary, onPrimary } = this.config.colors ?? {};
    if (primary && COLOR.test(primary)) this.style.setProperty('--bb-cfg-primary', primary);
    if (onPrimary && COLOR.test(onPrimary)) this.style.setProperty('--bb-cfg-on-primary', onPrimary);
    ui.title.textContent = this.getAttribute('heading') || this.config.botName || this.t.launcher;
    const privacy = this.config.privacyNoticeUrl;
    ui.notice.replaceChildren(this.t.notice);
    if (privacy && /^https?:\/\//.test(privacy)) {
      ui.notice.append(
        ' ',
        h(
          'a',
          { href: privacy, target: '_blank', rel: 'noopener noreferrer' },
          this.t.privacy,
          h('span', { class: 'sr' }, ` ${this.t.newTab}`),
        ),
      );
    }
  }

  private open(focus: boolean): void {
    const ui = this.ui;
    if (!ui) return;
    ui.panel.hidden = false;
    ui.launcher.setAttribute('aria-expanded', 'true');
    this.state.open = true;
    this.save();
    ui.log.scrollTop = ui.log.scrollHeight;
    if (focus) ui.input.focus();
  }

  private close(): void {
    const ui = this.ui;
    if (!ui) return;
    ui.panel.hidden = true;
    ui.launcher.setAttribute('aria-expanded', 'false');
    this.state.open = false;
    this.save();
    ui.launcher.focus();
  }

  private reset(): void {
    this.abort?.abort();
    this.state = { entries: [], open: true };
    this.save();
    this.renderLog();
    this.announce('');
    this.ui?.input.focus();
  }

  private renderLog(): void {
    const ui = this.ui;
    if (!ui) return;
    const view = this.view;
    const entries = this.state.entries.map((entry) =>
      entry.role === 'user' ? renderUser(entry.text, view) : renderBot(entry, view),
    );
    const starters = this.config.starterQuestions ?? [];
    if (entries.length === 0 && starters.length > 0)
      entries.push(renderStarters(starters, view, (question) => void this.ask(question)));
    ui.log.replaceChildren(...entries);
  }

  private submit(): void {
    const ui = this.ui;
    if (!ui || this.busy) return;
    const question = ui.input.value.trim();
    if (!question) return;
    ui.input.value = '';
    void this.ask(question);
  }

  /** Sends one question; ignored while an answer is still coming (no double submit). */
  private async ask(question: string, retry = false): Promise<void> {
    const ui = this.ui;
    if (!ui || this.busy) return;
    this.busy = true;
    ui.send.setAttribute('aria-disabled', 'true');
    ui.log.querySelector('.starters')?.remove();
    ui.log.querySelector('.error')?.remove();
    this.announce('');
    const view = this.view;
    if (!retry) {
      this.state.entries.push({ role: 'user', text: question });
      this.save();
      ui.log.appendChild(renderUser(question, view));
    }
    const pending = renderPending(view);
    ui.log.appendChild(pending.element);
    this.scrollDown();
    const abort = (this.abort = new AbortController());
    let text = '';
    let frame = 0;
    try {
      await streamChat(
        this.api,
        { message: question, conversationId: this.state.conversationId, lang: this.language },
        {
          onSources: (event) => {
            this.state.conversationId = event.conversationId;
          },
          onDelta: (delta) => {
            text += delta;
            frame ||= requestAnimationFrame(() => {
              frame = 0;
              pending.update(text);
              this.scrollDown();
            });
          },
          onEnd: (event) => {
            cancelAnimationFrame(frame);
            const entry: BotEntry = {
              role: 'bot',
              messageId: event.messageId,
              type: event.type,
              text: event.text,
              citations: event.citations ?? [],
              contact: event.contact,
            };
            this.state.conversationId = event.conversationId;
            this.state.entries.push(entry);
            this.save();
            pending.element.replaceWith(renderBot(entry, view));
            this.scrollDown();
            const prefix = entry.type === 'emergency' ? `${this.t.emergency}: ` : '';
            this.announce(`${view.botName}: ${prefix}${toPlainText(entry.text)}`);
          },
        },
        abort.signal,
      );
    } catch (error) {
      cancelAnimationFrame(frame);
      pending.element.remove();
      if (!abort.signal.aborted) this.fail(error, question);
    } finally {
      if (this.abort === abort) this.abort = undefined;
      this.busy = false;
      ui.send.removeAttribute('aria-disabled');
    }
  }

  private fail(error: unknown, question: string): void {
    const ui = this.ui;
    if (!ui) return;
    const failure = error instanceof ChatFailure ? error : new ChatFailure('network');
    const { t } = this;
    const message =
      failure.kind === 'rate_limited'
        ? `${t.rateLimited} ${failure.retryAfter ? fill(t.waitSeconds, { n: failure.retryAfter }) : t.waitMoment}`
        : t[failure.kind === 'too_long' ? 'tooLong' : failure.kind];
    ui.log.appendChild(renderError(message, this.view, () => void this.ask(question, true)));
    this.scrollDown();
    this.announce(`${t.error} ${message}`);
  }

  private async rate(entry: BotEntry, rating: 'up' | 'down', comment?: string): Promise<boolean> {
    const conversationId = this.state.conversationId;
    if (!conversationId) return false;
    const ok = await sendFeedback(this.api, { conversationId, messageId: entry.messageId, rating, comment });
    if (ok) {
      entry.rating = rating;
      this.save();
    }
    this.announce(ok ? this.t.thanks : this.t.feedbackFailed);
    return ok;
  }

  private announce(text: string): void {
    if (this.ui) this.ui.status.textContent = text;
  }

  private scrollDown(): void {
    if (this.ui) this.ui.log.scrollTop = this.ui.log.scrollHeight;
  }

  private save(): void {
    saveState(this.api, this.state);
  }
}
