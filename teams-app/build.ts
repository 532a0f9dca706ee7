/**
 * Builds the Teams app package folder: `manifest.json` (from `manifest.template.json`,
 * filled from the config and the city profile) plus the two icons.
 *
 *   npx tsx teams-app/build.ts [--out dist/teams-app] [--version 1.0.0]
 *   cd dist/teams-app && zip ../teams-app.zip manifest.json color.png outline.png
 *
 * The zip is what Teams admins upload (Teams admin center → Manage apps → Upload). See
 * docs/teams.md for the whole set-up.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadCityProfile, loadConfig, type AppConfig, type CityProfile } from '../config/index.js';

const HERE = dirname(fileURLToPath(import.meta.url));
export const TEMPLATE_PATH = join(HERE, 'manifest.template.json');
export const ICON_FILES = ['color.png', 'outline.png'] as const;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SEMVER = /^\d+\.\d+\.\d+$/;
const MAX_COMMAND_TITLE = 32;
const MAX_EXAMPLE_COMMANDS = 2;

/** The values for the `${NAME}` placeholders of the template. */
export function manifestValues(
  config: AppConfig,
  profile: CityProfile,
  version: string,
): Record<string, string> {
  if (!config.MICROSOFT_APP_ID) {
    throw new Error(
      'MICROSOFT_APP_ID is empty: the Teams app needs the App ID of the Azure Bot registration.',
    );
  }
  return {
    MICROSOFT_APP_ID: config.MICROSOFT_APP_ID,
    APP_VERSION: version,
    BOT_NAME: profile.botName,
    CITY_NAME: profile.name,
    CITY_GENITIVE: profile.genitive,
    WEBSITE_URL: profile.website,
    PRIVACY_URL: profile.privacyNoticeUrl,
    TERMS_URL: profile.imprintUrl ?? profile.website,
    ACCENT_COLOR: profile.branding.primaryColor,
  };
}

/** Replaces `${NAME}` in every string of the parsed template; an unknown name is an error. */
export function fillTemplate(template: unknown, values: Record<string, string>): unknown {
  const fill = (text: string) =>
    text.replace(/\$\{([A-Z0-9_]+)\}/g, (_match, name: string) => {
      const value = values[name];
      if (value === undefined) throw new Error(`manifest template: no value for \${${name}}`);
      return value;
    });
  const walk = (node: unknown): unknown => {
    if (typeof node === 'string') return fill(node);
    if (Array.isArray(node)) return node.map(walk);
    if (typeof node === 'object' && node !== null) {
      return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, walk(value)]));
    }
    return node;
  };
  return walk(template);
}

interface Manifest {
  version: string;
  id: string;
  developer: Record<string, string>;
  name: { short: string; full: string };
  description: { short: string; full: string };
  accentColor: string;
  bots: Array<{
    botId: string;
    commandLists: Array<{ commands: Array<{ title: string; description: string }> }>;
  }>;
  validDomains: string[];
}

/** The limits of the Teams manifest schema (v1.17) that a city's values can break. */
export function checkManifest(manifest: Manifest): string[] {
  const problems: string[] = [];
  const limit = (label: string, value: string, max: number) => {
    if (value.length > max)
      problems.push(`${label} is ${value.length} characters, at most ${max} allowed: "${value}"`);
  };
  if (!GUID.test(manifest.id)) problems.push(`id must be a GUID (the bot's App ID), got "${manifest.id}"`);
  if (!SEMVER.test(manifest.version))
    problems.push(`version must look like 1.0.0, got "${manifest.version}"`);
  limit('name.short', manifest.name.short, 30);
  limit('name.full', manifest.name.full, 100);
  limit('description.short', manifest.description.short, 80);
  limit('description.full', manifest.description.full, 4000);
  for (const [key, url] of Object.entries(manifest.developer)) {
    if (key.endsWith('Url') && !url.startsWith('https://'))
      problems.push(`developer.${key} must be an https URL`);
  }
  if (!/^#[0-9a-fA-F]{6}$/.test(manifest.accentColor)) problems.push('accentColor must be #RRGGBB');
  for (const bot of manifest.bots) {
    if (!GUID.test(bot.botId)) problems.push(`bots[].botId must be a GUID, got "${bot.botId}"`);
    for (const command of bot.commandLists.flatMap((list) => list.commands))
      limit('command title', command.title, MAX_COMMAND_TITLE);
  }
  if (JSON.stringify(manifest).includes('${')) problems.push('unfilled placeholder left in the manifest');
  return problems;
}

/** The filled manifest: template + values, example questions as bot commands, the bot's domain. */
export function renderManifest(config: AppConfig, profile: CityProfile, version = '1.0.0'): Manifest {
  const template = JSON.parse(readFileSync(TEMPLATE_PATH, 'utf8')) as unknown;
  const manifest = fillTemplate(template, manifestValues(config, profile, version)) as Manifest;
  const examples = (profile.starterQuestions.de ?? [])
    .filter((question) => question.length <= MAX_COMMAND_TITLE)
    .slice(0, MAX_EXAMPLE_COMMANDS);
  for (const list of manifest.bots.flatMap((bot) => bot.commandLists)) {
    list.commands.push(...examples.map((title) => ({ title, description: 'Beispielfrage' })));
  }
  if (config.PUBLIC_BASE_URL) manifest.validDomains = [new URL(config.PUBLIC_BASE_URL).host];
  const problems = checkManifest(manifest);
  if (problems.length)
    throw new Error(`Teams manifest is invalid:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  return manifest;
}

/** Writes manifest.json and the icons into `outDir`; returns the written paths. */
export function buildTeamsApp(options: {
  config: AppConfig;
  profile: CityProfile;
  outDir: string;
  version?: string;
}): string[] {
  const manifest = renderManifest(options.config, options.profile, options.version);
  mkdirSync(options.outDir, { recursive: true });
  const manifestPath = join(options.outDir, 'manifest.json');
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  const icons = ICON_FILES.map((file) => {
    const target = join(options.outDir, file);
    copyFileSync(join(HERE, file), target);
    return target;
  });
  return [manifestPath, ...icons];
}

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const config = loadConfig();
  const outDir = resolve(argument('out') ?? 'dist/teams-app');
  const files = buildTeamsApp({
    config,
    profile: loadCityProfile(config.CITY_PROFILE),
    outDir,
    version: argument('version'),
  });
  process.stdout.write(
    `Teams app written:\n${files.map((file) => `  ${file}`).join('\n')}\n` +
      `Package it with:\n  cd ${outDir} && zip ../teams-app.zip manifest.json color.png outline.png\n`,
  );
}
