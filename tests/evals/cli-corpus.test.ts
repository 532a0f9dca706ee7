import { readdirSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../evals/cli.js';
import type { EvalReport } from '../../evals/types.js';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const throwawayDirs = () => readdirSync(tmpdir()).filter((name) => name.startsWith('buergerbot-eval-'));

describe('npm run eval -- --corpus (real ingestion and composition)', () => {
  it('builds a throwaway snapshot from any folder, answers every question and removes the snapshot', async () => {
    const out = await mkdtemp(join(tmpdir(), 'eval-corpus-out-'));
    const before = throwawayDirs();
    let stdout = '';
    let stderr = '';
    const code = await main(
      [
        '--corpus',
        join(FIXTURES, 'corpus'),
        '--questions',
        join(FIXTURES, 'questions.jsonl'),
        '--out',
        out,
        '--no-thresholds',
      ],
      {
        env: { LOG_LEVEL: 'error' },
        judge: null,
        stdout: (text) => (stdout += text),
        stderr: (text) => (stderr += text),
      },
    );
    expect(stderr).not.toMatch(/Error|error:/);
    expect(code).toBe(0);
    expect(stdout).toContain('| Questions | 6 |');
    expect(throwawayDirs()).toEqual(before);

    const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as EvalReport;
    expect(report.run).toMatchObject({
      documents: 3,
      chunks: expect.any(Number) as number,
      mode: 'hybrid',
      embedder: expect.stringMatching(/^hashed-ngram/) as string,
    });
    const byId = new Map(report.results.map((result) => [result.id, result]));
    // Retrieval runs on the real hybrid index: the expected page is found by id and by url.
    expect(byId.get('t-fee')?.retrieved_docs[0]).toBe('personalausweis.md');
    expect(byId.get('t-dog')?.retrieved_docs[0]).toBe('hundesteuer.md');
    expect(report.summary.recall_at_5).toBe(1);
    // The server's guard answers emergencies; out-of-scope questions are declined.
    expect(byId.get('t-fire')).toMatchObject({ type: 'emergency', emergency_ok: true });
    expect(byId.get('t-weather')?.refusal_ok).toBe(true);
    expect(byId.get('t-fee')?.type).toBe('answer');
    expect(report.results.every((result) => result.latency_ms >= 0)).toBe(true);
    expect(await readFile(join(out, 'report.html'), 'utf8')).toContain('<svg');
  });
});
