/**
 * The knowledge graph: graphology, mixed (COOPERATES_WITH undirected, the rest directed), stable keys,
 * nodes and edges inserted in key order so the serialised graph is byte-identical on rebuild.
 */
import Graph from 'graphology';
import { COUNTRIES, type Country, type Document, type EdgeAttributes, type EdgeEvidence, type Entity, type Extraction, type Mention, type NodeAttributes, type Status } from '../types.js';
import { documentDate, sentenceDate, type DocumentDate } from '../corpus/date.js';
import { analyse } from './analyse.js';
import { canonicalIds } from './merge.js';
import { pushAll } from '../util/array.js';

/** kg's graph type. */
export type KgGraph = Graph<NodeAttributes, EdgeAttributes>;

/** What the graph needs of a document: its text, or just the evidence sentences (`start:end` → text). */
export type DocumentInfo = Pick<Document, 'id' | 'name' | 'path' | 'title' | 'sha256'> & { text?: string; evidence?: Record<string, string>; date?: DocumentDate | null };

/** An evidence sentence as the graph shows it: one line, trimmed. */
function evidenceText(text: string, ev: { start: number; end: number }): string {
  return text.slice(ev.start, ev.end).replace(/\s+/g, ' ').trim();
}

/** The evidence sentences of an extraction, so the text itself need not be kept. */
export function evidenceTexts(extraction: Extraction, text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of extraction.relations) out[`${r.evidence.start}:${r.evidence.end}`] = evidenceText(text, r.evidence);
  return out;
}

/** What the graph keeps of a read document when its text is dropped (`kg build`, build workers). */
export function documentInfo(doc: Document, extraction: Extraction): DocumentInfo {
  const { text, clean: _c, ...info } = doc;
  return { ...info, evidence: evidenceTexts(extraction, text), date: documentDate(text, doc.name) };
}

/** The date of one piece of evidence: the sentence's own ("in 2003", "since 2019"), else the document's. */
function evidenceDate(sentence: string, docDate: string | undefined): Pick<EdgeEvidence, 'date' | 'dateSource' | 'qualifier'> {
  const own = sentenceDate(sentence);
  if (own) return { date: own.date, dateSource: 'sentence', qualifier: own.qualifier };
  return docDate ? { date: docDate, dateSource: 'document' } : {};
}

/** Earliest and latest evidence date of an edge (ISO strings compare in time order). */
function dateRange(evidence: EdgeEvidence[]): { dateFrom?: string; dateTo?: string } {
  const dates = evidence.map((e) => e.date).filter((d): d is string => !!d).sort();
  return dates.length ? { dateFrom: dates[0], dateTo: dates[dates.length - 1] } : {};
}

