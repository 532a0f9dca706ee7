import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCityProfile, loadConfig } from '../../../config/index.js';
import { buildTeamsApp, renderManifest } from '../../../teams-app/build.js';
import { testProfile } from './support/fakes.js';
import { readPng } from './support/png.js';

const APP_ID = '8f2a3c1e-1b2c-4d5e-9f00-123456789abc';
const config = loadConfig({
  MICROSOFT_APP_ID: APP_ID,
  MICROSOFT_APP_PASSWORD: 'secret',
  MICROSOFT_APP_TENANT_ID: '11111111-2222-3333-4444-555555555555',
  PUBLIC_BASE_URL: 'https://bot.musterstadt.example',
});

describe('Teams app manifest', () => {
  it('fills the v1.17 template with the App ID and the city profile', () => {
    const manifest = renderManifest(config, testProfile, '1.2.3') as unknown as Record<string, unknown>;
    expect(manifest).toMatchObject({
      $schema: 'https://developer.microsoft.com/json-schemas/teams/v1.17/MicrosoftTeams.schema.json',
      manifestVersion: '1.17',
      version: '1.2.3',
      id: APP_ID,
      developer: { name: 'Musterstadt', privacyUrl: 'https://www.musterstadt.example/datenschutz' },
      name: { short: 'Musterstadt-Bot' },
      icons: { color: 'color.png', outline: 'outline.png' },
      accentColor: '#004b87',
      validDomains: ['bot.musterstadt.example'],
      bots: [{ botId: APP_ID, scopes: ['personal', 'team', 'groupChat'] }],
    });
    const commands = (
      manifest.bots as Array<{ commandLists: Array<{ commands: Array<{ title: string }> }> }>
    )[0]!.commandLists[0]!.commands.map((command) => command.title);
    expect(commands).toEqual(['hilfe', 'Was kostet ein Personalausweis?', 'Wie melde ich mich um?']);
    expect(JSON.stringify(manifest)).not.toContain('${');
  });

  it('fits the manifest limits with the shipped city profile', () => {
    expect(() => renderManifest(config, loadCityProfile('cities/gelsenkirchen/profile.yaml'))).not.toThrow();
  });

  it('refuses to build without an App ID or with a bot name Teams would reject', () => {
    expect(() => renderManifest(loadConfig({}), testProfile)).toThrow(/MICROSOFT_APP_ID is empty/);
    expect(() =>
      renderManifest(config, { ...testProfile, botName: 'Ein sehr langer Name für einen Bot' }),
    ).toThrow(/name.short is 34 characters/);
  });

  it('writes manifest.json with a 192×192 colour icon and a 32×32 white-on-transparent outline icon', () => {
    const outDir = mkdtempSync(join(tmpdir(), 'teams-app-'));
    try {
      const files = buildTeamsApp({ config, profile: testProfile, outDir });
      expect(files.map((file) => file.slice(outDir.length + 1))).toEqual([
        'manifest.json',
        'color.png',
        'outline.png',
      ]);
      expect(JSON.parse(readFileSync(join(outDir, 'manifest.json'), 'utf8'))).toMatchObject({ id: APP_ID });

      const color = readPng(readFileSync(join(outDir, 'color.png')));
      expect([color.width, color.height, color.colorType]).toEqual([192, 192, 6]);
      const outline = readPng(readFileSync(join(outDir, 'outline.png')));
      expect([outline.width, outline.height]).toEqual([32, 32]);
      let visible = 0;
      for (let index = 0; index < outline.pixels.length; index += 4) {
        const [red, green, blue, alpha] = outline.pixels.subarray(index, index + 4);
        if (alpha === 0) continue;
        visible++;
        expect([red, green, blue]).toEqual([255, 255, 255]);
      }
      expect(visible).toBeGreaterThan(50);
      expect(outline.pixels[3]).toBe(0); // transparent corner
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  });
});
