// The corpus walker: never leaves the root, ends link loops, reports and skips what it cannot list.
import { describe, it, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { documentIds, docKey, walkCorpus } from '../../src/corpus/walk.js';
import { readCorpus } from '../../src/corpus/index.js';
import { DocumentError } from '../../src/errors.js';
import { _file, _tmp } from './_helpers.js';

/** A corpus dir inside a parent that also holds a `secret.txt` outside the corpus. */
function _corpus(): { parent: string; dir: string; secret: string } {
  const parent = _tmp('kg-walk-');
  const dir = join(parent, 'corpus');
  mkdirSync(dir);
  const secret = _file(parent, 'secret.txt', 'TOP SECRET root:x:0:0\n');
  return { parent, dir, secret };
}

describe('docKey and documentIds', () => {
  it.each([
    ['watts-2003-mexico.txt', 'doc:watts-2003-mexico'],
    ['report.final.pdf', 'doc:report.final'],
    ['sub/x.txt', 'doc:sub/x'],
    ['noext', 'doc:noext'],
  ])('should key %s as %s', (name, key) => {
    expect(docKey(name)).toBe(key);
  });

  it('should keep doc:<stem> for unique names and give names that would collide their extension', () => {
    const ids = documentIds(['a.txt', 'x.md', 'x.txt', 'sub/x.txt', 'b/x.txt']);
    expect(Object.fromEntries(ids)).toEqual({ 'a.txt': 'doc:a', 'x.md': 'doc:x.md', 'x.txt': 'doc:x.txt', 'sub/x.txt': 'doc:sub/x', 'b/x.txt': 'doc:b/x' });
  });
});

describe('walkCorpus', () => {
  it('should walk in depth-first name order, skip hidden entries and name files by their path under the root', async () => {
    const { dir } = _corpus();
    mkdirSync(join(dir, 'sub'));
    mkdirSync(join(dir, '.git'));
    _file(dir, 'b.txt', 'B');
    _file(dir, 'a.md', 'A');
    _file(dir, 'c.txt', 'C');
    _file(dir, '.hidden.txt', 'H');
    _file(join(dir, 'sub'), 'c.html', '<p>C</p>');
    _file(join(dir, '.git'), 'x.txt', 'X');
    const { entries, errors } = await walkCorpus(dir);
    expect(entries.map((e) => [e.name, e.id])).toEqual([['a.md', 'doc:a'], ['b.txt', 'doc:b'], ['c.txt', 'doc:c'], ['sub/c.html', 'doc:sub/c']]);
    expect(errors).toEqual([]);
  });

  it('should return a single file as itself, named by its file name', async () => {
    const { dir } = _corpus();
    const f = _file(dir, 'one.txt', 'One.');
    const { entries } = await walkCorpus(f);
    expect(entries.map((e) => [e.name, e.id, e.file])).toEqual([['one.txt', 'doc:one', f]]);
  });

  it('should throw DocumentError naming a missing corpus', async () => {
    await expect(walkCorpus('/nonexistent/kg-corpus')).rejects.toThrow(DocumentError);
    await expect(walkCorpus('/nonexistent/kg-corpus')).rejects.toThrow(/\/nonexistent\/kg-corpus: cannot read corpus \(ENOENT\)/);
  });

  it('should refuse links to files and folders outside the root, and follow them only when asked', async () => {
    const { parent, dir, secret } = _corpus();
    _file(dir, 'good.txt', 'Good.');
    symlinkSync(secret, join(dir, 'shadow.txt'));
    symlinkSync(parent, join(dir, 'up'));
    symlinkSync('/etc', join(dir, 'etc'));
    const { entries, errors } = await walkCorpus(dir);
    expect(entries.map((e) => e.name)).toEqual(['good.txt']);
    expect(errors.map((e) => e.message.replace(dir, 'C'))).toEqual([
      'C/etc: symbolic link to a path outside the corpus, not read (kg build --follow-symlinks reads it); skipped',
      'C/shadow.txt: symbolic link to a path outside the corpus, not read (kg build --follow-symlinks reads it); skipped',
      'C/up: symbolic link to a path outside the corpus, not read (kg build --follow-symlinks reads it); skipped',
    ]);
    rmSync(join(dir, 'etc'));
    const followed = await walkCorpus(dir, { followSymlinks: true });
    expect(followed.entries.map((e) => e.name)).toEqual(expect.arrayContaining(['good.txt', 'shadow.txt', 'up/secret.txt']));
    // `up` leads back to the corpus itself: visited once, the second visit is a reported loop
    expect(followed.errors.some((e) => /up\/corpus: directory already visited/.test(e.message))).toBe(true);
  });

  it('should follow links that stay inside the root', async () => {
    const { dir } = _corpus();
    mkdirSync(join(dir, 'real'));
    _file(join(dir, 'real'), 'r.txt', 'R.');
    symlinkSync(join(dir, 'real', 'r.txt'), join(dir, 'alias.txt'));
    const { entries, errors } = await walkCorpus(dir);
    expect(entries.map((e) => e.name)).toEqual(['alias.txt', 'real/r.txt']);
    expect(errors).toEqual([]);
  });

  it('should report dangling links, self-loops and directory loops in one line each and walk on', async () => {
    const { dir } = _corpus();
    for (let i = 0; i < 10; i++) _file(dir, `doc${i}.txt`, `Document ${i}.`);
    symlinkSync(join(dir, 'nowhere.txt'), join(dir, 'dangling.txt'));
    symlinkSync(join(dir, 'self.txt'), join(dir, 'self.txt'));
    mkdirSync(join(dir, 'loop'));
    symlinkSync(join(dir, 'loop'), join(dir, 'loop', 'again'));
    const { entries, errors } = await walkCorpus(dir);
    expect(entries).toHaveLength(10);
    const lines = errors.map((e) => e.message.replace(dir, 'C'));
    expect(lines).toEqual(expect.arrayContaining([
      'C/dangling.txt: broken symbolic link (ENOENT); skipped',
      'C/self.txt: symbolic link loop; skipped',
      'C/loop/again: directory already visited (a link loop or a second link to it); skipped',
    ]));
    for (const l of lines) expect(l.split('\n')).toHaveLength(1);
  });

  it('should skip a fifo instead of blocking on it', async () => {
    const { dir } = _corpus();
    _file(dir, 'good.txt', 'Good.');
    execFileSync('mkfifo', [join(dir, 'pipe.txt')]);
    const { entries, errors } = await walkCorpus(dir);
    expect(entries.map((e) => e.name)).toEqual(['good.txt']);
    expect(errors.map((e) => e.message)).toEqual([`${join(dir, 'pipe.txt')}: a fifo; skipped`]);
  });

  it('should walk a deep tree without recursion', async () => {
    const { dir } = _corpus();
    let d = dir;
    for (let i = 0; i < 200; i++) mkdirSync((d = join(d, 'd')));
    _file(d, 'deep.txt', 'Deep.');
    const { entries } = await walkCorpus(dir);
    expect(entries.map((e) => e.name)).toEqual([`${'d/'.repeat(200)}deep.txt`]);
  });
});

describe('readCorpus', () => {
  it('should keep same-named files of two folders and one stem with two extensions apart', async () => {
    const { dir } = _corpus();
    mkdirSync(join(dir, 'a'));
    mkdirSync(join(dir, 'b'));
    _file(join(dir, 'a'), 'x.txt', 'The AFL-CIO met.\n');
    _file(join(dir, 'b'), 'x.txt', 'The STPS met.\n');
    _file(dir, 'x.txt', 'The UAW met.\n');
    _file(dir, 'x.md', 'The CTM met.\n');
    const { documents, errors } = await readCorpus(dir);
    expect(errors).toEqual([]);
    expect(documents.map((d) => [d.name, d.id, d.text])).toEqual([
      ['a/x.txt', 'doc:a/x', 'The AFL-CIO met.\n'],
      ['b/x.txt', 'doc:b/x', 'The STPS met.\n'],
      ['x.md', 'doc:x.md', 'The CTM met.\n'],
      ['x.txt', 'doc:x.txt', 'The UAW met.\n'],
    ]);
  });

  it('should not read a link to a file outside the corpus even when given its entry', async () => {
    const { dir, secret } = _corpus();
    symlinkSync(secret, join(dir, 'shadow.txt'));
    const { documents, errors } = await readCorpus(dir);
    expect(documents).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(JSON.stringify(errors)).not.toMatch(/TOP SECRET/);
  });
});
