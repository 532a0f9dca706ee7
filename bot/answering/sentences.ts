/** Abbreviations after which a period does not end a German sentence. */
const ABBREVIATIONS =
  /(?:\b(?:z|u|d|o|v|s|i|e|g|bzw|ca|ggf|inkl|evtl|Nr|Str|Tel|Abs|Art|vgl|usw|etc|Mo|Di|Mi|Do|Fr|Sa|So|St|Dr|Prof|gem|lt|max|min|zzgl|einschl|sog|Std|Min|bspw|geb)\.)$/;

/**
 * Splits a chunk's text into units an answer can quote: list lines stay whole, paragraphs
 * are cut into sentences (German abbreviations and dates do not end a sentence).
 */
export function splitUnits(text: string): string[] {
  const units: string[] = [];
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (!trimmed) continue;
    if (/^(?:[-•*]|\d+\.)\s/.test(trimmed) || trimmed.length < 160 || /:\s/.test(trimmed.slice(0, 40))) {
      units.push(trimmed);
      continue;
    }
    let start = 0;
    const pattern = /[.!?](?=\s+[A-ZÄÖÜ0-9„"(])/g;
    let match: RegExpExecArray | null;
    while ((match = pattern.exec(trimmed))) {
      const end = match.index + 1;
      const candidate = trimmed.slice(start, end);
      if (ABBREVIATIONS.test(candidate) || /\d\.$/.test(candidate)) continue;
      units.push(candidate.trim());
      start = end;
    }
    const rest = trimmed.slice(start).trim();
    if (rest) units.push(rest);
  }
  return units;
}
