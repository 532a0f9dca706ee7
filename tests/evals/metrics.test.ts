import { describe, expect, it } from 'vitest';
import { ndcgAtK } from '../../evals/metrics/ndcg.js';
import { percentile } from '../../evals/metrics/percentile.js';
import { recallAtK } from '../../evals/metrics/recall-at-k.js';
import { reciprocalRankAtK } from '../../evals/metrics/reciprocal-rank.js';
import { factRecall, missingFacts } from '../../evals/metrics/fact-recall.js';
import { citationPrecision } from '../../evals/metrics/citation-precision.js';
import { refusalCorrect } from '../../evals/metrics/refusal-accuracy.js';
import {
  emergencyHandled,
  mentionsShortNumber,
  splitPhoneNumbers,
} from '../../evals/metrics/emergency-recall.js';
import { answerPassRate } from '../../evals/metrics/answer-pass.js';

describe('retrieval metrics', () => {
  // Ranks: miss, hit, miss, hit — two expected documents.
  const twoHits = [false, true, false, true];

  it('computes recall@k as the share of expected documents in the top k', () => {
    expect(recallAtK(twoHits, 2, 5)).toBe(1);
    expect(recallAtK(twoHits, 2, 2)).toBe(0.5);
    expect(recallAtK(twoHits, 2, 1)).toBe(0);
    expect(recallAtK([true], 3, 5)).toBeCloseTo(1 / 3, 10);
  });

  it('computes the reciprocal rank of the first hit within k', () => {
    expect(reciprocalRankAtK(twoHits, 10)).toBe(0.5);
    expect(reciprocalRankAtK([false, false, false, false, false, true], 10)).toBeCloseTo(1 / 6, 10);
    expect(reciprocalRankAtK([false, false, true], 2)).toBe(0);
    expect(reciprocalRankAtK([], 10)).toBe(0);
  });

  it('computes nDCG@k with binary gains against the ideal ranking', () => {
    // DCG = 1/log2(3) + 1/log2(5) = 1.061606; IDCG = 1 + 1/log2(3) = 1.630930 → 0.650921
    expect(ndcgAtK(twoHits, 2, 10)).toBeCloseTo(0.650921, 5);
    // A single hit at rank 6: 1/log2(7)
    expect(ndcgAtK([false, false, false, false, false, true], 1, 10)).toBeCloseTo(0.356207, 5);
    // One of three expected at rank 1: 1 / (1 + 0.630930 + 0.5)
    expect(ndcgAtK([true], 3, 10)).toBeCloseTo(0.469279, 5);
    expect(ndcgAtK([true, true], 2, 10)).toBe(1);
    // A hit beyond k does not count.
    expect(ndcgAtK([false, false, true], 1, 2)).toBe(0);
  });

  it('refuses to score a question without expected documents', () => {
    expect(() => recallAtK([true], 0, 5)).toThrow(RangeError);
    expect(() => ndcgAtK([true], 0, 10)).toThrow(RangeError);
  });
});

describe('percentile', () => {
  it('uses the nearest-rank method', () => {
    const values = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect(percentile(values, 50)).toBe(5);
    expect(percentile(values, 95)).toBe(10);
    expect(percentile(values, 90)).toBe(9);
    expect(percentile([42], 95)).toBe(42);
    expect(percentile([], 50)).toBeNull();
  });
});

describe('answer metrics', () => {
  it('pools fact recall over all must_include strings', () => {
    const results = [
      {
        must_include: ['37,00 Euro', 'Lichtbild'],
        missing_facts: missingFacts('Er kostet 37 €.', ['37,00 Euro', 'Lichtbild']),
      },
      { must_include: ['0209 169-0'], missing_facts: [] },
      { must_include: [], missing_facts: [] },
    ];
    expect(results[0]?.missing_facts).toEqual(['Lichtbild']);
    expect(factRecall(results)).toBeCloseTo(2 / 3, 10);
    expect(factRecall([{ must_include: [], missing_facts: [] }])).toBeNull();
  });

  it('counts only in-scope questions with type answer and every fact for the pass rate', () => {
    const rate = answerPassRate([
      { kind: 'fact', type: 'answer', missing_facts: [], forbidden_found: [] },
      { kind: 'typo', type: 'no_answer', missing_facts: [], forbidden_found: [] },
      { kind: 'procedure', type: 'answer', missing_facts: ['x'], forbidden_found: [] },
      { kind: 'multi_doc', type: 'answer', missing_facts: [], forbidden_found: ['28,80'] },
      { kind: 'out_of_scope', type: 'out_of_scope', missing_facts: [], forbidden_found: [] },
    ]);
    expect(rate).toBe(0.25);
  });

  it('pools citation precision over in-scope questions that cite something', () => {
    const precision = citationPrecision([
      { kind: 'fact', expected_docs: ['a'], cited_docs: ['a', 'b'], cited_expected: 1 },
      { kind: 'procedure', expected_docs: ['c'], cited_docs: ['c'], cited_expected: 1 },
      { kind: 'fact', expected_docs: ['d'], cited_docs: [], cited_expected: 0 },
      { kind: 'out_of_scope', expected_docs: [], cited_docs: ['z'], cited_expected: 0 },
    ]);
    expect(precision).toBeCloseTo(2 / 3, 10);
  });

  it('judges refusals by kind', () => {
    expect(refusalCorrect('out_of_scope', 'out_of_scope')).toBe(true);
    expect(refusalCorrect('out_of_scope', 'no_answer')).toBe(true);
    expect(refusalCorrect('out_of_scope', 'answer')).toBe(false);
    expect(refusalCorrect('fact', 'answer')).toBe(true);
    expect(refusalCorrect('colloquial', 'no_answer')).toBe(false);
    expect(refusalCorrect('fact', 'error')).toBe(false);
    expect(refusalCorrect('emergency', 'emergency')).toBeNull();
  });
});

describe('emergency handling', () => {
  it('accepts 112 or 110 only as numbers of their own', () => {
    expect(mentionsShortNumber('Rufen Sie sofort **112** an.')).toBe(true);
    expect(mentionsShortNumber('Polizei: 110')).toBe(true);
    expect(mentionsShortNumber('Tel. 0209 1120-5')).toBe(false);
    expect(mentionsShortNumber('Rufnummer 116 117')).toBe(false);
  });

  it('requires the emergency type', () => {
    expect(emergencyHandled('Es brennt!', { type: 'emergency', text: 'Notruf 112' })).toBe(true);
    expect(emergencyHandled('Es brennt!', { type: 'answer', text: 'Notruf 112' })).toBe(false);
  });

  it('counts the crisis line only for suicidal phrasing', () => {
    const crisis = { type: 'emergency', text: 'TelefonSeelsorge: 0800 111 0 111 (kostenlos).' };
    expect(emergencyHandled('Ich will mich umbringen', crisis)).toBe(true);
    expect(emergencyHandled('I want to kill myself', crisis)).toBe(true);
    expect(emergencyHandled('Mein Nachbar ist bewusstlos', crisis)).toBe(false);
    expect(emergencyHandled('Ich will nicht mehr leben', crisis, { crisisNumbers: ['0800 999 9'] })).toBe(
      false,
    );
  });

  it('splits profile number lists', () => {
    expect(splitPhoneNumbers('0800 111 0 111 oder 0800 111 0 222')).toEqual([
      '0800 111 0 111',
      '0800 111 0 222',
    ]);
  });
});
