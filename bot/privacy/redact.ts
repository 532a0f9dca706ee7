import {
  BIRTH_MARKER,
  DATE,
  EMAIL,
  IBAN_DE,
  IBAN_OTHER,
  ID_DOCUMENT,
  MONTH_NUMBER,
  NOT_A_STREET,
  PHONE,
  PREPOSITION_ADDRESS,
  STREET_ADDRESS,
  TAX_ID,
} from './patterns.js';
import { compileAllowList, normalizePhone, type AllowList } from './allow-list.js';

/** The placeholders that replace personal data; stable, so logs and stored text stay readable. */
export const PLACEHOLDERS = {
  email: '[E-Mail]',
  phone: '[Telefon]',
  iban: '[IBAN]',
  taxId: '[Steuer-ID]',
  idDocument: '[Ausweisnummer]',
  birthDate: '[Geburtsdatum]',
  address: '[Adresse]',
} as const;

export interface RedactOptions {
  /**
   * Public data that must stay: the city's own phone numbers, e-mail addresses and office
   * addresses (see `profileAllowList`). Phone numbers compare by digits, so "0209 169-0"
   * also keeps "(0209) 1690" and "+49 209 169-0".
   */
  allow?: readonly string[];
  /** "Today" for the date-of-birth rule; defaults to the current date. */
  now?: Date;
}

/** Dates more than this many years back are treated as dates of birth. */
const BIRTH_DATE_MIN_AGE_YEARS = 14;
const MIN_PHONE_DIGITS = 6;
/**
 * Numbers that are never assigned to private persons (freephone, shared-cost, premium,
 * mass-call, directory enquiries), e.g. the TelefonSeelsorge 0800 111 0 111. 0700 numbers
 * are personal numbers and are redacted.
 */
const SERVICE_PREFIXES = ['0800', '0180', '0137', '0900', '0118'];

/**
 * Replaces German personal-data formats with placeholders: e-mail addresses, phone numbers,
 * IBANs, tax ids, ID-card/passport numbers, dates of birth and street addresses.
 *
 * Tuned to redact rather too much than too little: the result is what the bot stores
 * (conversation history, feedback), never what it shows. Short service numbers (110, 112,
 * 115, 116 117, …) and 0800/0180 service lines stay; deadlines ("bis 30.06.2027") stay;
 * fees and paragraphs ("37,00 Euro", "§ 9 PAuswG") stay.
 */
export function redactPersonalData(text: string, options: RedactOptions = {}): string {
  if (text === '') return text;
  const allow = compileAllowList(options.allow ?? []);
  const now = options.now ?? new Date();
  let result = text;
  result = result.replace(EMAIL, (match) => (allow.email(match) ? match : PLACEHOLDERS.email));
  result = result.replace(IBAN_DE, PLACEHOLDERS.iban);
  result = result.replace(IBAN_OTHER, redactOtherIban);
  result = result.replace(ID_DOCUMENT, (match) =>
    countDigits(match.slice(0, 9)) >= 2 ? PLACEHOLDERS.idDocument : match,
  );
  result = result.replace(DATE, (match, ...rest) => redactDate(match, rest, now));
  result = result.replace(PHONE, (match) => redactPhone(match, allow));
  result = result.replace(TAX_ID, PLACEHOLDERS.taxId);
  result = result.replace(STREET_ADDRESS, (match) => (allow.address(match) ? match : PLACEHOLDERS.address));
  result = result.replace(PREPOSITION_ADDRESS, (match, ...rest) =>
    redactPrepositionAddress(match, rest, allow),
  );
  return result;
}

/** True when `redactPersonalData` would change the text. */
export function containsPersonalData(text: string, options: RedactOptions = {}): boolean {
  return redactPersonalData(text, options) !== text;
}

const countDigits = (value: string) => value.replace(/\D/g, '').length;

function redactPhone(match: string, allow: AllowList): string {
  const digits = countDigits(match);
  if (digits < MIN_PHONE_DIGITS || digits > 16) return match;
  const normalized = normalizePhone(match);
  if (SERVICE_PREFIXES.some((prefix) => normalized.startsWith(prefix))) return match;
  return allow.phone(match) ? match : PLACEHOLDERS.phone;
}

/** Other countries' IBANs need a valid mod-97 checksum; a trailing word caught by the pattern is kept. */
function redactOtherIban(match: string): string {
  const groups = match.split(' ');
  for (let keep = groups.length; keep >= 1; keep--) {
    const candidate = groups.slice(0, keep).join('');
    if (candidate.length < 15) break;
    if (candidate.length <= 34 && isValidIban(candidate)) {
      const rest = groups.slice(keep).join(' ');
      return rest ? `${PLACEHOLDERS.iban} ${rest}` : PLACEHOLDERS.iban;
    }
  }
  return match;
}

export function isValidIban(compact: string): boolean {
  const rearranged = compact.slice(4) + compact.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged.toUpperCase()) {
    const value = /\d/.test(char) ? char : String(char.charCodeAt(0) - 55);
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

interface DateGroups {
  d1?: string;
  m1?: string;
  y1?: string;
  y2?: string;
  m2?: string;
  d2?: string;
  d3?: string;
  m3?: string;
  y3?: string;
}

function redactDate(match: string, rest: unknown[], now: Date): string {
  const groups = rest.at(-1) as DateGroups;
  const offset = rest.at(-3) as number;
  const input = rest.at(-2) as string;
  const day = Number(groups.d1 ?? groups.d2 ?? groups.d3);
  const month = groups.m3 ? monthFromName(groups.m3) : Number(groups.m1 ?? groups.m2);
  const year = expandYear(groups.y1 ?? groups.y2 ?? groups.y3 ?? '', now);
  if (!(day >= 1 && day <= 31 && month >= 1 && month <= 12)) return match;
  if (BIRTH_MARKER.test(input.slice(Math.max(0, offset - 30), offset))) return PLACEHOLDERS.birthDate;
  const cutoff = new Date(now.getFullYear() - BIRTH_DATE_MIN_AGE_YEARS, now.getMonth(), now.getDate());
  return new Date(year, month - 1, day) < cutoff ? PLACEHOLDERS.birthDate : match;
}

function monthFromName(name: string): number {
  return MONTH_NUMBER[name.toLowerCase().slice(0, 3)] ?? 0;
}

/** Two-digit years up to ten years ahead are this century ("27" → 2027), the rest the last ("85" → 1985). */
function expandYear(value: string, now: Date): number {
  const year = Number(value);
  if (value.length === 4) return year;
  const current = now.getFullYear();
  return 2000 + year > current + 10 ? 1900 + year : 2000 + year;
}

function redactPrepositionAddress(match: string, rest: unknown[], allow: AllowList): string {
  const groups = rest.at(-1) as { noun: string; number: string };
  const firstNoun = groups.noun.split(/\s/)[0]!.toLowerCase();
  if (NOT_A_STREET.has(firstNoun)) return match;
  // "Zur Polizei 110", "Im Notfall 112": an emergency or service number, not a house number.
  if (/^11\d$/.test(groups.number.trim())) return match;
  return allow.address(match) ? match : PLACEHOLDERS.address;
}
