/**
 * The predicate lexicon (ontology/lexicons/predicates.yaml): per predicate, verb lemmas with their
 * argument frames, nominalisations, role nouns and entity heads, plus the words that make a clause
 * a non-assertion. Validated with zod at load, compiled here into lookup tables the relation engine
 * reads (surface form → frames), so the engine holds mechanisms only.
 */
import nlp from '../pipeline/nlp.js';
import { z } from 'zod';
import { ENTITY_TYPES, PREDICATES, type EntityType, type Predicate } from '../types.js';

const types = z.array(z.enum(ENTITY_TYPES)).min(1);
const words = z.array(z.string().min(1)).min(1);

/** One predicate entry. `prep` lists what introduces the object: prepositions, or `direct` for a direct object. */
const Entry = z.object({
  id: z.string().regex(/^[a-z0-9._-]+$/),
  predicate: z.enum(PREDICATES),
  lang: z.enum(['en', 'es']).default('en'),
  /** verb lemmas, conjugated at load ("take part" = verb + the words that follow it) */
  verbs: words.optional(),
  /** literal verb forms (Spanish, or forms the conjugator lacks) */
  forms: words.optional(),
  /** conjugated forms not to use ("found" is mostly the past of "find") */
  exclude: words.optional(),
  /** nominalisations: the event noun ("collaboration with", "support for") */
  nouns: words.optional(),
  /** role nouns: the holder has the role toward the object ("president of", "member of") */
  roles: words.optional(),
  /** facility nouns: "X's plant in Y", "the X Y plant", "the seat of X is in Y" */
  facilities: words.optional(),
  /** entity classes that head the phrase themselves ("<Case> against X") */
  heads: types.optional(),
  prep: words.optional(),
  /** heads: the head entity's name must hold one of these words ("Section 65 of <Union>") */
  head_names: words.optional(),
  /** the grammatical agent fills the predicate's object ("Y includes X" → X MEMBER_OF Y) */
  swap: z.boolean().optional(),
  /** the entry applies to passive / participle uses only ("based in", "affiliated with") */
  voice: z.enum(['active', 'passive', 'any']).default('any'),
  /** with a plural subject and no object, the subjects relate pairwise ("A and B cooperate") */
  reciprocal: z.boolean().optional(),
  /** the object must be reached through one of these nouns ("took part in the renegotiation of X") */
  via: words.optional(),
  /** the frame applies only with one of these adverbs ("financially backed"), and then instead of the others */
  adverbs: words.optional(),
  /** role nouns: the predicate when the role is indefinite ("a leader of" → MEMBER_OF) */
  indefinite: z.enum(PREDICATES).optional(),
  /** sentence-initial PP ("At <Event>, X said …"): its prepositions */
  fronted: words.optional(),
  domain: types.optional(),
  range: types.optional(),
  /** verbs: the object of a "with" PP before the object shares the subject's part ("X met with Y during E": both took part) */
  comitative: z.boolean().optional(),
  /** the object of this PP (`prep`) anywhere in a clause relates the clause's agents: "A and B did X under <Agreement>" */
  clause_pp: z.boolean().optional(),
  /** facilities: the owner must be named before the noun ("Goodyear workers in X"), not be a clause's subject */
  owner_named: z.boolean().optional(),
  /** roles: the possessor holds the tie toward the PP's object ("its counterparts at Y": the possessor cooperates with Y) */
  possessor_holds: z.boolean().optional(),
  /** kinds the object may not have ("a place's union": a state or city, not a country, which is the union's nationality) */
  range_not_kinds: words.optional(),
  /** what a giving verb must give for the tie to hold ("gave financial backing to X", not "provides support to X") */
  theme: words.optional(),
  /** the subject must be a body's organ, its name headed by an org-part word ("a Council of Ministers governs the CLC") */
  organ_subject: z.boolean().optional(),
  /** kinds the object must have ("the Deputy Undersecretary for International Affairs, U.S. Department of Labor": staff of a ministry) */
  range_kinds: words.optional(),
  note: z.string().optional(),
}).strict();

