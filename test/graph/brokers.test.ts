// test/graph: the shared broker definition (pure) — who counts, how neighbours are counted, the order.
import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { brokerCountry, brokersCypher, findBrokers, isBrokerCandidate } from '../../src/graph/brokers.js';

type Node = [key: string, type: string, country: string | null, extra?: Record<string, unknown>];

/** A mixed multigraph of entity nodes, relation edges `[s, o]` and optional MENTIONS edges from a document. */
function _graph(nodes: Node[], ties: [string, string][], mentions: string[] = []): Graph {
  const g = new Graph({ type: 'mixed', multi: true });
  g.addNode('doc:d', { nodeType: 'document', type: 'Document', name: 'd' });
  for (const [key, type, country, extra] of nodes) g.addNode(key, { nodeType: 'entity', type, name: key.split(':')[1], country, status: 'inferred', ...extra });
  ties.forEach(([s, o], i) => g.addDirectedEdgeWithKey(`t${i}`, s, o, { edgeType: 'relation', predicate: 'COOPERATES_WITH' }));
  for (const m of mentions) g.addDirectedEdgeWithKey(`m:${m}`, 'doc:d', m, { edgeType: 'mentions' });
  return g;
}

const BASE: Node[] = [
  ['org:afl', 'Organization', 'US'], ['org:uaw', 'Organization', 'US'], ['org:ctm', 'Organization', 'MX'], ['org:fat', 'Organization', 'MX'],
  ['person:ana', 'Person', 'MX'], ['event:summit', 'Event', 'INTL'], ['agreement:naalc', 'Agreement', 'INTL'],
  ['place:mexico', 'Place', null, { iso: 'MX', kind: 'country' }], ['place:us', 'Place', null, { iso: 'US', kind: 'country' }],
  ['org:ilo', 'Organization', 'INTL'], ['org:gone', 'Organization', 'US', { status: 'rejected' }],
];

describe('findBrokers', () => {
  it.each([
    ['an organisation tied to both sides (its own side counts too)', [['org:afl', 'org:ctm'], ['org:afl', 'org:uaw']], ['org:afl']],
    ['a person with a tie to each side', [['person:ana', 'org:afl'], ['person:ana', 'org:fat']], ['person:ana']],
    ['never an event, agreement or place, however tied', [['event:summit', 'org:afl'], ['event:summit', 'org:ctm'], ['agreement:naalc', 'org:afl'], ['agreement:naalc', 'org:ctm'], ['place:mexico', 'org:afl'], ['place:mexico', 'org:uaw'], ['place:us', 'org:ctm']], []],
    ['a tie to a country place counts for that country', [['org:ilo', 'place:mexico'], ['org:ilo', 'place:us']], ['org:ilo']],
    ['one side only is no broker', [['org:afl', 'org:uaw']], []],
    ['a rejected neighbour does not count', [['org:ctm', 'org:gone'], ['org:ctm', 'org:fat']], []],
  ] as [string, [string, string][], string[]][])('should find %s', (_name, ties, brokers) => {
    expect(findBrokers(_graph(BASE, ties), { a: 'US', b: 'MX' }).map((b) => b.key).sort()).toEqual(brokers.sort());
  });

  it('should count each neighbour once, ignore MENTIONS and rank by the weaker side, then both, then key', () => {
    const ties: [string, string][] = [
      ['org:ilo', 'org:afl'], ['org:ilo', 'org:afl'], ['org:ilo', 'org:uaw'], ['org:ilo', 'org:ctm'], ['org:ilo', 'org:fat'],
      ['org:afl', 'org:ctm'], ['org:afl', 'org:fat'], ['org:afl', 'org:uaw'],
      ['person:ana', 'org:uaw'], ['org:ctm', 'person:ana'],
    ];
    const got = findBrokers(_graph(BASE, ties, ['org:ilo', 'org:afl']), { a: 'US', b: 'MX' });
    expect(got.map((b) => [b.key, b.neighboursA, b.neighboursB, b.score, b.neighbours])).toEqual([
      ['org:ilo', 2, 2, 2, 4], ['org:afl', 1, 2, 1, 4], ['org:ctm', 1, 1, 1, 3], ['org:uaw', 1, 1, 1, 3], ['person:ana', 1, 1, 1, 2],
    ]);
    expect(findBrokers(_graph(BASE, ties), { a: 'US', b: 'MX', limit: 2 })).toHaveLength(2);
    // restricted to the edges the explorer shows
    expect(findBrokers(_graph(BASE, ties), { a: 'US', b: 'MX', edges: new Set(['t8', 't9']) }).map((b) => b.key)).toEqual(['person:ana']);
  });

  it('should take each actor\'s two busiest countries when no pair is given', () => {
    const g = _graph([...BASE, ['org:ca', 'Organization', 'CA']], [['org:ilo', 'org:ca'], ['org:ilo', 'org:afl'], ['org:ilo', 'org:uaw']]);
    expect(findBrokers(g, {}).map((b) => [b.key, b.neighboursA, b.neighboursB])).toEqual([['org:ilo', 2, 1]]);
    expect(findBrokers(g, { a: 'US', b: 'MX' })).toEqual([]);
  });
});

describe('broker helpers', () => {
  it('should take a node\'s country, else its iso', () => {
    expect(brokerCountry({ country: 'MX' })).toBe('MX');
    expect(brokerCountry({ country: null, iso: 'US' })).toBe('US');
    expect(brokerCountry({})).toBeNull();
    expect(isBrokerCandidate({ nodeType: 'entity', type: 'Organization', status: 'curated' })).toBe(true);
    expect(isBrokerCandidate({ nodeType: 'entity', type: 'Place', status: 'curated' })).toBe(false);
    expect(isBrokerCandidate({ nodeType: 'document', type: 'Organization' })).toBe(false);
  });

  it('should state the same definition in Cypher, values only as parameters', () => {
    const q = brokersCypher('FUNDS|LEADS');
    expect(q).toContain('(x:Person OR x:Organization)');
    expect(q).toContain('-[:FUNDS|LEADS]-');
    expect(q).toContain('coalesce(y.country, y.iso) = $a');
    expect(q).toMatch(/ORDER BY score DESC, neighboursA \+ neighboursB DESC, key\nLIMIT \$limit$/);
  });
});
