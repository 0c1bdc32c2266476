/**
 * Discourse: pronouns ("it", "its", "they", "his") and definite descriptions ("the union", "the
 * petition", "the Board") resolved to the nearest compatible entity — by class and kind, across
 * sentence boundaries — with the headline's case, company or agreement as the default antecedent.
 * The resolved words become extra mentions for the relation rules only (never entity mentions);
 * a relation through one keeps its sentence as evidence and names the words and the antecedent.
 */
import { compatibleDescription, fitsDescription, type DescriptionRecord } from '../ontology/discourse.js';
import type { Candidate, DocContext, DocEntity, Sentence } from './context.js';
import type { Reference } from './relations/emit.js';
import { quotedSpeakers, speakerAt, type Quoted } from './speakers.js';

/** How many sentences back the nearest antecedent may be. */
const WINDOW = 3;
const PLURAL_DET = new Set(['both', 'these', 'those']);
const NUMBER = new Set(['two', 'three', 'four', 'five']);
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'its', 'their', 'his', 'her']);

/** The headline: a first line on its own, without final punctuation (the entities helper may set a better one). */
export function headlineOf(ctx: DocContext): Sentence | undefined {
  if (ctx.headline) return ctx.headline;
  const first = ctx.sentences[0];
  if (!first) return undefined;
  const text = ctx.doc.clean.slice(first.start, first.end);
  const after = ctx.doc.clean.slice(first.end, first.end + 3);
  if (text.length > 200 || /[.;:,]$/.test(text) || !/^\s*\n/.test(after)) return undefined;
  return first;
}

/**
 * A description after "his", "her", "their" or "whose" whose nouns can name an organisation ("his
 * group"): it stands for the person's own organisation, which only the relations found later tell
 * ({@link ownerReferences}).
 */
export interface OwnerSite {
  det: string;
  detAt: number;
  start: number;
  end: number;
  descs: DescriptionRecord[];
  mi: number;
  si: number;
}

/**
 * References in the document: descriptions and pronouns with their antecedent, sorted by start.
 * `sites`, when given, collects the descriptions that stand for a person's organisation
 * ({@link OwnerSite}), to resolve once the relations are known.
 */
