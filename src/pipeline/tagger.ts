/**
 * compromise's post-tagger with a faster match sweep, registered as the compute hook 'kgPostTagger'.
 * Same net, same candidate matches in the same order, so the same tags: compromise's own sweep
 * finds each clause's candidate matches by walking every key of its hook index (~1,000 words and
 * tags) per comma-separated clause and every match listed there; this looks each match up once,
 * under its rarest need, from the clause's own words and tags, and sorts what passes back into the
 * order compromise's walk meets them. Each candidate then runs through compromise's own match
 * steps (tryHere), but only from the terms its first word or tag is on (a clause index), not from
 * every term with a fresh slice of the clause. The global net and nlp() are left as they are.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import nlp from './nlp.js';

interface Match { match: string; needs: string[]; wants: string[]; minWant: number; minWords: number; ifNo?: string[]; unTag?: unknown; [k: string]: unknown }
interface Net { hooks: Record<string, Match[]>; always: Match[] }
/** A match with what the sweep needs to find and order it without walking every key's list. */
interface Entry {
  match: Match;
  /** the index keys of its needs and wants, in getHooks' order (the first one a clause has is where compromise meets it), and where getHooks meets the match under each (key position × 65536 + its place in the key's list) */
  names: string[];
  ranks: number[];
  /** its index, for the sweep's seen-stamps */
  id: number;
  /** its names, needs, ifNo and wants as key numbers ({@link FastNet.keyId}) */
  nameIds: number[];
  needIds: number[];
  ifNoIds: number[];
  wantIds: number[];
}
interface FastNet extends Net {
  /** the index's keys in getHooks' order */
  keys: string[];
  /** key → the entries with a need there, each under its rarest need only */
  byNeed: Map<string, Entry[]>;
  /** key → the entries without needs that want it */
  byWant: Map<string, Entry[]>;
  seen: Uint32Array;
  stamp: number;
  /** every word or tag a match names (need, want, ifNo, index key) → its number */
  keyId: Map<string, number>;
  /** key number → the stamp of the clause that has it (a clause's `haves` as an array the sweep reads by number) */
  has: Uint32Array;
}
interface Term { index: [number, number]; implicit?: string; [k: string]: unknown }
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
      if (!e) entries.set(m.match, (e = { match: m, names: [], ranks: [], id: entries.size, nameIds: [], needIds: [], ifNoIds: [], wantIds: [] }));
      // keys are walked in ascending order, so each entry's keys come ascending
      e.names.push(k);
      e.ranks.push(i * 65536 + j);
    });
  });
  const byNeed = new Map<string, Entry[]>();
  const byWant = new Map<string, Entry[]>();
  const push = (map: Map<string, Entry[]>, k: string, e: Entry) => (map.get(k) ?? map.set(k, []).get(k)!).push(e);
  const keyId = new Map<string, number>();
  const id = (k: string) => keyId.get(k) ?? keyId.set(k, keyId.size).get(k)!;
  for (const e of entries.values()) {
    const { needs, wants } = e.match;
    if (needs.length) push(byNeed, needs.reduce((a, b) => (base.hooks[b]!.length < base.hooks[a]!.length ? b : a)), e);
    else for (const w of new Set(wants)) push(byWant, w, e);
    e.nameIds = e.names.map(id);
    e.needIds = needs.map(id);
    e.ifNoIds = (e.match.ifNo ?? []).map(id);
    e.wantIds = wants.map(id);
  }
  return { ...base, keys, byNeed, byWant, seen: new Uint32Array(entries.size), stamp: 0, keyId, has: new Uint32Array(keyId.size) };
}

/**
 * Does the match pass compromise's trimDown + tooSmall for this clause? (`has[k] === stamp`: the
 * clause has key k; the same tests as over its `haves` set, by number.)
 */
