/**
 * Which sentences are worth compromise's parse: those where a tag-reading rule could fire. Each
 * rule of frames.ts and nominal.ts needs a lexicon word (a verb form, a role, a nominalisation, a
 * facility, a list verb with a participation cue, "jointly", "where", a fronted preposition) whose
 * entry the sentence's entity classes can satisfy, or a mention configuration (an entity head
 * followed by its preposition, an organisation next to a place or a federation, a place phrase
 * on an apposition). The words come from the predicate lexicon; a sentence that has none of them
 * cannot yield a relation from structure, and is left to the tag-free rules (titles, surface
 * patterns, curated structure). On corpus/ and the fixtures ~4 sentences in 5 pass (~1 in 3 yields).
 */
import type { PredicateEntry, PredicateLexicon } from '../../ontology/predicates.js';
import { fits } from '../../ontology/predicates.js';
import type { EntityType, Predicate } from '../../types.js';
import type { Candidate, DocContext } from '../context.js';
import type { Tok } from './clauses.js';
import type { Reference } from './emit.js';
import { LIST_VERBS } from './frames.js';
import { RELATIVE, WINDOW, clauseStop, roleWord } from './phrases.js';

/** The lexicon's trigger words, compiled once per lexicon. */
interface Triggers {
  /** folded first word → the phrases it can start (verbs with their extra words, roles, nouns, facilities) */
  words: Map<string, Phrase[]>;
  /** first words of participation cues (participant lists: "Participants in E included …") */
  cues: Set<string>;
  /** "jointly" adverbs and "joint" modifiers, by first word */
  joint: Map<string, string[][]>;
  /** joint-organiser verb forms ("a meeting convened by A and B": COOPERATES_WITH) */
  jointVerbs: Set<string>;
  /** first words of fronted prepositions, with their entries */
  fronted: Map<string, PredicateEntry[]>;
  /** entity class → entries headed by it, and the first words of their prepositions */
  heads: Map<EntityType, { entries: PredicateEntry[]; preps: Set<string>; possessive: boolean }>;
}

/**
 * A lexicon phrase: its words after the first, whether they may have a few words between them (a
 * verb's "took an active part"), and where its object must be: `any` a mention after the phrase (a
 * direct object, a passive's "by" agent), a set of prepositions one of which comes after the phrase
 * (for a verb, in its clause) with a mention after it, or `free` (roles and facilities find their
 * arguments on either side; reciprocal entries relate coordinated subjects).
 */
interface Phrase {
  entry: PredicateEntry;
  /**
   * `verb`: its subject is a mention before it (or, a participle opening the sentence, the main clause's after it);
   * `noun` (a nominalisation): its object is the PP right after the phrase, or (a reciprocal one) its governing verb's
   * coordinated subjects, before it; `role` (roles, facilities): arguments on either side
   */
  kind: 'verb' | 'noun' | 'role';
  rest: string[];
  loose: boolean;
  obj: 'any' | 'free' | Set<string>;
}

const compiled = new WeakMap<PredicateLexicon, Triggers>();
const first = (phrase: string) => phrase.split(' ')[0]!;

