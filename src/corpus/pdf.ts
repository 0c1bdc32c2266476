/** PDF text via pdfjs-dist (pure JS). Offsets index the extracted text, which becomes Document.text. */
import { DocumentError } from '../errors.js';

/** Extract the text of a PDF: pages separated by a blank line, text items joined as pdf.js reports them. */
export async function pdfText(file: string, data: Uint8Array): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let doc;
  try {
    doc = await pdfjs.getDocument({ data, useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  } catch (err) {
    throw new DocumentError(`${file}: not a readable PDF (${(err as Error).message})`);
  }
  const pages: string[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const content = await page.getTextContent();
    let line = '';
    for (const item of content.items as Array<{ str?: string; hasEOL?: boolean }>) {
      if (typeof item.str !== 'string') continue;
      line += item.str + (item.hasEOL ? '\n' : '');
    }
    pages.push(line.trim());
  }
  await doc.destroy();
  return pages.join('\n\n');
}
