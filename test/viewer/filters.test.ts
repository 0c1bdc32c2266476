import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS, computeVisibility, dateExtent, datesMeet, egoNodes, filterDomains, isCrossBorder, toggleIn } from '../../viewer/src/lib/filters.ts';
import { ENTITY_TYPES, PREDICATES } from '../../src/types.ts';
import type { FilterState } from '../../viewer/src/lib/filters.ts';
import { _fixtureGraph } from './_graph.ts';

const f = (patch: Partial<FilterState> = {}): FilterState => ({ ...DEFAULT_FILTERS, ...patch });

describe('computeVisibility', () => {
  const g = _fixtureGraph();

  it('should hide document nodes and MENTIONS edges by default', () => {
    const v = computeVisibility(g, f());
    expect(v.nodes.has('doc:a')).toBe(false);
    expect([...v.edges].some((e) => e.includes('|MENTIONS|'))).toBe(false);
    expect(v.nodes.size).toBe(7);
    expect(v.edges.size).toBe(6);
  });

  it('should show documents and their MENTIONS edges when toggled on', () => {
    const v = computeVisibility(g, f({ showDocuments: true }));
    expect(v.nodes.has('doc:a')).toBe(true);
    expect(v.edges.has('doc:a|MENTIONS|org:stps')).toBe(true);
  });

  it('should filter by type, country, status, minimum mentions and document', () => {
    expect([...computeVisibility(g, f({ types: ['Person'] })).nodes]).toEqual(['person:elaine-chao']);
    expect(computeVisibility(g, f({ countries: ['MX'] })).nodes).toEqual(new Set(['org:stps', 'org:fat', 'place:mexico']));
    expect(computeVisibility(g, f({ statuses: ['inferred'] })).nodes).toEqual(new Set(['org:afl-cio']));
    expect(computeVisibility(g, f({ minMentions: 9 })).nodes).toEqual(new Set(['org:us-department-of-labor', 'org:stps', 'place:mexico']));
    expect(computeVisibility(g, f({ document: 'doc:b' })).nodes).toEqual(new Set(['org:fat']));
  });

  it('should drop edges of a hidden endpoint and edges of unselected predicates', () => {
    const v = computeVisibility(g, f({ predicates: ['LEADS'] }));
    expect([...v.edges]).toEqual(['person:elaine-chao|LEADS|org:us-department-of-labor']);
    const w = computeVisibility(g, f({ types: ['Organization'] }));
    expect(w.edges.has('person:elaine-chao|LEADS|org:us-department-of-labor')).toBe(false);
  });

  it('should keep only US–MX ties and their endpoints in cross-border mode', () => {
    const v = computeVisibility(g, f({ crossBorder: true }));
    expect(v.edges).toEqual(new Set(['org:us-department-of-labor|COOPERATES_WITH|org:stps', 'org:afl-cio|COOPERATES_WITH|org:fat']));
    expect(v.nodes).toEqual(new Set(['org:us-department-of-labor', 'org:stps', 'org:afl-cio', 'org:fat']));
  });

  it('should include INTL ties with the any pair', () => {
    const v = computeVisibility(g, f({ crossBorder: true, crossPair: 'any' }));
    expect(v.edges.has('org:ilo|SUPPORTS|org:stps')).toBe(true);
  });

  it('should restrict to the ego network of the selected node', () => {
    const v1 = computeVisibility(g, f({ ego: 1 }), 'org:stps');
    expect(v1.nodes).toEqual(new Set(['org:stps', 'org:us-department-of-labor', 'place:mexico', 'org:ilo']));
    const v2 = computeVisibility(g, f({ ego: 2 }), 'org:stps');
    expect(v2.nodes.has('person:elaine-chao')).toBe(true);
    expect(v2.nodes.has('org:fat')).toBe(false);
    for (const e of v2.edges) expect(v2.nodes.has(g.source(e)) && v2.nodes.has(g.target(e))).toBe(true);
  });

  it('should ignore the ego depth when nothing is selected', () => {
    expect(computeVisibility(g, f({ ego: 2 }), null).nodes.size).toBe(7);
  });
});

describe('egoNodes', () => {
  it('should walk edges in both directions up to the depth', () => {
    const g = _fixtureGraph();
    const relations = new Set(g.filterEdges((_e, a) => a.edgeType === 'relation'));
    expect(egoNodes(g, 'person:elaine-chao', 1, relations)).toEqual(new Set(['person:elaine-chao', 'org:us-department-of-labor']));
    expect(egoNodes(g, 'person:elaine-chao', 2, relations).has('org:fat')).toBe(false);
    expect(egoNodes(g, 'person:elaine-chao', 3, relations).has('org:fat')).toBe(true);
    // without a restriction, MENTIONS edges count: the document is one hop away
    expect(egoNodes(g, 'person:elaine-chao', 1).has('doc:a')).toBe(true);
  });
});

describe('isCrossBorder', () => {
  it.each([
    ['US', 'MX', 'US-MX', true], ['MX', 'US', 'US-MX', true], ['US', 'US', 'US-MX', false],
    ['US', 'INTL', 'US-MX', false], ['US', null, 'any', false], ['US', 'INTL', 'any', true], ['CA', 'MX', 'MX-CA', true],
  ] as const)('should judge %s–%s under %s as %s', (a, b, pair, out) => expect(isCrossBorder(a, b, pair)).toBe(out));
});

