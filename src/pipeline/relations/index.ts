/**
 * Relation extraction: discourse references, then one compromise parse of the sentences holding two
 * or more entities where a lexicon trigger could make a rule fire (gate.ts), then the rules in
 * order — verb frames, nominal constructions, titles, the few
 * surface patterns, curated structure. A relation is emitted only where relations.yaml (and the
 * lexicon entry) allows its classes; each carries its evidence sentence and rule id.
 */
import type { Relation } from '../../types.js';
import { MAX_NLP_CHARS, windowEnds } from '../candidates/windows.js';
import type { Candidate, DocContext, Sentence } from '../context.js';
import { eventContext, ownerReferences, resolveReferences, type OwnerSite } from '../discourse.js';
import { isExcluded } from '../references.js';
import { tagSentences, tokenizeSentences, type Parsed } from './clauses.js';
import { couldRelate } from './gate.js';
import { Collector, type Reference } from './emit.js';
import { participantLists, verbFrames } from './frames.js';
import { nominalRelations } from './nominal.js';
import { bylineTitles, captionParties, caseTitleTargets, houseTitles, reviewRequestTargets, surfacePatterns, titleRelations } from './patterns.js';

/**
 * Find relations between the resolved mentions of each sentence. `gate: false` parses every
 * sentence with two or more entities (the same relations, slower: tests compare the two).
 */
export function findRelations(ctx: DocContext, mentions: Candidate[], gate = true): Relation[] {
  const out = new Collector(ctx);
  const sites: OwnerSite[] = [];
  const refs = resolveReferences(ctx, mentions, sites);
  const units = relationUnits(ctx.sentences, ctx.doc.clean, mentions);
  const parsed = run(ctx, units, mentions, refs, out, gate);
  const live = mentions.filter((m) => m.entity && !isExcluded(ctx.excluded, m.start, m.end));
  bylineTitles(ctx, live, out);
  houseTitles(ctx, live, out);
  caseTitleTargets(ctx, live, out);
  captionParties(ctx, live, out);
  reviewRequestTargets(ctx, live, out);
  // "Cervantes … his group": a person's possessive stands for the organisation they lead, work for or belong to
  // that fits the description (discourse picks it)
  const personOrg = new Map<string, Set<string>>();
  for (const r of out.relations()) {
    if ((r.predicate === 'LEADS' || r.predicate === 'WORKS_FOR' || r.predicate === 'MEMBER_OF') && ctx.entities.get(r.subject)?.type === 'Person') {
      (personOrg.get(r.subject) ?? personOrg.set(r.subject, new Set()).get(r.subject)!).add(r.object);
    }
  }
  const single = new Map([...personOrg].map(([p, o]) => [p, [...o]]));
  if (single.size) {
    const known = new Set(refs.map((r) => `${r.start}:${r.entity}`));
    const more = ownerReferences(ctx, mentions, sites, single).filter((r) => !known.has(`${r.start}:${r.entity}`));
    const owner = new Set(more.map((r) => r.start));
    if (more.length) {
      const again = new Set(parsed.filter((p) => [...owner].some((s) => s >= p.start && s < p.end)).map((p) => p.start));
      run(ctx, units, mentions, [...refs, ...more].sort((a, b) => a.start - b.start), out, gate, again);
    }
  }
  return out.relations();
}

/**
 * The sentences as the relation rules read them: each sentence, but one longer than
 * {@link MAX_NLP_CHARS} (a table or a list without sentence punctuation; the longest real ones are
 * a few KB) in windows of at most that, cut at a clause break or a space and never inside a
 * mention. The rules scan their sentence once per verb group or mention, which is quadratic in one
 * sentence: kg extract of a 240 KB run of "X met Y and signed with Z" took 31.5 CPU-s, 6.8 in windows.
 */
