/**
 * German judge prompts for the optional LLM-judged metrics. Each asks for one JSON object
 * `{"score": 1..5, "begruendung": "…"}`; scores map to 0..1 as (score − 1) / 4.
 */
export const JUDGE_SYSTEM_PROMPT =
  'Du bist eine sorgfältige Prüferin für die Antworten eines kommunalen Bürger-Chatbots. ' +
  'Du bewertest streng, sachlich und ausschließlich anhand der vorgelegten Texte. ' +
  'Antworte nur mit einem JSON-Objekt der Form {"score": <Zahl 1 bis 5>, "begruendung": "<ein Satz>"}.';

export function groundednessPrompt(input: { question: string; answer: string; passages: string[] }): string {
  const sources = input.passages.map((passage, index) => `[${index + 1}] ${passage}`).join('\n\n');
  return [
    'Aufgabe: Prüfe, ob jede Aussage der Antwort durch die Quellen belegt ist (Fundiertheit).',
    '5 = jede Aussage ist belegt; 3 = einzelne Aussagen sind nicht belegt; 1 = die Antwort erfindet wesentliche Fakten ' +
      '(z. B. Gebühren, Fristen, Adressen), die nicht in den Quellen stehen.',
    'Allgemeine Hinweise (z. B. an wen man sich wenden kann) gelten als belegt, wenn sie keine neuen Fakten enthalten.',
    '',
    `Frage: ${input.question}`,
    '',
    `Quellen:\n${sources || '(keine Quellen)'}`,
    '',
    `Antwort: ${input.answer}`,
  ].join('\n');
}

export function relevancePrompt(input: { question: string; answer: string }): string {
  return [
    'Aufgabe: Prüfe, ob die Antwort die Frage der Bürgerin oder des Bürgers beantwortet (Relevanz).',
    '5 = beantwortet die Frage vollständig und direkt; 3 = teilweise oder mit viel Unnötigem; ' +
      '1 = geht an der Frage vorbei.',
    '',
    `Frage: ${input.question}`,
    '',
    `Antwort: ${input.answer}`,
  ].join('\n');
}

/** Reads the score from the model's reply; tolerates text around the JSON object. */
export function parseJudgeScore(reply: string): number {
  const match = /\{[\s\S]*\}/.exec(reply);
  let score: unknown;
  if (match) {
    try {
      score = (JSON.parse(match[0]) as { score?: unknown }).score;
    } catch {
      score = undefined;
    }
  }
  if (score === undefined) score = /"?score"?\s*[:=]\s*([1-5])/i.exec(reply)?.[1];
  const value = Number(score);
  if (!Number.isFinite(value) || value < 1 || value > 5) throw new Error(`judge reply has no score 1..5`);
  return (value - 1) / 4;
}
