/**
 * What sentence structure cannot express: titles the name rules attached to a person ("U.S.
 * Secretary of Labor Elaine Chao" → LEADS the ministry the title names or points to), and the few
 * surface patterns of ontology/patterns/relations.yaml, each a regex over the text between two
 * mentions of a sentence (a bounded window of mention pairs). Rule ids: the title's lexicon id,
 * `pattern:<id>`.
 */
import { fold, wordAlternation } from '../../util/text.js';
import type { Predicate } from '../../types.js';
import type { Candidate, DocContext } from '../context.js';
import type { Parsed } from './clauses.js';
import type { Collector } from './emit.js';
import { placeCountry } from '../country.js';
import { headlineOf } from '../discourse.js';
import type { NounFrame, PredicateLexicon } from '../../ontology/predicates.js';

interface CompiledPattern {
  id: string;
  predicate: Predicate;
  between: RegExp;
  before?: RegExp;
  after?: RegExp;
  reverse: boolean;
  subject?: Set<string>;
  object?: Set<string>;
  gap: number;
}

const compiled = new WeakMap<object, CompiledPattern[]>();
/** How many following mentions each mention is paired with. */
const PAIR_WINDOW = 6;

function patternsOf(ctx: DocContext): CompiledPattern[] {
  let out = compiled.get(ctx.ontology);
  if (!out) {
    out = ctx.ontology.patterns.map((p) => ({
      id: p.id, predicate: p.predicate, between: new RegExp(p.between, 'iu'), before: p.before ? new RegExp(p.before, 'iu') : undefined,
      after: p.after ? new RegExp(p.after, 'iu') : undefined, reverse: p.direction === 'reverse', subject: p.subject && new Set(p.subject), object: p.object && new Set(p.object), gap: p.gap,
    }));
    compiled.set(ctx.ontology, out);
  }
  return out;
}

/** The text between two mentions without a closing bracket or a bracketed acronym right after the first. */
function normalise(between: string): string {
  return between.replace(/^\s*[)\]”"*]+/u, '').replace(/^\s*\([^()]{1,40}\)/u, '');
}

/** Surface patterns between pairs of mentions of one sentence. */
export function surfacePatterns(ctx: DocContext, p: Parsed, out: Collector): void {
  const patterns = patternsOf(ctx);
  if (!patterns.length) return;
  const clean = ctx.doc.clean;
  const ms = p.mentions;
  const ev = { start: p.start, end: p.end };
  for (let i = 0; i < ms.length; i++) {
    for (let j = i + 1; j < ms.length && j <= i + PAIR_WINDOW; j++) {
      const a = ms[i]!;
      const b = ms[j]!;
      // a pattern reads the words between two names; the words of a reference ("whose union") are not a name
      if (a.entity === b.entity || 'anaphor' in a || 'anaphor' in b) continue;
      const raw = clean.slice(a.end, b.start);
      if (raw.length > 280) break;
      const between = normalise(raw);
      for (const pat of patterns) {
        if (between.length > pat.gap || !pat.between.test(between)) continue;
        const [s, o] = pat.reverse ? [b, a] : [a, b];
        if (pat.subject && !pat.subject.has(out.type(s.entity)!)) continue;
        if (pat.object && !pat.object.has(out.type(o.entity)!)) continue;
        if (pat.before && !pat.before.test(clean.slice(p.start, a.start))) continue;
        if (pat.after && !pat.after.test(clean.slice(b.end, p.end))) continue;
        out.emit(s, pat.predicate, o, `pattern:${pat.id}`, ev);
      }
    }
  }
}

/**
 * A country-keyed title's organisation when the text gives no country: by the person's country, else
 * by the last country word earlier in the sentence, else the one the document names most (ties: none).
 */
