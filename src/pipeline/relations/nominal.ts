/**
 * Nominal constructions: role nouns ("X, head of Y", "Y's General Secretary, X", "Y President X",
 * "X is a member of Y", "Y, whose leader is X"), facilities ("the X Y plant", "X's offices in Y",
 * "the seat of X is in Y"), entity heads with a prepositional argument ("<Case> against Y",
 * "<Agreement> between A and B", "<Org> in <Place>", "Section 65 of <Union>"), and hyphen
 * compounds ("a Michigan-based company"). Rule ids: `<lexicon entry>/<construction>`.
 */
import type { NounFrame, PredicateLexicon } from '../../ontology/predicates.js';
import type { Predicate } from '../../types.js';
import type { Candidate } from '../context.js';
import { fold } from '../../util/text.js';
import { T, type Parsed } from './clauses.js';
import type { Collector } from './emit.js';
import { anchorOf, appositionHost, asserted, subjectOf } from './frames.js';
import { DET, INDEFINITE, PREP, WINDOW, isMention, listLeft, listRight, npAt, npEndingAt, ppAfter, renamed, roleWord, skipParenLeft, type NP } from './phrases.js';

const COPULA = new Set(['is', 'am', "'m", 'was', 'are', 'were', 'be', 'been', 'being', 'became', 'become', 'becomes', 'remains', 'remained', 'remain', "'s", 'serves', 'served', 'serve', 'serving', 'acts', 'acted', 'named', 'elected', 'appointed', 'reelected', 're-elected', 'chosen', 'held', 'holds', 'hold', 'holding', 'occupied', 'occupies', 'accepted', 'working', 'works', 'worked', 'work']);

/** Longest lexicon phrase at token k of `map`, if any. */
function phraseAt(p: Parsed, k: number, map: Map<string, NounFrame[]>): NounFrame[] {
  const t = p.toks[k];
  if (!t || t.m >= 0) return [];
  const w0 = map.has(t.w) ? t.w : roleWord(t.w);
  const list = map.get(w0);
  if (!list) return [];
  const hit = list.find((f) => f.words.every((w, x) => (x === 0 ? w0 : p.toks[k + x]?.w) === w && p.toks[k + x]!.m < 0));
  return hit ? list.filter((f) => f.words.length === hit.words.length && f.words.every((w, x) => w === hit.words[x])) : [];
}

/** Relations from the nominal constructions of one sentence. */
export function nominalRelations(p: Parsed, lex: PredicateLexicon, out: Collector, kindOf: (id: string) => string | undefined = () => undefined): void {
  adjacentPlace(p, out, kindOf);
  unitOfName(p, out);
  possessedPerson(p, out);
  captionItems(p, out);
  bracketedPlace(p, out);
  appositionPlaces(p, out);
  roles(p, lex, out);
  facilities(p, lex, out);
  heads(p, lex, out, kindOf);
  sharedCaseCues(p, lex, out, kindOf);
  compounds(p, lex, out);
  affiliationSuffix(p, out, kindOf);
}

/**
 * "the Association of Flight Attendants, AFL-CIO", "San Francisco Labor Council (AFL-CIO)": a
 * federation's name written right after a union's, with no determiner, is the union's affiliation
 * (the convention unions sign with). A list ("the UAW, the AFL-CIO and …") has determiners or a
 * coordinator after the federation, and is left alone.
 */
function affiliationSuffix(p: Parsed, out: Collector, kindOf: (id: string) => string | undefined): void {
  const toks = p.toks;
  for (let k = 0; k + 2 < toks.length; k++) {
    const a = toks[k]!;
    const sep = toks[k + 1]!;
    const b = toks[k + 2]!;
    if (a.m < 0 || b.m < 0 || (sep.w !== ',' && sep.w !== '(') || b.start - a.end > 2) continue;
    const ma = p.mentions[a.m]!;
    const mb = p.mentions[b.m]!;
    if (out.type(ma.entity) !== 'Organization' || out.type(mb.entity) !== 'Organization') continue;
    if (kindOf(mb.entity!) !== 'federation' || kindOf(ma.entity!) === 'federation') continue;
    // "the Regional Confederation of Workers and Peasants (CROC)": a federation's own name before its acronym;
    // "International Affairs Department, AFL-CIO": a unit of the federation, not a member
    if (NOT_AFFILIATE.test(ma.name ?? out.entity(ma.entity!)?.name ?? '')) continue;
    const next = toks[k + 3];
    const closed = sep.w === '(' ? next?.w === ')' : !next || ['.', ',', ';', ')', ':'].includes(next.w) && !COORD_AFTER.has(toks[k + 4]?.w ?? '');
    if (!closed) continue;
    out.emit(ma, 'MEMBER_OF', mb, 'member.affiliation/suffix', { start: p.start, end: p.end });
  }
}
const RELATIVE_THAT = new Set(['which', 'that']);
const NOT_AFFILIATE = /\b(?:con)?federa(?:tion|ción|cion)\b|\bcongress\b|\bcentral\b|\bdepartment\b|\boffice\b|\bdivision\b|\bbureau\b|\bsecretariat\b|\bdirectorate\b/i;
/** "X, AFL-CIO, and Y": a coordinator after the federation makes it a list item. */
const COORD_AFTER = new Set(['and', 'or', 'the']);

/** Role nouns and who holds them toward whom. */

