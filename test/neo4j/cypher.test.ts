// test/neo4j: Cypher generation as pure functions (no database).
import { describe, expect, it } from 'vitest';
import { DELETE_BATCH, constraintStatements, countStatements, fixClassLabels, pruneStatements, replaceMentions, upsertEntities, upsertRelations, wipeStatements } from '../../src/neo4j/cypher.js';
import { entityLabel, relationAlternation, relationshipType } from '../../src/neo4j/names.js';
import { ENTITY_TYPES, PREDICATES } from '../../src/types.js';

describe('names', () => {
  it('should accept only ontology classes and predicates', () => {
    expect(entityLabel('Person')).toBe('Person');
    expect(relationshipType('FUNDS')).toBe('FUNDS');
    for (const bad of ['person', 'Person`) DETACH DELETE n //', 'Person:Admin', '', 'Entity']) {
      expect(() => entityLabel(bad)).toThrow(expect.objectContaining({ name: 'ValidationError' }));
    }
    for (const bad of ['funds', 'FUNDS]->() DELETE r //', 'MENTIONS']) {
      expect(() => relationshipType(bad)).toThrow(expect.objectContaining({ name: 'ValidationError' }));
    }
    expect(relationAlternation().split('|')).toEqual([...PREDICATES]);
  });
});

describe('load statements', () => {
  it('should create a unique-key constraint per merged label, idempotently', () => {
    expect(constraintStatements()).toEqual([
      'CREATE CONSTRAINT kg_entity_key IF NOT EXISTS FOR (n:Entity) REQUIRE n.key IS UNIQUE',
      'CREATE CONSTRAINT kg_document_key IF NOT EXISTS FOR (n:Document) REQUIRE n.key IS UNIQUE',
      'CREATE CONSTRAINT kg_country_code IF NOT EXISTS FOR (n:Country) REQUIRE n.code IS UNIQUE',
      'CREATE CONSTRAINT kg_sentence_key IF NOT EXISTS FOR (n:Sentence) REQUIRE n.key IS UNIQUE',
    ]);
  });

  it('should MERGE entities on key with the class label and values only as parameters', () => {
    const q = upsertEntities('Organization');
    expect(q).toContain('UNWIND $rows AS row');
    expect(q).toContain('MERGE (n:Entity {key: row.key})');
    expect(q).toContain('SET n:Organization');
    expect(() => upsertEntities('Organization:Evil')).toThrow(expect.objectContaining({ name: 'ValidationError' }));
    expect(fixClassLabels()).toHaveLength(ENTITY_TYPES.length);
    expect(fixClassLabels()[0]).toBe("MATCH (n:Person) WHERE n.type <> 'Person' REMOVE n:Person");
  });

  it('should MERGE one relationship per predicate type and refuse unknown predicates', () => {
    expect(upsertRelations('COOPERATES_WITH')).toContain('MERGE (a)-[r:COOPERATES_WITH]->(b)');
    expect(() => upsertRelations('KNOWS')).toThrow(expect.objectContaining({ name: 'ValidationError' }));
  });

  it('should replace mentions only for documents whose fingerprint changed', () => {
    const q = replaceMentions();
    expect(q).toContain('WHERE d.mentionsHash IS NULL OR d.mentionsHash <> doc.hash');
    expect(q).toContain('CREATE (d)-[:MENTIONS {start: s[0], end: s[1], text: s[2], rule: s[3], status: s[4]}]->(e)');
    expect(q).not.toMatch(/MENTIONS[^\n]*key:/);
  });

  it('should prune every predicate type and keep keys as a parameter', () => {
    const p = pruneStatements();
    for (const t of PREDICATES) expect(p.some((s) => s.keys === t && s.text === `MATCH ()-[r:${t}]->() WHERE NOT r.key IN $keys\nCALL (r) { DELETE r } IN TRANSACTIONS OF ${DELETE_BATCH} ROWS`)).toBe(true);
    // nodes: relationships first, in batches of relationships, then the nodes
    expect(p.filter((s) => s.what === 'entities').map((s) => s.text)).toEqual([
      `MATCH (n:Entity)-[r]-() WHERE NOT n.key IN $keys\nWITH DISTINCT r\nCALL (r) { DELETE r } IN TRANSACTIONS OF ${DELETE_BATCH} ROWS`,
      `MATCH (n:Entity) WHERE NOT n.key IN $keys\nCALL (n) { DETACH DELETE n } IN TRANSACTIONS OF ${DELETE_BATCH} ROWS`,
    ]);
    expect(p.every((s) => s.text.includes('IN TRANSACTIONS'))).toBe(true);
    expect(wipeStatements()[0]).toMatch(/^MATCH \(n\)-\[r\]->\(\) WHERE n:Entity OR n:Document OR n:Sentence\nCALL \(r\) \{ DELETE r \} IN TRANSACTIONS/);
  });

  it('should count every kg label and type from the count store', () => {
    const c = countStatements();
    expect(c.nodes.split('UNION ALL')).toHaveLength(4 + ENTITY_TYPES.length);
    expect(c.relationships).toContain("MATCH ()-[r:MENTIONS]->() RETURN 'MENTIONS' AS name, count(r) AS n");
  });
});
