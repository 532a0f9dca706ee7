import { describe, expect, it } from 'vitest';
import { ConfigError, loadCityProfile, loadConfig } from '../../config/index.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe('loadConfig', () => {
  it('fills every setting with its default when the environment is empty', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.EMBEDDER).toBe('hashed-ngram');
    expect(config.HNSW_EF).toBe(100);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('reports every invalid setting at once', () => {
    let caught: unknown;
    try {
      loadConfig({ PORT: 'abc', EMBEDDER: 'magic', LLM_BASE_URL: 'not a url' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const problems = (caught as ConfigError).problems.join('\n');
    expect(problems).toMatch(/PORT/);
    expect(problems).toMatch(/EMBEDDER/);
    expect(problems).toMatch(/LLM_BASE_URL/);
  });

  it('requires a model name when an LLM endpoint is configured', () => {
    expect(() => loadConfig({ LLM_BASE_URL: 'http://127.0.0.1:1/v1' })).toThrow(/LLM_MODEL/);
  });

  it('splits comma-separated origin lists', () => {
    expect(loadConfig({ CORS_ORIGINS: 'https://a.example, https://b.example' }).CORS_ORIGINS).toEqual([
      'https://a.example',
      'https://b.example',
    ]);
  });
});

describe('loadCityProfile', () => {
  it('loads the bundled Gelsenkirchen profile with its emergency numbers', () => {
    const profile = loadCityProfile('cities/gelsenkirchen/profile.yaml');
    expect(profile.name).toBe('Gelsenkirchen');
    expect(profile.emergency.map((entry) => entry.number)).toContain('112');
    expect(profile.emergency.map((entry) => entry.number)).toContain('110');
  });

  it('names the bad field of an invalid profile', () => {
    const dir = mkdtempSync(join(tmpdir(), 'profile-'));
    const path = join(dir, 'profile.yaml');
    writeFileSync(path, 'id: Bad City\nname: X\n');
    expect(() => loadCityProfile(path)).toThrow(/id:[\s\S]*website/);
  });
});
