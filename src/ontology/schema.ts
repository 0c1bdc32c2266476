/** Record shapes of the ontology files (zod), validated at load before references are resolved. */
import { z } from 'zod';
import { COUNTRIES, ENTITY_TYPES, PREDICATES } from '../types.js';

const id = z.string().regex(/^[a-z]+:[a-z0-9][a-z0-9-]*$/, 'ids look like "org:us-department-of-labor"');
const country = z.enum(COUNTRIES);

/** classes.yaml */
export const ClassesFile = z.object({
  classes: z.array(z.object({ name: z.enum(ENTITY_TYPES), prefix: z.string().regex(/^[a-z]+$/), description: z.string().optional() }).strict()),
});

/** relations.yaml — domain/range name classes; checked against classes.yaml in the second pass. */
export const RelationsFile = z.object({
  relations: z.array(
    z.object({
      name: z.enum(PREDICATES),
      domain: z.array(z.string()).min(1),
      range: z.array(z.string()).min(1),
      symmetric: z.boolean().optional(),
      description: z.string().optional(),
    }).strict(),
  ),
});

/** entities/<type>.yaml — curated entities. */
export const EntitiesFile = z.object({
  entities: z.array(
    z.object({
      id,
      name: z.string().min(1).max(300),
      aliases: z.array(z.string().min(1).max(300)).max(2000).optional(),
      /** aliases this entity shares with another on purpose (the pipeline tells them apart by context): a warning, not an error */
      ambiguous: z.array(z.string().min(1).max(300)).optional(),
      country: country.nullable().optional(),
      kind: z.string().optional(),
      iso: z.string().regex(/^[A-Z]{2}$/).optional(),
      /** Aliases that only count when a title or the full name is nearby (surnames: "Fox", "Bush"). */
      short: z.array(z.string().min(1)).optional(),
      part_of: id.optional(),
      note: z.string().optional(),
    }).strict(),
  ),
});

/**
 * What a lexicon record is for. Name heads and cues type a capitalised phrase; context words
 * (demonyms, titles, stopwords, …) steer the rules; name grammar words (connectors, prepositions,
 * splitters) say how a name is built. Each role is one word list the pipeline reads.
 */
export const LEXICON_ROLES = [
  'org-head', 'org-head-first', 'org-head-end', 'company-suffix', 'company-opener', 'agreement-cue', 'law-cue', 'case-cue', 'program-cue', 'event-cue',
  'title', 'demonym', 'abbreviation', 'stopword', 'not-name', 'generic', 'citation-heading', 'first-name', 'boilerplate',
  'follower', 'place-opener', 'non-company-opener', 'month', 'date-word', 'name-connector', 'name-preposition', 'name-splitter', 'function-word', 'surname-support',
  'legal-suffix', 'foreign-head', 'org-noun', 'person-noun', 'place-noun', 'facility-noun', 'locative', 'org-unit', 'committee-head', 'company-joined', 'org-part', 'naming-cue',
  'alias-cue', 'union-local',
] as const;

/** lexicons/*.yaml — words and phrases the rules use; every record has an id. */
export const LexiconFile = z.object({
  lexicon: z.array(
    z.object({
      id: z.string().regex(/^[a-z0-9._-]+$/),
      /** what the record is for (LEXICON_ROLES) */
      role: z.enum(LEXICON_ROLES),
      words: z.array(z.string().min(1)).min(1),
      /** titles: the predicate a title implies (LEADS, WORKS_FOR, MEMBER_OF) */
      predicate: z.enum(PREDICATES).optional(),
      /** titles: which organisation a bare title points to, per country ("Secretary of Labor") */
      org: z.record(z.string(), id).optional(),
      country: country.optional(),
      /** followers: the class of the name a word follows ("the Acme case" → Case) */
      type: z.enum(ENTITY_TYPES).optional(),
      /** followers: whether the word is part of the name ("the Echlin case") or not ("the Simpson-Mazzoli bill") */
      include: z.boolean().optional(),
      /** org nouns: the kind of organisation the noun names ("a Mexican union" → union) */
      kind: z.string().regex(/^[a-z-]+$/).optional(),
      /** cues: the language of the words; Spanish heads open a name ("Ley Federal del Trabajo") */
      lang: z.enum(['en', 'es']).optional(),
    }).strict(),
  ),
});

/** patterns/relations.yaml — relation trigger rules. */
export const PatternsFile = z.object({
  patterns: z.array(
    z.object({
      id: z.string().regex(/^[a-z0-9._-]+$/),
      predicate: z.enum(PREDICATES),
      /** regex (case-insensitive) that must match the text between the two mentions */
      between: z.string(),
      /** pair order: forward = first mention is subject; reverse = second is subject */
      direction: z.enum(['forward', 'reverse']).default('forward'),
      subject: z.array(z.enum(ENTITY_TYPES)).optional(),
      object: z.array(z.enum(ENTITY_TYPES)).optional(),
      /** optional regex the text before the first mention (within the sentence) must match at its end */
      before: z.string().optional(),
      /** optional regex the text after the second mention (within the sentence) must match at its start */
      after: z.string().optional(),
      /** max characters between the two mentions */
      gap: z.number().int().positive().default(80),
    }).strict(),
  ),
});

export type ClassesData = z.infer<typeof ClassesFile>;
export type RelationsData = z.infer<typeof RelationsFile>;
export type EntityRecord = z.infer<typeof EntitiesFile>['entities'][number];
export type LexiconRecord = z.infer<typeof LexiconFile>['lexicon'][number];
export type PatternRecord = z.infer<typeof PatternsFile>['patterns'][number];
