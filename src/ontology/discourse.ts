/**
 * The discourse lexicon (ontology/lexicons/discourse.yaml): which definite descriptions ("the
 * union", "the petition") and pronouns ("it", "they") can stand for which entities, by class and
 * kind. Validated with zod at load; the resolver is src/pipeline/discourse.ts.
 */
import { z } from 'zod';
import { ENTITY_TYPES, type EntityType } from '../types.js';

const words = z.array(z.string().min(1)).min(1);

const Description = z.object({
  id: z.string().regex(/^[a-z0-9._-]+$/),
  /** head nouns of the description (singular; plurals are "both …"/"the two …") */
  nouns: words,
  class: z.enum(ENTITY_TYPES),
  /** ontology kinds that fit ("union"); an entity without a kind fits by a name word */
  kinds: z.array(z.string()).optional(),
  /** words in an entity's name or alias that mark it as this kind ("Sindicato", "Workers") */
  names: z.array(z.string()).optional(),
  /** kinds that never fit, whatever the name says */
  not_kinds: z.array(z.string()).optional(),
  /** name words that never fit ("Sindicato" is not "the company") */
  not_names: z.array(z.string()).optional(),
  /** the headline's entity of this class is the default antecedent */
  headline: z.boolean().optional(),
  /** people: words one of their titles in the document holds ("the Secretaries": the people titled Secretary) */
  titles: z.array(z.string()).optional(),
}).strict();

const Pronoun = z.object({
  id: z.string().regex(/^[a-z0-9._-]+$/),
  words,
  classes: z.array(z.enum(ENTITY_TYPES)).min(1),
  /** plural pronouns stand for a coordinated list or a collective name */
  plural: z.boolean().default(false),
  /** possessive pronouns ("its", "their") */
  possessive: z.boolean().default(false),
  /** first-person pronouns ("I", "my"): the speaker of the quotation they are in */
  speaker: z.boolean().default(false),
}).strict();

/** discourse.yaml */
export const DiscourseFile = z.object({
  descriptions: z.array(Description),
  pronouns: z.array(Pronoun).default([]),
  /** nouns after which "the union"/"the company" is a modifier ("the union movement") */
  compounds: z.array(z.string()).default([]),
  /** adjectives allowed between determiner and head ("the new union") */
  adjectives: z.array(z.string()).default([]),
  /** "the Mexican government": these nouns after a demonym stand for the country */
  governments: z.array(z.string()).default([]),
  /** "these (Mexican) (four) organizations": plural nouns that stand for the list just named */
  lists: z.array(z.string()).default([]),
  /** "the January 17 petition", "a June 2019 complaint", "(on) March 3 petition": month names before a head; a dated head is definite even without "the" */
  dated: z.array(z.string()).default([]),
  /** speech verbs that attribute a quotation to a name ("…,” said X", "X told reporters: “…") */
  speech: z.array(z.string()).default([]),
}).strict();

export type DescriptionRecord = z.infer<typeof Description>;
export type PronounRecord = z.infer<typeof Pronoun>;
export type DiscourseData = z.infer<typeof DiscourseFile>;

/** Compiled discourse lexicon. */
export interface DiscourseLexicon {
  /** folded head noun → descriptions */
  nouns: Map<string, DescriptionRecord[]>;
  /** folded pronoun → record */
  pronouns: Map<string, PronounRecord>;
  compounds: Set<string>;
  adjectives: Set<string>;
  governments: Set<string>;
  lists: Set<string>;
  dated: Set<string>;
  speech: Set<string>;
  descriptions: DescriptionRecord[];
  /** per description id: a regex of its name words */
  nameRe: Map<string, RegExp | undefined>;
  notNameRe: Map<string, RegExp | undefined>;
}

const fold = (w: string) => w.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[’‘]/g, "'").toLowerCase();
const wordsRe = (ws?: string[]) => (ws?.length ? new RegExp(`(?:^|[^\\p{L}])(?:${ws.map((w) => fold(w).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?:$|[^\\p{L}])`, 'u') : undefined);

/** Compile the validated discourse data. */
export function compileDiscourse(data: DiscourseData): DiscourseLexicon {
  const lex: DiscourseLexicon = {
    nouns: new Map(), pronouns: new Map(), compounds: new Set(data.compounds.map(fold)), adjectives: new Set(data.adjectives.map(fold)),
    governments: new Set(data.governments.map(fold)), lists: new Set(data.lists.map(fold)), dated: new Set(data.dated.map(fold)),
    speech: new Set(data.speech.map((w) => w.toLowerCase())), descriptions: data.descriptions, nameRe: new Map(), notNameRe: new Map(),
  };
  for (const d of data.descriptions) {
    for (const n of d.nouns) lex.nouns.set(fold(n), [...(lex.nouns.get(fold(n)) ?? []), d]);
    lex.nameRe.set(d.id, wordsRe(d.names));
    lex.notNameRe.set(d.id, wordsRe(d.not_names));
  }
  for (const p of data.pronouns) for (const w of p.words) lex.pronouns.set(fold(w), p);
  return lex;
}

/** Does an entity (class, kind, names) fit a description? */
/**
 * Could the description stand for the entity at all (class, no excluded kind or name)? For a possessor's own
 * organisation ("his group", "her organization"), where the person already picks the entity.
 */
export function compatibleDescription(lex: DiscourseLexicon, d: DescriptionRecord, e: { type: EntityType; kind?: string; name: string; aliases: Iterable<string> }): boolean {
  if (e.type !== d.class) return false;
  if (e.kind && d.not_kinds?.includes(e.kind)) return false;
  const not = lex.notNameRe.get(d.id);
  return !(not && [e.name, ...e.aliases].map(fold).some((n) => not.test(n)));
}

export function fitsDescription(lex: DiscourseLexicon, d: DescriptionRecord, e: { type: EntityType; kind?: string; name: string; aliases: Iterable<string>; mentions?: { title?: { text: string } }[] }): boolean {
  if (e.type !== d.class) return false;
  if (d.titles) return !!e.mentions?.some((m) => m.title && d.titles!.some((t) => fold(m.title!.text).split(/\s+/).includes(t)));
  if (e.kind && d.not_kinds?.includes(e.kind)) return false;
  const names = [e.name, ...e.aliases].map(fold);
  const not = lex.notNameRe.get(d.id);
  if (not && names.some((n) => not.test(n))) return false;
  if (!d.kinds && !d.names) return true;
  if (e.kind && d.kinds?.includes(e.kind)) return true;
  const re = lex.nameRe.get(d.id);
  return !!re && names.some((n) => re.test(n));
}
