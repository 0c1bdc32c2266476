/**
 * Verb frames: a verb group whose lemma the predicate lexicon knows, its subject, direct object
 * and prepositional arguments (coordination expanded on both sides), voice (a passive or a
 * participle with "by" swaps agent and patient), and assertion (negation, non-assertive
 * auxiliaries, "whether"/"if", "seeks to"). Nominalisations governed by a verb ("X expressed
 * support for Y") take the verb's subject as agent. Rule ids: `<lexicon entry>/<construction>`.
 */
import type { PredicateLexicon, VerbFrame } from '../../ontology/predicates.js';
import { ADVERBS, T, type Parsed, type VerbGroup } from './clauses.js';
import type { Collector } from './emit.js';
import { DET, PREP, RELATIVE, WORDS, isMention, attachment, collectiveMembers, clauseStop, listLeft, listRight, npAfter, npAt, npEndingAt, ppAfter, previousGroup, renamed, skipAsideLeft, skipParenLeft, type NP } from './phrases.js';

const COORD = new Set(['and', 'or', 'but', 'y']);
/** The lexicon's proxy nouns ("delegates from X"), set per run (subjectOf is called from several modules). */
export const PROXY: { current?: Set<string> } = {};

const isAdverb = (p: Parsed, k: number) => {
  const t = p.toks[k];
  return !!t && t.m < 0 && (ADVERBS.has(t.w) || ((t.tags & T.Adverb) !== 0 && (t.tags & (T.Noun | T.Adjective | T.Verb)) === 0));
};

/** Is the clause of group gi asserted (not negated, not modal, not conditional, not under "seeks to")? */
export function asserted(p: Parsed, gi: number, lex: PredicateLexicon, depth = 0): boolean {
  const g = p.groups[gi]!;
  const toks = p.toks;
  if (g.negated || g.modal) return false;
  // "never heard back", "no longer supports": a negator just before the group ("not only" is not one)
  for (let k = g.from - 1; k >= Math.max(0, g.from - 2); k--) {
    const w = toks[k]!.w;
    if (lex.modality.negation.has(w) && toks[k + 1]?.w !== 'only') return false;
    if (!isAdverb(p, k)) break;
  }
  // "whether X filed …", "if the union joins …": a conditional opens the clause
  const prev = previousGroup(p, gi);
  for (let k = g.from - 1; k >= 0 && k > g.from - 30; k--) {
    if (clauseStop(toks[k]) || (prev && k <= prev.to)) break;
    if (lex.modality.conditional.has(toks[k]!.w)) return false;
    // "suggested that the government use …", "demanded that X recognize Y": a governor's that-clause is not asserted
    if (toks[k]!.w === 'that' && k > 0 && toks[k - 1]!.m < 0 && (toks[k - 1]!.tags & T.Verb) && lex.modality.governor.has(toks[k - 1]!.w)) return false;
  }
  // "the need to continue building …", "plans to open …", "an attempt to form …": an infinitive a governing noun heads
  if (g.infinitive) {
    const to = toks[g.from]?.w === 'to' ? g.from : toks[g.from - 1]?.w === 'to' ? g.from - 1 : -1;
    const noun = to > 0 ? toks[to - 1] : undefined;
    if (noun && noun.m < 0 && (noun.tags & T.Noun) && !(noun.tags & T.Verb) && (lex.modality.governor.has(noun.w) || lex.modality.governor.has(noun.w.replace(/s$/, '')))) return false;
  }
  if ((g.infinitive || g.gerund) && prev && depth < 3) {
    if (lex.modality.governor.has(prev.form)) return false;
    return asserted(p, p.groups.indexOf(prev), lex, depth + 1);
  }
  return true;
}

