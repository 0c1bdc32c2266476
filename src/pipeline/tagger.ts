/**
 * compromise's post-tagger with a faster match sweep, registered as the compute hook 'kgPostTagger'.
 * Same net, same candidate matches in the same order, so the same tags: compromise's own sweep
 * finds each clause's candidate matches by walking every key of its hook index (~1,000 words and
 * tags) per comma-separated clause; this walks the clause's own words and tags instead and sorts
 * what it finds back into the index's key order. The global net and nlp() are left as they are.
 */
import nlp from 'compromise';

interface Match { match: string; needs: string[]; wants: string[]; minWant: number; minWords: number; ifNo?: string[]; unTag?: unknown; [k: string]: unknown }
interface Net { hooks: Record<string, Match[]>; always: Match[] }
interface FastNet extends Net { order: Map<string, number>; lists: Match[][]; ids: Map<Match, number>; seen: Uint32Array; stamp: number }
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
  // matches deduplicate by their match string (as getHooks does): one id per string
  const byString = new Map<string, number>();
  const ids = new Map<Match, number>();
  for (const k of keys) for (const m of base.hooks[k]!) ids.set(m, byString.get(m.match) ?? byString.set(m.match, byString.size).get(m.match)!);
  return { ...base, order: new Map(keys.map((k, i) => [k, i])), lists: keys.map((k) => base.hooks[k]!), ids, seen: new Uint32Array(byString.size), stamp: 0 };
}

/** The candidate matches of one clause, exactly as compromise's getHooks + trimDown + tooSmall list them. */
function candidates(n: FastNet, haves: Set<string>, words: number): Match[] {
  const at: number[] = [];
  for (const k of haves) {
    const i = n.order.get(k);
    if (i !== undefined) at.push(i);
  }
  at.sort((a, b) => a - b);
  const stamp = ++n.stamp;
  const out: Match[] = [];
  for (const i of at) {
    next: for (const m of n.lists[i]!) {
      const id = n.ids.get(m)!;
      if (n.seen[id] === stamp) continue;
      n.seen[id] = stamp;
      if (words < m.minWords) continue;
      for (const x of m.needs) if (!haves.has(x)) continue next;
      if (m.ifNo !== undefined) for (const x of m.ifNo) if (haves.has(x)) continue next;
      if (m.wants.length) {
        let found = 0;
        for (const x of m.wants) if (haves.has(x)) found++;
        if (found < m.minWant) continue;
      }
      out.push(m);
    }
  }
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
