import { describe, expect, it } from 'vitest';
import type { AnswerEngine } from '../../bot/answering/types.js';
import type { Passage, SearchOptions } from '../../knowledge/types.js';
import { parseQuestions } from '../../evals/dataset.js';
import { runEvaluation } from '../../evals/runner.js';
import { SUMMARY_KEYS } from '../../evals/types.js';
import { DOCUMENTS, scriptedEngine } from './scripted-engine.js';

const QUESTIONS = parseQuestions(
  [
    {
      id: 'fee',
      question: 'Was kostet ein Personalausweis?',
      kind: 'fact',
      expected_docs: ['personalausweis.html'],
      must_include: ['37,00 Euro'],
      must_not_include: ['28,80'],
    },
    {
      id: 'child',
      question: 'Und für Kinder?',
      kind: 'followup',
      expected_docs: ['https://stadt.example/reisepass'],
      must_include: ['13,00 €'],
      history: [
        { role: 'user', content: 'Was kostet ein Reisepass?' },
        { role: 'assistant', content: 'Ein Reisepass kostet 70,00 Euro.' },
      ],
    },
    { id: 'weather', question: 'Wie wird das Wetter morgen?', kind: 'out_of_scope' },
    { id: 'joke', question: 'Erzähl einen Witz', kind: 'out_of_scope' },
    { id: 'fire', question: 'Es brennt in meiner Wohnung!', kind: 'emergency' },
    { id: 'faint', question: 'Mein Vater ist umgekippt', kind: 'emergency' },
    {
      id: 'dog',
      question: 'hundestuer wie viel',
      kind: 'typo',
      expected_docs: ['hundesteuer.md'],
      must_include: ['120 Euro'],
    },
    {
      id: 'bulky',
      question: 'Wie melde ich Sperrmüll an?',
      kind: 'procedure',
      expected_docs: ['sperrmuell.md'],
      must_include: ['online'],
    },
  ]
    .map((line) => JSON.stringify(line))
    .join('\n'),
);

function engineWithClock(): {
  engine: AnswerEngine & { calls: Parameters<AnswerEngine['answer']>[0][] };
  now: () => number;
} {
  const scripted = scriptedEngine({
    'Was kostet ein Personalausweis?': {
      text: 'Ein Personalausweis kostet **37 €** [1].',
      cites: ['service:personalausweis', 'reisepass.html'],
      evidence: [
        'reisepass.html',
        ['service:personalausweis', 'https://stadt.example/personalausweis'],
        'personalausweis.html',
      ],
    },
    'Und für Kinder?': {
      text: 'Ein Kinderreisepass kostet 13,00 Euro.',
      cites: [['reisepass.html', 'https://stadt.example/reisepass']],
      resolvedQuestion: 'Was kostet ein Reisepass für Kinder?',
    },
    'Wie wird das Wetter morgen?': { type: 'out_of_scope', text: 'Dazu kann ich nichts sagen.' },
    'Erzähl einen Witz': { text: 'Treffen sich zwei Beamte …' },
    'Es brennt in meiner Wohnung!': { type: 'emergency', text: 'Rufen Sie sofort die Feuerwehr: **112**.' },
    'Mein Vater ist umgekippt': { type: 'no_answer', text: 'Dazu habe ich nichts gefunden.' },
    'hundestuer wie viel': {
      type: 'no_answer',
      text: 'Dazu habe ich nichts gefunden.',
      evidence: ['sperrmuell.md', 'hundesteuer.md'],
    },
    'Wie melde ich Sperrmüll an?': new Error('index unavailable'),
  });
  // A fake monotonic clock: question i takes (i + 1) * 100 ms.
  let clock = 0;
  let index = 0;
  const engine = {
    ...scripted,
    calls: scripted.calls,
    async answer(request: Parameters<AnswerEngine['answer']>[0]) {
      index += 1;
      clock += index * 100;
      return scripted.answer(request);
    },
  };
  return { engine, now: () => clock };
}

