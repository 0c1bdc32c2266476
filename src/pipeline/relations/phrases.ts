/**
 * Phrases over a parsed sentence: noun phrases (with possessors and premodifying mentions),
 * coordinated lists on either side, asides skipped between commas, and the subject / object /
 * prepositional arguments of a verb group. Closed-class words (determiners, prepositions,
 * relative pronouns) are grammar and live here; every scan is bounded (a window of tokens),
 * so a sentence with thousands of mentions stays linear.
 */
import { T, type Parsed, type Tok, type VerbGroup } from './clauses.js';

export const DET = new Set(['the', 'a', 'an', 'this', 'these', 'those', 'that', 'its', 'their', 'his', 'her', 'our', 'my', 'your', 'both', 'all', 'each', 'every', 'some', 'any', 'several', 'many', 'two', 'three', 'four', 'five', 'six', 'one', 'el', 'la', 'los', 'las', 'un', 'una', 'del', 'other', 'another', 'such', 'no']);
export const INDEFINITE = new Set(['a', 'an', 'one', 'un', 'una', 'another']);
export const PREP = new Set(['of', 'in', 'at', 'on', 'for', 'with', 'by', 'from', 'to', 'into', 'against', 'between', 'among', 'under', 'within', 'over', 'through', 'about', 'concerning', 'regarding', 'involving', 'targeting', 'before', 'after', 'during', 'since', 'until', 'toward', 'towards', 'alongside', 'across', 'outside', 'inside', 'near', 'via', 'per', 'de', 'del', 'en', 'con', 'para', 'por', 'a', 'al', 'ante', 'contra', 'sobre', 'entre', 'desde', 'hasta', 'hacia', 'tras', 'mediante', 'según', 'as', 'like', 'despite', 'without', 'behind', 'beyond', 'upon', 'around', 'throughout', 'amid', 'among']);
export const RELATIVE = new Set(['who', 'which', 'that', 'whom', 'whose', 'where', 'que', 'quien', 'quienes', 'cual']);
const COORD = new Set(['and', 'or', '&', 'y', 'e', 'plus', 'nor']);
const CLAUSE_STOP = new Set([';', ':', '.', '?', '!', '"', '“', '”']);
const DASH = new Set(['-', '—', '–']);
/** Lexicon word sets the phrase rules read (set by the relation engine before a document). */
export const WORDS: { proxy: Set<string>; classifier: Set<string>; transparent: Set<string>; coagent: Set<string>; joint: Set<string>; collective: Set<string>; content: Set<string>; government: Set<string>; topic: Set<string> } = {
  proxy: new Set(), classifier: new Set(), transparent: new Set(), coagent: new Set(), joint: new Set(), collective: new Set(), content: new Set(), government: new Set(), topic: new Set(),
};

/** What introduces the named members of a group noun: "a coalition of / including / that included / made up of A, B and C". */
const MEMBERS_OPENERS = [['of'], ['including'], [',', 'including'], ['that', 'included'], ['that', 'includes'], ['that', 'include'], ['which', 'included'], ['which', 'includes'],
  [',', 'which', 'included'], ['made', 'up', 'of'], ['composed', 'of'], ['comprising'], ['formed', 'by'], ['consisting', 'of']];

/**
 * The named members of a group noun, coordinated ("a coalition that included UE, the Teamsters and the
 * FAT" → UE, Teamsters, FAT); empty when the NP is not a group noun or names no member.
 */
