import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';

/** A server started as its own process, the way `npm start` runs it. */
export interface ServerProcess {
  url: string;
  pid: number;
  /** Milliseconds from spawn until `GET /readyz` answered 200. */
  startupMs: number;
  /** Resident set size now, in bytes. */
  rssBytes(): number;
  /** Peak resident set size so far (VmHWM), in bytes. */
  peakRssBytes(): number;
  stop(): Promise<void>;
}

/** A free TCP port on 127.0.0.1 (asked from the OS, then released). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function procStatusBytes(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(
      readFileSync(`/proc/${pid}/status`, 'utf8'),
    );
    return match ? Number(match[1]) * 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/**
 * Starts `node --import tsx <entry>` with the given environment on 127.0.0.1 and waits
 * (polling every 25 ms, at most `timeoutMs`) until it reports ready.
 */
export async function startServerProcess(options: {
  entry: string;
  cwd: string;
  env: Record<string, string | undefined>;
  timeoutMs: number;
}): Promise<ServerProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', options.entry], {
    cwd: options.cwd,
    env: { ...options.env, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code));

  const stop = async () => {
    if (exitCode !== undefined) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };

  while (performance.now() - started < options.timeoutMs) {
    if (exitCode !== undefined)
      throw new Error(`server exited with code ${exitCode} before it was ready:\n${stderr}`);
    try {
      const response = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(1000) });
      await response.arrayBuffer();
      if (response.ok) {
        const pid = child.pid ?? 0;
        return {
          url,
          pid,
          startupMs: performance.now() - started,
          rssBytes: () => procStatusBytes(pid, 'VmRSS'),
          peakRssBytes: () => procStatusBytes(pid, 'VmHWM'),
          stop,
        };
      }
    } catch {
      // not listening yet
    }
    await delay(25);
  }
  await stop();
  throw new Error(`server not ready within ${options.timeoutMs} ms:\n${stderr}`);
}
