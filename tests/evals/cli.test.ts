import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../evals/cli.js';
import type { OpenRuntime } from '../../evals/runtime-types.js';
import { DOCUMENTS, scriptedEngine } from './scripted-engine.js';

const QUESTIONS = [
  {
    id: 'fee',
    question: 'Was kostet ein Personalausweis?',
    kind: 'fact',
    expected_docs: ['personalausweis.html'],
    must_include: ['37,00 Euro'],
  },
  { id: 'weather', question: 'Wetter morgen?', kind: 'out_of_scope' },
  { id: 'fire', question: 'Es brennt!', kind: 'emergency' },
];

let dir: string;
let closed: number;
let opened: Array<{ sources: string[] }>;

const openRuntime: OpenRuntime = (options) => {
  opened.push({ sources: options.sources });
  return Promise.resolve({
    engine: scriptedEngine({
      'Was kostet ein Personalausweis?': { text: 'Er kostet 37 Euro.', cites: ['personalausweis.html'] },
      'Wetter morgen?': { text: 'Morgen scheint die Sonne.' },
      'Es brennt!': { type: 'emergency', text: 'Notruf 112' },
    }),
    documents: DOCUMENTS,
    describe: { embedder: 'scripted', chunks: 5 },
    close() {
      closed += 1;
      return Promise.resolve();
    },
  });
};

async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    env: {},
    openRuntime,
    judge: null,
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
  });
  return { code, stdout, stderr };
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'eval-cli-'));
  closed = 0;
  opened = [];
  await writeFile(join(dir, 'questions.jsonl'), QUESTIONS.map((line) => JSON.stringify(line)).join('\n'));
  await writeFile(join(dir, 'corpus.md'), '# Korpus\n');
});

describe('eval CLI', () => {
  it('exits 1 and names every missed threshold', async () => {
    await writeFile(
      join(dir, 'thresholds.json'),
      JSON.stringify({
        min: { refusal_accuracy: 0.9, emergency_recall: 1, fact_recall: 0.5 },
        max: { latency_ms_p95: 1e9 },
        by_kind: { out_of_scope: { min: { refusal_accuracy: 1 }, max: {} } },
      }),
    );
    const result = await run([
      '--corpus',
      dir,
      '--questions',
      join(dir, 'questions.jsonl'),
      '--out',
      join(dir, 'out'),
      '--thresholds',
      join(dir, 'thresholds.json'),
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Thresholds missed \(2\)/);
    expect(result.stderr).toContain('refusal_accuracy (Refusal accuracy) = 0.500 is below the minimum 0.900');
    expect(result.stderr).toContain(
      'out_of_scope.refusal_accuracy (Refusal accuracy) = 0.000 is below the minimum 1.000',
    );
    expect(result.stderr).not.toContain('emergency_recall (');
    expect(result.stdout).toContain('| Refusal accuracy | 0.500 |');
    const report = JSON.parse(await readFile(join(dir, 'out', 'report.json'), 'utf8')) as {
      gate: { passed: boolean; failures: unknown[] };
    };
    expect(report.gate.passed).toBe(false);
    expect(report.gate.failures).toHaveLength(2);
    expect(opened).toEqual([{ sources: [dir] }]);
    expect(closed).toBe(1);
  });

  it('exits 0 when every threshold is met, or when thresholds are switched off', async () => {
    await writeFile(
      join(dir, 'thresholds.json'),
      JSON.stringify({ min: { emergency_recall: 1, fact_recall: 1 }, max: {} }),
    );
    const base = ['--corpus', dir, '--questions', join(dir, 'questions.jsonl'), '--out', join(dir, 'out')];
    const met = await run([...base, '--thresholds', join(dir, 'thresholds.json')]);
    expect(met.code).toBe(0);
    expect(met.stdout).toContain('All thresholds met.');
    await writeFile(join(dir, 'strict.json'), JSON.stringify({ min: { refusal_accuracy: 1 }, max: {} }));
    expect((await run([...base, '--thresholds', join(dir, 'strict.json'), '--no-thresholds'])).code).toBe(0);
  });

  it('compares with a baseline report and writes all three reports', async () => {
    const base = ['--corpus', dir, '--questions', join(dir, 'questions.jsonl'), '--no-thresholds'];
    await run([...base, '--out', join(dir, 'first')]);
    const baselinePath = join(dir, 'first', 'report.json');
    const baseline = JSON.parse(await readFile(baselinePath, 'utf8')) as {
      results: Array<{ id: string; passed: boolean }>;
    };
    for (const result of baseline.results) if (result.id === 'weather') result.passed = true;
    await writeFile(baselinePath, JSON.stringify(baseline));
    const second = await run([...base, '--out', join(dir, 'second'), '--baseline', baselinePath]);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('1 worse, 0 better');
    const html = await readFile(join(dir, 'second', 'report.html'), 'utf8');
    expect(html).toMatch(/Got worse \(1\)[\s\S]*weather/);
    expect(await readFile(join(dir, 'second', 'report.md'), 'utf8')).toContain(
      '## Compared with the baseline',
    );
  });

  it('exits 2 and names the bad lines of a broken question file without opening the bot', async () => {
    await writeFile(join(dir, 'bad.jsonl'), '{"id":"a","question":"x","kind":"fact"}\n{"id":"b"}\n');
    const result = await run(['--questions', join(dir, 'bad.jsonl'), '--no-thresholds']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/line 2: question/);
    expect(opened).toHaveLength(0);
  });

  it('rejects unknown options and modes', async () => {
    expect((await run(['--frobnicate'])).code).toBe(2);
    const mode = await run(['--mode', 'magic']);
    expect(mode.code).toBe(2);
    expect(mode.stderr).toContain('--mode must be one of hybrid, lexical, vector');
  });
});
