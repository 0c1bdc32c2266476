// StoreGate: shared runs overlap, an exclusive run is alone, a polite one waits for a quiet moment.
import { describe, expect, it } from 'vitest';
import { StoreGate } from '../../src/server/gate.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('StoreGate', () => {
  it('should never run an exclusive run while a shared one runs, and let shared runs overlap', async () => {
    const gate = new StoreGate();
    let shared = 0;
    let maxShared = 0;
    const overlaps: number[] = [];
    const share = () => gate.share(async () => { shared++; maxShared = Math.max(maxShared, shared); await sleep(5); shared--; });
    const alone = (polite: boolean) => gate.alone(async () => { overlaps.push(shared); await sleep(2); overlaps.push(shared); }, polite);
    await Promise.all([share(), share(), alone(false), share(), alone(true), share(), share(), alone(false)]);
    expect(maxShared).toBeGreaterThan(1);
    expect(overlaps).toHaveLength(6);
    expect(overlaps.every((n) => n === 0)).toBe(true);
  });

  it('should hold new shared runs back behind a waiting exclusive run, but not behind a polite one', async () => {
    const gate = new StoreGate();
    const order: string[] = [];
    const first = gate.share(async () => { await sleep(10); order.push('s1'); });
    const ex = gate.alone(async () => { order.push('ex'); });
    const second = gate.share(async () => { order.push('s2'); });
    await Promise.all([first, ex, second]);
    expect(order).toEqual(['s1', 'ex', 's2']);

    order.length = 0;
    const a = gate.share(async () => { await sleep(10); order.push('s1'); });
    const polite = gate.alone(async () => { order.push('polite'); }, true);
    const b = gate.share(async () => { order.push('s2'); });
    await Promise.all([a, polite, b]);
    expect(order).toEqual(['s2', 's1', 'polite']);
  });
});
