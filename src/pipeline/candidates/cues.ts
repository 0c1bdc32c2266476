/**
 * Names no head word types, typed by the words around them: an apposition ("Tridonex, an auto
 * parts maker"; "Ana Ruiz, a worker at …"; "(a Michigan-based company)"), a noun before the name
 * ("the automaker Acme", "Mexican union SINTTIA"), company contexts ("workers at Duro Bag", "the
 * Acme plant", "Acme’s factory") and place contexts ("in Cuautla, Morelos", "the town of Cananea",
 * "plant in Uruapan"). Each reads a bounded window of the sentence's tokens.
 */
import type { Lexicon } from '../../ontology/index.js';
import type { EntityType } from '../../types.js';
import type { DocContext } from '../context.js';
import type { Token } from '../tokens.js';
import { isKnown, namesPlace } from './lookup.js';
import { wordTag } from '../english.js';

/** What the words around a name say it is. */
export interface Cue {
  type: EntityType;
  kind?: string;
  rule: string;
}

/** Longest words an apposition may put between its article and its noun ("an independent, democratic auto parts"). */
const APPOSITION_WORDS = 6;
const ARTICLE = /^(a|an|the|our|its|their|his|her|one|another)$/i;

/** A token's word for noun lookup: a capitalised word at a sentence start reads in lower case ("Workers at …"). */
function nounWord(tokens: Token[], i: number): string {
  const t = tokens[i]!.t;
  return i === 0 && /^\p{Lu}\p{Ll}+$/u.test(t) ? t.toLowerCase() : t;
}

/** The lexicon noun (one or two words) ending at token i, longest first: [noun, first index] or undefined. */
function nounEndingAt(set: { has(w: string): boolean }, tokens: Token[], i: number): [string, number] | undefined {
  if (i < 0 || i >= tokens.length) return undefined;
  const one = nounWord(tokens, i);
  if (i > 0) {
    const two = `${nounWord(tokens, i - 1)} ${one}`;
    if (set.has(two)) return [two, i - 1];
  }
  return set.has(one) ? [one, i] : undefined;
}

/** The lexicon noun (one or two words) starting at token i. */
function nounStartingAt(set: { has(w: string): boolean }, tokens: Token[], i: number): [string, number] | undefined {
  if (i >= tokens.length) return undefined;
  const one = tokens[i]!.t;
  if (i + 1 < tokens.length) {
    const two = `${one} ${tokens[i + 1]!.t}`;
    if (set.has(two)) return [two, i + 2];
  }
  return set.has(one) ? [one, i + 1] : undefined;
}

/** A noun that says what a name is: an organisation kind or a person role. */
function nounCue(lex: Lexicon, noun: string, rule: string): Cue | undefined {
  const kind = lex.orgNouns.get(noun);
  if (kind) return { type: 'Organization', kind, rule: `${rule}.org` };
  if (lex.personNouns.has(noun)) return { type: 'Person', rule: `${rule}.person` };
  return undefined;
}

/**
 * ", a/an/the/our … NOUN" or "(a … NOUN)" right after the name (tokens[last] is its last token):
 * "SINTTIA, an independent, democratic union", "Ana Ruiz, a worker at …", "VU (a Michigan-based auto parts company)".
 * Between the article and the noun only lower-case words, demonyms and "-based" adjectives.
 */
