/**
 * String normalisation for `must_include` / `must_not_include` checks: both the expected
 * string and the answer go through `normalizeText`, so `37,00 €`, `37,00 Euro`,
 * `37,00 EUR`, `€ 37` and `37 Euro` all become `37 eur`, and `1.234,50` becomes `1234.5`.
 */

const CURRENCY = String.raw`(?:€|\beuro\b|\beur\b)`;
const NUMBER = String.raw`\d+(?:[.,]\d+)*`;

/** Markdown-light syntax the answers use: drop emphasis marks, keep link text and target. */
function stripMarkup(text: string): string {
  return text
    .replace(/\[([^\]]*)\]\(([^)\s]*)\)/g, '$1 ($2)')
    .replace(/\*\*|__|`/g, '')
    .replace(/(^|\s)\*(?=\S)|(?<=\S)\*(?=\s|$)/g, '$1');
}

/**
 * Canonical form of one number token: a German or English grouped/decimal number
 * becomes plain digits with `.` as the decimal point and no trailing zeros.
 * German conventions win where a token is ambiguous: a lone comma is a decimal comma,
 * a lone dot followed by exactly three digits is a thousands separator.
 */
export function normalizeNumber(token: string): string {
  const separators = token.replace(/\d/g, '');
  if (separators === '') return stripLeadingZeros(token);
  const last = Math.max(token.lastIndexOf('.'), token.lastIndexOf(','));
  const lastSeparator = token[last];
  const mixed = separators.includes('.') && separators.includes(',');
  const repeated = separators.length > 1;
  const fraction = token.slice(last + 1);
  let decimalSeparator: string | undefined;
  if (mixed) decimalSeparator = lastSeparator;
  else if (repeated) decimalSeparator = undefined;
  else if (lastSeparator === ',') decimalSeparator = ',';
  else decimalSeparator = fraction.length === 3 ? undefined : '.';

  if (decimalSeparator === undefined) return stripLeadingZeros(token.replace(/[.,]/g, ''));
  const integer = token.slice(0, last).replace(/[.,]/g, '');
  const decimals = fraction.replace(/0+$/, '');
  return decimals === '' ? stripLeadingZeros(integer) : `${stripLeadingZeros(integer)}.${decimals}`;
}

function stripLeadingZeros(digits: string): string {
  // Phone numbers and postcodes keep their leading zero ("0209", "08001110111").
  return digits.length > 1 && digits.startsWith('0') ? digits : digits.replace(/^0+(?=\d)/, '');
}

/** Dates as `d.m.yyyy` without leading zeros, so `01.02.2025` ~ `1.2.2025`. */
function normalizeDates(text: string): string {
  return text.replace(
    /\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b/g,
    (_match, day: string, month: string, year: string) => `${Number(day)}\uE000${Number(month)}\uE000${year}`,
  );
}

/** Clock times as `h:mm`: `08.30 Uhr` ~ `8:30 Uhr`, `8 Uhr` ~ `8:00 Uhr`. */
function normalizeTimes(text: string): string {
  return text
    .replace(/\b(\d{1,2})[.:](\d{2})(?=\s?uhr\b)/g, '$1:$2')
    .replace(/(?<![\d:.,])(\d{1,2})(?=\s?uhr\b)/g, '$1:00')
    .replace(/\b0(\d):(\d{2})\b/g, '$1:$2');
}

/**
 * Lower-cases, unifies Unicode forms, dashes, quotes and spaces, removes markdown
 * emphasis, and canonicalises numbers, dates, clock times and euro amounts.
 */
export function normalizeText(text: string): string {
  let value = stripMarkup(text.normalize('NFKC'))
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[„“”«»]/g, '"')
    .replace(/[‚‘’]/g, "'")
    .replace(/\s+/g, ' ');
  value = normalizeTimes(normalizeDates(value));
  // "37,- €" / "37,– Euro": the dash stands for zero cents.
  value = value.replace(/(\d),-(?!\d)/g, '$1');
  value = value.replace(new RegExp(NUMBER, 'g'), (token) => normalizeNumber(token));
  // Currency before the amount ("€ 37", "EUR 37") moves behind it; every spelling becomes "eur".
  value = value.replace(new RegExp(`${CURRENCY}\\s?(\\d[\\d.]*)`, 'g'), '$1 eur');
  value = value.replace(new RegExp(`(\\d)\\s?${CURRENCY}`, 'g'), '$1 eur');
  value = value.replace(/\uE000/g, '.');
  return value.replace(/\s+/g, ' ').trim();
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * True when `needle` occurs in `haystack` after normalising both. A needle that starts
 * or ends with a digit must not continue a longer number ("37" is not in "137" or "37.5").
 */
export function containsNormalized(haystack: string, needle: string): boolean {
  const normalizedNeedle = normalizeText(needle);
  if (normalizedNeedle === '') return true;
  const before = /^\d/.test(normalizedNeedle) ? String.raw`(?<![\d.])` : '';
  const after = /\d$/.test(normalizedNeedle) ? String.raw`(?!\d|[.,:]\d)` : '';
  return new RegExp(`${before}${escapeRegExp(normalizedNeedle)}${after}`).test(normalizeText(haystack));
}
