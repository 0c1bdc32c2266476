// test/neo4j: graph → load rows (pure): validation, flattening, counts, CSV.
import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { ARRAY_DELIMITER, importCommand, neo4jCsvFiles } from '../../src/neo4j/csv.js';
import { mentionBatches } from '../../src/neo4j/load.js';
import { expectedCounts, graphToRows } from '../../src/neo4j/rows.js';
import type { EdgeAttributes, NodeAttributes } from '../../src/types.js';
import { addExtras, INJECTION_NAME } from './fixtures/extras.js';

function _graph(): Graph<NodeAttributes, EdgeAttributes> {
  return addExtras(new Graph<NodeAttributes, EdgeAttributes>({ type: 'mixed', multi: true }));
}

describe('graphToRows', () => {
  it('should flatten entities, documents, spans and relations with evidence', () => {
    const rows = graphToRows(_graph());
    expect(rows.documents).toHaveLength(1);
    const union = rows.entities.find((e) => e.key === 'org:fixture-quote-union')!;
    expect(union).toMatchObject({ type: 'Organization', props: { name: INJECTION_NAME, country: 'MX', status: 'confirmed' } });
    expect(rows.mentions).toHaveLength(4);
    expect(rows.mentions[0].key).toBe('doc:fixture-extras#0-10|org:fixture-quote-union');
    const coop = rows.relations.find((r) => r.predicate === 'COOPERATES_WITH')!;
    expect(coop.props).toMatchObject({ undirected: true, count: 1, documents: ['doc:fixture-extras'], evidenceStarts: [expect.any(Number)] });
    expect(rows.countries).toEqual([{ code: 'MX', name: 'Mexico' }, { code: 'US', name: 'United States' }]);
    // INTL is a property, not a Country node
    expect(rows.basedIn.some((b) => b.entity === 'agreement:fixture-labor-accord')).toBe(false);
    expect(expectedCounts(rows).relationships).toMatchObject({ MENTIONS: 4, FILED: 3, TARGETS: 2 });
  });

  it('should accept a serialized graph the same as an instance', () => {
    const g = _graph();
    expect(graphToRows(JSON.parse(JSON.stringify(g.export())))).toEqual(graphToRows(g));
  });

  it('should refuse labels and types outside the ontology before any Cypher is built', () => {
    const g = _graph();
    g.mergeNodeAttributes('person:jose-garcia-nunez', { type: 'Person`) MATCH (n) DETACH DELETE n //' as never });
    expect(() => graphToRows(g, 'data/graph.json')).toThrow(/^data\/graph.json: node "person:jose-garcia-nunez": unknown entity type/);
    const h = _graph();
    h.mergeEdgeAttributes('org:fixture-us-union|SUPPORTS|person:jose-garcia-nunez', { predicate: 'KNOWS' as never });
    expect(() => graphToRows(h)).toThrow(expect.objectContaining({ name: 'ValidationError', message: expect.stringContaining('unknown predicate "KNOWS"') }));
    expect(() => graphToRows({ nodes: 3 } as never, 'x.json')).toThrow('x.json: not a graphology serialized graph');
  });

  it('should fingerprint each document\'s spans so an unchanged document is skipped', () => {
    const rows = graphToRows(_graph());
    const [a] = mentionBatches(rows, 5000);
    const [b] = mentionBatches(graphToRows(_graph()), 5000);
    expect((a.rows as { hash: string }[])[0].hash).toBe((b.rows as { hash: string }[])[0].hash);
    rows.mentions[0].props.text = 'changed';
    expect((mentionBatches(rows, 5000)[0].rows as { hash: string }[])[0].hash).not.toBe((a.rows as { hash: string }[])[0].hash);
  });
});

describe('neo4j-admin CSV', () => {
  it('should quote text, type columns and join arrays with the unit separator', () => {
    const files = neo4jCsvFiles(graphToRows(_graph()));
    const ents = files.find((f) => f.name === 'nodes-entities.csv')!.content.split('\n');
    const union = ents.find((l) => l.startsWith('"org:fixture-quote-union"'))!;
    expect(union).toContain(`"Entity${ARRAY_DELIMITER}Organization"`);
    expect(union).toContain(`"${INJECTION_NAME.replaceAll('"', '""')}"`);
    const rels = files.find((f) => f.name === 'rels-relations.csv')!.content.split('\n');
    expect(rels[0]).toMatch(/^:START_ID,:END_ID,:TYPE,key,count:long,status,undirected:boolean,rules:string\[\],.*evidenceStarts:long\[\],.*sentences:string\[\],evidenceDates:string\[\],dateFrom,dateTo,yearFrom:long,yearTo:long$/);
    expect(files.find((f) => f.name === 'rels-mentions.csv')!.content.split('\n')[0]).toBe(':START_ID,:END_ID,:TYPE,start:long,end:long,text,rule,status');
    // the mentions fingerprint travels, so a load after the import skips every document
    const docs = files.find((f) => f.name === 'nodes-documents.csv')!.content.split('\n');
    expect(docs[0]).toBe('key:ID,:LABEL,name,path,title,sha256,date,year:long,dateSource,mentionsHash');
    expect(docs[1]).toContain(`"${(mentionBatches(graphToRows(_graph()), 5000)[0].rows as { hash: string }[])[0].hash}"`);
    expect(files.map((f) => f.name)).toEqual(expect.arrayContaining(['nodes-sentences.csv', 'rels-has-sentence.csv', 'rels-about.csv']));
    expect(importCommand(files)).toContain('--relationships=rels-mentions.csv');
  });
});
