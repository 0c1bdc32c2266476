// Coalescer: one run in flight, one pending, every request covered by a run that started after it.
import { describe, expect, it } from 'vitest';
import { Coalescer } from '../../src/server/coalescer.js';

function _controlled() {
  const started: number[] = [];
  const finish: (() => void)[] = [];
  const c = new Coalescer((run) => {
    started.push(run);
    return new Promise<void>((r) => finish.push(r));
  }, 1);
  return { c, started, finish: () => finish.shift()!() };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('Coalescer', () => {
  it('should start a run at once when idle and number runs after the start value', () => {
    const { c, started } = _controlled();
    expect(c.request()).toBe(2);
    expect(started).toEqual([2]);
  });

  it('should fold every request made during a run into one pending run', async () => {
    const { c, started, finish } = _controlled();
    c.request();
    const promised = Array.from({ length: 50 }, () => c.request());
    expect(new Set(promised)).toEqual(new Set([3]));
    expect(started).toEqual([2]);
    finish();
    await tick();
    expect(started).toEqual([2, 3]);
    expect(c.request()).toBe(4); // run 3 is in flight: a new request needs a run after it
    finish();
    await tick();
    expect(started).toEqual([2, 3, 4]);
    finish();
    await c.idle();
  });

  it('should resolve idle() only after pending runs finished', async () => {
    const { c, finish } = _controlled();
    c.request();
    c.request();
    let idle = false;
    void c.idle().then(() => (idle = true));
    finish();
    await tick();
    expect(idle).toBe(false);
    finish();
    await tick();
    await tick();
    expect(idle).toBe(true);
  });

  it('should keep going after a run that rejects', async () => {
    const runs: number[] = [];
    const c = new Coalescer(async (run) => {
      runs.push(run);
      if (run === 1) throw new Error('boom');
    });
    c.request();
    await c.idle();
    c.request();
    await c.idle();
    expect(runs).toEqual([1, 2]);
  });
});
