// kg serve and the corpus: documents keyed by their path under the corpus, nothing from outside it served.
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/index.js';
import { _get, _rawGet, _start, _tempProject } from './_helpers.js';

const SECRET = 'root:$6$TOPSECRETHASH:19000:0:99999:7:::\n';

describe('kg serve: document names and the corpus boundary', () => {
  let p: Awaited<ReturnType<typeof _tempProject>>;
  let s: RunningServer;
  beforeAll(async () => {
    p = await _tempProject();
    await writeFile(join(p.root, 'shadow'), SECRET);
    await symlink(join(p.root, 'shadow'), join(p.corpus, 'shadow.txt'));
    await symlink(p.root, join(p.corpus, 'up'));
    for (const d of ['a', 'b']) {
      await mkdir(join(p.corpus, d));
      await writeFile(join(p.corpus, d, 'x.txt'), `Folder ${d}: the STPS met the AFL-CIO.\n`);
    }
    await writeFile(join(p.corpus, 'x.md'), 'Markdown: the UAW met.\n');
    await writeFile(join(p.corpus, 'x.txt'), 'Text: the CTM met.\n');
    s = await _start(p);
  });
  afterAll(async () => {
    await s.close();
    await p.cleanup();
  });

  it('should list every document under its own name, same file names and stems included', async () => {
    const names = (await _get(`${s.url}api/documents`)).body.map((d: { name: string; id: string }) => [d.name, d.id]);
    expect(names).toEqual(expect.arrayContaining([['a/x.txt', 'doc:a/x'], ['b/x.txt', 'doc:b/x'], ['x.md', 'doc:x.md'], ['x.txt', 'doc:x.txt']]));
    expect(names.map((n: string[]) => n[0])).not.toContain('shadow.txt');
  });

  it.each([['a/x.txt', 'Folder a'], ['b/x.txt', 'Folder b'], ['x.md', 'Markdown'], ['x.txt', 'Text']])('should open %s by its encoded name', async (name, start) => {
    const r = await _get(`${s.url}api/documents/${encodeURIComponent(name)}`);
    expect(r.status).toBe(200);
    expect(r.body.text.startsWith(start)).toBe(true);
    expect(r.body.extraction.doc).toBe(name);
  });

  it.each(['/api/documents/shadow.txt', '/api/documents/up%2Fshadow', '/api/documents/a/x.txt', '/api/documents/a%2F..%2Fx.txt'])('should 404 %s', async (path) => {
    const r = await _rawGet(s.url, path);
    expect(r.status).toBe(404);
  });

  it('should serve no byte of a file outside the corpus in the document list, the graph or health', async () => {
    for (const path of ['api/documents', 'api/graph', 'api/health']) {
      const r = await fetch(`${s.url}${path}`);
      expect(await r.text(), path).not.toContain('TOPSECRET');
    }
  });
});
