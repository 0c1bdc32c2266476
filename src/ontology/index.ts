/** The compiled ontology: validated data plus the matchers the pipeline uses (built once at load). */
import type { Country, EntityType, Predicate } from '../types.js';
import { Gazetteer } from './gazetteer.js';
import { loadOntologyData, type CuratedEntity, type OntologyData } from './load.js';
import type { LexiconRecord } from './schema.js';
import { compilePredicates, type PredicateLexicon } from './predicates.js';
import { compileDiscourse, type DiscourseLexicon } from './discourse.js';

export type { CuratedEntity, OntologyData } from './load.js';

/** A person title with the tie it implies. */
export interface Title {
  words: string;
  predicate: Predicate;
  org?: Record<string, string>;
  /** the country the title itself says ("Rep." → US) */
  country?: Country;
  rule: string;
}

/** A word that follows a name and types it ("the Echlin case", "the Simpson-Mazzoli bill"). */
export interface Follower {
  type: EntityType;
  /** the word is part of the name */
  include: boolean;
  rule: string;
  /** the kind of organisation the word says ("the Acme union" → union) */
  kind?: string;
}

/** Word lists the rules read, compiled from ontology/lexicons (one field per role). */
export interface Lexicon {
  /** heads that end an organisation's name ("… Union") */
  orgHead: Set<string>;
  /** heads that open one ("Department of …", "Sindicato …") */
  orgHeadFirst: Set<string>;
  /** heads that only ever end a name, never open an "X of Y" one ("United Farm Workers | of Texas") */
  orgHeadEnd: Set<string>;
  companySuffix: Set<string>;
  /** first words of Spanish company names ("Grupo México") */
  companyOpener: Set<string>;
  /** first words of "X de México" phrases that are places or institutions, not companies */
  nonCompanyOpener: Set<string>;
  cues: Map<string, { type: EntityType; rule: string }>;
  titles: Title[];
  demonyms: Map<string, Country>;
  abbreviations: Set<string>;
  stopwords: Set<string>;
  notName: Set<string>;
  /** words a definite description is made of ("Joint", "Working", "Labor") */
  generic: Set<string>;
  citationHeadings: Set<string>;
  firstNames: Set<string>;
  /** given names by language (a weak country cue for a person: "Susana Prieto Terrazas") */
  firstNamesByLang: { en: Set<string>; es: Set<string> };
  /** page-furniture lines, lower-case ("for immediate release"): never a headline */
  boilerplate: Set<string>;
  followers: Map<string, Follower>;
  /** first words of Spanish place names ("San", "Ciudad") */
  placeOpeners: Set<string>;
  /** words that introduce a name ("known as", "defined as"): what follows is a name though its words are generic */
  namingCues: Set<string>;
  /** words that give another name of the entity just named: "the National Miners' Union (aka Los Mineros)" */
  aliasCues: Set<string>;
  months: Set<string>;
  /** days, seasons, "Today": words that never open a name */
  dateWords: Set<string>;
  /** lower-case words that may sit between the capitalised words of a name ("of", "de la") */
  connectors: Set<string>;
  /** prepositions that end the head noun phrase ("Agreement | on Labor Cooperation") */
  prepositions: Set<string>;
  /** words at which a capitalised run splits into several names ("and", "in", "against") */
  splitters: Set<string>;
  /** lower-case function words skipped in initials and name keys ("of", "the", "de") */
  functionWords: Set<string>;
  /** heads of bodies that are named by what they deal with ("Trade Subcommittee", "Working Group on Wages") */
  committeeHeads: Set<string>;
  /** trades a company name joins with "and" ("Pacific Gas and Electric", "Ohio Light and Power Company") */
  companyJoined: Set<string>;
  /** head words of a body's internal organs ("Council", "Secretariat"): what a body consists of is its parts, not its members */
  orgParts: Set<string>;
  /** words after a bare surname that show it names a known person ("the Bush administration") */
  surnameSupport: Set<string>;
  /** legal-form suffixes of company names ("Inc.", "S.A. de C.V."), with the country a suffix implies */
  legalSuffixes: Map<string, Country | null>;
  /** longest legal suffix, in words */
  legalSuffixWords: number;
  /** lower-case nouns that name an organisation, with its kind ("union", "automaker" → company) */
  orgNouns: Map<string, string>;
  /** lower-case nouns for a person's role ("worker", "organizer", "spokesperson") */
  personNouns: Set<string>;
  /** lower-case nouns for a place ("city", "town", "state", "municipality") */
  placeNouns: Set<string>;
  /** lower-case nouns for a company's site ("plant", "factory", "mine") */
  facilityNouns: Set<string>;
  /** participles that put what precedes them in a place ("based", "located" … in X) */
  locatives: Set<string>;
  /** words for a union's numbered unit ("Local 600", "Section 65") */
  orgUnits: Set<string>;
  /** unit words that name a union's local on their own, with its number ("Local 690", unlike "Section 301" or "District 5") */
  unionLocals: Set<string>;
  /** Spanish cue words that open a name of their class ("Ley …", "Programa …") */
  headFirstCues: Map<string, { type: EntityType; rule: string }>;
  /** head words that say an organisation's country ("Sindicato" → MX) */
  headCountries: Map<string, Country>;
  /** Spanish heads that are English words too ("Central", "Red"): not enough alone */
  sharedHeads: Set<string>;
  /** heads a country never names its own bodies with ("Ministry" → US): such a body in a document set there is another country's */
  foreignHeads: Map<string, Country>;
}

