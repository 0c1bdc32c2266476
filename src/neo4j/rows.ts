// kg/neo4j: turns a kg graph (graphology serialized JSON) into the parameter rows of the load.
import type { SerializedGraph } from 'graphology-types';
import type { EdgeAttributes, EntityType, NodeAttributes, Predicate } from '../types.js';
import { ValidationError } from '../errors.js';
import { yearOf } from '../corpus/date.js';
import { nameKeys } from './lookup.js';
import { COUNTRY_NAMES, entityLabel, relationshipType } from './names.js';

/** Neo4j property values: scalars and homogeneous lists only (no nulls, no maps). */
export type PropValue = string | number | boolean | string[] | number[];
export type Props = Record<string, PropValue>;

export interface EntityRow { key: string; type: EntityType; props: Props }
export interface DocumentRow { key: string; props: Props }
export interface CountryRow { code: string; name: string }
export interface BasedInRow { entity: string; country: string }
export interface MentionRow { doc: string; entity: string; key: string; props: Props }
export interface RelationRow { subject: string; object: string; key: string; predicate: Predicate; props: Props }
/** An evidence sentence (one node per distinct document span) and the entities of the ties it states. */
export interface SentenceRow { key: string; doc: string; props: Props; about: string[] }

/** Everything the load writes, grouped the way the Cypher statements take it. */
export interface GraphRows {
  entities: EntityRow[];
  documents: DocumentRow[];
  countries: CountryRow[];
  basedIn: BasedInRow[];
  mentions: MentionRow[];
  relations: RelationRow[];
  sentences: SentenceRow[];
}

export type KgSerializedGraph = SerializedGraph<NodeAttributes, EdgeAttributes>;

/** Anything that serializes to a kg graph: a graphology instance or its `export()` JSON. */
export type GraphInput = KgSerializedGraph | { export(): KgSerializedGraph };

/** The serialized form of `graph` (graphology instances are exported, JSON passes through). */
export function serialized(graph: GraphInput): KgSerializedGraph {
  return 'export' in graph && typeof graph.export === 'function' ? graph.export() : (graph as KgSerializedGraph);
}

/** Drops null/undefined (Neo4j cannot store them) so `SET n = $props` converges. */
function props(obj: Record<string, PropValue | null | undefined>): Props {
  const out: Props = {};
  for (const [k, v] of Object.entries(obj)) if (v !== null && v !== undefined) out[k] = v;
  return out;
}

/** A mention span's handle in the rows (document, span, entity); not stored in Neo4j, where the span itself identifies it. */
export function mentionKey(doc: string, start: number, end: number, entity: string): string {
  return `${doc}#${start}-${end}|${entity}`;
}

/**
 * Validates and flattens a kg graph into load rows. Entity classes and predicates are checked
 * against the ontology lists here, before any Cypher is built (ValidationError names the node/edge).
 */