/** Mention tokens that are the subject of group gi (empty when the subject is not a mention). */
export function subjectOf(p: Parsed, gi: number, depth = 0, passiveUse?: boolean, proxy = PROXY.current): number[] {
  const g = p.groups[gi]!;
  const toks = p.toks;
  let j = g.from - 1;
  // adverbs and time words ("today signed")
  const skippable = (k: number) => isAdverb(p, k) || (toks[k] !== undefined && toks[k]!.m < 0 && (toks[k]!.tags & T.Date) !== 0 && !PREP.has(toks[k]!.w)) ||
    // "financially and logistically backed"
    ((toks[k]?.w === 'and' || toks[k]?.w === ',') && isAdverb(p, k - 1) && isAdverb(p, k + 1));
  while (j >= 0 && skippable(j)) j--;
  const prev = previousGroup(p, gi);
  if (g.infinitive || (g.gerund && j >= 0 && PREP.has(toks[j]!.w) && toks[j]!.m < 0)) {
    if (!prev || depth > 3) return [];
    // object control: "called on X to withdraw", "asked Mexico to review"
    const np = g.infinitive ? npEndingAt(p, j) : undefined;
    // the NP must be the governor's object, not inside a PP ("split from the CTM to form …")
    const gap = np ? p.toks.slice(prev.to + 1, np.from).map((t) => t.w) : [];
    if (np?.mention && np.from > prev.to && gap.every((w) => w === 'on' || w === 'upon')) return listLeft(p, np);
    for (let k = prev.to + 1; k < g.from; k++) if (clauseStop(toks[k])) return [];
    const own = subjectOf(p, p.groups.indexOf(prev), depth + 1);
    // "SNITIS joined the AFL-CIO and SEIU in filing …": the joined are co-agents
    if (g.gerund && WORDS.coagent.has(prev.form)) {
      const obj = npAfter(p, prev.to + 1);
      if (obj?.mention) return [...own, ...listRight(p, obj)];
    }
    return own;
  }
  // a bare past form is a participle only when used as one ("the petition filed by X"); else it is finite
  const participle = g.participle && (passiveUse ?? participleUse(p, g));
  // "Opposed to NAFTA, the AFL-CIO …": a participle opening the sentence describes the main clause's subject
  if ((participle || g.passive && g.from === 0) && j < 0 && depth < 2) {
    const comma = toks.findIndex((t, k) => k > g.to && t.w === ',');
    const main = comma > 0 ? p.groups.findIndex((x) => x.from > comma && !x.infinitive && !x.gerund) : -1;
    return main >= 0 ? subjectOf(p, main, depth + 1) : [];
  }
  if (participle || g.gerund) {
    // "X, based in Y and created as part of Z": a coordinated participle shares the first one's noun
    if (toks[j]?.m !== undefined && toks[j]!.m < 0 && COORD.has(toks[j]!.w) && prev?.participle && depth < 3) return subjectOf(p, p.groups.indexOf(prev), depth + 1, true);
    // the noun the participle modifies: "the petition filed by X", "X, based in Y,"
    const afterComma = toks[j]?.w === ',';
    if (afterComma) j--;
    const np = npEndingAt(p, skipParenLeft(p, j));
    // a free adjunct after the main clause: "The USMCA entered into force on July 1, 2020, replacing NAFTA" —
    // a gerund after a comma whose noun before is no name (a date, a generic) describes the main clause's subject
    // (not after a generic noun: "several unions, including X" lists examples of the noun)
    const adjunct = () => {
      if (!g.gerund || !afterComma || depth > 2 || !prev || prev.infinitive || prev.gerund || (prev.participle && participleUse(p, prev))) return [];
      if (np && !(toks[np.head]!.tags & (T.Date | T.Value))) return [];
      return subjectOf(p, p.groups.indexOf(prev), depth + 1);
    };
    if (!np) return adjunct();
    // "the Partnership for Prosperity program launched by …": the name before the generic head
    // (only a head that classifies the name: "USW allies including the CFO" are not the USW)
    const r = np.mention ? attachment(p, np) : np.premods.length && (WORDS.classifier.has(toks[np.head]!.w) || WORDS.collective.has(toks[np.head]!.w)) ? { ...np, head: np.premods[np.premods.length - 1]!, mention: true } : np.premods.length ? undefined : anchorOf(p, np);
    if (r?.mention) return [r.head];
    // "the operations of the Sony Corporation, doing business as MDM": after a comma, the name just before, not its generic host
    if (np.mention && afterComma && !r) return [np.head];
    // "X is an independent federation based in Y": the copula's subject
    const cop = p.groups.findIndex((x) => x.to === np.from - 1 && x.copula);
    if (cop >= 0 && !np.mention) return subjectOf(p, cop, depth + 1);
    return np.mention ? [] : adjunct();
  }
  for (let n = 0; n < 3; n++) {
    const k = skipAsideLeft(p, j);
    if (k === undefined) break;
    j = k;
    while (j >= 0 && skippable(j)) j--;
  }
  const t = toks[j];
  if (!t) return [];
  // "…, whose longtime leader, Fidel Velázquez, had supported": the name in commas renames the phrase before it
  if (t.w === ',') {
    const np = npEndingAt(p, j - 1);
    if (np?.mention && toks[np.from - 1]?.w === ',') {
      const before = npEndingAt(p, np.from - 2);
      if (before && !before.mention) return [np.head];
    }
  }
  if (t.m < 0 && RELATIVE.has(t.w)) {
    if (t.w === 'whose' || t.w === 'where') return [];
    let k = j - 1;
    if (toks[k]?.w === ',') k--;
    // "Earl Blumenauer (D-Ore.), who …", "Earl Blumenauer, D-Ore., who …"
    k = skipPartyLeft(p, skipParenLeft(p, k));
    const np = npEndingAt(p, k);
    if (!np) return [];
    if (np.mention) {
      // "The NAO of the United States, which functions within …": a place in a PP names where the head is, the head is the antecedent
      const host = p.mentions[toks[np.head]!.m]!.type === 'Place' && toks[np.from - 1]?.w === 'of' ? npEndingAt(p, np.from - 2) : undefined;
      if (host?.mention && p.mentions[toks[host.head]!.m]!.type !== 'Place') return [host.head];
      return listLeft(p, np);
    }
    const a = anchorOf(p, np) ?? (toks[k + 1]?.w === ',' ? appositionHost(p, k + 1) : undefined);
    if (a) return [a.head];
    // "X were among the organizations that filed …", "X is one of the unions that …": the copula's subject
    let b = np.from - 1;
    if (toks[b]?.w === 'among' || (toks[b]?.w === 'of' && toks[b - 1]?.w === 'one' && b--)) {
      const cop = p.groups.findIndex((x) => x.to === b - 1 && x.copula);
      if (cop >= 0 && depth < 3) return subjectOf(p, cop, depth + 1);
    }
    return [];
  }
  // "The AFL-CIO opposed NAFTA and later endorsed the USMCA": a coordinated verb shares the subject
  if (t.m < 0 && COORD.has(t.w)) {
    if (!prev || depth > 3 || prev.infinitive) return [];
    return subjectOf(p, p.groups.indexOf(prev), depth + 1);
  }
  const found = npEndingAt(p, j);
  if (!found) return [];
  // "Workers within General Motors started …": the mention is inside the subject's PP, not its head;
  // "Benedicto Martinez of the FAT developed …": the head is the name the PP hangs on
  if (found.mention) {
    // the attachment of the whole coordination: "unions in the U.S. and Mexico have …" has no named subject
    const list = listLeft(p, found);
    const first = npEndingAt(p, list[0]!) ?? found;
    const host = attachment(p, first, proxy);
    if (!host) return [];
    return host.head === first.head || host.head === list[0] ? list : listLeft(p, host);
  }
  const np = found;
  // "Four provinces (Quebec, Alberta and Manitoba) are signatories …", "a coalition of A and B filed": the members named
  const members = collectiveMembers(p, np);
  if (members.length) return members;
  // "The United Steelworkers union (USW) today commended …", "the Partnership program launched …": the name its generic head classifies
  if (np.premods.length && WORDS.classifier.has(toks[np.head]!.w) && np.premods[np.premods.length - 1] === np.head - 1) return [np.head - 1];
  // "the U.S. Department of Labor, local governments, and community organizations launched …"
  const toksBefore = toks[np.from - 1]?.w;
  if (toksBefore === 'and' || toksBefore === ',' || toksBefore === 'or') return listLeft(p, np, true);
  return [];
}