export function collectiveMembers(p: Parsed, np: NP): number[] {
  if (np.mention) return [];
  const toks = p.toks;
  // "by four human rights organizations: the ILRERF, ANAD, CJM and AFSC", "four provinces (Quebec, Alberta and Manitoba)":
  // a plural noun followed by a colon or a bracket and a list of names is those names
  // (coordinated modifiers may come first: "four human rights and workers' rights organizations:")
  let end = np.to + 1;
  while (end < np.to + 8 && toks[end] && toks[end]!.m < 0 && ((toks[end]!.tags & (T.Noun | T.Adjective)) || ['and', "'", "'s"].includes(toks[end]!.w)) && !PREP.has(toks[end]!.w)) end++;
  if ((toks[end - 1]!.tags & T.Plural) && (toks[end]?.w === ':' || toks[end]?.w === '(')) {
    const first = npAt(p, end + 1);
    const members = first?.mention ? listRight(p, first) : [];
    if (members.length > 1) return members;
  }
  if (!WORDS.collective.has(p.toks[np.head]!.w)) return [];
  for (const opener of MEMBERS_OPENERS) {
    if (!opener.every((w, i) => toks[np.to + 1 + i]?.w === w && toks[np.to + 1 + i]!.m < 0)) continue;
    // "a coalition of U.S. and Mexican unions, including …": the members may follow a generic "of" phrase
    const first = npAt(p, np.to + 1 + opener.length);
    if (first?.mention) return listRight(p, first);
    if (first && opener[0] === 'of' && !first.mention) return collectiveMembers(p, { ...first, head: np.head });
  }
  return [];
}

/** how far a scan may go, in tokens */
export const WINDOW = 40;
const MAX_LIST = 24;
/** Prepositions a list may repeat before each item ("at A and at B"). */
const LIST_PREP = new Set(['of', 'at', 'in', 'by', 'with', 'for', 'from', 'to', 'against', 'on', 'de', 'del', 'en', 'con', 'a', 'al']);

/** A noun phrase: tokens [from, to], its head, and the mentions it holds. */
export interface NP {
  from: number;
  to: number;
  head: number;
  /** the head is a mention */
  mention: boolean;
  /** a mention followed by 's (or a possessive pronoun standing for one) */
  possessor?: number;
  /** mentions before the head that modify it ("the AFL-CIO president") */
  premods: number[];
  det?: string;
  /** the generic head this name was reached through ("the renegotiation of NAFTA" → renegotiation) */
  via?: string;
}

export const isMention = (t: Tok | undefined): boolean => !!t && t.m >= 0;
const isNounish = (t: Tok) => t.m >= 0 || (t.tags & (T.Noun | T.Adjective | T.Value | T.Proper | T.Date)) !== 0 && (t.tags & (T.Verb | T.Preposition)) === 0;
const isPoss = (t: Tok | undefined) => !!t && (t.w === "'s" || t.w === "'" || t.w === '’');

/** "co-president", "co-chair": a role shared with others is the role; the word to look the role up by. */
export function roleWord(w: string): string {
  return /^co-\p{L}/u.test(w) ? w.slice(3) : w;
}