function pickOrg(ctx: DocContext, orgs: Record<string, string>, country?: string | null, before?: string): string | undefined {
  // "Canadian Minister of Labor X": a title of a country the lexicon names no body for points to none
  if (country === 'US' || country === 'MX' || country === 'CA') return orgs[country];
  if (before) {
    const words = [...before.matchAll(/\b(U\.\s?S\.|US|United States|American|Mexican|Mexico|Canadian|Canada)\b/gu)];
    const last = words.pop()?.[1];
    const c = last ? (/^(Mexican|Mexico)$/.test(last) ? 'MX' : /^(Canadian|Canada)$/.test(last) ? 'CA' : 'US') : undefined;
    if (c) return orgs[c];
  }
  const counts = Object.values(orgs).map((id) => ({ id, n: ctx.entities.get(id)?.mentions.length ?? 0 }));
  counts.sort((x, y) => y.n - x.n);
  if (!counts[0]?.n || (counts[1] && counts[1].n === counts[0].n)) return undefined;
  return counts[0].id;
}

const titleRes = new WeakMap<object, Map<string, RegExp>>();
/**
 * A title's words as a regex beside a name (cached per ontology), with an optional demonym before them
 * (group 1): `after` ", Mexican Secretary of Labor[,.;]" after a name; `before` "(The) (Mexican)
 * Secretary of Labor, " right before one.
 */
function titleRe(ctx: DocContext, words: string, side: 'after' | 'before'): RegExp {
  let cache = titleRes.get(ctx.ontology);
  if (!cache) titleRes.set(ctx.ontology, (cache = new Map()));
  let re = cache.get(`${side}:${words}`);
  if (!re) {
    const esc = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const dem = [...ctx.ontology.lex.demonyms.keys()].map(esc).sort((a, b) => b.length - a.length).join('|');
    const w = esc(words);
    re = side === 'after'
      ? new RegExp(`^\\s*,\\s*(?:the\\s+)?(?:(${dem})\\s+)?${w}\\s*(?:[,.;]|$)`, 'u')
      : new RegExp(`(?:^|[.;:–—-]\\s*|\\b(?:the|The|la|La|el|El)\\s+)(?:(${dem})\\s+)?${w}\\s*,\\s*$`, 'u');
    cache.set(`${side}:${words}`, re);
  }
  return re;
}

