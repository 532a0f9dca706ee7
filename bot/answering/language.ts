/** Languages the bot speaks to citizens; sources are German. */
export const LANGUAGES = ['de', 'en', 'tr', 'ar', 'uk'] as const;
export type Language = (typeof LANGUAGES)[number];

export function isLanguage(value: string | undefined): value is Language {
  return value !== undefined && (LANGUAGES as readonly string[]).includes(value);
}

const ENGLISH = new Set(
  'the a an is are was what how where when who which do does can could i my me you your to for of in on with and or please need get much many have has this that it be am there'.split(
    ' ',
  ),
);
const GERMAN = new Set(
  'der die das ein eine ist sind was wie wo wann wer welche ich mein meine sie ihr zu für von mit und oder bitte brauche kann muss habe hat nicht auch den dem des im am gibt es man'.split(
    ' ',
  ),
);
const TURKISH = new Set(
  'ne nasıl nerede ne zaman kim bir ve ile için mi mı mu mü var yok nedir kaç lazım gerekli istiyorum yapabilirim alabilirim ücret ücreti ücretli kimlik kadar vergisi nasil icin gerekiyor nereye hangi'.split(
    ' ',
  ),
);

/**
 * Detects the language of a message from its script and function words; `hint` (the UI
 * language) decides when the text is too short to tell.
 */
export function detectLanguage(text: string, hint?: string): Language {
  const fallback: Language = isLanguage(hint) ? hint : 'de';
  const letters = text.replace(/[^\p{L}]/gu, '');
  if (!letters) return fallback;
  const arabic = (text.match(/[\u0600-\u06FF]/g) ?? []).length;
  const cyrillic = (text.match(/[\u0400-\u04FF]/g) ?? []).length;
  if (arabic / letters.length > 0.3) return 'ar';
  if (cyrillic / letters.length > 0.3) return 'uk';
  if (/[ğışİĞŞ]/.test(text)) return 'tr';
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  let en = 0;
  let de = 0;
  let tr = 0;
  for (const word of words) {
    if (ENGLISH.has(word)) en++;
    if (GERMAN.has(word)) de++;
    if (TURKISH.has(word)) tr++;
  }
  // ö and ü are Turkish letters too; only ä and ß point to German alone.
  if (/[äß]/i.test(text)) de += 2;
  const best = Math.max(en, de, tr);
  if (best === 0) return fallback;
  if (de === best) return 'de';
  if (en === best) return 'en';
  return 'tr';
}
