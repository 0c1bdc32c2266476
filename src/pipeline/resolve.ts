/**
 * Resolution within a document: gazetteer hits and rule candidates become entities. Acronyms
 * defined anywhere ("Full Name (ACR)", "ACR (Full Name)") resolve their other uses; surnames
 * resolve to a full name of the same document; inferred names fuzzy-match curated ones
 * (natural's Jaro–Winkler); countries come from the ontology, the name or the context.
 */
import { JaroWinklerDistance } from 'natural/lib/natural/distance/index.js';
import type { CuratedEntity, Lexicon } from '../ontology/index.js';
import type { Country, EntityType } from '../types.js';
import { nameKey, slug } from '../util/text.js';
import type { Candidate, DocContext, DocEntity } from './context.js';
import { isExcluded } from './references.js';
import { legalSuffixAt } from './classify.js';
import { isDictionaryWord, isFunctionWord, wordTag } from './english.js';
import { pushAll } from '../util/array.js';

/** Jaro–Winkler similarity above which an inferred name is taken as a curated entity (measured on the seeds). */
export const FUZZY_THRESHOLD = 0.95;

const jw = JaroWinklerDistance as unknown as (a: string, b: string, options?: object) => number;

/** Does the text after a bare surname show that it names a known person ("… administration", "…’s", "and Salinas years")? */
function supportsSurname(lex: Lexicon, after: string): boolean {
  const m = /^\s*(?:and \p{Lu}\p{L}+\s+)?(\p{L}+(?: \p{Lu}\p{L}+)?|['’]s)/u.exec(after);
  if (!m) return false;
  const word = m[1]!;
  return lex.surnameSupport.has(word) || lex.surnameSupport.has(word.split(' ')[0]!);
}

/** Gazetteer hits of the document as candidates (outside citations). */
export function gazetteerCandidates(ctx: DocContext): Candidate[] {
  const { ontology, doc } = ctx;
  const out: Candidate[] = [];
  for (const hit of ontology.gazetteer.scan(doc.clean, ctx.folded)) {
    if (isExcluded(ctx.excluded, hit.start, hit.end)) continue;
    if (shouted(doc.clean, hit.start, hit.end) || pluralNoun(doc.clean, hit.start, hit.end)) continue;
    const ids = [...new Set(hit.entries.map((e) => e.entity))];
    const first = ontology.entities.get(ids[0]!)!;
    out.push({ start: hit.start, end: hit.end, type: first.type, rule: 'gazetteer', curated: ids, short: hit.entries.every((e) => e.short) });
  }
  pushAll(out, nationalBranches(ctx, out));
  return out;
}

/** Organisation kinds whose national branch is named "<name> <country>": "Teamsters Canada", "Volkswagen de México". */
const BRANCH_KINDS = new Set(['company', 'union', 'federation']);

/**
 * "Teamsters Canada", "General Motors de México", "Volkswagen of America": a curated union or company
 * followed by the name of one of the three countries is its national branch there, another body (and of
 * that country) — not the parent, which the longer span then hides. Not where the country name modifies
 * a noun after it ("the Solidarity Center Mexico office", "the UAW Mexico campaign") or opens a longer name.
 */
function nationalBranches(ctx: DocContext, hits: Candidate[]): Candidate[] {
  const { ontology, doc } = ctx;
  const out: Candidate[] = [];
  const byStart = new Map(hits.map((h) => [h.start, h]));
  const classifiers = ontology.predicateLex.modality.classifier;
  for (const h of hits) {
    const org = h.type === 'Organization' && !h.short ? ontology.entities.get(h.curated![0]!) : undefined;
    if (!org || !BRANCH_KINDS.has(org.kind ?? '')) continue;
    const gap = /^(?: de | of | )/.exec(doc.clean.slice(h.end, h.end + 4))?.[0];
    if (!gap || (gap === ' of ' && org.kind !== 'company')) continue;
    const place = byStart.get(h.end + gap.length);
    const country = place?.curated?.map((id) => ontology.entities.get(id)!).find((e) => e.type === 'Place' && e.kind === 'country' && /^(US|MX|CA)$/.test(e.iso ?? ''));
    if (!place || !country || !/^\p{Lu}/u.test(doc.clean.slice(place.start, place.end))) continue;
    const next = /^\s+([\p{L}'’-]+)/u.exec(doc.clean.slice(place.end, place.end + 30))?.[1] ?? '';
    if (/^\p{Lu}/u.test(next) || ontology.lex.facilityNouns.has(next) || classifiers.has(next.toLowerCase())) continue;
    out.push({ start: h.start, end: place.end, type: 'Organization', rule: 'org.national-branch', kind: org.kind, country: country.iso as Country });
  }
  return out;
}

/**
 * "Steelworkers at the plant voted", "Machinists in Ohio earn more": a union's one-word plural short
 * form opening a sentence before a preposition or relative is the plain noun, not the union.
 */
export function pluralNoun(clean: string, start: number, end: number): boolean {
  if (!/^\p{Lu}\p{Ll}+s$/u.test(clean.slice(start, end))) return false;
  if (!/(^|[.!?]["”’)]?\s+|\n\s*)$/u.test(clean.slice(Math.max(0, start - 4), start))) return false;
  return /^\s+(at|in|from|of|across|who|that|and|or|with|on|for)\b/.test(clean.slice(end, end + 10));
}

/**
 * "CLICK HERE to read", "did NOT set": an acronym that is an English word, written in capitals beside
 * another word in capitals or as an adverb or function word, is emphasis, not a name.
 */
export function shouted(clean: string, start: number, end: number): boolean {
  const word = clean.slice(start, end);
  if (!/^\p{Lu}{2,}$/u.test(word) || !(isDictionaryWord(word) || isFunctionWord(word))) return false;
  // ("US" is a pronoun too: only words that can never be a name's letters count alone)
  if (/^(Negative|Adverb|Conjunction|Preposition|Modal)$/.test(wordTag(word) ?? '')) return true;
  const before = /(\p{L}+)\W{0,2}$/u.exec(clean.slice(Math.max(0, start - 20), start))?.[1];
  const after = /^\W{0,2}(\p{L}+)/u.exec(clean.slice(end, end + 20))?.[1];
  // "CLICK HERE": the word beside it is an ordinary word in capitals ("HERE, SEIU and the UFW" are names)
  return [before, after].some((w) => !!w && w.length > 1 && w === w.toUpperCase() && isDictionaryWord(w));
}

function pickCurated(ctx: DocContext, c: Candidate, fullNames: Set<string>): CuratedEntity {
  const { ontology, doc } = ctx;
  const options = c.curated!.map((id) => ontology.entities.get(id)!);
  if (options.length === 1) return options[0]!;
  const before = doc.clean.slice(Math.max(0, c.start - 40), c.start);
  const demonym = [...ontology.lex.demonyms].filter(([w]) => before.includes(w)).pop()?.[1];
  return options.find((o) => demonym && o.country === demonym) ?? options.find((o) => fullNames.has(o.id)) ?? options.find((o) => o.country === undefined || o.country === null) ?? options[0]!;
}

/**
 * A demonym right before a curated name ("Mexican Department of Labor", "Canada’s National
 * Administrative Office") picks that country's body: the curated entity named "<demonym> <name>",
 * else one of that country, class and kind whose name has the mention's content words. A curated
 * entity of another country is no fit (undefined); without a demonym the pick stands.
 */
function qualified(ctx: DocContext, c: Candidate, cur: CuratedEntity, text: string): CuratedEntity | undefined {
  const { ontology } = ctx;
  const lex = ontology.lex;
  if (cur.type !== 'Organization' && cur.type !== 'Case' && cur.type !== 'Program') return cur;
  const before = ctx.doc.clean.slice(Math.max(0, c.start - 30), c.start).replace(/\s+/g, ' ');
  let country: Country | undefined;
  let word = '';
  for (const [w, k] of lex.demonyms) {
    if (w.length <= word.length) continue;
    const at = before.length - w.length - 1;
    const possessive = before.endsWith(`${w}’s `) || before.endsWith(`${w}'s `) || before.endsWith(`${w}’ `);
    if ((before.endsWith(` ${w} `) || before === `${w} ` || before.endsWith(` the ${w} `) || possessive) && (at <= 0 || !/[\p{L}.]/u.test(before[at - 1] ?? ' ') || possessive)) {
      country = k;
      word = w;
    }
  }
  // ("the North American Commission for …": a demonym of no one country, not "American")
  if (!country || country === 'INTL' || cur.country === country) return cur;
  for (const [w, k] of lex.demonyms) {
    if (k !== country) continue;
    const probe = `${w} ${text}`;
    const hit = ontology.gazetteer.scan(probe).find((h) => h.start === 0 && h.end === probe.length);
    const other = hit && ontology.entities.get(hit.entries[0]!.entity);
    if (other && other.country === country) return other;
  }
  const heads = new Set([...lex.orgHead, ...lex.orgHeadFirst].map((h) => nameKey(h)));
  const content = nameKey(text).split(' ').filter((w) => w && !lex.functionWords.has(w) && !heads.has(w));
  if (content.length) {
    const fits = (ontology.byType.get(cur.type) ?? []).filter((x) => x.country === country && x.kind === cur.kind && [x.name, ...(x.aliases ?? [])].some((a) => content.every((w) => nameKey(a).split(' ').includes(w))));
    if (fits.length === 1) return fits[0];
  }
  c.country = country;
  return cur.country ? undefined : cur;
}

/** Turn kept candidates into the document's entities. Mutates ctx.entities and candidate.entity. */
export function resolveEntities(ctx: DocContext, kept: Candidate[]): Candidate[] {
  const { ontology, doc } = ctx;
  const text = doc.text;
  const aliasMap = new Map<string, string>(); // nameKey → entity id (this doc)
  const entities = ctx.entities;
  const add = (id: string, type: EntityType, name: string, status: DocEntity['status'], curated?: CuratedEntity): DocEntity => {
    let e = entities.get(id);
    if (!e) {
      e = { id, type, name, aliases: new Set(), country: curated ? (curated.country ?? null) : null, status, kind: curated?.kind, mentions: [] };
      entities.set(id, e);
    }
    return e;
  };
  const surface = (c: Candidate) => text.slice(c.start, c.end).replace(/\s+/g, ' ').trim();
  // full (non-short) curated mentions present in the document
  const fullNames = new Set(kept.filter((c) => c.curated && !c.short).flatMap((c) => c.curated!));
  const out: Candidate[] = [];
  // pass 1: curated and typed names
  for (const c of kept) {
    if (c.rule === 'person.surname' || c.rule.startsWith('org.acronym')) continue;
    const cur = c.curated ? qualified(ctx, c, pickCurated(ctx, c, fullNames), surface(c)) : undefined;
    if (c.curated && !cur) {
      // "the Mexican Supreme Court": a curated name of another country's body — a name of its own
      c.curated = undefined;
      c.rule = 'gazetteer.other-country';
    }
    if (c.curated && cur) {
      // a bare surname needs support: a title, the full name in the document, or "the Bush administration"
      if (c.short && !c.title && !fullNames.has(cur.id) && !supportsSurname(ontology.lex, doc.clean.slice(c.end, c.end + 30))) continue;
      const e = add(cur.id, cur.type, cur.name, 'curated', cur);
      c.entity = e.id;
      c.type = cur.type;
      aliasMap.set(nameKey(surface(c)), e.id);
      out.push(c);
      continue;
    }
    const name = (c.name ?? surface(c)).replace(/^(the|The)\s+/, '');
    const key = nameKey(name);
    let id = aliasMap.get(key);
    if (!id) {
      const curated = c.rule === 'gazetteer.other-country' ? undefined : fuzzyCurated(ctx, c.type, key);
      if (curated) {
        id = add(curated.id, curated.type, curated.name, 'curated', curated).id;
        c.rule += '+fuzzy';
      } else id = add(`${ontology.prefix(c.type)}:${slug(name)}`, c.type, name, 'inferred').id;
      if (c.kind && entities.get(id)!.status === 'inferred') entities.get(id)!.kind ??= c.kind;
      aliasMap.set(key, id);
    }
    c.entity = id;
    out.push(c);
  }
  // pass 2: acronym definitions "Full Name (ACR)" / "ACR (Full Name)"
  const acronyms = new Map<string, string>();
  const initials = { seen: 0 } as { map?: Map<string, string>; seen: number };
  for (const c of out) {
    const after = /^\s*(?:\(|[–—]|\s-)\s*([\p{Lu}][\p{Lu}\p{Ll}\d&-]{1,9})\s*(?:[,;)]|\s[–—-]|[–—])/u.exec(doc.clean.slice(c.end, c.end + 16));
    if (after && /[\p{Lu}].*[\p{Lu}]/u.test(after[1]!) && c.entity && entities.get(c.entity)!.type !== 'Person' && entities.get(c.entity)!.type !== 'Place') acronyms.set(after[1]!, c.entity);
  }
  for (const c of kept) {
    if (!c.rule.startsWith('org.acronym')) continue;
    const acr = surface(c);
    // a bracketed acronym after an ordinary word counts only when it defines a found name
    if (c.rule === 'org.acronym.defined' && !acronyms.has(acr)) continue;
    let id = acronyms.get(acr) ?? aliasMap.get(nameKey(acr));
    if (!id) {
      // "ACR (Full Name)": the acronym is followed by a bracketed name already resolved
      const open = doc.clean.indexOf('(', c.end);
      const inner = open >= 0 && open - c.end <= 2 ? out.find((o) => o.start > open && o.start - open <= 3) : undefined;
      if (inner?.entity && entities.get(inner.entity)!.type !== 'Person') id = inner.entity;
    }
    if (!id) id = byInitials(ctx, acr, initials);
    if (!id) id = add(`org:${slug(acr)}`, 'Organization', acr, 'inferred').id;
    c.entity = id;
    c.type = entities.get(id)!.type;
    out.push(c);
  }
  // pass 3: surnames → a full name of this document
  const bySurname = new Map<string, string>();
  for (const e of entities.values()) {
    if (e.type !== 'Person') continue;
    for (const key of surnames(e.name.split(/\s+/).map(nameKey))) bySurname.set(key, e.id);
  }
  const byShortCompany = shortCompanyNames(ctx, entities.values());
  for (const c of kept) {
    if (c.rule !== 'person.surname') continue;
    const id = bySurname.get(nameKey(surface(c)));
    // "Echlin Inc. … Echlin said": a company's name without its legal form names it again
    const company = id ? undefined : byShortCompany.get(nameKey(surface(c)));
    if (!id && !company) continue;
    c.entity = id ?? company;
    c.type = id ? 'Person' : 'Organization';
    if (company) c.rule = 'org.short-company';
    out.push(c);
  }
  // "Since firing Cordoba, the company …": one word a context cue typed (an apposition, a list) that is the
  // surname of a person of the document names that person
  for (const c of out) {
    if (!c.entity || c.type === 'Person' || !/^(apposition\.|org\.list$)/.test(c.rule) || entities.get(c.entity)?.status !== 'inferred') continue;
    const words = surface(c).split(' ');
    const id = words.length === 1 ? bySurname.get(nameKey(words[0]!)) : undefined;
    if (!id) continue;
    c.entity = id;
    c.type = 'Person';
  }
  // pass 3b: "the Hoffman case" → the case named "Hoffman Plastic v. NLRB" in this document
  for (const c of out) {
    if (c.rule !== 'case.follower' || !c.entity) continue;
    const first = nameKey(surface(c)).split(' ')[0];
    const other = [...entities.values()].find((e) => e.type === 'Case' && e.id !== c.entity && nameKey(e.name).split(' ')[0] === first);
    if (other) c.entity = other.id;
  }
  // pass 3c: "The Han Young case — U.S. NAO Submission 9702 —", "… Submission 9703 against ITAPSA, an Echlin
  // subsidiary. The Echlin case …": a named case beside a numbered one is that case
  const sentenceOf = (pos: number) => ctx.sentences.findIndex((x) => x.start <= pos && pos < x.end);
  const numbered = out.filter((c) => c.rule.startsWith('case.numbered') && c.entity);
  // each numbered case's sentence, looked up once (not once per follower), and only if a follower needs it
  let numberedIn: number[] | undefined;
  for (const c of out) {
    if (c.rule !== 'case.follower' || !c.entity || entities.get(c.entity)!.status !== 'inferred') continue;
    const si = sentenceOf(c.start);
    if (si < 0) continue;
    const inSentence = (numberedIn ??= numbered.map((n) => sentenceOf(n.start)));
    const here = numbered.filter((_n, k) => inSentence[k] === si);
    let target: Candidate | undefined;
    if (here.length) target = here.length === 1 || new Set(here.map((n) => n.entity)).size === 1 ? here[0] : undefined;
    else if (si > 0) {
      const prev = numbered.filter((_n, k) => inSentence[k] === si - 1);
      const word = surface(c).replace(/^(the|The)\s+/, '').split(/\s+/)[0]!;
      const sent = ctx.sentences[si - 1]!;
      if (prev.length && new Set(prev.map((n) => n.entity)).size === 1 && new RegExp(`\\b${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'u').test(doc.clean.slice(sent.start, sent.end))) target = prev[0];
    }
    if (target) c.entity = target.entity;
  }
  // pass 3d: "Federal Conciliation and Arbitration Board (Junta Federal de Conciliación y Arbitraje)": a bracketed
  // name of the same type right after a name is another name of it
  const same = new Map<string, string>();
  const root = (id: string): string => (same.has(id) ? root(same.get(id)!) : id);
  const byStart = new Map<number, Candidate>();
  for (const o of out) if (!byStart.has(o.start)) byStart.set(o.start, o);
  for (const c of out) {
    if (!c.entity || c.type === 'Person' || c.type === 'Place') continue;
    const open = /^\s*\(\s*/.exec(doc.clean.slice(c.end, c.end + 4));
    const d = open && open[0].includes('(') ? byStart.get(c.end + open[0].length) : undefined;
    if (!d || !/^\s*\)/.test(doc.clean.slice(d.end, d.end + 3))) continue;
    if (!d?.entity || d.type !== c.type) continue;
    const a = root(c.entity);
    const b = root(d.entity);
    if (a === b) continue;
    const ea = entities.get(a)!;
    const eb = entities.get(b)!;
    if (ea.status === 'curated' && eb.status === 'curated') continue;
    // "Secretariat of Labor and Social Welfare of Mexico (STPS)": a known acronym in brackets names the found name it follows
    // (not a federation after a union: "San Francisco Labor Council (AFL-CIO)" is its affiliation)
    const knownAcronym = !/\s/.test(surface(d)) && eb.status === 'curated' && ea.status === 'inferred' && /^\p{Lu}[\p{Lu}&-]+$/u.test(surface(d)) &&
      !(eb.kind === 'federation' && !/federa|confedera|congres|central/i.test(ea.name));
    if (!/\s/.test(surface(d)) && !knownAcronym) continue;
    if (eb.status === 'inferred') same.set(b, a);
    else same.set(a, b);
  }
  for (const c of out) if (c.entity && same.has(c.entity)) c.entity = root(c.entity);
  for (const id of same.keys()) entities.delete(id);
  // pass 4: people named twice ("Benedicto Martinez" / "Benedicto Martínez Orozco") fold into the longer name
  // (organisations too: "Carnegie Endowment" / "Carnegie Endowment for International Peace")
  const starts = new Map<string, number[]>();
  for (const c of out) if (c.entity) (starts.get(c.entity) ?? starts.set(c.entity, []).get(c.entity)!).push(c.start);
  const remap = foldShortNames(ctx, [...entities.values()], starts);
  // "Joint Declaration of Ministerial Consultations" / "Ministerial Consultations Joint Declaration": the same words reordered
  const wordSet = (name: string) => nameKey(name).split(' ').filter((w) => !ontology.lex.functionWords.has(w)).sort().join(' ');
  const byWords = new Map<string, string>();
  const firstAt = new Map<string, number>();
  for (const c of out) if (c.entity && !((firstAt.get(c.entity) ?? Infinity) <= c.start)) firstAt.set(c.entity, c.start);
  for (const e of [...entities.values()].sort((a, b) => (firstAt.get(a.id) ?? Number.MAX_SAFE_INTEGER) - (firstAt.get(b.id) ?? Number.MAX_SAFE_INTEGER))) {
    if (e.type === 'Person' || e.type === 'Place' || remap.has(e.id)) continue;
    const k = wordSet(e.name);
    if (k.split(' ').length < 3) continue;
    const other = byWords.get(k);
    if (!other) byWords.set(k, e.id);
    else if (e.status === 'inferred' && !remap.has(other)) remap.set(e.id, other);
  }
  unitParents(ctx, out, remap);
  aliasedNames(ctx, out, remap);
  // a name folded into one that is itself folded (foldShortNames, then the reordered words) ends at the last of the chain
  const last = (id: string): string => {
    const seen = new Set<string>();
    while (remap.has(id) && !seen.has(id)) (seen.add(id), (id = remap.get(id)!));
    return id;
  };
  for (const c of out) {
    if (c.entity && remap.has(c.entity)) c.entity = last(c.entity);
    if (c.parent?.entity && remap.has(c.parent.entity)) c.parent.entity = last(c.parent.entity);
  }
  for (const id of remap.keys()) if (last(id) !== id) entities.delete(id);
  pushAll(out, repeatedNames(ctx, out));
  // attach mentions, aliases, countries
  out.sort((a, b) => a.start - b.start);
  for (const c of out) {
    const e = entities.get(c.entity!)!;
    e.mentions.push(c);
    e.aliases.add(surface(c));
  }
  for (const e of entities.values()) {
    if (e.status === 'inferred') {
      // prefer a mixed-case surface over a heading in capitals as the entity's name
      const named = e.mentions.map(surface).filter((x) => x !== x.toUpperCase() || x.length <= 10);
      if (named.length && e.name === e.name.toUpperCase() && e.name.length > 10) e.name = named.sort((x, y) => y.length - x.length)[0]!.replace(/^(the|The)\s+/, '');
    }
  }
  for (const [id, e] of entities) if (!e.mentions.length) entities.delete(id);
  return out;
}

/** Name keys of an entity's name, without a legal suffix ("Acme Foods S.A. de C.V." → acme foods). */
function keyWords(lex: Lexicon, name: string): string[] {
  const words = name.replace(/,/g, ' ').split(/\s+/).filter(Boolean);
  const k = legalSuffixAt(lex, words);
  return nameKey(words.slice(0, words.length - k).join(' ')).split(' ').filter(Boolean);
}

/** Is `a` an ordered subsequence of `b` ("conciliation board" in "federal conciliation and arbitration board")? */
function subsequence(a: string[], b: string[]): boolean {
  let i = 0;
  for (const w of b) if (w === a[i]) i++;
  return i === a.length;
}

/**
 * Shorter names of an entity of the document fold into the longer one: a person's name into a longer
 * one with the same start or a two-surname tail; an organisation's into one it opens before "of/for"
 * ("Carnegie Endowment" → "… for International Peace"), one it ends ("the Supreme Court" → "U.S.
 * Supreme Court"), one it is an ordered part of with the same head ("Mediation Board" → "Federal
 * Mediation and Arbitration Board"); a company's first words into the company ("Acme" → "Acme
 * Castings") and a name without its legal suffix into the one with it. Candidates are looked up by first
 * and last word, not compared all against all. Returns the id map (shorter → longer).
 */
function foldShortNames(ctx: DocContext, all: DocEntity[], starts: Map<string, number[]>): Map<string, string> {
  const lex = ctx.ontology.lex;
  const remap = new Map<string, string>();
  // each entity's keys computed once (not once per pair: a document of 3,000 "Union Number N (UNx)" took 27 CPU-s here)
  const info = new Map<DocEntity, { k: string[]; joined: string; rawLen: number; at: number; company?: boolean }>();
  const byLast = new Map<string, DocEntity[]>();
  // by first word and the word at position j: every b whose key starts with a's key of length j+1 is in
  // byFirstAt(a[0], j, a[j]); by first and last word: every b that ends like a (the tail rules)
  const byFirstAt = new Map<string, DocEntity[]>();
  const byFirstLast = new Map<string, DocEntity[]>();
  const push = (map: Map<string, DocEntity[]>, key: string, e: DocEntity) => {
    const list = map.get(key);
    if (list) list.push(e);
    else map.set(key, [e]);
  };
  for (const e of all) {
    if (e.type !== 'Person' && e.type !== 'Organization') continue;
    const k = keyWords(lex, e.name);
    if (!k.length) continue;
    info.set(e, { k, joined: k.join(' '), rawLen: nameKey(e.name).split(' ').length, at: info.size });
    push(byLast, k[k.length - 1]!, e);
    for (let j = 0; j < k.length; j++) push(byFirstAt, `${k[0]}\u0000${j}\u0000${k[j]}`, e);
    push(byFirstLast, `${k[0]}\u0000${k[k.length - 1]}`, e);
  }
  // the countries of demonyms right before an entity's mentions, read once per entity ("Canadian Auto Workers")
  const demonymCountries = new Map<DocEntity, Set<string>>();
  const demonymsOf = (e: DocEntity) => {
    let set = demonymCountries.get(e);
    if (!set) demonymCountries.set(e, (set = demonymsBefore(ctx, starts.get(e.id) ?? [])));
    return set;
  };
  const isCompany = (e: DocEntity) => {
    const x = info.get(e)!;
    return (x.company ??= e.kind === 'company' || legalSuffixAt(lex, e.name.replace(/,/g, ' ').split(/\s+/)) > 0);
  };
  /** The entities of two lists (each in document order), merged in that order; a repeat is harmless (the test is the same). */
  const merged = (x: DocEntity[] = [], y: DocEntity[] = []): DocEntity[] => {
    if (!y.length || x === y) return x;
    if (!x.length) return y;
    const out: DocEntity[] = [];
    let i = 0;
    let j = 0;
    while (i < x.length || j < y.length) {
      if (j >= y.length || (i < x.length && info.get(x[i]!)!.at <= info.get(y[j]!)!.at)) out.push(x[i++]!);
      else out.push(y[j++]!);
    }
    return out;
  };
  for (const [a, ia] of info) {
    if (a.status !== 'inferred') continue;
    const ka = ia.k;
    const first = ka[0]!;
    const lastWord = ka[ka.length - 1]!;
    // The entities sharing a's first word that can pass a rule below, in the order of the first-word list:
    // those a's key opens (the same name, a longer name) and those ending like a (the tail rules).
    const opened = merged(byFirstAt.get(`${first}\u0000${ka.length - 1}\u0000${lastWord}`), byFirstLast.get(`${first}\u0000${lastWord}`));
    for (const list of [opened, byLast.get(lastWord) ?? []]) {
      for (const b of list) {
        if (b === a || b.type !== a.type || remap.has(b.id)) continue;
        // "Canadian Auto Workers" is not a short form of the (U.S.) United Auto Workers
        const bCountry = b.country ?? ctx.ontology.entities.get(b.id)?.country;
        if (bCountry && [...demonymsOf(a)].some((c) => c !== bCountry)) continue;
        const ib = info.get(b)!;
        const kb = ib.k;
        // "Acme Foods" / "Acme Foods S.A. de C.V.": the same name, with and without its legal form
        if (a.type === 'Organization' && ia.joined === ib.joined && ib.rawLen > ia.rawLen) remap.set(a.id, b.id);
        else if (kb.length <= ka.length) continue;
        else if (ka.every((w, i) => w === kb[i]) && (a.type === 'Person' || (ka.length >= 2 && /^(for|of|de|del|on)$/.test(kb[ka.length]!)))) remap.set(a.id, b.id);
        // "Acme" / "Acme Castings": a company's first words
        // (not a name complete with its own legal form: "Hanil Corp., doing business as Hanil de México" are two)
        else if (a.type === 'Organization' && ka.every((w, i) => w === kb[i]) && isCompany(b) && (a.kind === 'company' || ka.length === 1) && legalSuffixAt(lex, a.name.replace(/,/g, ' ').split(/\s+/)) === 0) remap.set(a.id, b.id);
        // "Gómez Urrutia" after "Napoleón Gómez Urrutia": a two-surname tail
        else if (a.type === 'Person' && ka.length >= 2 && ka.every((w, i) => w === kb[kb.length - ka.length + i])) remap.set(a.id, b.id);
        // "the Supreme Court" after "U.S. Supreme Court"; "Labor Working Group" after the full name
        else if (a.type === 'Organization' && ka.length >= 2 && ka.every((w, i) => w === kb[kb.length - ka.length + i])) remap.set(a.id, b.id);
        // "Mediation Board" / "Federal Mediation and Arbitration Board": an ordered part with the same head
        else if (a.type === 'Organization' && ka.filter((w) => !lex.functionWords.has(w)).length >= 2 && ka[ka.length - 1] === kb[kb.length - 1] && subsequence(ka, kb)) remap.set(a.id, b.id);
        if (remap.has(a.id)) break;
      }
      if (remap.has(a.id)) break;
    }
  }
  // "Mr. Martinez", "Secretary Herman" (a title and one name): the one person of the document whose surname it is,
  // the last word of the full name or, for a name of three words or more, the first of two surnames
  // ("Benedicto Martinez Orozco"); two people of that surname leave it alone
  const bySurname = new Map<string, Set<DocEntity>>();
  for (const [b, ib] of info) {
    if (b.type !== 'Person') continue;
    for (const key of surnames(ib.k)) {
      const set = bySurname.get(key) ?? new Set();
      set.add(b);
      bySurname.set(key, set);
    }
  }
  for (const [a, ia] of info) {
    if (a.type !== 'Person' || a.status !== 'inferred' || ia.k.length !== 1 || remap.has(a.id)) continue;
    const people = bySurname.get(ia.k[0]!);
    if (!people) continue;
    const targets = new Set([...people].map((b) => remap.get(b.id) ?? b.id));
    if (targets.size === 1) remap.set(a.id, [...targets][0]!);
  }
  // "Kellie Leitch" … "Minister Kellie Lietch": a misspelt surname after the same given name (the first spelling stays)
  const people = [...info.keys()].filter((e) => e.type === 'Person' && info.get(e)!.k.length >= 2);
  for (let i = 0; i < people.length; i++) {
    const a = people[i]!;
    if (a.status !== 'inferred' || remap.has(a.id)) continue;
    const ka = info.get(a)!.k;
    for (let j = 0; j < people.length && j < 200; j++) {
      const b = people[j]!;
      if (b === a || remap.has(b.id) || info.get(b)!.at > info.get(a)!.at) continue;
      const kb = info.get(b)!.k;
      if (kb.length !== ka.length || kb[0] !== ka[0] || ka.slice(1, -1).join() !== kb.slice(1, -1).join()) continue;
      const x = ka[ka.length - 1]!;
      const y = kb[kb.length - 1]!;
      if (x !== y && x.length >= 4 && Math.abs(x.length - y.length) <= 1 && x[0] === y[0] && JaroWinklerDistance(x, y) >= 0.9) {
        remap.set(a.id, b.id);
        break;
      }
    }
  }
  // chains: a → b → c becomes a → c
  for (const [a, b] of remap) {
    let to = b;
    for (let n = 0; remap.has(to) && n < 8; n++) to = remap.get(to)!;
    remap.set(a, to);
  }
  return remap;
}

/** The countries (not INTL) of the demonyms right before the mentions starting at `starts` ("Canadian Auto Workers" → CA). */
function demonymsBefore(ctx: DocContext, starts: number[]): Set<string> {
  const demonyms = ctx.ontology.lex.demonyms;
  const out = new Set<string>();
  for (const start of starts) {
    const word = /(\S+)\s+$/u.exec(ctx.doc.clean.slice(Math.max(0, start - 20), start))?.[1];
    const c = word ? demonyms.get(word) : undefined;
    if (c !== undefined && c !== 'INTL') out.add(c);
  }
  return out;
}

/** The initials an undefined acronym is matched against ("Consejo Coordinador de la Industria Sonorense" → CCIS). */
function initialsOf(ctx: DocContext, name: string): string {
  return name.split(/[\s-]+/).filter((w) => /^\p{Lu}/u.test(w) && !(w === w.toUpperCase() && ctx.ontology.lex.functionWords.has(w.toLowerCase()))).map((w) => w[0]).join('').toUpperCase();
}

/**
 * An undefined acronym whose letters are the initials of an organisation of the document ("CCIS"):
 * the first such entity in the document's order, from an index of initials built once and kept up to
 * date as entities are added (asking every entity per acronym is quadratic on a list of acronyms).
 */
function byInitials(ctx: DocContext, acr: string, index: { map?: Map<string, string>; seen: number }): string | undefined {
  const letters = acr.replace(/[^\p{Lu}]/gu, '');
  if (letters.length < 3) return undefined;
  const map = (index.map ??= new Map());
  // entities are only added while acronyms are resolved: index those not seen yet, in order
  if (index.seen < ctx.entities.size) {
    let n = 0;
    for (const e of ctx.entities.values()) {
      if (n++ < index.seen || e.type === 'Person' || e.type === 'Place') continue;
      const initials = initialsOf(ctx, e.name);
      if (!map.has(initials)) map.set(initials, e.id);
    }
    // then the tails of three words or more, after the full names ("SAWP" of "Canada-Mexico Seasonal Agricultural Workers Program")
    n = 0;
    for (const e of ctx.entities.values()) {
      if (n++ < index.seen || e.type === 'Person' || e.type === 'Place') continue;
      const words = e.name.split(/\s+/);
      for (let i = 1; i + 3 <= words.length; i++) {
        if (!/^\p{Lu}/u.test(words[i]!)) continue;
        const tail = initialsOf(ctx, words.slice(i).join(' '));
        if (tail.length >= 3 && !map.has(tail)) map.set(tail, e.id);
      }
    }
    index.seen = ctx.entities.size;
  }
  return map.get(letters);
}

/** Content-word overlap by 5-letter prefixes: "Sindicato Telefonistas de la Republica México" ~ "Sindicato de Telefonistas de la República Mexicana" (`skip`: function words, lower-case name keys). */
export function tokenOverlap(a: string, b: string, skip: Set<string>): number {
  const ta = new Set(a.split(' ').filter((w) => !skip.has(w)).map((w) => w.slice(0, 5)));
  const tb = new Set(b.split(' ').filter((w) => !skip.has(w)).map((w) => w.slice(0, 5)));
  if (ta.size < 3 || tb.size < 3) return 0;
  let n = 0;
  for (const w of ta) if (tb.has(w)) n++;
  return n / Math.max(ta.size, tb.size);
}

/** Token sets as {@link tokenOverlap} builds them. */
function overlapTokens(key: string, skip: Set<string>): Set<string> {
  return new Set(key.split(' ').filter((w) => !skip.has(w)).map((w) => w.slice(0, 5)));
}
const signature = (t: Set<string>) => [...t].sort().join('\0');

/** One type's curated names, indexed so {@link fuzzyCurated} need not scan them all per candidate. */
interface FuzzyIndex {
  /** how many entities the list had when indexed (a longer list is indexed again) */
  size: number;
  /** token-set signature (sets of 3–99 tokens) → index of the first entity with an alias of that set */
  bySet: Map<string, number>;
  /** some alias has ≥ 100 overlap tokens: then the exact-overlap test scans, as before */
  huge: boolean;
  /** every alias's nameKey with its entity index, in entity then alias order, and sorted by key length */
  keys: { k: string; e: number; order: number }[];
  byLength: { k: string; e: number; order: number }[];
}
const fuzzyIndexes = new WeakMap<CuratedEntity[], FuzzyIndex>();

function fuzzyIndex(list: CuratedEntity[], skip: Set<string>): FuzzyIndex {
  const had = fuzzyIndexes.get(list);
  if (had && had.size === list.length) return had;
  const index: FuzzyIndex = { size: list.length, bySet: new Map(), huge: false, keys: [], byLength: [] };
  list.forEach((e, i) => {
    for (const alias of [e.name, ...(e.aliases ?? [])]) {
      const k = nameKey(alias);
      index.keys.push({ k, e: i, order: index.keys.length });
      const t = overlapTokens(k, skip);
      if (t.size >= 100) index.huge = true;
      else if (t.size >= 3 && !index.bySet.has(signature(t))) index.bySet.set(signature(t), i);
    }
  });
  index.byLength = [...index.keys].sort((a, b) => a.k.length - b.k.length || a.order - b.order);
  fuzzyIndexes.set(list, index);
  return index;
}

/**
 * The curated entity an inferred name stands for: one with an alias of the same content words
 * (tokenOverlap ≥ 0.99), else the closest alias by Jaro–Winkler above {@link FUZZY_THRESHOLD}.
 * Same answers as scanning every alias in order; the index finds the few worth comparing.
 */
function fuzzyCurated(ctx: DocContext, type: EntityType, key: string): CuratedEntity | undefined {
  const list = ctx.ontology.byType.get(type) ?? [];
  const skip = ctx.ontology.lex.functionWords;
  const index = fuzzyIndex(list, skip);
  const t = overlapTokens(key, skip);
  if (index.huge || t.size >= 100) {
    for (const e of list) {
      if ([e.name, ...(e.aliases ?? [])].some((alias) => tokenOverlap(nameKey(alias), key, skip) >= 0.99)) return e;
    }
  } else if (t.size >= 3) {
    // below 100 tokens an overlap ≥ 0.99 means the same token set
    const i = index.bySet.get(signature(t));
    if (i !== undefined) return list[i];
  }
  // aliases within the length window, compared in their original order (the first best wins ties)
  const slack = Math.max(3, key.length * 0.15);
  const lo = lowerBound(index.byLength, Math.max(6, Math.ceil(key.length - slack)));
  const near: { k: string; e: number; order: number }[] = [];
  for (let j = lo; j < index.byLength.length && index.byLength[j]!.k.length <= key.length + slack; j++) near.push(index.byLength[j]!);
  near.sort((a, b) => a.order - b.order);
  if (type === 'Person') {
    const short = shortSpanishName(list, key);
    if (short) return short;
  }
  let best: CuratedEntity | undefined;
  let bestScore = FUZZY_THRESHOLD;
  const bound = new JaroWinklerBound(key);
  for (const { k, e } of near) {
    if (Math.abs(k.length - key.length) > slack || k.length < 6) continue;
    // most aliases of about the right length share too few characters to come near: skip those
    if (bound.upTo(k) < bestScore - 1e-9) continue;
    const score = jw(k, key);
    if (score > bestScore && wordsKept(k, key, skip)) {
      bestScore = score;
      best = list[e];
    }
  }
  return best;
}

/** Legal forms that a company's name drops when it is named again ("Echlin Inc." → "Echlin", "Dana Corporation" → "Dana"). */
const LEGAL_WORDS = ['Corporation', 'Company', 'Incorporated'];

const aliasCueRes = new WeakMap<Set<string>, RegExp>();

/**
 * "the National Miners' and Metalworkers' Union of Mexico (aka Los Mineros)", "Grupo México, also known as
 * GMéxico,": a name, an alias cue (names.yaml) and another name of the same class name one entity — an
 * inferred name folds into the other (two curated names stay apart).
 */
function aliasedNames(ctx: DocContext, out: Candidate[], remap: Map<string, string>): void {
  const cues = ctx.ontology.lex.aliasCues;
  if (!cues.size) return;
  let re = aliasCueRes.get(cues);
  if (!re) {
    const alt = [...cues].sort((a, b) => b.length - a.length).map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')).join('|');
    aliasCueRes.set(cues, (re = new RegExp(`^\\s*([(,])\\s*(?:${alt})\\s+(?:the\\s+)?$`, 'u')));
  }
  const clean = ctx.doc.clean;
  const sorted = out.filter((c) => c.entity).sort((a, b) => a.start - b.start);
  for (let k = 0; k + 1 < sorted.length; k++) {
    const a = sorted[k]!;
    const b = sorted[k + 1]!;
    if (b.start - a.end > 40 || a.entity === b.entity) continue;
    const cue = re.exec(clean.slice(a.end, b.start));
    if (!cue || !(cue[1] === '(' ? /^\s*\)/ : /^\s*(?:[,.;)]|$)/).test(clean.slice(b.end, b.end + 3))) continue;
    const ea = ctx.entities.get(a.entity!);
    const eb = ctx.entities.get(b.entity!);
    if (!ea || !eb || ea.type !== eb.type) continue;
    if (eb.status === 'inferred') remap.set(eb.id, ea.id);
    else if (ea.status === 'inferred') remap.set(ea.id, eb.id);
  }
}

/**
 * "IBT Local 745 … Local 745 voted": a numbered unit named with its organisation gets that organisation's
 * entity when the document names it on its own too ("International Brotherhood of Teamsters (IBT)"), and
 * the bare unit ("Local 745") is the one unit of the document with that number (folded into it by `remap`).
 */
function unitParents(ctx: DocContext, out: Candidate[], remap: Map<string, string>): void {
  const units = out.filter((c) => c.rule === 'org.unit' && c.entity);
  if (!units.some((c) => c.parent)) return;
  const text = ctx.doc.text;
  const key = (start: number, end: number) => nameKey(text.slice(start, end).replace(/\s+/g, ' ').trim());
  const named = new Map<string, string>();
  for (const c of out) if (c.entity && c.rule !== 'org.unit' && ctx.entities.get(c.entity)?.type === 'Organization') named.set(key(c.start, c.end), c.entity);
  const present = new Set(named.values());
  // the organisation's words as named in the document, else as a curated name of an organisation the document names
  const parentOf = (start: number, end: number) => {
    const text = ctx.doc.clean.slice(start, end);
    const hit = ctx.ontology.gazetteer.scan(text).find((h) => h.start === 0 && h.end === text.length);
    return named.get(key(start, end)) ?? hit?.entries.map((x) => x.entity).find((id) => present.has(id));
  };
  const byNumber = new Map<string, Set<string>>();
  for (const c of units) {
    if (!c.parent) continue;
    c.parent.entity = parentOf(c.parent.start, c.parent.end);
    const k = key(c.parent.end, c.end);
    byNumber.set(k, (byNumber.get(k) ?? new Set()).add(c.entity!));
  }
  for (const c of units) {
    const ids = c.parent ? undefined : byNumber.get(key(c.start, c.end));
    if (ids?.size === 1 && !ids.has(c.entity!) && ctx.entities.get(c.entity!)?.status === 'inferred') remap.set(c.entity!, [...ids][0]!);
  }
}

/** The short names (name without its legal form, one or two words) of the document's companies, by name key. */
function shortCompanyNames(ctx: DocContext, entities: Iterable<DocEntity>): Map<string, string> {
  const out = new Map<string, string>();
  const suffixes = [...ctx.ontology.lex.legalSuffixes.keys(), ...LEGAL_WORDS].sort((a, b) => b.length - a.length);
  const all = [...entities].filter((e) => e.type === 'Organization');
  for (const e of all) {
    const suffix = suffixes.find((x) => e.name.endsWith(` ${x}`) || e.name.endsWith(`, ${x}`));
    if (!suffix) continue;
    const short = e.name.slice(0, e.name.length - suffix.length).replace(/[\s,]+$/, '');
    const words = short.split(/\s+/);
    if (words.length > 2 || !/^\p{Lu}/u.test(short) || ctx.ontology.gazetteer.scan(short).some((h) => h.start === 0 && h.end === short.length)) continue;
    // ("Panasonic Corporation" and "Panasonic Automotive Systems de México": the short name is either's)
    const key = nameKey(short);
    if (all.some((x) => x !== e && nameKey(x.name).startsWith(`${key} `))) continue;
    out.set(key, e.id);
  }
  return out;
}

/**
 * A close spelling keeps the words: every content word of the inferred name is in the alias (or starts
 * like one of its words). "National Union of Mineworkers" is near "National Union of Workers" by
 * Jaro–Winkler, but another union.
 */
function wordsKept(alias: string, key: string, skip: Set<string>): boolean {
  const words = alias.split(' ');
  return key.split(' ').every((w) => w.length < 4 || skip.has(w) || alias.includes(w) || words.some((a) => a.slice(0, 3) === w.slice(0, 3)));
}

/**
 * "Luisa Alcalde" for Luisa María Alcalde Luján, "Carlos Salinas" for Carlos Salinas de Gortari: a given
 * name and one surname name the one curated person of three names or more with that given name first and
 * that surname after it (a second given name and the second surname are often dropped in print).
 */
function shortSpanishName(list: CuratedEntity[], key: string): CuratedEntity | undefined {
  const words = key.split(' ');
  if (words.length !== 2 || words.some((w) => w.length < 2)) return undefined;
  const [given, surname] = words as [string, string];
  const fits = list.filter((e) => [e.name, ...(e.aliases ?? [])].some((a) => {
    const ws = nameKey(a).split(' ');
    return ws.length >= 3 && ws[0] === given && ws.indexOf(surname, 1) > 0;
  }));
  return fits.length === 1 ? fits[0] : undefined;
}

/**
 * An upper bound of natural's Jaro–Winkler score of a string against `key`, from the characters
 * they share (as a multiset) and their common prefix: Jaro's matches m are at most the shared
 * characters c, so jaro ≤ (c/|a| + c/|b| + 1) / 3, and Winkler adds l × 0.1 × (1 − jaro) for a
 * common prefix of l ≤ 4 characters (monotone in jaro).
 */
export class JaroWinklerBound {
  private static counts = new Uint16Array(65536);
  private readonly codes: number[];
  constructor(private readonly key: string) {
    this.codes = [...Array(key.length)].map((_, i) => key.charCodeAt(i));
  }
  upTo(s: string): number {
    const key = this.key;
    if (s === key) return 1;
    const counts = JaroWinklerBound.counts;
    for (const c of this.codes) counts[c]!++;
    let shared = 0;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (counts[c]! > 0) {
        counts[c]!--;
        shared++;
      }
    }
    // leave the table empty for the next call
    for (const c of this.codes) counts[c] = 0;
    if (shared === 0) return 0;
    const jaro = (shared / s.length + shared / key.length + 1) / 3;
    let l = 0;
    while (l < 4 && s[l] === key[l] && l < s.length) l++;
    return jaro + l * 0.1 * (1 - jaro);
  }
}

/** First index in `xs` (sorted by key length) whose key is at least `len` long. */
function lowerBound(xs: { k: string }[], len: number): number {
  let a = 0;
  let b = xs.length;
  while (a < b) {
    const m = (a + b) >> 1;
    if (xs[m]!.k.length < len) a = m + 1;
    else b = m;
  }
  return a;
}

/** The words of a full name (two or more) that name its bearer alone: the last, and for three or more the first of two surnames ("Benedicto Martinez Orozco"). */
function surnames(words: string[]): string[] {
  if (words.length < 2) return [];
  return words.length >= 3 ? [words[words.length - 1]!, words[words.length - 2]!] : [words[words.length - 1]!];
}

/** Types whose names a context cue found once may recur bare ("workers at Acme … Acme is a subsidiary of …"). */
const REPEATED_TYPES = new Set<EntityType>(['Organization', 'Program', 'Event', 'Law', 'Agreement', 'Case', 'Person']);

/**
 * A name the rules found once by its context ("workers at Acme", "Acme, an auto parts maker") names
 * the same entity where it recurs without that context ("Acme is a subsidiary of …", "Later, Acme
 * fired them"): the exact surface, word-bounded, with no capitalised word glued to either side (so
 * "Acme" in an unrecognised "Acme Workers Union" stays unmarked). A one-word name must not be an
 * ordinary word; a person's name needs two words (a bare surname is the surname rule's); names in
 * capitals (headlines) and citations are not read. Capitalised words of the document are indexed
 * once, so the pass is linear in the text and the matches.
 */
function repeatedNames(ctx: DocContext, out: Candidate[]): Candidate[] {
  const clean = ctx.doc.clean;
  const lex = ctx.ontology.lex;
  const bySurface = new Map<string, Candidate>();
  const sharedUnits = new Set<string>();
  for (const c of out) {
    const e = c.entity ? ctx.entities.get(c.entity) : undefined;
    if (!e || e.status !== 'inferred' || !REPEATED_TYPES.has(e.type)) continue;
    const text = clean.slice(c.start, c.end);
    // "UE Local 1172 … Tom Dunne from Local 1172": a unit named with its organisation, named again without it
    if (c.parent && c.rule === 'org.unit') {
      const unit = clean.slice(c.parent.end, c.end).trim();
      if (bySurface.has(unit) && bySurface.get(unit)!.entity !== c.entity) sharedUnits.add(unit);
      else bySurface.set(unit, c);
    }
    if (!/^\p{Lu}/u.test(text) || text === text.toUpperCase() || /\n/.test(text)) continue;
    const words = text.split(/\s+/);
    if (e.type === 'Person' && words.length < 2) continue;
    if (words.length === 1 && (text.length < 3 || isDictionaryWord(text) || lex.stopwords.has(text) || lex.notName.has(text))) continue;
    if (!bySurface.has(text)) bySurface.set(text, c);
    // a company's first word ("Panasonic" of "Panasonic Automotive Systems de Mexico S.A. de C.V."), when it is no ordinary word
    if (e.type === 'Organization' && words.length >= 3 && legalSuffixAt(lex, words) > 0) {
      const first = words[0]!;
      if (first.length >= 4 && /^\p{Lu}\p{Ll}+$/u.test(first) && !isDictionaryWord(first) && !lex.stopwords.has(first) && !lex.notName.has(first) && !lex.demonyms.has(first) && !bySurface.has(first)) bySurface.set(first, c);
    }
  }
  for (const unit of sharedUnits) bySurface.delete(unit);
  if (!bySurface.size) return [];
  const firstWord = (t: string) => /^[\p{L}\p{N}][\p{L}\p{N}&'’.-]*/u.exec(t)?.[0] ?? t;
  const wanted = new Map<string, string[]>();
  for (const text of bySurface.keys()) {
    const w = firstWord(text);
    (wanted.get(w) ?? wanted.set(w, []).get(w)!).push(text);
  }
  const taken = out.map((c) => [c.start, c.end] as const).sort((a, b) => a[0] - b[0]);
  const overlaps = (start: number, end: number) => {
    let lo = 0;
    let hi = taken.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (taken[mid]![0] < end) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo - 1; i >= 0 && i >= lo - 64; i--) if (taken[i]![1] > start) return true;
    return false;
  };
  const capitalisedNext = /^[ \t]*(\p{Lu}[\p{L}]*)/u;
  const capitalisedPrev = /(\p{Lu}[\p{L}]*)[ \t]*$/u;
  const found: Candidate[] = [];
  let foundEnd = 0;
  const re = /\p{Lu}[\p{L}\p{N}&'’.-]*/gu;
  for (let m = re.exec(clean); m; m = re.exec(clean)) {
    // (the word as the pattern reads it may carry a possessive or a full stop: "Panasonic’s", "Inc.")
    const texts = wanted.get(m[0]) ?? wanted.get(m[0].replace(/(?:['’]s?|\.)$/u, ''));
    if (!texts) continue;
    const start = m.index;
    if (start > 0 && /[\p{L}\p{N}]/u.test(clean[start - 1]!)) continue;
    for (const text of texts) {
      if (!clean.startsWith(text, start)) continue;
      const end = start + text.length;
      if (/[\p{L}\p{N}]/u.test(clean[end] ?? '') || start < foundEnd || overlaps(start, end) || isExcluded(ctx.excluded, start, end)) continue;
      const next = capitalisedNext.exec(clean.slice(end, end + 30))?.[1];
      const prev = capitalisedPrev.exec(clean.slice(Math.max(0, start - 30), start))?.[1];
      if ((next && !lex.functionWords.has(next.toLowerCase())) || (prev && !lex.stopwords.has(prev) && !/[.!?:]["”’]?\s*$/.test(clean.slice(Math.max(0, start - 3), start)))) continue;
      const c = bySurface.get(text)!;
      found.push({ start, end, type: c.type, entity: c.entity, rule: 'name.repeated' });
      // (the scan runs left to right: a later match can overlap only the last one found)
      foundEnd = end;
      break;
    }
  }
  return found;
}
