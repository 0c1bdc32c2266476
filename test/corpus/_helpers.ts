// Shared helpers for the corpus tests: temp dirs, files, a tiny hand-made PDF.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh temp dir. */
export function _tmp(prefix = 'kg-corpus-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Write `content` to `dir/name` and return the path. */
export function _file(dir: string, name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** A PDF (Helvetica, one text line per entry) with a correct xref table; `more` adds pages. */
export function _pdf(lines: string[], ...more: string[][]): Buffer {
  const pages = [lines, ...more];
  const stream = (ls: string[]) => 'BT /F1 12 Tf 72 720 Td 14 TL ' + ls.map((l) => `(${l.replace(/[()\\]/g, '\\$&')}) '`).join(' ') + ' ET';
  const font = 3 + pages.length * 2;
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${pages.map((_, i) => `${3 + i * 2} 0 R`).join(' ')}] /Count ${pages.length} >>`,
    ...pages.flatMap((ls, i) => {
      const content = stream(ls);
      return [
        `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents ${4 + i * 2} 0 R /Resources << /Font << /F1 ${font} 0 R >> >> >>`,
        `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
      ];
    }),
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  return _pdfObjects(objs);
}

/** A PDF of the given object bodies (1-based; object 1 is the catalog) with correct xref offsets. */
export function _pdfObjects(objs: string[], trailer = '/Root 1 0 R'): Buffer {
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n` + offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objs.length + 1} ${trailer} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/**
 * The audit's 147-byte hostile PDF: a catalog whose page tree lists itself as its only kid. It
 * crashed `kg extract` with a stack trace, aborted `kg build` and stopped `kg serve` from starting.
 */
export function _selfReferentialPdf(): Buffer {
  const pdf = '%PDF-1.4\n%kg-fuzz-fixture\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[2 0 R]/Count 1>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n';
  return Buffer.from(pdf, 'latin1');
}
