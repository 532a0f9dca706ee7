import { existsSync } from 'node:fs';

/**
 * Loads `.env` from the working directory into the environment when the file exists
 * (values already set in the environment win). Entry points call it before `loadConfig`.
 */
export function loadDotEnv(path = '.env'): void {
  if (!existsSync(path)) return;
  const before = { ...process.env };
  process.loadEnvFile(path);
  for (const [key, value] of Object.entries(before)) process.env[key] = value;
}
