/** Read one document from disk: format by extension, checks for bad input, clean text for the NLP. */
import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { open, realpath } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { DocumentError } from '../errors.js';
import type { DocFormat, Document } from '../types.js';
import { cleanHtml } from './html.js';
import { cleanMarkdown } from './markdown.js';
import { pdfText } from './pdf.js';
import { documentTitle } from './title.js';
import { docKey, isInside } from './walk.js';
import { decodeUtf8Strict, lineOf } from '../util/utf8.js';

export { docKey } from './walk.js';

/** Extensions kg reads, mapped to their format. */
export const FORMATS: Record<string, DocFormat> = { '.txt': 'txt', '.md': 'md', '.markdown': 'md', '.html': 'html', '.htm': 'html', '.pdf': 'pdf' };

/** Largest document read by default (bytes); larger ones are refused with a clear error. */
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

/** Options for {@link readDocument}. */
export interface ReadOptions {
  maxBytes?: number;
  /** Name used in `Document.path` (defaults to the path given). */
  displayPath?: string;
  /** The document's name: its path relative to the corpus root (defaults to the file name). */
  name?: string;
  /** Its graph key (defaults to `docKey(name)`; a corpus assigns unique ones, see documentIds). */
  id?: string;
  /** Real path of the corpus root: a file whose real path is outside it is refused. */
  root?: string;
}

/** Read, validate and clean one document. Throws DocumentError with the file name on bad input. */
export async function readDocument(path: string, options: ReadOptions = {}): Promise<Document> {
  const shown = options.displayPath ?? path;
  // the format comes from the document's name: a link `x.txt` to `blob` is read as text
  const ext = extname(options.name ?? path);
  const format = FORMATS[ext.toLowerCase()];
  if (!format) throw new DocumentError(`${shown}: unsupported file type '${ext || '(none)'}' (kg reads ${Object.keys(FORMATS).join(' ')})`);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const bytes = await readBytes(path, shown, maxBytes, options.root);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const name = options.name ?? basename(path);
  let text: string;
  let clean: string;
  let title = '';
  if (format === 'pdf') {
    if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') throw new DocumentError(`${shown}: not a PDF (no %PDF- header)`);
    text = await pdfText(shown, new Uint8Array(bytes), { maxChars: maxBytes });
    clean = text;
  } else {
    text = decodeUtf8(shown, bytes);
    if (format === 'html') ({ clean, title } = cleanHtml(text));
    else clean = cleanMarkdown(text); // .txt sources carry markdown artifacts too
  }
  if (!clean.trim()) throw new DocumentError(`${shown}: no text${format === 'pdf' ? ' (scanned PDF without a text layer?)' : ''}`);
  title = documentTitle({ format, text, clean, name }, title);
  return { id: options.id ?? docKey(name), name, path: shown, format, title, text, clean, sha256 };
}

const errCode = (err: unknown) => (err as NodeJS.ErrnoException).code ?? (err as Error).message;

/**
 * The file's bytes, read through one descriptor: opened without following a final symlink and
 * without blocking (a fifo cannot hang the build), checked to be a regular file of an allowed size
 * on that same descriptor, and, given a root, checked to lie inside it.
 */
async function readBytes(path: string, shown: string, maxBytes: number, root?: string): Promise<Buffer> {
  let target = path;
  if (root !== undefined) {
    try {
      target = await realpath(path);
    } catch (err) {
      throw new DocumentError(`${shown}: cannot read (${errCode(err)})`);
    }
    if (!isInside(root, target)) throw new DocumentError(`${shown}: outside the corpus directory; not read`);
  }
  let fh;
  try {
    fh = await open(target, constants.O_RDONLY | (root !== undefined ? constants.O_NOFOLLOW : 0) | constants.O_NONBLOCK);
  } catch (err) {
    throw new DocumentError(`${shown}: ${errCode(err) === 'ELOOP' ? 'became a symbolic link after it was listed; not read' : `cannot read (${errCode(err)})`}`);
  }
  try {
    const info = await fh.stat();
    if (!info.isFile()) throw new DocumentError(`${shown}: not a regular file`);
    if (info.size > maxBytes) throw new DocumentError(`${shown}: too large (${(info.size / 1048576).toFixed(1)} MB > ${(maxBytes / 1048576).toFixed(0)} MB limit; split it or raise --max-size)`);
    if (info.size === 0) throw new DocumentError(`${shown}: empty file`);
    // At most maxBytes + 1: a file that grew since fstat is caught without reading all of it.
    const buf = Buffer.alloc(Math.min(info.size, maxBytes) + 1);
    let n = 0;
    for (;;) {
      const { bytesRead } = await fh.read(buf, n, buf.length - n, n);
      if (bytesRead === 0) break;
      n += bytesRead;
      if (n === buf.length) break;
    }
    if (n > maxBytes) throw new DocumentError(`${shown}: too large (grew past the ${(maxBytes / 1048576).toFixed(0)} MB limit while read)`);
    if (n === 0) throw new DocumentError(`${shown}: empty file`);
    return buf.subarray(0, n);
  } catch (err) {
    if (err instanceof DocumentError) throw err;
    throw new DocumentError(`${shown}: cannot read (${errCode(err)})`);
  } finally {
    await fh.close().catch(() => undefined);
  }
}

/** Strict UTF-8 decoding; a NUL byte means binary. Errors name the line of the first bad byte. */
function decodeUtf8(file: string, bytes: Buffer): string {
  const nul = bytes.indexOf(0);
  if (nul >= 0) throw new DocumentError(`${file}:${lineOf(bytes, nul)}: binary content (NUL byte at offset ${nul}); not a text document`);
  const r = decodeUtf8Strict(bytes);
  if (!('text' in r)) throw new DocumentError(`${file}:${r.line}: invalid UTF-8 (byte offset ${r.offset}); save the file as UTF-8`);
  return r.text.charCodeAt(0) === 0xfeff ? ' ' + r.text.slice(1) : r.text;
}
