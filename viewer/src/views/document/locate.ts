// Character offsets ⇄ DOM positions in the rendered text (whose textContent is exactly doc.text).

/** Offset of a DOM point (node, offset) inside `root`, counted in UTF-16 units of the text. */
export function offsetOf(root: Node, node: Node, offset: number): number {
  const r = document.createRange();
  r.setStart(root, 0);
  r.setEnd(node, offset);
  return r.toString().length;
}

/**
 * A DOM Range for [start, end) of the text. `starts[i]` is the text offset where root's i-th child
 * begins (every child is a text node or an element holding one text node).
 */
export function rangeOf(root: Element, starts: readonly number[], start: number, end: number): Range | null {
  const kids = root.childNodes;
  if (!kids.length) return null;
  const point = (at: number): [Node, number] => {
    let lo = 0, hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= at) lo = mid; else hi = mid - 1;
    }
    const child = kids[lo];
    const text = child.nodeType === Node.TEXT_NODE ? child : child.firstChild ?? child;
    return [text, Math.min(at - starts[lo], (text.textContent ?? '').length)];
  };
  const r = document.createRange();
  const [sn, so] = point(start);
  const [en, eo] = point(Math.max(start, end));
  r.setStart(sn, so);
  r.setEnd(en, eo);
  return r;
}
