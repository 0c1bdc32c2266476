// A small hand-made graph in the shape of src/types.ts attributes, for the viewer helper tests.
import Graph from 'graphology';

/** US–MX actors, a place, a document; COOPERATES_WITH undirected, the rest directed. */
export function _fixtureGraph(): Graph {
  const g = new Graph({ type: 'mixed', multi: false, allowSelfLoops: true });
  const ent = (key: string, type: string, name: string, country: string | null, extra: Record<string, unknown> = {}) =>
    g.addNode(key, { nodeType: 'entity', type, label: name, name, aliases: [], country, status: 'curated', mentions: 1, documents: ['doc:a'], degree: 0, community: 0, x: 0, y: 0, size: 1, ...extra });
  ent('org:us-department-of-labor', 'Organization', 'U.S. Department of Labor', 'US', { aliases: ['DOL', 'USDOL'], mentions: 12 });
  ent('org:stps', 'Organization', 'Secretariat of Labor and Social Welfare', 'MX', { aliases: ['STPS', 'Secretaría del Trabajo y Previsión Social'], mentions: 9 });
  ent('org:afl-cio', 'Organization', 'AFL-CIO', 'US', { mentions: 5, status: 'inferred' });
  ent('org:fat', 'Organization', 'Frente Auténtico del Trabajo', 'MX', { aliases: ['FAT'], mentions: 4, documents: ['doc:b'] });
  ent('person:elaine-chao', 'Person', 'Elaine Chao', 'US', { mentions: 2 });
  ent('place:mexico', 'Place', 'Mexico', 'MX', { mentions: 30, iso: 'MX' });
  ent('org:ilo', 'Organization', 'International Labour Organization', 'INTL', { aliases: ['ILO'], mentions: 1, status: 'confirmed' });
  g.addNode('doc:a', { nodeType: 'document', type: 'Document', label: 'Doc A', name: 'a.txt', path: 'a.txt', title: 'Doc A', sha256: 'x', degree: 0, community: 1, x: 1, y: 1, size: 1 });
  const ev = (doc = 'doc:a') => [{ doc, start: 0, end: 10, text: 'evidence…', rule: 'r1', status: 'inferred' }];
  const rel = (s: string, p: string, o: string, extra: Record<string, unknown> = {}) => {
    const attrs = { edgeType: 'relation', predicate: p, evidence: ev(), rules: ['r1'], status: 'inferred', weight: 1, ...extra };
    if (p === 'COOPERATES_WITH') g.addUndirectedEdgeWithKey(`${s}|${p}|${o}`, s, o, attrs);
    else g.addDirectedEdgeWithKey(`${s}|${p}|${o}`, s, o, attrs);
  };
  rel('org:us-department-of-labor', 'COOPERATES_WITH', 'org:stps');
  rel('person:elaine-chao', 'LEADS', 'org:us-department-of-labor', { status: 'curated' });
  rel('org:afl-cio', 'COOPERATES_WITH', 'org:fat', { evidence: ev('doc:b') });
  rel('org:afl-cio', 'SUPPORTS', 'org:us-department-of-labor');
  rel('org:stps', 'LOCATED_IN', 'place:mexico');
  rel('org:ilo', 'SUPPORTS', 'org:stps');
  for (const n of ['org:us-department-of-labor', 'org:stps', 'person:elaine-chao', 'place:mexico', 'org:afl-cio']) {
    g.addDirectedEdgeWithKey(`doc:a|MENTIONS|${n}`, 'doc:a', n, { edgeType: 'mentions', predicate: 'MENTIONS', spans: [], weight: 1 });
  }
  g.forEachNode((n) => g.setNodeAttribute(n, 'degree', g.degree(n)));
  return g;
}
