import { setTimeout as delay } from 'node:timers/promises';

interface HostState {
  active: number;
  /** Callers waiting for a slot, first come first served. */
  waiters: Array<() => void>;
  /** Earliest time (clock ms) the next request may start. */
  nextStartAt: number;
  minIntervalMs: number;
}

/** Time source of the scheduler; tests pass a fake one. */
export interface SchedulerClock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

const realClock: SchedulerClock = {
  now: () => performance.now(),
  sleep: (ms, signal) => delay(ms, undefined, signal ? { signal } : {}),
};

/**
 * Per-host politeness: at most `concurrency` requests in flight per host, and request
 * starts at least `minIntervalMs` apart. A robots.txt `Crawl-delay` can raise the interval
 * for one host. Different hosts do not wait for each other.
 */
export class HostScheduler {
  private readonly hosts = new Map<string, HostState>();

  constructor(
    private readonly concurrency: number,
    private readonly minIntervalMs: number,
    private readonly signal?: AbortSignal,
    private readonly clock: SchedulerClock = realClock,
  ) {}

  /** Raises the interval between request starts for one host (never lowers it below the default). */
  setMinInterval(host: string, intervalMs: number): void {
    const state = this.state(host);
    state.minIntervalMs = Math.max(this.minIntervalMs, intervalMs);
  }

  /** Runs `task` once the host has a free slot and its interval has passed. */
  async run<T>(host: string, task: () => Promise<T>): Promise<T> {
    const state = this.state(host);
    await this.acquire(state);
    try {
      await this.waitForTurn(state);
      return await task();
    } finally {
      this.release(state);
    }
  }

  private async acquire(state: HostState): Promise<void> {
    this.signal?.throwIfAborted();
    if (state.active < this.concurrency) {
      state.active += 1;
      return;
    }
    // The releasing caller hands its slot over, so `active` stays unchanged here.
    await new Promise<void>((resolve) => state.waiters.push(resolve));
  }

  private release(state: HostState): void {
    const next = state.waiters.shift();
    if (next) next();
    else state.active -= 1;
  }

  private async waitForTurn(state: HostState): Promise<void> {
    const now = this.clock.now();
    const startAt = Math.max(now, state.nextStartAt);
    state.nextStartAt = startAt + state.minIntervalMs;
    if (startAt > now) await this.clock.sleep(startAt - now, this.signal);
    this.signal?.throwIfAborted();
  }

  private state(host: string): HostState {
    let state = this.hosts.get(host);
    if (!state) {
      state = { active: 0, waiters: [], nextStartAt: 0, minIntervalMs: this.minIntervalMs };
      this.hosts.set(host, state);
    }
    return state;
  }
}
