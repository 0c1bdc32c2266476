import { describe, it, expect } from 'vitest';
import { buildGraph, evidenceTexts } from '../../src/graph/build.js';
import { toJson } from '../../src/graph/export.js';
import type { EntityNodeAttributes, MentionsEdgeAttributes, RelationEdgeAttributes } from '../../src/types.js';
import { _corpus, _info, _entity, _spans, TEXT_A } from './_helpers.js';
import { _extract } from '../pipeline/_helpers.js';

describe('buildGraph', () => {
  it('should key nodes stably: doc:<stem> for documents, entity ids for entities', () => {
    const { documents, extractions } = _corpus();
    const g = buildGraph(documents, extractions, { layout: false });
    expect(g.nodes()).toEqual(['doc:a', 'doc:b', 'org:att-mexico', 'org:stps', 'org:uaw', 'person:ana-ruiz', 'place:mexico-city']);
    expect(g.getNodeAttributes('doc:a')).toMatchObject({ nodeType: 'document', type: 'Document', label: 'Title of a.txt', name: 'a.txt', path: 'corpus/a.txt', title: 'Title of a.txt' });
  });

  it('should merge an entity across documents: mentions, documents, aliases, the curated name', () => {
    const { documents, extractions } = _corpus();
    const g = buildGraph(documents, extractions, { layout: false });
    const stps = g.getNodeAttributes('org:stps') as EntityNodeAttributes;
    expect(stps).toMatchObject({ nodeType: 'entity', type: 'Organization', name: 'Secretariat of Labor and Social Welfare', label: 'Secretariat of Labor and Social Welfare', status: 'curated', country: 'MX', kind: 'ministry', documents: ['doc:a', 'doc:b'] });
    // 2 in A, 1 in B, plus the folded "Secretaría del Trabajo" of B
    expect(stps.mentions).toBe(4);
    expect(stps.aliases).toEqual(['STPS', 'Secretaría del Trabajo']);
    expect(g.hasNode('org:secretaria-del-trabajo')).toBe(false);
  });

  it('should put the spans on MENTIONS edges document → entity', () => {
    const { documents, extractions } = _corpus();
    const g = buildGraph(documents, extractions, { layout: false });
    const key = 'doc:a|MENTIONS|org:stps';
    expect(g.hasEdge(key)).toBe(true);
    expect(g.source(key)).toBe('doc:a');
    expect(g.target(key)).toBe('org:stps');
    expect(g.isDirected(key)).toBe(true);
    const attrs = g.getEdgeAttributes(key) as MentionsEdgeAttributes;
    expect(attrs).toMatchObject({ edgeType: 'mentions', predicate: 'MENTIONS', weight: 2 });
    expect(attrs.spans.map((s) => [s.start, s.end, s.text, s.rule])).toEqual(_spans(TEXT_A, 'STPS', 'gazetteer').map((s) => [s.start, s.end, s.text, s.rule]));
    for (const s of attrs.spans) expect(TEXT_A.slice(s.start, s.end)).toBe(s.text);
    // the folded entity's mention lands on the canonical node's edge
    const b = g.getEdgeAttributes('doc:b|MENTIONS|org:stps') as MentionsEdgeAttributes;
    expect(b.spans.map((s) => s.text)).toEqual(['STPS', 'Secretaría del Trabajo']);
  });

  it('should put predicate, evidence and rules on relation edges; COOPERATES_WITH undirected with sorted ends', () => {
    const { documents, extractions } = _corpus();
    const g = buildGraph(documents, extractions, { layout: false });
    const leads = g.getEdgeAttributes('person:ana-ruiz|LEADS|org:stps') as RelationEdgeAttributes;
    expect(leads).toMatchObject({ edgeType: 'relation', predicate: 'LEADS', rules: ['test.rule'], status: 'inferred', weight: 1 });
    expect(leads.evidence).toEqual([{ doc: 'doc:a', start: 0, end: TEXT_A.indexOf('.') + 1, text: 'Ana Ruiz leads the STPS.', rule: 'test.rule' }]);
    expect(g.isDirected('person:ana-ruiz|LEADS|org:stps')).toBe(true);
    // org:uaw COOPERATES_WITH org:stps is stored as org:stps|…|org:uaw
    expect(g.hasEdge('org:uaw|COOPERATES_WITH|org:stps')).toBe(false);
    const coop = 'org:stps|COOPERATES_WITH|org:uaw';
    expect(g.isUndirected(coop)).toBe(true);
    expect((g.getEdgeAttributes(coop) as RelationEdgeAttributes).evidence[0]).toMatchObject({ doc: 'doc:b', text: 'The STPS met the UAW in Mexico City.', rule: 'cooperates.met' });
    expect(g.isUndirected('org:att-mexico|COOPERATES_WITH|org:stps')).toBe(true);
  });

  it('should gather evidence of one relation from several documents, rules sorted and deduplicated', () => {
    const { documents, extractions } = _corpus();
    extractions[1]!.relations.push({ ...extractions[1]!.relations[0]!, rule: 'a.first' });
    extractions[0]!.relations.push({ subject: 'org:stps', predicate: 'COOPERATES_WITH', object: 'org:uaw', evidence: { start: 0, end: 10 }, rule: 'z.last' });
    const g = buildGraph(documents, extractions, { layout: false });
    const coop = g.getEdgeAttributes('org:stps|COOPERATES_WITH|org:uaw') as RelationEdgeAttributes;
    expect(coop.weight).toBe(3);
    expect(coop.rules).toEqual(['a.first', 'cooperates.met', 'z.last']);
    expect(coop.evidence.map((e) => e.doc)).toEqual(['doc:a', 'doc:b', 'doc:b']);
  });

  it('should leave out rejected mentions and relations, and entities with nothing left', () => {
    const { documents, extractions } = _corpus();
    const ana = extractions[0]!.entities[0]!;
    ana.mentions = ana.mentions.map((m) => ({ ...m, status: 'rejected' as const }));
    extractions[0]!.relations = extractions[0]!.relations.map((r) => ({ ...r, status: 'rejected' as const }));
    const g = buildGraph(documents, extractions, { layout: false });
    expect(g.hasNode('person:ana-ruiz')).toBe(false);
    expect(g.hasEdge('org:att-mexico|COOPERATES_WITH|org:stps')).toBe(false);
  });

  it('should use the evidence texts when the document text is not kept', () => {
    const { documents, extractions } = _corpus();
    const slim = documents.map((d) => {
      const x = extractions.find((e) => e.doc === d.name)!;
      const { text, ...rest } = d;
      return { ...rest, evidence: evidenceTexts(x, text!) };
    });
    expect(toJson(buildGraph(slim, extractions))).toBe(toJson(buildGraph(documents, extractions)));
  });

  it('should compute degree, community, x, y and size for every node', () => {
    const { documents, extractions } = _corpus();
    const g = buildGraph(documents, extractions);
    g.forEachNode((n, a) => {
      // relation ties only: MENTIONS edges (document → entity) are not ties
      expect(a.degree, n).toBe(g.edges(n).filter((e) => g.getEdgeAttribute(e, 'edgeType') === 'relation').length);
      expect(Number.isInteger(a.community), n).toBe(true);
      expect(Number.isFinite(a.x) && Number.isFinite(a.y), n).toBe(true);
      expect(a.size, n).toBeGreaterThan(0);
    });
    expect(g.getNodeAttribute('org:stps', 'degree')).toBeGreaterThan(g.getNodeAttribute('place:mexico-city', 'degree'));
    expect(new Set(g.mapNodes((_n, a) => `${a.x},${a.y}`)).size).toBe(g.order);
  });

  it('should serialize two builds of the same input byte-identically', () => {
    const one = _corpus();
    const two = _corpus();
    expect(toJson(buildGraph(one.documents, one.extractions))).toBe(toJson(buildGraph(two.documents, two.extractions)));
    // input order of extractions does not matter to keys and attributes
    const rev = _corpus();
    const a = JSON.parse(toJson(buildGraph(one.documents, one.extractions, { layout: false })));
    const b = JSON.parse(toJson(buildGraph([...rev.documents].reverse(), [...rev.extractions].reverse(), { layout: false })));
    expect(b.nodes.map((n: { key: string }) => n.key)).toEqual(a.nodes.map((n: { key: string }) => n.key));
    expect(b.edges.map((e: { key: string }) => e.key)).toEqual(a.edges.map((e: { key: string }) => e.key));
  });

  it('should build byte-identically from real extractions', async () => {
    const text = 'U.S. Secretary of Labor Elaine Chao met Mexican Secretary of Labor Carlos Abascal in Mexico City. The AFL-CIO and the FAT cooperated.';
    const x = await _extract(text, 'real.txt');
    const docs = [_info('real.txt', text)];
    const j1 = toJson(buildGraph(docs, [x]));
    const j2 = toJson(buildGraph(docs, [await _extract(text, 'real.txt')]));
    expect(j1).toBe(j2);
    const parsed = JSON.parse(j1);
    expect(parsed.nodes.map((n: { key: string }) => n.key)).toEqual(expect.arrayContaining(['doc:real', 'person:elaine-chao', 'org:afl-cio', 'org:fat', 'place:mexico-city']));
  });

  it('should keep a country place\'s iso and make it its country, so the state is a cross-border actor', () => {
    const text = 'Mexico and Guatemala met Canada.';
    const doc = _info('c.txt', text);
    const ents = [['place:mexico', 'Mexico'], ['place:guatemala', 'Guatemala'], ['place:canada', 'Canada']].map(([id, name]) => _entity(id, 'Place', name, _spans(text, name), { status: 'curated', kind: 'country' }));
    const curated = new Map([['place:mexico', { iso: 'MX', aliases: ['México', 'Estados Unidos Mexicanos'] }], ['place:guatemala', { iso: 'GT' }], ['place:canada', { iso: 'CA', country: null }]]);
    const g = buildGraph([doc], [{ doc: 'c.txt', entities: ents, relations: [] }], { layout: false, curated });
    expect(g.getNodeAttributes('place:mexico')).toMatchObject({ iso: 'MX', country: 'MX', aliases: expect.arrayContaining(['Estados Unidos Mexicanos', 'México']) });
    expect(g.getNodeAttributes('place:canada')).toMatchObject({ iso: 'CA', country: 'CA' });
    // not one of kg's countries: the code stays, the country stays unknown
    expect(g.getNodeAttributes('place:guatemala')).toMatchObject({ iso: 'GT', country: null });
    expect(buildGraph([doc], [{ doc: 'c.txt', entities: ents, relations: [] }], { layout: false }).getNodeAttributes('place:mexico')).not.toHaveProperty('iso');
  });

  it('should skip extractions of unknown documents and self-loops after merging', () => {
    const { documents, extractions } = _corpus();
    extractions.push({ doc: 'ghost.txt', entities: [_entity('org:ghost', 'Organization', 'Ghost', [])], relations: [] });
    extractions[1]!.relations.push({ subject: 'org:secretaria-del-trabajo', predicate: 'PART_OF', object: 'org:stps', evidence: { start: 0, end: 5 }, rule: 'r' });
    const g = buildGraph(documents, extractions, { layout: false });
    expect(g.hasNode('org:ghost')).toBe(false);
    expect(g.hasEdge('org:stps|PART_OF|org:stps')).toBe(false);
  });
});

describe('evidenceTexts', () => {
  it('should map start:end of every relation to its sentence, whitespace collapsed', () => {
    const text = 'The STPS\n  met the UAW. Next.';
    const out = evidenceTexts({ doc: 'x', entities: [], relations: [{ subject: 'a', predicate: 'COOPERATES_WITH', object: 'b', evidence: { start: 0, end: 23 }, rule: 'r' }] }, text);
    expect(out).toEqual({ '0:23': 'The STPS met the UAW.' });
  });
});