/** Is a bare past form used as a participle? Its "by" agent follows ("filed by", "led since 1976 by", "filed in October 1997 by"). */
function participleUse(p: Parsed, g: VerbGroup): boolean {
  return byAt(p, g.to + 1) >= 0;
}

/**
 * The "by" of a passive's agent after token i, past the material a writer puts between the verb and
 * its agent: adverbs, dates, numbers, prepositional phrases (also naming a place or a body: "with the
 * NAO"), commas ("was filed on 3 May 2004, by X"); -1 when a clause, a verb or a bare name comes first.
 */
function byAt(p: Parsed, i: number): number {
  const toks = p.toks;
  let inPP = false;
  for (let k = i; k < toks.length && k < i + 16; k++) {
    const t = toks[k]!;
    // (Spanish "encabezado por X")
    if (t.m < 0 && (t.w === 'by' || t.w === 'por')) return k;
    if (clauseStop(t) || (t.m < 0 && (RELATIVE.has(t.w) || COORD.has(t.w))) || (k > i && p.groups.some((g) => g.from === k))) return -1;
    if (t.m >= 0) {
      // a name only inside a prepositional phrase ("submitted to the Mexican NAO in 2004 by …")
      if (!inPP) return -1;
      continue;
    }
    if (t.w === ',') {
      inPP = false;
      continue;
    }
    if (PREP.has(t.w)) inPP = true;
    else if (!(isAdverb(p, k) || (t.tags & (T.Date | T.Value | T.Determiner | T.Noun | T.Adjective)))) return -1;
  }
  return -1;
}

/**
 * A PP of the whole clause whose object the clause's agents stand toward (entries with `clause_pp`):
 * "Canada, Mexico and the United States created the Commission under the NAALC" — the three act
 * under the agreement, so they are parties to it; a passive's "by" agents act as well.
 */
function clausePhrases(p: Parsed, lex: PredicateLexicon, out: Collector): void {
  const toks = p.toks;
  if (!lex.clause.size) return;
  const m = (k: number) => p.mentions[toks[k]!.m]!;
  for (let k = 1; k + 1 < toks.length; k++) {
    const es = toks[k]!.m < 0 ? lex.clause.get(toks[k]!.w) : undefined;
    if (!es) continue;
    const np = npAt(p, k + 1);
    const obj = np && renamed(p, np);
    if (!obj?.mention) continue;
    // the clause's verb: the last group before the PP, with no clause boundary between
    let gi = -1;
    for (let x = p.groups.length - 1; x >= 0; x--) if (p.groups[x]!.to < k) { gi = x; break; }
    if (gi < 0 || !asserted(p, gi, lex)) continue;
    const g = p.groups[gi]!;
    if (toks.slice(g.to + 1, k).some((t) => clauseStop(t) || (t.m < 0 && RELATIVE.has(t.w)))) continue;
    const passive = g.passive || (g.participle && participleUse(p, g));
    const agents = passive ? passiveAgents(p, g.to + 1) : subjectOf(p, gi);
    // ("during the TPP negotiations": an entry with `via` needs its noun between the PP and the name)
    // ("the Trans-Pacific Partnership (TPP) negotiations": the noun after a bracketed acronym)
    const via = obj.via ?? (toks[np!.to]!.w === ')' && toks[np!.to + 1]?.m === -1 ? toks[np!.to + 1]!.w : undefined);
    for (const e of es) if (!e.via || e.via.includes(via ?? '')) for (const a of agents) out.emit(m(a), e.predicate, m(obj.head), `${e.id}/clause`, { start: p.start, end: p.end }, e);
  }
}

/** The agents of a passive group whose verb (or extra words) ends before token i: "by A and B". */
function passiveAgents(p: Parsed, i: number): number[] {
  const by = byAt(p, i);
  if (by < 0) return [];
  const np = npAt(p, by + 1);
  if (!np) return [];
  const obj = renamed(p, np);
  return obj.mention ? listRight(p, obj) : collectiveMembers(p, obj);
}

/** A U.S. party-and-state aside ending at j (", D-Ore." / ", R-N.J."): the token before its comma; else j. */
function skipPartyLeft(p: Parsed, j: number): number {
  const toks = p.toks;
  for (let k = j; k >= 0 && k >= j - 6; k--) {
    if (toks[k]!.w !== ',') continue;
    const party = toks[k + 1];
    const aside = party && ((/^[dri]$/.test(party.w) && toks[k + 2]?.w === '-') || /^[dri]-\p{L}/u.test(party.w));
    return aside && k + 1 < j ? k - 1 : j;
  }
  return j;
}

/**
 * The name an apposition that ends at comma j renames: "X, a group of unions from two countries, which …" → X.
 * (The relative clause after the apposition describes the name, not the apposition's last noun.)
 */
export function appositionHost(p: Parsed, j: number): NP | undefined {
  const before = skipAsideLeft(p, j);
  if (before === undefined || p.toks[before + 1]?.w !== ',') return undefined;
  const first = npAt(p, before + 2);
  if (!first || first.mention) return undefined;
  const host = npEndingAt(p, skipParenLeft(p, before));
  return host?.mention && host.possessor === undefined ? host : undefined;
}

/** The mention a generic NP stands in apposition to: "X, a union which …" → X. */
export function anchorOf(p: Parsed, np: NP, depth = 0): NP | undefined {
  const toks = p.toks;
  const k = np.from - 1;
  // "X, a leader of Y and a former worker who …": the second apposition has the same anchor
  if ((toks[k]?.w === 'and' || toks[k]?.w === 'or') && depth < 2) {
    for (let x = k - 1; x > k - 14 && x > 0; x--) {
      if (toks[x]!.w !== ',') continue;
      const first = npAt(p, x + 1);
      return first && !first.mention ? anchorOf(p, first, depth + 1) : undefined;
    }
    return undefined;
  }
  if (toks[k]?.w !== ',' && toks[k]?.w !== '(') return undefined;
  const a = npEndingAt(p, skipParenLeft(p, k - 1));
  return a?.mention ? a : undefined;
}

