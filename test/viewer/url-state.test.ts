import { describe, expect, it } from 'vitest';
import { defaultGraphRoute, parseHash, toHash } from '../../viewer/src/lib/url-state.ts';
import type { GraphRoute } from '../../viewer/src/lib/url-state.ts';

describe('url state', () => {
  it('should parse the contract example', () => {
    const r = parseHash('#/graph?node=org:stps&types=Person,Organization&country=US,MX&crossBorder=1&ego=2&cam=0.5,0.25,0.3') as GraphRoute;
    expect(r.route).toBe('graph');
    expect(r.node).toBe('org:stps');
    expect(r.filters.types).toEqual(['Person', 'Organization']);
    expect(r.filters.countries).toEqual(['US', 'MX']);
    expect(r.filters.crossBorder).toBe(true);
    expect(r.filters.ego).toBe(2);
    expect(r.cam).toEqual({ x: 0.5, y: 0.25, ratio: 0.3 });
  });

  it('should round-trip every explorer field', () => {
    const r = defaultGraphRoute();
    Object.assign(r.filters, { types: ['Person'], countries: ['none'], predicates: ['LEADS', 'MENTIONS'], statuses: ['confirmed'],
      document: 'doc:watts-2003', minMentions: 3, minDegree: 2, showDocuments: true, crossBorder: true, crossPair: 'any', ego: 3 });
    Object.assign(r, { node: 'person:josé', colorBy: 'community', sizeBy: 'mentions', path: ['org:a', 'org:b'], cam: { x: 0.1234, y: -2, ratio: 0.05 } });
    expect(parseHash(toHash(r))).toEqual(r);
  });

  it.each([
    ['a selected tie', { edge: 'org:a|FUNDS|org:b' }, {}],
    ['metric colour and size', { colorBy: 'betweenness', sizeBy: 'pagerank' }, {}],
    ['country colour, uniform size', { colorBy: 'country', sizeBy: 'uniform' }, {}],
    ['communities and a range', {}, { communities: [3, 7], range: { attr: 'betweenness', min: 0.01, max: null } }],
    ['a closed range', {}, { range: { attr: 'degree', min: 2, max: 10 } }],
    ['a date range', {}, { dates: { from: '2003', to: '2010-06' } }],
    ['an open date range', {}, { dates: { from: null, to: '2019-05-01' } }],
  ])('should round-trip %s', (_name, route, filters) => {
    const r = defaultGraphRoute();
    Object.assign(r, route);
    Object.assign(r.filters, filters);
    expect(parseHash(toHash(r))).toEqual(r);
  });

  it('should drop unknown colour/size choices and malformed ranges', () => {
    const r = parseHash('#/graph?color=rainbow&size=huge&range=degree::') as GraphRoute;
    expect([r.colorBy, r.sizeBy, r.filters.range]).toEqual(['type', 'degree', null]);
  });

  it('should write nothing but the route for the default state', () => {
    expect(toHash(defaultGraphRoute())).toBe('#/graph');
    expect(parseHash('')).toEqual(defaultGraphRoute());
  });

  it('should parse and write document routes with a span', () => {
    const hash = toHash({ route: 'doc', name: 'watts 2003 ü.txt', span: { start: 10, end: 42 } });
    expect(hash).toBe('#/doc/watts%202003%20%C3%BC.txt?span=10-42');
    expect(parseHash(hash)).toEqual({ route: 'doc', name: 'watts 2003 ü.txt', span: { start: 10, end: 42 } });
    expect(parseHash('#/doc/a.txt?span=bad')).toEqual({ route: 'doc', name: 'a.txt', span: null });
  });

  it('should parse and write the document list route', () => {
    expect(toHash({ route: 'docs' })).toBe('#/docs');
    expect(parseHash('#/docs')).toEqual({ route: 'docs' });
  });

  it('should clamp the ego depth and ignore a malformed camera', () => {
    const r = parseHash('#/graph?ego=9&cam=1,2') as GraphRoute;
    expect(r.filters.ego).toBe(3);
    expect(r.cam).toBeNull();
  });
});
