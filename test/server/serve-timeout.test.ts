// kg serve --timeout: the per-document CPU budget reaches the server's builds in their worker thread,
// as kg build --timeout does (it was fixed at 120 s before).
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/index.js';
import { _get, _start, _tempProject } from './_helpers.js';

const LONG = 'U.S. Secretary of Labor Elaine Chao met Mexican Secretary of Labor Carlos Abascal in Mexico City. The AFL-CIO and the FAT cooperated.\n'.repeat(4000);

describe('kg serve --timeout', () => {
  let p: Awaited<ReturnType<typeof _tempProject>>;
  let s: RunningServer;
  beforeAll(async () => {
    p = await _tempProject();
    await writeFile(join(p.corpus, 'zz-long.txt'), LONG);
    s = await _start(p, { timeout: 0.5 });
  }, 240_000);
  afterAll(async () => {
    await s?.close();
    await p.cleanup();
  });

  it('should skip a document over the budget in one line in /api/health and serve the others', async () => {
    const h = (await _get(`${s.url}api/health`)).body;
    expect(h).toMatchObject({ ok: true, status: 'ready' });
    expect(h.skipped).toEqual([expect.stringMatching(/zz-long\.txt: skipped: took longer than 0\.5 s of CPU time \(--timeout\)$/)]);
    const names = (await _get(`${s.url}api/documents`)).body.map((d: { name: string }) => d.name);
    expect(names).toEqual(expect.arrayContaining(['evil.txt', 'dol-technical-assistance-in-mexico.txt']));
    expect(names).not.toContain('zz-long.txt');
  });
});