export function resolveReferences(ctx: DocContext, mentions: Candidate[], sites?: OwnerSite[]): Reference[] {
  const lex = ctx.ontology.discourseLex;
  if (!lex.descriptions.length) return [];
  const clean = ctx.doc.clean;
  const folded = ctx.folded;
  const out: Reference[] = [];
  const sentences = ctx.sentences;
  const headline = headlineOf(ctx);
  const far = new FarBack(ctx, mentions);
  const demonyms = new Map([...ctx.ontology.lex.demonyms].map(([w, c]) => [w.toLowerCase().replace(/[’]/g, "'"), c]));
  // the country entities the document names, by ISO code
  const countries = new Map<string, string>();
  for (const e of ctx.entities.values()) {
    const iso = ctx.ontology.entities.get(e.id)?.iso;
    if (e.type === 'Place' && iso && !countries.has(iso)) countries.set(iso, e.id);
  }
  const countryOf = (c: string) => countries.get(c);
  let quoted: Quoted[] | undefined;
  let si = 0;
  let mi = 0;
  // one pass over the words of the text, moving the sentence and mention cursors along
  const WORD = /\p{L}+/gu;
  let prev2 = '';
  let prev1 = '';
  let prev1At = -1;
  let prev2At = -1;
  for (let w = WORD.exec(folded); w; w = WORD.exec(folded)) {
    const word = w[0];
    const at = w.index;
    while (si + 1 < sentences.length && sentences[si]!.end <= at) si++;
    while (mi < mentions.length && mentions[mi]!.end <= at) mi++;
    const inMention = mi < mentions.length && mentions[mi]!.start <= at;
    const sentence = sentences[si];
    if (!inMention && sentence && at >= sentence.start) {
      const pron = lex.pronouns.get(word);
      if (pron?.speaker) {
        // "I", "my" inside a quotation: its speaker ("…,” said X")
        const id = speakerAt(quoted ??= quotedSpeakers(ctx, mentions), at);
        if (id) out.push(ref(ctx, id, at, at + word.length, `discourse.${pron.id}`, pron.possessive));
      } else if (pron && !(prev1 === 'of' && word === 'its')) {
        const r = pronoun(ctx, mentions, mi, si, at, at + word.length, pron.classes, pron.plural);
        for (const id of r) out.push(ref(ctx, id, at, at + word.length, `discourse.${pron.id}`, pron.possessive));
      }
      // "the Mexican government": the country named in the document
      if (lex.governments.has(word) && prev2 === 'the' && demonyms.has(prev1)) {
        const id = countryOf(demonyms.get(prev1)!);
        if (id) out.push(ref(ctx, id, prev2At, at + word.length, 'discourse.government', false));
      }
      // "these (Mexican) (four) organizations": the coordinated list of organisations just named
      if (lex.lists.has(word)) {
        const r = listReference(ctx, mentions, mi, si, prev1, prev1At, prev2, prev2At, demonyms);
        if (r) for (const id of r.ids) out.push(ref(ctx, id, r.start, at + word.length, 'discourse.list', false));
      }
      // a month before the head ("the January 17 petition"): a modifier; without a determiner before it, the date makes the head definite
      const dated = lex.dated.has(prev1) && !lex.dated.has(word) && (DETERMINERS.has(prev2) || /^\p{L}+\s+\d{1,4}(?:,?\s+\d{4})?\s+$/u.test(folded.slice(prev1At, at)));
      const det0 = dated ? (DETERMINERS.has(prev2) ? prev2 : 'the') : lex.adjectives.has(prev1) ? prev2 : prev1;
      // "both unions", "the two unions": a plural head stands for two entities
      // ("the Secretaries": a plural head of people stands for them all)
      const singular = /s$/.test(word) ? word.replace(/ies$/, 'y').replace(/([^i])s$/, '$1') : undefined;
      const singularDescs = singular ? lex.nouns.get(singular) : undefined;
      const pluralHead = !!singularDescs && (PLURAL_DET.has(det0) || NUMBER.has(prev1) || (det0 === 'the' && singularDescs.some((d) => d.class === 'Person')));
      const descs = pluralHead ? singularDescs : lex.nouns.get(word);
      if (descs && !pron) {
        // determiner (and up to two adjectives) before the head noun
        const det = det0;
        const detAt = dated ? (DETERMINERS.has(prev2) ? prev2At : prev1At) : lex.adjectives.has(prev1) ? prev2At : prev1At;
        const plural = pluralHead;
        if ((PLURAL_DET.has(det) || NUMBER.has(prev1)) && !pluralHead) {
          prev2 = prev1; prev2At = prev1At; prev1 = word; prev1At = at;
          continue;
        }
        // "filed a petition concerning …, the San Martín case": an indefinite case noun names the case later in its sentence
        if ((det === 'a' || det === 'an') && descs.some((d) => d.class === 'Case') && sentence) {
          const later = new Set<string>();
          for (let k = mi; k < mentions.length && mentions[k]!.start < sentence.end; k++) if (mentions[k]!.entity && ctx.entities.get(mentions[k]!.entity!)?.type === 'Case') later.add(mentions[k]!.entity!);
          if (later.size === 1) out.push(ref(ctx, [...later][0]!, detAt, at + word.length, 'discourse.desc.case-indefinite', false));
        }
        const ok = det === 'the' || det === 'this' || det === 'that' || PLURAL_DET.has(det) || (det === 'its' || det === 'their' || det === 'his' || det === 'her' || det === 'whose');
        const end = at + word.length;
        const next = /^\s*([\p{L}']+)/u.exec(folded.slice(end, end + 30))?.[1] ?? '';
        // "the Union of …", "The Maquiladora Health …": a capitalised head before more of a name is a name
        const ofName = /^\s+(of|for|de)\s+(the\s+)?\p{Lu}/u.test(clean.slice(end, end + 30)) || (/^\p{Lu}/u.test(clean[at] ?? '') && /^\s+\p{Lu}/u.test(clean.slice(end, end + 3)));
        if (ok && detAt >= 0 && !lex.compounds.has(next) && !ofName) {
          const start = detAt;
          let ids: string[] = [];
          if (det === 'his' || det === 'her' || det === 'their' || det === 'its' || det === 'whose') {
            // "his group", "her union", "Conway, whose union": the person's own organisation (ownerReferences)
            if (sites && det !== 'its' && descs.some((d) => d.class === 'Organization')) sites.push({ det, detAt, start, end, descs, mi, si });
          } else ids = describe(ctx, mentions, mi, si, start, descs, plural ? 2 : 1, far, headline);
          for (const id of ids) out.push(ref(ctx, id, start, end, `discourse.${descs[0]!.id}`, false));
        }
      }
    }
    prev2 = prev1;
    prev2At = prev1At;
    prev1 = word;
    prev1At = at;
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * The references of the {@link OwnerSite}s {@link resolveReferences} collected: the one organisation
 * of the person ("his", "her", "their" the nearest person; "whose" the name just before it) that
 * `personOrg` (a person → the organisations they lead, work for or belong to) lists and the words fit.
 */
export function ownerReferences(ctx: DocContext, mentions: Candidate[], sites: OwnerSite[], personOrg: Map<string, string[]>): Reference[] {
  const out: Reference[] = [];
  const clean = ctx.doc.clean;
  for (const { det, detAt, start, end, descs, mi, si } of sites) {
    // "whose" belongs to the name just before it
    const prevM = mentions[mi - 1];
    const owner = det === 'whose'
      ? (prevM?.entity && ctx.entities.get(prevM.entity)?.type === 'Person' && /^\s*(\([^)]{1,30}\)\s*)?,\s*$/.test(clean.slice(prevM.end, detAt)) ? [prevM.entity] : [])
      : pronoun(ctx, mentions, mi, si, detAt, detAt + det.length, ['Person'], det === 'their');
    // the person's organisation must fit the words ("his group" is not the company he works for)
    const fit = (owner.length === 1 ? personOrg.get(owner[0]!) ?? [] : []).filter((org) => ctx.entities.get(org)?.type === 'Organization' && descs.some((d) => compatibleDescription(ctx.ontology.discourseLex, d, ctx.entities.get(org)!)));
    if (fit.length === 1) out.push(ref(ctx, fit[0]!, start, end, `discourse.${descs[0]!.id}`, false));
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

function ref(ctx: DocContext, id: string, start: number, end: number, rule: string, possessive?: boolean): Reference {
  return { start, end, type: ctx.entities.get(id)!.type, rule, entity: id, anaphor: { start, end, text: ctx.doc.text.slice(start, end) }, ...(possessive ? { possessive } : {}) };
}

function fitsAny(ctx: DocContext, descs: DescriptionRecord[], id: string): boolean {
  const e = ctx.entities.get(id);
  return !!e && descs.some((d) => (d.titles ? titledAs(ctx, e, d.titles) : fitsDescription(ctx.ontology.discourseLex, d, e)));
}

/**
 * Does a title with one of these words name the person in the document: before a mention ("Secretary
 * Chao", "The Secretary of Labor of the United States, Elaine L. Chao,") or after it (", Secretary of Labor")?
 */
function titledAs(ctx: DocContext, e: DocEntity, words: string[]): boolean {
  if (e.type !== 'Person') return false;
  let seen = titledSeen.get(ctx);
  if (!seen) titledSeen.set(ctx, (seen = new Map()));
  const key = `${e.id}\u0000${words.join('|')}`;
  const known = seen.get(key);
  if (known !== undefined) return known;
  let re = titledRes.get(words);
  if (!re) {
    const alt = words.join('|');
    titledRes.set(words, (re = {
      // the title opens the phrase before ("The Secretary of Labor of the United States, X,"; "…, and the Secretary of …, Y,")
      before: new RegExp(`(?:^|[.;:!?]\\s+|\\b(?:and|y)\\s+)(?:the\\s+|la\\s+|el\\s+)?(?:\\p{Lu}[\\p{L}.]*\\s+){0,3}(?:${alt})\\b[^.;:!?,]{0,70},\\s*$`, 'iu'),
      // or follows the name (", Secretary of Labor", ", the Mexican Minister of …")
      after: new RegExp(`^\\s*,\\s*(?:the\\s+|la\\s+|el\\s+)?(?:\\p{Lu}[\\p{L}.]*\\s+){0,3}(?:${alt})\\b`, 'iu'),
      title: new RegExp(`\\b(?:${alt})\\b`, 'iu'),
    }));
  }
  const { before, after, title } = re;
  const clean = ctx.doc.clean;
  const fits = e.mentions.some((m: Candidate) => (m.title && title.test(m.title.text)) || before.test(clean.slice(Math.max(0, m.start - 100), m.start)) || after.test(clean.slice(m.end, m.end + 60)));
  seen.set(key, fits);
  return fits;
}
/** titledAs' answers per document (entity and words), and its patterns per word list (the lexicon's arrays). */
const titledSeen = new WeakMap<DocContext, Map<string, boolean>>();
const titledRes = new WeakMap<string[], { before: RegExp; after: RegExp; title: RegExp }>();

/** The sentence index of a position (binary search). */
function sentenceAt(sentences: Sentence[], pos: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sentences[mid]!.start <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * A description's antecedent: the nearest earlier sentence (this one first, then WINDOW back) that
 * names exactly as many fitting entities as the description stands for; else the only fitting
 * entity named so far; else the headline's.
 */
function describe(ctx: DocContext, mentions: Candidate[], mi: number, si: number, start: number, descs: DescriptionRecord[], need: number, far: FarBack, headline?: Sentence): string[] {
  const sentences = ctx.sentences;
  const floor = sentences[Math.max(0, si - WINDOW)]!.start;
  // the fitting mentions of the nearest sentence that has any (this one up to the description first)
  const hits: Candidate[] = [];
  let foundIn = -1;
  for (let k = mi - 1; k >= 0; k--) {
    const a = mentions[k]!;
    if (a.start < floor) break;
    if (a.end > start || !a.entity || !fitsAny(ctx, descs, a.entity)) continue;
    const at = sentenceAt(sentences, a.start);
    if (foundIn >= 0 && at !== foundIn) break;
    foundIn = at;
    hits.unshift(a);
  }
  const ids = [...new Set(hits.map((h) => h.entity!))];
  if (ids.length === need) return ids;
  if (ids.length > need) {
    if (need > 1) return [];
    // in this sentence the nearest; in an earlier one the first named (its topic), unless two are coordinated
    if (foundIn === si) return [hits[hits.length - 1]!.entity!];
    const first = hits[0]!;
    const other = hits.find((h) => h.entity !== first.entity)!;
    if (/^\s*[)”"*]*\s*(?:\([^)]{1,20}\)\s*)?(?:,|and|or|&|,\s*and)\s*(?:the\s+)?$/u.test(ctx.doc.clean.slice(first.end, other.start))) return [];
    return [first.entity!];
  }
  // "the Secretaries": the people so titled in the document so far, when they are two or three
  if (!ids.length && need > 1 && descs.some((d) => d.titles)) {
    const titled = [...new Set(mentions.slice(0, mi).filter((a) => a.end <= start && a.entity && fitsAny(ctx, descs, a.entity)).map((a) => a.entity!))];
    return titled.length >= 2 && titled.length <= 3 ? titled : [];
  }
  if (ids.length || need > 1) return [];
  // farther back: the one fitting entity of the document so far
  const all = far.before(descs, mi, start);
  if (all.size === 1) return [...all];
  if (all.size > 1) return [];
  // the headline's entity of this class
  if (headline && descs.some((d) => d.headline)) {
    const ids = far.headline(descs, headline);
    if (ids.size === 1) return [...ids];
  }
  return [];
}

/**
 * describe()'s searches over the whole document, indexed once per description (a description with
 * no fitting mention near it used to walk every mention before it, and the headline's mentions
 * were filtered from all of them: quadratic in a long document with many such descriptions).
 */
class FarBack {
  /** per description: the indices of the mentions it fits, and for each the nearest earlier one of another entity (-1: none) */
  private fits = new Map<DescriptionRecord[], { at: number[]; other: number[] }>();
  private heads = new Map<DescriptionRecord[], Set<string>>();
  constructor(private readonly ctx: DocContext, private readonly mentions: Candidate[]) {}

  private index(descs: DescriptionRecord[]): { at: number[]; other: number[] } {
    let f = this.fits.get(descs);
    if (f) return f;
    const fit = new Map<string, boolean>();
    const at: number[] = [];
    const other: number[] = [];
    this.mentions.forEach((a, k) => {
      if (!a.entity) return;
      let ok = fit.get(a.entity);
      if (ok === undefined) fit.set(a.entity, (ok = fitsAny(this.ctx, descs, a.entity)));
      if (!ok) return;
      let p = at.length - 1;
      if (p >= 0 && this.mentions[at[p]!]!.entity === a.entity) p = other[p]!;
      other.push(p);
      at.push(k);
    });
    this.fits.set(descs, (f = { at, other }));
    return f;
  }

  /**
   * The distinct entities (at most two) that the description fits among the mentions before index
   * `mi` ending by `start`: what walking back from mi - 1 until two are found gives.
   */
  before(descs: DescriptionRecord[], mi: number, start: number): Set<string> {
    const { at, other } = this.index(descs);
    let lo = 0;
    let hi = at.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (at[mid]! < mi) lo = mid + 1;
      else hi = mid;
    }
    const all = new Set<string>();
    for (let x = lo - 1; x >= 0 && all.size < 2;) {
      const a = this.mentions[at[x]!]!;
      if (a.end > start) {
        x--;
        continue;
      }
      all.add(a.entity!);
      // the mentions between here and the nearest one of another entity add nothing
      x = all.size === 1 ? other[x]! : x - 1;
    }
    return all;
  }

  /** The entities of the headline's mentions that the description's headline records fit. */
  headline(descs: DescriptionRecord[], headline: Sentence): Set<string> {
    let ids = this.heads.get(descs);
    if (!ids) {
      const own = descs.filter((d) => d.headline);
      ids = new Set(this.mentions.filter((m) => m.start >= headline.start && m.end <= headline.end && m.entity && fitsAny(this.ctx, own, m.entity)).map((m) => m.entity!));
      this.heads.set(descs, ids);
    }
    return ids;
  }
}

/** A pronoun's antecedent: the nearest earlier mention of a fitting class in this sentence or the one before. */
function pronoun(ctx: DocContext, mentions: Candidate[], mi: number, si: number, start: number, _end: number, classes: readonly string[], plural: boolean): string[] {
  const sentences = ctx.sentences;
  const floor = sentences[Math.max(0, si - 1)]!.start;
  for (let k = mi - 1; k >= 0; k--) {
    const a = mentions[k]!;
    if (a.start < floor) break;
    if (a.end > start || !a.entity) continue;
    const e = ctx.entities.get(a.entity);
    if (!e || !classes.includes(e.type)) continue;
    if (!plural) return [a.entity];
    // "they": a coordinated list just named ("A and B … they")
    const list = [a.entity];
    let left = a;
    for (let x = k - 1; x >= 0 && list.length < 8; x--) {
      const l = mentions[x]!;
      if (!l.entity || l.entity === left.entity) continue;
      if (ctx.entities.get(l.entity)?.type !== e.type || !/^\s*(\([^)]{1,14}\)\s*)?(,|and|,\s*and|&)\s*(the\s+)?$/u.test(ctx.doc.clean.slice(l.end, left.start))) break;
      list.push(l.entity);
      left = l;
    }
    return list.length > 1 ? list : [];
  }
  return [];
}

const NUMBERS: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6 };

/**
 * "These Mexican organizations filed …": the last coordinated list of organisations in this sentence
 * or the one before, filtered by the demonym and checked against the number, if given.
 */
function listReference(ctx: DocContext, mentions: Candidate[], mi: number, si: number, prev1: string, prev1At: number, prev2: string, prev2At: number, demonyms: Map<string, string>): { start: number; ids: string[] } | undefined {
  // determiner, optional demonym, optional number: "these", "these Mexican", "the four", "these two Mexican"
  const words = [prev2, prev1];
  const at = [prev2At, prev1At];
  let k = 1;
  let count: number | undefined;
  let country: string | undefined;
  if (demonyms.has(words[k]!)) country = demonyms.get(words[k--]!);
  else if (NUMBERS[words[k]!]) count = NUMBERS[words[k--]!];
  if (k < 0 || at[k]! < 0) return undefined;
  const det = words[k]!;
  if (!(det === 'these' || det === 'those' || (det === 'the' && count))) return undefined;
  const sentences = ctx.sentences;
  const floor = sentences[Math.max(0, si - 1)]!.start;
  const clean = ctx.doc.clean;
  let x = mi - 1;
  while (x >= 0 && mentions[x]!.start >= floor && ctx.entities.get(mentions[x]!.entity ?? '')?.type !== 'Organization') x--;
  if (x < 0 || mentions[x]!.start < floor) return undefined;
  const list = [mentions[x]!];
  let left = mentions[x]!;
  for (let y = x - 1; y >= 0 && mentions[y]!.start >= floor && list.length < 12; y--) {
    const l = mentions[y]!;
    // "the Unión Nacional de Trabajadores (UNT)": a name and its acronym are one item
    if (l.entity === left.entity && /^\s*\(?\s*$/.test(clean.slice(l.end, left.start))) {
      left = l;
      continue;
    }
    if (ctx.entities.get(l.entity ?? '')?.type !== 'Organization' || !/^\s*[)”"*]*\s*(?:\([^)]{1,14}\)\s*)?[)”"*]*\s*(?:,|and|,\s*and|&)\s*(?:the\s+)?$/u.test(clean.slice(l.end, left.start))) break;
    list.push(l);
    left = l;
  }
  const all = [...new Set(list.map((m) => m.entity!))];
  // the demonym drops the listed entities known to be of another country
  const ids = all.filter((id) => !country || !ctx.entities.get(id)!.country || ctx.entities.get(id)!.country === country);
  if (ids.length < 2 || ids.length !== all.length || (count && ids.length !== count)) return undefined;
  return { start: at[k]!, ids };
}

/**
 * The event a sentence speaks of without naming it: the last event named in this sentence or the
 * three before, or, for a footnote ("<sup>16</sup> Unions in attendance included …"), the last event
 * before its marker in the text.
 */
export function eventContext(ctx: DocContext, mentions: Candidate[], sentence: Sentence): Candidate | undefined {
  const text = ctx.doc.text;
  // a footnote: its line opens with the marker ("<sup>16</sup> …", "[^16]: …")
  const lineStart = text.lastIndexOf('\n', sentence.start - 1) + 1;
  const note = /^\s*(?:<sup>\s*(\d{1,3})\s*<\/sup>|\[\^(\d{1,3})\]:)/.exec(text.slice(lineStart, Math.min(sentence.start + 1, lineStart + 40)));
  let anchor = sentence.start;
  let floor = ctx.sentences[Math.max(0, sentenceAt(ctx.sentences, sentence.start) - 3)]!.start;
  if (note) {
    const marker = note[1] ? `<sup>${note[1]}</sup>` : `[^${note[2]}]`;
    const at = text.indexOf(marker);
    if (at >= 0 && at < lineStart) {
      anchor = at;
      floor = Math.max(0, at - 800);
    }
  }
  let best: Candidate | undefined;
  for (const m of mentions) {
    if (m.start >= anchor) break;
    if (m.start >= floor && m.entity && ctx.entities.get(m.entity)?.type === 'Event') best = m;
  }
  return best;
}
