import { describe, expect, it } from 'vitest';
import { allArrows, ARROW_EDGE_LIMIT } from '../../viewer/src/lib/appearance.ts';
import { SearchIndex } from '../../viewer/src/lib/search-index.ts';
import { beforeImport, graph, graphVersion, loadGraph, searchIndex, warmSearchIndex } from '../../viewer/src/state/graph.ts';
import { _fixtureGraph } from './_graph.ts';

describe('explorer graph state', () => {
  it('should detach around a re-import and bump the version once the graph is complete', () => {
    const events: string[] = [];
    beforeImport(() => { events.push(`before ${graph.order}`); return () => events.push(`after ${graph.order}`); });
    const off = graphVersion.subscribe(() => events.push(`version ${graph.order}`));
    const data = _fixtureGraph().export();
    loadGraph(data);
    loadGraph(data);
    off();
    expect(events).toEqual(['before 0', 'after 8', 'version 8', 'before 8', 'after 8', 'version 8']);
  });

  it('should warm the search index in slices and answer from it, finishing it on demand', async () => {
    loadGraph(_fixtureGraph().export());
    // asked before the idle slices ran: completed synchronously
    expect(searchIndex().search('STPS')[0].key).toBe('org:stps');
    loadGraph(_fixtureGraph().export());
    warmSearchIndex();
    await new Promise((r) => setTimeout(r, 50));
    const ix = searchIndex();
    expect(ix.search('Secretaría del Trabajo')[0].key).toBe('org:stps');
    // one index per graph version
    expect(searchIndex()).toBe(ix);
    expect(searchIndex().search('Doc A')[0].key).toBe('doc:a');
  });
});

describe('SearchIndex.add', () => {
  it('should index items added one by one like the constructor does', () => {
    const items = [
      { key: 'a', name: 'Alpha Union', aliases: ['AU'] },
      { key: 'b', name: 'Beta', aliases: ['Alpha'] },
    ];
    const inc = new SearchIndex();
    for (const it of items) inc.add(it);
    expect(inc.search('alpha')).toEqual(new SearchIndex(items).search('alpha'));
  });
});

describe('arrows on big graphs', () => {
  it('should draw every arrow head up to the limit and only focused ones above', () => {
    expect(allArrows(ARROW_EDGE_LIMIT)).toBe(true);
    expect(allArrows(60_000)).toBe(false);
  });
});

describe('sizes on big graphs', () => {
  it('should keep [2, 16] px on small graphs and shrink the largest disc with density', async () => {
    const { sizeRange, edgeScale } = await import('../../viewer/src/lib/appearance.ts');
    expect(sizeRange(500)).toEqual([2, 16]);
    const [lo, hi] = sizeRange(20_000);
    expect(lo).toBeLessThan(2);
    expect(hi).toBeGreaterThanOrEqual(5);
    expect(hi).toBeLessThan(8);
    expect(edgeScale(1_000)).toBe(1);
    expect(edgeScale(60_000)).toBeLessThan(1);
  });
});

describe('labels on big graphs', () => {
  it('should label the hubs of a big graph and keep the small-graph threshold', async () => {
    const { labelThreshold, sizeRange } = await import('../../viewer/src/lib/appearance.ts');
    expect(labelThreshold(300)).toBe(5);
    expect(labelThreshold(20_000)).toBeLessThan(sizeRange(20_000)[1]);
    expect(labelThreshold(20_000)).toBeGreaterThan(sizeRange(20_000)[0]);
  });
});

describe('metric bins', () => {
  it('should give 0 its own bin and split the positive values by quantile', async () => {
    const { metricBins, binOf } = await import('../../viewer/src/lib/appearance.ts');
    const Graph = (await import('graphology')).default;
    const g = new Graph();
    [0, 0, 0, 0, 0.1, 0.2, 0.3, 0.4].forEach((v, i) => g.addNode(`n${i}`, { nodeType: 'entity', betweenness: v }));
    g.addNode('doc:a', { nodeType: 'document' });
    const b = metricBins(g, 'betweenness', 3);
    expect(b).toEqual([0, 0.2, 0.4]);
    expect([binOf(b, 0), binOf(b, 0.15), binOf(b, 0.4), binOf(b, 9)]).toEqual([0, 1, 2, 2]);
  });
});
