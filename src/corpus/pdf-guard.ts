/**
 * A pre-scan of a PDF's content streams before pdfjs reads it: pdfjs's text extraction is quadratic
 * in the nesting depth of the graphics state (each `q` clones the state with Object.create of the
 * previous one, so every lookup walks a prototype chain as long as the nesting): 30,000 nested `q`
 * in a 60 KB file take minutes. The PDF specification's implementation limit is 28 levels; a stream
 * nesting deeper than {@link MAX_Q_DEPTH} is refused in one line before pdfjs sees it.
 */
import { constants, inflateSync } from 'node:zlib';

/** Deepest graphics-state nesting (`q` without its `Q`) a content stream may have. */
export const MAX_Q_DEPTH = 256;

/** Largest decompressed stream the scan reads (bytes); past it the scan reads that far only. */
const MAX_SCAN_BYTES = 64 * 1024 * 1024;

/** Streams that are not content: images, fonts, xref and object streams, metadata. */
const NOT_CONTENT = /\/(Image|Length1|Length2|Length3|XRef|ObjStm|Metadata|XML|EmbeddedFile|ICCBased|N \d)\b/;

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x0c || c === 0x00;
const isDelim = (c: number) => c === 0x28 || c === 0x29 || c === 0x3c || c === 0x3e || c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d || c === 0x2f || c === 0x25;

/**
 * The deepest `q` nesting of one content stream: operators read token by token, skipping strings
 * ( (…) with escapes and nesting, <…> ), comments and inline image data (ID … EI).
 */
export function qDepth(b: Uint8Array): number {
  let depth = 0;
  let max = 0;
  const n = b.length;
  for (let i = 0; i < n;) {
    const c = b[i]!;
    if (isSpace(c)) i++;
    else if (c === 0x25) while (i < n && b[i] !== 0x0a && b[i] !== 0x0d) i++;
    else if (c === 0x28) {
      // a literal string: balanced brackets, backslash escapes
      let level = 0;
      for (; i < n; i++) {
        if (b[i] === 0x5c) i++;
        else if (b[i] === 0x28) level++;
        else if (b[i] === 0x29 && --level === 0) {
          i++;
          break;
        }
      }
    } else if (c === 0x3c && b[i + 1] !== 0x3c) {
      while (i < n && b[i] !== 0x3e) i++;
      i++;
    } else if (isDelim(c)) i++;
    else {
      const s = i;
      while (i < n && !isSpace(b[i]!) && !isDelim(b[i]!)) i++;
      const len = i - s;
      if (len === 1 && c === 0x71) max = Math.max(max, ++depth);
      else if (len === 1 && c === 0x51) depth = Math.max(0, depth - 1);
      else if (len === 2 && c === 0x49 && b[s + 1] === 0x44) {
        // inline image data: binary up to a whitespace-delimited EI
        while (i + 2 < n && !(isSpace(b[i]!) && b[i + 1] === 0x45 && b[i + 2] === 0x49 && (i + 3 >= n || isSpace(b[i + 3]!) || isDelim(b[i + 3]!)))) i++;
        i += 3;
      }
    }
  }
  return max;
}

/**
 * The deepest `q` nesting over the PDF's streams that may be content (uncompressed or FlateDecode;
 * other filters are left to the per-document CPU budget). A stream that does not inflate is scanned
 * as far as it inflates.
 */
export function pdfQDepth(data: Uint8Array): number {
  const text = Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('latin1');
  let max = 0;
  const re = /stream\r?\n/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index >= 3 && text.slice(m.index - 3, m.index) === 'end') continue;
    const start = m.index + m[0].length;
    let end = text.indexOf('endstream', start);
    if (end < 0) end = text.length;
    re.lastIndex = end;
    const objAt = text.lastIndexOf('obj', m.index);
    const dict = text.slice(Math.max(objAt, m.index - 4096, 0), m.index);
    if (NOT_CONTENT.test(dict)) continue;
    const raw = data.subarray(start, end);
    let body: Uint8Array = raw;
    if (/\/Filter\s*\[?\s*\/(FlateDecode|Fl)\b/.test(dict)) {
      try {
        body = inflateSync(raw, { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: MAX_SCAN_BYTES });
      } catch {
        continue; // not deflate data (or past the cap): pdfjs reports it, the CPU budget bounds it
      }
    } else if (/\/Filter\b/.test(dict)) continue;
    max = Math.max(max, qDepth(body));
  }
  return max;
}
