/** Public surface of the ingestion pipeline. */
export {
  ingest,
  hashDocument,
  type IngestOptions,
  type IngestReport,
  type IngestProgress,
} from './pipeline.js';
export { IngestError, resolveSource, type ResolvedSource, type SourceKind } from './resolve-sources.js';
export { formatIngestReport } from './report.js';
