import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCityProfile, loadConfig } from '../../../config/index.js';
import { createRuntime, type Runtime } from '../../../bot/composition.js';
import { ingest } from '../../../ingestion/index.js';

/**
 * The same deployment evaluated on another city's pages (as `npm run eval -- --corpus` does):
 * it answers about that city and does not pass its facts off as the profile city's.
 */
let runtime: Runtime;
beforeAll(async () => {
  const indexDir = mkdtempSync(join(tmpdir(), 'buergerbot-other-city-'));
  const config = loadConfig({ INDEX_DIR: indexDir, LOG_LEVEL: 'silent' });
  const profile = loadCityProfile(config.CITY_PROFILE);
  await ingest({ sources: ['tests/fixtures/other-city'], indexDir, config, profile });
  runtime = await createRuntime({ config, profile, llm: null });
});

const ask = (message: string) => runtime.engine.answer({ message, history: [], channel: 'eval' });

describe('pages of a city other than the profile’s', () => {
  it('answers a question that names the pages’ own city', async () => {
    const answer = await ask('Was kostet ein Personalausweis in Essen?');
    expect(answer.type).toBe('answer');
    expect(answer.text).toContain('37,00 Euro');
    expect(answer.citations[0]?.url).toBe('https://www.essen.de/buergerservice/personalausweis');
  });

  it('does not give those facts for the profile’s city', async () => {
    const answer = await ask('Was kostet der Personalausweis in Gelsenkirchen?');
    expect(answer.type).toBe('no_answer');
    expect(answer.text).not.toContain('37,00');
  });

  it('does not give them for a third city either', async () => {
    const answer = await ask('Was kostet der Personalausweis in Bochum?');
    expect(answer.type).toBe('no_answer');
    expect(answer.text).not.toContain('37,00');
  });
});