function triggers(lex: PredicateLexicon): Triggers {
  let t = compiled.get(lex);
  if (t) return t;
  const words = new Map<string, Phrase[]>();
  const add = (w: string, p: Phrase) => words.set(w, [...(words.get(w) ?? []), p]);
  const firsts = (preps: Iterable<string>) => new Set([...preps].map((x) => first(x)));
  for (const [w, frames] of lex.verbs) {
    for (const f of frames) add(w, { entry: f.entry, kind: 'verb', rest: f.rest, loose: true, obj: f.entry.reciprocal ? 'free' : f.prep.has('direct') ? 'any' : firsts(f.prep) });
  }
  for (const map of [lex.roles, lex.facilities]) for (const [w, frames] of map) for (const f of frames) add(w, { entry: f.entry, kind: 'role', rest: f.words.slice(1), loose: false, obj: 'free' });
  // a nominalisation's object is the PP right after it ("support for Y"; "a grant from X" for a receiving verb);
  // a reciprocal one may have none ("A and B signed a strategic alliance")
  for (const [w, frames] of lex.nouns) for (const f of frames) add(w, { entry: f.entry, kind: 'noun', rest: f.words.slice(1), loose: false, obj: firsts([...f.prep, 'from']) });
  const cues = new Set<string>(['present']);
  for (const map of [lex.roles, lex.nouns, lex.verbs]) for (const [w, frames] of map) if ((frames as { entry: PredicateEntry }[]).some((f) => f.entry.predicate === 'PARTICIPATED_IN')) cues.add(w);
  const joint = new Map<string, string[][]>();
  for (const phrase of [...lex.modality.jointly, ...lex.modality.shared]) {
    const ws = phrase.split(' ');
    joint.set(ws[0]!, [...(joint.get(ws[0]!) ?? []), ws.slice(1)]);
  }
  const jointVerbs = new Set<string>();
  for (const [w, frames] of lex.verbs) if (frames.some((f) => lex.modality.joint.has(f.lemma))) jointVerbs.add(w);
  const fronted = new Map<string, PredicateEntry[]>();
  for (const e of lex.fronted) for (const p of e.fronted ?? []) fronted.set(first(p), [...(fronted.get(first(p)) ?? []), e]);
  const heads = new Map<EntityType, { entries: PredicateEntry[]; preps: Set<string>; possessive: boolean }>();
  for (const [type, entries] of lex.heads) {
    const own = entries.filter((e) => !e.fronted);
    const preps = new Set(own.flatMap((e) => (e.prep ?? []).filter((p) => p !== "'s").map((p) => first(p.toLowerCase()))));
    heads.set(type, { entries: own, preps, possessive: own.some((e) => e.prep?.includes("'s")) });
  }
  t = { words, cues, joint, jointVerbs, fronted, heads };
  compiled.set(lex, t);
  return t;
}

/** Predicates a rule may emit for an entry besides its own (stance reversal, sub-roles, indefinite roles, chains). */
function variants(e: PredicateEntry): Predicate[] {
  const out: Predicate[] = [];
  if (e.predicate === 'SUPPORTS') out.push('OPPOSES');
  if (e.predicate === 'OPPOSES') out.push('SUPPORTS');
  if (e.roles) out.push('WORKS_FOR', 'PART_OF', 'MEMBER_OF');
  if (e.indefinite) out.push(e.indefinite);
  return out;
}

const PARTICIPLE_BY = 4;
/** frontedPhrases skips "the" and date or number words before the head: the head is within these tokens */
const FRONT = 8;

/** frontedPhrases' head: a mention of one of the entry's head classes within the first words, a comma after it. */
function fronted(toks: Tok[], e: PredicateEntry, typeOf: (k: number) => EntityType | undefined): boolean {
  for (let k = 1; k < toks.length && k <= FRONT; k++) {
    if (toks[k]!.m < 0) continue;
    const type = typeOf(k);
    if (!type || !e.heads?.includes(type)) return false;
    for (let c = k + 1; c < toks.length && c <= k + 8; c++) if (toks[c]!.w === ',') return true;
    return false;
  }
  return false;
}

/** frames.ts afterRest: a verb's extra words ("took an active part") may each come after up to this many other words. */
const LOOSE_GAP = 2;

/**
 * Where the words `rest` end if they follow token k — right after it, or (`loose`, a verb's extra
 * words) each after at most {@link LOOSE_GAP} other words — as the token after them; -1 if they do not.
 */
