// UTF-16 ↔ code-point offsets. JavaScript indexes UTF-16 units; brat (Python) indexes code points (brat issue #1115).
/** Offset converters over one text; build once per document, O(1) per lookup. */
export interface OffsetMap {
  /** Code-point length of the text. */
  readonly cpLength: number;
  toCodePoint(utf16: number): number;
  /** undefined when the code-point offset is past the end of the text. */
  toUtf16(cp: number): number | undefined;
}

/** Build the converters for `text`. A UTF-16 offset inside a surrogate pair maps to the code point it starts. */
export function offsetMap(text: string): OffsetMap {
  const cpOf = new Uint32Array(text.length + 1);
  const u16Of: number[] = [];
  let cp = 0;
  for (let i = 0; i < text.length; i++) {
    cpOf[i] = cp;
    const code = text.charCodeAt(i);
    const pair = code >= 0xd800 && code <= 0xdbff && i + 1 < text.length
      && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    u16Of.push(i);
    if (pair) cpOf[++i] = cp;
    cp++;
  }
  cpOf[text.length] = cp;
  u16Of.push(text.length);
  return {
    cpLength: cp,
    toCodePoint: (u) => cpOf[Math.max(0, Math.min(u, text.length))],
    toUtf16: (c) => (Number.isInteger(c) && c >= 0 && c <= cp ? u16Of[c] : undefined),
  };
}