function roles(p: Parsed, lex: PredicateLexicon, out: Collector): void {
  const toks = p.toks;
  const ev = { start: p.start, end: p.end };
  const m = (k: number) => p.mentions[toks[k]!.m]!;
  for (let k = 0; k < toks.length; k++) {
    const frames = phraseAt(p, k, lex.roles);
    if (!frames.length) continue;
    const end = k + frames[0]!.words.length - 1;
    // the phrase's left edge: modifiers, a premodifying mention, a possessor, a determiner
    let s = k - 1;
    let sub = false;
    let possessor: number | undefined;
    const premods: number[] = [];
    let det: string | undefined;
    for (let n = 0; s >= 0 && n < 8; n++, s--) {
      const t = toks[s]!;
      if (t.m >= 0) {
        // a name right before a title holds it ("Julie Watts Visiting Fellow, …"): not a modifier
        if (out.type(p.mentions[t.m]!.entity) === 'Person' && !(toks[s + 1]?.w === "'s")) break;
        if (toks[s + 1]?.w === "'s" || toks[s + 1]?.w === "'") possessor = s;
        else if ((p.mentions[t.m] as { possessive?: boolean }).possessive) possessor = s;
        else premods.push(s);
        continue;
      }
      if (t.w === "'s" || t.w === "'") continue;
      if (lex.modality['role-sub'].has(t.w)) { sub = true; continue; }
      if (lex.modality['role-skip'].has(t.w) || t.w === '-') continue;
      // "a nationally elected co-president": an adverb of manner before a modifier
      if ((t.tags & T.Adverb) && /ly$/.test(t.w) && s + 1 < k) continue;
      // "the monitoring and enforcement team leader": coordinated modifiers
      if ((t.w === 'and' || t.w === ',') && toks[s - 1] && toks[s - 1]!.m < 0 && (toks[s - 1]!.tags & (T.Noun | T.Adjective)) && !PREP.has(toks[s - 1]!.w)) continue;
      if (DET.has(t.w)) { det = t.w; s--; break; }
      // ("its Mexican counterparts": a demonym is a modifier, other capitalised words are names)
      if ((t.tags & (T.Adjective | T.Noun)) && !(t.tags & T.Verb) && !PREP.has(t.w) && (!t.cap || (t.tags & T.Demonym))) continue;
      break;
    }
    const from = s + 1;
    // coordinated roles share the PP: "former workers and union leaders at Duro Bag"
    let last = end;
    // the last coordinated role says whether the phrase is plural ("workers and union leaders at X": every holder)
    let lastPlural: boolean | undefined;
    for (let n = 0; n < 3; n++) {
      const x = last + 1;
      if (!(toks[x]?.w === 'and' || toks[x]?.w === ',')) break;
      let y = x + 1;
      while (toks[y] && toks[y]!.m < 0 && (toks[y]!.tags & (T.Adjective | T.Noun)) && !phraseAt(p, y, lex.roles).length && y < x + 4) y++;
      const next = phraseAt(p, y, lex.roles);
      if (!next.length) break;
      last = y + next[0]!.words.length - 1;
      lastPlural = next.some((fr) => fr.plural);
    }
    // ("a co-president" is one of the presidents: no less a head)
    const indefinite = roleWord(toks[k]!.w) === toks[k]!.w && ((det !== undefined && INDEFINITE.has(det)) || (toks[from - 1]?.w === 'of' && toks[from - 2]?.w === 'one'));
    // the organisation: a PP after the phrase, the possessor, or a premodifying mention
    // "Y, whose (longtime) leader, X," / "Y, whose president is X"
    if (toks[from - 1]?.w === 'whose') {
      const comma = toks[from - 2]?.w === ',';
      const y0 = npEndingAt(p, comma ? from - 3 : from - 2);
      // "X, a network of unions from two countries, whose members include …": the name the apposition renames
      const y = y0?.mention ? y0 : (y0 && anchorOf(p, y0)) ?? (comma ? appositionHost(p, from - 2) : undefined);
      let h = last + 1;
      if (toks[h]?.w === ',') h++;
      // "whose president is X", "whose member unions include X, Y and Z"
      else if (p.groups.some((g) => g.from === h && (COPULA.has(g.form) || /^(include|includes|included|comprise|comprises)$/.test(g.form)))) h = p.groups.find((g) => g.from === h)!.to + 1;
      const x = npAt(p, h);
      if (y?.mention && x?.mention) for (const f of frames.filter((fr) => fr.prep.has('of') || fr.prep.has('de'))) for (const xh of f.plural ? listRight(p, x) : [x.head]) out.emit(m(xh), sub && f.entry.predicate === 'LEADS' ? 'WORKS_FOR' : f.entry.predicate, m(y.head), `${f.entry.id}/whose`, ev, f.entry);
      k = last;
      continue;
    }
    for (const f of frames) {
      const { orgs: ppObjs, end: ppEnd, generic, unit } = roleObject(p, out, f, last + 1, lex);
      // "its Mexican counterparts at the FAT": the body in the PP holds the role toward the possessor
      if (f.entry.possessor_holds) {
        if (possessor !== undefined) for (const o of ppObjs) out.emit(m(possessor), f.entry.predicate, m(o), `${f.entry.id}/possessor`, ev, f.entry);
        continue;
      }
      // a possessor or premodifier names the organisation only for "of" roles ("UE's director", "the AFL-CIO president")
      const ofRole = f.prep.has('of') || f.prep.has('de');
      let orgs = ppObjs.length ? ppObjs : ofRole && possessor !== undefined ? [possessor] : ofRole && premods.length && possessor === undefined ? [premods[0]!] : [];
      let phraseEnd = ppObjs.length ? ppEnd : last;
      // a byline or contact line: "X, Deputy Director, International Affairs Department, AFL-CIO"
      let chain: number[] = [];
      let chainAt = generic ? ppEnd : last + 1;
      // "Director General of International and Intergovernmental Labour Affairs, ESDC": past the rest of a unit's capitalised name
      if (generic) for (let x = chainAt, n = 0; n < 8 && toks[x] && toks[x]!.m < 0 && toks[x]!.w !== ','; x++, n++) {
        if (!toks[x]!.cap && !out.isNameConnector(toks[x]!.w)) break;
        if (toks[x + 1]?.w === ',') chainAt = x + 1;
      }
      if (!orgs.length && toks[chainAt]?.w === ',') {
        chain = orgChain(p, out, chainAt + 1);
        if (chain.length) {
          orgs = chain;
          phraseEnd = chain[chain.length - 1]!;
        }
      }
      if (!orgs.length) continue;
      // a chain names the body a title is "of" ("President, X"), not one it is "at" (works-for.leader-at)
      if (chain.length && !ofRole) continue;
      let predicate: Predicate = f.entry.predicate;
      if (indefinite && f.entry.indefinite) predicate = f.entry.indefinite;
      // a deputy, or the head of a unit named only in words ("Coordinadora General de Asuntos Internacionales, STPS"), works for it
      if ((sub || unit || (generic && (chain.length || !ppObjs.length))) && predicate === 'LEADS') predicate = 'WORKS_FOR';
      for (let c = 0; c + 1 < chain.length; c++) out.emit(m(chain[c]!), 'PART_OF', m(chain[c + 1]!), 'part-of.chain/apposition', ev);
      for (const [all, construction] of holdersOf(p, lex, from, phraseEnd, possessor, premods)) {
        // "A and B, head of C": a singular role is the nearest holder's; so are coordinated singular roles
        // ("A, B and C, leader and member of D": C's), plural ones every holder's ("A and B, workers and leaders at C")
        const holders = f.plural || (last > end && lastPlural) ? all : all.slice(-1);
        for (const h of holders) orgs.forEach((o, x) => {
          const [a, b] = f.entry.swap ? [o, h] : [h, o];
          // along a chain the title is the first body's; the person works for the others
          out.emit(m(a), x > 0 && chain.length ? 'WORKS_FOR' : predicate, m(b), `${f.entry.id}/${x > 0 && chain.length ? 'chain' : construction}`, ev, f.entry);
        });
      }
    }
    k = last;
  }
}

