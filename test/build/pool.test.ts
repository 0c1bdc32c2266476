// The extraction pool: each document in a worker with a CPU budget; bad documents are one line, never a crash.
import { afterEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ExtractionPool } from '../../src/build/pool.js';
import { OntologyError } from '../../src/errors.js';
import { _selfReferentialPdf, _tmp } from '../corpus/_helpers.js';

const GOOD = 'U.S. Secretary of Labor Elaine Chao met Mexican Secretary of Labor Carlos Abascal in Mexico City.\n';
const pools: ExtractionPool[] = [];
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

function _pool(opts: Partial<ConstructorParameters<typeof ExtractionPool>[0]> = {}): ExtractionPool {
  const pool = new ExtractionPool({ ontology: 'ontology', ...opts });
  pools.push(pool);
  return pool;
}

/** Writes `files` into a temp dir and returns their paths. */
function _files(files: Record<string, string | Buffer>): Record<string, string> {
  const dir = _tmp('kg-pool-');
  return Object.fromEntries(Object.entries(files).map(([name, body]) => (writeFileSync(join(dir, name), body), [name, join(dir, name)])));
}

describe('ExtractionPool', () => {
  it('should read and extract a document in a worker', async () => {
    const f = _files({ 'a.txt': GOOD });
    const r = await _pool().run(f['a.txt']!, { displayPath: 'corpus/a.txt', name: 'a.txt' });
    expect(r.secs).toBeGreaterThan(0);
    expect('doc' in r && r.doc.text).toBe(GOOD);
    expect('doc' in r && r.extraction!.entities.map((e) => e.id)).toEqual(expect.arrayContaining(['person:elaine-chao', 'place:mexico-city']));
    expect(_pool().info()).toBeUndefined();
  }, 60_000);

  it('should skip extraction of a document the caller has cached', async () => {
    const f = _files({ 'a.txt': GOOD });
    const pool = _pool();
    const first = await pool.run(f['a.txt']!, { displayPath: 'a.txt' });
    const sha = 'doc' in first ? first.doc.sha256 : '';
    const again = await pool.run(f['a.txt']!, { displayPath: 'a.txt' }, sha);
    expect('doc' in again && again.extraction).toBeUndefined();
    expect('doc' in again && again.doc.sha256).toBe(sha);
    expect(new Map(pool.info()?.curated).get('place:mexico')).toMatchObject({ iso: 'MX' });
    expect(pool.info()?.warnings).toEqual([expect.stringMatching(/"NAO".*declared ambiguous$/), expect.stringMatching(/"CLC".*declared ambiguous$/)]);
  }, 60_000);

  it('should report the self-referential PDF in one line and go on with the next document', async () => {
    const f = _files({ 'self.pdf': _selfReferentialPdf(), 'b.txt': GOOD });
    const pool = _pool();
    const [bad, good] = await Promise.all([pool.run(f['self.pdf']!, { displayPath: 'corpus/self.pdf' }), pool.run(f['b.txt']!, { displayPath: 'corpus/b.txt' })]);
    expect(bad).toMatchObject({ error: 'corpus/self.pdf: not a readable PDF (Pages tree contains circular reference)' });
    expect('doc' in good).toBe(true);
  }, 60_000);

  it('should skip a document over its CPU budget, replace the worker and extract the next one', async () => {
    // Real prose, long enough to need well over 0.3 s of CPU time.
    const f = _files({ 'long.txt': GOOD.repeat(6000), 'b.txt': GOOD });
    const pool = _pool({ timeoutS: 0.3 });
    const t0 = performance.now();
    const slow = await pool.run(f['long.txt']!, { displayPath: 'corpus/long.txt' });
    expect(slow).toMatchObject({ error: 'corpus/long.txt: skipped: took longer than 0.3 s of CPU time (--timeout)' });
    expect(performance.now() - t0).toBeLessThan(30_000);
    const next = await pool.run(f['b.txt']!, { displayPath: 'corpus/b.txt' });
    expect('doc' in next).toBe(true);
  }, 120_000);

  it('should cut a huge document into parts on its threads and merge them as the whole extraction (src/pipeline/parts.ts)', async () => {
    // paragraphs that refer to nothing before them: in parts, the same extraction as whole
    const paras = ['U.S. Secretary of Labor Elaine Chao met Mexican Secretary of Labor Carlos Abascal in Mexico City.', 'The United Electrical Workers and the Frente Auténtico del Trabajo signed a strategic alliance in 1992.', 'The AFL-CIO supported the Sindicato Nacional de Trabajadores Mineros during the strike at Cananea.'];
    const text = paras.map((p) => `${p}\n\n`).join('').repeat(8);
    const f = _files({ 'huge.txt': text });
    const whole = await _pool().run(f['huge.txt']!, { displayPath: 'huge.txt' });
    const pool = _pool({ size: 2, partChars: 500 });
    const cut = await pool.run(f['huge.txt']!, { displayPath: 'huge.txt' });
    expect('doc' in cut && cut.doc.text).toBe(text);
    expect('doc' in cut && cut.extraction).toEqual('doc' in whole && whole.extraction);
    expect(cut.cpuSecs).toBeGreaterThan(0);
    // a part that fails skips the document in one line (parts of ≥ 150,000 characters: each takes ~3× the
    // 0.1 s budget here; with 20,000-character parts each fit in it once extraction got faster)
    const slow = await _pool({ size: 2, partChars: 150_000, timeoutS: 0.1 }).run(_files({ 'long.txt': GOOD.repeat(6000) })['long.txt']!, { displayPath: 'corpus/long.txt' });
    expect(slow).toMatchObject({ error: 'corpus/long.txt: skipped: took longer than 0.1 s of CPU time (--timeout)' });
  }, 120_000);

  it('should skip a document that runs its worker out of memory', async () => {
    const f = _files({ 'big.txt': 'The STPS and the AFL-CIO met the UAW. '.repeat(120_000), 'b.txt': GOOD });
    const pool = _pool({ memoryMb: 160, timeoutS: 600 });
    const big = await pool.run(f['big.txt']!, { displayPath: 'corpus/big.txt' });
    expect(big).toMatchObject({ error: 'corpus/big.txt: skipped: ran out of memory (more than the 160 MB a document may use)' });
    const next = await pool.run(f['b.txt']!, { displayPath: 'corpus/b.txt' });
    expect('doc' in next).toBe(true);
  }, 240_000);

  it('should not throw when jobs finish or a worker dies while the budget check reads /proc (race fixed in 9cf8ddb)', async () => {
    // The window is widened, not mocked away: the pool's real /proc read, then a pause. Jobs end and a
    // worker dies inside it; before the fix the check (and the job start) read a slot's job before
    // the await and threw on the `undefined` it had become after it — an unhandled rejection.
    const rejections: unknown[] = [];
    const onRejection = (e: unknown) => rejections.push(e);
    process.on('unhandledRejection', onRejection);
    try {
      const f = _files({ 'a.txt': GOOD, 'b.txt': GOOD });
      const pool = _pool({ size: 2 });
      const job = (name: string) => pool.run(f[name]!, { displayPath: `corpus/${name}` });
      await Promise.all([job('a.txt'), job('b.txt')]); // both workers started and ready
      const internals = pool as unknown as {
        cpuSeconds: (s: { worker: { terminate(): Promise<number> } }) => Promise<number>;
        cpuSecondsNow: (s: { worker: { terminate(): Promise<number> } }) => number;
      };
      const read = internals.cpuSeconds.bind(pool);
      const readNow = internals.cpuSecondsNow.bind(pool);
      let kill = false;
      internals.cpuSeconds = async (s) => {
        const v = await read(s);
        await new Promise((r) => setTimeout(r, 1500));
        return v;
      };
      // a job's start time is read at once (no await before it is posted): the worker dies right there
      internals.cpuSecondsNow = (s) => {
        if (kill) (kill = false, void s.worker.terminate());
        return readNow(s);
      };
      // 1. both jobs finish while the check waits on the first slot's CPU time: the second slot has no job any more
      const [a, b] = await Promise.all([job('a.txt'), job('b.txt')]);
      expect('doc' in a && 'doc' in b).toBe(true);
      await new Promise((r) => setTimeout(r, 4000)); // the checks that were waiting end
      // 2. the worker dies as its job starts: the job is reported skipped, in one line
      kill = true;
      expect(await job('a.txt')).toMatchObject({ error: expect.stringMatching(/^corpus\/a\.txt: skipped: its worker exited/) });
      await new Promise((r) => setTimeout(r, 2000));
      expect(rejections).toEqual([]);
    } finally {
      process.off('unhandledRejection', onRejection);
    }
  }, 120_000);

  it('should reject every job with the OntologyError when the ontology is broken', async () => {
    const f = _files({ 'a.txt': GOOD });
    const pool = _pool({ ontology: join(_tmp(), 'missing-ontology') });
    await expect(pool.run(f['a.txt']!, { displayPath: 'a.txt' })).rejects.toBeInstanceOf(OntologyError);
    await expect(pool.run(f['a.txt']!, { displayPath: 'a.txt' })).rejects.toThrow(/classes\.yaml: cannot read/);
  }, 60_000);
});
