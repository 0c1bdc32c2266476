// `kg` spawned as a process (dist/src/cli.js): help, `kg extract` output shape, one-line errors.
import { describe, it, expect, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ENTITY_TYPES, PREDICATES, STATUSES } from '../../src/types.js';
import { CLI as CLI_PATH, _ensureBuilt, _kg, _oneLineError, _ontologyCopy, _tmp } from './_helpers.js';
import { _selfReferentialPdf } from '../corpus/_helpers.js';

beforeAll(async () => {
  await _ensureBuilt();
}, 240_000);

/** Command names listed under "Commands:" in a help text (without `help`). */
function _commands(help: string): string[] {
  const section = help.split(/^Commands:\n/m)[1] ?? '';
  return [...section.matchAll(/^ {2}([a-z][\w-]*)/gm)].map((m) => m[1]!).filter((c) => c !== 'help');
}

describe('kg --help', () => {
  it('should print usage and exit 0', async () => {
    const run = await _kg(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: kg \[options\] \[command\]/);
    expect(_commands(run.stdout)).toEqual(expect.arrayContaining(['build', 'extract', 'eval', 'serve', 'annotations']));
    expect(run.stderr).toBe('');
  });

  it('should print --help for every subcommand (and sub-subcommand) and exit 0', async () => {
    const top = _commands((await _kg(['--help'])).stdout);
    const seen: string[] = [];
    const visit = async (path: string[]) => {
      const run = await _kg([...path, '--help']);
      expect(run.code, path.join(' ')).toBe(0);
      expect(run.stdout, path.join(' ')).toMatch(new RegExp(`^Usage: kg ${path.join(' ')} `));
      seen.push(path.join(' '));
      for (const sub of _commands(run.stdout)) await visit([...path, sub]);
    };
    for (const cmd of top) await visit([cmd]);
    expect(seen).toEqual(expect.arrayContaining(['build', 'extract', 'eval', 'serve', 'annotations export', 'annotations import', 'annotations list']));
  }, 120_000);

  it('should document the exit codes in --help of the program and of each command', async () => {
    for (const args of [['--help'], ['build', '--help'], ['extract', '--help'], ['annotations', 'list', '--help']]) {
      const run = await _kg(args);
      expect(run.stdout, args.join(' ')).toMatch(/^Exit codes \(every command\):\n {2}0 {2}done\n {2}1 {2}nothing done/m);
      expect(run.stdout, args.join(' ')).toMatch(/^ {2}2 {2}done, but some documents were skipped/m);
    }
  });

  it('should print the version', async () => {
    const run = await _kg(['--version']);
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe('kg extract', () => {
  const DOC_A = 'U.S. Secretary of Labor Elaine Chao met Mexican Secretary of Labor Carlos Abascal in Mexico City.\n\nThe **AFL-CIO** and the Frente Auténtico del Trabajo (FAT) signed an agreement. Chao praised the FAT.\n';
  const DOC_B = '<html><head><title>NAO</title></head><body><p>Unions filed U.S. NAO Submission 9702 against Han Young.</p><p>The STPS responded.</p></body></html>';

  it('should print one JSON line per document in the documented shape, offsets slicing the original text', async () => {
    const dir = _tmp();
    writeFileSync(join(dir, 'a.md'), DOC_A);
    writeFileSync(join(dir, 'b.html'), DOC_B);
    const run = await _kg(['extract', join(dir, 'a.md'), join(dir, 'b.html'), '--json']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const lines = run.stdout.split('\n').filter(Boolean);
    expect(lines).toHaveLength(2);
    const texts: Record<string, string> = { 'a.md': DOC_A, 'b.html': DOC_B };
    for (const line of lines) {
      const x = JSON.parse(line);
      expect(Object.keys(x).sort()).toEqual(['doc', 'entities', 'relations']);
      const text = texts[x.doc]!;
      expect(text).toBeDefined();
      expect(x.entities.length).toBeGreaterThan(1);
      for (const e of x.entities) {
        expect(e).toEqual(expect.objectContaining({ id: expect.stringMatching(/^[a-z]+:[a-z0-9-]+$/), type: expect.any(String), name: expect.any(String), aliases: expect.any(Array), status: expect.any(String), mentions: expect.any(Array) }));
        expect(Object.keys(e).every((k) => ['id', 'type', 'name', 'aliases', 'country', 'status', 'kind', 'mentions'].includes(k))).toBe(true);
        expect('country' in e).toBe(true);
        expect(ENTITY_TYPES).toContain(e.type);
        expect(STATUSES).toContain(e.status);
        expect([null, 'US', 'MX', 'CA', 'INTL']).toContain(e.country);
        expect(e.mentions.length).toBeGreaterThan(0);
        for (const m of e.mentions) {
          expect(m).toEqual(expect.objectContaining({ start: expect.any(Number), end: expect.any(Number), text: expect.any(String), rule: expect.any(String) }));
          expect(text.slice(m.start, m.end)).toBe(m.text);
        }
      }
      const ids = new Set(x.entities.map((e: { id: string }) => e.id));
      for (const r of x.relations) {
        expect(r).toEqual(expect.objectContaining({ subject: expect.any(String), predicate: expect.any(String), object: expect.any(String), evidence: { start: expect.any(Number), end: expect.any(Number) }, rule: expect.any(String) }));
        expect(PREDICATES).toContain(r.predicate);
        expect(ids.has(r.subject) && ids.has(r.object)).toBe(true);
        expect(r.evidence.end).toBeLessThanOrEqual(text.length);
      }
    }
    const a = JSON.parse(lines[0]!);
    expect(a.doc).toBe('a.md');
    expect(a.entities.map((e: { id: string }) => e.id)).toEqual(expect.arrayContaining(['person:elaine-chao', 'person:carlos-abascal', 'org:afl-cio', 'org:fat', 'place:mexico-city']));
    const b = JSON.parse(lines[1]!);
    expect(b.entities.find((e: { type: string }) => e.type === 'Case')).toMatchObject({ name: 'U.S. NAO Submission 9702', country: 'MX' });
  });

  it('should stop quietly with exit 0 when the reader of its output goes away (kg extract … | head -c 100)', () => {
    const dir = _tmp();
    for (let i = 0; i < 40; i++) writeFileSync(join(dir, `d${i}.md`), DOC_A);
    const run = spawnSync('bash', ['-c', `node ${CLI_PATH} extract ${dir}/*.md --json | head -c 100 >/dev/null; echo "rc=\${PIPESTATUS[0]}" >&2`], { encoding: 'utf8' });
    expect(run.stderr).not.toMatch(/EPIPE|Error|at /);
    expect(run.stderr.trim()).toBe('rc=0');
  }, 60_000);

  it('should print JSON lines by default and a readable summary with --pretty', async () => {
    const dir = _tmp();
    writeFileSync(join(dir, 'a.txt'), DOC_A);
    const plain = await _kg(['extract', join(dir, 'a.txt')]);
    expect(JSON.parse(plain.stdout).doc).toBe('a.txt');
    const pretty = await _kg(['extract', join(dir, 'a.txt'), '--pretty']);
    expect(pretty.code).toBe(0);
    expect(pretty.stdout).toMatch(/^a\.txt\n/);
    expect(pretty.stdout.split('\n')).toContain('  Person       Elaine Chao [US] curated ×2');
  });

  describe('bad input: one `kg:` line naming the file, non-zero exit, no stack trace', () => {
    it('should report a missing file', async () => {
      const dir = _tmp();
      _oneLineError(await _kg(['extract', join(dir, 'nope.txt')]), /^kg: .*nope\.txt: cannot read \(ENOENT\)$/);
    });

    it('should report a binary file with its line', async () => {
      const dir = _tmp();
      writeFileSync(join(dir, 'bin.txt'), Buffer.from('first line\nsecond\u0000line\n'));
      _oneLineError(await _kg(['extract', join(dir, 'bin.txt')]), /^kg: .*bin\.txt:2: binary content/);
    });

    it('should report invalid UTF-8 with its line', async () => {
      const dir = _tmp();
      writeFileSync(join(dir, 'latin1.txt'), Buffer.concat([Buffer.from('uno\ndos\nSecretar'), Buffer.from([0xed]), Buffer.from('a\n')]));
      _oneLineError(await _kg(['extract', join(dir, 'latin1.txt')]), /^kg: .*latin1\.txt:3: invalid UTF-8/);
    });

    it('should report the 147-byte self-referential PDF in one line, no stack trace, exit 2', async () => {
      const dir = _tmp();
      writeFileSync(join(dir, 'self.pdf'), _selfReferentialPdf());
      const run = await _kg(['extract', join(dir, 'self.pdf')]);
      expect(run.code).toBe(2);
      _oneLineError(run, /^kg: .*self\.pdf: not a readable PDF \(Pages tree contains circular reference\)$/);
    });

    it('should report an unsupported file type and an empty file', async () => {
      const dir = _tmp();
      writeFileSync(join(dir, 'x.docx'), 'PK');
      _oneLineError(await _kg(['extract', join(dir, 'x.docx')]), /^kg: .*x\.docx: unsupported file type '\.docx'/);
      writeFileSync(join(dir, 'empty.txt'), '');
      _oneLineError(await _kg(['extract', join(dir, 'empty.txt')]), /^kg: .*empty\.txt: empty file$/);
    });

    it('should still extract the good files and exit 2 when one of several cannot be read', async () => {
      const dir = _tmp();
      writeFileSync(join(dir, 'good.txt'), DOC_A);
      writeFileSync(join(dir, 'bin.txt'), Buffer.from([0x41, 0, 0x42]));
      const run = await _kg(['extract', join(dir, 'good.txt'), join(dir, 'bin.txt')]);
      expect(run.code).toBe(2);
      expect(JSON.parse(run.stdout).doc).toBe('good.txt');
      expect(run.errLines).toHaveLength(1);
      expect(run.errLines[0]).toMatch(/^kg: .*bin\.txt:1: binary content/);
    });

    it('should exit 1 and extract nothing when a file named on the command line does not exist (as kg build does for a missing corpus)', async () => {
      const dir = _tmp();
      writeFileSync(join(dir, 'good.txt'), DOC_A);
      const run = await _kg(['extract', join(dir, 'good.txt'), join(dir, 'missing.txt')]);
      _oneLineError(run, /^kg: .*missing\.txt: cannot read \(ENOENT\)$/);
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
    });

    it('should escape control characters of file names instead of sending them to the terminal', async () => {
      const dir = _tmp();
      const name = 'evil\x1b[2J\u0007\nkg: fake line.txt';
      writeFileSync(join(dir, name), '');
      const run = await _kg(['extract', join(dir, name), '--pretty']);
      expect(run.code).toBe(2);
      expect(run.stderr).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
      _oneLineError(run, /^kg: .*evil\\x1b\[2J\\x07\\nkg: fake line\.txt: empty file$/);
    });

    it('should name a document under --corpus by its path relative to it, and any other by its file name', async () => {
      const dir = _tmp();
      mkdirSync(join(dir, 'corpus', 'sub'), { recursive: true });
      writeFileSync(join(dir, 'corpus', 'sub', 'a.txt'), DOC_A);
      writeFileSync(join(dir, 'b.txt'), DOC_A);
      const run = await _kg(['extract', join(dir, 'corpus', 'sub', 'a.txt'), join(dir, 'b.txt'), '--corpus', join(dir, 'corpus')]);
      expect(run.code).toBe(0);
      expect(run.stdout.trim().split('\n').map((l) => JSON.parse(l).doc)).toEqual(['sub/a.txt', 'b.txt']);
    });

    it('should report a broken ontology (--ontology) naming file:line', async () => {
      const dir = _tmp();
      writeFileSync(join(dir, 'a.txt'), DOC_A);
      const onto = _ontologyCopy();
      const rel = readFileSync(join(onto, 'relations.yaml'), 'utf8');
      const line = rel.split('\n').length + (rel.endsWith('\n') ? 0 : 1);
      appendFileSync(join(onto, 'relations.yaml'), `${rel.endsWith('\n') ? '' : '\n'}  - name: FUNDS\n    domain: [Organization]\n    range: [Agency]\n`);
      const run = await _kg(['extract', join(dir, 'a.txt'), '--ontology', onto]);
      _oneLineError(run, new RegExp(`^kg: .*relations\\.yaml:${line + 2}: relation FUNDS names unknown class 'Agency' in range$`));
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
    });

    it('should report broken YAML and a missing ontology directory', async () => {
      const dir = _tmp();
      writeFileSync(join(dir, 'a.txt'), DOC_A);
      const onto = _ontologyCopy();
      appendFileSync(join(onto, 'entities', 'event.yaml'), '\n  - { id: event:x, name: [oops\n');
      _oneLineError(await _kg(['extract', join(dir, 'a.txt'), '--ontology', onto]), /^kg: .*entities\/event\.yaml:\d+: invalid YAML/);
      _oneLineError(await _kg(['extract', join(dir, 'a.txt'), '--ontology', join(dir, 'no-ontology')]), /^kg: .*no-ontology\/classes\.yaml: cannot read \(ENOENT\)$/);
    });

    it('should report an unknown option, a missing argument and an unknown command', async () => {
      _oneLineError(await _kg(['extract', '--bogus', 'x.txt']), /^kg: unknown option '--bogus'/);
      _oneLineError(await _kg(['extract']), /^kg: missing required argument 'files'/);
      _oneLineError(await _kg(['frobnicate']), /^kg: unknown command 'frobnicate'/);
    });
  });
});
