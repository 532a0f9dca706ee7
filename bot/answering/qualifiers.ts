/**
 * Age brackets are everywhere in German fee tables ("ab 24 Jahren", "unter 24 Jahren").
 * When a question gives an age ("ich bin 19", "für Erwachsene", "over 24"), lines of the
 * other bracket are dropped so the answer states the one fee that applies.
 */
const ADULT = /(?<!\p{L})(?:erwachsen|volljährig|adult|grown-?up|yetişkin|доросл|بالغ|للبالغين)/iu;
const AGE = /(\d{1,3})\s*(?:-\s*)?(?:jahre?n?\b|jährig|j\.|years?\b|yaş|سنة|عام|років|рік|роки)/iu;
const OVER = /(?:über|ueber|ab|over|above|older than|mindestens)\s+(\d{1,3})/iu;

/** The age the question is about, if it says one. */
export function questionAge(question: string): number | undefined {
  const over = OVER.exec(question);
  if (over) return Number(over[1]) + 1;
  const iAm = /(?<!\p{L})(?:ich bin|bin|i am|i'm|I am)\s+(\d{1,3})(?!\d)/iu.exec(question);
  if (iAm) return Number(iAm[1]);
  const age = AGE.exec(question);
  if (age) return Number(age[1]);
  const yaşında = /(\d{1,3})\s*yaşında/iu.exec(question);
  if (yaşında) return Number(yaşında[1]);
  if (ADULT.test(question)) return 30;
  return undefined;
}

type Bracket = { min?: number; max?: number };

function bracketOf(line: string): Bracket | undefined {
  const from =
    /\bab\s+(\d{1,3})\s+Jahr/iu.exec(line) ??
    /(\d{1,3})\s+Jahre?n?\s+(?:und\s+)?(?:älter|aufwärts)/iu.exec(line);
  const under =
    /\bunter\s+(\d{1,3})\s+Jahr/iu.exec(line) ??
    /\bbis\s+(?:zum\s+)?(\d{1,3})\.?\s+(?:Jahr|Lebensjahr)/iu.exec(line);
  if (!from && !under) return undefined;
  return { min: from ? Number(from[1]) : undefined, max: under ? Number(under[1]) : undefined };
}

const applies = (bracket: Bracket, age: number) =>
  (bracket.min === undefined || age >= bracket.min) && (bracket.max === undefined || age < bracket.max);

/** Drops lines of another age bracket; leaves the text alone when nothing or everything applies. */
export function filterByAge(text: string, age: number | undefined): string {
  if (age === undefined) return text;
  const lines = text.split('\n');
  const brackets = lines.map(bracketOf);
  const matching = brackets.filter((bracket) => bracket && applies(bracket, age)).length;
  const other = brackets.filter((bracket) => bracket && !applies(bracket, age)).length;
  if (matching === 0 || other === 0) return text;
  return lines
    .filter((_, index) => {
      const bracket = brackets[index];
      return !bracket || applies(bracket, age);
    })
    .join('\n');
}

const NUMERALS: Record<string, string> = {
  zwei: '2',
  drei: '3',
  vier: '4',
  funf: '5',
  fünf: '5',
  sechs: '6',
  zweit: '2',
  dritt: '3',
};
const ROW = /^(?:[-•*]\s|\d+\.\s|[^:\n]{2,80}:\s)/u;

/**
 * Keeps the rows of a list or table that match what the question narrows down to
 * ("einfache Meldebescheinigung", "zwei Hunde", "online"), when some rows match and others
 * do not. `qualifiers` are the question's index terms that are not the topic itself.
 */
export function filterRows(
  text: string,
  qualifiers: ReadonlySet<string>,
  termsOf: (text: string) => string[],
): string {
  if (qualifiers.size === 0) return text;
  const lines = text.split('\n');
  const rowTerms = lines.map((line) =>
    ROW.test(line) ? new Set([...termsOf(line), ...numerals(line)]) : undefined,
  );
  const matches = rowTerms.map((terms) =>
    terms ? [...qualifiers].some((term) => terms.has(term)) : undefined,
  );
  const matching = matches.filter((match) => match === true).length;
  const other = matches.filter((match) => match === false).length;
  if (matching === 0 || other === 0) return text;
  return lines.filter((_, index) => matches[index] !== false).join('\n');
}

/** Number words and digits of a text as digit strings ("zwei Hunde" → "2"). */
export function numerals(text: string): string[] {
  const words = text.toLowerCase().match(/[\p{L}\d]+/gu) ?? [];
  return words.flatMap((word) => {
    if (/^\d+$/.test(word)) return [word];
    // Cardinals and ordinals alike: "zwei", "zweiten", "dritte".
    const key = Object.keys(NUMERALS).find(
      (numeral) => word === numeral || (numeral.length >= 5 && word.startsWith(numeral)),
    );
    return key ? [NUMERALS[key] as string] : [];
  });
}