/**
 * A role's object after token k: a PP with one of the role's prepositions whose object is a
 * mention that fits, possibly after PPs that name no entity ("Director for International
 * Economics at the AFL-CIO"); `generic` tells whether such a PP came first.
 */
function roleObject(p: Parsed, out: Collector, f: NounFrame, k: number, lex: PredicateLexicon): { orgs: number[]; end: number; generic: boolean; unit: boolean } {
  const toks = p.toks;
  let generic = false;
  let unit = false;
  for (let n = 0; n < 4 && toks[k] && toks[k]!.m < 0; n++) {
    // ", at the Centre …": a comma may separate the role's PP from intervening phrases
    if (toks[k]!.w === ',' && n > 0 && f.prep.has(toks[k + 1]?.w ?? '')) k++;
    if (!PREP.has(toks[k]!.w)) break;
    const np = npAt(p, k + 1);
    if (!np) break;
    // (a comma after the object starts a byline chain, not an apposition: "…de Asuntos Internacionales, STPS")
    const obj = renamed(p, np, false);
    // "an important ally of the Fox administration", "a worker at the General Motors Silao plant": the nearest
    // premodifying name of the role's range stands for the generic head
    if (!obj.mention && np.premods.length) {
      const fit = [...np.premods].reverse().find((x) => !f.entry.range || f.entry.range.includes(out.type(p.mentions[toks[x]!.m]!.entity) as never));
      if (fit !== undefined) Object.assign(obj, { head: fit, mention: true });
    }
    // "the president of the AFL-CIO Richard Trumka": the person after the body is the holder, the body the object
    if (f.prep.has(toks[k]!.w) && obj.mention && np.premods.length && out.type(p.mentions[toks[obj.head]!.m]!.entity) === 'Person') {
      const body = np.premods[np.premods.length - 1]!;
      if (body === obj.head - 1 && out.type(p.mentions[toks[body]!.m]!.entity) === 'Organization') return { orgs: [body], end: body, generic, unit };
    }
    if (f.prep.has(toks[k]!.w) && obj.mention) {
      const t = out.type(p.mentions[toks[obj.head]!.m]!.entity);
      if (!f.entry.range || (t && f.entry.range.includes(t))) {
        const orgs = listRight(p, obj, toks[k]!.w);
        // "director of the Solidarity Center in Mexico", "directora del Centro de Solidaridad en México": the head of
        // its office there, a post in the body
        const at = toks[orgs[orgs.length - 1]! + 1];
        const there = (at?.w === 'in' || at?.w === 'en') && isMention(toks[orgs[orgs.length - 1]! + 2]) && out.type(p.mentions[toks[orgs[orgs.length - 1]! + 2]!.m]!.entity) === 'Place';
        return { orgs, end: orgs[orgs.length - 1]!, generic, unit: unit || there };
      }
    }
    // ("in 2019", "since June": a date is no unit the role could be in)
    if (!obj.mention && !(toks[np.head]!.tags & (T.Date | T.Value))) {
      generic = true;
      // "director of the state office for the UFW": a part of the body the role is of (a part-of role noun)
      if (lex.roles.get(toks[np.head]!.w)?.some((r) => r.entry.predicate === 'PART_OF')) unit = true;
    }
    k = obj.to + 1;
  }
  return { orgs: [], end: k, generic, unit };
}

