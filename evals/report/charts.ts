/**
 * Inline SVG charts for report.html: no scripts, no external assets, readable without
 * colour (values are printed next to the bars) and labelled for screen readers.
 */
import { escapeHtml } from './escape.js';

export interface Bar {
  label: string;
  /** 0..1, or null when the value does not apply. */
  value: number | null;
  /** Optional second value drawn as a thin marker (the baseline). */
  baseline?: number | null;
}

/** Horizontal bars for rates (0..1), e.g. the pass rate per question kind. */
export function barChart(title: string, bars: readonly Bar[]): string {
  const labelWidth = 130;
  const barWidth = 320;
  const rowHeight = 26;
  const width = labelWidth + barWidth + 70;
  const height = bars.length * rowHeight + 10;
  const rows = bars.map((bar, index) => {
    const y = index * rowHeight + 5;
    const value = bar.value ?? 0;
    const marker =
      bar.baseline === undefined || bar.baseline === null
        ? ''
        : `<line x1="${labelWidth + bar.baseline * barWidth}" x2="${labelWidth + bar.baseline * barWidth}" y1="${y - 2}" y2="${y + 20}" stroke="#222" stroke-width="2"><title>baseline ${(bar.baseline * 100).toFixed(1)} %</title></line>`;
    return [
      `<text x="${labelWidth - 8}" y="${y + 14}" text-anchor="end">${escapeHtml(bar.label)}</text>`,
      `<rect x="${labelWidth}" y="${y}" width="${barWidth}" height="18" fill="#e6ecf2"/>`,
      `<rect class="bar" x="${labelWidth}" y="${y}" width="${(value * barWidth).toFixed(1)}" height="18" fill="${value >= 0.8 ? '#2e7d32' : value >= 0.5 ? '#b26a00' : '#c62828'}"/>`,
      marker,
      `<text x="${labelWidth + barWidth + 8}" y="${y + 14}">${bar.value === null ? '–' : `${(value * 100).toFixed(1)} %`}</text>`,
    ].join('');
  });
  return svg(title, width, height, rows.join(''));
}

/** A histogram of latencies (ms) in equal-width bins, with p50/p95 marked. */
export function latencyHistogram(
  title: string,
  values: readonly number[],
  markers: Array<{ label: string; value: number | null }>,
): string {
  const width = 520;
  const height = 200;
  const plot = { left: 40, right: 10, top: 20, bottom: 36 };
  if (values.length === 0) return svg(title, width, 40, '<text x="10" y="24">no latencies</text>');
  const max = Math.max(...values, 1);
  const binCount = Math.min(20, Math.max(5, Math.ceil(Math.sqrt(values.length))));
  const binWidth = max / binCount;
  const counts = new Array<number>(binCount).fill(0);
  for (const value of values) counts[Math.min(binCount - 1, Math.floor(value / binWidth))]! += 1;
  const highest = Math.max(...counts);
  const innerWidth = width - plot.left - plot.right;
  const innerHeight = height - plot.top - plot.bottom;
  const x = (ms: number) => plot.left + (ms / max) * innerWidth;
  const bars = counts.map((count, index) => {
    const barHeight = (count / highest) * innerHeight;
    return `<rect class="bar" x="${(plot.left + (index * innerWidth) / binCount + 1).toFixed(1)}" y="${(plot.top + innerHeight - barHeight).toFixed(1)}" width="${(innerWidth / binCount - 2).toFixed(1)}" height="${barHeight.toFixed(1)}" fill="#00528c"><title>${(index * binWidth).toFixed(0)}–${((index + 1) * binWidth).toFixed(0)} ms: ${count}</title></rect>`;
  });
  const lines = markers
    .filter((marker): marker is { label: string; value: number } => marker.value !== null)
    .map(
      (marker) =>
        `<line x1="${x(marker.value).toFixed(1)}" x2="${x(marker.value).toFixed(1)}" y1="${plot.top - 8}" y2="${plot.top + innerHeight}" stroke="#c62828" stroke-dasharray="4 3"/>` +
        `<text x="${(x(marker.value) + 3).toFixed(1)}" y="${plot.top - 10}" fill="#c62828">${escapeHtml(marker.label)}</text>`,
    );
  const axis =
    `<line x1="${plot.left}" x2="${width - plot.right}" y1="${plot.top + innerHeight}" y2="${plot.top + innerHeight}" stroke="#444"/>` +
    `<text x="${plot.left}" y="${height - 18}">0 ms</text>` +
    `<text x="${width - plot.right}" y="${height - 18}" text-anchor="end">${max.toFixed(0)} ms</text>` +
    `<text x="${plot.left - 6}" y="${plot.top + 4}" text-anchor="end">${highest}</text>` +
    `<text x="${width / 2}" y="${height - 4}" text-anchor="middle">latency per question</text>`;
  return svg(title, width, height, bars.join('') + axis + lines.join(''));
}

function svg(title: string, width: number, height: number, body: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeHtml(title)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="system-ui, sans-serif" font-size="12">` +
    `<title>${escapeHtml(title)}</title>${body}</svg>`
  );
}