/** The token just after a frame's extra words ("part" of "take part"), or -1. */
function afterRest(p: Parsed, g: VerbGroup, f: VerbFrame): number {
  let k = g.head + 1;
  for (const w of f.rest) {
    // "took an active part in": an article or adjective may come between
    let n = 0;
    while (p.toks[k] && p.toks[k]!.w !== w && n < 2 && p.toks[k]!.m < 0 && (p.toks[k]!.tags & (T.Determiner | T.Adjective | T.Adverb)) !== 0) k++, n++;
    if (p.toks[k]?.w !== w) return -1;
    k++;
  }
  return k;
}

const WITH = new Set(['with']);

/** Relations from the verb groups of one parsed sentence. */
export function verbFrames(p: Parsed, lex: PredicateLexicon, out: Collector): void {
  const ev = { start: p.start, end: p.end };
  PROXY.current = lex.modality.proxy;
  WORDS.proxy = lex.modality.proxy;
  WORDS.classifier = lex.modality.classifier;
  WORDS.transparent = lex.modality.transparent;
  WORDS.coagent = lex.modality.coagent;
  WORDS.joint = lex.modality.joint;
  WORDS.collective = lex.modality.collective;
  WORDS.content = lex.modality.content;
  WORDS.topic = lex.modality.topic;
  WORDS.government = out.governmentNouns();
  // event nouns a verb took as the way to its object ("opposed the creation of X"): not nominalisations of their own
  const consumed = new Set<number>();
  const m = (k: number) => p.mentions[p.toks[k]!.m]!;
  for (let gi = 0; gi < p.groups.length; gi++) {
    const g0 = p.groups[gi]!;
    // the lexical verb: the last verb of the group the lexicon knows ("took part": "took" + "part")
    let lexHead = -1;
    for (let k = g0.to; k >= g0.from && lexHead < 0; k--) if (lex.verbs.has(p.toks[k]!.w) && (p.toks[k]!.tags & T.Verb)) lexHead = k;
    if (lexHead < 0 || !asserted(p, gi, lex)) continue;
    // compromise may tag a preposition inside the group ("was filed in October …"): voice from the lexical head
    const auxBefore = p.toks.slice(g0.from, lexHead).map((t) => t.w);
    const g = lexHead === g0.head ? g0 : {
      ...g0, head: lexHead, form: p.toks[lexHead]!.w,
      passive: auxBefore.some((w) => ['be', 'is', 'are', 'was', 'were', 'been', 'being'].includes(w)) && (p.toks[lexHead]!.tags & (T.Past | T.Participle | T.Passive)) !== 0,
    };
    const frames = lex.verbs.get(g.form)!;
    // adverbs of the group and just before it ("financially and logistically backed")
    const adverbs = new Set<string>();
    for (let k = g0.from - 1; k >= 0 && k >= g0.from - 4 && (isAdverb(p, k) || p.toks[k]!.w === 'and'); k--) adverbs.add(p.toks[k]!.w);
    for (let k = g0.from; k < lexHead; k++) adverbs.add(p.toks[k]!.w);
    let adverbBound = false;
    for (const f of frames) {
      if (f.entry.adverbs ? !f.entry.adverbs.some((a) => adverbs.has(a)) : adverbBound) continue;
      if (f.entry.adverbs) adverbBound = true;
      const after = afterRest(p, g, f);
      if (after < 0) continue;
      const passive = g.passive || (g.participle && (participleUse(p, g) || f.entry.voice === 'passive'));
      if (f.entry.voice === 'passive' && !passive) continue;
      if (f.entry.voice === 'active' && passive) continue;
      const subj = subjectOf(p, gi, 0, g.participle ? passive : undefined);
      const preps = new Set([...f.prep].filter((x) => x !== 'direct'));
      let agents: number[];
      let patients: number[];
      let via: string | undefined;
      if (passive && f.entry.voice !== 'passive') {
        if (!f.prep.has('direct')) continue;
        patients = subj;
        agents = passiveAgents(p, after);
      } else {
        agents = subj;
        patients = [];
        if (f.prep.has('direct') && !passive) {
          // "filed or co-filed X": coordinated verbs share the object
          let at = after;
          const next = p.groups.find((x) => x.from === after + 1);
          if ((p.toks[after]?.w === 'or' || p.toks[after]?.w === 'and') && next) at = next.to + 1;
          const np = npAfter(p, at);
          // "opposed the creation of NAALC", "urged the ratification of the USMCA": the event noun is transparent
          if (np && !np.mention && lex.modality.transparent.has(p.toks[np.head]!.w) && p.toks[np.to + 1]?.w === 'of') consumed.add(np.head);
          const obj = np && renamed(p, np);
          via = obj?.via;
          // "X joined Y in filing Z", "X joins Y and others to implement Z" is not membership: the joined are co-agents
          const coVerb = (x: VerbGroup) => (x.gerund && p.toks[x.from - 1]?.w === 'in') || (x.infinitive && (p.toks[x.from - 1]?.w === 'to' || p.toks[x.from]?.w === 'to'));
          const inGerund = obj?.mention && WORDS.coagent.has(g.form) && p.groups.some((x) => coVerb(x) && x.from > obj.to && x.from <= obj.to + 16 && !p.groups.some((y) => y.from > obj.to && y.from < x.from));
          // "X joined Y in a campaign for …": the same, with an activity in the PP (not a place: "joined the UAW in Detroit")
          const inActivity = obj?.mention && WORDS.coagent.has(g.form) && p.toks[obj.to + 1]?.w === 'in' && (() => {
            const act = npAt(p, obj.to + 2);
            return !!act && !act.mention && !(p.toks[act.head]!.tags & (T.Date | T.Value));
          })();
          // (with a gerund the two are co-agents of its tie: "joined Y in filing Z" files Z)
          if (inActivity && !inGerund && obj.possessor === undefined) for (const a of agents) for (const o of listRight(p, obj)) out.emit(m(a), 'COOPERATES_WITH', m(o), 'cooperates.coagent/activity', ev);
          if (obj?.mention && obj.possessor === undefined && !inGerund && !inActivity) patients = listRight(p, obj);
          else if (obj?.mention && obj.possessor !== undefined) patients = [];
          // "el Sindicato Minero, que encabeza el senador X": in a Spanish relative clause a person named after the verb
          // with no "a" before it (a person as object takes "a") is the verb's subject, and the antecedent its object
          const person = (k: number) => out.type(m(k).entity) === 'Person';
          if (f.entry.lang === 'es' && patients.length && p.toks[g0.from - 1]?.w === 'que' && p.toks[at]?.w !== 'a' && patients.every(person) && !agents.some(person)) [agents, patients] = [patients, agents];
        }
        // "gave financial backing to X", "provided $2 million to X": a giving verb's theme must be one the entry names
        const theme = f.entry.theme ? npAfter(p, after) : undefined;
        const themed = (np: NP) => {
          const head = p.toks[np.head]!.w;
          return f.entry.theme!.includes(head) || f.entry.theme!.includes(`${p.toks[np.head - 1]?.w} ${head}`) || (p.toks[np.head]!.tags & T.Value) !== 0 || /^\$/.test(p.toks[np.from]!.w);
        };
        if (f.entry.theme && (!theme || theme.mention || !themed(theme))) continue;
        if (!patients.length && preps.size) {
          // the first PP whose object fits the frame ("worked in the United States under the H-2B program")
          for (const pp of ppAfter(p, after, preps)) {
            // a copula's place is right after it ("has been in Mexico since 1996"), not in a later phrase
            // ("is proud to announce a new project … in Mexico")
            if (g.copula && pp.at - after > 3) break;
            const obj = renamed(p, pp.np);
            if (!obj.mention) continue;
            if (f.entry.via && !f.entry.via.includes(obj.via ?? '')) continue;
            via = obj.via;
            const cand = f.entry.predicate === 'LOCATED_IN' ? [obj.head] : listRight(p, obj);
            // the PP's own object must fit ("based in Mexico City; the UE, …": a list after a place is no object of "based in")
            const o0 = obj.head;
            if (agents.some((a) => (f.entry.swap ? out.allows(m(o0), f.entry.predicate, m(a), f.entry) : out.allows(m(a), f.entry.predicate, m(o0), f.entry)))) {
              patients = cand;
              break;
            }
          }
        }
      }
      const construction = passive ? (g.participle && !g.passive ? 'participle' : 'passive') : 'active';
      // "a meeting convened by A and B": the joint organisers cooperate
      // (the subjects of a finite verb or the agents of a passive — not a gerund's inherited subjects: "block workers from organizing")
      if (WORDS.joint.has(f.lemma) && agents.length > 1 && (passive || (!g.gerund && !g.infinitive))) {
        for (let x = 0; x < agents.length; x++) for (let y = x + 1; y < agents.length; y++) out.emit(m(agents[x]!), 'COOPERATES_WITH', m(agents[y]!), 'cooperates.joint-agents/' + construction, ev);
      }
      if (f.entry.via && !f.entry.via.includes(via ?? '')) continue;
      // "called for the renegotiation of NAFTA": a reversal noun turns the stance
      const reversed = via && lex.modality.reversal.has(via);
      const predicate = reversed && f.entry.predicate === 'SUPPORTS' ? 'OPPOSES' : reversed && f.entry.predicate === 'OPPOSES' ? 'SUPPORTS' : f.entry.predicate;
      // "X held a meeting with Y during E": the one met shares the subject's part
      if (f.entry.comitative && patients.length && !passive) {
        const pp = ppAfter(p, after, WITH).find((x) => x.at < p.toks.findIndex((t, i) => i > after && patients.includes(i)));
        const obj = pp && renamed(p, pp.np);
        if (obj?.mention) agents = [...agents, ...listRight(p, obj)];
      }
      for (const a of agents) {
        for (const o of patients) {
          const [s, ob] = f.entry.swap ? [o, a] : [a, o];
          out.emit(m(s), predicate, m(ob), `${f.entry.id}/${construction}${reversed ? '-reversed' : ''}`, ev, f.entry);
        }
      }
      if (!patients.length && f.entry.reciprocal && !passive && out.count(agents.map(m)) > 1) {
        out.reciprocal(agents.map(m), f.entry.predicate, `${f.entry.id}/reciprocal`, ev, f.entry);
      }
    }
  }
  jointAgents(p, lex, out);
  whereClauses(p, lex, out);
  frontedPhrases(p, lex, out);
  nominalisations(p, lex, out, consumed);
  clausePhrases(p, lex, out);
}