/** The noun phrase that starts at token i (undefined if none). */
export function npAt(p: Parsed, i: number): NP | undefined {
  const toks = p.toks;
  let k = i;
  let det: string | undefined;
  const limit = Math.min(toks.length, i + 16);
  for (; k < limit && toks[k]!.m < 0 && (DET.has(toks[k]!.w) || (toks[k]!.tags & T.Determiner) !== 0 || toks[k]!.w === '“' || toks[k]!.w === '"') && !RELATIVE.has(toks[k]!.w); k++) if (toks[k]!.w !== '“' && toks[k]!.w !== '"') det ??= toks[k]!.w;
  let head = -1;
  let possessor: number | undefined;
  const premods: number[] = [];
  for (; k < limit; k++) {
    const t = toks[k]!;
    if (t.m >= 0) {
      if (head >= 0 && toks[head]!.m >= 0) premods.push(head);
      head = k;
      if (isPoss(toks[k + 1])) {
        possessor = k;
        head = -1;
        k++;
      }
      continue;
    }
    // "Michigan-based", "company-backed": a hyphen joins a modifier to the next word, whatever its tag
    if (DASH.has(t.w) && head >= 0 && toks[k + 1] && toks[k + 1]!.m < 0 && t.start === toks[k - 1]!.end && toks[k + 1]!.start === t.end) {
      if (toks[head]!.m >= 0) premods.push(head);
      head = ++k;
      continue;
    }
    // "the Justice Department's Civil Rights Division": a generic possessor
    if (isPoss(t) && head >= 0 && toks[head]!.m < 0 && toks[k + 1] && isNounish(toks[k + 1]!)) {
      possessor ??= undefined;
      head = -1;
      continue;
    }
    // quotation marks around a name do not end its phrase ("launched the “Justice … Program”")
    if (t.w === '"' || t.w === '“' || t.w === '”') {
      if (head < 0 || isMention(toks[k + 1]) || isMention(toks[k - 1])) continue;
      break;
    }
    // "a new and impartial Center": coordinated adjectives stay in the phrase
    if (COORD.has(t.w) && head >= 0 && toks[head]!.m < 0 && (toks[head]!.tags & T.Adjective) && toks[k + 1] && (toks[k + 1]!.tags & T.Adjective) && toks[k + 1]!.m < 0) continue;
    // "more than a decade"
    if ((t.w === 'than') && head >= 0 && ['more', 'less', 'fewer'].includes(toks[head]!.w)) continue;
    // "a relatively new union": an adverb grading the adjective after it stays in the phrase
    if (t.m < 0 && (t.tags & T.Adverb) && !(t.tags & T.Adjective) && head < 0 && gradesAdjective(toks, k)) continue;
    if (!isNounish(t) || PREP.has(t.w) || COORD.has(t.w) || RELATIVE.has(t.w)) break;
    if ((t.tags & T.Adverb) && !(t.tags & T.Adjective)) break;
    if (head >= 0 && toks[head]!.m >= 0) premods.push(head);
    head = k;
  }
  if (head < 0) return undefined;
  // "the Confederation of Mexican Workers (CTM)": an acronym in brackets stays with its name
  let to = head;
  if (toks[to]!.m >= 0 && toks[to + 1]?.w === '(' && isMention(toks[to + 2]) && toks[to + 3]?.w === ')') to += 3;
  return { from: i, to, head, mention: toks[head]!.m >= 0, possessor, premods: premods.filter((x) => x !== head), det };
}

/** The noun phrase that ends at token j (walking left), or undefined. */
/** An -ly adverb right before an adjective that is not a verb ("relatively new", "fiercely independent"). */
function gradesAdjective(toks: Tok[], k: number): boolean {
  const next = toks[k + 1];
  return /ly$/.test(toks[k]!.w) && !!next && next.m < 0 && (next.tags & T.Adjective) !== 0 && (next.tags & T.Verb) === 0;
}

export function npEndingAt(p: Parsed, j: number): NP | undefined {
  const toks = p.toks;
  let end = j;
  // "(CTM)" after a name
  if (toks[end]?.w === ')' && isMention(toks[end - 1]) && toks[end - 2]?.w === '(' && isMention(toks[end - 3])) end -= 3;
  if (end < 0 || !toks[end] || !isNounish(toks[end]!) || PREP.has(toks[end]!.w)) return undefined;
  let from = end;
  for (let k = end - 1; k >= 0 && k > end - 14; k--) {
    const t = toks[k]!;
    if (isPoss(t) && toks[k - 1] && isNounish(toks[k - 1]!)) {
      from = k - 1;
      k--;
      continue;
    }
    if (DASH.has(t.w) && toks[k - 1] && t.start === toks[k - 1]!.end && toks[k + 1]!.start === t.end) continue;
    if (t.m < 0 && (DET.has(t.w) || (t.tags & T.Determiner) !== 0) && !RELATIVE.has(t.w)) {
      from = k;
      break;
    }
    if (t.m < 0 && (t.tags & T.Adverb) && !(t.tags & T.Adjective) && gradesAdjective(toks, k)) {
      from = k;
      continue;
    }
    if (!isNounish(t) || PREP.has(t.w) || COORD.has(t.w) || RELATIVE.has(t.w)) break;
    from = k;
  }
  const np = npAt(p, from);
  // the phrase read rightwards may run past j ("the STPS together launched": "together" tagged an adjective): it ends at j
  if (np && np.head > end) return { ...np, to: j, head: end, mention: isMention(toks[end]), premods: np.premods.filter((x) => x < end) };
  return np && np.to >= end ? { ...np, to: j } : np;
}

/**
 * What an NP inside a PP hangs on: "the Joint Declaration under the NAALC" → the Declaration;
 * "Workers within General Motors" → a generic noun (undefined). The NP itself when not in a PP.
 */
