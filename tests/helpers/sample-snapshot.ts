import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { loadCityProfile, loadConfig, type AppConfig, type CityProfile } from '../../config/index.js';
import { ingest } from '../../ingestion/index.js';

export const SAMPLE_SITE = 'cities/gelsenkirchen/sample/site';
export const SAMPLE_SERVICES = 'cities/gelsenkirchen/sample/services.json';
export const PROFILE_PATH = 'cities/gelsenkirchen/profile.yaml';

function hashTree(paths: string[]): string {
  const hash = createHash('sha256');
  const visit = (path: string) => {
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path).sort()) visit(join(path, entry));
    } else {
      hash.update(relative('.', path));
      hash.update(readFileSync(path));
    }
  };
  paths.forEach(visit);
  return hash.digest('hex').slice(0, 16);
}

export interface SampleSnapshot {
  indexDir: string;
  config: AppConfig;
  profile: CityProfile;
}

/**
 * The bundled sample city ingested once per code + content version and shared by the test
 * files (built in a temp folder, then renamed into place, so parallel workers never see a
 * half-written index).
 */
export async function sampleSnapshot(): Promise<SampleSnapshot> {
  const key = hashTree(['cities/gelsenkirchen', 'ingestion', 'knowledge']);
  const indexDir = join(tmpdir(), `buergerbot-sample-${key}`);
  const config = loadConfig({ INDEX_DIR: indexDir, LOG_LEVEL: 'silent' });
  const profile = loadCityProfile(PROFILE_PATH);
  if (!existsSync(join(indexDir, 'CURRENT'))) {
    const staging = mkdtempSync(join(tmpdir(), 'buergerbot-sample-build-'));
    await ingest({ sources: [SAMPLE_SITE, SAMPLE_SERVICES], indexDir: staging, config, profile });
    try {
      renameSync(staging, indexDir);
    } catch {
      rmSync(staging, { recursive: true, force: true }); // another worker was faster
    }
  }
  return { indexDir, config, profile };
}