/** The verb forms that open a participant list ("Participants in E included …"). */
export const LIST_VERBS = new Set(['include', 'included', 'includes', 'including', 'were', 'was', 'are', 'is', 'comprised', 'numbered']);

/**
 * Participant lists: "Participants in E included A, B and C", "Unions in attendance included: A (X); B (Y)".
 * The event is a mention in the subject phrase, else the one discourse gives (`event`): the nearest
 * event named before, or the one a footnote's marker follows. Items are split at semicolons (else
 * commas); the first person or organisation of each item took part.
 */
export function participantLists(p: Parsed, lex: PredicateLexicon, out: Collector, event: () => import('../context.js').Candidate | undefined): void {
  const toks = p.toks;
  const ev = { start: p.start, end: p.end };
  for (let gi = 0; gi < p.groups.length; gi++) {
    const g = p.groups[gi]!;
    if (!LIST_VERBS.has(g.form) || !asserted(p, gi, lex)) continue;
    // the subject phrase names participation: "participants", "delegates", "in attendance", "present"
    let cue = false;
    let eventTok = -1;
    for (let k = g.from - 1; k >= 0 && k > g.from - 12; k--) {
      const t = toks[k]!;
      if (clauseStop(t)) break;
      if (t.m >= 0 && out.type(p.mentions[t.m]!.entity) === 'Event') eventTok = k;
      if (t.m < 0 && (lex.roles.get(t.w)?.some((f) => f.entry.predicate === 'PARTICIPATED_IN') || lex.nouns.get(t.w)?.some((f) => f.entry.predicate === 'PARTICIPATED_IN') || t.w === 'present')) cue = true;
      // an inverted gerund: "Speaking at E were A, B and C", "Testifying before E were …"
      if (t.m < 0 && (t.tags & T.Gerund) && lex.verbs.get(t.w)?.some((f) => f.entry.predicate === 'PARTICIPATED_IN' && !f.rest.length)) cue = true;
    }
    let k = g.to + 1;
    // "The event included participation by A, B and C", "… featured remarks from A": the cue after the verb
    if (!cue) {
      let n = k;
      if (toks[n] && toks[n]!.m < 0 && (toks[n]!.tags & (T.Determiner | T.Adjective))) n++;
      const noun = toks[n];
      if (noun && noun.m < 0 && lex.nouns.get(noun.w)?.some((f) => f.entry.predicate === 'PARTICIPATED_IN') && /^(by|of|from)$/.test(toks[n + 1]?.w ?? '')) {
        cue = true;
        k = n + 2;
      }
    }
    if (!cue) continue;
    const e = eventTok >= 0 ? p.mentions[toks[eventTok]!.m]! : event();
    if (!e) continue;
    if (toks[k]?.w === ':') k++;
    const semi = toks.slice(k).some((t) => t.w === ';');
    // each item's participant: its person ("Women’s Bureau Director Wendy Chun-Hoon"), else its first organisation
    let item: import('../context.js').Candidate[] = [];
    // an item opening with a lower-case noun continues the one before ("C, migrant worker leader and member of D")
    let continued = false;
    const flush = () => {
      if (continued) {
        item = [];
        continued = false;
        return;
      }
      const person = [...item].reverse().find((m) => out.type(m.entity) === 'Person');
      const who = person ?? item.find((m) => out.type(m.entity) === 'Organization');
      if (who) out.emit(who, 'PARTICIPATED_IN', e, `participated.list/${eventTok >= 0 ? 'subject' : 'discourse'}`, ev);
      item = [];
    };
    for (; k < toks.length; k++) {
      const t = toks[k]!;
      if (t.w === (semi ? ';' : ',') || (!semi && t.w === 'and')) {
        flush();
        const next = toks[k + 1];
        continued = !!next && next.m < 0 && !next.cap && !DET.has(next.w) && (next.tags & T.Noun) !== 0;
        continue;
      }
      if (t.m >= 0) item.push(p.mentions[t.m]!);
    }
    flush();
    return;
  }
}

