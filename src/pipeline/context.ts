/** The state one document carries through the pipeline components. */
import type { Ontology } from '../ontology/index.js';
import type { Country, Document, EntityType, Relation, Status } from '../types.js';

/** A sentence: [start, end) of the document text. */
export interface Sentence {
  start: number;
  end: number;
}

/** A candidate mention before resolution. */
export interface Candidate {
  start: number;
  end: number;
  type: EntityType;
  rule: string;
  /** curated entity ids the surface fits (gazetteer), best first */
  curated?: string[];
  /** surname-style alias (needs support) */
  short?: boolean;
  /** canonical name proposed by the rule (e.g. the full name for an acronym definition) */
  name?: string;
  /** resolved entity id */
  entity?: string;
  /** country evidence from context (demonyms, titles, a legal suffix) */
  country?: Country;
  /** the kind of organisation the rule found ("company" for "workers at X", a legal suffix, "X, an automaker") */
  kind?: string;
  /** for title rules: the title that preceded a person and its implied tie */
  title?: { text: string; predicate: Relation['predicate']; org?: string; start: number; end: number; rule: string };
  /** a numbered unit named with its organisation ("IBT Local 745"): the organisation's words, and the entity they name in the document */
  parent?: { start: number; end: number; entity?: string };
  status?: Status;
}

/** An entity assembled by resolution for one document. */
export interface DocEntity {
  id: string;
  type: EntityType;
  name: string;
  aliases: Set<string>;
  country: Country | null;
  status: Status;
  kind?: string;
  mentions: Candidate[];
}

/** Per-document pipeline state. */
export interface DocContext {
  doc: Document;
  ontology: Ontology;
  /** clean text folded once (same length as doc.text); `doc.clean` is the unwrapped copy (hard line breaks inside paragraphs are spaces) */
  folded: string;
  sentences: Sentence[];
  /** the document's headline / title line, if it has one (its own sentence) */
  headline?: Sentence;
  /** a place (and date) opening the document: "WASHINGTON, D.C. –", "Washington, D.C., September 1st, 2016" */
  dateline?: Sentence;
  /** the date the front of the document states ("June 25, 2019") */
  date?: Sentence;
  /** "By David Bacon" */
  byline?: Sentence;
  /** ranges excluded from extraction (reference lists, citation footnotes, inline citations) */
  excluded: Sentence[];
  candidates: Candidate[];
  entities: Map<string, DocEntity>;
  relations: Relation[];
  /** a part of a larger document after its first (src/pipeline/parts.ts): no front matter */
  part?: boolean;
}