export function attachment(p: Parsed, np: NP, proxy?: Set<string>): NP | undefined {
  let cur = np;
  for (let n = 0; n < 3; n++) {
    const before = p.toks[cur.from - 1];
    if (!before || before.m >= 0 || !PREP.has(before.w) || before.w === 'as') return cur;
    const host = npEndingAt(p, cur.from - 2);
    // "With AFL-CIO support the Teamsters won": a name in a sentence-opening PP is no subject
    if (!host && proxy && cur.from - 1 === 0 && cur.from === cur.head) return undefined;
    if (!host) return cur;
    // "delegates from the CWA", "representatives of X": the people stand for their organisation
    if (!host.mention && proxy?.has(p.toks[host.head]!.w)) return cur;
    // "a coalition of A, B and C filed …": the named members of a group act for it (subjects only: proxy given)
    if (!host.mention && proxy && WORDS.collective.has(p.toks[host.head]!.w) && before.w === 'of') return cur;
    // a generic noun takes the PP ("workers within GM"); a date or a participle does not
    if (!host.mention) return (p.toks[host.head]!.tags & (T.Date | T.Verb)) || ((p.toks[host.head]!.tags & T.Adjective) && !(p.toks[host.head]!.tags & T.Noun)) ? cur : undefined;
    cur = host;
  }
  return cur;
}

/** Mention tokens coordinated with the NP at `np` to the right ("A, B and C"). */
export function listRight(p: Parsed, np: NP, prep?: string): number[] {
  const out = [np.head];
  const toks = p.toks;
  // "composed of A, of B and of C": the preposition before the first item may be repeated before the others
  const before = toks[np.from - 1]?.w;
  if (prep === undefined && before !== undefined && LIST_PREP.has(before)) prep = before;
  let k = np.to + 1;
  // items joined by commas only count up to the last one a coordinator joins ("A, B and C"; not "Silao, Guanajuato")
  let closed = 1;
  // "A, a union of X; B; and C": a list whose items are closed by semicolons ("; and" ahead) — an item's
  // apposition runs to the next semicolon
  let semi = false;
  for (let x = k; x < toks.length && x < k + WINDOW * 2 && !['.', '?', '!', ':'].includes(toks[x]!.w); x++) {
    if (toks[x]!.w === ';' && toks[x + 1] && COORD.has(toks[x + 1]!.w)) {
      semi = true;
      break;
    }
  }
  for (let n = 0; n < MAX_LIST && k < toks.length; n++) {
    let s = k;
    let coord = false;
    if (semi && toks[s]?.w !== ';') {
      let x = s;
      while (x < toks.length && x < s + WINDOW && toks[x]!.w !== ';' && !['.', '?', '!', ':'].includes(toks[x]!.w)) x++;
      if (toks[x]?.w === ';' && toks[s]?.w === ',') s = x;
    }
    if (toks[s]?.w === ',' || (semi && toks[s]?.w === ';')) s++;
    if (toks[s] && COORD.has(toks[s]!.w)) s++, (coord = true);
    else if (toks[s]?.w === 'as' && toks[s + 1]?.w === 'well' && toks[s + 2]?.w === 'as') s += 3, (coord = true);
    else if ((toks[s]?.w === 'together' || toks[s]?.w === 'along') && toks[s + 1]?.w === 'with') s += 2, (coord = true);
    if (s === k) break;
    // "at A and at B": the preposition repeated
    if (prep && toks[s]?.w === prep) s++;
    const next = npAt(p, s);
    // "A, a San Diego–based group, together with B": an apposition between items
    if (next && !next.mention && !coord && toks[next.to + 1]?.w === ',') {
      k = next.to + 1;
      continue;
    }
    if (!next || !next.mention) {
      // "A, B and other groups" / "A, B and Public Citizen": a coordinated item without a name still closes the list
      if (coord && next) closed = out.length;
      break;
    }
    out.push(next.head);
    if (coord) closed = out.length;
    k = next.to + 1;
  }
  return out.slice(0, closed);
}