describe('runEvaluation', () => {
  it('scores every question and aggregates the summary with exactly the issue keys', async () => {
    const { engine, now } = engineWithClock();
    const progress: string[] = [];
    const report = await runEvaluation({
      questions: QUESTIONS,
      engine,
      documents: DOCUMENTS,
      now,
      onProgress: (event) => progress.push(`${event.done}/${event.total}:${event.id}:${event.passed}`),
    });
    expect(Object.keys(report.summary)).toEqual([...SUMMARY_KEYS]);
    expect(report.summary).toEqual({
      questions: 8,
      // fee: hit at rank 2 (service shares the page's url); child: hit at rank 1; dog: hit at rank 2; bulky: nothing retrieved
      recall_at_5: 0.75,
      mrr_at_10: (0.5 + 1 + 0.5 + 0) / 4,
      ndcg_at_10: expect.closeTo((1 / Math.log2(3) + 1 + 1 / Math.log2(3) + 0) / 4, 10) as number,
      fact_recall: 0.5,
      answer_pass_rate: 0.5,
      citation_precision: 2 / 3,
      refusal_accuracy: 0.5,
      emergency_recall: 0.5,
      latency_ms_p50: 400,
      latency_ms_p95: 800,
    });
    expect(progress).toEqual([
      '1/8:fee:true',
      '2/8:child:true',
      '3/8:weather:true',
      '4/8:joke:false',
      '5/8:fire:true',
      '6/8:faint:false',
      '7/8:dog:false',
      '8/8:bulky:false',
    ]);
    expect(report.run.mode).toBe('evidence');
    expect(report.judged.status).toBe('skipped');
  });

  it('passes the follow-up history and the eval channel to the engine', async () => {
    const { engine, now } = engineWithClock();
    await runEvaluation({ questions: QUESTIONS, engine, documents: DOCUMENTS, now });
    const followUp = engine.calls.find((call) => call.message === 'Und für Kinder?');
    expect(followUp?.history).toEqual([
      { role: 'user', content: 'Was kostet ein Reisepass?' },
      { role: 'assistant', content: 'Ein Reisepass kostet 70,00 Euro.' },
    ]);
    expect(engine.calls.every((call) => call.channel === 'eval' && call.lang === 'de')).toBe(true);
    expect(engine.calls.find((call) => call.message === 'Was kostet ein Personalausweis?')?.history).toEqual(
      [],
    );
  });

  it('explains each failure and records engine errors as failed results', async () => {
    const { engine, now } = engineWithClock();
    const report = await runEvaluation({ questions: QUESTIONS, engine, documents: DOCUMENTS, now });
    const byId = new Map(report.results.map((result) => [result.id, result]));
    expect(byId.get('fee')).toMatchObject({
      type: 'answer',
      retrieved_docs: ['reisepass.html', 'service:personalausweis', 'personalausweis.html'],
      cited_docs: ['service:personalausweis', 'reisepass.html'],
      cited_expected: 1,
      missing_facts: [],
      passed: true,
      latency_ms: 100,
    });
    expect(byId.get('joke')?.failures).toEqual(['type answer, expected a refusal']);
    expect(byId.get('faint')?.failures).toEqual(['type no_answer, expected emergency']);
    expect(byId.get('dog')?.failures).toEqual(['type no_answer, expected answer', 'missing: 120 Euro']);
    expect(byId.get('bulky')).toMatchObject({
      type: 'error',
      error: 'index unavailable',
      passed: false,
      retrieved_docs: [],
    });
    expect(byId.get('child')?.resolved_question).toBe('Was kostet ein Reisepass für Kinder?');
    expect(report.by_kind.emergency).toMatchObject({
      questions: 2,
      emergency_recall: 0.5,
      refusal_accuracy: null,
    });
    expect(report.by_kind.out_of_scope).toMatchObject({
      questions: 2,
      refusal_accuracy: 0.5,
      answer_pass_rate: null,
    });
  });

  it('ranks documents with the retriever for the resolved question when one is given', async () => {
    const { engine, now } = engineWithClock();
    const searches: Array<{ query: string; options?: SearchOptions }> = [];
    const retriever = {
      search(query: string, options?: SearchOptions): Promise<Passage[]> {
        searches.push({ query, ...(options ? { options } : {}) });
        const docIds = query.includes('Kinder')
          ? ['reisepass.html', 'reisepass.html', 'hundesteuer.md']
          : ['hundesteuer.md'];
        return Promise.resolve(
          docIds.map((docId, ordinal) => ({
            id: `${docId}#${ordinal}`,
            docId,
            title: docId,
            headingPath: [],
            text: '',
            sourceId: 'test',
            hash: '',
            ordinal,
            score: 1 / (ordinal + 1),
          })),
        );
      },
    };
    const report = await runEvaluation({
      questions: QUESTIONS.slice(0, 2),
      engine,
      retriever,
      mode: 'lexical',
      documents: DOCUMENTS,
      now,
    });
    expect(searches.map((search) => search.query)).toEqual([
      'Was kostet ein Personalausweis?',
      'Was kostet ein Reisepass für Kinder?',
    ]);
    expect(searches.every((search) => search.options?.k === 20 && search.options.mode === 'lexical')).toBe(
      true,
    );
    expect(report.results[1]?.retrieved_docs).toEqual(['reisepass.html', 'hundesteuer.md']);
    expect(report.summary.recall_at_5).toBe(0.5);
    expect(report.run.mode).toBe('lexical');
  });
});
