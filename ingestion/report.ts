import type { IngestReport } from './pipeline.js';

/** The end-of-run summary printed by `npm run ingest` (German, for city staff). */
export function formatIngestReport(report: IngestReport, maxListed = 20): string {
  const { documents } = report;
  const lines = [
    `Wissensstand ${report.manifest.id} ist aktiv.`,
    `Dokumente: ${documents.total} (neu ${documents.new}, geändert ${documents.changed}, unverändert ${documents.unchanged}, entfernt ${documents.removed})`,
    `Abschnitte: ${report.chunks} (neu eingebettet ${report.embedded}, wiederverwendet ${report.reusedEmbeddings})`,
    `Embedder: ${report.manifest.embedder.id} (${report.manifest.embedder.dimensions} Dimensionen)`,
    `Größe: ${(report.manifest.sizeBytes / 1024 / 1024).toFixed(1)} MB, Dauer: ${(report.durationMs / 1000).toFixed(1)} s`,
  ];
  const list = (title: string, problems: IngestReport['skipped']) => {
    if (problems.length === 0) return;
    lines.push(`${title}: ${problems.length}`);
    for (const problem of problems.slice(0, maxListed)) lines.push(`  - ${problem.item}: ${problem.reason}`);
    if (problems.length > maxListed) lines.push(`  … und ${problems.length - maxListed} weitere`);
  };
  list('Übersprungen', report.skipped);
  list('Fehlgeschlagen', report.failed);
  return lines.join('\n');
}
