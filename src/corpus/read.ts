/** Read one document from disk: format by extension, checks for bad input, clean text for the NLP. */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { DocumentError } from '../errors.js';
import type { DocFormat, Document } from '../types.js';
import { cleanHtml } from './html.js';
import { cleanMarkdown } from './markdown.js';
import { pdfText } from './pdf.js';
import { documentTitle } from './title.js';

/** Extensions kg reads, mapped to their format. */
export const FORMATS: Record<string, DocFormat> = { '.txt': 'txt', '.md': 'md', '.markdown': 'md', '.html': 'html', '.htm': 'html', '.pdf': 'pdf' };

/** Largest document read by default (bytes); larger ones are refused with a clear error. */
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

/** Options for {@link readDocument}. */
export interface ReadOptions {
  maxBytes?: number;
  /** Name used in `Document.path` (defaults to the path given). */
  displayPath?: string;
}

/** `doc:<file-stem>` */
export function docKey(name: string): string {
  return `doc:${basename(name, extname(name))}`;
}

/** Read, validate and clean one document. Throws DocumentError with the file name on bad input. */
export async function readDocument(path: string, options: ReadOptions = {}): Promise<Document> {
  const shown = options.displayPath ?? path;
  const format = FORMATS[extname(path).toLowerCase()];
  if (!format) throw new DocumentError(`${shown}: unsupported file type '${extname(path) || '(none)'}' (kg reads ${Object.keys(FORMATS).join(' ')})`);
  let info;
  try {
    info = await stat(path);
  } catch (err) {
    throw new DocumentError(`${shown}: cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  if (!info.isFile()) throw new DocumentError(`${shown}: not a regular file`);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (info.size > maxBytes) throw new DocumentError(`${shown}: too large (${(info.size / 1048576).toFixed(1)} MB > ${(maxBytes / 1048576).toFixed(0)} MB limit; split it or raise --max-size)`);
  if (info.size === 0) throw new DocumentError(`${shown}: empty file`);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (err) {
    throw new DocumentError(`${shown}: cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const name = basename(path);
  let text: string;
  let clean: string;
  let title = '';
  if (format === 'pdf') {
    if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') throw new DocumentError(`${shown}: not a PDF (no %PDF- header)`);
    text = await pdfText(shown, new Uint8Array(bytes));
    clean = text;
  } else {
    text = decodeUtf8(shown, bytes);
    if (format === 'html') ({ clean, title } = cleanHtml(text));
    else clean = cleanMarkdown(text); // .txt sources carry markdown artifacts too
  }
  if (!clean.trim()) throw new DocumentError(`${shown}: no text${format === 'pdf' ? ' (scanned PDF without a text layer?)' : ''}`);
  title = documentTitle({ format, text, clean, name }, title);
  return { id: docKey(name), name, path: shown, format, title, text, clean, sha256 };
}

/** Strict UTF-8 decoding; a NUL byte means binary. Errors name the line of the first bad byte. */
function decodeUtf8(file: string, bytes: Buffer): string {
  const nul = bytes.indexOf(0);
  if (nul >= 0) throw new DocumentError(`${file}:${lineOf(bytes, nul)}: binary content (NUL byte at offset ${nul}); not a text document`);
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text;
  } catch {
    const bad = firstInvalidUtf8(bytes);
    throw new DocumentError(`${file}:${lineOf(bytes, bad)}: invalid UTF-8 (byte offset ${bad}); save the file as UTF-8`);
  }
}

function lineOf(bytes: Buffer, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 10) line++;
  return line;
}

function firstInvalidUtf8(bytes: Buffer): number {
  const dec = new TextDecoder('utf-8', { fatal: true });
  let lo = 0;
  let hi = bytes.length;
  // binary search for the shortest invalid prefix (stream=true tolerates a cut multi-byte tail)
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    try {
      dec.decode(bytes.subarray(0, mid + 1), { stream: true });
      lo = mid + 1;
    } catch {
      hi = mid;
    }
  }
  return lo;
}
