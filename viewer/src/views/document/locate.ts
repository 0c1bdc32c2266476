// Character offsets of the original text ⇄ DOM positions in the rendered (formatted) text.
// Hidden markup has no DOM node; a replaced entity (&amp; shown as &) is one node standing for its raw span.

/** Built while rendering: every text node with the original offsets it shows. */
export class TextIndex {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly nodes: Text[] = [];
  private readonly replaced: boolean[] = [];
  private readonly at = new Map<Text, number>();

  /** Record a text node showing [start, end) (appended in text order). */
  add(node: Text, start: number, end: number, replaced = false): void {
    this.at.set(node, this.nodes.length);
    this.nodes.push(node);
    this.starts.push(start);
    this.ends.push(end);
    this.replaced.push(replaced);
  }

  /** Index of the first node ending after `offset` (the node holding it, or the next one). */
  private find(offset: number): number {
    let lo = 0, hi = this.nodes.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.ends[mid]! <= offset) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  private point(offset: number, end: boolean): [Node, number] | null {
    if (!this.nodes.length) return null;
    let i = this.find(end ? Math.max(0, offset - 1) : offset);
    if (i >= this.nodes.length) i = this.nodes.length - 1;
    const node = this.nodes[i]!;
    const start = this.starts[i]!;
    if (offset <= start) return [node, 0];
    if (this.replaced[i]) return [node, end ? node.length : 0];
    return [node, Math.min(node.length, offset - start)];
  }

  /** A DOM Range over the shown characters of [start, end), or null when nothing of it is shown. */
  rangeOf(start: number, end: number): Range | null {
    const a = this.point(start, false);
    const b = this.point(Math.max(start, end), true);
    if (!a || !b) return null;
    const r = document.createRange();
    r.setStart(a[0], a[1]);
    r.setEnd(b[0], b[1]);
    if (r.collapsed && end > start) return null;
    return r;
  }

  /** The original offset of a DOM point inside the rendered text (a selection boundary). */
  offsetOf(container: Node, offset: number): number | null {
    if (container.nodeType === Node.TEXT_NODE) {
      const i = this.at.get(container as Text);
      if (i === undefined) return null;
      if (this.replaced[i]) return offset > 0 ? this.ends[i]! : this.starts[i]!;
      return this.starts[i]! + offset;
    }
    // an element boundary: the first indexed text at or after the child at `offset`
    const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
    const child = container.childNodes[offset];
    let text: Node | null = null;
    if (child) {
      walker.currentNode = child;
      text = child.nodeType === Node.TEXT_NODE ? child : walker.nextNode();
    }
    while (text && !this.at.has(text as Text)) text = walker.nextNode();
    if (child && text) return this.starts[this.at.get(text as Text)!]!;
    // past the last child (or nothing after it): the end of the last indexed text inside the container
    walker.currentNode = container;
    let last = -1;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) last = this.at.get(n as Text) ?? last;
    if (last >= 0) return this.ends[last]!;
    return text ? this.starts[this.at.get(text as Text)!]! : null;
  }
}