/** Everything the pipeline needs from ontology/. */
export interface Ontology extends OntologyData {
  gazetteer: Gazetteer;
  lex: Lexicon;
  /** the predicate lexicon, compiled (verb forms → frames, role nouns, …) */
  predicateLex: PredicateLexicon;
  /** the discourse lexicon, compiled (descriptions, pronouns) */
  discourseLex: DiscourseLexicon;
  /** Curated entities by folded name key (for fuzzy resolution). */
  byType: Map<EntityType, CuratedEntity[]>;
  /** Does relations.yaml allow `predicate` between these classes? */
  allows(predicate: Predicate, subject: EntityType, object: EntityType): boolean;
  prefix(type: EntityType): string;
}

function compileLexicon(records: LexiconRecord[]): Lexicon {
  const lex: Lexicon = {
    orgHead: new Set(), orgHeadFirst: new Set(), orgHeadEnd: new Set(), companySuffix: new Set(), companyOpener: new Set(), nonCompanyOpener: new Set(),
    cues: new Map(), titles: [], demonyms: new Map(), abbreviations: new Set(), stopwords: new Set(), notName: new Set(), generic: new Set(),
    citationHeadings: new Set(), firstNames: new Set(), firstNamesByLang: { en: new Set(), es: new Set() }, boilerplate: new Set(), followers: new Map(), placeOpeners: new Set(), namingCues: new Set(), aliasCues: new Set(), months: new Set(),
    dateWords: new Set(), connectors: new Set(), prepositions: new Set(), splitters: new Set(), functionWords: new Set(), committeeHeads: new Set(), companyJoined: new Set(), orgParts: new Set(), surnameSupport: new Set(),
    legalSuffixes: new Map(), legalSuffixWords: 0, orgNouns: new Map(), personNouns: new Set(), placeNouns: new Set(), facilityNouns: new Set(), locatives: new Set(), orgUnits: new Set(), unionLocals: new Set(), headFirstCues: new Map(), headCountries: new Map(), sharedHeads: new Set(), foreignHeads: new Map(),
  };
  const cueType: Partial<Record<LexiconRecord['role'], EntityType>> = {
    'agreement-cue': 'Agreement', 'law-cue': 'Law', 'case-cue': 'Case', 'program-cue': 'Program', 'event-cue': 'Event',
  };
  const sets: Partial<Record<LexiconRecord['role'], Set<string>>> = {
    'org-head': lex.orgHead, 'org-head-first': lex.orgHeadFirst, 'org-head-end': lex.orgHeadEnd, 'company-suffix': lex.companySuffix,
    'company-opener': lex.companyOpener, 'non-company-opener': lex.nonCompanyOpener, abbreviation: lex.abbreviations, stopword: lex.stopwords,
    'not-name': lex.notName, generic: lex.generic, 'first-name': lex.firstNames, 'place-opener': lex.placeOpeners, 'naming-cue': lex.namingCues, 'alias-cue': lex.aliasCues, month: lex.months,
    'date-word': lex.dateWords, 'name-connector': lex.connectors, 'name-preposition': lex.prepositions, 'name-splitter': lex.splitters,
    'function-word': lex.functionWords, 'surname-support': lex.surnameSupport, 'person-noun': lex.personNouns, 'place-noun': lex.placeNouns,
    'facility-noun': lex.facilityNouns, locative: lex.locatives, 'org-unit': lex.orgUnits, 'union-local': lex.unionLocals, 'committee-head': lex.committeeHeads, 'company-joined': lex.companyJoined, 'org-part': lex.orgParts,
  };
  for (const r of records) {
    for (const w of r.words) {
      if ((r.role === 'org-head' || r.role === 'org-head-first') && r.country) lex.headCountries.set(w, r.country);
      if (r.role === 'org-head-first' && r.lang === 'es' && !r.country) lex.sharedHeads.add(w);
      if (r.role === 'first-name' && r.lang) lex.firstNamesByLang[r.lang].add(w);
      const set = sets[r.role];
      if (set) {
        set.add(w);
        continue;
      }
      switch (r.role) {
        case 'title': lex.titles.push({ words: w, predicate: r.predicate ?? 'LEADS', org: r.org, ...(r.country ? { country: r.country } : {}), rule: r.id }); break;
        case 'demonym': lex.demonyms.set(w, r.country!); break;
        case 'foreign-head': lex.foreignHeads.set(w, r.country!); break;
        case 'citation-heading': lex.citationHeadings.add(w.toLowerCase()); break;
        case 'boilerplate': lex.boilerplate.add(w.toLowerCase()); break;
        case 'follower': if (!lex.followers.has(w)) lex.followers.set(w, { type: r.type ?? 'Organization', include: r.include ?? true, rule: r.id, ...(r.kind ? { kind: r.kind } : {}) }); break;
        case 'legal-suffix':
          lex.legalSuffixes.set(w, r.country ?? null);
          lex.legalSuffixWords = Math.max(lex.legalSuffixWords, w.split(' ').length);
          break;
        case 'org-noun': lex.orgNouns.set(w, r.kind ?? 'organization'); break;
        default: {
          // a Spanish cue opens its name ("Ley Federal del Trabajo"); it never ends one ("Paseo de la Reforma")
          const type = cueType[r.role];
          if (type && r.lang === 'es') {
            if (!lex.headFirstCues.has(w)) lex.headFirstCues.set(w, { type, rule: r.id });
          } else if (type && !lex.cues.has(w)) lex.cues.set(w, { type, rule: r.id });
        }
      }
    }
  }
  lex.titles.sort((a, b) => b.words.length - a.words.length);
  return lex;
}

/** Load, validate and compile the ontology in `dir`. */
export async function loadOntology(dir = 'ontology'): Promise<Ontology> {
  const data = await loadOntologyData(dir);
  const gazetteer = new Gazetteer();
  const byType = new Map<EntityType, CuratedEntity[]>();
  for (const e of data.entities.values()) {
    gazetteer.add(e.id, e.name);
    for (const a of e.aliases ?? []) gazetteer.add(e.id, a);
    for (const a of e.short ?? []) gazetteer.add(e.id, a, true);
    if (!byType.has(e.type)) byType.set(e.type, []);
    byType.get(e.type)!.push(e);
  }
  const lex = compileLexicon(data.lexicon);
  return {
    ...data,
    gazetteer,
    lex,
    predicateLex: compilePredicates(data.predicates.entries, data.predicates.modality),
    discourseLex: compileDiscourse(data.discourse),
    byType,
    allows(predicate, subject, object) {
      const r = data.relations.get(predicate);
      return !!r && r.domain.has(subject) && r.range.has(object);
    },
    prefix(type) {
      return data.prefixes.get(type)!;
    },
  };
}
