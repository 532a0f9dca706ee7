/**
 * Child process for the "killed half-way" test: ingests `<source>` into `<indexDir>` and
 * kills itself with SIGKILL (no cleanup, no finally blocks) right after the snapshot writer
 * has written the file named by `<file>`. Prints `survived` if it ever gets past that.
 */
import { loadCityProfile, loadConfig } from '../../../../config/index.js';
import { ingest } from '../../../../ingestion/index.js';

const [source, indexDir, file] = process.argv.slice(2);
if (!source || !indexDir || !file) throw new Error('usage: ingest-then-die.ts <source> <indexDir> <file>');

const config = loadConfig({ INDEX_DIR: indexDir, LOG_LEVEL: 'silent' });
const profile = loadCityProfile(config.CITY_PROFILE);
await ingest({
  sources: [source],
  indexDir,
  config,
  profile,
  afterWrite: (written) => {
    if (written === file) process.kill(process.pid, 'SIGKILL');
  },
});
console.log('survived');
