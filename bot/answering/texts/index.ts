import type { Language } from '../language.js';
import { ar } from './ar.js';
import { de } from './de.js';
import { en } from './en.js';
import { tr } from './tr.js';
import type { Texts } from './types.js';
import { uk } from './uk.js';

export type { Texts, OutOfScopeKind } from './types.js';

const TEXTS: Record<Language, Texts> = { de, en, tr, ar, uk };

/** The canned, reviewed sentences for one language. */
export function textsFor(lang: Language): Texts {
  return TEXTS[lang];
}
