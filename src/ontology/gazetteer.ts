/**
 * The gazetteer: every curated name and alias in one character trie, scanned once per document.
 * Longest match wins; all-caps aliases (acronyms) match case-sensitively; accents, curly quotes,
 * dashes and runs of whitespace are tolerated (the trie is built on folded characters).
 */
import { fold, isWordChar } from '../util/text.js';

/** One alias of one entity. */
export interface GazetteerEntry {
  entity: string;
  alias: string;
  /** acronyms and other all-caps aliases match only with the same case */
  caseSensitive: boolean;
  /** surname-style aliases that need a title or the full name nearby */
  short: boolean;
}

/** A gazetteer hit: [start, end) in the document and every entry the surface form fits. */
export interface GazetteerHit {
  start: number;
  end: number;
  entries: GazetteerEntry[];
}

interface Node {
  next: Map<string, Node>;
  entries?: GazetteerEntry[];
}

/** Build-once, scan-many trie of aliases. */
export class Gazetteer {
  private root: Node = { next: new Map() };
  size = 0;

  /** Add one alias of an entity. */
  add(entity: string, alias: string, short = false): void {
    const key = fold(alias.trim()).replace(/\s+/g, ' ');
    if (!key) return;
    let node = this.root;
    for (const ch of key) {
      let child = node.next.get(ch);
      if (!child) node.next.set(ch, (child = { next: new Map() }));
      node = child;
    }
    const caseSensitive = !/\p{Ll}/u.test(alias) || alias.length <= 3;
    node.entries ??= [];
    if (!node.entries.some((e) => e.entity === entity && e.alias === alias)) {
      node.entries.push({ entity, alias, caseSensitive, short });
      this.size++;
    }
  }

  /** Scan `text` (which should be the clean text) and return the longest hit at each word start. */
  scan(text: string, folded = fold(text)): GazetteerHit[] {
    const hits: GazetteerHit[] = [];
    const n = text.length;
    for (let i = 0; i < n; i++) {
      if (i > 0 && isWordChar(text[i - 1])) continue;
      const hit = this.longestAt(text, folded, i, n);
      if (hit) hits.push(hit);
    }
    return hits;
  }

  /**
   * The longest hit starting at `start` and ending by `end` (a word boundary is assumed at `end`),
   * as `scan(text.slice(start, end))` would find at its start, without slicing or folding again:
   * `folded` is `fold(text)`. Cost: the length of the match, not of the text — so a rule asking
   * "is this span a curated name?" about every tail of a long capitalised run stays linear.
   */
  longestAt(text: string, folded: string, start: number, end = text.length): GazetteerHit | undefined {
    const n = Math.min(end, text.length);
    const c = text[start];
    if (start >= n || (!isWordChar(c) && c !== '"' && c !== "'")) return undefined;
    let node: Node | undefined = this.root;
    let j = start;
    let best: GazetteerHit | undefined;
    while (node && j < n) {
      const ch = folded[j]!;
      if (ch === ' ' || ch === '\n' || ch === '\t' || ch === '\r') {
        node = node.next.get(' ');
        if (!node) break;
        while (j < n && /\s/.test(folded[j]!)) j++;
        continue;
      }
      node = node.next.get(ch);
      j++;
      if (node?.entries && (j >= n || !isWordChar(text[j]) || !isWordChar(text[j - 1]))) {
        const entries = node.entries.filter((e) => fits(e, text.slice(start, j)));
        if (entries.length) best = { start, end: j, entries };
      }
    }
    return best;
  }
}

/** Case rules: acronyms exactly; otherwise a capitalised alias needs a capitalised first letter. */
function fits(entry: GazetteerEntry, surface: string): boolean {
  if (entry.caseSensitive) return surface.replace(/\s+/g, ' ') === entry.alias || fold(surface) === fold(entry.alias) && surface === surface.toUpperCase() && entry.alias === entry.alias.toUpperCase();
  const a = entry.alias[0]!;
  const s = surface[0]!;
  return a === a.toLowerCase() || s === s.toUpperCase();
}
