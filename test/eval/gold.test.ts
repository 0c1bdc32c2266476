import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadGoldDir } from '../../src/eval/gold.js';
import { GoldError } from '../../src/errors.js';

const _tmp = () => mkdtempSync(join(tmpdir(), 'kg-gold-'));
const _gold = (doc: string) => JSON.stringify({ doc, entities: [], mentions: [], relations: [] }, null, 1);

async function _error(dir: string): Promise<GoldError> {
  const err = await loadGoldDir(dir).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(GoldError);
  return err as GoldError;
}

describe('loadGoldDir', () => {
  it('should read every *.gold.json sorted by name, ignoring other files', async () => {
    const dir = _tmp();
    writeFileSync(join(dir, 'b.gold.json'), _gold('b.txt'));
    writeFileSync(join(dir, 'a.gold.json'), _gold('a.txt'));
    writeFileSync(join(dir, 'a.txt'), 'text');
    writeFileSync(join(dir, 'notes.json'), '{}');
    const out = await loadGoldDir(dir);
    expect(out.map((g) => [g.file, g.gold.doc])).toEqual([[join(dir, 'a.gold.json'), 'a.txt'], [join(dir, 'b.gold.json'), 'b.txt']]);
  });

  it('should load the shared seed gold files', async () => {
    const out = await loadGoldDir('test/fixtures/seeds');
    expect(out.length).toBeGreaterThanOrEqual(5);
    for (const { gold } of out) expect(gold.mentions.length).toBeGreaterThan(0);
  });

  it('should name the file and line of invalid JSON', async () => {
    const dir = _tmp();
    writeFileSync(join(dir, 'ok.gold.json'), _gold('ok.txt'));
    writeFileSync(join(dir, 'broken.gold.json'), '{\n "doc": "x.txt",\n "entities": [,]\n}\n');
    const err = await _error(dir);
    expect(err.message).toMatch(new RegExp(`^${join(dir, 'broken.gold.json').replace(/[.]/g, '\\.')}:3: invalid JSON`));
    expect(err.message.split('\n')).toHaveLength(1);
  });

  it('should name the file of a JSON document that is not a gold file', async () => {
    const dir = _tmp();
    writeFileSync(join(dir, 'shape.gold.json'), JSON.stringify({ doc: 'x.txt', entities: [] }));
    expect((await _error(dir)).message).toMatch(/shape\.gold\.json:1: not a gold file \(needs doc, entities, mentions, relations\)/);
    const dir2 = _tmp();
    writeFileSync(join(dir2, 'arr.gold.json'), '[]');
    expect((await _error(dir2)).message).toMatch(/arr\.gold\.json:1: not a gold file/);
  });

  it('should name a directory without gold files or that cannot be read', async () => {
    const dir = _tmp();
    expect((await _error(dir)).message).toBe(`${dir}: no *.gold.json files`);
    expect((await _error(join(dir, 'missing'))).message).toMatch(/missing: cannot read gold directory \(ENOENT\)/);
  });
});
