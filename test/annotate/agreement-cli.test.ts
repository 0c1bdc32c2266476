import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CorrectionStore } from '../../src/annotate/store.js';

const run = promisify(execFile);
const kg = (args: string[]) => run('node', ['dist/src/cli.js', ...args]).then(
  (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
  (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
);

describe('kg eval --agreement', () => {
  let data: string;
  let dirA: string;
  let dirB: string;
  const span = (start: number, end: number) => ({ start, end, text: 'x'.repeat(end - start) });
  // ana and bob agree on two spans (one accepted, one rejected by both), disagree on a third
  const decisions = (who: string) => [
    { who, action: 'accept' as const, doc: 'd.txt', span: span(0, 4), entity: 'org:a' },
    { who, action: 'reject' as const, doc: 'd.txt', span: span(10, 14), entity: 'org:b' },
    { who, action: (who === 'ana' ? 'accept' : 'reject') as 'accept' | 'reject', doc: 'd.txt', span: span(20, 24), entity: 'org:c' },
  ];
  beforeAll(async () => {
    data = await mkdtemp(join(tmpdir(), 'kg-agreement-'));
    dirA = join(data, 'ana');
    dirB = join(data, 'bob');
    // one shared store: bob decides after ana, having seen her decision (base)
    const shared = await CorrectionStore.open(data);
    const seen = new Map<number, number>();
    for (const [i, c] of decisions('ana').entries()) seen.set(i, (await shared.append(c)).seq);
    for (const [i, c] of decisions('bob').entries()) await shared.append({ ...c, base: seen.get(i) });
    // independent stores, one per annotator
    for (const [dir, who] of [[dirA, 'ana'], [dirB, 'bob']] as const) {
      const store = await CorrectionStore.open(dir);
      for (const c of decisions(who)) await store.append(c);
    }
  });
  afterAll(async () => rm(data, { recursive: true, force: true }));

  it('should give the same figures for two independent data directories', async () => {
    const r = await kg(['eval', '--agreement', `${dirA},${dirB}`, '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.spans).toMatchObject({ tp: 1, fp: 0, fn: 1 });
    expect(out.decisions.n).toBe(3);
  });

  it('should report span F1 and kappa between two annotators as JSON', async () => {
    const r = await kg(['eval', '--agreement', 'ana,bob', '--data', data, '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    // kept spans: ana {0-4, 20-24}, bob {0-4} → tp 1, fn 1, fp 0
    expect(out.spans).toMatchObject({ tp: 1, fp: 0, fn: 1 });
    expect(out.decisions.n).toBe(3);
    expect(out.decisions.observed).toBeCloseTo(2 / 3, 10);
  });

  it('should print a readable table', async () => {
    const r = await kg(['eval', '--agreement', 'ana,bob', '--data', data]);
    expect(r.stdout).toMatch(/Agreement between ana \(3 corrections\) and bob \(3\)/);
    expect(r.stdout).toMatch(/kappa/);
  });

  it('should fail in one line for an unknown annotator or a bad pair', async () => {
    for (const args of [['--agreement', 'ana,zoe'], ['--agreement', 'ana']]) {
      const r = await kg(['eval', ...args, '--data', data]);
      expect(r.code).not.toBe(0);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/^kg: /);
    }
  });

  it('should name the standard sets when --set names an unknown one (without --gold, kg eval scores the standard sets)', async () => {
    const r = await kg(['eval', '--set', 'nope']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^kg: --set: unknown set "nope" \(sets: real-dev, seeds, written-dev, written-regression\)/);
  });
});
