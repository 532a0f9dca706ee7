import {
  METRIC_KEYS,
  SUMMARY_KEYS,
  type EvalReport,
  type EvalSummary,
  type QuestionResult,
} from '../types.js';
import { passRateByKind } from './baseline.js';
import { barChart, latencyHistogram } from './charts.js';
import { escapeHtml, safeHref } from './escape.js';
import { formatDelta, formatMetric, METRIC_LABELS } from './format.js';

const STYLE = `
body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:1200px;padding:0 1rem;color:#1a1a1a;line-height:1.4}
h1,h2{color:#00385f}table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem;font-size:.9rem}
th,td{border:1px solid #c9d2db;padding:.35rem .5rem;text-align:left;vertical-align:top}th{background:#eef2f6}
td.num{text-align:right;font-variant-numeric:tabular-nums}.better{color:#2e7d32}.worse{color:#c62828}
.charts{display:flex;flex-wrap:wrap;gap:2rem}.muted{color:#555}details summary{cursor:pointer}
.fail{color:#c62828;font-weight:600}.pass{color:#2e7d32;font-weight:600}
#summary{max-width:560px}.scroll{overflow-x:auto}#failures td ul{margin:0;padding-left:1rem}
#failures td:nth-child(3){min-width:12rem}#failures td:nth-child(5){min-width:18rem}`;

const cell = (text: string, className?: string) =>
  `<td${className ? ` class="${className}"` : ''}>${escapeHtml(text)}</td>`;

function summaryTable(report: EvalReport): string {
  const comparison = new Map(report.baseline?.metrics.map((metric) => [metric.metric, metric]));
  const head = report.baseline
    ? '<tr><th>Metric</th><th>Value</th><th>Baseline</th><th>Δ</th></tr>'
    : '<tr><th>Metric</th><th>Value</th></tr>';
  const rows = SUMMARY_KEYS.map((key) => {
    const compared = comparison.get(key);
    const extra = report.baseline
      ? cell(formatMetric(key, compared?.baseline), 'num') +
        cell(
          formatDelta(key, compared?.delta ?? null),
          `num ${compared?.direction === 'better' ? 'better' : compared?.direction === 'worse' ? 'worse' : ''}`.trim(),
        )
      : '';
    return `<tr>${cell(METRIC_LABELS[key])}${cell(formatMetric(key, report.summary[key]), 'num')}${extra}</tr>`;
  });
  return `<table id="summary">${head}${rows.join('')}</table>`;
}

function byKindTable(report: EvalReport): string {
  const keys: Array<keyof EvalSummary> = ['questions', ...METRIC_KEYS];
  const head = `<tr><th>Kind</th>${keys.map((key) => `<th>${escapeHtml(METRIC_LABELS[key])}</th>`).join('')}</tr>`;
  const rows = Object.entries(report.by_kind).map(
    ([kind, summary]) =>
      `<tr>${cell(kind)}${keys.map((key) => cell(formatMetric(key, summary?.[key]), 'num')).join('')}</tr>`,
  );
  return `<table id="by-kind">${head}${rows.join('')}</table>`;
}

function sourcesCell(result: QuestionResult): string {
  const items = result.sources.map((source) => {
    const href = safeHref(source.url);
    const label = escapeHtml(source.title || source.docId);
    return `<li>${href ? `<a href="${escapeHtml(href)}">${label}</a>` : label} <span class="muted">(${escapeHtml(source.docId)})</span></li>`;
  });
  return `<td>${items.length > 0 ? `<ul>${items.join('')}</ul>` : '–'}</td>`;
}

function failuresTable(results: readonly QuestionResult[]): string {
  const failures = results.filter((result) => !result.passed);
  if (failures.length === 0) return '<p id="failures">No failures.</p>';
  const rows = failures.map(
    (result) =>
      `<tr>${cell(result.id)}${cell(result.kind)}${cell(result.question)}${cell(result.type)}` +
      `<td><details><summary>${escapeHtml(result.answer.slice(0, 160) || '–')}${result.answer.length > 160 ? '…' : ''}</summary>${escapeHtml(result.answer)}</details></td>` +
      `${cell(result.missing_facts.join(' | ') || '–')}${cell(result.failures.join('; '))}${sourcesCell(result)}</tr>`,
  );
  return (
    '<div class="scroll"><table id="failures"><tr><th>Id</th><th>Kind</th><th>Question</th><th>Type</th><th>Answer</th><th>Missing facts</th><th>Why</th><th>Sources used</th></tr>' +
    rows.join('') +
    '</table></div>'
  );
}