function restEnd(toks: Tok[], k: number, rest: string[], loose: boolean): number {
  let at = k + 1;
  for (const w of rest) {
    for (let gap = 0; loose && gap < LOOSE_GAP && toks[at] && toks[at]!.m < 0 && toks[at]!.w !== w; gap++) at++;
    if (toks[at]?.w !== w || toks[at]!.m >= 0) return -1;
    at++;
  }
  return at;
}

/** Do the words `rest` follow token k (see {@link restEnd})? */
function follows(toks: Tok[], k: number, rest: string[], loose: boolean): boolean {
  return restEnd(toks, k, rest, loose) >= 0;
}


/**
 * Can a verb whose extra words end before token `after` have its object there? A direct object or
 * a passive's agent: a mention after it. A prepositional object (frames.ts ppAfter): one of its
 * prepositions in the same clause — before a comma, a clause break or a relative word, within
 * phrases.ts {@link WINDOW} tokens, as frames.ts ppAfter looks — and a mention after that preposition (its object, or the name that
 * renames it).
 */
export function verbObject(toks: Tok[], after: number, obj: Phrase['obj']): boolean {
  if (obj === 'free') return true;
  if (obj === 'any') {
    for (let x = after; x < toks.length; x++) if (toks[x]!.m >= 0) return true;
    return false;
  }
  for (let x = after; x < toks.length && x < after + WINDOW; x++) {
    const t = toks[x]!;
    if (clauseStop(t) || (x > after && (t.w === ',' || RELATIVE.has(t.w)))) return false;
    if (t.m < 0 && obj.has(t.w)) {
      for (let y = x + 1; y < toks.length; y++) if (toks[y]!.m >= 0) return true;
      return false;
    }
  }
  return false;
}

/** The most tokens before a sentence-opening participle or passive ("Originally founded in 1936 by", "Having been founded by"). */
const OPENING = 4;

/**
 * Can a verb at token k have a mention for subject (frames.ts subjectOf)? Its subject is a mention
 * before its group (directly, through a relative pronoun, a coordinated or governing verb, an
 * apposition), except that of a participle or passive opening the sentence, which is the main
 * clause's, after it: then only adverbs, dates and auxiliaries come before the verb.
 */
export function subjectBefore(toks: Tok[], k: number, firstMention: number): boolean {
  if (firstMention >= 0 && firstMention < k) return true;
  if (k > OPENING) return false;
  for (let x = 0; x < k; x++) if (toks[x]!.w === ',' || toks[x]!.m >= 0) return false;
  return true;
}

/**
 * A nominalisation's object (frames.ts nominalisations): a PP that starts right after the phrase's
 * last token `end`, with one of its prepositions, and a mention after it.
 */
export function nounArguments(toks: Tok[], end: number, preps: Set<string>): boolean {
  const next = toks[end + 1];
  if (!next || next.m >= 0 || !preps.has(next.w)) return false;
  for (let x = end + 2; x < toks.length; x++) if (toks[x]!.m >= 0) return true;
  return false;
}

/** Mention tokens before token k. */
function mentionsBefore(toks: Tok[], k: number, mentions: Candidate[]): number {
  let n = 0;
  // ("the two unions signed …": one reference for several entities counts each)
  for (let x = 0; x < k; x++) if (toks[x]!.m >= 0) n += 1 + ((mentions[toks[x]!.m] as Reference).others?.length ?? 0);
  return n;
}

/** How far before a list verb its participation cue may be (frames.ts participantLists: 11 tokens before the group, which may hold auxiliaries). */
const CUE_BEFORE = 16;

/** A participation cue ("participants", "in attendance", "present") in the words before a list verb at k, in its clause. */
export function cueBefore(toks: Tok[], k: number, cues: Set<string>): boolean {
  for (let x = k - 1; x >= 0 && x >= k - CUE_BEFORE; x--) {
    if (clauseStop(toks[x])) return false;
    if (toks[x]!.m < 0 && cues.has(toks[x]!.w)) return true;
  }
  return false;
}

