/**
 * compromise's post-tagger with a faster match sweep, registered as the compute hook 'kgPostTagger'.
 * Same net, same candidate matches in the same order, so the same tags: compromise's own sweep
 * finds each clause's candidate matches by walking every key of its hook index (~1,000 words and
 * tags) per comma-separated clause and every match listed there; this looks each match up once,
 * under its rarest need, from the clause's own words and tags, and sorts what passes back into the
 * order compromise's walk meets them. The global net and nlp() are left as they are.
 */
import nlp from 'compromise';

interface Match { match: string; needs: string[]; wants: string[]; minWant: number; minWords: number; ifNo?: string[]; unTag?: unknown; [k: string]: unknown }
interface Net { hooks: Record<string, Match[]>; always: Match[] }
/** A match with what the sweep needs to find and order it without walking every key's list. */
interface Entry {
  match: Match;
  /** index-key positions of its needs and wants, ascending: the first one a clause has is where compromise meets it */
  keys: number[];
  /** its position in the list of each of those keys */
  at: Map<number, number>;
}
interface FastNet extends Net {
  /** the index's keys in getHooks' order */
  keys: string[];
  /** key → the entries with a need there, each under its rarest need only */
  byNeed: Map<string, Entry[]>;
  /** key → the entries without needs that want it */
  byWant: Map<string, Entry[]>;
  seen: Uint32Array;
  ids: Map<Entry, number>;
  stamp: number;
}
interface Term { index: [number, number]; [k: string]: unknown }
interface World {
  model: { two: { matches: unknown[] } };
  methods: {
    one: {
      parseMatch(x: unknown, o: object, world: World): unknown;
      buildNet(matches: unknown[], world: World): Net;
      cacheDoc(document: Term[][]): Set<string>[];
      match(docs: Term[][], m: Match): { ptrs: number[][] };
      bulkTagger(found: unknown[], docs: Term[][], world: World): void;
    };
    two: { quickSplit(docs: Term[][]): Term[][] };
  };
}
interface View { world: World; docs: Term[][]; update(ptrs: number[][]): View; uncache(): void; unfreeze(): void }

let net: FastNet | undefined;

function fastNet(world: World): FastNet {
  // buildNet parses the matches in place (notIf becomes parsed): build ours over copies, and let an
  // already parsed notIf (compromise built its own net first) pass through unparsed
  const { parseMatch } = world.methods.one;
  const parseOnce = { methods: { one: { parseMatch: (x: unknown, o: object) => (typeof x === 'string' ? parseMatch(x, o, world) : x) } } };
  const copies = world.model.two.matches.map((m) => ({ ...(m as object) }));
  const base = world.methods.one.buildNet(copies, parseOnce as unknown as World);
  // Object.keys order is the order compromise's getHooks walks (integer-like keys first)
  const keys = Object.keys(base.hooks);
  // getHooks deduplicates by match string, keeping a key's first object of each string; every object
  // of a string has the same needs and wants (they come from the string), so one object per string
  const entries = new Map<string, Entry>();
  keys.forEach((k, i) => {
    base.hooks[k]!.forEach((m, j) => {
      let e = entries.get(m.match);
      if (!e) entries.set(m.match, (e = { match: m, keys: [], at: new Map() }));
      e.keys.push(i);
      e.at.set(i, j);
    });
  });
  const byNeed = new Map<string, Entry[]>();
  const byWant = new Map<string, Entry[]>();
  const push = (map: Map<string, Entry[]>, k: string, e: Entry) => (map.get(k) ?? map.set(k, []).get(k)!).push(e);
  for (const e of entries.values()) {
    e.keys.sort((a, b) => a - b);
    const { needs, wants } = e.match;
    if (needs.length) push(byNeed, needs.reduce((a, b) => (base.hooks[b]!.length < base.hooks[a]!.length ? b : a)), e);
    else for (const w of new Set(wants)) push(byWant, w, e);
  }
  const ids = new Map([...entries.values()].map((e, i) => [e, i]));
  return { ...base, keys, byNeed, byWant, ids, seen: new Uint32Array(ids.size), stamp: 0 };
}

/** Does the match pass compromise's trimDown + tooSmall for this clause? */
function passes(m: Match, haves: Set<string>, words: number): boolean {
  if (words < m.minWords) return false;
  for (const x of m.needs) if (!haves.has(x)) return false;
  if (m.ifNo !== undefined) for (const x of m.ifNo) if (haves.has(x)) return false;
  if (m.wants.length) {
    let found = 0;
    for (const x of m.wants) if (haves.has(x)) found++;
    if (found < m.minWant) return false;
  }
  return true;
}

/**
 * The candidate matches of one clause, exactly as compromise's getHooks + trimDown + tooSmall list
 * them: each match found once (under its rarest need, or a want it has), then put where getHooks
 * meets it first — the first of its keys the clause has, at its place in that key's list.
 */
function candidates(n: FastNet, haves: Set<string>, words: number): Match[] {
  const stamp = ++n.stamp;
  const found: { e: Entry; rank: number }[] = [];
  const consider = (list: Entry[] | undefined) => {
    if (!list) return;
    for (const e of list) {
      const id = n.ids.get(e)!;
      if (n.seen[id] === stamp) continue;
      n.seen[id] = stamp;
      if (!passes(e.match, haves, words)) continue;
      let first = -1;
      for (const i of e.keys) if (haves.has(n.keys[i]!)) { first = i; break; }
      found.push({ e, rank: first * 65536 + e.at.get(first)! });
    }
  };
  for (const k of haves) {
    consider(n.byNeed.get(k));
    consider(n.byWant.get(k));
  }
  found.sort((a, b) => a.rank - b.rank);
  const out = found.map((f) => f.e.match);
  for (const m of n.always) if (words >= m.minWords) out.push(m);
  return out;
}

/** compromise's postTagger (2-two/postTagger/compute) with {@link candidates} for its sweep. */
function kgPostTagger(view: View): View {
  const { world } = view;
  const { methods } = world;
  net ??= fastNet(world);
  const document = methods.two.quickSplit(view.docs);
  const m = view.update(document.map((terms) => [terms[0]!.index[0], terms[0]!.index[1], terms[0]!.index[1] + terms.length]));
  const docs = m.docs;
  const cache = methods.one.cacheDoc(docs);
  const found: unknown[] = [];
  for (let k = 0; k < docs.length; k++) {
    for (const match of candidates(net, cache[k]!, docs[k]!.length)) {
      const res = methods.one.match([docs[k]!], match);
      for (const ptr of res.ptrs) {
        ptr[0] = k;
        const todo: Record<string, unknown> = { ...match, pointer: ptr };
        if (match.unTag !== undefined) todo.unTag = match.unTag;
        found.push(todo);
      }
    }
  }
  methods.one.bulkTagger(found, docs, world);
  view.uncache();
  view.unfreeze();
  return view;
}

nlp.plugin({ compute: { kgPostTagger } } as unknown as Parameters<typeof nlp.plugin>[0]);

/** compromise's compute hooks as nlp() runs them, with the fast post-tagger (and without `drop`). */
export function taggerHooks(drop: string[] = []): string[] {
  return (nlp.world() as unknown as { hooks: string[] }).hooks.filter((h) => !drop.includes(h)).map((h) => (h === 'postTagger' ? 'kgPostTagger' : h));
}