/** Organisations in a comma chain that ends the phrase: ", International Affairs Department, AFL-CIO[,.]". */
function orgChain(p: Parsed, out: Collector, k: number): number[] {
  const toks = p.toks;
  const chain: number[] = [];
  for (let n = 0; n < 4; n++) {
    const np = npAt(p, k);
    if (!np?.mention || np.from !== np.head && toks[np.from]!.w !== 'the' || out.type(p.mentions[toks[np.head]!.m]!.entity) !== 'Organization') break;
    chain.push(np.head);
    const next = toks[np.to + 1];
    if (next?.w !== ',') return !next || ['.', ';', ')'].includes(next.w) || next.cap ? chain : [];
    k = np.to + 2;
  }
  // the chain must end the phrase (a place or date may follow: ", AFL-CIO, Washington, D.C., December 2002"),
  // or the next item of a list of titled people (", and Mr. X, …") or the clause's verb (", co-chaired the meeting")
  const after = toks[k];
  const ends = !after || after.m >= 0 || after.cap || (after.tags & (T.Date | T.Value)) || (after.w === 'and' && (toks[k + 1]?.cap || (toks[k + 1]?.m ?? -1) >= 0)) || p.groups.some((g) => g.from === k && !g.gerund);
  return chain.length && ends ? chain : [];
}

/** Who holds a role phrase spanning tokens [from, to]: apposition, copula, title, "whose". */
function holdersOf(p: Parsed, lex: PredicateLexicon, from: number, to: number, possessor: number | undefined, premods: number[]): [number[], string][] {
  const toks = p.toks;
  const out: [number[], string][] = [];
  // "X, now also a member of Y": adverbs between the comma and the role
  let b = from - 1;
  while (b > 0 && toks[b]!.m < 0 && lex.modality['role-skip'].has(toks[b]!.w)) b--;
  if (b < from - 1 && toks[b]?.w === ',') from = b + 1;
  const before = toks[from - 1];
  // "X, president of Y" / "X (a member of Y)" / "X—a faction of Y—"
  // (not a title before the next name: "A, Women’s Bureau Director B" is B's title)
  const titleOfNext = isMention(toks[to + 1]) && p.mentions[toks[to + 1]!.m]!.type === 'Person';
  if (before && (before.w === ',' || before.w === '(' || before.w === '-') && !titleOfNext) {
    const np = npEndingAt(p, skipParenLeft(p, from - 2));
    // a place holds no role ("In Mexico, the leader of the SNTE, X")
    if (np?.mention && np.possessor === undefined && p.mentions[toks[np.head]!.m]!.type !== 'Place') out.push([listLeft(p, np), 'apposition']);
  }
  // a byline: "Julie Watts Visiting Fellow, Center for …" (a capitalised title right after the name)
  if (before && before.m >= 0 && toks[from]!.cap && !out.length) {
    const np = npEndingAt(p, from - 1);
    if (np?.mention) out.push([[np.head], 'byline']);
  }
  // "X is a member of Y", "X served as president of Y", "who is the head of Y"
  // (also "X is one of the member unions of Y")
  const gi = p.groups.findIndex((g) => g.to === from - 1 || (g.to === from - 2 && toks[from - 1]!.w === 'as') || (g.to === from - 3 && toks[from - 2]!.w === 'one' && toks[from - 1]!.w === 'of'));
  if (gi >= 0 && COPULA.has(p.groups[gi]!.form) && asserted(p, gi, lex)) out.push([subjectOf(p, gi), 'copula']);
  // "they saw X as a key organizer of Y", "named X as director of Y": a verb's object holds the role "as" gives it
  if (!out.length && before?.w === 'as' && isMention(toks[from - 2])) {
    const np = npEndingAt(p, from - 2);
    const vi = np ? p.groups.findIndex((g) => g.to === np.from - 1) : -1;
    if (np?.mention && np.possessor === undefined && vi >= 0 && p.mentions[toks[np.head]!.m]!.type !== 'Place' && asserted(p, vi, lex)) out.push([[np.head], 'as-object']);
  }
  // "the leader of Y, X" / "Y's General Secretary, X" / "Y President X" (no comma)
  if (toks[to + 1]?.w === '(' && isMention(toks[to + 2]) && toks[to + 3]?.w === ')') to += 3;
  const next = toks[to + 1];
  if (next?.w === ',' || isMention(next)) {
    const np = npAt(p, next!.w === ',' ? to + 2 : to + 1);
    // (a dateline's dash or a colon opens the phrase too: "WASHINGTON – The top Republican on X Vern Buchanan …")
    const opens = from === 0 || toks[from - 1]!.w === ',' || ['-', '–', '—', ':'].includes(toks[from - 1]!.w) || toks[from - 1]!.m < 0 && (PREP.has(toks[from - 1]!.w) || (toks[from - 1]!.tags & T.Verb) !== 0) || possessor !== undefined || premods.length > 0;
    if (np?.mention && opens && !out.length && (next!.w !== ',' || toks[np.to + 1]?.w !== ',' || !isMention(toks[np.to + 2]))) out.push([[np.head], next!.w === ',' ? 'fronted' : 'title']);
  }
  // "GM and its CTM union partners": the premodifying mention holds the role toward the possessor
  if (!out.length && possessor !== undefined && premods.length) out.push([premods, 'premodifier']);
  return out;
}

