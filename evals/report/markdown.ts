import { METRIC_KEYS, SUMMARY_KEYS, type EvalReport, type EvalSummary } from '../types.js';
import { formatDelta, formatMetric, METRIC_LABELS, truncate } from './format.js';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();
const row = (cells: string[]) => `| ${cells.map(cell).join(' | ')} |`;
const divider = (count: number) => `|${' --- |'.repeat(count)}`;

/** The summary as a Markdown table (also what the CLI prints); with baseline columns when compared. */
export function summaryTable(report: EvalReport): string {
  const comparison = new Map(report.baseline?.metrics.map((metric) => [metric.metric, metric]));
  const withBaseline = report.baseline !== undefined;
  const lines = [
    row(withBaseline ? ['Metric', 'Value', 'Baseline', 'Δ'] : ['Metric', 'Value']),
    divider(withBaseline ? 4 : 2),
  ];
  for (const key of SUMMARY_KEYS) {
    const value = formatMetric(key, report.summary[key]);
    const compared = comparison.get(key);
    lines.push(
      row(
        withBaseline
          ? [
              METRIC_LABELS[key],
              value,
              formatMetric(key, compared?.baseline),
              formatDelta(key, compared?.delta ?? null),
            ]
          : [METRIC_LABELS[key], value],
      ),
    );
  }
  return lines.join('\n');
}

function byKindTable(byKind: EvalReport['by_kind']): string {
  const kinds = Object.keys(byKind) as Array<keyof typeof byKind>;
  const keys: Array<keyof EvalSummary> = ['questions', ...METRIC_KEYS];
  const lines = [row(['Kind', ...keys.map((key) => METRIC_LABELS[key])]), divider(keys.length + 1)];
  for (const kind of kinds) {
    const summary = byKind[kind];
    if (summary) lines.push(row([kind, ...keys.map((key) => formatMetric(key, summary[key]))]));
  }
  return lines.join('\n');
}

/** report.md: summary, per-kind table, judged metrics, gate, baseline changes and failures. */
export function renderMarkdown(report: EvalReport): string {
  const failures = report.results.filter((result) => !result.passed);
  const parts = [
    '# Evaluation report',
    '',
    `Generated ${report.generated_at} · ${report.summary.questions} questions · ${report.run.documents} documents` +
      ` · retrieval: ${report.run.mode}${report.run.embedder ? ` · embedder ${report.run.embedder}` : ''}` +
      `${report.run.corpus ? ` · corpus ${report.run.corpus}` : ''}${report.run.questions_file ? ` · questions ${report.run.questions_file}` : ''}`,
    '',
    '## Summary',
    '',
    summaryTable(report),
    '',
    '## By kind',
    '',
    byKindTable(report.by_kind),
    '',
    '## LLM-judged metrics',
    '',
    report.judged.status === 'skipped'
      ? `Skipped: ${report.judged.reason}.`
      : `Judge ${report.judged.model}: groundedness ${formatMetric('fact_recall', report.judged.groundedness)}, ` +
        `relevance ${formatMetric('fact_recall', report.judged.relevance)} over ${report.judged.judged_questions} answers ` +
        `(${report.judged.errors} errors).`,
  ];
  if (report.gate) {
    parts.push('', '## Thresholds', '');
    parts.push(
      report.gate.passed
        ? 'All thresholds met.'
        : report.gate.failures.map((failure) => `- ❌ ${failure.message}`).join('\n'),
    );
    if (report.gate.not_applicable.length > 0)
      parts.push('', `Not applicable: ${report.gate.not_applicable.join(', ')}.`);
  }
  if (report.baseline) {
    parts.push('', '## Compared with the baseline', '');
    parts.push(`Got worse (${report.baseline.worse.length}):`, '');
    parts.push(
      ...report.baseline.worse.map(
        (change) => `- ${change.id} (${change.kind}): ${change.question} — ${change.failures.join('; ')}`,
      ),
    );
    parts.push('', `Got better (${report.baseline.better.length}):`, '');
    parts.push(
      ...report.baseline.better.map((change) => `- ${change.id} (${change.kind}): ${change.question}`),
    );
  }
  parts.push('', `## Failures (${failures.length})`, '');
  if (failures.length === 0) parts.push('None.');
  else {
    parts.push(row(['Id', 'Kind', 'Question', 'Type', 'Answer', 'Why', 'Sources']), divider(7));
    for (const result of failures) {
      parts.push(
        row([
          result.id,
          result.kind,
          result.question,
          result.type,
          truncate(result.answer, 200),
          result.failures.join('; '),
          result.sources.map((source) => source.docId).join(', '),
        ]),
      );
    }
  }
  return parts.join('\n') + '\n';
}
