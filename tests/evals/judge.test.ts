import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/index.js';
import { parseQuestions } from '../../evals/dataset.js';
import { judgeFromConfig } from '../../evals/judge/from-config.js';
import { parseJudgeScore } from '../../evals/judge/prompts.js';
import { runEvaluation } from '../../evals/runner.js';
import { DOCUMENTS, scriptedEngine } from './scripted-engine.js';

/** A small OpenAI-compatible endpoint (streaming /chat/completions): scores 5 for relevance, 2 for groundedness. */
let server: Server;
let baseUrl: string;
const requests: Array<{
  authorization?: string;
  body: { model: string; messages: Array<{ role: string; content: string }> };
}> = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const parsed = JSON.parse(body) as (typeof requests)[number]['body'];
      requests.push({
        ...(request.headers.authorization ? { authorization: request.headers.authorization } : {}),
        body: parsed,
      });
      if (request.url !== '/v1/chat/completions') {
        response.writeHead(404).end();
        return;
      }
      const user = parsed.messages.find((message) => message.role === 'user')?.content ?? '';
      const score = user.includes('Fundiertheit') ? 2 : 5;
      // The real protocol of a streaming chat completion: SSE chunks, a finish reason, [DONE].
      const chunk = (delta: object, finish: string | null) =>
        `data: ${JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', created: 0, model: parsed.model, choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write(chunk({ role: 'assistant', content: `{"score": ${score}, ` }, null));
      response.write(chunk({ content: '"begruendung": "ok"}' }, null));
      response.write(chunk({}, 'stop'));
      response.end('data: [DONE]\n\n');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const questions = parseQuestions(
  [
    {
      id: 'fee',
      question: 'Was kostet ein Personalausweis?',
      kind: 'fact',
      expected_docs: ['personalausweis.html'],
    },
    { id: 'weather', question: 'Wetter?', kind: 'out_of_scope' },
  ]
    .map((line) => JSON.stringify(line))
    .join('\n'),
);
const engine = () =>
  scriptedEngine({
    'Was kostet ein Personalausweis?': { text: 'Er kostet 37 Euro.', cites: ['personalausweis.html'] },
    'Wetter?': { type: 'out_of_scope', text: 'Dazu kann ich nichts sagen.' },
  });

describe('LLM-judged metrics', () => {
  it('are skipped, with the reason, when no LLM endpoint is configured', async () => {
    const choice = judgeFromConfig(loadConfig({}));
    expect(choice).toEqual({ skipReason: expect.stringMatching(/no LLM endpoint configured/) as string });
    const report = await runEvaluation({ questions, engine: engine(), documents: DOCUMENTS });
    expect(report.judged).toEqual({
      status: 'skipped',
      reason: expect.stringMatching(/LLM_BASE_URL/) as string,
    });
    expect(report.results[0]?.judged).toBeUndefined();
  });

  it('judge answers through an OpenAI-compatible endpoint with German prompts', async () => {
    const choice = judgeFromConfig(
      loadConfig({ LLM_BASE_URL: baseUrl, LLM_MODEL: 'judge-model', LLM_API_KEY: 'secret' }),
    );
    if (!('judge' in choice)) throw new Error('expected a judge');
    const report = await runEvaluation({
      questions,
      engine: engine(),
      documents: DOCUMENTS,
      judge: choice.judge,
    });
    expect(report.judged).toEqual({
      status: 'done',
      model: 'judge-model',
      groundedness: 0.25,
      relevance: 1,
      judged_questions: 1,
      errors: 0,
    });
    expect(report.results[0]?.judged).toEqual({ groundedness: 0.25, relevance: 1 });
    expect(report.results[1]?.judged).toBeUndefined();
    expect(requests).toHaveLength(2);
    expect(requests[0]?.authorization).toBe('Bearer secret');
    expect(requests[0]?.body).toMatchObject({ model: 'judge-model', temperature: 0, stream: true });
    const prompts = requests
      .map((request) => request.body.messages.map((message) => message.content).join('\n'))
      .join('\n');
    expect(prompts).toContain('Frage: Was kostet ein Personalausweis?');
    expect(prompts).toContain('[1] Passage aus personalausweis.html');
    expect(prompts).toMatch(/Antworte nur mit einem JSON-Objekt/);
  });

  it('records a failing judge call on the result instead of aborting the run', async () => {
    const choice = judgeFromConfig(
      loadConfig({ LLM_BASE_URL: `${baseUrl}/missing`, LLM_MODEL: 'judge-model' }),
    );
    if (!('judge' in choice)) throw new Error('expected a judge');
    const report = await runEvaluation({
      questions,
      engine: engine(),
      documents: DOCUMENTS,
      judge: choice.judge,
    });
    expect(report.judged).toMatchObject({ status: 'done', errors: 1, groundedness: null });
    expect(report.results[0]?.judged?.error).toMatch(/404/);
  });

  it('reads scores from replies with text around the JSON', () => {
    expect(parseJudgeScore('Ergebnis: {"score": 4, "begruendung": "gut"}')).toBe(0.75);
    expect(parseJudgeScore('score: 1')).toBe(0);
    expect(() => parseJudgeScore('{"score": 9}')).toThrow(/no score/);
  });
});
