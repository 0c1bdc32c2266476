import { describe, it, expect } from 'vitest';
import { appendFileSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { CorrectionStore, CorrectionConflictError } from '../../src/annotate/store.js';
import { correctionKey } from '../../src/annotate/key.js';
import { ConflictError, ValidationError } from '../../src/errors.js';
import { _accept, _tmp } from './_helpers.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');

function _child(dataDir: string, tag: string, count?: number) {
  const args = ['--import', 'tsx', join(here, '_writer.ts'), dataDir, tag];
  if (count !== undefined) args.push(String(count));
  return spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
}

describe('CorrectionStore', () => {
  it('should assign id, seq, at, key and persist across reopen', async () => {
    const dir = _tmp();
    const store = await CorrectionStore.open(dir);
    const c = await store.append(_accept('a.txt', 3, 'STPS'));
    expect(c).toMatchObject({ seq: 1, who: 'ana', key: 'a.txt#3-7', action: 'accept' });
    expect(c.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(Date.parse(c.at)).not.toBeNaN();
    const again = await CorrectionStore.open(dir);
    expect(again.list()).toEqual([c]);
    expect(again.latest('a.txt#3-7')?.seq).toBe(1);
    expect(readFileSync(join(dir, 'corrections.jsonl'), 'utf8').trim().split('\n')).toHaveLength(1);
    expect(existsSync(join(dir, 'corrections.jsonl.lock'))).toBe(false);
  });

  it('should keep every acknowledged append of 20 clients × 100 appends', async () => {
    const dir = _tmp();
    const store = await CorrectionStore.open(dir);
    const clients = Array.from({ length: 20 }, async (_, client) => {
      const acked = [];
      let base = 0;
      for (let i = 0; i < 100; i++) {
        // each client chains on its own key, so the conflict check runs on every append
        const c = await store.append({ who: `c${client}`, action: 'set-country', entity: `org:c${client}`, country: 'MX', base });
        base = c.seq;
        acked.push(c);
      }
      return acked;
    });
    const acked = (await Promise.all(clients)).flat();
    expect(acked).toHaveLength(2000);
    const reopened = await CorrectionStore.open(dir);
    expect(reopened.list().map((c) => c.seq)).toEqual(Array.from({ length: 2000 }, (_, i) => i + 1));
    const ids = new Set(reopened.list().map((c) => c.id));
    for (const c of acked) expect(ids.has(c.id)).toBe(true);
    expect(reopened.warnings).toEqual([]);
  }, 60_000);

  it('should reject a stale base with ConflictError carrying the current correction', async () => {
    const store = await CorrectionStore.open(_tmp());
    const first = await store.append(_accept('a.txt', 0, 'FAT'));
    const second = await store.append(_accept('a.txt', 0, 'FAT', { action: 'reject', who: 'bob', base: 1 }));
    const lost = store.append(_accept('a.txt', 0, 'FAT', { action: 'reject', who: 'cy', base: first.seq }));
    await expect(lost).rejects.toBeInstanceOf(ConflictError);
    const err = await lost.catch((e: CorrectionConflictError) => e);
    expect(err.name).toBe('CorrectionConflictError');
    expect(err.current).toEqual(second);
    expect(err.message).toMatch(/conflict on a\.txt#0-3: you saw #1, latest is #2 \(reject by bob/);
    // a first write on a key that claims to have seen something also conflicts
    await expect(store.append(_accept('a.txt', 9, 'FAT', { base: 5 }))).rejects.toBeInstanceOf(ConflictError);
    expect(store.list()).toHaveLength(2);
  });

  it('should let exactly one of two concurrent writers on the same key win', async () => {
    const store = await CorrectionStore.open(_tmp());
    const results = await Promise.allSettled([
      store.append(_accept('a.txt', 0, 'FAT', { who: 'x' })),
      store.append(_accept('a.txt', 0, 'FAT', { who: 'y', action: 'reject' })),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
  });

  it.each([
    [{ who: '', action: 'accept', doc: 'a', span: { start: 0, end: 1, text: 'x' } }, /who/],
    [{ who: 'a', action: 'explode' }, /action/],
    [{ who: 'a', action: 'accept', doc: 'a', span: { start: 0, end: 3, text: 'x' } }, /span.*length/],
    [{ who: 'a', action: 'accept', doc: 'a', span: { start: 4, end: 3, text: '' } }, /span.end must be greater/],
    [{ who: 'a', action: 'accept', span: { start: 0, end: 1, text: 'x' } }, /span needs doc/],
    [{ who: 'a', action: 'retype', entity: 'person:x' }, /retype needs type/],
    [{ who: 'a', action: 'merge', entity: 'org:x', target: 'org:x' }, /same/],
    [{ who: 'a', action: 'merge', entity: 'org x', target: 'org:y' }, /entity: expected an entity id/],
    [{ who: 'a', action: 'set-country', entity: 'org:x' }, /needs country/],
    [{ who: 'a', action: 'set-country', entity: 'org:x', country: 'FR' }, /country/],
    [{ who: 'a', action: 'add-relation', doc: 'a', relation: { subject: 'org:a', predicate: 'HATES', object: 'org:b' } }, /predicate/],
    [{ who: 'a', action: 'accept', entity: 'org:a', colour: 'red' }, /colour|Unrecognized/],
  ])('should reject invalid input %# with a clear ValidationError', async (input, message) => {
    const store = await CorrectionStore.open(_tmp());
    const p = store.append(input as never);
    await expect(p).rejects.toBeInstanceOf(ValidationError);
    await expect(p).rejects.toThrow(message);
  });

  it('should ignore a torn last line with a warning, then cut it off on the next append', async () => {
    const dir = _tmp();
    const store = await CorrectionStore.open(dir);
    await store.append(_accept('a.txt', 0, 'FAT'));
    const file = join(dir, 'corrections.jsonl');
    appendFileSync(file, '{"id":"x","seq":2,"who":"ana","act');
    const reopened = await CorrectionStore.open(dir);
    expect(reopened.list()).toHaveLength(1);
    expect(reopened.warnings).toHaveLength(1);
    expect(reopened.warnings[0]).toMatch(/corrections\.jsonl:2: ignoring torn last line/);
    const c = await reopened.append(_accept('a.txt', 5, 'CTM'));
    expect(c.seq).toBe(2);
    const lines = readFileSync(file, 'utf8').split('\n');
    expect(lines).toHaveLength(3); // two records + the empty string after the final newline
    expect(JSON.parse(lines[1]).seq).toBe(2);
    expect((await CorrectionStore.open(dir)).warnings).toEqual([]);
  });

  it('should fail on an invalid line in the middle naming file:line', async () => {
    const dir = _tmp();
    const store = await CorrectionStore.open(dir);
    await store.append(_accept('a.txt', 0, 'FAT'));
    await store.append(_accept('a.txt', 5, 'CTM'));
    const file = join(dir, 'corrections.jsonl');
    const lines = readFileSync(file, 'utf8').split('\n');
    writeFileSync(file, [lines[0], '{not json', lines[1], ''].join('\n'));
    await expect(CorrectionStore.open(dir)).rejects.toThrow(/corrections\.jsonl:2: invalid JSON/);
    writeFileSync(file, [lines[0].replace('"accept"', '"acept"'), lines[1], ''].join('\n'));
    await expect(CorrectionStore.open(dir)).rejects.toThrow(/corrections\.jsonl:1: action/);
  });

  it('should filter list by doc and who', async () => {
    const store = await CorrectionStore.open(_tmp());
    await store.append(_accept('a.txt', 0, 'FAT'));
    await store.append(_accept('b.txt', 0, 'FAT', { who: 'bob' }));
    expect(store.list({ doc: 'b.txt' }).map((c) => c.who)).toEqual(['bob']);
    expect(store.list({ who: 'ana' }).map((c) => c.doc)).toEqual(['a.txt']);
    expect(store.list({ after: 1 })).toHaveLength(1);
  });

  it('should compute keys per action kind', () => {
    expect(correctionKey({ action: 'reject', doc: 'd.txt', span: { start: 1, end: 4, text: 'abc' } })).toBe('d.txt#1-4');
    expect(correctionKey({ action: 'merge', entity: 'org:a' })).toBe('org:a');
    expect(correctionKey({ action: 'set-country', entity: 'org:a' })).toBe('org:a#country');
    expect(correctionKey({ action: 'delete-relation', relation: { subject: 'org:a', predicate: 'FUNDS', object: 'org:b' } }))
      .toBe('org:a|FUNDS|org:b');
    expect(correctionKey({ action: 'add-relation', doc: 'd.txt', relation: { subject: 'org:a', predicate: 'FUNDS', object: 'org:b' } }))
      .toBe('d.txt#org:a|FUNDS|org:b');
  });

  it('should see another writer’s appends: on refresh, and before deciding a conflict', async () => {
    const dir = _tmp();
    const a = await CorrectionStore.open(dir);
    const b = await CorrectionStore.open(dir); // as a second process would
    const first = await b.append(_accept('a.txt', 0, 'FAT'));
    expect(a.list()).toEqual([]);
    await a.refresh();
    expect(a.latest(first.key)).toEqual(first);
    const second = await b.append(_accept('a.txt', 0, 'FAT', { action: 'reject', base: 1 }));
    const lost = await a.append(_accept('a.txt', 0, 'FAT', { base: 1 })).catch((e: CorrectionConflictError) => e);
    expect(lost).toBeInstanceOf(CorrectionConflictError);
    expect((lost as CorrectionConflictError).current).toEqual(second);
    expect((await a.append(_accept('a.txt', 9, 'CTM'))).seq).toBe(3);
  });

  it('should keep refresh() and append() on one instance apart: no error, seqs dense, nothing loaded twice', async () => {
    const dir = _tmp();
    const store = await CorrectionStore.open(dir);
    const other = await CorrectionStore.open(dir); // a second process, so refresh has real lines to read too
    let writing = true;
    let refreshes = 0;
    const loose: Promise<void>[] = [];
    // 4 writers × 50 appends in a row, each followed by a refresh, while a refresh loop keeps reading:
    // refreshes land while commits are mid-write, before and after their fsync
    const writers = Array.from({ length: 4 }, async (_, w) => {
      for (let i = 0; i < 50; i++) {
        await store.append({ who: 'ana', action: 'set-country', entity: `org:w${w}-${i}`, country: 'MX' });
        loose.push(store.refresh()); // not awaited: overlaps the next append
        if (i % 10 === 0) await other.append({ who: 'bob', action: 'set-country', entity: `org:o${w}-${i}`, country: 'US' });
      }
    });
    const refresher = (async () => {
      while (writing) { await store.refresh(); refreshes++; await new Promise((r) => setImmediate(r)); }
    })();
    const work = [Promise.all(writers).finally(() => { writing = false; }), refresher];
    const results = await Promise.allSettled([...work, ...loose]);
    expect(results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);
    await store.refresh();
    expect(refreshes).toBeGreaterThan(20);
    expect(store.list().map((c) => c.seq)).toEqual(Array.from({ length: 220 }, (_, i) => i + 1));
    expect(store.list({ who: 'bob' })).toHaveLength(20);
    const reopened = await CorrectionStore.open(dir);
    expect(reopened.list()).toEqual(store.list());
    expect(reopened.warnings).toEqual([]);
    // the instance's offset still matches the file: a later append lands right after
    expect((await store.append({ who: 'ana', action: 'set-country', entity: 'org:last', country: 'CA' })).seq).toBe(221);
  }, 60_000);

  it('should not interleave two processes writing to the same data dir', async () => {
    const dir = _tmp();
    const run = (tag: string) => new Promise<number[]>((resolve, reject) => {
      const child = _child(dir, tag, 150);
      let out = '';
      let err = '';
      child.stdout.on('data', (d) => { out += d; });
      child.stderr.on('data', (d) => { err += d; });
      child.on('exit', (code) => (code === 0 ? resolve(out.trim().split('\n').map(Number)) : reject(new Error(err))));
    });
    const [a, b] = await Promise.all([run('p1'), run('p2')]);
    const store = await CorrectionStore.open(dir);
    expect(store.list().map((c) => c.seq)).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
    expect([...a, ...b].sort((x, y) => x - y)).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
    expect(store.warnings).toEqual([]);
  }, 60_000);

  it('should keep every acknowledged seq after kill -9 of a writer', async () => {
    const dir = _tmp();
    const child = _child(dir, 'k');
    const acked: number[] = [];
    let buffer = '';
    await new Promise<void>((resolve, reject) => {
      child.on('error', reject);
      child.stdout.on('data', (d: Buffer) => {
        buffer += d.toString();
        const parts = buffer.split('\n');
        buffer = parts.pop()!;
        acked.push(...parts.map(Number));
        if (acked.length >= 300 && !child.killed) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.on('exit', () => resolve());
    });
    await new Promise((r) => child.once('exit', r).exitCode !== null && r(null));
    expect(acked.length).toBeGreaterThanOrEqual(300);
    const store = await CorrectionStore.open(dir, { lock: { timeoutMs: 5000 } }); // a lock left by the dead writer is broken
    const seqs = new Set(store.list().map((c) => c.seq));
    for (const s of acked) expect(seqs.has(s)).toBe(true);
    const next = await store.append(_accept('after.txt', 0, 'x'));
    expect(next.seq).toBe(store.list().length);
  }, 60_000);
});
