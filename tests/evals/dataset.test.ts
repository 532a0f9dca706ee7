import { describe, expect, it } from 'vitest';
import { DatasetError, parseQuestions } from '../../evals/dataset.js';

describe('parseQuestions', () => {
  it('fills defaults for optional fields', () => {
    const [question] = parseQuestions('{"id":"q1","question":"Was kostet ein Perso?","kind":"colloquial"}\n');
    expect(question).toEqual({
      id: 'q1',
      question: 'Was kostet ein Perso?',
      lang: 'de',
      kind: 'colloquial',
      expected_docs: [],
      must_include: [],
      must_not_include: [],
      history: [],
    });
  });

  it('reports every bad line by number at once', () => {
    const text = [
      '{"id":"q1","question":"A?","kind":"fact"}',
      '',
      '{"id":"q2","question":"B?","kind":"rumour"}',
      '{not json',
      '{"id":"q1","question":"C?","kind":"fact"}',
      '{"id":"q5","question":"D?","kind":"followup","history":[{"role":"bot","content":"x"}]}',
    ].join('\n');
    let caught: unknown;
    try {
      parseQuestions(text, 'test.jsonl');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DatasetError);
    const problems = (caught as DatasetError).problems;
    expect(problems).toHaveLength(4);
    expect(problems[0]).toMatch(/^line 3: kind/);
    expect(problems[1]).toMatch(/^line 4: invalid JSON/);
    expect(problems[2]).toMatch(/^line 5: duplicate id "q1" \(first on line 1\)/);
    expect(problems[3]).toMatch(/^line 6: history\.0\.role/);
  });

  it('rejects an empty file', () => {
    expect(() => parseQuestions('\n\n')).toThrow(/no questions/);
  });
});
