// PDF reading of hostile files: every pdfjs failure is one DocumentError naming the file.
import { describe, it, expect } from 'vitest';
import { MAX_PDF_PAGES, pdfText } from '../../src/corpus/pdf.js';
import { DocumentError } from '../../src/errors.js';
import { _pdf, _selfReferentialPdf } from './_helpers.js';

/** pdfText's rejection, as a DocumentError. */
async function _error(data: Buffer, options = {}): Promise<DocumentError> {
  try {
    await pdfText('x.pdf', new Uint8Array(data), options);
  } catch (err) {
    expect(err).toBeInstanceOf(DocumentError);
    return err as DocumentError;
  }
  throw new Error('pdfText did not fail');
}

describe('pdfText', () => {
  it('should be the 147-byte fixture', () => {
    expect(_selfReferentialPdf().length).toBe(147);
  });

  it('should refuse a page tree that points to itself with one line', async () => {
    const err = await _error(_selfReferentialPdf());
    expect(err.message).toBe('x.pdf: not a readable PDF (Pages tree contains circular reference)');
  });

  it.each([
    ['a truncated file', () => _pdf(['The AFL-CIO met.']).subarray(0, 200)],
    ['garbage after the header', () => Buffer.from('%PDF-1.7\n\u0000\u0001garbage\n')],
    ['an xref pointing nowhere', () => Buffer.from(_pdf(['Text.']).toString('latin1').replace(/startxref\n\d+/, 'startxref\n999999'), 'latin1')],
  ])('should refuse %s with one line or read what it can', async (_name, make) => {
    try {
      const text = await pdfText('x.pdf', new Uint8Array(make()));
      expect(typeof text).toBe('string');
    } catch (err) {
      expect(err).toBeInstanceOf(DocumentError);
      expect((err as Error).message).toMatch(/^x\.pdf: /);
      expect((err as Error).message.split('\n')).toHaveLength(1);
    }
  });

  it('should refuse more pages than the limit and text past the size limit', async () => {
    expect(MAX_PDF_PAGES).toBeGreaterThanOrEqual(1000);
    const three = _pdf(['one'], ['two'], ['three']);
    expect((await _error(three, { maxPages: 2 })).message).toBe('x.pdf: 3 pages, more than the 2 kg reads from one PDF');
    expect((await _error(_pdf(['A line of text that is long enough.']), { maxChars: 10 })).message).toMatch(/^x\.pdf: its text passes/);
  });
});