/** "included participation by", "featured remarks from": a participation noun right after a list verb at k (an article between), then by/of/from. */
export function cueAfter(toks: Tok[], k: number, cues: Set<string>): boolean {
  let n = k + 1;
  if (toks[n]?.w === 'the' || toks[n]?.w === 'a') n++;
  return !!toks[n] && toks[n]!.m < 0 && cues.has(toks[n]!.w) && /^(by|of|from)$/.test(toks[n + 1]?.w ?? '');
}

/** Could a tag-reading relation rule fire on this tokenised sentence (its tokens and mentions)? */
export function couldRelate(ctx: DocContext, toks: Tok[], mentions: Candidate[]): boolean {
  const lex = ctx.ontology.predicateLex;
  const t = triggers(lex);
  const out = { type: (id: string | undefined) => (id ? ctx.entities.get(id)?.type : undefined), allowsTypes: (p: Predicate, a: EntityType, b: EntityType) => ctx.ontology.allows(p, a, b) };
  // the classes of the distinct entities, and every ordered pair of them
  const ids = new Map<string, EntityType>();
  for (const m of mentions) {
    for (const x of [m, ...((m as Reference).others ?? [])]) {
      const type = out.type(x.entity);
      if (x.entity && type) ids.set(x.entity, type);
    }
  }
  const pairs: [EntityType, EntityType][] = [];
  const seen = new Set<string>();
  for (const [a, ta] of ids) for (const [b, tb] of ids) if (a !== b && !seen.has(`${ta}|${tb}`)) seen.add(`${ta}|${tb}`), pairs.push([ta, tb]);
  if (!pairs.length) return false;
  const types = new Set(ids.values());
  const allows = (p: Predicate) => pairs.some(([a, b]) => out.allowsTypes(p, a, b));
  const feasible = new Map<PredicateEntry, boolean>();
  const fitsSome = (e: PredicateEntry) => {
    let ok = feasible.get(e);
    if (ok === undefined) {
      ok = pairs.some(([a, b]) => out.allowsTypes(e.predicate, a, b) && fits(e, a, b)) || variants(e).some(allows);
      feasible.set(e, ok);
    }
    return ok;
  };
  const kindOf = (k: number) => ctx.entities.get(mentions[toks[k]!.m]!.entity!)?.kind;
  const typeOf = (k: number) => (toks[k] && toks[k]!.m >= 0 ? out.type(mentions[toks[k]!.m]!.entity) : undefined);
  const firstMention = toks.findIndex((x) => x.m >= 0);
  let list = false;
  const personOrOrgAfter = (k: number) => {
    for (let x = k + 1; x < toks.length; x++) if (toks[x]!.m >= 0 && /^(Person|Organization)$/.test(typeOf(x) ?? '')) return true;
    return false;
  };
  let comma = false;
  let inAt = false;
  for (let k = 0; k < toks.length; k++) {
    const tok = toks[k]!;
    if (tok.m >= 0) {
      const type = typeOf(k);
      const head = type && t.heads.get(type);
      if (head && head.entries.some(fitsSome)) {
        // "<Case> against Y", "<Org> in <Place>" (past a bracketed acronym), "<Case> filed by X", "Y's <Unit>"
        let a = k + 1;
        if (toks[a]?.w === '(') while (toks[a] && toks[a]!.w !== ')' && a < k + 14) a++;
        if (toks[a]?.w === ')') a++;
        if (toks[a] && head.preps.has(toks[a]!.w)) return true;
        for (let b = a; b < toks.length && b <= a + PARTICIPLE_BY; b++) if (toks[b]!.w === 'by') return true;
        if (head.possessive && toks.slice(0, k).some((x) => x.w === "'s" || x.w === "'")) return true;
      }
      // "Goodyear Tire San Luis Potosí"; "the Association of Flight Attendants, AFL-CIO"
      const next = typeOf(k + 1);
      if (type === 'Organization' && next === 'Place' && toks[k + 1]!.start - tok.end === 1) return true;
      // "…; Ana Ruiz, IHRB; …": a caption item
      if (type === 'Person' && toks[k + 1]?.w === ',' && (k === 0 || toks[k - 1]!.w === ';' || toks[k - 1]!.w === ':') && toks.some((x) => x.w === ';')) return true;
      // "SITGM’s Julio Flores": an organisation's own person
      if (type === 'Organization' && (toks[k + 1]?.w === "'s" || toks[k + 1]?.w === '’s') && typeOf(k + 2) === 'Person') return true;
      // "UAW Local 600": a numbered unit right after its organisation
      if (type === 'Organization' && mentions[toks[k]!.m]!.parent?.entity) return true;
      if (type === 'Organization' && toks[k + 1]?.m !== undefined && toks[k + 1]!.m >= 0 && mentions[toks[k + 1]!.m]!.rule === 'org.unit' && mentions[toks[k]!.m]!.rule !== 'org.unit' && toks[k + 1]!.start - tok.end === 1) return true;
      // "PCUN (Oregon)"
      if (type === 'Organization' && toks[k + 1]?.w === '(' && typeOf(k + 2) === 'Place' && toks[k + 3]?.w === ')') return true;
      if (type === 'Organization' && (toks[k + 1]?.w === ',' || toks[k + 1]?.w === '(') && typeOf(k + 2) === 'Organization' && kindOf(k + 2) === 'federation' && kindOf(k) !== 'federation') return true;
      continue;
    }
    const w = tok.w;
    // ("co-president": the role, as nominal.ts reads it)
    const phrases = t.words.get(w) ?? (roleWord(w) !== w ? t.words.get(roleWord(w))?.filter((p) => p.kind === 'role') : undefined);
    if (phrases && phrases.some((p) => fitsSome(p.entry) && follows(toks, k, p.rest, p.loose) && (
      p.kind === 'verb' ? subjectBefore(toks, k, firstMention) && verbObject(toks, restEnd(toks, k, p.rest, p.loose), p.obj)
        : p.kind === 'noun' ? nounArguments(toks, k + p.rest.length, p.obj as Set<string>) || (!!p.entry.reciprocal && mentionsBefore(toks, k, mentions) >= 2)
          : true))) return true;
    // "a Michigan-based company", "US-funded programs": a participle glued to a mention (the compound's head may come first)
    if (k >= 2 && (toks[k - 1]!.w === '-' || toks[k - 1]!.w === '–') && toks[k - 2]!.m >= 0 && lex.verbs.get(w)?.some((f) => fitsSome(f.entry))) return true;
    // "In Submission 9601, X and Y alleged …": a head mention among the first words, then a comma
    if (k === 0 && t.fronted.get(w)?.some((e) => fitsSome(e) && fronted(toks, e, typeOf))) return true;
    if (lex.clause.get(w)?.some(fitsSome) && toks[k + 1] && toks.slice(k + 1, k + 4).some((x) => x.m >= 0)) return true;
    if (t.jointVerbs.has(w) && allows('COOPERATES_WITH')) return true;
    if (t.joint.get(w)?.some((rest) => follows(toks, k, rest, false)) && allows('COOPERATES_WITH')) return true;
    if (w === 'where' && types.has('Event')) return true;
    if ((w === 'both' || w === 'each' || w === 'all') && types.has('Case')) return true;
    if (LIST_VERBS.has(w) && !list && (cueBefore(toks, k, t.cues) || cueAfter(toks, k, t.cues)) && personOrOrgAfter(k)) list = true;
    if (w === ',' || w === '(') comma = true;
    if (w === 'in' || w === 'at') inAt = true;
  }
  // participant lists take their event from discourse when the sentence names none
  if (list) return true;
  // "ITAPSA, an Echlin subsidiary in Puebla": a place phrase on an apposition
  return comma && inAt && types.has('Organization') && types.has('Place');
}
