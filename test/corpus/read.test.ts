import { describe, it, expect } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { readDocument, docKey, FORMATS, DEFAULT_MAX_BYTES } from '../../src/corpus/read.js';
import { DocumentError } from '../../src/errors.js';
import { loadOntology } from '../../src/ontology/index.js';
import { extractDocument } from '../../src/pipeline/index.js';
import { _file, _pdf, _tmp } from './_helpers.js';

const ontology = loadOntology('ontology');

/** readDocument's rejection, as a DocumentError. */
async function _error(path: string, options = {}): Promise<DocumentError> {
  try {
    await readDocument(path, options);
  } catch (err) {
    expect(err).toBeInstanceOf(DocumentError);
    return err as DocumentError;
  }
  throw new Error(`readDocument(${path}) did not fail`);
}

describe('docKey', () => {
  it('should key a document by its name (path under the corpus) without the extension', () => {
    expect(docKey('watts-2003-mexico.txt')).toBe('doc:watts-2003-mexico');
    expect(docKey('dir/sub/report.final.pdf')).toBe('doc:dir/sub/report.final');
  });
});

describe('readDocument', () => {
  it('should read a .txt file as is, with a same-length clean text, sha256 and first-line title', async () => {
    const dir = _tmp();
    const text = 'U.S.–Mexico Labor Cooperation\n\nThe **AFL-CIO** met the STPS.\n';
    const doc = await readDocument(_file(dir, 'coop.txt', text));
    expect(doc).toMatchObject({ id: 'doc:coop', name: 'coop.txt', format: 'txt', text, title: 'U.S.–Mexico Labor Cooperation' });
    expect(doc.clean).toHaveLength(text.length);
    expect(doc.clean).toContain('The   AFL-CIO   met');
    expect(doc.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('should map every supported extension to its format', async () => {
    const dir = _tmp();
    expect(FORMATS).toMatchObject({ '.txt': 'txt', '.md': 'md', '.markdown': 'md', '.html': 'html', '.htm': 'html', '.pdf': 'pdf' });
    expect((await readDocument(_file(dir, 'a.md', '# Title\n\nText here.\n'))).format).toBe('md');
    expect((await readDocument(_file(dir, 'b.MARKDOWN', 'Text here.\n'))).format).toBe('md');
    expect((await readDocument(_file(dir, 'c.htm', '<p>Text here.</p>'))).format).toBe('html');
  });

  it('should keep the raw HTML as text and blank tags in clean, taking <title> as title', async () => {
    const dir = _tmp();
    const html = '<html><head><title>Labor Report</title><style>p{color:red}</style></head><body><p>The <b>STPS</b> met the AFL-CIO.</p><script>var UAW = 1;</script></body></html>';
    const doc = await readDocument(_file(dir, 'r.html', html));
    expect(doc.text).toBe(html);
    expect(doc.clean).toHaveLength(html.length);
    expect(doc.title).toBe('Labor Report');
    expect(doc.clean).not.toMatch(/[<>]/);
    expect(doc.clean).not.toContain('UAW');
    expect(doc.clean).not.toContain('color');
    expect(doc.clean.slice(html.indexOf('STPS'), html.indexOf('STPS') + 4)).toBe('STPS');
  });

  it('should read the text layer of a PDF', async () => {
    const dir = _tmp();
    const doc = await readDocument(_file(dir, 'p.pdf', _pdf(['The AFL-CIO met the STPS in Mexico City.', 'Elaine Chao attended.'])));
    expect(doc.format).toBe('pdf');
    expect(doc.text).toBe('The AFL-CIO met the STPS in Mexico City.\nElaine Chao attended.');
    expect(doc.clean).toBe(doc.text);
    expect(doc.title).toBe('The AFL-CIO met the STPS in Mexico City.');
  });

  it('should separate PDF pages with a blank line', async () => {
    const dir = _tmp();
    const doc = await readDocument(_file(dir, 'pages.pdf', _pdf(['Page one names the UAW.'], ['Page two names the CTM.'])));
    expect(doc.text).toBe('Page one names the UAW.\n\nPage two names the CTM.');
  });

  it('should refuse a PDF without a text layer', async () => {
    const dir = _tmp();
    const err = await _error(_file(dir, 'scan.pdf', _pdf([])));
    expect(err.message).toMatch(/scan\.pdf: no text \(scanned PDF without a text layer\?\)/);
  });

  it('should give offsets that slice the original text for every format (text === original.slice(start, end))', async () => {
    const dir = _tmp();
    const o = await ontology;
    const files = [
      _file(dir, 'a.txt', 'In 2002, **Elaine Chao** of the U.S. Department of Labor met Carlos Abascal<sup>3</sup> of the STPS.\n'),
      _file(dir, 'b.md', '# The *AFL-CIO* and the FAT\n\nThe ***AFL-CIO*** cooperated with the Frente Auténtico del Trabajo (FAT) in \\$2 million projects.\n\n---\n\n<sup>1</sup> John Sweeney of the AFL-CIO visited Mexico City.\n'),
      _file(dir, 'c.html', '<html><head><title>T</title></head><body><h1>NAFTA &amp; NAALC</h1><p>The <em>U.S. National Administrative Office</em> reviewed US NAO 9601.</p><p>Vicente Fox&nbsp;met George W. Bush.</p></body></html>'),
      _file(dir, 'd.pdf', _pdf(['The AFL-CIO met the STPS in Mexico City.', 'Elaine Chao attended the meeting in Dallas.'])),
    ];
    let mentions = 0;
    for (const file of files) {
      const doc = await readDocument(file);
      const x = extractDocument(doc, o);
      expect(x.entities.length, file).toBeGreaterThan(1);
      for (const e of x.entities) {
        for (const m of e.mentions) {
          expect(doc.text.slice(m.start, m.end), `${file} ${e.id}`).toBe(m.text);
          mentions++;
        }
      }
      for (const r of x.relations) expect(r.evidence.end).toBeLessThanOrEqual(doc.text.length);
    }
    expect(mentions).toBeGreaterThan(10);
  });

  it('should turn a UTF-8 byte-order mark into a blank, so offsets match tools that keep it', async () => {
    const dir = _tmp();
    const doc = await readDocument(_file(dir, 'bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('The STPS met.\n')])));
    expect(doc.text).toBe(' The STPS met.\n');
  });

  describe('bad input', () => {
    it('should refuse an empty file, naming it', async () => {
      const dir = _tmp();
      const err = await _error(_file(dir, 'empty.txt', ''));
      expect(err.message).toMatch(/empty\.txt: empty file/);
    });

    it('should refuse a whitespace-only or markup-only file as having no text', async () => {
      const dir = _tmp();
      expect((await _error(_file(dir, 'blank.md', '  \n\n---\n'))).message).toMatch(/blank\.md: no text/);
      expect((await _error(_file(dir, 'tags.html', '<html><body><script>x()</script></body></html>'))).message).toMatch(/tags\.html: no text/);
    });

    it('should refuse a binary (NUL) file naming the file and the line of the NUL byte', async () => {
      const dir = _tmp();
      const err = await _error(_file(dir, 'bin.txt', Buffer.concat([Buffer.from('line one\nline two\nthree'), Buffer.from([0, 1, 2, 3])])));
      expect(err.message).toMatch(/^.*bin\.txt:3: binary content \(NUL byte at offset 23\)/);
    });

    it('should refuse invalid UTF-8 naming the file and the line of the first bad byte', async () => {
      const dir = _tmp();
      const err = await _error(_file(dir, 'latin1.txt', Buffer.concat([Buffer.from('Sindicato\nde Trabajadores\nSecretar'), Buffer.from([0xed, 0x61]), Buffer.from('a del Trabajo\n')])));
      expect(err.message).toMatch(/latin1\.txt:3: invalid UTF-8 \(byte offset 3[45]\); save the file as UTF-8/);
      const lone = await _error(_file(dir, 'ff.md', Buffer.concat([Buffer.from('# T\n\nok\n'), Buffer.from([0xff]), Buffer.from('\n')])));
      expect(lone.message).toMatch(/ff\.md:4: invalid UTF-8 \(byte offset 8\)/);
    });

    it('should accept valid multi-byte UTF-8 (accents, curly quotes, dashes)', async () => {
      const dir = _tmp();
      const text = 'Secretaría del Trabajo y Previsión Social — “STPS” – México\n';
      expect((await readDocument(_file(dir, 'ok.txt', text))).text).toBe(text);
    });

    it('should refuse a file larger than maxBytes, naming it and the limit', async () => {
      const dir = _tmp();
      const err = await _error(_file(dir, 'big.txt', 'x'.repeat(3 * 1048576)), { maxBytes: 2 * 1048576 });
      expect(err.message).toMatch(/big\.txt: too large \(3\.0 MB > 2 MB limit/);
      expect(DEFAULT_MAX_BYTES).toBe(20 * 1024 * 1024);
    });

    it('should refuse an unknown or missing extension, listing the supported ones', async () => {
      const dir = _tmp();
      expect((await _error(_file(dir, 'sheet.docx', 'x'))).message).toMatch(/sheet\.docx: unsupported file type '\.docx' \(kg reads \.txt \.md/);
      expect((await _error(_file(dir, 'README', 'x'))).message).toMatch(/README: unsupported file type '\(none\)'/);
    });

    it('should refuse a missing file and a directory, naming them', async () => {
      const dir = _tmp();
      expect((await _error(join(dir, 'nope.txt'))).message).toMatch(/nope\.txt: cannot read \(ENOENT\)/);
      mkdirSync(join(dir, 'folder.txt'));
      expect((await _error(join(dir, 'folder.txt'))).message).toMatch(/folder\.txt: not a regular file/);
    });

    it('should refuse a .pdf without a PDF header and a corrupt PDF, naming the file', async () => {
      const dir = _tmp();
      expect((await _error(_file(dir, 'fake.pdf', 'just text'))).message).toMatch(/fake\.pdf: not a PDF \(no %PDF- header\)/);
      expect((await _error(_file(dir, 'broken.pdf', '%PDF-1.4\ngarbage garbage\n'))).message).toMatch(/broken\.pdf: /);
    });

    it('should use displayPath in messages when given', async () => {
      const dir = _tmp();
      const err = await _error(_file(dir, 'e.txt', ''), { displayPath: 'corpus/e.txt' });
      expect(err.message).toBe('corpus/e.txt: empty file');
    });
  });
});