/** Titles attached to person mentions: the organisation just before the title, the one it names, or the one it points to by country. */
export function titleRelations(ctx: DocContext, p: { start: number; end: number; mentions: Candidate[] }, out: Collector): void {
  const clean = ctx.doc.clean;
  const ev = { start: p.start, end: p.end };
  const ms = p.mentions;
  const mod = ctx.ontology.predicateLex.modality;
  for (let i = 0; i < ms.length; i++) {
    const m = ms[i]!;
    if (!m.title || !m.entity) continue;
    // "Ways and Means Committee Chairman Richard E. Neal", "AFL-CIO President John Sweeney"
    // (modifiers of the title may stand between: "USW National Director Marty Warren", "EEOC Vice Chair X", a deputy working for it)
    let sub = false;
    const gapOk = (o: Candidate) => {
      const gap = clean.slice(o.end, m.title!.start);
      // ("the AFL-CIO's Director of Research X")
      if (gap.length <= 2 || /^['’]s\s$/.test(gap)) return true;
      const words = gap.trim().toLowerCase().split(/\s+/);
      // "USW Public Affairs Director Gary Hubbard", "AFL-CIO Field Mobilization Director X": the title of a unit of
      // the organisation, named by capitalised words between them, is a post in the organisation
      const modifiers = words.every((w) => mod['role-skip'].has(w) || mod['role-sub'].has(w));
      if (!modifiers && unitName(gap, o, m)) return (sub = true);
      if (gap.length > 30 || !/^\s/.test(gap) || !modifiers) return false;
      sub = words.some((w) => mod['role-sub'].has(w));
      return true;
    };
    const orgBefore = ms.slice(Math.max(0, i - 2), i).reverse().find((o) => o.end <= m.title!.start && out.type(o.entity) === 'Organization' && gapOk(o));
    const lexOrgs = !m.title.org ? ctx.ontology.lex.titles.find((t) => t.rule === m.title!.rule && t.words === m.title!.text)?.org : undefined;
    const guessed = lexOrgs ? pickOrg(ctx, lexOrgs, ctx.entities.get(m.entity)?.country, clean.slice(p.start, m.title.start)) : undefined;
    // "Department of Labor Deputy Undersecretary for International Affairs X": a title of its own body (ILAB) held
    // inside the body named before it: a post in that one, the head of its own
    const own = orgBefore && m.title.org && orgBefore.entity !== m.title.org ? ref(m.title.org) : undefined;
    if (orgBefore && m.title.org && orgBefore.entity !== m.title.org) sub = true;
    if (own) out.emit(m, m.title.predicate, own, m.title.rule, ev);
    const org = orgBefore ?? ref(m.title.org ?? guessed);
    if (org) out.emit(m, sub && orgBefore && m.title.predicate === 'LEADS' ? 'WORKS_FOR' : m.title.predicate, org, m.title.rule, ev);
  }
  // "The U.S. Trade Representative, Katherine Tai, …", "La Representante Comercial de Estados Unidos, Katherine Tai": a title
  // that points to its organisation, in apposition before the name
  for (const m of ms) {
    if (out.type(m.entity) !== 'Person' || m.title) continue;
    const before = clean.slice(Math.max(p.start, m.start - 80), m.start);
    if (!/,\s*$/.test(before)) continue;
    for (const title of ctx.ontology.lex.titles) {
      if (!title.org) continue;
      const hit = titleRe(ctx, title.words, 'before').exec(before);
      if (!hit) continue;
      const country = hit[1] ? ctx.ontology.lex.demonyms.get(hit[1]) : /United States|U\.S\.|Estados Unidos/.test(title.words) ? 'US' : undefined;
      const org = ref(country ? title.org[country] : pickOrg(ctx, title.org));
      if (org) out.emit(m, title.predicate, org, `${title.rule}/before`, ev);
      break;
    }
  }
  // "Luisa Maria Alcalde Lujan, Mexican Secretary of Labor": a title after the name that points to its organisation
  for (const m of ms) {
    if (out.type(m.entity) !== 'Person') continue;
    const rest = clean.slice(m.end, Math.min(p.end, m.end + 80));
    if (!/^\s*,/.test(rest)) continue;
    for (const title of ctx.ontology.lex.titles) {
      if (!title.org) continue;
      const hit = titleRe(ctx, title.words, 'after').exec(rest);
      if (!hit) continue;
      const country = hit[1] ? ctx.ontology.lex.demonyms.get(hit[1]) : undefined;
      const org = ref(country ? title.org[country] : pickOrg(ctx, title.org));
      if (org) out.emit(m, title.predicate, org, `${title.rule}/after`, ev);
      break;
    }
  }
  /** Is `gap` (between organisation `o` and the title of `m`) a unit's name: a few capitalised words, no mention, no demonym? */
  function unitName(gap: string, o: Candidate, m: Candidate): boolean {
    if (gap.length > 45 || !/^ \p{Lu}/u.test(gap) || /[^\p{L}&' -]/u.test(gap)) return false;
    const words = gap.trim().split(/\s+/);
    if (words.length > 5 || !/^\p{Lu}/u.test(words[words.length - 1]!)) return false;
    if (!words.every((w) => /^\p{Lu}\p{Ll}/u.test(w) || /^(and|&|of)$/.test(w)) || words.some((w) => ctx.ontology.lex.demonyms.has(w))) return false;
    return !ms.some((x) => x !== o && x !== m && x.start < m.title!.start && x.end > o.end);
  }
  function ref(id: string | undefined): Candidate | undefined {
    if (!id || !ctx.entities.has(id)) return undefined;
    const e = ctx.entities.get(id)!;
    return { start: p.start, end: p.start, type: e.type, rule: 'title', entity: id };
  }
}

/**
 * An author line: a line holding only a person's name, then a line "Visiting Fellow, Center for
 * Comparative Immigration Studies" — the title's role noun (predicate lexicon) gives the tie.
 */
export function bylineTitles(ctx: DocContext, mentions: Candidate[], out: Collector): void {
  const clean = ctx.doc.clean;
  for (let k = 0; k + 1 < mentions.length; k++) {
    const person = mentions[k]!;
    const org = mentions[k + 1]!;
    if (out.type(person.entity) !== 'Person' || out.type(org.entity) !== 'Organization') continue;
    // the title on the next line, or after a column gap on the same line ("Sandra Marsden  President, Sugar Institute")
    const line = /^(?:[ \t]*\n[ \t]*\n?[ \t]*|[ \t]{2,}|\t)([\p{L} -]{3,50}?(?:,[\p{L} -]{3,40}?)?)\s*,\s*(?:the\s+)?$/u.exec(clean.slice(person.end, org.start));
    if (!line || !/(^|\n)[ \t]*$/.test(clean.slice(Math.max(0, person.start - 40), person.start))) continue;
    // ("Director, Public Affairs, X": the title of a unit of X)
    const unit = line[1]!.includes(',');
    const words = line[1]!.toLowerCase().replace(/,/g, ' ').split(/\s+/).filter(Boolean);
    // the first role phrase in the title ("Director of Research": the head of a unit named after the role)
    const hit = rolePhrase(ctx.ontology.predicateLex, words);
    const best = hit && { predicate: hit.frame.entry.predicate, sub: words.slice(0, hit.at).some((w) => ctx.ontology.predicateLex.modality['role-sub'].has(w)) || /^(of|for)$/.test(words[hit.at + hit.frame.words.length] ?? '') };
    if (!best) continue;
    const predicate = (best.sub || unit) && best.predicate === 'LEADS' ? 'WORKS_FOR' : best.predicate;
    out.emit(person, predicate, org, `pattern:byline.title`, { start: person.start, end: org.end });
  }
}

/** The first role phrase of the lexicon among folded `words` that `fits` (`atEnd`: one that ends at the last word), and where it starts. */
function rolePhrase(lex: PredicateLexicon, words: string[], fits: (f: NounFrame) => boolean = () => true, atEnd = false): { frame: NounFrame; at: number } | undefined {
  for (let i = 0; i < words.length; i++) {
    const frame = lex.roles.get(words[i]!)?.find((f) => (!atEnd || f.words.length === words.length - i) && f.words.every((w, x) => words[i + x] === w) && fits(f));
    if (frame) return { frame, at: i };
  }
  return undefined;
}

/**
 * A release's own staff named by a bare title: "The Solidarity Center Celebrates 25 Years …" then
 * "…,” said Ana Ruiz, Mexico country program director." When the headline names one organisation,
 * first, a person given a title with no organisation of its own ("X, country program director, said")
 * holds it there: a head's title with modifiers heads a unit of it (WORKS_FOR), one without heads it.
 */
export function houseTitles(ctx: DocContext, mentions: Candidate[], out: Collector): void {
  const h = headlineOf(ctx);
  if (!h) return;
  const clean = ctx.doc.clean;
  const inHead = mentions.filter((m) => m.entity && m.start >= h.start && m.end <= h.end);
  const orgs = new Set(inHead.filter((m) => out.type(m.entity) === 'Organization').map((m) => m.entity!));
  if (orgs.size !== 1 || out.type(inHead[0]?.entity) !== 'Organization') return;
  const house = inHead[0]!;
  const lex = ctx.ontology.predicateLex;
  for (let k = 0; k < mentions.length; k++) {
    const person = mentions[k]!;
    if (person.start < h.end || out.type(person.entity) !== 'Person') continue;
    // ", <title>," or ", <title>." right after the name, holding no other name but a place
    const m = /^,\s+([^,.;:“”"()\n]{3,60}?)\s*(?=[,.;”"]|$)/u.exec(clean.slice(person.end, person.end + 80));
    if (!m) continue;
    const end = person.end + m[0].length;
    if (mentions.some((x) => x !== person && x.start > person.end && x.start < end && out.type(x.entity) !== 'Place')) continue;
    const words = fold(m[1]!).split(/\s+/);
    if (words[0] === 'a' || words[0] === 'an') continue;
    // the title ends the phrase: a head's or a staff role ending at the last word
    const hit = rolePhrase(lex, words, (f) => (f.entry.predicate === 'LEADS' || f.entry.predicate === 'WORKS_FOR') && (!f.entry.range || f.entry.range.includes('Organization')), true);
    if (!hit) continue;
    const frame = { predicate: hit.frame.entry.predicate, at: hit.at };
    const mods = words.slice(0, frame.at).filter((w) => w !== 'the' && !lex.modality['role-skip'].has(w));
    const predicate = frame.predicate === 'LEADS' && (mods.length || words.slice(0, frame.at).some((w) => lex.modality['role-sub'].has(w))) ? 'WORKS_FOR' : frame.predicate;
    out.emit(person, predicate, house, 'pattern:house.title', { start: person.start, end });
  }
}

/**
 * A case named after the facility it concerns: a tracker heading ("US - Mexico RRM (21): Acme
 * Foods", "RRM: (20) Bolt Servicios") or "the Rapid Response case at Acme". When the document names
 * that company as an organisation, the case TARGETS it; the heading is the evidence.
 */
export function caseTitleTargets(ctx: DocContext, mentions: Candidate[], out: Collector): void {
  const clean = ctx.doc.clean;
  const orgs = mentions.filter((m) => m.entity && out.type(m.entity) === 'Organization');
  if (!orgs.length) return;
  const key = (s: string) => fold(s).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  const done = new Set<string>();
  for (const c of mentions) {
    if (!c.entity || out.type(c.entity) !== 'Case' || done.has(c.entity)) continue;
    // what the case is named after: the words after the tracker number or after "at/against/involving"
    const text = clean.slice(c.start, c.end);
    const named = /(?:\)\s*:?|\d\s*:|[-–—]|\b(?:at|against|involving|concerning|regarding))\s*((?:the\s+)?\p{Lu}[^:()]*)$/u.exec(text)?.[1];
    if (!named) continue;
    const want = key(named.replace(/^the\s+/i, ''));
    if (want.length < 3) continue;
    for (const o of orgs) {
      const have = key(clean.slice(o.start, o.end));
      // the heading's name and the body's name of the company: one starts the other ("Acme Foods" / "Acme Foods S.A. de C.V.")
      if (have.length < 3 || !(have === want || have.startsWith(want + ' ') || want.startsWith(have + ' '))) continue;
      if (out.emit(c, 'TARGETS', o, 'targets.case/title', { start: c.start, end: c.end })) done.add(c.entity);
      break;
    }
  }
}

/**
 * A filing's caption: "A; B, AFL-CIO (B); C Local 7; et al., ⏎⏎ Petitioners ⏎⏎ and ⏎ X, and its subsidiaries Y and Z;
 * W, ⏎⏎ Respondents.", "Submitted by: ⏎⏎ A ⏎⏎ and ⏎⏎ B". The bodies listed before a petitioner label (a FILED
 * role noun of the lexicon standing alone as a paragraph) or after "Submitted by:" filed the document's case
 * (its first named case); those before a respondent label are its targets. A federation after a comma
 * ("Teamsters, AFL-CIO") is the item's affiliation, not a party.
 */
export function captionParties(ctx: DocContext, mentions: Candidate[], out: Collector): void {
  const clean = ctx.doc.clean;
  const kase = mentions.find((m) => m.entity && out.type(m.entity) === 'Case');
  if (!kase) return;
  const lex = ctx.ontology.predicateLex;
  const label = (text: string): 'FILED' | 'TARGETS' | 'BY' | undefined => {
    const w = fold(text.trim().replace(/[.,:;]+$/, '')).toLowerCase();
    if (/^(submitted|filed|presented|presentada|presentado) by:?$|^(submitted|filed) by$/.test(w) || /^presentad[oa] por$/.test(w)) return 'BY';
    const frames = lex.roles.get(w);
    if (frames?.some((f) => f.entry.predicate === 'FILED')) return 'FILED';
    if (frames?.some((f) => f.entry.predicate === 'TARGETS')) return 'TARGETS';
    return undefined;
  };
  const paras: { start: number; end: number }[] = [];
  const re = /\n[ \t]*\n/g;
  let at = 0;
  for (let m = re.exec(clean); ; m = re.exec(clean)) {
    const end = m ? m.index : clean.length;
    if (clean.slice(at, end).trim()) paras.push({ start: at, end });
    if (!m) break;
    at = m.index + m[0].length;
  }
  const orgsIn = (p: { start: number; end: number }) => mentions.filter((m) => m.entity && m.start >= p.start && m.end <= p.end && out.type(m.entity) === 'Organization');
  const parties = (p: { start: number; end: number }, predicate: 'FILED' | 'TARGETS') => {
    const ev = { start: p.start, end: p.end };
    const ms = orgsIn(p);
    ms.forEach((m, i) => {
      const prev = ms[i - 1];
      // "International Brotherhood of Teamsters, AFL-CIO (IBT)": the federation the item's body belongs to
      if (prev && /^\s*,\s*$/.test(clean.slice(prev.end, m.start)) && out.kind(m.entity!) === 'federation') {
        out.emit(prev, 'MEMBER_OF', m, 'member.caption/affiliation', ev);
        return;
      }
      if (predicate === 'FILED') out.emit(m, 'FILED', kase, 'filed.caption/petitioners', ev);
      else out.emit(kase, 'TARGETS', m, 'targets.caption/respondents', ev);
    });
  };
  for (let i = 0; i < paras.length; i++) {
    const kind = label(clean.slice(paras[i]!.start, paras[i]!.end));
    if (!kind) continue;
    if (kind === 'BY') {
      // the bodies of the next short paragraphs ("A", "and", "B, Inc."), up to the first that is not one
      for (let k = i + 1; k < paras.length && k <= i + 6; k++) {
        const text = clean.slice(paras[k]!.start, paras[k]!.end).trim();
        if (/^(and|y)$/i.test(text)) continue;
        const ms = orgsIn(paras[k]!);
        if (!ms.length || text.length > 120) break;
        for (const m of ms.slice(0, 1)) out.emit(m, 'FILED', kase, 'filed.caption/submitted-by', paras[k]!);
      }
    } else if (i > 0) parties(paras[i - 1]!, kind);
  }
}

const reviewRe = new WeakMap<object, { before: RegExp; after: RegExp }>();

/**
 * "USTR asked Mexico to review whether workers at X are denied …", "a request to Mexico to review …":
 * the case at hand (named in the sentence, or the nearest case named before it within a few sentences,
 * as in a tracker's heading) targets the country asked to review. The cue words are the lexicon's
 * `review-request` and `review` modality words.
 */
export function reviewRequestTargets(ctx: DocContext, mentions: Candidate[], out: Collector): void {
  const lex = ctx.ontology.predicateLex.modality;
  if (!lex['review-request'].size || !lex.review.size) return;
  let re = reviewRe.get(ctx.ontology);
  if (!re) {
    re = {
      before: new RegExp(`\\b(?:${wordAlternation(lex['review-request'])})\\s+(?:that\\s+)?(?:the\\s+(?:government|authorities)\\s+of\\s+)?(?:the\\s+)?$`, 'iu'),
      // the review's object is a complaint clause ("whether workers … are denied", "the alleged denial of rights"),
      // not any thing ("asked Mexico to review its labor courts")
      after: new RegExp(`^\\s*(?:\\([^)]{1,12}\\)\\s*)?(?:to\\s+)?(?:${wordAlternation(lex.review)})\\s+(?:whether|if|si|the\\s+(?:alleged\\s+|possible\\s+)?denial|(?:the\\s+)?allegations?)\\b`, 'iu'),
    };
    reviewRe.set(ctx.ontology, re);
  }
  const clean = ctx.doc.clean;
  const sentences = ctx.sentences;
  const cases = mentions.filter((m) => m.entity && out.type(m.entity) === 'Case');
  if (!cases.length) return;
  let si = 0;
  for (let k = 0; k < mentions.length; k++) {
    const c = mentions[k]!;
    if (!c.entity || out.type(c.entity) !== 'Place' || !placeCountry(ctx.ontology.entities.get(c.entity))) continue;
    while (si + 1 < sentences.length && sentences[si]!.end <= c.start) si++;
    const s = sentences[si]!;
    if (!re.before.test(clean.slice(Math.max(s.start, c.start - 60), c.start)) || !re.after.test(clean.slice(c.end, Math.min(s.end, c.end + 80)))) continue;
    // the case: one named in this sentence, else the last one named in the three sentences before
    let lo = 0;
    let hi = cases.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cases[mid]!.start < s.end) lo = mid + 1;
      else hi = mid;
    }
    const kase = cases[lo - 1];
    if (kase && kase.start >= sentences[Math.max(0, si - 3)]!.start) out.emit(kase, 'TARGETS', c, 'targets.review-request', { start: s.start, end: s.end });
  }
}
