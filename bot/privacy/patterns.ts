/**
 * Regular expressions for German personal-data formats. Kept apart from the replacement
 * logic so each pattern can be read (and reviewed) on its own. All are global; callers
 * must not share `lastIndex` state (`String.replace` resets it).
 */

/** `name@example.de`, also the common obfuscations `name (at) example.de` / `[at]`. */
export const EMAIL =
  /[\p{L}\p{N}._%+-]+(?:@|\s?[([]at[)\]]\s?)[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/giu;

/** German IBAN: DE + 2 check digits + 18 digits, with or without groups of four. */
export const IBAN_DE = /(?<![\p{L}\p{N}])DE\s?\d{2}(?:\s?\d{4}){4}\s?\d{2}(?![\p{L}\p{N}])/giu;

/** Any other IBAN shape (uppercase, 15–34 characters); confirmed with the mod-97 check. */
export const IBAN_OTHER =
  /(?<![\p{L}\p{N}])[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?(?![\p{L}\p{N}])/gu;

/**
 * ID-card / passport serial: 9 characters from the alphabet the Bundesdruckerei uses
 * (C F G H J K L M N P R T V W X Y Z and digits), starting with a letter, optionally
 * followed by the check digit and the nationality letter "D" of the machine-readable zone.
 * The caller requires at least two digits so that consonant-only words never match.
 */
export const ID_DOCUMENT =
  /(?<![\p{L}\p{N}])[CFGHJKLMNPRTVWXYZ][CFGHJKLMNPRTVWXYZ0-9]{8}(?:[ -]?\d)?(?:[ -]?D)?(?![\p{L}\p{N}])/giu;

/** Steuer-ID: 11 digits, first not 0, plain or grouped 2-3-3-3. */
export const TAX_ID = /(?<![\p{N}+])[1-9]\d(?: ?\d{3}){3}(?![\p{N}])/gu;

/**
 * Phone numbers that start with +, 00, 0 or "(0": +49 209 169-0, 0049 …, 0209 12345,
 * 0170/1234567, (0209) 169-0. Service numbers such as 110, 112, 115, 116 117 never start
 * with 0 and so never match. The caller checks the digit count.
 */
export const PHONE =
  /(?<![\p{L}\p{N}+/])(?:(?:\+|00)[1-9]\d{0,2}(?:[ \-/]?\(0\))?|\(0\d{1,5}\)|0(?=\d))(?:[ \-/]?\d){3,14}(?![\p{L}\p{N}])/gu;

const MONTHS =
  'Januar|Jänner|Februar|März|Maerz|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|' +
  'Jan\\.?|Feb\\.?|Mär\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sep\\.?|Sept\\.?|Okt\\.?|Nov\\.?|Dez\\.?|' +
  'January|February|March|May|June|July|October|December';

/** Full calendar dates: 12.03.1985, 1.3.85, 1985-03-12, 12. März 1985, March 12, 1985 is not covered. */
export const DATE = new RegExp(
  '(?<![\\p{L}\\p{N}.])(?:' +
    '(?<d1>\\d{1,2})\\.\\s?(?<m1>\\d{1,2})\\.\\s?(?<y1>\\d{4}|\\d{2})' +
    '|(?<y2>\\d{4})-(?<m2>\\d{2})-(?<d2>\\d{2})' +
    `|(?<d3>\\d{1,2})\\.?\\s+(?<m3>${MONTHS})\\s+(?<y3>\\d{4})` +
    ')(?![\\p{N}]|\\.\\d)',
  'giu',
);

/** A birth marker directly before a date ("geb. ", "geboren am ", "Geburtsdatum: ", "born "). */
export const BIRTH_MARKER =
  /(?:geb\.?|geboren(?:\s+am)?|geburtsdatum|geburtstag|born(?:\s+on)?|date\s+of\s+birth|d\.?o\.?b\.?)\s*:?\s*$/iu;

export const MONTH_NUMBER: Record<string, number> = {
  jan: 1,
  jän: 1,
  feb: 2,
  mär: 3,
  mae: 3,
  mar: 3,
  apr: 4,
  mai: 5,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  okt: 10,
  oct: 10,
  nov: 11,
  dez: 12,
  dec: 12,
};

const STREET_SUFFIXES = [
  'straße',
  'strasse',
  'str.',
  'weg',
  'gasse',
  'platz',
  'allee',
  'ring',
  'damm',
  'ufer',
  'chaussee',
  'pfad',
  'steig',
  'stieg',
  'markt',
  'wall',
  'graben',
  'zeile',
  'kamp',
  'promenade',
  'twiete',
];
const escape = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const capitalize = (value: string) => value[0]!.toUpperCase() + value.slice(1);
const lower = STREET_SUFFIXES.map(escape).join('|');
const capital = STREET_SUFFIXES.map((suffix) => escape(capitalize(suffix))).join('|');
/**
 * Suffix words that name a street on their own ("Weg 12"). "Platz 1", "Ring 3" or "Zeile 3"
 * alone are usually something else; with a preposition ("Am Markt 3") the caller catches them.
 */
const standalone = ['straße', 'strasse', 'str.', 'weg', 'gasse', 'allee', 'chaussee', 'promenade']
  .map((suffix) => escape(capitalize(suffix)))
  .join('|');

/** "Musterstraße 12", "Hauptstr. 5a", "Kurt-Schumacher-Str. 3", "Weg 12". */
const STREET_NAME = `(?:[A-ZÄÖÜ][\\p{L}-]*?(?:${lower})|[A-ZÄÖÜ][\\p{L}-]*-(?:${capital})|(?:${standalone}))`;
/** "Am Rathaus 1", "An der Rennbahn 7", "im Grünen Winkel 4" (the caller filters non-street nouns). */
const PREPOSITION =
  '(?:[Aa]m|[Aa]n\\s+(?:der|den|dem)|[Aa]uf\\s+(?:der|dem|den)|[Ii]m|[Ii]n\\s+(?:der|den)|[Zz]um|[Zz]ur|[Uu]nter\\s+den|[Hh]inter\\s+(?:der|dem|den)|[Vv]or\\s+(?:der|dem|den))';
const HOUSE_NUMBER =
  '[1-9]\\d{0,2}(?:\\s?[a-zA-Z](?![\\p{L}]))?(?:\\s?[-–/]\\s?[1-9]\\d{0,2}[a-zA-Z]?)?(?![\\p{N}]|[.,]\\d)';
const POSTAL_CITY =
  '(?:,?\\s+(?:D-)?\\d{5}\\s+[A-ZÄÖÜ][\\p{L}-]+(?:\\s(?:an der|am|im|in der)?\\s?[A-ZÄÖÜ][\\p{L}-]+)?)?';

export const STREET_ADDRESS = new RegExp(
  `(?<![\\p{L}\\p{N}-])${STREET_NAME}\\s*${HOUSE_NUMBER}${POSTAL_CITY}`,
  'gu',
);

export const PREPOSITION_ADDRESS = new RegExp(
  `(?<![\\p{L}\\p{N}-])${PREPOSITION}\\s+(?<noun>[A-ZÄÖÜ][\\p{L}-]+(?:\\s[A-ZÄÖÜ][\\p{L}-]+)?)\\s+(?<number>${HOUSE_NUMBER})${POSTAL_CITY}`,
  'gu',
);

/**
 * Nouns after "am/im/in der …" that are not street names ("im Jahr 2024", "in der Regel 3",
 * "im Notfall 112", "im Raum 204"). Compared in lower case.
 */
export const NOT_A_STREET = new Set(
  (
    'jahr jahre jahren monat monate monaten woche wochen tag tage tagen stunde stunden minute minuten ' +
    'regel fall notfall rahmen kapitel abschnitt absatz artikel paragraph paragraf anhang anlage teil ' +
    'schritt punkt alter durchschnitt schnitt zimmer raum saal gebäude haus erdgeschoss obergeschoss ' +
    'untergeschoss stock etage schalter gleis bereich wartebereich sommer winter frühjahr herbst ' +
    'quartal halbjahr moment vergleich prinzip zeitraum laufe telefon ausland inland internet ' +
    'wochenende januar februar märz april mai juni juli august september oktober november dezember ' +
    'montag dienstag mittwoch donnerstag freitag samstag sonntag bürgerbüro bürgercenter'
  ).split(' '),
);