export function appositionCue(lex: Lexicon, tokens: Token[], last: number): Cue | undefined {
  const open = tokens[last + 1];
  if (!open || (open.t !== ',' && open.t !== '(')) return undefined;
  const art = tokens[last + 2];
  if (!art || !ARTICLE.test(art.t)) return undefined;
  const nouns = { has: (w: string) => lex.orgNouns.has(w) || lex.personNouns.has(w) };
  for (let k = last + 3; k < tokens.length && k <= last + 3 + APPOSITION_WORDS; k++) {
    const hit = nounStartingAt(nouns, tokens, k);
    if (hit) {
      // the noun heads the apposition: a preposition, a comma, a bracket, a dash or the end follows
      const next = tokens[hit[1]]?.t ?? '';
      if (!next || HEAD_END.test(next)) return nounCue(lex, hit[0], 'apposition');
    }
    const t = tokens[k]!.t;
    const adjective = /^\p{Ll}[\p{L}-]*$/u.test(t) || lex.demonyms.has(t) || wordTag(t) === 'Demonym' || /-based$/.test(t) || t === '-' || (t === ',' && /^\p{Ll}/u.test(tokens[k + 1]?.t ?? ''));
    if (!adjective) return undefined;
  }
  return undefined;
}

/** What may follow the noun that heads an apposition. */
const HEAD_END = /^(,|\)|\.|;|:|—|–|at|of|in|for|with|from|on|to|based|that|which|who|whose|and|since|founded|known)$/;

/** "the automaker Acme", "Mexican union SINTTIA", "union leader Ana Ruiz": a singular noun right before the name (tokens[first]). */
export function nounBeforeCue(lex: Lexicon, tokens: Token[], first: number): Cue | undefined {
  const nouns = { has: (w: string) => lex.orgNouns.has(w) || lex.personNouns.has(w) };
  // (the noun in lower case: "Union Democracy" is a heading, not "the union Democracy")
  if (!/^\p{Ll}/u.test(tokens[first - 1]?.t ?? '')) return undefined;
  const hit = nounEndingAt(nouns, tokens, first - 1);
  // a plural noun before a name heads a list ("unions SINTTIA and …") or is an attribute ("Acme workers"): not a cue
  if (!hit || /s$/.test(hit[0])) return undefined;
  return nounCue(lex, hit[0], 'noun-before');
}

/** Company contexts: "workers at X", "X plant", "X’s factory". tokens[first..last] is the name. */
export function companyCue(lex: Lexicon, tokens: Token[], first: number, last: number): Cue | undefined {
  const after = tokens[last + 1]?.t;
  const after2 = tokens[last + 2]?.t;
  // "the Acme plant", "Acme’s factory" ("Grupo México’s San Martín mine": after a possessive the name is the site's)
  const possessed = tokens[first - 1]?.t === '’s' || tokens[first - 1]?.t === "'s";
  if (after && !possessed && !lex.placeOpeners.has(tokens[first]!.t) && nounStartingAt(lex.facilityNouns, tokens, last + 1)) return { type: 'Organization', kind: 'company', rule: 'org.company.facility' };
  if ((after === '’s' || after === "'s") && after2 && nounStartingAt(lex.facilityNouns, tokens, last + 2)) return { type: 'Organization', kind: 'company', rule: 'org.company.facility' };
  // "workers at Duro Bag", "employees of Acme", "union leaders at the Acme"
  let k = first - 1;
  if (tokens[k]?.t === 'the') k--;
  const prep = tokens[k]?.t;
  if (prep === 'at' || prep === 'for') {
    const role = nounEndingAt(lex.personNouns, tokens, k - 1);
    if (role && /s$/.test(role[0])) return { type: 'Organization', kind: 'company', rule: 'org.company.workers-at' };
  }
  // Spanish: "la planta de Tecnos", "los trabajadores de Acme" (a facility or workers' noun, then "de" and the name)
  if (prep === 'de' || prep === 'del' || (tokens[first - 1]?.t === 'la' && (tokens[first - 2]?.t === 'de' || tokens[first - 2]?.t === 'del'))) {
    const at = prep === 'de' || prep === 'del' ? k - 1 : first - 3;
    const workers = nounEndingAt(lex.personNouns, tokens, at);
    if (nounEndingAt(lex.facilityNouns, tokens, at) || (workers && /s$/.test(workers[0]))) return { type: 'Organization', kind: 'company', rule: 'org.company.facility.es' };
  }
  return undefined;
}

