import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { EvalReport } from '../types.js';
import { renderHtml } from './html.js';
import { renderMarkdown } from './markdown.js';

/** Serialises the report exactly as `report.json` holds it. */
export function renderJson(report: EvalReport): string {
  return JSON.stringify(report, null, 2) + '\n';
}

/** Writes report.json, report.md and report.html into `outDir`; returns their paths. */
export async function writeReports(
  outDir: string,
  report: EvalReport,
): Promise<{ json: string; markdown: string; html: string }> {
  await mkdir(outDir, { recursive: true });
  const paths = {
    json: join(outDir, 'report.json'),
    markdown: join(outDir, 'report.md'),
    html: join(outDir, 'report.html'),
  };
  await Promise.all([
    writeFile(paths.json, renderJson(report)),
    writeFile(paths.markdown, renderMarkdown(report)),
    writeFile(paths.html, renderHtml(report)),
  ]);
  return paths;
}
