import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

/** The size budget from issue 5: the built widget must stay at or under 20 KB gzipped. */
export const MAX_GZIP_BYTES = 20 * 1024;

const here = dirname(fileURLToPath(import.meta.url));
export const WIDGET_SOURCE_DIR = join(here, 'src');
export const WIDGET_DIST_PATH = join(here, 'dist', 'widget.js');

export interface WidgetBuild {
  path: string;
  bytes: number;
  gzipBytes: number;
}

/**
 * Bundles and minifies `web-widget/src/index.ts` into one classic script at
 * `web-widget/dist/widget.js` (written atomically, so concurrent builds never serve half a
 * file). Rejects when the gzipped size is over the budget.
 */
export async function buildWidget(options: { outFile?: string } = {}): Promise<WidgetBuild> {
  const { build } = await import('esbuild'); // a dev tool: loaded only when a build is needed
  const path = options.outFile ?? WIDGET_DIST_PATH;
  const result = await build({
    entryPoints: [join(WIDGET_SOURCE_DIR, 'index.ts')],
    bundle: true,
    minify: true,
    format: 'iife',
    target: ['es2020', 'chrome93', 'firefox92', 'safari15'],
    legalComments: 'none',
    banner: { js: '/*! Bürgerbot web widget | EUPL-1.2 */' },
    charset: 'utf8',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.contents;
  if (!code) throw new Error('esbuild produced no output for the widget');
  const gzipBytes = gzipSync(code, { level: 9 }).byteLength;
  if (gzipBytes > MAX_GZIP_BYTES) {
    throw new Error(`widget.js is ${gzipBytes} bytes gzipped, over the budget of ${MAX_GZIP_BYTES} bytes`);
  }
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(temporary, code);
  await rename(temporary, path);
  return { path, bytes: code.byteLength, gzipBytes };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  buildWidget().then(
    ({ path, bytes, gzipBytes }) => {
      console.log(`${path}: ${kb(bytes)} raw, ${kb(gzipBytes)} gzipped (budget ${kb(MAX_GZIP_BYTES)})`);
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
}