/** Does a phrase of the set (single words or "in tandem") start at token k? Returns its length, or 0. */
function phraseLen(p: Parsed, k: number, words: Set<string>): number {
  for (const w of words) {
    const parts = w.split(' ');
    if (parts.every((x, i) => p.toks[k + i]?.w === x && p.toks[k + i]!.m < 0)) return parts.length;
  }
  return 0;
}

/**
 * Coordinated subjects acting together: "A and B will jointly monitor …", "A and B together filed …",
 * "A and B launched a joint training program" — whatever the verb, they cooperate.
 */
function jointAgents(p: Parsed, lex: PredicateLexicon, out: Collector): void {
  const toks = p.toks;
  const m = (k: number) => p.mentions[toks[k]!.m]!;
  for (let gi = 0; gi < p.groups.length; gi++) {
    const g = p.groups[gi]!;
    if (g.copula || g.passive || g.gerund || (g.participle && participleUse(p, g))) continue;
    let how: string | undefined;
    // the adverb inside the group, just before it or just after the verb
    for (let k = Math.max(0, g.from - 1); k <= g.to + 1 && !how; k++) if (phraseLen(p, k, lex.modality.jointly)) how = 'adverb';
    if (!how) {
      // "a joint program", "joint training programs": a shared modifier before the object's head
      const np = npAfter(p, g.to + 1);
      if (np && !np.mention) for (let k = np.from; k < np.head && !how; k++) if (phraseLen(p, k, lex.modality.shared)) how = 'object';
    }
    if (!how || !asserted(p, gi, lex)) continue;
    const agents = subjectOf(p, gi);
    for (let x = 0; x < agents.length; x++) for (let y = x + 1; y < agents.length; y++) out.emit(m(agents[x]!), 'COOPERATES_WITH', m(agents[y]!), `cooperates.jointly/${how}`, { start: p.start, end: p.end });
  }
}

/**
 * A sentence-opening PP whose object is the tie's object: "At the conference, X said …"
 * (PARTICIPATED_IN), "In Submission 9601, X and Y alleged …" (FILED, with the entry's verbs).
 */
function frontedPhrases(p: Parsed, lex: PredicateLexicon, out: Collector): void {
  const toks = p.toks;
  const first = toks[0];
  if (!first || first.m >= 0) return;
  let k = 1;
  if (toks[k]?.w === 'the') k++;
  while (toks[k] && toks[k]!.m < 0 && (toks[k]!.tags & (T.Date | T.Value))) k++;
  const head = toks[k];
  if (!head || head.m < 0) return;
  const e = p.mentions[head.m]!;
  let comma = k + 1;
  while (toks[comma] && toks[comma]!.w !== ',' && comma < k + 8) comma++;
  if (toks[comma]?.w !== ',') return;
  const type = out.type(e.entity);
  for (const entry of lex.fronted) {
    if (!type || !entry.heads?.includes(type) || !entry.fronted!.includes(first.w)) continue;
    // past a participle aside on the head ("In Submission 2011-02, filed in June 2011, A and B alleged …")
    const gi = p.groups.findIndex((x) => x.from > comma && !x.infinitive && !x.gerund && !(x.participle && p.toks[x.from - 1]?.w === ','));
    if (gi < 0 || !asserted(p, gi, lex)) continue;
    const g = p.groups[gi]!;
    if (entry.verbs && !entry.verbs.some((v) => lex.lemma.get(g.form) === v || g.form === v)) continue;
    // "made similar allegations against Y": the verb's object must be one of the entry's nouns
    if (entry.via && !entry.via.includes(p.toks[npAfter(p, g.to + 1)?.head ?? -1]?.w ?? '')) continue;
    const subjects = subjectOf(p, gi);
    for (const s of subjects) out.emit(p.mentions[toks[s]!.m]!, entry.predicate, e, `${entry.id}/fronted`, { start: p.start, end: p.end }, entry);
    // "In Submission 940001, X alleged that Honeywell had dismissed …": the one alleged against is the case's target
    // (the allegation verb's TARGETS frame, with the fronted case as its subject)
    if (entry.predicate === 'FILED' && subjects.length) frontedTargets(p, lex, out, gi, head.m);
  }
}