export function relationUnits(sentences: Sentence[], clean: string, mentions: Candidate[]): Sentence[] {
  const out: Sentence[] = [];
  let mi = 0;
  for (const s of sentences) {
    if (s.end - s.start <= MAX_NLP_CHARS) {
      out.push(s);
      continue;
    }
    for (let start = s.start; start < s.end;) {
      // the first window of the rest (windowEnds cuts only a text longer than the bound)
      let end = start + windowEnds(clean.slice(start, Math.min(s.end, start + MAX_NLP_CHARS + 1)))[0]!;
      while (mi < mentions.length && mentions[mi]!.end <= start) mi++;
      for (let k = mi; k < mentions.length && mentions[k]!.start < end; k++) {
        const m = mentions[k]!;
        if (m.end > end && m.start >= start) {
          end = m.start > start ? m.start : Math.min(s.end, m.end);
          break;
        }
      }
      out.push({ start, end });
      start = end;
    }
  }
  return out;
}

/** One pass over the sentences (only those starting at `only`, when given). */
function run(ctx: DocContext, units: Sentence[], mentions: Candidate[], refs: Reference[], out: Collector, gate: boolean, only?: Set<number>): Parsed[] {
  const { doc, ontology } = ctx;
  const selected: { start: number; end: number; mentions: Candidate[] }[] = [];
  let mi = 0;
  let ri = 0;
  for (const s of units) {
    while (mi < mentions.length && mentions[mi]!.start < s.start) mi++;
    while (ri < refs.length && refs[ri]!.start < s.start) ri++;
    if (only && !only.has(s.start)) continue;
    if (isExcluded(ctx.excluded, s.start, s.end)) continue;
    const ms: Candidate[] = [];
    for (let k = mi; k < mentions.length && mentions[k]!.end <= s.end; k++) if (mentions[k]!.entity) ms.push(mentions[k]!);
    for (let k = ri; k < refs.length && refs[k]!.end <= s.end; k++) ms.push(refs[k]!);
    const units = nonOverlapping(ms);
    if (new Set(units.flatMap((m) => [m.entity, ...((m as Reference).others ?? []).map((o) => o.entity)])).size < 2) {
      // a title alone can name its organisation ("Secretary of Labor Elaine Chao", "X, Mexican Secretary of Labor")
      if (!only && units.some((m) => m.title || (m.type === 'Person' && doc.clean[m.end] === ','))) titleRelations(ctx, { start: s.start, end: s.end, mentions: units }, out);
      continue;
    }
    selected.push({ start: s.start, end: s.end, mentions: units });
  }
  // compromise parses only the sentences where a tag-reading rule could fire (src/pipeline/relations/gate.ts)
  const all = tokenizeSentences(doc.clean, selected);
  const gated = gate ? all.filter((p) => couldRelate(ctx, p.toks, p.mentions)) : all;
  const tagged = new Set<Parsed>(tagSentences(gated, ontology.predicateLex));
  for (const p of all) {
    if (tagged.has(p)) {
      verbFrames(p, ontology.predicateLex, out);
      participantLists(p, ontology.predicateLex, out, () => eventContext(ctx, mentions, p));
      nominalRelations(p, ontology.predicateLex, out, (id) => ctx.entities.get(id)?.kind);
    }
    // the rules below read the mentions and the text, not tags
    titleRelations(ctx, p, out);
    surfacePatterns(ctx, p, out);
    // curated structure stated in one sentence
    const ids = new Set(p.mentions.filter((m) => !('anaphor' in m)).map((m) => m.entity!));
    for (const id of ids) {
      const parent = ontology.entities.get(id)?.part_of;
      if (parent && ids.has(parent)) {
        const a = p.mentions.find((m) => m.entity === id)!;
        const b = p.mentions.find((m) => m.entity === parent)!;
        out.emit(a, 'PART_OF', b, 'ontology.part_of', { start: p.start, end: p.end });
      }
      // "the House Ways and Means Trade Subcommittee", "the AFL-CIO Executive Council": a body whose name is another
      // body's name and an organ word is that body's organ (the other named in the document)
      const named = namedParent(ctx, id);
      if (named) {
        const a = p.mentions.find((m) => m.entity === id)!;
        out.emit(a, 'PART_OF', { start: p.start, end: p.start, type: ctx.entities.get(named)!.type, rule: 'name', entity: named }, 'part-of.name', { start: p.start, end: p.end });
      }
    }
  }
  return all;
}