/** Words that change whether a clause asserts its tie. */
const Modality = z.object({
  id: z.string().regex(/^[a-z0-9._-]+$/),
  /** aux: non-assertive auxiliaries; governor: verbs whose "to"-complement is not asserted;
   *  conditional: words opening a non-asserted clause; negation: negators; receiver: verbs whose subject receives (FUNDS nouns);
   *  role-sub: modifiers that make a leadership role a staff role ("deputy"); role-skip: modifiers to skip ("former");
   *  transparent: event nouns whose "of"-object is the verb's object ("opposed the creation of X");
   *  topic: nouns of what is alleged or reported whose complement is the verb's object ("concerns allegations involving X");
   *  proxy: people who stand for their organisation in a PP ("delegates from X took part");
   *  classifier: generic heads a premodifying name belongs to ("the Partnership for Prosperity program");
   *  coagent: verbs whose object joins the subject in a gerund ("X joined Y in filing Z");
   *  joint: verb lemmas whose coordinated agents cooperate ("a meeting convened by A and B");
   *  reversal: event nouns that turn a stance ("called for the repeal of X" opposes X);
   *  jointly: adverbs by which coordinated subjects act together ("A and B will jointly monitor …");
   *  shared: modifiers of the object that make coordinated subjects act together ("A and B launched a joint program");
   *  collective: group nouns whose named members act as the agent ("filed by a coalition that included A and B");
   *  review-request, review: "asked Mexico to review …" — the case at hand targets the country asked to review */
  kind: z.enum(['aux', 'governor', 'conditional', 'negation', 'receiver', 'role-sub', 'role-skip', 'transparent', 'proxy', 'classifier', 'coagent', 'joint', 'reversal', 'jointly', 'shared', 'compound-noun', 'collective', 'review-request', 'review', 'pact-verb', 'content', 'topic']),
  words,
}).strict();

/** predicates.yaml */
export const PredicatesFile = z.object({ predicates: z.array(Entry), modality: z.array(Modality).default([]) }).strict();
export type PredicateEntry = z.infer<typeof Entry>;
export type ModalityRecord = z.infer<typeof Modality>;

/** A verb frame: one entry as seen from one surface form. */
export interface VerbFrame {
  entry: PredicateEntry;
  /** folded words that must follow the verb ("part" in "take part") */
  rest: string[];
  /** prepositions introducing the object; `direct` for the direct object */
  prep: Set<string>;
  lemma: string;
}

/** A noun phrase of the lexicon (roles, nominalisations, facilities): folded words. */
export interface NounFrame {
  entry: PredicateEntry;
  words: string[];
  prep: Set<string>;
  plural: boolean;
}

/** The compiled lexicon. */
export interface PredicateLexicon {
  entries: PredicateEntry[];
  /** folded verb form → frames */
  verbs: Map<string, VerbFrame[]>;
  /** folded first word → role phrases (longest first) */
  roles: Map<string, NounFrame[]>;
  nouns: Map<string, NounFrame[]>;
  facilities: Map<string, NounFrame[]>;
  /** entity class → entries headed by that class */
  heads: Map<EntityType, PredicateEntry[]>;
  fronted: PredicateEntry[];
  /** folded preposition → entries whose PP relates a whole clause's agents (`clause_pp`: "… under <Agreement>") */
  clause: Map<string, PredicateEntry[]>;
  modality: Record<ModalityRecord['kind'], Set<string>>;
  /** lemma of a known verb form */
  lemma: Map<string, string>;
}

const foldWord = (w: string) => w.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[’‘]/g, "'").toLowerCase();
const split = (p: string) => foldWord(p).split(/\s+/).filter(Boolean);

/** Every surface form of an English verb lemma (multiword: the first word inflects). */
function conjugate(lemma: string): string[] {
  const [head, ...rest] = lemma.split(/\s+/);
  const world = nlp.world() as unknown as { methods: { two: { transform: { verb: { conjugate(s: string, m: unknown): Record<string, string> } } } }; model: unknown };
  const forms = world.methods.two.transform.verb.conjugate(head!, world.model);
  const out = new Set([head!]);
  for (const [k, v] of Object.entries(forms)) if (k !== 'FutureTense' && v) out.add(v.split(' ')[0]!);
  return [...out].map((f) => [f, ...rest].join(' '));
}

