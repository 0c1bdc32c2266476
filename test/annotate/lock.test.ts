import { describe, it, expect } from 'vitest';
import { writeFileSync, existsSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { acquireLock } from '../../src/annotate/lock.js';
import { KgError } from '../../src/errors.js';
import { _tmp } from './_helpers.js';

const _owner = (pid: number) => JSON.stringify({ pid, host: hostname(), at: new Date().toISOString() });

describe('acquireLock', () => {
  it('should create the lock file and remove it on release', async () => {
    const path = join(_tmp(), 'x.lock');
    const release = await acquireLock(path);
    expect(existsSync(path)).toBe(true);
    await release();
    expect(existsSync(path)).toBe(false);
  });

  it('should break a lock whose owner died (kill -9) at once', async () => {
    const path = join(_tmp(), 'x.lock');
    const dead = spawnSync(process.execPath, ['-e', 'process.exit(0)']).pid!;
    writeFileSync(path, _owner(dead));
    const t0 = Date.now();
    const release = await acquireLock(path, { timeoutMs: 2000 });
    expect(Date.now() - t0).toBeLessThan(1000);
    await release();
  });

  it('should wait for a live owner and give up with a KgError naming the lock', async () => {
    const path = join(_tmp(), 'x.lock');
    writeFileSync(path, _owner(process.ppid)); // our parent is alive
    await expect(acquireLock(path, { timeoutMs: 200 })).rejects.toBeInstanceOf(KgError);
    await expect(acquireLock(path, { timeoutMs: 200 })).rejects.toThrow(/x\.lock: still locked after 200 ms/);
  });

  it('should serialise two holders in one process', async () => {
    const path = join(_tmp(), 'x.lock');
    const order: string[] = [];
    const hold = async (name: string) => {
      const release = await acquireLock(path);
      order.push(`${name}+`);
      await new Promise((r) => setTimeout(r, 30));
      order.push(`${name}-`);
      await release();
    };
    await Promise.all([hold('a'), hold('b')]);
    expect(order.join('')).toBe(order[0] === 'a+' ? 'a+a-b+b-' : 'b+b-a+a-');
  });
});
