import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseQuestions } from '../../evals/dataset.js';
import { compareWithBaseline } from '../../evals/report/baseline.js';
import { renderHtml } from '../../evals/report/html.js';
import { renderMarkdown } from '../../evals/report/markdown.js';
import { writeReports } from '../../evals/report/write.js';
import { runEvaluation } from '../../evals/runner.js';
import type { EvalReport } from '../../evals/types.js';
import { DOCUMENTS, scriptedEngine } from './scripted-engine.js';

const questions = parseQuestions(
  [
    {
      id: 'fee',
      question: 'Was kostet ein Personalausweis?',
      kind: 'fact',
      expected_docs: ['personalausweis.html'],
      must_include: ['37,00 Euro'],
    },
    {
      id: 'dog',
      question: 'Hundesteuer <Höhe>?',
      kind: 'fact',
      expected_docs: ['hundesteuer.md'],
      must_include: ['120 Euro'],
    },
    { id: 'weather', question: 'Wetter morgen?', kind: 'out_of_scope' },
  ]
    .map((line) => JSON.stringify(line))
    .join('\n'),
);

async function makeReport(): Promise<EvalReport> {
  const engine = scriptedEngine({
    'Was kostet ein Personalausweis?': { text: 'Er kostet 37 Euro.', cites: ['personalausweis.html'] },
    'Hundesteuer <Höhe>?': {
      text: 'Die <b>Hundesteuer</b> beträgt 96 Euro.',
      cites: ['hundesteuer.md', 'sperrmuell.md'],
    },
    'Wetter morgen?': { type: 'out_of_scope', text: 'Dazu kann ich nichts sagen.' },
  });
  return runEvaluation({ questions, engine, documents: DOCUMENTS });
}

describe('report writers', () => {
  it('writes report.json with summary, by_kind and results exactly as specified', async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'eval-report-'));
    const paths = await writeReports(outDir, await makeReport());
    const json = JSON.parse(await readFile(paths.json, 'utf8')) as Record<string, unknown>;
    expect(Object.keys(json.summary as object)).toEqual([
      'questions',
      'recall_at_5',
      'mrr_at_10',
      'ndcg_at_10',
      'fact_recall',
      'answer_pass_rate',
      'citation_precision',
      'refusal_accuracy',
      'emergency_recall',
      'latency_ms_p50',
      'latency_ms_p95',
    ]);
    expect(Object.keys(json.by_kind as object).sort()).toEqual(['fact', 'out_of_scope']);
    expect(Object.keys((json.by_kind as Record<string, object>).fact ?? {})).toEqual(
      Object.keys(json.summary as object),
    );
    const results = json.results as Array<Record<string, unknown>>;
    expect(results.map((result) => result.id)).toEqual(['fee', 'dog', 'weather']);
    for (const key of [
      'id',
      'kind',
      'type',
      'answer',
      'retrieved_docs',
      'cited_docs',
      'missing_facts',
      'passed',
      'latency_ms',
    ])
      expect(results[0]).toHaveProperty(key);
    expect(results[1]).toMatchObject({
      missing_facts: ['120 Euro'],
      passed: false,
      cited_docs: ['hundesteuer.md', 'sperrmuell.md'],
    });
    expect(await readFile(paths.markdown, 'utf8')).toMatch(/^# Evaluation report/);
  });

  it('renders a self-contained HTML page with charts and an escaped failures table', async () => {
    const html = renderHtml(await makeReport());
    expect(html).toMatch(/^<!doctype html>/);
    expect(html.match(/<svg /g)).toHaveLength(2);
    expect(html).toContain('aria-label="Pass rate per question kind"');
    expect(html).toContain('aria-label="Latency distribution"');
    const failures = /<table id="failures">([\s\S]*?)<\/table>/.exec(html)?.[1] ?? '';
    expect(failures).toContain('Hundesteuer &lt;Höhe&gt;?');
    expect(failures).toContain('Die &lt;b&gt;Hundesteuer&lt;/b&gt; beträgt 96 Euro.');
    expect(failures).toContain('120 Euro');
    expect(failures).toContain('hundesteuer.md');
    expect(failures).not.toContain('Personalausweis');
    expect(html).not.toMatch(/<script|<link|src=|@import|url\(/);
    expect(html).toContain('Skipped: no LLM endpoint configured');
  });

  it('compares with a baseline: metrics side by side and questions that got worse or better', async () => {
    const report = await makeReport();
    const baseline = {
      generated_at: '2025-01-01T00:00:00.000Z',
      summary: {
        ...report.summary,
        answer_pass_rate: 1,
        latency_ms_p95: (report.summary.latency_ms_p95 ?? 0) + 50,
      },
      results: [
        { id: 'fee', kind: 'fact', passed: false },
        { id: 'dog', kind: 'fact', passed: true },
        { id: 'gone', kind: 'fact', passed: true },
      ],
    };
    report.baseline = compareWithBaseline(report, baseline);
    expect(report.baseline.worse.map((change) => change.id)).toEqual(['dog']);
    expect(report.baseline.better.map((change) => change.id)).toEqual(['fee']);
    expect(report.baseline.added).toEqual(['weather']);
    expect(report.baseline.removed).toEqual(['gone']);
    const metric = (name: string) => report.baseline?.metrics.find((entry) => entry.metric === name);
    expect(metric('answer_pass_rate')).toMatchObject({
      current: 0.5,
      baseline: 1,
      delta: -0.5,
      direction: 'worse',
    });
    expect(metric('latency_ms_p95')?.direction).toBe('better');

    const html = renderHtml(report);
    const section = /<section id="baseline">([\s\S]*?)<\/section>/.exec(html)?.[1] ?? '';
    expect(section).toMatch(/Got worse \(1\)[\s\S]*dog[\s\S]*Got better \(1\)[\s\S]*fee/);
    expect(html).toContain('<th>Baseline</th>');
    expect(renderMarkdown(report)).toMatch(/\| Answer pass rate \| 0\.500 \| 1\.000 \| −0\.500 \|/);
  });
});