/**
 * A list that a plural company noun opens: "two Korean plants, Acme and Bolt", "companies such
 * as Acme and Bolt", "suppliers including Acme". tokens[first] is the first listed name.
 */
export function listHeadCue(lex: Lexicon, tokens: Token[], first: number): Cue | undefined {
  const company = { has: (w: string) => /s$/.test(w) && (lex.facilityNouns.has(w) || lex.orgNouns.get(w) === 'company') };
  const prev = tokens[first - 1]?.t;
  let noun: [string, number] | undefined;
  if (prev === ',' || prev === ':') noun = nounEndingAt(company, tokens, first - 2);
  else if (prev === 'as' && tokens[first - 2]?.t === 'such') noun = nounEndingAt(company, tokens, first - 3);
  else if (prev === 'including' || prev === 'like') noun = nounEndingAt(company, tokens, first - 2) ?? (tokens[first - 2]?.t === ',' ? nounEndingAt(company, tokens, first - 3) : undefined);
  return noun ? { type: 'Organization', kind: 'company', rule: 'org.company.list-head' } : undefined;
}

/** Place contexts: "in X, <known place>", "X, state of <place>", "the town of X", "plant in X". */
export function placeCue(ctx: DocContext, tokens: Token[], first: number, last: number): Cue | undefined {
  const lex = ctx.ontology.lex;
  const before = tokens[first - 1]?.t;
  // "the city of Cuautla", "the town of Cananea"
  if (before === 'of' && nounEndingAt(lex.placeNouns, tokens, first - 2)) return { type: 'Place', rule: 'place.noun-of' };
  if (before !== 'in' && before !== 'near' && before !== 'from' && before !== 'outside') return undefined;
  // "in Cuautla, Morelos", "in Troy, MI", "in Uruapan in the state of Michoacán"
  const next = tokens[last + 1]?.t;
  let k = last + 2;
  if (next === ',' || next === 'in') {
    while (k < tokens.length && /^(the|state|province|municipality|of)$/.test(tokens[k]!.t)) k++;
    let e = k;
    while (e < tokens.length && e < k + 4 && /^\p{Lu}/u.test(tokens[e]!.t)) e++;
    if (e > k && isKnown(ctx, tokens.slice(k, e)) && namesPlace(ctx, tokens.slice(k, e))) return { type: 'Place', rule: 'place.in-place' };
  }
  // "a plant in Uruapan", "offices in Troy", "based in Monclova"
  if (nounEndingAt(lex.facilityNouns, tokens, first - 2) || lex.locatives.has(tokens[first - 2]?.t ?? '')) return { type: 'Place', rule: 'place.facility-in' };
  return undefined;
}

/**
 * A speaker: "…,” said Chrystia Freeland, Minister of …", "Ana Ruiz said", "according to Lisa Ortega and Pola
 * Pantoja": a name right after a speech verb (then a comma, a full stop, "and" or the end) or right before one
 * (after a quotation's comma or at the clause start) is a person's, when it looks like one (the caller checks).
 */
export function speechCue(ctx: DocContext, tokens: Token[], first: number, last: number): Cue | undefined {
  const speech = ctx.ontology.discourseLex.speech;
  const before = tokens[first - 1]?.t;
  const after = tokens[last + 1]?.t;
  const ends = (t: string | undefined) => t === undefined || t === ',' || t === '.' || t === 'and' || t === ';';
  if (before && /^\p{Ll}/u.test(before) && speech.has(before) && ends(after)) return { type: 'Person', rule: 'person.speaker' };
  if (before === 'to' && tokens[first - 2]?.t === 'according' && ends(after)) return { type: 'Person', rule: 'person.speaker' };
  const opens = before === undefined || before === ',' || /^["”’]$/.test(before);
  if (after && speech.has(after) && /^\p{Ll}/u.test(after) && opens) return { type: 'Person', rule: 'person.speaker' };
  return undefined;
}
