// Strict UTF-8: a file that is not valid UTF-8 is refused with the line of its first bad byte, never decoded with U+FFFD.

/** The text of `bytes`, or where it stops being UTF-8 (byte offset and 1-based line). */
export function decodeUtf8Strict(bytes: Uint8Array): { text: string } | { offset: number; line: number } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    const offset = firstInvalidUtf8(bytes);
    return { offset, line: lineOf(bytes, offset) };
  }
}

/** 1-based line of byte `offset`. */
export function lineOf(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 10) line++;
  return line;
}

function firstInvalidUtf8(bytes: Uint8Array): number {
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
