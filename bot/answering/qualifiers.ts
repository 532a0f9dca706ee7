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
  const age = AGE.exec(question);
  if (age) return Number(age[1]);
  const yaşında = /(\d{1,3})\s*yaşında/iu.exec(question);
  if (yaşında) return Number(yaşında[1]);
  if (ADULT.test(question)) return 30;
  return undefined;
}

type Bracket = { min?: number; max?: number };

function bracketOf(line: string): Bracket | undefined {
  const from = /\bab\s+(\d{1,3})\s+Jahr/iu.exec(line) ?? /(\d{1,3})\s+Jahre?n?\s+(?:und\s+)?(?:älter|aufwärts)/iu.exec(line);
  const under = /\bunter\s+(\d{1,3})\s+Jahr/iu.exec(line) ?? /\bbis\s+(?:zum\s+)?(\d{1,3})\.?\s+(?:Jahr|Lebensjahr)/iu.exec(line);
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
  return lines.filter((_, index) => {
    const bracket = brackets[index];
    return !bracket || applies(bracket, age);
  }).join('\n');
}
