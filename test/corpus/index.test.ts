import { describe, it, expect } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { listCorpus, readCorpus } from '../../src/corpus/index.js';
import { DocumentError } from '../../src/errors.js';
import { _file, _pdf, _tmp } from './_helpers.js';

describe('listCorpus', () => {
  it('should list the walker\'s entries (see walk.test.ts)', async () => {
    const dir = _tmp();
    mkdirSync(join(dir, 'sub'));
    _file(dir, 'b.txt', 'B text.');
    _file(dir, 'a.md', 'A text.');
    _file(join(dir, 'sub'), 'c.html', '<p>C</p>');
    const { entries } = await listCorpus(dir);
    expect(entries.map((e) => e.name)).toEqual(['a.md', 'b.txt', 'sub/c.html']);
  });

  it('should throw DocumentError naming a missing corpus', async () => {
    await expect(listCorpus('/nonexistent/kg-corpus')).rejects.toThrow(DocumentError);
  });
});

describe('readCorpus', () => {
  it('should read the good documents of every format and collect one error per bad file', async () => {
    const dir = _tmp();
    _file(dir, 'a.txt', 'The AFL-CIO met the STPS.\n');
    _file(dir, 'b.md', '# Title\n\nThe **UAW** voted.\n');
    _file(dir, 'c.html', '<p>The FAT grew.</p>');
    _file(dir, 'd.pdf', _pdf(['The CTM signed.']));
    _file(dir, 'e.txt', '');
    _file(dir, 'f.txt', Buffer.from([0x41, 0, 0x42]));
    _file(dir, 'g.docx', 'zip');
    const { documents, errors } = await readCorpus(dir);
    expect(documents.map((d) => [d.name, d.format])).toEqual([['a.txt', 'txt'], ['b.md', 'md'], ['c.html', 'html'], ['d.pdf', 'pdf']]);
    expect(errors.map((e) => e.file)).toEqual([join(dir, 'e.txt'), join(dir, 'f.txt'), join(dir, 'g.docx')]);
    expect(errors[0]!.message).toMatch(/e\.txt: empty file/);
    expect(errors[1]!.message).toMatch(/f\.txt:1: binary content/);
    expect(errors[2]!.message).toMatch(/g\.docx: unsupported file type/);
    for (const e of errors) expect(e.message.split('\n')).toHaveLength(1);
  });
});