function passes(e: Entry, has: Uint32Array, stamp: number, words: number): boolean {
  const m = e.match;
  if (words < m.minWords) return false;
  for (const x of e.needIds) if (has[x] !== stamp) return false;
  for (const x of e.ifNoIds) if (has[x] === stamp) return false;
  if (e.wantIds.length) {
    let found = 0;
    for (const x of e.wantIds) if (has[x] === stamp) found++;
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
  const { has, keyId } = n;
  for (const k of haves) {
    const x = keyId.get(k);
    if (x !== undefined) has[x] = stamp;
  }
  const found: { e: Entry; rank: number }[] = [];
  const consider = (list: Entry[] | undefined) => {
    if (!list) return;
    for (const e of list) {
      if (n.seen[e.id] === stamp) continue;
      n.seen[e.id] = stamp;
      if (!passes(e, has, stamp, words)) continue;
      let x = 0;
      while (x < e.nameIds.length && has[e.nameIds[x]!] !== stamp) x++;
      // (none: compromise would not meet it; the rank is NaN as before)
      found.push({ e, rank: x < e.nameIds.length ? e.ranks[x]! : NaN });
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
    const index = new ClauseIndex(docs[k]!);
    for (const match of candidates(net, cache[k]!, docs[k]!.length)) {
      for (const ptr of runMatch(docs[k]!, match, index)) {
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

/** A parsed match term (compromise's parseMatch output): the fields {@link runMatch} reads. */
interface Reg { anything?: boolean; choices?: Reg[][]; operator?: string; negative?: boolean; optional?: boolean; start?: boolean; end?: boolean; greedy?: boolean; group?: string }
interface Found { pointer: [number | null, number, number, ...unknown[]]; groups: Record<string, [number | null, number, number]> }
type TryHere = (terms: Term[], regs: Reg[], start: number, length: number) => Found | null;

// compromise's own match steps (src/1-one/match/methods/match), which its package exports do not
// expose: the match loop below calls them as compromise's runMatch does
const MATCH = join(dirname(createRequire(import.meta.url).resolve('compromise')), '../../src/1-one/match/methods/match');
const step = async <F>(file: string): Promise<F> => ((await import(pathToFileURL(join(MATCH, file)).href)) as { default: F }).default;
const tryHere = await step<TryHere>('02-from-here.js');
const termMatches = await step<(term: Term, reg: Reg, index: number, length: number) => boolean | null>('term/doesMatch.js');
const notIf = await step<(res: Found[], not: unknown, docs: Term[][]) => Found[]>('03-notIf.js');
const getGroup = await step<(res: Found[], group: unknown) => { ptrs: number[][] }>('03-getGroup.js');

/**
 * tryHere at term i can only succeed when its first reg matches term i, if that reg is a plain one:
 * required, positive, not '.', not an (a|b c) or && block, not an end-anchored greedy run (tryHere
 * checks those otherwise) and not start-anchored (tried once, at 0).
 */
const plainFirst = (r: Reg) => r.anything !== true && r.choices === undefined && r.negative !== true && r.optional !== true && r.start !== true && !(r.end === true && r.greedy === true);

/**
 * A first reg that is an or-block or an and-block tryHere must match (not negative, not optional),
 * every choice a sequence of one or more regs: tryHere's or-block (steps/logic/and-or.js) matches
 * only when some choice's first reg matches the first term, its and-block only when every one does.
 */
function blockFirst(r: Reg): 'or' | 'and' | undefined {
  if (r.choices === undefined || r.negative === true || r.optional === true) return undefined;
  if (!r.choices.every((c) => Array.isArray(c) && c.length > 0)) return undefined;
  return r.operator === 'or' ? 'or' : r.operator === 'and' ? 'and' : undefined;
}

/** What {@link runMatch} reads of a match's regs, worked out once per match. */
interface Prep {
  regs: Reg[];
  minLength: number;
  first: Reg;
  plain: boolean;
  second: Reg | undefined;
  block: 'or' | 'and' | undefined;
}
const preps = new WeakMap<Match, Prep | null>();

function prepare(todo: Match): Prep | null {
  let p = preps.get(todo);
  if (p !== undefined) return p;
  const regs = todo.regs as Reg[] | undefined;
  if (!regs || regs.length === 0) p = null;
  else {
    let minLength = 0;
    for (const r of regs) if (r.optional !== true && r.negative !== true) minLength++;
    const first = regs[0]!;
    const plain = plainFirst(first);
    // a plain first reg that matches one term (not greedy, not end-anchored) is followed by a plain
    // second one: tryHere fails unless the next term matches it (but after the first part of a
    // contraction, which tryHere may skip past), so test that before slicing and trying
    const second = plain && first.greedy !== true && first.end !== true && regs[1] !== undefined && plainFirst(regs[1]) ? regs[1] : undefined;
    // an (a|b) or (a && b) block first: its first term must match the first reg of some (every) choice
    const block = plain ? undefined : blockFirst(first);
    p = { regs, minLength, first, plain, second, block };
  }
  preps.set(todo, p);
  return p;
}

/**
 * compromise's runMatch (match/index.js) for one clause and one post-tagger match, with the same
 * results: it slices the clause and runs tryHere from every term; this first tests the match's
 * first reg against the term, as tryHere's first step would, and only then slices and tries
 * (a clause of n terms cost each candidate match n slices of O(n) before).
 */
function runMatch(terms: Term[], todo: Match, index: ClauseIndex): number[][] {
  const prep = prepare(todo);
  if (!prep) return [];
  const { regs, minLength, first, plain, second, block } = prep;
  let results: Found[] = [];
  const at = (res: Found) => {
    res.pointer[0] = 0;
    for (const k of Object.keys(res.groups)) res.groups[k]![0] = 0;
    results.push(res);
  };
  if (first.start === true) {
    const res = tryHere(terms, regs, 0, terms.length);
    if (res) at(res);
  } else {
    // the terms the first reg matches, from the clause's index when it is a plain word or tag
    const only = plain ? index.positions(first) : undefined;
    // where such a block can start, when the index knows each choice's first reg
    const starts = block ? index.blockPositions(first, block) : only;
    const n = starts ? starts.length : terms.length;
    for (let x = 0, next = 0; x < n; x += 1) {
      const i = starts ? starts[x]! : x;
      if (i < next) continue;
      if (terms.length - i < minLength) break;
      if (plain && !only && termMatches(terms[i]!, first, i, terms.length) !== true) continue;
      if (second && !terms[i]!.implicit && (i + 1 >= terms.length || termMatches(terms[i + 1]!, second, i + 1, terms.length) !== true)) continue;
      if (block && starts === undefined && !(block === 'or' ? first.choices!.some((c) => termMatches(terms[i]!, c[0]!, i, terms.length) === true) : first.choices!.every((c) => termMatches(terms[i]!, c[0]!, i, terms.length) === true))) continue;
      const res = tryHere(suffix(terms, i), regs, i, terms.length);
      if (!res) continue;
      at(res);
      if (todo.justOne === true) break;
      // compromise's loop goes on after the match (its end is past i)
      next = Math.max(i + 1, res.pointer[2]);
    }
  }
  // nothing found: notIf and getGroup have nothing to filter or group
  if (results.length === 0) return [];
  if (regs[regs.length - 1]!.end === true) results = results.filter((res) => terms.length === res.pointer[2]);
  if (todo.notIf) results = notIf(results, todo.notIf, [terms]);
  const { ptrs } = getGroup(results, todo.group);
  for (const ptr of ptrs) {
    ptr[3] = (terms[ptr[1]!] as unknown as { id: number }).id;
    ptr[4] = (terms[ptr[2]! - 1] as unknown as { id: number }).id;
  }
  return ptrs;
}

/** Up to this many terms, {@link suffix} copies (as compromise does); past it, a view. */
const COPY_UP_TO = 64;

/**
 * `terms.slice(i)` for tryHere, without the copy on long clauses: compromise's match steps read
 * only `terms[k]` and `terms.length` of what they are given, so a read-only view of the suffix
 * answers them the same. Copying it at every start of an n-term clause is O(n²) time and
 * allocation: a 240 KB table without sentence punctuation is one clause of ~40k terms, and took
 * 45 CPU-s (16 s user, 29 s system in page faults) before.
 */
function suffix(terms: Term[], i: number): Term[] {
  if (terms.length - i <= COPY_UP_TO) return terms.slice(i);
  return new Proxy(terms, {
    get(t, k) {
      if (k === 'length') return t.length - i;
      if (typeof k === 'string') {
        const x = Number(k);
        if (Number.isInteger(x) && x >= 0) return t[i + x];
      }
      throw new Error(`kgPostTagger: tryHere read terms.${String(k)}, which the suffix view does not provide`);
    },
  });
}

/** A reg the clause index may answer (compromise's parsed match term, the fields doesMatch reads). */
type IndexReg = Reg & {
  id?: unknown; word?: string; tag?: string; use?: unknown; fuzzy?: boolean; method?: unknown; pre?: unknown; post?: unknown; regex?: unknown;
  chunk?: unknown; switch?: string; machine?: unknown; sense?: unknown; fastOr?: Set<string>; pos?: string;
};

/**
 * Where a clause's terms hold each tag, word form, `%switch%` and `(a|b)` key, built on first use:
 * a reg that is a bare #Tag, a bare word (no id, no `use`, no fuzziness), a %switch% or a
 * compromise fastOr `(a|b|c)` of plain words, and no anchor or negation, matches exactly the terms
 * listed under it (doesMatch: a word is the term's machine form, an alias, its text or its normal
 * form; a tag is in its tags — which no step changes until every match of the clause is found; a
 * switch is the term's switch; a fastOr holds the term's root, implicit, machine or normal form —
 * the first one set — or its text, and the term has the reg's pos tag).
 */
class ClauseIndex {
  private tags?: Map<string, number[]>;
  private words?: Map<string, number[]>;
  private switches?: Map<string, number[]>;
  private orKeys?: Map<string, number[]>;
  constructor(private readonly terms: Term[]) {}
  private build(): void {
    const tags = new Map<string, number[]>();
    const words = new Map<string, number[]>();
    const switches = new Map<string, number[]>();
    const orKeys = new Map<string, number[]>();
    const put = (map: Map<string, number[]>, k: unknown, i: number) => {
      if (typeof k !== 'string') return;
      const list = map.get(k);
      if (!list) map.set(k, [i]);
      else if (list[list.length - 1] !== i) list.push(i);
    };
    this.terms.forEach((t, i) => {
      for (const tag of t.tags as Set<string>) put(tags, tag, i);
      if (t.machine !== null) put(words, t.machine, i);
      for (const a of (t.alias as unknown[] | undefined) ?? []) put(words, a, i);
      put(words, t.text, i);
      put(words, t.normal, i);
      put(switches, t.switch, i);
      put(orKeys, t.root || t.implicit || t.machine || t.normal, i);
      put(orKeys, t.text, i);
    });
    this.tags = tags;
    this.words = words;
    this.switches = switches;
    this.orKeys = orKeys;
  }
  /** The ascending positions where the reg matches (doesMatch true), or undefined when the index does not decide it. */
  positions(r: IndexReg): number[] | undefined {
    if (r.anything === true || r.start === true || r.end === true || r.negative === true || r.id !== undefined) return undefined;
    if (r.word !== undefined) {
      if (r.use || r.fuzzy === true) return undefined;
      if (!this.words) this.build();
      return this.words!.get(r.word) ?? [];
    }
    if (r.tag !== undefined) {
      if (!this.tags) this.build();
      return this.tags!.get(r.tag) ?? [];
    }
    if (r.method !== undefined || r.pre !== undefined || r.post !== undefined || r.regex !== undefined || r.chunk !== undefined) return undefined;
    if (r.switch !== undefined) {
      if (!this.switches) this.build();
      return this.switches!.get(r.switch) ?? [];
    }
    if (r.machine !== undefined || r.sense !== undefined || r.fastOr === undefined) return undefined;
    // a fastOr: the terms under any of its words (a set larger than the clause is cheaper to test term by term)
    if (r.fastOr.size > this.terms.length) return undefined;
    if (!this.orKeys) this.build();
    let out: number[] = [];
    let lists = 0;
    for (const w of r.fastOr) {
      const at = this.orKeys!.get(w);
      if (!at) continue;
      out = lists++ === 0 ? at : out.concat(at);
    }
    if (lists > 1) out = [...new Set(out)].sort((a, b) => a - b);
    if (r.pos !== undefined) {
      const pos = r.pos;
      out = out.filter((i) => (this.terms[i]!.tags as Set<string>).has(pos));
    }
    return out;
  }
  /**
   * The ascending positions where a first (a|b) or (a && b) block can start: where some (every)
   * choice's first reg matches, when the index decides each of them; else undefined.
   */
  blockPositions(r: Reg, op: 'or' | 'and'): number[] | undefined {
    const each: number[][] = [];
    for (const c of r.choices!) {
      const at = this.positions(c[0] as IndexReg);
      if (!at) return undefined;
      each.push(at);
    }
    if (op === 'or') return [...new Set(each.flat())].sort((a, b) => a - b);
    return each.reduce((a, b) => {
      const keep = new Set(b);
      return a.filter((i) => keep.has(i));
    });
  }
}

nlp.plugin({ compute: { kgPostTagger } } as unknown as Parameters<typeof nlp.plugin>[0]);

/** compromise's compute hooks as nlp() runs them, with the fast post-tagger (and without `drop`). */
export function taggerHooks(drop: string[] = []): string[] {
  return (nlp.world() as unknown as { hooks: string[] }).hooks.filter((h) => !drop.includes(h)).map((h) => (h === 'postTagger' ? 'kgPostTagger' : h));
}

/**
 * nlp(text) with `hooks` in place of the world's hooks for this one call: each hook runs once
 * (nlp.tokenize + compute(hooks) ran alias, machine and contractions twice, and normal once more).
 */
export function parseWith(hooks: string[], text: string): ReturnType<typeof nlp> {
  const world = nlp.world() as unknown as { hooks: string[] };
  const saved = world.hooks;
  world.hooks = hooks;
  try {
    return nlp(text);
  } finally {
    world.hooks = saved;
  }
}
