import { readFile } from 'node:fs/promises';
import { z } from 'zod';

/** Question kinds of the evaluation format (DESIGN.md, "Evaluation question format"). */
export const QUESTION_KINDS = [
  'fact',
  'procedure',
  'followup',
  'colloquial',
  'typo',
  'multi_doc',
  'out_of_scope',
  'emergency',
] as const;

export type QuestionKind = (typeof QUESTION_KINDS)[number];

/** Kinds the corpus can answer: they must get an `answer`, never a refusal. */
export const IN_SCOPE_KINDS: ReadonlySet<QuestionKind> = new Set([
  'fact',
  'procedure',
  'followup',
  'colloquial',
  'typo',
  'multi_doc',
]);

export const isInScope = (kind: QuestionKind): boolean => IN_SCOPE_KINDS.has(kind);

const turnSchema = z.object({
  role: z.enum(['user', 'assistant']),
  content: z.string().min(1),
});

/** One line of a question file. Unknown keys are allowed (authors' notes) and dropped. */
export const questionSchema = z.object({
  id: z.string().min(1),
  question: z.string().min(1),
  lang: z.string().min(2).default('de'),
  kind: z.enum(QUESTION_KINDS),
  expected_docs: z.array(z.string().min(1)).default([]),
  must_include: z.array(z.string().min(1)).default([]),
  must_not_include: z.array(z.string().min(1)).default([]),
  history: z.array(turnSchema).default([]),
});

export type EvalQuestion = z.infer<typeof questionSchema>;

/** A question file that cannot be used; `problems` name every bad line by number. */
export class DatasetError extends Error {
  constructor(
    readonly source: string,
    readonly problems: string[],
  ) {
    super(
      `${source} has ${problems.length} invalid line(s):\n${problems.map((problem) => `  - ${problem}`).join('\n')}`,
    );
    this.name = 'DatasetError';
  }
}

/**
 * Parses JSONL text: one question per non-empty line. Every bad line (invalid JSON,
 * schema violation, duplicate id) is reported at once, by 1-based line number.
 */
export function parseQuestions(text: string, source = 'questions'): EvalQuestion[] {
  const questions: EvalQuestion[] = [];
  const problems: string[] = [];
  const seen = new Map<string, number>();
  const lines = text.split(/\r?\n/);
  lines.forEach((line, index) => {
    const lineNumber = index + 1;
    if (line.trim() === '') return;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch (error) {
      problems.push(`line ${lineNumber}: invalid JSON (${(error as Error).message})`);
      return;
    }
    const result = questionSchema.safeParse(raw);
    if (!result.success) {
      const issues = result.error.issues.map(
        (issue) => `${issue.path.join('.') || '(line)'}: ${issue.message}`,
      );
      problems.push(`line ${lineNumber}: ${issues.join('; ')}`);
      return;
    }
    const previous = seen.get(result.data.id);
    if (previous !== undefined) {
      problems.push(`line ${lineNumber}: duplicate id "${result.data.id}" (first on line ${previous})`);
      return;
    }
    seen.set(result.data.id, lineNumber);
    questions.push(result.data);
  });
  if (problems.length > 0) throw new DatasetError(source, problems);
  if (questions.length === 0) throw new DatasetError(source, ['the file holds no questions']);
  return questions;
}

/** Reads and validates a JSONL question file. */
export async function loadQuestions(path: string): Promise<EvalQuestion[]> {
  return parseQuestions(await readFile(path, 'utf8'), path);
}
