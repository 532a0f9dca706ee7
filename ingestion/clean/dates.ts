/**
 * Date parsing for "last updated" information: ISO, HTTP and German formats → `YYYY-MM-DD`.
 */

const MONTHS: Record<string, number> = {
  januar: 1,
  jan: 1,
  jänner: 1,
  februar: 2,
  feb: 2,
  märz: 3,
  maerz: 3,
  mär: 3,
  mrz: 3,
  april: 4,
  apr: 4,
  mai: 5,
  juni: 6,
  jun: 6,
  juli: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sep: 9,
  sept: 9,
  oktober: 10,
  okt: 10,
  november: 11,
  nov: 11,
  dezember: 12,
  dez: 12,
};
const MONTH_NAMES = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|');

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/;
const GERMAN_NUMERIC = /(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}|\d{2})(?!\d)/;
const GERMAN_NAMED = new RegExp(`(\\d{1,2})\\.\\s*(${MONTH_NAMES})\\.?\\s+(\\d{4})`, 'i');
const LABEL =
  '(?:Stand|Zuletzt\\s+(?:aktualisiert|geändert|bearbeitet)|Letzte\\s+(?:Aktualisierung|Änderung)|Aktualisiert|Geändert)(?:\\s+am)?\\s*:?\\s*';
const VISIBLE = new RegExp(
  `${LABEL}(\\d{1,2}\\.\\s?\\d{1,2}\\.\\s?(?:\\d{4}|\\d{2})(?!\\d)|\\d{1,2}\\.\\s*(?:${MONTH_NAMES})\\.?\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2})`,
  'i',
);

function format(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return undefined;
  return date.toISOString().slice(0, 10);
}

/**
 * Parses a date in any of the forms found on city pages and in HTTP headers:
 * `2026-03-12`, `2026-03-12T10:00:00+01:00` (the date as written, no time-zone shift),
 * `12.03.2026`, `12. März 2026`, `Thu, 12 Mar 2026 10:00:00 GMT`, or a `Date`.
 * Returns `YYYY-MM-DD`, or undefined when the value is not a valid date.
 */
export function toIsoDate(value: string | Date | undefined | null): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  const text = value.trim();
  const iso = ISO.exec(text);
  if (iso) return format(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const named = GERMAN_NAMED.exec(text);
  if (named) return format(Number(named[3]), MONTHS[named[2]!.toLowerCase()] ?? 0, Number(named[1]));
  const numeric = GERMAN_NUMERIC.exec(text);
  if (numeric) {
    const year = numeric[3]!.length === 2 ? 2000 + Number(numeric[3]) : Number(numeric[3]);
    return format(year, Number(numeric[2]), Number(numeric[1]));
  }
  // HTTP dates ("Thu, 12 Mar 2026 10:00:00 GMT") and other English forms Date understands.
  if (/[a-z]{3}/i.test(text) && /\d{4}/.test(text)) {
    const parsed = new Date(text);
    if (!Number.isNaN(parsed.getTime())) return parsed.toISOString().slice(0, 10);
  }
  return undefined;
}

/** True for a line that only states the page date ("Stand: 12.03.2026"); it is metadata, not content. */
export function isDateLine(text: string): boolean {
  const match = VISIBLE.exec(text);
  return match !== null && match.index === 0 && match[0].length === text.trim().replace(/[.)]$/, '').length;
}

/**
 * Finds a labelled date in visible page text: "Stand: 12.03.2026",
 * "Zuletzt aktualisiert am 12. März 2026", "Letzte Änderung: 2026-03-12".
 */
export function findVisibleDate(text: string): string | undefined {
  const match = VISIBLE.exec(text.replace(/\s+/g, ' '));
  return match ? toIsoDate(match[1]) : undefined;
}
