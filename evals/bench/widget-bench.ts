import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { figure, skipped, type Figure } from './figures.js';

/** The widget's size, built into a temporary file (never over the served dist file). */
export async function benchWidget(repoRoot: string): Promise<Figure[]> {
  if (!existsSync(join(repoRoot, 'web-widget', 'build.ts')))
    return [skipped('widget', 'widget.js gzipped', 'KB', 'web-widget/build.ts not found')];
  const { buildWidget } = await import('../../web-widget/build.js');
  const dir = await mkdtemp(join(tmpdir(), 'bench-widget-'));
  try {
    const build = await buildWidget({ outFile: join(dir, 'widget.js') });
    // Sizes are exact; one sample each.
    return [
      figure('widget', 'widget.js gzipped', 'KB', [build.gzipBytes / 1024]),
      figure('widget', 'widget.js raw (minified)', 'KB', [build.bytes / 1024]),
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