/** Before a short bracket that is not a name ("Kevin Brady (R-TX)"): the token before it; else j. */
export function skipParenLeft(p: Parsed, j: number): number {
  if (p.toks[j]?.w !== ')') return j;
  for (let k = j - 1; k >= 0 && k > j - 10; k--) if (p.toks[k]!.w === '(') return isMention(p.toks[k + 1]) && k + 2 === j ? j : k - 1;
  return j;
}

/** Mention tokens coordinated with the NP at `np` to the left ("A, B and C" from C). */
export function listLeft(p: Parsed, np: NP, generic = false): number[] {
  const out = np.mention ? [np.head] : [];
  const toks = p.toks;
  let k = np.from - 1;
  let skippedTitle = false;
  for (let n = 0; n < MAX_LIST && k > 0; n++) {
    let s = k;
    let coord = false;
    let comma = false;
    if (toks[s] && COORD.has(toks[s]!.w)) s--, (coord = true);
    else if (toks[s]?.w === 'as' && toks[s - 1]?.w === 'well' && toks[s - 2]?.w === 'as') s -= 3, (coord = true);
    if (toks[s]?.w === ',') s--, (comma = true);
    if (s === k) break;
    // the separator next to the last item must hold a coordinator ("A, B and C filed"; not "in California, X filed")
    if (out.length === 1 && !coord && !skippedTitle) {
      const prev = npEndingAt(p, skipParenLeft(p, s));
      if (prev?.mention) break;
    }
    const prev = npEndingAt(p, skipParenLeft(p, s));
    if (!prev) break;
    // "Mexico's Ambassador to the United States, X": a name inside a PP belongs to a title, not the list
    if (toks[prev.from - 1] && toks[prev.from - 1]!.m < 0 && PREP.has(toks[prev.from - 1]!.w) && prev.mention && out.length && p.mentions[toks[prev.head]!.m]!.type !== p.mentions[toks[out[0]!]!.m]!.type) break;
    if (!prev.mention) {
      // "A and US Deputy Attorney General, B": a title-like NP before an item's name belongs to it
      if ((toks[k]?.w === ',' || generic) && toks[prev.from - 1] && (COORD.has(toks[prev.from - 1]!.w) || toks[prev.from - 1]!.w === ',' || generic)) {
        k = prev.from - 1;
        skippedTitle = true;
        continue;
      }
      break;
    }
    // "kept organizing from outside the plant, and his group succeeded": a name governed by a preposition or
    // a verb is an object of the clause before, not an item of a subject list
    const lead = toks[prev.from - 1];
    // (", and" before a name: clauses are joined, as they are before a description)
    if ((generic || (comma && coord)) && lead && lead.m < 0 && (PREP.has(lead.w) || p.groups.some((g) => g.to === prev.from - 1))) break;
    // "some U.S. and Mexican unions": with generic items, a place is a modifier, not an item
    if (!(generic && p.mentions[toks[prev.head]!.m]!.type === 'Place')) out.unshift(prev.head);
    k = prev.from - 1;
    // "both A and B"
    if (toks[k]?.w === 'both' || toks[k]?.w === 'either') break;
  }
  return out;
}

/**
 * Skip an aside that ends at token j (", a Michigan-based company," / "(UNT)" / "— better known as X —"):
 * the index just before the aside, or undefined when j does not close one.
 */
export function skipAsideLeft(p: Parsed, j: number): number | undefined {
  const toks = p.toks;
  const close = toks[j]?.w;
  if (close === ')') {
    for (let k = j - 1; k >= 0 && k > j - WINDOW; k--) if (toks[k]!.w === '(') return k - 1;
    return undefined;
  }
  if (close !== ',' && !DASH.has(close ?? '')) return undefined;
  for (let k = j - 1; k >= 0 && k > j - WINDOW; k--) {
    const t = toks[k]!;
    if (CLAUSE_STOP.has(t.w)) return undefined;
    if (t.w !== ',' && !(DASH.has(t.w) && DASH.has(close!)) && t.w !== '(') continue;
    const first = toks[k + 1];
    if (!first) return undefined;
    const np = npAt(p, k + 1);
    // a list item is not an aside ("A, B and C filed"); a name between dashes or brackets renames ("The Acme case — Submission 2011-02 — was …")
    if (np && np.mention && np.to === j - 1) return close === ',' ? undefined : k - 1;
    const opens = RELATIVE.has(first.w) || DET.has(first.w) || PREP.has(first.w) || (first.tags & (T.Adverb | T.Verb | T.Adjective)) !== 0 || (np && !np.mention) || (np?.possessor !== undefined);
    return opens ? k - 1 : undefined;
  }
  return undefined;
}

