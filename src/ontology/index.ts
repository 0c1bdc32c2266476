/** The compiled ontology: validated data plus the matchers the pipeline uses (built once at load). */
import type { Country, EntityType, Predicate } from '../types.js';
import { Gazetteer } from './gazetteer.js';
import { loadOntologyData, type CuratedEntity, type OntologyData } from './load.js';
import type { LexiconRecord } from './schema.js';

export type { CuratedEntity, OntologyData } from './load.js';

/** A person title with the tie it implies. */
export interface Title {
  words: string;
  predicate: Predicate;
  org?: Record<string, string>;
  rule: string;
}

/** Word lists the rules read, compiled from ontology/lexicons. */
export interface Lexicon {
  orgHead: Set<string>;
  orgHeadFirst: Set<string>;
  companySuffix: Set<string>;
  cues: Map<string, { type: EntityType; rule: string }>;
  titles: Title[];
  demonyms: Map<string, Country>;
  abbreviations: Set<string>;
  stopwords: Set<string>;
  notName: Set<string>;
  citationHeadings: Set<string>;
  firstNames: Set<string>;
  /** page-furniture lines, lower-case ("for immediate release"): never a headline */
  boilerplate: Set<string>;
}

/** Everything the pipeline needs from ontology/. */
export interface Ontology extends OntologyData {
  gazetteer: Gazetteer;
  lex: Lexicon;
  /** Curated entities by folded name key (for fuzzy resolution). */
  byType: Map<EntityType, CuratedEntity[]>;
  /** Does relations.yaml allow `predicate` between these classes? */
  allows(predicate: Predicate, subject: EntityType, object: EntityType): boolean;
  prefix(type: EntityType): string;
}

function compileLexicon(records: LexiconRecord[]): Lexicon {
  const lex: Lexicon = {
    orgHead: new Set(), orgHeadFirst: new Set(), companySuffix: new Set(), cues: new Map(), titles: [],
    demonyms: new Map(), abbreviations: new Set(), stopwords: new Set(), notName: new Set(), citationHeadings: new Set(), firstNames: new Set(), boilerplate: new Set(),
  };
  const cueType: Partial<Record<LexiconRecord['role'], EntityType>> = {
    'agreement-cue': 'Agreement', 'law-cue': 'Law', 'case-cue': 'Case', 'program-cue': 'Program', 'event-cue': 'Event',
  };
  for (const r of records) {
    for (const w of r.words) {
      switch (r.role) {
        case 'org-head': lex.orgHead.add(w); break;
        case 'org-head-first': lex.orgHeadFirst.add(w); break;
        case 'company-suffix': lex.companySuffix.add(w); break;
        case 'title': lex.titles.push({ words: w, predicate: r.predicate ?? 'LEADS', org: r.org, rule: r.id }); break;
        case 'demonym': lex.demonyms.set(w, r.country!); break;
        case 'abbreviation': lex.abbreviations.add(w); break;
        case 'stopword': lex.stopwords.add(w); break;
        case 'not-name': lex.notName.add(w); break;
        case 'citation-heading': lex.citationHeadings.add(w.toLowerCase()); break;
        case 'first-name': lex.firstNames.add(w); break;
        case 'boilerplate': lex.boilerplate.add(w.toLowerCase()); break;
        default: {
          const type = cueType[r.role];
          if (type && !lex.cues.has(w)) lex.cues.set(w, { type, rule: r.id });
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