/**
 * The target of a fronted case's allegation: the subject of the verb's "that"-clause ("alleged that Y had …")
 * or the object of "against" after the verb ("made similar allegations against Y"), by the TARGETS frame
 * of the allegation verb (targets.allege: its domain is the case).
 */
function frontedTargets(p: Parsed, lex: PredicateLexicon, out: Collector, gi: number, caseMention: number): void {
  const toks = p.toks;
  const g = p.groups[gi]!;
  const lemma = lex.lemma.get(g.form) ?? g.form;
  const frame = [...(lex.verbs.get(g.form) ?? []), ...(lex.verbs.get(lemma) ?? [])].find((f) => f.entry.predicate === 'TARGETS' && f.prep.has('that'));
  const e = p.mentions[caseMention]!;
  let target: number[] = [];
  let how = '';
  if (frame && toks[g.to + 1]?.w === 'that') {
    const np = npAt(p, g.to + 2);
    if (np?.mention) (target = listRight(p, np)), (how = 'that');
  }
  if (!target.length) {
    for (const pp of ppAfter(p, g.to + 1, new Set(['against']))) {
      const obj = renamed(p, pp.np);
      if (obj.mention) (target = listRight(p, obj)), (how = 'against');
      break;
    }
  }
  if (!target.length) return;
  // "against": the case's own frame ("<Case> against Y", targets.case)
  const entry = how === 'that' ? frame!.entry : lex.entries.find((x) => x.predicate === 'TARGETS' && x.heads?.includes('Case') && x.prep?.includes('against'));
  if (!entry) return;
  for (const t of target) out.emit(e, 'TARGETS', p.mentions[toks[t]!.m]!, `${entry.id}/fronted-${how}`, { start: p.start, end: p.end }, entry);
}

/** "the Summit in Toluca, where A, B and C spoke": the subjects of a where-clause took part in the event. */
function whereClauses(p: Parsed, lex: PredicateLexicon, out: Collector): void {
  const ev = { start: p.start, end: p.end };
  for (let k = 1; k < p.toks.length; k++) {
    if (p.toks[k]!.w !== 'where' || p.toks[k]!.m >= 0) continue;
    // the event: before the comma, past a place chain ("in Toluca, Mexico")
    let e = -1;
    for (let x = k - 1; x >= 0 && x > k - 12; x--) {
      const t = p.toks[x]!;
      if (t.m >= 0 && out.type(p.mentions[t.m]!.entity) === 'Event') {
        e = x;
        break;
      }
      if (t.m >= 0 ? out.type(p.mentions[t.m]!.entity) !== 'Place' : !(t.w === ',' || t.w === 'in' || t.w === 'at' || t.w === 'the')) break;
    }
    if (e < 0) continue;
    const gi = p.groups.findIndex((g) => g.from > k && !g.infinitive);
    if (gi < 0 || !asserted(p, gi, lex)) continue;
    const np = npEndingAt(p, p.groups[gi]!.from - 1);
    if (!np?.mention || np.from <= k) continue;
    for (const s of listLeft(p, np)) if (p.toks[s]!.start > p.toks[k]!.start) out.emit(p.mentions[p.toks[s]!.m]!, 'PARTICIPATED_IN', p.mentions[p.toks[e]!.m]!, 'participated.where/relative', ev);
  }
}

/**
 * Nominalisations: "X's support for Y", "cooperation between A and B", and a noun governed by a
 * verb ("X expressed support for Y", "X works in partnership with Y"): the verb's subject is the
 * agent, unless the verb receives ("X received funding from Y": Y is the agent).
 */