/** Is token k a clause boundary a scan must not cross? */
export function clauseStop(t: Tok | undefined): boolean {
  return !t || CLAUSE_STOP.has(t.w);
}

/** The finite verb group before group index gi in the same clause, if any. */
export function previousGroup(p: Parsed, gi: number): VerbGroup | undefined {
  for (let k = gi - 1; k >= 0; k--) {
    const g = p.groups[k]!;
    for (let x = g.to + 1; x < p.groups[gi]!.from; x++) if (p.toks[x]!.w === ';') return undefined;
    return g;
  }
  return undefined;
}

/** The NP after token i, skipping adverbs ("supported strongly the …"). */
export function npAfter(p: Parsed, i: number): NP | undefined {
  let k = i;
  while (k < p.toks.length && p.toks[k]!.m < 0 && (p.toks[k]!.tags & T.Adverb) !== 0 && !(p.toks[k]!.tags & (T.Noun | T.Adjective))) k++;
  return npAt(p, k);
}

/**
 * A generic NP directly renamed by a mention ("a new union, SINTTIA", "the coalition (CJM)"): the
 * mention's NP, or the NP itself.
 */
const NUMBER_LINK = new Set(['through', 'to', 'and', '-', '–', ',', 'thru']);
const TOPIC_LINK = new Set(['involving', 'concerning', 'regarding', 'against', 'about', 'at', 'of', 'by', 'in', 'contra', 'en', 'de', 'sobre']);

export function renamed(p: Parsed, np: NP, commas = true): NP {
  if (np.mention) return np;
  const toks = p.toks;
  // "several Mexican unions, including UNT, FAT and …": the examples name the group
  const k0 = np.to + 1;
  if (toks[k0]?.w === ',' && (toks[k0 + 1]?.w === 'including' || (toks[k0 + 1]?.w === 'such' && toks[k0 + 2]?.w === 'as'))) {
    const first = npAt(p, k0 + (toks[k0 + 1]!.w === 'such' ? 3 : 2));
    if (first?.mention) return first;
  }
  // "the Partnership for Prosperity program", "the USMCA's Rapid Response provision": the name the generic head classifies
  // ("the General Motors Silao plant": the body, not the place beside it)
  // ("Grupo México's San Martín mine": with only a place before the head, the possessor's phrase is read as before)
  if (np.premods.length && WORDS.classifier.has(toks[np.head]!.w)) {
    const body = [...np.premods].reverse().find((k) => p.mentions[toks[k]!.m]?.type !== 'Place');
    if (body !== undefined || np.possessor === undefined) return { ...np, head: body ?? np.premods[np.premods.length - 1]!, mention: true };
  }
  // "the USMCA's labor provisions", "Mexico's labor authorities": an agreement's text (modality content) or a
  // government noun (the discourse lexicon's) stands for its possessor
  if (np.possessor !== undefined && (WORDS.content.has(toks[np.head]!.w) || WORDS.government.has(toks[np.head]!.w))) return { ...np, head: np.possessor, mention: true, possessor: undefined, via: toks[np.head]!.w };
  // "the TPP negotiations", "the NAFTA renegotiation": a transparent head after its name, as "the negotiations of the TPP"
  if (np.premods.length && np.premods[np.premods.length - 1] === np.head - 1 && WORDS.transparent.has(toks[np.head]!.w)) return { ...np, head: np.head - 1, mention: true, via: toks[np.head]!.w };
  // "the government of Mexico", "the creation of the CFCRL", "representatives of the AFL-CIO": the name after the head
  // "Articles 2 through 5 of the NAALC", "Chapter 23 of the USMCA": numbers after the head
  let to = np.to;
  // ("Article 2" has the number as its head)
  const head = /^\d/.test(toks[np.head]!.w) && np.head > np.from && WORDS.transparent.has(toks[np.head - 1]!.w) ? np.head - 1 : np.head;
  if (WORDS.transparent.has(toks[head]!.w)) while (to < np.to + 6 && toks[to + 1] && toks[to + 1]!.m < 0 && ((toks[to + 1]!.tags & T.Value) || /^\d/.test(toks[to + 1]!.w) || NUMBER_LINK.has(toks[to + 1]!.w))) to++;
  if ((WORDS.transparent.has(toks[head]!.w) || WORDS.proxy.has(toks[head]!.w) || toks[head]!.w === 'government') && (toks[to + 1]?.w === 'of' || (toks[to + 1]?.w === 'from' && WORDS.proxy.has(toks[head]!.w)))) {
    const of = npAt(p, to + 2);
    if (of?.mention) return { ...of, via: toks[head]!.w };
  }
  // "allegations involving the Sony Corporation", "abuses by the company", "violations at X": what is alleged
  // (modality topic) stands for the body its complement names
  if (WORDS.topic.has(toks[np.head]!.w) && TOPIC_LINK.has(toks[np.to + 1]?.w ?? '')) {
    const of = npAt(p, np.to + 2);
    const r = of && (of.mention ? of : renamed(p, of, false));
    if (r?.mention) return { ...r, via: toks[np.head]!.w };
  }
  const k = np.to + 1;
  if ((toks[k]?.w === ',' && commas) || toks[k]?.w === '(') {
    const next = npAt(p, k + 1);
    if (next?.mention && (toks[next.to + 1]?.w !== '(' || toks[k]!.w === '(') && !PREP.has(toks[next.to + 1]?.w ?? '')) return next;
  }
  return np;
}