const STATUS_RANK: Record<Status, number> = { confirmed: 0, curated: 1, inferred: 2, rejected: 3 };
const byKey = <T>(a: [string, T], b: [string, T]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

/** What the graph takes from the ontology's curated entities (by id): a country's ISO code. */
export type CuratedInfo = ReadonlyMap<string, { iso?: string; country?: Country | null; aliases?: readonly string[] }>;

/** Options of {@link buildGraph}. */
export interface BuildGraphOptions {
  layout?: boolean;
  /** curated entities (the ontology's `entities`): places that are countries keep `iso` and get it as `country` (US/MX/CA) */
  curated?: CuratedInfo;
}

/** Build the graph from documents and their extractions, then analyse it (degree, communities, layout). */
export function buildGraph(documents: DocumentInfo[], extractions: Extraction[], options: BuildGraphOptions = {}): KgGraph {
  const canon = canonicalIds(extractions);
  const docByName = new Map(documents.map((d) => [d.name, d]));
  const nodes = new Map<string, NodeAttributes>();
  const mentionEdges = new Map<string, { source: string; target: string; spans: Mention[] }>();
  const relEdges = new Map<string, { source: string; target: string; predicate: EdgeEvidence['rule']; evidence: EdgeEvidence[]; statuses: Status[] }>();
  const docDates = new Map<string, string | undefined>();
  for (const d of documents) {
    const date = d.date !== undefined ? d.date : d.text !== undefined ? documentDate(d.text, d.name) : null;
    docDates.set(d.id, date?.date);
    nodes.set(d.id, { nodeType: 'document', type: 'Document', label: d.title || d.name, name: d.name, path: d.path, title: d.title, sha256: d.sha256, ...(date ? { date: date.date, dateSource: date.source } : {}), degree: 0, community: 0, x: 0, y: 0, size: 1 });
  }
  for (const x of extractions) {
    const doc = docByName.get(x.doc);
    if (!doc) continue;
    const text = doc.text;
    for (const e of x.entities) {
      const id = canon.get(e.id) ?? e.id;
      mergeEntity(nodes, id, e, doc.id);
      const key = `${doc.id}|MENTIONS|${id}`;
      const edge = mentionEdges.get(key) ?? { source: doc.id, target: id, spans: [] };
      pushAll(edge.spans, e.mentions.filter((m) => m.status !== 'rejected'));
      mentionEdges.set(key, edge);
    }
    for (const r of x.relations) {
      if (r.status === 'rejected') continue;
      const s = canon.get(r.subject) ?? r.subject;
      const o = canon.get(r.object) ?? r.object;
      if (s === o) continue;
      const [a, b] = r.predicate === 'COOPERATES_WITH' && o < s ? [o, s] : [s, o];
      const key = `${a}|${r.predicate}|${b}`;
      const edge = relEdges.get(key) ?? { source: a, target: b, predicate: r.predicate, evidence: [], statuses: [] };
      const sentence = text ? evidenceText(text, r.evidence) : (doc.evidence?.[`${r.evidence.start}:${r.evidence.end}`] ?? '');
      edge.evidence.push({ doc: doc.id, start: r.evidence.start, end: r.evidence.end, text: sentence, rule: r.rule, ...(r.status ? { status: r.status } : {}), ...evidenceDate(sentence, docDates.get(doc.id)) });
      edge.statuses.push(r.status ?? 'inferred');
      relEdges.set(key, edge);
    }
  }
  const graph: KgGraph = new Graph<NodeAttributes, EdgeAttributes>({ type: 'mixed', multi: true, allowSelfLoops: false });
  for (const [key, attrs] of [...nodes].sort(byKey)) {
    if (attrs.nodeType === 'entity') attrs.documents.sort();
    graph.addNode(key, attrs);
  }
  for (const [key, e] of [...mentionEdges].sort(byKey)) {
    if (!e.spans.length) continue;
    e.spans.sort((a, b) => a.start - b.start);
    graph.addDirectedEdgeWithKey(key, e.source, e.target, { edgeType: 'mentions', predicate: 'MENTIONS', spans: e.spans, weight: e.spans.length });
  }
  for (const [key, e] of [...relEdges].sort(byKey)) {
    if (!graph.hasNode(e.source) || !graph.hasNode(e.target)) continue;
    const attrs: EdgeAttributes = {
      edgeType: 'relation',
      predicate: e.predicate as never,
      evidence: e.evidence,
      rules: [...new Set(e.evidence.map((v) => v.rule))].sort(),
      status: e.statuses.sort((a, b) => STATUS_RANK[a] - STATUS_RANK[b])[0]!,
      weight: e.evidence.length,
      ...dateRange(e.evidence),
    };
    if (e.predicate === 'COOPERATES_WITH') graph.addUndirectedEdgeWithKey(key, e.source, e.target, attrs);
    else graph.addDirectedEdgeWithKey(key, e.source, e.target, attrs);
  }
  if (options.curated) for (const [key, attrs] of nodes) if (attrs.nodeType === 'entity') fromOntology(attrs, options.curated.get(key));
  // entities whose every mention was rejected leave the graph
  graph.forEachNode((node, attrs) => {
    if (attrs.nodeType === 'entity' && graph.degree(node) === 0 && attrs.mentions === 0) graph.dropNode(node);
  });
  analyse(graph, options);
  return graph;
}

/**
 * A country's own node ("Mexico", iso MX) stands for the state: it keeps its ISO code and, when that
 * code is one of kg's countries, has it as its country too — so the state appears in cross-border
 * ties and counts as a tie into its country (src/graph/brokers.ts).
 */
function fromOntology(attrs: NodeAttributes & { nodeType: 'entity' }, curated: { iso?: string; country?: Country | null; aliases?: readonly string[] } | undefined): void {
  // every name the ontology knows, not only those the documents used: "Secretaría del Trabajo y
  // Previsión Social" finds the STPS in the explorer and in Neo4j even if no document spells it out
  if (curated?.aliases?.length) attrs.aliases = [...new Set([...attrs.aliases, ...curated.aliases.filter((a) => a !== attrs.name)])].sort();
  if (!curated?.iso) return;
  attrs.iso = curated.iso;
  if (!attrs.country && (COUNTRIES as readonly string[]).includes(curated.iso)) attrs.country = curated.iso as Country;
}

function mergeEntity(nodes: Map<string, NodeAttributes>, id: string, e: Entity, docId: string): void {
  const live = e.mentions.filter((m) => m.status !== 'rejected').length;
  const cur = nodes.get(id);
  if (!cur || cur.nodeType !== 'entity') {
    nodes.set(id, {
      nodeType: 'entity', type: e.type, label: e.name, name: e.name, aliases: [...new Set(e.aliases)].sort(), country: e.country, status: e.status,
      ...(e.kind ? { kind: e.kind } : {}), mentions: live, documents: [docId], degree: 0, community: 0, x: 0, y: 0, size: 1,
    });
    return;
  }
  cur.mentions += live;
  if (!cur.documents.includes(docId)) cur.documents.push(docId);
  cur.aliases = [...new Set([...cur.aliases, ...e.aliases, ...(e.name !== cur.name ? [e.name] : [])])].sort();
  if (STATUS_RANK[e.status] < STATUS_RANK[cur.status]) {
    cur.status = e.status;
    if (e.status === 'confirmed' || e.status === 'curated') {
      cur.name = cur.label = e.name;
      cur.type = e.type;
    }
  }
  cur.country ??= e.country;
}