function nominalisations(p: Parsed, lex: PredicateLexicon, out: Collector, consumed: Set<number>): void {
  const toks = p.toks;
  const ev = { start: p.start, end: p.end };
  const m = (k: number) => p.mentions[toks[k]!.m]!;
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k]!;
    if (t.m >= 0 || consumed.has(k)) continue;
    const frames = lex.nouns.get(t.w);
    if (!frames) continue;
    // the longest phrase wins: "financial backing" is money, not a stance
    const longest = Math.max(0, ...frames.filter((f) => f.words.every((w, x) => toks[k + x]?.w === w)).map((f) => f.words.length));
    if (!longest) continue;
    const skipTo = k + longest - 1;
    for (const f of frames) {
      if (f.words.length !== longest || !f.words.every((w, x) => toks[k + x]?.w === w)) continue;
      const end = k + f.words.length - 1;
      // the noun heads its phrase ("support funds" is about funds)
      if (toks[end + 1] && toks[end + 1]!.m < 0 && (toks[end + 1]!.tags & T.Noun) && !PREP.has(toks[end + 1]!.w)) continue;
      // "received a grant from X": the giver after "from" (checked against a receiving verb below)
      const pp = toks[end + 1] && PREP.has(toks[end + 1]!.w) ? ppAfter(p, end + 1, new Set([...f.prep, 'from']))[0] : undefined;
      const rule = f.entry.id;
      if (!pp || pp.at !== end + 1) {
        // "A and B signed a strategic alliance": a reciprocal noun without object ties its governor's subjects
        if (!f.entry.reciprocal) continue;
        const gi = governing(p, k - 1);
        if (gi < 0 || !asserted(p, gi, lex) || p.toks[p.groups[gi]!.to + 1] === undefined) continue;
        // "A and B signed a contract", not "A and B sell protection contracts to companies" or "opposed the agreement":
        // the governing verb must make or keep the pact (modality pact-verb)
        if (!lex.modality['pact-verb'].has(p.groups[gi]!.form)) continue;
        const subj = subjectOf(p, gi);
        out.reciprocal(subj.map(m), f.entry.predicate, `${rule}/reciprocal`, ev, f.entry);
        continue;
      }
      let objs = pp.np.mention ? listRight(p, renamed(p, pp.np)) : (renamed(p, pp.np).mention ? [renamed(p, pp.np).head] : []);
      // "ratification of International Labour Organization (ILO) Convention 98": a body premodifying the name after its acronym
      if (objs.length === 1 && pp.np.to > pp.np.head && toks[pp.np.to]!.w === ')' && isMention(toks[pp.np.to + 1]) && f.entry.range && !f.entry.range.includes(out.type(m(objs[0]!).entity) as never)) objs = [pp.np.to + 1];
      if (!objs.length) continue;
      if (pp.prep === 'between' || pp.prep === 'among') {
        for (let x = 0; x < objs.length; x++) for (let y = x + 1; y < objs.length; y++) out.emit(m(objs[x]!), f.entry.predicate, m(objs[y]!), `${rule}/between`, ev, f.entry);
        continue;
      }
      // the possessor: "X's strong support for Y", "its collaboration with Y"
      let agents: number[] = [];
      let construction = 'possessive';
      let s = k - 1;
      // ("Mexico’s September 2018 ratification of …": a date between)
      while (s >= 0 && toks[s]!.m < 0 && ((toks[s]!.tags & (T.Adjective | T.Adverb | T.Date)) || toks[s]!.w.includes('-') || /^\d{4}$/.test(toks[s]!.w)) && !PREP.has(toks[s]!.w)) s--;
      if (toks[s] && (toks[s]!.w === "'s" || toks[s]!.w === "'") && toks[s - 1]?.m !== undefined && toks[s - 1]!.m >= 0) agents = [s - 1];
      else if (toks[s]?.m !== undefined && toks[s]!.m >= 0 && (p.mentions[toks[s]!.m]! as { possessive?: boolean }).possessive) {
        agents = [s];
      }
      // "X backed Y in its support of Z", "X joined Y in its opposition to Z": X shares the stance
      if (agents.length && toks[s - 1]?.w === 'in' && toks[s - 1]!.m < 0) {
        const gi = governing(p, s - 1);
        const g = p.groups[gi];
        if (g && asserted(p, gi, lex) && (WORDS.coagent.has(g.form) || lex.verbs.get(g.form)?.some((v) => v.entry.predicate === f.entry.predicate && !v.rest.length))) {
          for (const a of subjectOf(p, gi)) if (!agents.includes(a)) for (const o of objs) out.emit(m(a), f.entry.predicate, m(o), `${rule}/shared`, ev, f.entry);
        }
      }
      let recipient = false;
      // "In partnership with the government of Mexico, the Department …": a sentence-opening PP is the main clause's
      const opening = !agents.length && PREP.has(toks[s]?.w ?? '') && (s === 0 || (s === 1 && toks[0]!.tags & T.Adverb));
      if (opening) {
        const comma = toks.findIndex((x, i) => i > end && x.w === ',');
        const main = comma > 0 ? p.groups.findIndex((x) => x.from > comma && !x.infinitive && !x.gerund) : -1;
        if (main >= 0 && asserted(p, main, lex)) {
          agents = subjectOf(p, main);
          if (!agents.length) {
            // "…, the U.S. Department of Labor's $180 million investment is …": the subject's possessor
            const np = npAt(p, comma + 1);
            if (np?.possessor !== undefined) agents = [np.possessor];
          }
          construction = 'opening';
        }
      }
      if (!agents.length && !opening) {
        // a governing verb just before the noun's phrase (or the PP holding it)
        const gi = governing(p, s);
        if (gi < 0 || !asserted(p, gi, lex)) continue;
        construction = 'governed';
        recipient = lex.modality.receiver.has(p.groups[gi]!.form);
        agents = recipient ? [] : subjectOf(p, gi);
        if (recipient && (pp.prep === 'from' || pp.prep === 'by')) {
          for (const a of subjectOf(p, gi)) for (const o of objs) out.emit(m(o), f.entry.predicate, m(a), `${rule}/received`, ev, f.entry);
          continue;
        }
      }
      if (recipient || pp.prep === 'from') continue;
      for (const a of agents) for (const o of objs) {
        const [x, y] = f.entry.swap ? [o, a] : [a, o];
        out.emit(m(x), f.entry.predicate, m(y), `${rule}/${construction}`, ev, f.entry);
      }
    }
    k = skipTo;
  }
}

/** The verb group that governs a noun phrase ending before token s+1: "expressed [strong] support", "works in [close] partnership". */
function governing(p: Parsed, s: number): number {
  const toks = p.toks;
  let k = s;
  // the noun's own determiners and adjectives, then maybe one preposition
  // ("a long-standing alliance", "a strategic labor alliance": a hyphen compound or a noun modifier too)
  for (let n = 0; k >= 0 && toks[k]!.m < 0 && n < 6 && ((toks[k]!.tags & (T.Determiner | T.Adjective | T.Value)) || toks[k]!.w.includes('-') || (n < 3 && (toks[k]!.tags & T.Noun) && !(toks[k]!.tags & T.Verb) && !PREP.has(toks[k]!.w)) || ['the', 'a', 'an', 'its', 'their'].includes(toks[k]!.w)); n++) k--;
  if (k >= 0 && toks[k]!.m < 0 && PREP.has(toks[k]!.w)) {
    k--;
    // "carry out the project in partnership with …", "backed the PRI in its support of …": past the verb's own object
    const obj = toks[k] && (toks[k]!.m >= 0 || (toks[k]!.tags & T.Noun)) ? npEndingAt(p, skipParenLeft(p, k)) : undefined;
    if (obj) k = obj.from - 1;
  }
  while (k >= 0 && isAdverb(p, k)) k--;
  return p.groups.findIndex((g) => g.to === k);
}