describe('countryOf', () => {
  it('should read a country Place by its iso code', async () => {
    const { countryOf } = await import('../../viewer/src/lib/filters.ts');
    expect(countryOf({ country: null, iso: 'MX' })).toBe('MX');
    expect(countryOf({ country: 'US' })).toBe('US');
    expect(countryOf({ country: null })).toBeNull();
  });

  it('should treat a tie to a country Place as cross-border', () => {
    const g = _fixtureGraph();
    g.setNodeAttribute('place:mexico', 'country', null);
    g.addDirectedEdgeWithKey('org:afl-cio|LOCATED_IN|place:mexico', 'org:afl-cio', 'place:mexico', { edgeType: 'relation', predicate: 'LOCATED_IN', evidence: [], status: 'inferred' });
    expect(computeVisibility(g, f({ crossBorder: true })).edges.has('org:afl-cio|LOCATED_IN|place:mexico')).toBe(true);
  });
});

describe('communities and range filters', () => {
  const g = _fixtureGraph();
  g.setNodeAttribute('org:stps', 'community', 4);
  g.setNodeAttribute('org:stps', 'betweenness', 0.5);
  g.setNodeAttribute('org:afl-cio', 'betweenness', 0.1);

  it('should keep only the listed communities', () => {
    const v = computeVisibility(g, f({ communities: [4] }));
    expect([...v.nodes]).toEqual(['org:stps']);
    expect(v.edges.size).toBe(0);
  });

  it.each([
    [{ attr: 'betweenness', min: 0.2, max: null }, ['org:stps']],
    [{ attr: 'betweenness', min: null, max: 0.2 }, ['org:afl-cio']],
    [{ attr: 'mentions', min: 9, max: 12 }, ['org:us-department-of-labor', 'org:stps']],
  ])('should keep nodes whose metric is in %o (nodes without it drop out)', (range, want) => {
    expect([...computeVisibility(g, f({ range })).nodes].sort()).toEqual([...want].sort());
  });
});

describe('date filter', () => {
  const g = _fixtureGraph();
  g.setEdgeAttribute('org:us-department-of-labor|COOPERATES_WITH|org:stps', 'dateFrom', '2003-08');
  g.setEdgeAttribute('org:us-department-of-labor|COOPERATES_WITH|org:stps', 'dateTo', '2004');
  g.setEdgeAttribute('org:afl-cio|COOPERATES_WITH|org:fat', 'dateFrom', '2019-05-01');
  g.setEdgeAttribute('org:afl-cio|COOPERATES_WITH|org:fat', 'dateTo', '2022');

  it.each([
    [{ from: '2003', to: '2005' }, ['org:us-department-of-labor|COOPERATES_WITH|org:stps']],
    [{ from: '2004', to: null }, ['org:us-department-of-labor|COOPERATES_WITH|org:stps', 'org:afl-cio|COOPERATES_WITH|org:fat']],
    [{ from: null, to: '2003-07' }, []],
    [{ from: '2022', to: '2022' }, ['org:afl-cio|COOPERATES_WITH|org:fat']],
  ])('should keep the dated ties meeting %o, and only their ends', (dates, want) => {
    const v = computeVisibility(g, f({ dates }));
    expect([...v.edges].sort()).toEqual([...want].sort());
    const ends = new Set(want.flatMap((e) => [g.source(e), g.target(e)]));
    expect([...v.nodes].sort()).toEqual([...ends].sort());
  });

  it('should read a year or a month as the whole of it', () => {
    expect(datesMeet('2005-12-31', '2005-12-31', { from: null, to: '2005' })).toBe(true);
    expect(datesMeet('2003-01', '2003-01', { from: '2003', to: null })).toBe(true);
    expect(datesMeet(undefined, undefined, { from: '2003', to: null })).toBe(false);
  });

  it('should span the evidence dates of the graph', () => {
    expect(dateExtent(g)).toEqual({ from: '2003-08', to: '2022' });
    expect(dateExtent(_fixtureGraph())).toBeNull();
  });
});

describe('filterDomains', () => {
  it('should list the types, countries (the usual four first, others sorted, none last) and predicates present', () => {
    const g = _fixtureGraph();
    g.addNode('org:tuc', { nodeType: 'entity', type: 'Organization', name: 'TUC', country: 'GB' });
    g.addNode('org:x', { nodeType: 'entity', type: 'Organization', name: 'X', country: null });
    g.addNode('place:iraq', { nodeType: 'entity', type: 'Place', name: 'Iraq', iso: 'IQ' });
    const d = filterDomains(g, ENTITY_TYPES, PREDICATES);
    expect(d.types).toEqual(ENTITY_TYPES.filter((t) => ['Organization', 'Person', 'Place'].includes(t)));
    expect(d.countries).toEqual(['US', 'MX', 'INTL', 'GB', 'IQ', 'none']);
    expect(d.predicates).toEqual(PREDICATES.filter((p) => ['COOPERATES_WITH', 'LEADS', 'SUPPORTS', 'LOCATED_IN'].includes(p)).concat('MENTIONS'));
  });
});

describe('toggleIn', () => {
  const domain = ['US', 'MX', 'CA', 'GB', 'none'];

  it('should hide one value and keep every other of the domain, the ones beyond the usual four too', () => {
    expect(toggleIn(null, domain, 'US')).toEqual(['MX', 'CA', 'GB', 'none']);
  });

  it('should show a hidden value again, and give null once all are shown', () => {
    expect(toggleIn(['MX'], domain, 'US')).toEqual(['US', 'MX']);
    expect(toggleIn(['MX', 'CA', 'GB', 'none'], domain, 'US')).toBeNull();
  });

  it('should keep a selected value the domain does not hold (a stale URL) without counting it', () => {
    expect(toggleIn(['MX', 'ZZ'], domain, 'CA')).toEqual(['MX', 'CA', 'ZZ']);
  });
});
