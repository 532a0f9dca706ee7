import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchModel } from '../../../knowledge/embedders/fetch-model.js';
import { createTransformersEmbedder } from '../../../knowledge/embedders/index.js';
import { createTinyBertModel } from '../../helpers/tiny-model.js';

const MODEL = 'tiny-org/tiny-bert';

/** A stand-in for the Hugging Face hub on 127.0.0.1: `/<model>/resolve/main/<file>`. */
async function startHub(
  sourceDir: string,
  missing: string[] = [],
): Promise<{ server: Server; url: string; requested: string[] }> {
  const requested: string[] = [];
  const server = createServer((request, response) => {
    const prefix = `/${MODEL}/resolve/main/`;
    const path = decodeURIComponent(request.url ?? '');
    requested.push(path);
    const file = path.startsWith(prefix) ? path.slice(prefix.length) : '';
    if (!file || missing.includes(file) || file.includes('..')) {
      response.writeHead(404).end('Entry not found');
      return;
    }
    readFile(join(sourceDir, MODEL, file)).then(
      (body) => response.writeHead(200, { 'content-length': body.length }).end(body),
      () => response.writeHead(404).end('Entry not found'),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requested };
}

describe('fetchModel', () => {
  let sourceDir: string;
  let workDir: string;

  beforeAll(async () => {
    sourceDir = await mkdtemp(join(tmpdir(), 'hub-source-'));
    workDir = await mkdtemp(join(tmpdir(), 'fetch-target-'));
    await createTinyBertModel(sourceDir, { name: MODEL });
  });

  afterAll(async () => {
    await rm(sourceDir, { recursive: true, force: true });
    await rm(workDir, { recursive: true, force: true });
  });

  it('downloads the model into the layout the embedder loads offline', async () => {
    const hub = await startHub(sourceDir);
    const modelsDir = join(workDir, 'ok');
    const lines: string[] = [];
    try {
      const result = await fetchModel({
        model: MODEL,
        modelsDir,
        remoteHost: hub.url,
        log: (line) => lines.push(line),
      });
      expect(result).toEqual({ folder: join(modelsDir, MODEL), dimensions: 16 });
    } finally {
      hub.server.close();
    }
    for (const file of ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model.onnx']) {
      expect(existsSync(join(modelsDir, MODEL, file))).toBe(true);
    }
    expect(hub.requested).toContain(`/${MODEL}/resolve/main/onnx/model.onnx`);
    expect(lines.some((line) => line.includes('onnx/model.onnx done'))).toBe(true);

    const embedder = await createTransformersEmbedder({ model: MODEL, modelsDir });
    expect(await embedder.embedQuery('Hund')).toHaveLength(16);
    await embedder.dispose();
  });

  it('explains what to do when the hub cannot be reached, and leaves no half folder', async () => {
    const closed = await startHub(sourceDir);
    const url = closed.url;
    await new Promise((resolve) => closed.server.close(resolve));
    const modelsDir = join(workDir, 'offline');
    await expect(fetchModel({ model: MODEL, modelsDir, remoteHost: url, log: () => {} })).rejects.toThrow(
      /Cannot reach .* no internet access.*EMBEDDER=hashed-ngram/,
    );
    expect(existsSync(join(modelsDir, MODEL))).toBe(false);
  });

  it('explains a model without an ONNX export', async () => {
    const hub = await startHub(sourceDir, ['onnx/model.onnx']);
    const modelsDir = join(workDir, 'no-onnx');
    try {
      await expect(
        fetchModel({ model: MODEL, modelsDir, remoteHost: hub.url, log: () => {} }),
      ).rejects.toThrow(/failed: .*ONNX export/);
    } finally {
      hub.server.close();
    }
    expect(existsSync(join(modelsDir, MODEL))).toBe(false);
  });
});