/** Facilities: "the General Motors Silao plant", "X's plant in Y", "the seat of X will be in Y", "X has offices in Y". */
function facilities(p: Parsed, lex: PredicateLexicon, out: Collector): void {
  const toks = p.toks;
  const ev = { start: p.start, end: p.end };
  const m = (k: number) => p.mentions[toks[k]!.m]!;
  const typeAt = (k: number) => out.type(m(k).entity);
  for (let k = 0; k < toks.length; k++) {
    const frames = phraseAt(p, k, lex.facilities);
    if (!frames.length) continue;
    const f = frames[0]!;
    const end = k + f.words.length - 1;
    const owners: number[] = [];
    const places: number[] = [];
    for (let s = k - 1; s >= 0 && s > k - 8; s--) {
      const t = toks[s]!;
      if (t.m >= 0) (typeAt(s) === 'Place' ? places : owners).push(s);
      // ("Sprint's San Francisco telemarketing plant", "a meat processing plant": a gerund modifies the facility)
      else if (!(t.w === "'s" || t.w === "'" || (t.tags & (T.Adjective | T.Noun | T.Gerund)) && !PREP.has(t.w))) break;
    }
    // "the seat of X", "the X plant of Y"
    const of = toks[end + 1]?.w === 'of' ? npAt(p, end + 2) : undefined;
    if (of?.mention && typeAt(of.head) !== 'Place') owners.push(of.head);
    const tail = of?.mention ? of.to + 1 : end + 1;
    let pp: ReturnType<typeof ppAfter>[number] | undefined = ppAfter(p, tail, f.prep)[0];
    if (pp && pp.at !== tail) pp = undefined;
    // "… will be in Mexico City"
    if (!pp) {
      const g = p.groups.find((x) => x.from === tail && COPULA.has(x.form));
      if (g) pp = ppAfter(p, g.to + 1, f.prep).find((x) => x.at === g.to + 1);
    }
    // "X's plant, which produces guacamole in Uruapan, …": a place in the facility's relative clause
    const rel = toks[tail]?.w === ',' ? tail + 1 : tail;
    if (!pp && RELATIVE_THAT.has(toks[rel]?.w ?? '')) {
      for (let x = rel + 1; x < toks.length && x < tail + 14 && ![',', ';', '.', '(', ':'].includes(toks[x]!.w); x++) {
        if (toks[x]!.m >= 0) break;
        if (!f.prep.has(toks[x]!.w)) continue;
        const np = npAt(p, x + 1);
        if (np?.mention && typeAt(np.head) === 'Place') pp = { at: x, prep: toks[x]!.w, np };
        break;
      }
    }
    // ("in the city of San Luis Potosí")
    const ppObj = pp && (out.isPlaceNoun(toks[pp.np.head]!.w) && toks[pp.np.to + 1]?.w === 'of' ? npAt(p, pp.np.to + 2) : pp.np);
    if (ppObj?.mention && typeAt(ppObj.head) === 'Place') places.push(ppObj.head);
    if (!owners.length && !f.entry.owner_named) {
      // "X has / opened / operates offices in Y"
      let s = k - 1;
      while (s >= 0 && toks[s]!.m < 0 && (DET.has(toks[s]!.w) || (toks[s]!.tags & (T.Adjective | T.Value)))) s--;
      const gi = p.groups.findIndex((g) => g.to === s);
      if (gi >= 0 && asserted(p, gi, lex)) owners.push(...subjectOf(p, gi));
    }
    for (const o of owners) for (const pl of places.slice(0, 1)) out.emit(m(o), f.entry.predicate, m(pl), `${f.entry.id}/facility`, ev, f.entry);
    k = end;
  }
}

