import { cpus, totalmem } from 'node:os';
import type { Figure } from './figures.js';

export interface BenchReport {
  version: 1;
  generated_at: string;
  quick: boolean;
  machine: { node: string; platform: string; cpu: string; cpus: number; memory_gb: number };
  settings: { embedder: string; chunk_max_chars: number; runs: number };
  figures: Figure[];
  duration_ms: number;
}

export function machineInfo(): BenchReport['machine'] {
  const cores = cpus();
  return {
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    cpu: cores[0]?.model.trim() ?? 'unknown',
    cpus: cores.length,
    memory_gb: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
  };
}

/** Rounds for display: three significant digits, at least whole numbers for large values. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return '–';
  if (Number.isInteger(value)) return value.toLocaleString('en-US');
  const magnitude = Math.abs(value);
  if (magnitude >= 100) return Math.round(value).toLocaleString('en-US');
  if (magnitude >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

const cell = (text: string) => text.replace(/\|/g, '\\|');

/** The Markdown table printed to stdout and written as bench.md. */
export function benchMarkdown(report: BenchReport): string {
  const lines = [
    `Benchmark ${report.generated_at}${report.quick ? ' (quick)' : ''} · Node ${report.machine.node} · ${report.machine.cpus}× ${report.machine.cpu} · ${report.machine.memory_gb} GB · embedder ${report.settings.embedder}`,
    '',
    '| Group | Figure | Median | p95 | Unit | Samples | Note |',
    '| --- | --- | ---: | ---: | --- | ---: | --- |',
  ];
  for (const entry of report.figures) {
    if ('skipped' in entry)
      lines.push(
        `| ${entry.group} | ${cell(entry.name)} | – | – | ${entry.unit} | 0 | skipped: ${cell(entry.skipped)} |`,
      );
    else
      lines.push(
        `| ${entry.group} | ${cell(entry.name)} | ${formatNumber(entry.median)} | ${formatNumber(entry.p95)} | ${entry.unit} | ${entry.samples} | ${cell(entry.note ?? '')} |`,
      );
  }
  return lines.join('\n') + '\n';
}