/**
 * Prepositional arguments after token i within the clause: for each preposition in `preps`, the
 * first NP it introduces (skipping other PPs, dates and the direct object). Multiword
 * prepositions ("out of", "with respect to") are matched whole.
 */
/** A preposition set's entries by their first word (each as its words), in the set's order. */
const prepIndexes = new WeakMap<Set<string>, Map<string, { prep: string; words: string[] }[]>>();
function prepIndex(preps: Set<string>): Map<string, { prep: string; words: string[] }[]> {
  let index = prepIndexes.get(preps);
  if (!index) {
    index = new Map();
    for (const prep of preps) {
      const words = prep.split(' ');
      const list = index.get(words[0]!);
      if (list) list.push({ prep, words });
      else index.set(words[0]!, [{ prep, words }]);
    }
    prepIndexes.set(preps, index);
  }
  return index;
}

/** Token k starts a finite verb group (not "to" + verb, an -ing form or a bare participle): per sentence, once. */
const finiteStarts = new WeakMap<Parsed, Set<number>>();
function startsFinite(p: Parsed, k: number): boolean {
  let starts = finiteStarts.get(p);
  if (!starts) {
    starts = new Set(p.groups.filter((g) => !g.infinitive && !g.gerund && !g.participle).map((g) => g.from));
    finiteStarts.set(p, starts);
  }
  return starts.has(k);
}

export function ppAfter(p: Parsed, i: number, preps: Set<string>, stopAtComma = true): { prep: string; np: NP; at: number }[] {
  const toks = p.toks;
  const out: { prep: string; np: NP; at: number }[] = [];
  const end = Math.min(toks.length, i + WINDOW);
  const index = prepIndex(preps);
  for (let k = i; k < end; k++) {
    const t = toks[k]!;
    if (clauseStop(t) || (stopAtComma && t.w === ',' && k > i) || RELATIVE.has(t.w) && k > i) break;
    if (k > i && startsFinite(p, k)) break;
    if (t.m >= 0) continue;
    // only the entries whose first word this token is can match here (in the set's order, as before)
    for (const { prep, words } of index.get(t.w) ?? []) {
      if (words.every((w, x) => toks[k + x]?.w === w)) {
        const np = npAt(p, k + words.length);
        if (np) out.push({ prep, np, at: k });
      }
    }
  }
  return out;
}