function baselineSection(report: EvalReport): string {
  const comparison = report.baseline;
  if (!comparison) return '';
  const list = (changes: typeof comparison.worse, className: string) =>
    changes.length === 0
      ? '<p>None.</p>'
      : `<ul class="${className}">${changes.map((change) => `<li><strong>${escapeHtml(change.id)}</strong> (${escapeHtml(change.kind)}): ${escapeHtml(change.question)}${change.failures.length ? ` — <span class="muted">${escapeHtml(change.failures.join('; '))}</span>` : ''}</li>`).join('')}</ul>`;
  return (
    `<section id="baseline"><h2>Compared with the baseline</h2><p class="muted">Baseline from ${escapeHtml(comparison.baseline_generated_at ?? 'unknown date')}.</p>` +
    `<h3>Got worse (${comparison.worse.length})</h3>${list(comparison.worse, 'worse')}` +
    `<h3>Got better (${comparison.better.length})</h3>${list(comparison.better, 'better')}` +
    (comparison.added.length || comparison.removed.length
      ? `<p class="muted">New questions: ${escapeHtml(comparison.added.join(', ') || '–')}. Removed: ${escapeHtml(comparison.removed.join(', ') || '–')}.</p>`
      : '') +
    '</section>'
  );
}

function judgedSection(report: EvalReport): string {
  const judged = report.judged;
  const body =
    judged.status === 'skipped'
      ? `<p>Skipped: ${escapeHtml(judged.reason)}.</p>`
      : `<p>Judge <code>${escapeHtml(judged.model)}</code>: groundedness ${formatMetric('fact_recall', judged.groundedness)}, relevance ${formatMetric('fact_recall', judged.relevance)} over ${judged.judged_questions} answers (${judged.errors} errors).</p>`;
  return `<section id="judged"><h2>LLM-judged metrics</h2>${body}</section>`;
}

function gateSection(report: EvalReport): string {
  if (!report.gate) return '';
  const body = report.gate.passed
    ? '<p class="pass">All thresholds met.</p>'
    : `<ul>${report.gate.failures.map((failure) => `<li class="fail">${escapeHtml(failure.message)}</li>`).join('')}</ul>`;
  return `<section id="gate"><h2>Thresholds</h2>${body}</section>`;
}

/** report.html: one self-contained page (inline CSS and SVG, no scripts, no external assets). */
export function renderHtml(report: EvalReport): string {
  const passRates = passRateByKind(report.results);
  const baselineRates = report.baseline?.baseline_pass_rate_by_kind;
  const bars = Object.entries(passRates).map(([kind, value]) => ({
    label: kind,
    value,
    ...(baselineRates ? { baseline: baselineRates[kind] ?? null } : {}),
  }));
  const passed = report.results.filter((result) => result.passed).length;
  const run = report.run;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Evaluation report ${escapeHtml(report.generated_at)}</title><style>${STYLE}</style></head>
<body><main>
<h1>Evaluation report</h1>
<p class="muted">Generated ${escapeHtml(report.generated_at)} · ${report.summary.questions} questions, ${passed} passed · ${run.documents} documents · retrieval ${escapeHtml(run.mode)}${run.embedder ? ` · embedder ${escapeHtml(run.embedder)}` : ''}${run.corpus ? ` · corpus ${escapeHtml(run.corpus)}` : ''}</p>
<section><h2>Summary</h2>${summaryTable(report)}</section>
${gateSection(report)}
<section><h2>Charts</h2><div class="charts">
<figure>${barChart('Pass rate per question kind', bars)}<figcaption>Pass rate per question kind${baselineRates ? ' (black line: baseline)' : ''}</figcaption></figure>
<figure>${latencyHistogram(
    'Latency distribution',
    report.results.map((result) => result.latency_ms),
    [
      { label: 'p50', value: report.summary.latency_ms_p50 },
      { label: 'p95', value: report.summary.latency_ms_p95 },
    ],
  )}<figcaption>Latency distribution (ms)</figcaption></figure>
</div></section>
<section><h2>By kind</h2>${byKindTable(report)}</section>
${judgedSection(report)}
${baselineSection(report)}
<section><h2>Failures (${report.results.length - passed})</h2>${failuresTable(report.results)}</section>
</main></body></html>
`;
}
