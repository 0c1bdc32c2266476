/**
 * PDF text via pdfjs-dist (pure JS). Offsets index the extracted text, which becomes Document.text.
 * Hostile PDFs are expected: every pdfjs failure (a page tree that points to itself, a broken
 * xref, a bad stream) becomes one DocumentError naming the file, the page count and the text size
 * are capped, and the build runs this in a worker that is terminated when it takes too long.
 */
import { DocumentError } from '../errors.js';
import { MAX_Q_DEPTH, pdfQDepth } from './pdf-guard.js';

/** Most pages read from one PDF; a larger page count is refused (real reports have hundreds). */
export const MAX_PDF_PAGES = 5000;

/** Options of {@link pdfText}. */
export interface PdfOptions {
  /** stop (with an error) when the text grows past this many characters */
  maxChars?: number;
  maxPages?: number;
}

/** Extract the text of a PDF: pages separated by a blank line, text items joined as pdf.js reports them. */
export async function pdfText(file: string, data: Uint8Array, options: PdfOptions = {}): Promise<string> {
  const maxPages = options.maxPages ?? MAX_PDF_PAGES;
  const maxChars = options.maxChars ?? Number.POSITIVE_INFINITY;
  // pdfjs is quadratic in the graphics-state nesting: refuse a deeper nesting than real PDFs have before it reads the file
  const depth = pdfQDepth(data);
  if (depth > MAX_Q_DEPTH) throw new DocumentError(`${file}: a content stream nests the graphics state ${depth} deep (q operators), more than the ${MAX_Q_DEPTH} kg reads; not read`);
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let doc: Awaited<ReturnType<typeof pdfjs.getDocument>['promise']> | undefined;
  try {
    doc = await pdfjs.getDocument({ data, useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
    if (doc.numPages > maxPages) throw new DocumentError(`${file}: ${doc.numPages} pages, more than the ${maxPages} kg reads from one PDF`);
    const pages: string[] = [];
    let chars = 0;
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      let line = '';
      for (const item of content.items as Array<{ str?: string; hasEOL?: boolean }>) {
        if (typeof item.str !== 'string') continue;
        line += item.str + (item.hasEOL ? '\n' : '');
      }
      page.cleanup();
      chars += line.length + 2;
      if (chars > maxChars) throw new DocumentError(`${file}: its text passes ${maxChars} characters (the --max-size limit) at page ${p}; not read`);
      pages.push(line.trim());
    }
    return pages.join('\n\n');
  } catch (err) {
    if (err instanceof DocumentError) throw err;
    const why = (err instanceof Error ? err.message : String(err)).split('\n')[0]!.replace(/\.$/, '');
    throw new DocumentError(`${file}: not a readable PDF (${why})`);
  } finally {
    await doc?.destroy().catch(() => undefined);
  }
}