/** Entity heads with a prepositional argument: "<Case> against Y", "<Agreement> between A and B", "<Org> in <Place>". */
function heads(p: Parsed, lex: PredicateLexicon, out: Collector, kindOf: (id: string) => string | undefined): void {
  const toks = p.toks;
  const ev = { start: p.start, end: p.end };
  const m = (k: number) => p.mentions[toks[k]!.m]!;
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k]!;
    if (t.m < 0) continue;
    const type = out.type(m(k).entity);
    const entries = type ? lex.heads.get(type) : undefined;
    if (!entries) continue;
    // the mention heads its phrase: not a premodifier ("the Duro plant") or the object of a generic noun's "of"
    if (isMention(toks[k + 1]) || (toks[k + 1] && (toks[k + 1]!.tags & T.Noun) && toks[k + 1]!.m < 0 && !PREP.has(toks[k + 1]!.w))) continue;
    let after = k + 1;
    if (toks[after]?.w === '(') while (toks[after] && toks[after]!.w !== ')' && after < k + 14) after++;
    if (toks[after]?.w === ')') after++;
    // a pronoun takes no complement ("as it transformed the relationship between …")
    if ((m(k).rule ?? '').startsWith('discourse.pron')) continue;
    // "… filed by X against Y": a participle between the head and its PP
    const g = p.groups.find((x) => x.from === after && x.participle && toks[x.to + 1]?.w === 'by');
    const starts = g ? [after, g.to + 1] : [after];
    // "the January 17 petition, by X and Y, alleged …": an agent set off by commas
    if (toks[after]?.w === ',' && toks[after + 1]?.w === 'by') starts.push(after + 1);
    // "a hearing of the JFCA in Mexico City": the place phrase belongs to the generic noun
    const lead = toks[k - 1]?.w === 'the' ? k - 2 : k - 1;
    // (not a facility: "two locations of Acme in Pachuca" are Acme's, in Pachuca)
    const ofGeneric = toks[lead]?.w === 'of' && toks[lead - 1] && toks[lead - 1]!.m < 0 && (toks[lead - 1]!.tags & T.Noun) !== 0 && !lex.facilities.has(toks[lead - 1]!.w);
    for (const e of entries) {
      if (e.fronted) continue;
      // a unit's name is needed for "X of Y" ("Section 65 of …"), not for "Y's X" ("the AFL-CIO's Solidarity Center")
      const named = !e.head_names || headNamed(out, m(k).entity, e.head_names);
      // (an event or programme takes its place phrase itself: "on the eve of the Summit in Toluca")
      if (e.predicate === 'LOCATED_IN' && ofGeneric && type === 'Organization') continue;
      const preps = new Set((e.prep ?? []).filter((x) => x !== "'s"));
      if (e.prep?.includes("'s") && k > 0) {
        // "X's petition", "the Department's Civil Rights Division": the possessor is the argument
        const np = npEndingAt(p, k);
        if (np?.possessor !== undefined && np.head === k) for (const h of listRight(p, np)) emit(h, np.possessor, e.swap, e, 'possessive');
      }
      if (!named) continue;
      for (const at of starts) {
        const pp = ppAfter(p, at, preps, false).find((x) => x.at === at || (g && x.at > g.to && x.at <= g.to + 6));
        if (!pp) continue;
        let obj = renamed(p, pp.np);
        // "the Convention in Los Angeles immigration reform became …": a place right after the preposition
        if (!obj.mention && e.range?.includes('Place') && pp.np.premods.length && pp.np.premods[0]! <= pp.at + 2 && p.mentions[toks[pp.np.premods[0]!]!.m]!.type === 'Place') obj = { ...pp.np, head: pp.np.premods[0]!, mention: true };
        // "a petition concerning Grupo México's San Martín mine": the owner of a generic place
        // (a place before the head only locates it: "on the Washington State apple industry")
        if (!obj.mention && e.predicate === 'TARGETS') {
          const owner = pp.np.possessor ?? pp.np.premods.find((x) => out.type(m(x).entity) !== 'Place');
          if (owner !== undefined) obj = { ...pp.np, head: owner, mention: true };
          // "concerning the treatment of migrant workers in the United States": a company or a country down the phrase
          else {
            const deep = caseObject(p, out, kindOf, pp.np);
            if (deep !== undefined) obj = { ...pp.np, head: deep, mention: true };
          }
        }
        if (obj.mention && p.mentions[toks[obj.head]!.m]!.entity === m(k).entity && e.predicate === 'TARGETS') {
          // "a petition concerning X's mine, the San Martín case": the apposition is the case itself
          const owner = pp.np.possessor ?? pp.np.premods[0];
          if (owner !== undefined) obj = { ...pp.np, head: owner, mention: true };
        }
        if (!obj.mention || obj.head === k) continue;
        // "in Silao, Guanajuato": a city and its state, not a list
        // (but "between the United States, Canada, and Mexico" is a list)
        const objs = out.type(m(obj.head).entity) === 'Place' && pp.prep !== 'between' && pp.prep !== 'among' ? [obj.head] : listRight(p, obj);
        for (const o of objs) emit(k, o, e.swap, e, pp.prep.replace(/\s+/g, '-'));
      }
    }
  }
  function emit(a: number, b: number, swap: boolean | undefined, e: (typeof lex.entries)[number], how: string): void {
    const [s, o] = swap ? [b, a] : [a, b];
    out.emit(m(s), e.predicate, m(o), `${e.id}/${how}`, ev, e);
  }
}

/**
 * What a case concerns when its cue's object is a generic phrase: down a chain of of/in/at phrases
 * ("the treatment of migrant workers in the United States", "the dismissal of workers at Acme"),
 * the first name — taken when it is a company or a country.
 */
function caseObject(p: Parsed, out: Collector, kindOf: (id: string) => string | undefined, np: NP): number | undefined {
  const toks = p.toks;
  let cur = np;
  for (let n = 0; n < 4; n++) {
    const k = cur.to + 1;
    if (!['of', 'in', 'at'].includes(toks[k]?.w ?? '') || toks[k]!.m >= 0) return undefined;
    const next = npAt(p, k + 1);
    if (!next) return undefined;
    if (next.mention) {
      const id = p.mentions[toks[next.head]!.m]!.entity;
      const type = out.type(id);
      return id && ((type === 'Place' && kindOf(id) === 'country') || (type === 'Organization' && kindOf(id) === 'company')) ? next.head : undefined;
    }
    cur = next;
  }
  return undefined;
}

