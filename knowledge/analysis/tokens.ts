import { normalizeText } from './fold.js';

/** One token of normalised (NFKC, lower-case) text. */
export type Token =
  | { kind: 'word'; surface: string }
  | { kind: 'hyphenated'; surface: string; pieces: string[] }
  /** `joined` marks digit groups written with spaces ("116 117" → "116117"); not a surface word. */
  | { kind: 'number'; surface: string; joined?: boolean };

/** Receives tokens without allocating a `Token` per word (the hot path of indexing). */
export type TokenVisitor = (
  kind: Token['kind'],
  surface: string,
  pieces: string[] | undefined,
  joined: boolean,
) => void;

const RAW_TOKEN = /[\p{L}\p{M}\p{N}]+(?:[-‐‑.,][\p{L}\p{M}\p{N}]+)*/gu;
const SEPARATORS = /[-‐‑.,]/;
const NUMBER = /^[0-9]+(?:[.,][0-9]+)*$/;
const DIGITS = /^[0-9]+$/;
const HAS_LETTER = /\p{L}/u;
const HYPHENS = /[-‐‑]/;

/**
 * Splits text into words, hyphenated words and numbers. "37,00" and "1.000" stay one
 * number; "z.B." and "gelsenkirchen.de" become separate words; a run of digit groups
 * separated by single spaces ("116 117") also yields the joined number.
 */
export function scanTokens(text: string): Token[] {
  const tokens: Token[] = [];
  visitTokens(text, (kind, surface, pieces, joined) => {
    if (kind === 'hyphenated') tokens.push({ kind, surface, pieces: pieces ?? [] });
    else if (kind === 'number') tokens.push(joined ? { kind, surface, joined } : { kind, surface });
    else tokens.push({ kind, surface });
  });
  return tokens;
}

/** `scanTokens` as a visitor, in the same order. */
export function visitTokens(text: string, visit: TokenVisitor): void {
  const normalized = normalizeText(text);
  let run: string[] = [];
  let runEnd = -1;
  const flushRun = () => {
    if (run.length > 1) visit('number', run.join(''), undefined, true);
    run = [];
  };
  const pattern = new RegExp(RAW_TOKEN);
  for (let match = pattern.exec(normalized); match !== null; match = pattern.exec(normalized)) {
    const raw = match[0];
    const first = raw.charCodeAt(0);
    if (first >= 48 && first <= 57 && raw.length >= 2 && DIGITS.test(raw)) {
      if (run.length === 0 || match.index !== runEnd + 1 || normalized[runEnd] !== ' ') flushRun();
      run.push(raw);
      runEnd = match.index + raw.length;
      visit('number', raw, undefined, false);
      continue;
    }
    flushRun();
    if (!SEPARATORS.test(raw))
      visit(first >= 48 && first <= 57 && DIGITS.test(raw) ? 'number' : 'word', raw, undefined, false);
    else classify(raw, visit);
  }
  flushRun();
}

function classify(raw: string, visit: TokenVisitor): void {
  if (NUMBER.test(raw)) return visit('number', raw, undefined, false);
  for (const segment of raw.split(/[.,]/)) {
    if (!segment) continue;
    if (NUMBER.test(segment)) visit('number', segment, undefined, false);
    else if (!HYPHENS.test(segment)) visit('word', segment, undefined, false);
    else {
      const pieces = segment.split(HYPHENS).filter(Boolean);
      if (pieces.length > 1) visit('hyphenated', segment, pieces, false);
      else visit('word', pieces[0] ?? segment, undefined, false);
    }
  }
}

/** Whether a hyphenated token should also be indexed joined ("kfz-zulassung" yes, "10-12" no). */
export function joinsHyphenated(token: { pieces: string[] }): boolean {
  return token.pieces.some((piece) => HAS_LETTER.test(piece));
}

/**
 * Index terms of a number: the number as written, plus the forms people type instead:
 * "37,00" → 37,00 and 37; "1.000,50" → 1.000,50, 1000,50, 1000; "12.50" → 12,50 and 12;
 * dates and other dotted numbers → each group ("01.02.2024" → 01, 02, 2024).
 */
export function numberTerms(raw: string): string[] {
  if (DIGITS.test(raw)) return [raw];
  const terms = [raw];
  if (/^[0-9]{1,3}(?:\.[0-9]{3})+(?:,[0-9]+)?$/.test(raw)) {
    const canonical = raw.replace(/\./g, '');
    terms.push(canonical, canonical.split(',')[0] as string);
  } else if (/^[0-9]+,[0-9]+$/.test(raw)) {
    terms.push(raw.split(',')[0] as string);
  } else if (/^[0-9]+\.[0-9]{1,2}$/.test(raw)) {
    terms.push(raw.replace('.', ','), raw.split('.')[0] as string);
  } else {
    terms.push(...raw.split(/[.,]/).filter(Boolean));
  }
  return [...new Set(terms)];
}
