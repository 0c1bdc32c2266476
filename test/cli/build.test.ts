// `kg build` and `kg eval` spawned as processes.
import { describe, it, expect, beforeAll } from 'vitest';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { _ensureBuilt, _kg, _oneLineError, _ontologyCopy, _tmp } from './_helpers.js';
import { _selfReferentialPdf } from '../corpus/_helpers.js';

beforeAll(async () => {
  await _ensureBuilt();
}, 240_000);

const GOOD_1 = 'U.S. Secretary of Labor Elaine Chao met Mexican Secretary of Labor Carlos Abascal in Mexico City. The AFL-CIO and the FAT cooperated.\n';
const GOOD_2 = '# Cases\n\nUnions filed U.S. NAO Submission 9702 against Han Young in Tijuana. The STPS responded.\n';

/** A corpus dir with two good documents (and an empty data dir so no corrections apply). */
function _project(): { root: string; corpus: string; data: string } {
  const root = _tmp('kg-cli-build-');
  const corpus = join(root, 'corpus');
  mkdirSync(corpus);
  mkdirSync(join(root, 'data'));
  writeFileSync(join(corpus, 'one.txt'), GOOD_1);
  writeFileSync(join(corpus, 'two.md'), GOOD_2);
  return { root, corpus, data: join(root, 'data') };
}

