// Autocomplete over node names and aliases: accent- and case-insensitive, ranked exact > prefix > word > substring.

/** What the index needs to know about a node (works for graph nodes and ad-hoc entity lists). */
export interface SearchItem {
  key: string;
  name: string;
  aliases?: readonly string[];
  type?: string;
  /** Tie-breaker: bigger first (mentions or degree). */
  weight?: number;
}

/** One autocomplete hit: the node and the string that matched (an alias when it was one). */
export interface SearchHit {
  key: string;
  name: string;
  matched: string;
  type?: string;
  score: number;
}

/** Lowercase, strip diacritics (á → a, ñ → n) and collapse punctuation to single spaces. */
export function normalize(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

interface Entry { item: SearchItem; text: string; norm: string }

/** A search index built once per graph version; `search` is a linear scan, fine for ≤ 100k strings. */
export class SearchIndex {
  private entries: Entry[] = [];

  constructor(items: Iterable<SearchItem> = []) {
    for (const item of items) this.add(item);
  }

  /** Index one more item (the explorer fills its index in idle-time chunks). */
  add(item: SearchItem): void {
    const seen = new Set<string>();
    for (const text of [item.name, ...(item.aliases ?? [])]) {
      const norm = normalize(text ?? '');
      if (!norm || seen.has(norm)) continue;
      seen.add(norm);
      this.entries.push({ item, text, norm });
    }
  }

  /** Best hits for `query`, one per node, at most `limit`. Empty query → no hits. */
  search(query: string, limit = 10): SearchHit[] {
    const q = normalize(query);
    if (!q) return [];
    const best = new Map<string, SearchHit>();
    for (const { item, text, norm } of this.entries) {
      const score = matchScore(norm, q);
      if (score <= 0) continue;
      const s = score + Math.min(item.weight ?? 0, 999) / 1000;
      const prev = best.get(item.key);
      if (!prev || prev.score < s) best.set(item.key, { key: item.key, name: item.name, matched: text, type: item.type, score: s });
    }
    return [...best.values()].sort((a, b) => b.score - a.score || a.name.localeCompare(b.name)).slice(0, limit);
  }
}

/** 4 exact, 3 prefix, 2 word prefix, 1 substring, 0 no match. */
export function matchScore(norm: string, q: string): number {
  if (norm === q) return 4;
  if (norm.startsWith(q)) return 3;
  if (norm.includes(' ' + q)) return 2;
  if (norm.includes(q)) return 1;
  return 0;
}
