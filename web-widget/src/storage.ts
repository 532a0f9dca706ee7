import type { Entry, WidgetConfig } from './types.js';

/** What survives navigation within the site: kept in sessionStorage (per tab), never cookies. */
export interface SavedState {
  conversationId?: string;
  entries: Entry[];
  open: boolean;
}

const MAX_ENTRIES = 40;

function storage(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined; // blocked storage (privacy settings): the widget still works, just forgets
  }
}

const stateKey = (api: string) => `buergerbot:${api}`;
const configKey = (api: string, lang: string) => `buergerbot-config:${api}:${lang}`;

export function loadState(api: string): SavedState {
  try {
    const raw = storage()?.getItem(stateKey(api));
    const parsed = raw ? (JSON.parse(raw) as Partial<SavedState>) : {};
    return {
      conversationId: typeof parsed.conversationId === 'string' ? parsed.conversationId : undefined,
      entries: Array.isArray(parsed.entries) ? parsed.entries : [],
      open: parsed.open === true,
    };
  } catch {
    return { entries: [], open: false };
  }
}

export function saveState(api: string, state: SavedState): void {
  try {
    storage()?.setItem(
      stateKey(api),
      JSON.stringify({ ...state, entries: state.entries.slice(-MAX_ENTRIES) }),
    );
  } catch {
    // Quota or blocked storage: persistence is a convenience, not a requirement.
  }
}

export function loadCachedConfig(api: string, lang: string): WidgetConfig | undefined {
  try {
    const raw = storage()?.getItem(configKey(api, lang));
    return raw ? (JSON.parse(raw) as WidgetConfig) : undefined;
  } catch {
    return undefined;
  }
}

export function cacheConfig(api: string, lang: string, config: WidgetConfig): void {
  try {
    storage()?.setItem(configKey(api, lang), JSON.stringify(config));
  } catch {
    // ignored, as above
  }
}