describe('kg build', () => {
  it('should write the graph and a summary, exit 0', async () => {
    const p = _project();
    const out = join(p.root, 'out', 'graph.json');
    const run = await _kg(['build', p.corpus, '--out', out, '--data', p.data]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^documents: 2 built, 0 failed$/m);
    expect(run.stderr).toMatch(/^wrote .*graph\.json \(json\) in [\d.]+s$/m);
    const g = JSON.parse(readFileSync(out, 'utf8'));
    const keys = g.nodes.map((n: { key: string }) => n.key);
    expect(keys).toEqual(expect.arrayContaining(['doc:one', 'doc:two', 'person:elaine-chao', 'org:afl-cio', 'place:mexico-city']));
    expect(g.edges.some((e: { key: string }) => e.key === 'doc:one|MENTIONS|person:elaine-chao')).toBe(true);
  });

  it('should fail in one line, not hang, when the output directory cannot be made (Node 20\'s recursive mkdir loops forever under /proc)', async () => {
    const p = _project();
    const run = await _kg(['build', p.corpus, '-q', '--out', '/proc/kg-no-such-dir/graph.json', '--data', p.data]);
    _oneLineError(run, /^kg: .*'\/proc\/kg-no-such-dir'/);
  }, 30_000);

  it('should write byte-identical graphs on rebuild', async () => {
    const p = _project();
    const a = join(p.root, 'a.json');
    const b = join(p.root, 'b.json');
    expect((await _kg(['build', p.corpus, '-q', '--out', a, '--data', p.data])).code).toBe(0);
    expect((await _kg(['build', p.corpus, '-q', '--out', b, '--data', p.data])).code).toBe(0);
    expect(readFileSync(a, 'utf8')).toBe(readFileSync(b, 'utf8'));
  });

  it('should still write the graph with one bad document among good ones, report it on one line and exit 2', async () => {
    const p = _project();
    writeFileSync(join(p.corpus, 'zz-bad.txt'), Buffer.from([0x4b, 0x47, 0x00, 0x01]));
    const out = join(p.root, 'graph.json');
    const run = await _kg(['build', p.corpus, '--out', out, '--data', p.data]);
    expect(run.code).toBe(2);
    const kgLines = run.errLines.filter((l) => l.startsWith('kg: '));
    expect(kgLines).toHaveLength(1);
    expect(kgLines[0]).toMatch(/^kg: .*zz-bad\.txt:1: binary content/);
    expect(run.stderr).toMatch(/^documents: 2 built, 1 failed$/m);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    const keys = JSON.parse(readFileSync(out, 'utf8')).nodes.map((n: { key: string }) => n.key);
    expect(keys).toEqual(expect.arrayContaining(['doc:one', 'doc:two']));
    expect(keys).not.toContain('doc:zz-bad');
  });

  it('should write GEXF and GraphML', async () => {
    const p = _project();
    for (const format of ['gexf', 'graphml']) {
      const out = join(p.root, `graph.${format}`);
      const run = await _kg(['build', p.corpus, '-q', '--format', format, '--out', out, '--data', p.data]);
      expect(run.code, format).toBe(0);
      const xml = readFileSync(out, 'utf8');
      expect(xml.startsWith('<?xml')).toBe(true);
      expect(xml).toContain('person:elaine-chao');
    }
  });

  it('should fail on a broken ontology with one line and leave an existing output untouched', async () => {
    const p = _project();
    const out = join(p.root, 'graph.json');
    writeFileSync(out, '{"previous": true}\n');
    const onto = _ontologyCopy();
    appendFileSync(join(onto, 'entities', 'program.yaml'), '\n  - { id: program:x, name: X, part_of: org:nothing }\n');
    const run = await _kg(['build', p.corpus, '--out', out, '--data', p.data, '--ontology', onto]);
    _oneLineError(run, /^kg: .*entities\/program\.yaml:\d+: part_of refers to unknown entity 'org:nothing'$/);
    expect(readFileSync(out, 'utf8')).toBe('{"previous": true}\n');
    expect(readdirSync(p.root).filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  it('should not leave a half-written file when the output cannot be written', async () => {
    const p = _project();
    const out = join(p.root, 'taken');
    mkdirSync(out); // a directory where the file should go
    const run = await _kg(['build', p.corpus, '-q', '--out', out, '--data', p.data]);
    expect(run.code).not.toBe(0);
    expect(run.errLines).toHaveLength(1);
    expect(run.errLines[0]).toMatch(/^kg: .*taken/);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(readdirSync(p.root).filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  it('should keep same-named files of two folders and one stem with two extensions as separate documents', async () => {
    const p = _project();
    mkdirSync(join(p.corpus, 'a'));
    mkdirSync(join(p.corpus, 'b'));
    writeFileSync(join(p.corpus, 'a', 'x.txt'), GOOD_1);
    writeFileSync(join(p.corpus, 'b', 'x.txt'), GOOD_2);
    writeFileSync(join(p.corpus, 'one.md'), GOOD_2);
    const out = join(p.root, 'graph.json');
    const run = await _kg(['build', p.corpus, '-q', '--out', out, '--data', p.data]);
    expect(run.code).toBe(0);
    const docs = JSON.parse(readFileSync(out, 'utf8')).nodes.filter((n: { attributes: { nodeType: string } }) => n.attributes.nodeType === 'document')
      .map((n: { key: string; attributes: { name: string } }) => [n.key, n.attributes.name]);
    expect(docs).toEqual([['doc:a/x', 'a/x.txt'], ['doc:b/x', 'b/x.txt'], ['doc:one.md', 'one.md'], ['doc:one.txt', 'one.txt'], ['doc:two', 'two.md']]);
  });

  it('should not read a link out of the corpus: one line, exit 2, the graph written without it', async () => {
    const p = _project();
    writeFileSync(join(p.root, 'secret.txt'), 'Secretary of Labor Elaine Chao TOPSECRET.\n');
    symlinkSync(join(p.root, 'secret.txt'), join(p.corpus, 'shadow.txt'));
    symlinkSync(join(p.corpus, 'gone.txt'), join(p.corpus, 'dangling.txt'));
    const out = join(p.root, 'graph.json');
    const run = await _kg(['build', p.corpus, '-q', '--out', out, '--data', p.data]);
    expect(run.code).toBe(2);
    expect(run.errLines).toEqual([
      expect.stringMatching(/^kg: .*dangling\.txt: broken symbolic link \(ENOENT\); skipped$/),
      expect.stringMatching(/^kg: .*shadow\.txt: symbolic link to a path outside the corpus, not read/),
    ]);
    const graph = readFileSync(out, 'utf8');
    expect(graph).not.toContain('TOPSECRET');
    expect(JSON.parse(graph).nodes.map((n: { key: string }) => n.key)).toEqual(expect.arrayContaining(['doc:one', 'doc:two']));
    const followed = await _kg(['build', p.corpus, '-q', '--follow-symlinks', '--out', out, '--data', p.data]);
    expect(followed.code).toBe(2); // the dangling link is still skipped
    expect(readFileSync(out, 'utf8')).toContain('TOPSECRET');
  });

  it('should skip the self-referential PDF and a document over --timeout in one line each, write the graph and exit 2', async () => {
    const p = _project();
    writeFileSync(join(p.corpus, 'self.pdf'), _selfReferentialPdf());
    writeFileSync(join(p.corpus, 'zz-long.txt'), GOOD_1.repeat(4000));
    const out = join(p.root, 'graph.json');
    const run = await _kg(['build', p.corpus, '--timeout', '0.5', '--out', out, '--data', p.data]);
    expect(run.code).toBe(2);
    expect(run.errLines.filter((l) => l.startsWith('kg: '))).toEqual([
      expect.stringMatching(/^kg: .*self\.pdf: not a readable PDF \(Pages tree contains circular reference\)$/),
      expect.stringMatching(/^kg: .*zz-long\.txt: skipped: took longer than 0\.5 s of CPU time \(--timeout\)$/),
    ]);
    expect(run.stderr).toMatch(/^documents: 2 built, 2 failed$/m);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(JSON.parse(readFileSync(out, 'utf8')).nodes.map((n: { key: string }) => n.key)).toEqual(expect.arrayContaining(['doc:one', 'doc:two', 'person:elaine-chao']));
  });

  it('should report an unreadable subdirectory in one line and build the rest (as a user who cannot read it)', async () => {
    const p = _project();
    mkdirSync(join(p.corpus, 'locked'));
    writeFileSync(join(p.corpus, 'locked', 'hidden.txt'), GOOD_2);
    chmodSync(join(p.corpus, 'locked'), 0o000);
    // root reads everything: run kg as nobody, over a tree nobody may read and write
    const asRoot = process.getuid?.() === 0;
    if (asRoot) for (const d of [p.root, p.corpus, p.data]) chmodSync(d, 0o777);
    const out = join(p.root, 'graph.json');
    const run = await _kg(['build', p.corpus, '-q', '--out', out, '--data', p.data], asRoot ? { uid: 65534, gid: 65534 } : {});
    expect(run.code).toBe(2);
    expect(run.errLines).toEqual([expect.stringMatching(/^kg: .*locked: cannot read directory \(EACCES\); skipped$/)]);
    expect(JSON.parse(readFileSync(out, 'utf8')).nodes.map((n: { key: string }) => n.key)).toEqual(expect.arrayContaining(['doc:one', 'doc:two']));
  });

  it('should warn about a torn last line in corrections.jsonl and still build', async () => {
    const p = _project();
    writeFileSync(join(p.data, 'corrections.jsonl'), '{"id":"1","seq":1,"at":"2026-01-01T00:00:00Z","who":"ana","action":"reject","doc":"one.txt","span":{"start":0,"end":4,"text":"U.S."},"key":"one.txt#0-4"}\n{"id":"2","seq":2,"at":"2026-01-');
    const run = await _kg(['build', p.corpus, '-q', '--out', join(p.root, 'g.json'), '--data', p.data]);
    expect(run.code).toBe(0);
    expect(run.errLines).toEqual([expect.stringMatching(/^kg: warning: .*corrections\.jsonl.*torn last line/)]);
  });

  it('should refuse a bad --format and a missing corpus with one line', async () => {
    const p = _project();
    _oneLineError(await _kg(['build', p.corpus, '--format', 'xml', '--out', join(p.root, 'g.xml'), '--data', p.data]), /^kg: --format must be json, gexf or graphml \(got 'xml'\)$/);
    _oneLineError(await _kg(['build', join(p.root, 'nowhere'), '--out', join(p.root, 'g.json'), '--data', p.data]), /^kg: .*nowhere: cannot read corpus \(ENOENT\)$/);
    expect(existsSync(join(p.root, 'g.json'))).toBe(false);
  });
});

describe('kg eval', () => {
  function _goldDir(): string {
    const dir = _tmp('kg-cli-eval-');
    const text = 'The STPS met the AFL-CIO.\n';
    writeFileSync(join(dir, 'm.txt'), text);
    writeFileSync(join(dir, 'm.gold.json'), JSON.stringify({
      doc: 'm.txt',
      entities: [
        { id: 'org:stps', type: 'Organization', name: 'STPS', aliases: ['STPS'], country: 'MX' },
        { id: 'org:afl-cio', type: 'Organization', name: 'AFL-CIO', aliases: ['AFL-CIO'], country: 'US' },
      ],
      mentions: [
        { start: 4, end: 8, text: 'STPS', entity: 'org:stps' },
        { start: 17, end: 24, text: 'AFL-CIO', entity: 'org:afl-cio' },
      ],
      relations: [],
    }));
    return dir;
  }

  it('should print the score tables, or JSON with a headline', async () => {
    const dir = _goldDir();
    const run = await _kg(['eval', '--gold', dir, '--docs', dir]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Entities (document level, typed)');
    expect(run.stdout).toMatch(/Organization\s+100\.0\s+100\.0\s+100\.0\s+2\s+0\s+0/);
    const json = JSON.parse((await _kg(['eval', '--gold', dir, '--docs', dir, '--json'])).stdout);
    expect(json.headline).toEqual({ entityF1: 1, relationF1: 0, mentionF1: 1, country: 1 });
  });

  it('should report a malformed gold file with one line naming it', async () => {
    const dir = _goldDir();
    writeFileSync(join(dir, 'broken.gold.json'), '{\n "doc": "m.txt",\n "entities": [,]\n}\n');
    _oneLineError(await _kg(['eval', '--gold', dir, '--docs', dir]), /^kg: .*broken\.gold\.json:3: invalid JSON/);
  });

  it('should name the gold file whose document is missing', async () => {
    const dir = _goldDir();
    _oneLineError(await _kg(['eval', '--gold', dir, '--docs', join(dir, 'elsewhere')]), /^kg: .*m\.gold\.json: its document .*m\.txt cannot be read/);
  });
});
