import { performance } from 'node:perf_hooks';
import type { AnswerEngine } from '../../bot/answering/types.js';
import type { Retriever } from '../../knowledge/types.js';
import { figure, type Figure } from './figures.js';

/**
 * Search and answer latency over one open snapshot, in process: every query `passes`
 * times (after one warm-up pass), each call timed on the monotonic clock.
 */
export async function benchSearchAndAnswer(options: {
  label: string;
  engine: Pick<AnswerEngine, 'answer'>;
  retriever: Pick<Retriever, 'search'>;
  queries: readonly string[];
  passes: number;
  k: number;
}): Promise<Figure[]> {
  const search: number[] = [];
  const answer: number[] = [];
  for (let pass = -1; pass < options.passes; pass += 1) {
    for (const query of options.queries) {
      let started = performance.now();
      await options.retriever.search(query, { k: options.k });
      if (pass >= 0) search.push(performance.now() - started);
      started = performance.now();
      await options.engine.answer({ message: query, history: [], channel: 'eval' });
      if (pass >= 0) answer.push(performance.now() - started);
    }
  }
  const note = `${options.queries.length} queries × ${options.passes}`;
  return [
    figure('search', `search latency @ ${options.label}`, 'ms', search, note),
    figure('answer', `answer latency @ ${options.label}`, 'ms', answer, note),
  ];
}
