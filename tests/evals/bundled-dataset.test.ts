import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/index.js';
import { readLocalSources, visibleText } from '../../evals/corpus-documents.js';
import { isInScope, loadQuestions, type EvalQuestion } from '../../evals/dataset.js';
import { DocumentMatcher } from '../../evals/doc-match.js';
import { containsNormalized } from '../../evals/normalize.js';
import { DEFAULT_QUESTIONS } from '../../evals/cli.js';
import type { CleanDocument } from '../../knowledge/types.js';

/**
 * The bundled evaluation set must be answerable from the bundled sample: every expected
 * document exists and every must_include string is visible on one of them, read with the
 * real folder reader, HTML cleaner and catalogue reader.
 */
let questions: EvalQuestion[];
let documents: CleanDocument[];
let matcher: DocumentMatcher;

beforeAll(async () => {
  questions = await loadQuestions(DEFAULT_QUESTIONS);
  documents = await readLocalSources(loadConfig({}).SAMPLE_SOURCES);
  matcher = new DocumentMatcher(documents);
});

describe('bundled evaluation set', () => {
  it('reads the sample sources that the set refers to', () => {
    expect(loadConfig({}).SAMPLE_SOURCES.every((source) => existsSync(source))).toBe(true);
    expect(documents.length).toBeGreaterThan(20);
  });

  it('covers every kind and language the issue asks for with at least 150 questions', () => {
    expect(questions.length).toBeGreaterThanOrEqual(150);
    const kinds = new Set(questions.map((question) => question.kind));
    for (const kind of [
      'fact',
      'procedure',
      'followup',
      'colloquial',
      'typo',
      'multi_doc',
      'out_of_scope',
      'emergency',
    ] as const)
      expect(kinds, kind).toContain(kind);
    const langs = new Set(questions.map((question) => question.lang));
    for (const lang of ['de', 'en', 'tr', 'ar', 'uk']) expect(langs, lang).toContain(lang);
    expect(
      questions
        .filter((question) => question.kind === 'followup')
        .every((question) => question.history.length > 0),
    ).toBe(true);
  });

  it('names only documents that exist in the sample', () => {
    const missing = questions.flatMap((question) =>
      question.expected_docs
        .filter((entry) => !matcher.exists(entry))
        .map((entry) => `${question.id}: ${entry}`),
    );
    expect(missing).toEqual([]);
  });

  it('gives every answerable question expected documents', () => {
    const without = questions
      .filter((question) => isInScope(question.kind) && question.expected_docs.length === 0)
      .map((question) => question.id);
    expect(without).toEqual([]);
  });

  it('finds every must_include string in the visible text of an expected document', () => {
    const texts = new Map(documents.map((document) => [document.id, visibleText(document)]));
    const problems: string[] = [];
    for (const question of questions) {
      if (question.expected_docs.length === 0) continue;
      const expected = documents.filter((document) => matcher.matchesAny(question.expected_docs, document));
      for (const fact of question.must_include) {
        if (!expected.some((document) => containsNormalized(texts.get(document.id) ?? '', fact)))
          problems.push(`${question.id}: "${fact}" is on none of ${question.expected_docs.join(', ')}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
