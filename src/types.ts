/**
 * kg's one extraction shape. Everything — CLI `kg extract --json`, graph attributes, the HTTP
 * API, the viewer, Neo4j properties, corrections — speaks these types. Import them; never redefine.
 */

/** Entity classes of the ontology (ontology/classes.yaml). */
export const ENTITY_TYPES = ['Person', 'Organization', 'Agreement', 'Law', 'Case', 'Program', 'Event', 'Place'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** Relation predicates of the ontology (ontology/relations.yaml). */
export const PREDICATES = [
  'MEMBER_OF', 'LEADS', 'WORKS_FOR', 'PARTY_TO', 'SIGNED', 'ESTABLISHED', 'FUNDS', 'COOPERATES_WITH',
  'OPPOSES', 'SUPPORTS', 'FILED', 'TARGETS', 'PARTICIPATED_IN', 'LOCATED_IN', 'PART_OF', 'SUCCEEDED_BY',
] as const;
export type Predicate = (typeof PREDICATES)[number];

export const COUNTRIES = ['US', 'MX', 'CA', 'INTL'] as const;
/** US, MX, CA, INTL (trinational / intergovernmental / international) or null when unknown. */
export type Country = (typeof COUNTRIES)[number];

/**
 * Where a mention / entity / relation stands: `curated` comes from the ontology, `inferred` from
 * rules, `confirmed` was accepted by an annotator, `rejected` was rejected by one (kept for audit,
 * filtered out of the graph).
 */
export const STATUSES = ['curated', 'inferred', 'confirmed', 'rejected'] as const;
export type Status = (typeof STATUSES)[number];

/** A span of a document's original text: `text === doc.text.slice(start, end)` always (UTF-16 indices). */
export interface Span {
  start: number;
  end: number;
  text: string;
}

/** One occurrence of an entity in a document, with the rule that found it. */
export interface Mention extends Span {
  rule: string;
  status?: Status;
}

/** An entity as extracted from one document (the `kg extract --json` shape). */
export interface Entity {
  /** Stable key: `<prefix>:<slug>`, e.g. `org:us-department-of-labor`, `person:elaine-chao`. */
  id: string;
  type: EntityType;
  name: string;
  aliases: string[];
  country: Country | null;
  status: Status;
  /** Ontology kind for organisations etc. (ministry, union, federation, NGO, company, …). */
  kind?: string;
  mentions: Mention[];
}

/** Evidence of a relation: a span in the document (usually the sentence). */
export interface Evidence {
  start: number;
  end: number;
}

/** A typed tie between two entities of the same document. */
export interface Relation {
  subject: string;
  predicate: Predicate;
  object: string;
  evidence: Evidence;
  rule: string;
  status?: Status;
  /** Words that stood for an argument (a pronoun or a description) and the entity discourse resolved them to. */
  via?: { start: number; end: number; text: string; entity: string }[];
}

/** Everything extracted from one document. */
export interface Extraction {
  /** The document's file name (e.g. `nolan-garcia-….txt`). */
  doc: string;
  entities: Entity[];
  relations: Relation[];
}

export type DocFormat = 'txt' | 'md' | 'html' | 'pdf';

/**
 * A read document. `text` is what every offset indexes: for .txt/.md/.html the file's original
 * text; for .pdf the text extracted from it. `clean` has the same length as `text` with markup
 * (markdown emphasis, tags, footnote markers, …) blanked to spaces, for the NLP to read.
 */
export interface Document {
  /** `doc:<file-stem>` */
  id: string;
  /** File name, e.g. `watts-2003-….txt` */
  name: string;
  /** Path as given / relative to the corpus directory. */
  path: string;
  format: DocFormat;
  title: string;
  text: string;
  clean: string;
  sha256: string;
}

/** Graph node attributes of an entity node (key = Entity.id). */
export interface EntityNodeAttributes {
  nodeType: 'entity';
  type: EntityType;
  label: string;
  name: string;
  aliases: string[];
  country: Country | null;
  status: Status;
  kind?: string;
  /** ISO 3166-1 alpha-2 code for Place nodes that are countries. */
  iso?: string;
  /** Total number of mentions over all documents. */
  mentions: number;
  /** Document keys (`doc:<stem>`) that mention it. */
  documents: string[];
  /** Relation ties (MENTIONS edges are not counted). */
  degree: number;
  /** PageRank over the directed relation ties (absent in graphs built before it existed). */
  pagerank?: number;
  /** Normalised betweenness over the undirected relation ties (absent on graphs too big for it). */
  betweenness?: number;
  community: number;
  x: number;
  y: number;
  size: number;
}

/** Graph node attributes of a document node (key = `doc:<stem>`). */
export interface DocumentNodeAttributes {
  nodeType: 'document';
  type: 'Document';
  label: string;
  name: string;
  path: string;
  title: string;
  sha256: string;
  /** When it was written, as precise as known ('2022-10-19', '2003-08', '2003'; src/corpus/date.ts). */
  date?: string;
  /** Where `date` came from: metadata, dateline, text or filename. */
  dateSource?: string;
  /** Always 0: a document has no relation ties (see `entities`). */
  degree: number;
  /** Entities it mentions (its MENTIONS edges). */
  entities?: number;
  community: number;
  x: number;
  y: number;
  size: number;
}

export type NodeAttributes = EntityNodeAttributes | DocumentNodeAttributes;

/** One piece of evidence on a relation edge. */
export interface EdgeEvidence {
  /** Document key `doc:<stem>` */
  doc: string;
  start: number;
  end: number;
  /** The evidence sentence, verbatim. */
  text: string;
  rule: string;
  status?: Status;
  /** When the tie held: the date the sentence states ("in 2003", "since 2019"), else the document's. */
  date?: string;
  /** 'sentence' when the sentence states the date (then `qualifier` says how), 'document' otherwise. */
  dateSource?: 'sentence' | 'document';
  qualifier?: 'in' | 'since' | 'until' | 'on';
}

/** Edge attributes of a relation edge (key = `<subject>|<PREDICATE>|<object>`). */
export interface RelationEdgeAttributes {
  edgeType: 'relation';
  predicate: Predicate;
  evidence: EdgeEvidence[];
  rules: string[];
  status: Status;
  /** Number of evidence items. */
  weight: number;
  /** Earliest and latest evidence date (ISO, partial): the explorer's date filter reads these. */
  dateFrom?: string;
  dateTo?: string;
}

/** Edge attributes of a MENTIONS edge (key = `<doc key>|MENTIONS|<entity id>`), document → entity. */
export interface MentionsEdgeAttributes {
  edgeType: 'mentions';
  predicate: 'MENTIONS';
  spans: Mention[];
  weight: number;
}

export type EdgeAttributes = RelationEdgeAttributes | MentionsEdgeAttributes;
