/**
 * Folds text for pattern matching in any supported language: lower case, no diacritics,
 * ß → ss, dotless ı → i, and German ae/oe/ue spelled without umlauts → a/o/u. Patterns
 * are folded the same way, so they can be written naturally.
 */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/ı/g, 'i')
    .replace(/ae/g, 'a')
    .replace(/oe/g, 'o')
    .replace(/ue/g, 'u')
    .replace(/[’`´]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/** Compiles natural-language alternatives into one folded regex with letter boundaries. */
export function phrases(alternatives: string[], options: { prefixOnly?: boolean } = {}): RegExp {
  // Longest first: an alternation takes the first branch that fits ("hallo" before "hallo zusammen").
  const body = [...alternatives]
    .sort((a, b) => b.length - a.length)
    .map((alternative) => {
      const folded = fold(alternative)
        .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
        .replace(/\\\*/g, '\\p{L}*')
        .replace(/ /g, '\\s+');
      return folded.replace(/\*/g, '\\p{L}*');
    })
    .join('|');
  const end = options.prefixOnly ? '' : '(?!\\p{L})';
  return new RegExp(`(?<!\\p{L})(?:${body})${end}`, 'u');
}

/** Like `phrases`, but the alternatives are regular expressions (groups, `?`, `|`) over folded text. */
export function patterns(alternatives: string[], options: { prefixOnly?: boolean } = {}): RegExp {
  const body = alternatives
    .map((alternative) => fold(alternative).replace(/ /g, '\\s+').replace(/\*/g, '\\p{L}*'))
    .join('|');
  const end = options.prefixOnly ? '' : '(?!\\p{L})';
  return new RegExp(`(?<!\\p{L})(?:${body})${end}`, 'u');
}
