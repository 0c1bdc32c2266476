// The pre-scan that refuses PDFs nesting the graphics state deeper than real ones (pdfjs is quadratic in it).
import { deflateSync } from 'node:zlib';
import { describe, it, expect } from 'vitest';
import { MAX_Q_DEPTH, pdfQDepth, qDepth } from '../../src/corpus/pdf-guard.js';
import { pdfText } from '../../src/corpus/pdf.js';
import { DocumentError } from '../../src/errors.js';
import { _pdf, _pdfObjects } from './_helpers.js';

const page = '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>';
const font = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';

/** A one-page PDF whose content stream is `content`, deflated when `flate`. */
function _contentPdf(content: string, flate = false): Buffer {
  const body = flate ? deflateSync(Buffer.from(content, 'latin1')).toString('latin1') : content;
  const dict = flate ? `<< /Length ${body.length} /Filter /FlateDecode >>` : `<< /Length ${body.length} >>`;
  return _pdfObjects(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', page, `${dict}\nstream\n${body}\nendstream`, font]);
}

describe('qDepth', () => {
  it.each([
    ['no operators', 'BT /F1 12 Tf (x) Tj ET', 0],
    ['q and Q balanced', 'q q Q q Q Q', 2],
    ['nesting', 'q q q (x) Tj Q Q Q', 3],
    ['a q inside a string', 'BT (q q q q) Tj (a \\) q q) Tj ET', 0],
    ['a q inside a nested string', '(a (q q) q) Tj', 0],
    ['a q inside a hex string and a comment', '<71 20 71> Tj % q q q\nq', 1],
    ['names and words containing q', '/q /Q qq Qq q', 1],
    ['inline image data', 'q BI /W 1 /H 1 ID \u0000 q q q q \u0001 EI Q', 1],
    ['delimiters close a token', 'q[q]q', 3],
    ['more Q than q', 'Q Q Q q', 1],
  ])('should read %s', (_label, content, depth) => {
    expect(qDepth(Buffer.from(content, 'latin1'))).toBe(depth);
  });
});

describe('pdfQDepth', () => {
  it('should read plain and FlateDecode content streams', () => {
    expect(pdfQDepth(new Uint8Array(_contentPdf(`${'q '.repeat(40)}BT (x) Tj ET`)))).toBe(40);
    expect(pdfQDepth(new Uint8Array(_contentPdf(`${'q '.repeat(300)}BT (x) Tj ET`, true)))).toBe(300);
  });

  it('should be 0 for an ordinary PDF and skip a stream that does not inflate', () => {
    expect(pdfQDepth(new Uint8Array(_pdf(['The AFL-CIO met.'])))).toBe(0);
    const broken = _pdfObjects(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', page, '<< /Length 20 /Filter /FlateDecode >>\nstream\nq q q q q q q q q q\nendstream', font]);
    expect(pdfQDepth(new Uint8Array(broken))).toBe(0);
  });
});

describe('pdfText with the nesting guard', () => {
  it('should refuse the fuzz family (30,000 nested q) in one line, without pdfjs reading it', async () => {
    const data = _contentPdf(`BT /F1 12 Tf ${'q '.repeat(30000)} (deep) Tj ET`);
    const err = await pdfText('ops.pdf', new Uint8Array(data)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DocumentError);
    expect((err as Error).message).toBe(`ops.pdf: a content stream nests the graphics state 30000 deep (q operators), more than the ${MAX_Q_DEPTH} kg reads; not read`);
  });

  it('should refuse it compressed too', async () => {
    const err = await pdfText('ops.pdf', new Uint8Array(_contentPdf(`BT ${'q '.repeat(5000)} (deep) Tj ET`, true))).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/^ops\.pdf: a content stream nests the graphics state 5000 deep/);
  });

  it('should still read a PDF nesting up to the limit', async () => {
    const text = await pdfText('ok.pdf', new Uint8Array(_contentPdf(`${'q '.repeat(MAX_Q_DEPTH)}BT /F1 12 Tf 72 720 Td (The STPS met.) Tj ET ${'Q '.repeat(MAX_Q_DEPTH)}`)));
    expect(text).toBe('The STPS met.');
  });
});