/** "A on X and B on Y, both concerning Z": a cue after "both"/"each" speaks of every case listed before it. */
function sharedCaseCues(p: Parsed, lex: PredicateLexicon, out: Collector, kindOf: (id: string) => string | undefined): void {
  const toks = p.toks;
  const entry = lex.heads.get('Case')?.find((e) => e.predicate === 'TARGETS' && !e.fronted);
  if (!entry) return;
  const preps = new Set(entry.prep ?? []);
  for (let k = 1; k + 1 < toks.length; k++) {
    if (!['both', 'each', 'all'].includes(toks[k]!.w) || toks[k - 1]!.w !== ',' || !preps.has(toks[k + 1]!.w)) continue;
    const cases = new Set<number>();
    for (let x = k - 2; x >= 0 && x > k - WINDOW && !['.', ';', ':'].includes(toks[x]!.w); x--) if (toks[x]!.m >= 0 && out.type(p.mentions[toks[x]!.m]!.entity) === 'Case') cases.add(x);
    if (new Set([...cases].map((x) => p.mentions[toks[x]!.m]!.entity)).size < 2) continue;
    const np = npAt(p, k + 2);
    if (!np) continue;
    const obj = np.mention ? np.head : caseObject(p, out, kindOf, np);
    if (obj === undefined) continue;
    for (const c of cases) out.emit(p.mentions[toks[c]!.m]!, 'TARGETS', p.mentions[toks[obj]!.m]!, `${entry.id}/shared`, { start: p.start, end: p.end }, entry);
  }
}

/** "ITAPSA, an Echlin subsidiary in Puebla": a place phrase on an apposition locates its anchor. */
function appositionPlaces(p: Parsed, out: Collector): void {
  const toks = p.toks;
  for (let k = 1; k + 1 < toks.length; k++) {
    if (toks[k]!.m >= 0 || (toks[k]!.w !== 'in' && toks[k]!.w !== 'at')) continue;
    const place = npAt(p, k + 1);
    if (!place?.mention || out.type(p.mentions[toks[place.head]!.m]!.entity) !== 'Place') continue;
    const np = npEndingAt(p, k - 1);
    if (!np || np.mention || np.possessor !== undefined) continue;
    const anchor = anchorOf(p, np);
    if (anchor && out.type(p.mentions[toks[anchor.head]!.m]!.entity) === 'Organization') out.emit(p.mentions[toks[anchor.head]!.m]!, 'LOCATED_IN', p.mentions[toks[place.head]!.m]!, 'located.in/apposition', { start: p.start, end: p.end });
  }
}

/**
 * A caption or list of people with their bodies: "Pictured: Ana Ruiz, IHRB; Luis Pena, FairWork; …" —
 * an item that is a person, a comma and an organisation, between item breaks (start, ";", ":"), is
 * that person's organisation (WORKS_FOR). A person item of another shape says nothing.
 */
function captionItems(p: Parsed, out: Collector): void {
  const toks = p.toks;
  const opens = (k: number) => k < 0 || toks[k]!.w === ';' || toks[k]!.w === ':';
  const closes = (k: number) => k >= toks.length || toks[k]!.w === ';' || toks[k]!.w === '.';
  if (!toks.some((t) => t.w === ';')) return;
  for (let k = 0; k + 2 < toks.length; k++) {
    if (!opens(k - 1) || toks[k]!.m < 0 || toks[k + 1]!.w !== ',') continue;
    const person = p.mentions[toks[k]!.m]!;
    if (out.type(person.entity) !== 'Person') continue;
    const np = npAt(p, k + 2);
    if (!np?.mention || np.from !== np.head && toks[np.from]!.w !== 'the' || !closes(np.to + 1)) continue;
    const org = p.mentions[toks[np.head]!.m]!;
    if (out.type(org.entity) === 'Organization') out.emit(person, 'WORKS_FOR', org, 'works-for.caption/list', { start: p.start, end: p.end });
  }
}

/** "SITGM’s Julio Flores explained …": a person named as an organisation's own, with no title, belongs to it. */
function possessedPerson(p: Parsed, out: Collector): void {
  const toks = p.toks;
  for (let k = 0; k + 2 < toks.length; k++) {
    const a = toks[k]!;
    const poss = toks[k + 1]!;
    const b = toks[k + 2]!;
    if (a.m < 0 || b.m < 0 || (poss.w !== "'s" && poss.w !== '’s') || poss.start !== a.end) continue;
    const org = p.mentions[a.m]!;
    const person = p.mentions[b.m]!;
    // (a title inside the person's token is the role rules' to read: "the UAW's President X")
    if (out.type(org.entity) !== 'Organization' || out.type(person.entity) !== 'Person' || (person.title && person.title.end <= person.start)) continue;
    out.emit(person, 'MEMBER_OF', org, 'member.possessive/name', { start: p.start, end: p.end });
  }
}

/** Each two mentions one space apart ("UAW Local 600", "Goodyear Tire San Luis Potosí"), with the token index of the second. */
function adjacentMentions(p: Parsed, visit: (a: Candidate, b: Candidate, k: number) => void): void {
  const toks = p.toks;
  for (let k = 0; k + 1 < toks.length; k++) {
    const a = toks[k]!;
    const b = toks[k + 1]!;
    if (a.m >= 0 && b.m >= 0 && b.start - a.end === 1) visit(p.mentions[a.m]!, p.mentions[b.m]!, k + 1);
  }
}