function pluralOf(word: string): string {
  if (/(s|x|z|ch|sh)$/.test(word)) return `${word}es`;
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  if (/man$/.test(word)) return `${word.slice(0, -3)}men`;
  return `${word}s`;
}

function addNoun(map: Map<string, NounFrame[]>, entry: PredicateEntry, phrase: string, prep: Set<string>): void {
  const ws = split(phrase);
  const last = ws[ws.length - 1]!;
  for (const [variant, plural] of [[ws, false], [[...ws.slice(0, -1), pluralOf(last)], true]] as const) {
    const list = map.get(variant[0]!) ?? [];
    if (!list.some((f) => f.entry === entry && f.words.join(' ') === variant.join(' '))) list.push({ entry, words: [...variant], prep, plural });
    list.sort((a, b) => b.words.length - a.words.length);
    map.set(variant[0]!, list);
  }
}

/** Compile validated entries into lookup tables. */
export function compilePredicates(entries: PredicateEntry[], modality: ModalityRecord[]): PredicateLexicon {
  const lex: PredicateLexicon = {
    entries, verbs: new Map(), roles: new Map(), nouns: new Map(), facilities: new Map(), heads: new Map(), fronted: [], clause: new Map(), lemma: new Map(),
    modality: { aux: new Set(), governor: new Set(), conditional: new Set(), negation: new Set(), receiver: new Set(), 'role-sub': new Set(), 'role-skip': new Set(), transparent: new Set(), proxy: new Set(), classifier: new Set(), coagent: new Set(), joint: new Set(), reversal: new Set(), jointly: new Set(), shared: new Set(), 'compound-noun': new Set(), collective: new Set(), 'review-request': new Set(), review: new Set(), 'pact-verb': new Set(), content: new Set(), topic: new Set() },
  };
  for (const m of modality) for (const w of m.words) lex.modality[m.kind].add(foldWord(w));
  // governors and receivers are lemmas: every form counts
  for (const kind of ['governor', 'receiver', 'coagent', 'pact-verb'] as const) for (const w of [...lex.modality[kind]]) for (const f of conjugate(w)) lex.modality[kind].add(f);
  for (const e of entries) {
    if (e.fronted) {
      // a fronted entry's verbs only qualify its main clause; they are not frames of their own
      lex.fronted.push(e);
      for (const v of e.verbs ?? []) for (const f of conjugate(v)) lex.lemma.set(split(f)[0]!, split(v)[0]!);
      continue;
    }
    const prep = new Set((e.prep ?? (e.verbs || e.forms ? ['direct'] : ['of'])).map(foldWord));
    if (e.clause_pp) for (const w of prep) lex.clause.set(w, [...(lex.clause.get(w) ?? []), e]);
    const exclude = new Set((e.exclude ?? []).map(foldWord));
    const addVerb = (form: string, lemma: string) => {
      const [head, ...rest] = split(form);
      if (!head || exclude.has(head)) return;
      const list = lex.verbs.get(head) ?? [];
      list.push({ entry: e, rest, prep, lemma });
      lex.verbs.set(head, list);
      lex.lemma.set(head, split(lemma)[0]!);
    };
    for (const v of e.verbs ?? []) for (const f of e.lang === 'en' ? conjugate(v) : [v]) addVerb(f, v);
    for (const f of e.forms ?? []) addVerb(f, f);
    for (const r of e.roles ?? []) addNoun(lex.roles, e, r, prep);
    for (const n of e.nouns ?? []) addNoun(lex.nouns, e, n, prep);
    for (const f of e.facilities ?? []) addNoun(lex.facilities, e, f, prep);
    for (const t of e.heads ?? []) lex.heads.set(t, [...(lex.heads.get(t) ?? []), e]);
  }
  // adverb-bound frames first ("financially backed"), then multiword ones ("take part in" before "take")
  for (const list of lex.verbs.values()) list.sort((a, b) => (b.entry.adverbs ? 1 : 0) - (a.entry.adverbs ? 1 : 0) || b.rest.length - a.rest.length);
  return lex;
}

/** The predicate an entry gives, or undefined when the classes do not fit its narrowing. */
export function fits(entry: PredicateEntry, subject: EntityType, object: EntityType): boolean {
  return (!entry.domain || entry.domain.includes(subject)) && (!entry.range || entry.range.includes(object));
}

export type { Predicate };