export function graphToRows(input: GraphInput, where = 'graph'): GraphRows {
  const graph = serialized(input);
  if (!graph || !Array.isArray(graph.nodes) || !Array.isArray(graph.edges)) {
    throw new ValidationError(`${where}: not a graphology serialized graph (expected "nodes" and "edges" arrays)`);
  }
  const rows: GraphRows = { entities: [], documents: [], countries: [], basedIn: [], mentions: [], relations: [], sentences: [] };
  const sentences = new Map<string, SentenceRow>();
  const countryNames = new Map<string, string>();
  const kinds = new Map<string, 'entity' | 'document'>();

  for (const node of graph.nodes) {
    const a = node.attributes;
    const at = `${where}: node ${JSON.stringify(node.key)}`;
    if (!a) throw new ValidationError(`${at}: has no attributes`);
    if (a.nodeType === 'document') {
      kinds.set(node.key, 'document');
      rows.documents.push({ key: node.key, props: props({ key: node.key, name: a.name, path: a.path, title: a.title, sha256: a.sha256, date: a.date, year: a.date ? yearOf(a.date) : undefined, dateSource: a.dateSource }) });
    } else if (a.nodeType === 'entity') {
      const type = entityLabel(a.type, at);
      kinds.set(node.key, 'entity');
      rows.entities.push({
        key: node.key,
        type,
        props: props({
          key: node.key, type, name: a.name, aliases: a.aliases ?? [], nameKeys: nameKeys(a.name, a.aliases ?? []), country: a.country, status: a.status,
          kind: a.kind, iso: a.iso, mentionCount: a.mentions, documents: a.documents ?? [],
          community: a.community, degree: a.degree,
        }),
      });
      if (a.country && COUNTRY_NAMES[a.country]) {
        rows.basedIn.push({ entity: node.key, country: a.country });
        if (!countryNames.has(a.country)) countryNames.set(a.country, COUNTRY_NAMES[a.country]);
      }
      // A country's own Place node names its Country node ("Mexico", not a hard-coded guess).
      if (type === 'Place' && a.iso && COUNTRY_NAMES[a.iso]) countryNames.set(a.iso, a.name);
    } else {
      throw new ValidationError(`${at}: unknown nodeType ${JSON.stringify((a as { nodeType?: unknown }).nodeType)}`);
    }
  }
  rows.countries = [...countryNames].map(([code, name]) => ({ code, name })).sort((x, y) => x.code.localeCompare(y.code));

  for (const edge of graph.edges) {
    const a = edge.attributes;
    const at = `${where}: edge ${JSON.stringify(edge.key ?? `${edge.source}->${edge.target}`)}`;
    if (!a) throw new ValidationError(`${at}: has no attributes`);
    if (a.edgeType === 'mentions') {
      if (kinds.get(edge.source) !== 'document' || kinds.get(edge.target) !== 'entity') {
        throw new ValidationError(`${at}: MENTIONS must go from a document node to an entity node`);
      }
      for (const s of a.spans ?? []) {
        const key = mentionKey(edge.source, s.start, s.end, edge.target);
        rows.mentions.push({
          doc: edge.source, entity: edge.target, key,
          // no `key` in Neo4j: a span is (document, entity, start, end); `key` above is the rows' own handle
          props: props({ start: s.start, end: s.end, text: s.text, rule: s.rule, status: s.status }),
        });
      }
    } else if (a.edgeType === 'relation') {
      const predicate = relationshipType(a.predicate, at);
      if (kinds.get(edge.source) !== 'entity' || kinds.get(edge.target) !== 'entity') {
        throw new ValidationError(`${at}: a ${predicate} relation must join two entity nodes`);
      }
      const ev = a.evidence ?? [];
      const key = edge.key ?? `${edge.source}|${predicate}|${edge.target}`;
      const sentenceKeys = ev.map((e) => {
        const k = sentenceKey(e.doc, e.start, e.end);
        let row = sentences.get(k);
        if (!row) sentences.set(k, (row = { key: k, doc: e.doc, about: [], props: props({ key: k, doc: e.doc, start: e.start, end: e.end, text: e.text, date: e.dateSource === 'sentence' ? e.date : undefined }) }));
        for (const x of [edge.source, edge.target]) if (!row.about.includes(x)) row.about.push(x);
        return k;
      });
      rows.relations.push({
        subject: edge.source, object: edge.target, key, predicate,
        props: props({
          key, status: a.status, rules: a.rules ?? [], count: ev.length || a.weight || 0,
          undirected: edge.undirected === true,
          documents: [...new Set(ev.map((e) => e.doc))],
          evidenceDocs: ev.map((e) => e.doc), evidenceStarts: ev.map((e) => e.start), evidenceEnds: ev.map((e) => e.end),
          evidenceTexts: ev.map((e) => e.text), evidenceRules: ev.map((e) => e.rule),
          evidenceStatuses: ev.map((e) => e.status ?? ''),
          // one sentence node per piece of evidence: MATCH (s:Sentence) WHERE s.key IN r.sentences
          sentences: sentenceKeys, evidenceDates: ev.map((e) => e.date ?? ''),
          dateFrom: a.dateFrom, dateTo: a.dateTo, yearFrom: a.dateFrom ? yearOf(a.dateFrom) : undefined, yearTo: a.dateTo ? yearOf(a.dateTo) : undefined,
        }),
      });
    } else {
      throw new ValidationError(`${at}: unknown edgeType ${JSON.stringify((a as { edgeType?: unknown }).edgeType)}`);
    }
  }
  for (const k of [...sentences.keys()].sort()) {
    const row = sentences.get(k)!;
    if (kinds.get(row.doc) === 'document') rows.sentences.push({ ...row, about: row.about.sort() });
  }
  return rows;
}

/** Sentence node key: the document and the span. */
export function sentenceKey(doc: string, start: number, end: number): string {
  return `${doc}#s${start}-${end}`;
}

/** What a correct load leaves in Neo4j, computed from the rows (the load's own check and the tests'). */
export function expectedCounts(rows: GraphRows): { nodes: Record<string, number>; relationships: Record<string, number> } {
  const relationships: Record<string, number> = { MENTIONS: rows.mentions.length, BASED_IN: rows.basedIn.length };
  if (rows.sentences.length) {
    relationships.HAS_SENTENCE = rows.sentences.length;
    relationships.ABOUT = rows.sentences.reduce((n, s) => n + s.about.length, 0);
  }
  for (const r of rows.relations) relationships[r.predicate] = (relationships[r.predicate] ?? 0) + 1;
  const nodes: Record<string, number> = { Entity: rows.entities.length, Document: rows.documents.length, Country: rows.countries.length };
  if (rows.sentences.length) nodes.Sentence = rows.sentences.length;
  for (const e of rows.entities) nodes[e.type] = (nodes[e.type] ?? 0) + 1;
  return { nodes, relationships };
}
