import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { HostScheduler, type SchedulerClock } from '../../../ingestion/sources/crawl/host-scheduler.js';

/** A clock whose time moves only when the test fires the next pending sleep. */
class FakeClock implements SchedulerClock {
  time = 0;
  private readonly timers: Array<{ at: number; resolve: () => void }> = [];

  now = () => this.time;

  sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      this.timers.push({ at: this.time + ms, resolve });
    });

  /** Lets pending work run, then fires sleeps in time order until none is left. */
  async runAll(): Promise<void> {
    for (;;) {
      await nextTurn();
      this.timers.sort((left, right) => left.at - right.at);
      const timer = this.timers.shift();
      if (!timer) return;
      this.time = Math.max(this.time, timer.at);
      timer.resolve();
    }
  }
}

/** Runs `count` instant tasks on `host` and returns the clock time each one started at. */
function startTimes(
  scheduler: HostScheduler,
  clock: FakeClock,
  host: string,
  count: number,
): Promise<number[]> {
  return Promise.all(
    Array.from({ length: count }, () => scheduler.run(host, () => Promise.resolve(clock.now()))),
  );
}

describe('HostScheduler', () => {
  it('starts requests to one host at least the minimum interval apart', async () => {
    const clock = new FakeClock();
    const scheduler = new HostScheduler(10, 100, undefined, clock);
    const times = startTimes(scheduler, clock, 'a.example', 4);
    await clock.runAll();
    expect(await times).toEqual([0, 100, 200, 300]);
  });

  it('uses a larger interval set for one host (Crawl-delay) and lets other hosts go on', async () => {
    const clock = new FakeClock();
    const scheduler = new HostScheduler(10, 100, undefined, clock);
    scheduler.setMinInterval('a.example', 250);
    scheduler.setMinInterval('b.example', 10);
    const slow = startTimes(scheduler, clock, 'a.example', 3);
    const other = startTimes(scheduler, clock, 'b.example', 3);
    await clock.runAll();
    expect(await slow).toEqual([0, 250, 500]);
    expect(await other).toEqual([0, 100, 200]);
  });

  it('never runs more tasks per host than its concurrency, and hands freed slots on in order', async () => {
    const scheduler = new HostScheduler(2, 0);
    let active = 0;
    let maxActive = 0;
    const order: number[] = [];
    const releases: Array<() => void> = [];
    const tasks = Array.from({ length: 5 }, (_, index) =>
      scheduler.run('a.example', async () => {
        active += 1;
        maxActive = Math.max(maxActive, active);
        order.push(index);
        await new Promise<void>((resolve) => releases.push(resolve));
        active -= 1;
      }),
    );
    await nextTurn();
    expect(order).toEqual([0, 1]);
    while (releases.length > 0) {
      releases.shift()!();
      await nextTurn();
    }
    await Promise.all(tasks);
    expect(order).toEqual([0, 1, 2, 3, 4]);
    expect(maxActive).toBe(2);
  });

  it('rejects waiting tasks once the crawl is aborted', async () => {
    const controller = new AbortController();
    const scheduler = new HostScheduler(1, 0, controller.signal);
    controller.abort(new Error('stop'));
    await expect(scheduler.run('a.example', () => Promise.resolve('done'))).rejects.toThrow('stop');
  });
});