/**
 * "UAW Local 600", "USW District 11": a numbered unit written right after its organisation's name is part
 * of it — one name holding the organisation's ("IBT Local 745", its `parent`), or two mentions side by side.
 */
function unitOfName(p: Parsed, out: Collector): void {
  for (const unit of p.mentions) {
    const id = unit.parent?.entity;
    if (unit.rule !== 'org.unit' || !id || id === unit.entity || out.type(id) !== 'Organization') continue;
    out.emit(unit, 'PART_OF', { start: unit.parent!.start, end: unit.parent!.end, type: 'Organization', rule: 'org.unit-parent', entity: id }, 'part-of.unit/name', { start: p.start, end: p.end });
  }
  adjacentMentions(p, (org, unit) => {
    if (unit.rule === 'org.unit' && org.rule !== 'org.unit' && out.type(org.entity) === 'Organization') out.emit(unit, 'PART_OF', org, 'part-of.unit/name', { start: p.start, end: p.end });
  });
}

/** "the Tijuana Workers Committee (Tijuana)", "PCUN (Oregon)": a place alone in brackets after an organisation locates it. */
function bracketedPlace(p: Parsed, out: Collector): void {
  const toks = p.toks;
  for (let k = 0; k + 3 < toks.length; k++) {
    if (toks[k]!.m < 0 || toks[k + 1]!.w !== '(' || toks[k + 2]!.m < 0 || toks[k + 3]!.w !== ')') continue;
    const org = p.mentions[toks[k]!.m]!;
    const place = p.mentions[toks[k + 2]!.m]!;
    if (out.type(org.entity) === 'Organization' && out.type(place.entity) === 'Place') out.emit(org, 'LOCATED_IN', place, 'located.in/bracket', { start: p.start, end: p.end });
  }
}

/** "Goodyear Tire San Luis Potosí": an organisation named with the city of its plant (not a country). */
function adjacentPlace(p: Parsed, out: Collector, ontologyKind: (id: string) => string | undefined): void {
  const toks = p.toks;
  adjacentMentions(p, (ma, mb, k) => {
    if (out.type(ma.entity) !== 'Organization' || out.type(mb.entity) !== 'Place' || ontologyKind(mb.entity!) === 'country' || isMention(toks[k + 1]) || toks[k + 1]?.w === "'s") return;
    out.emit(ma, 'LOCATED_IN', mb, 'located.adjacent/name', { start: p.start, end: p.end });
  });
}

/** Does the entity's name (or an alias) hold one of these words? */
function headNamed(out: Collector, id: string | undefined, words: string[]): boolean {
  const e = id ? out.entity(id) : undefined;
  if (!e) return false;
  const want = new Set(words.map((w) => fold(w)));
  return [e.name, ...e.aliases].some((n) => fold(n).split(/[^\p{L}\p{N}]+/u).some((w) => want.has(w)));
}

/** Hyphen compounds with a lexicon participle: "a Michigan-based company", "US-funded programs". */
function compounds(p: Parsed, lex: PredicateLexicon, out: Collector): void {
  const toks = p.toks;
  const ev = { start: p.start, end: p.end };
  for (let k = 0; k + 2 < toks.length; k++) {
    const t = toks[k]!;
    if (t.m < 0 || toks[k + 1]!.w !== '-' && toks[k + 1]!.w !== '–' || toks[k + 1]!.start !== t.end) continue;
    const word = toks[k + 2]!;
    if (word.m >= 0 || word.start !== toks[k + 1]!.end || !/(ed|en|t)$/.test(word.w)) continue;
    const frames = lex.verbs.get(word.w);
    if (!frames) continue;
    // the noun the compound modifies, or the mention that NP renames
    let h = k + 3;
    while (toks[h] && toks[h]!.m < 0 && (toks[h]!.tags & (T.Adjective | T.Noun)) && !PREP.has(toks[h]!.w) && toks[h + 1] && !['(', ')', ',', '.'].includes(toks[h]!.w) && (toks[h + 1]!.tags & (T.Adjective | T.Noun)) && h < k + 8) h++;
    let head: NP | undefined = toks[h]?.m !== undefined && toks[h]!.m >= 0 ? npAt(p, h) : undefined;
    if (!head) {
      let s = k - 1;
      while (s >= 0 && toks[s]!.m < 0 && (DET.has(toks[s]!.w) || (toks[s]!.tags & T.Adjective))) s--;
      const np = npAt(p, s + 1);
      head = np && anchorOf(p, np);
    }
    if (!head?.mention) continue;
    const a = p.mentions[t.m]!;
    const b = p.mentions[toks[head.head]!.m]!;
    for (const f of frames) {
      // an adverb-bound frame ("financially backed") needs its adverb, which a compound has not
      if (f.rest.length || f.entry.adverbs) continue;
      // "based": the modified noun is in the place; "funded": the modifier is the agent
      const [s, o] = f.entry.voice === 'passive' ? [b, a] : f.entry.swap ? [b, a] : [a, b];
      if (out.emit(s, f.entry.predicate, o, `${f.entry.id}/compound`, ev, f.entry)) break;
    }
  }
}

