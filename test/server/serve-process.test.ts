// `kg serve` as a process: prints the URL (and token), serves, stops cleanly on SIGTERM, one-line errors.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { _post, _tempProject } from './_helpers.js';

function _kg(args: string[]): { child: ChildProcess; lines: () => Promise<string[]>; stderr: () => string; exit: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const waiters: (() => void)[] = [];
  child.stdout!.on('data', (c) => { out += c; for (const w of waiters.splice(0)) w(); });
  child.stderr!.on('data', (c) => (err += c));
  const exit = new Promise<number | null>((r) => child.on('exit', (code) => { for (const w of waiters.splice(0)) w(); r(code); }));
  return {
    child,
    exit,
    stderr: () => err,
    // Resolves once stdout holds at least one complete line (or the process ended).
    lines: async () => {
      while (!out.includes('\n') && child.exitCode === null) await new Promise<void>((r) => waiters.push(r));
      return out.split('\n').filter(Boolean);
    },
  };
}

describe('kg serve process', () => {
  let p: Awaited<ReturnType<typeof _tempProject>>;
  beforeAll(async () => { p = await _tempProject(); });
  afterAll(async () => { await p.cleanup(); });

  it('should print the URL and a given token, require it for writes, and exit 0 on SIGTERM', async () => {
    const kg = _kg(['serve', '--port', '0', '--corpus', p.corpus, '--data', p.data, '--token', 'secret-token-1']);
    try {
      const lines = await kg.lines();
      expect(lines[0]).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      await new Promise((r) => setTimeout(r, 100));
      expect(kg.stderr()).toMatch(/built graph v1 \(3 documents\)/);
      const url = lines[0];
      expect((await (await fetch(`${url}api/health`)).json())).toEqual({ ok: true, version: 1, status: 'ready', stale: false, skipped: [] });
      const body = { who: 'ana', action: 'accept', doc: 'evil.txt', span: { start: 0, end: 4, text: 'Evil' }, base: 0 };
      expect((await _post(`${url}api/corrections`, body)).status).toBe(401);
      expect((await _post(`${url}api/corrections`, body, { authorization: 'Bearer secret-token-1' })).status).toBe(201);
      expect((await kg.lines()).join('\n')).toContain('token: secret-token-1');
      kg.child.kill('SIGTERM');
      expect(await kg.exit).toBe(0);
    } finally {
      kg.child.kill('SIGKILL');
    }
  }, 60_000);

  it('should log a torn last line of corrections.jsonl in one line, control characters in its path escaped', async () => {
    const data = join(p.root, 'data\u001b[2J\u0007');
    await mkdir(data);
    await writeFile(join(data, 'corrections.jsonl'), '{"id":"1","seq":1,"at":"2026-01-01T00:00:00Z","who":"ana","action":"reject","doc":"evil.txt","span":{"start":0,"end":4,"text":"Evil"},"key":"evil.txt#0-4"}\n{"id":"2","seq":2,"at":"2026-01-');
    const kg = _kg(['serve', '--port', '0', '--corpus', p.corpus, '--data', data]);
    try {
      expect((await kg.lines())[0]).toMatch(/^http:/);
      expect(kg.stderr()).toMatch(/^kg serve: .*data\\x1b\[2J\\x07\/corrections\.jsonl:2: ignoring torn last line/m);
      // eslint-disable-next-line no-control-regex
      expect(kg.stderr()).not.toMatch(/[\x00-\x08\x0b-\x1f]/);
      kg.child.kill('SIGTERM');
      expect(await kg.exit).toBe(0);
    } finally {
      kg.child.kill('SIGKILL');
    }
  }, 60_000);

  it('should fail with one line and exit 1 when the corpus does not exist', async () => {
    const kg = _kg(['serve', '--port', '0', '--corpus', `${p.root}/missing`, '--data', p.data]);
    expect(await kg.exit).toBe(1);
    expect(kg.stderr().trim().split('\n').filter((l) => l.startsWith('kg: '))).toHaveLength(1);
    expect(kg.stderr()).not.toMatch(/\n\s+at /);
  }, 60_000);
});
