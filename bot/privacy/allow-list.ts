import type { CityProfile } from '../../config/index.js';
import { EMAIL, PHONE } from './patterns.js';

/** Compiled allow-list: public contact data that redaction must keep. */
export interface AllowList {
  phone(match: string): boolean;
  email(match: string): boolean;
  address(match: string): boolean;
}

const cache = new WeakMap<readonly string[], AllowList>();

/** Digits only, country code 49 folded into the national 0, "(0)" dropped. */
export function normalizePhone(value: string): string {
  let digits = value.replace(/\(0\)/g, '').replace(/[^\d+]/g, '');
  if (digits.startsWith('+')) digits = '00' + digits.slice(1);
  if (digits.startsWith('0049')) digits = '0' + digits.slice(4);
  return digits;
}
const tokens = (value: string): string[] =>
  value
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/** True when `needle` occurs as a contiguous run of whole tokens inside `haystack`. */
function containsRun(haystack: string[], needle: string[]): boolean {
  if (needle.length === 0) return false;
  outer: for (let start = 0; start + needle.length <= haystack.length; start++) {
    for (let index = 0; index < needle.length; index++) {
      if (haystack[start + index] !== needle[index]) continue outer;
    }
    return true;
  }
  return false;
}

/**
 * Builds the matchers for one allow-list. Entries may hold several items ("0800 111 0 111
 * oder 0800 111 0 222"); phone numbers and e-mail addresses are pulled out of each entry,
 * and an address is kept when it is part of an entry ("Ebertstraße 11" of
 * "Hans-Sachs-Haus, Ebertstraße 11, 45879 Gelsenkirchen").
 */
export function compileAllowList(entries: readonly string[]): AllowList {
  const cached = cache.get(entries);
  if (cached) return cached;
  const phones = new Set<string>();
  const emails = new Set<string>();
  const tokenLists = entries.map(tokens);
  for (const entry of entries) {
    for (const match of entry.matchAll(PHONE)) phones.add(normalizePhone(match[0]));
    for (const match of entry.matchAll(EMAIL)) emails.add(match[0].toLowerCase());
  }
  const compiled: AllowList = {
    phone: (match) => phones.has(normalizePhone(match)),
    email: (match) => emails.has(match.toLowerCase()),
    address: (match) => tokenLists.some((list) => containsRun(list, tokens(match))),
  };
  cache.set(entries, compiled);
  return compiled;
}

/**
 * The city's public contact data from its profile (service centre, contacts, hotline,
 * emergency numbers): pass it as `allow` so the bot's own answers keep them when stored.
 */
export function profileAllowList(profile: CityProfile): string[] {
  const contacts = [profile.serviceCenter, ...profile.contacts];
  const entries = contacts.flatMap((contact) => [contact.phone, contact.email, contact.address]);
  entries.push(profile.hotline?.number, ...profile.emergency.map((number) => number.number));
  return entries.filter((entry): entry is string => typeof entry === 'string' && entry.trim() !== '');
}