/**
 * The organisation an inferred organisation's name opens with, when the rest of the name ends in an organ
 * word (names.yaml org-part / org-unit: Subcommittee, Council, Division, …) and that organisation is an
 * entity of the document.
 */
function namedParent(ctx: DocContext, id: string): string | undefined {
  // (asked for each sentence an entity is named in: read its name once per document)
  let cache = namedParents.get(ctx);
  if (!cache) namedParents.set(ctx, (cache = new Map()));
  if (!cache.has(id)) cache.set(id, parentByName(ctx, id));
  return cache.get(id);
}
const namedParents = new WeakMap<DocContext, Map<string, string | undefined>>();

function parentByName(ctx: DocContext, id: string): string | undefined {
  const e = ctx.entities.get(id);
  if (!e || e.type !== 'Organization' || e.status !== 'inferred') return undefined;
  const words = e.name.split(/\s+/);
  const lex = ctx.ontology.lex;
  const organ = (w: string) => lex.orgParts.has(w) || lex.orgUnits.has(w) || lex.committeeHeads.has(w);
  // "Secretariat of the Commission for Labor Cooperation", "the Labour Council of the CUSMA": an organ word, "of",
  // and the whole name of a body or agreement the document names
  const of = words.findIndex((w, k) => k > 0 && w === 'of' && organ(words[k - 1]!));
  if (of > 0 && of <= 3) {
    const rest = words.slice(words[of + 1] === 'the' ? of + 2 : of + 1).join(' ');
    const hit = rest ? ctx.ontology.gazetteer.scan(rest).find((h) => h.start === 0 && h.end === rest.length && !h.entries.every((x) => x.short)) : undefined;
    const parent = hit?.entries.map((x) => x.entity).find((x) => x !== id && ctx.entities.has(x) && /^(Organization|Agreement)$/.test(ctx.entities.get(x)!.type));
    if (parent) return parent;
  }
  const last = words[words.length - 1]!;
  if (words.length < 3 || !organ(last)) return undefined;
  const hit = ctx.ontology.gazetteer.scan(e.name).find((h) => h.start <= 5 && h.end < e.name.length - last.length && !h.entries.every((x) => x.short));
  const parent = hit?.entries.map((x) => x.entity).find((x) => x !== id && ctx.entities.has(x) && ctx.entities.get(x)!.type === 'Organization');
  return parent;
}

/** Mentions in order without overlaps: entity mentions win over references, longer references over shorter. */
function nonOverlapping(ms: Candidate[]): Candidate[] {
  const sorted = [...ms].sort((a, b) => a.start - b.start || ('anaphor' in a ? 1 : 0) - ('anaphor' in b ? 1 : 0) || b.end - a.end);
  const out: Candidate[] = [];
  for (const m of sorted) {
    const last = out[out.length - 1];
    // "both unions": one span for several entities stays one token
    if (last && 'anaphor' in last && 'anaphor' in m && m.start === last.start && m.end === last.end && m.entity !== last.entity) {
      const ref = last as Reference;
      out[out.length - 1] = { ...ref, others: [...(ref.others ?? []), m as Reference] } as Reference;
      continue;
    }
    if (last && m.start < last.end) {
      // a reference that covers more than the kept one ("his group" over "his") replaces it
      if ('anaphor' in last && 'anaphor' in m && m.end > last.end && m.start === last.start) out[out.length - 1] = m;
      continue;
    }
    out.push(m);
  }
  return out;
}
