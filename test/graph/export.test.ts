import { describe, it, expect } from 'vitest';
import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { DOMParser } from '@xmldom/xmldom';
import { buildGraph } from '../../src/graph/build.js';
import { toGexf, toGraphml, toJson } from '../../src/graph/export.js';
import { _corpus } from './_helpers.js';

/** Parse XML strictly: any warning or error fails. @xmldom/xmldom comes with graphology-gexf. */
function _xml(text: string): Document {
  const problems: string[] = [];
  const doc = new DOMParser({ errorHandler: { warning: (m: string) => problems.push(m), error: (m: string) => problems.push(m), fatalError: (m: string) => problems.push(m) } }).parseFromString(text, 'text/xml');
  expect(problems).toEqual([]);
  return doc as unknown as Document;
}

const _graph = () => {
  const { documents, extractions } = _corpus();
  return buildGraph(documents, extractions);
};

describe('toJson', () => {
  it('should serialise graphology JSON that imports back to the same graph', () => {
    const g = _graph();
    const json = toJson(g);
    expect(json.endsWith('\n')).toBe(true);
    const back = Graph.from(JSON.parse(json));
    expect(back.order).toBe(g.order);
    expect(back.size).toBe(g.size);
    expect(toJson(back as never)).toBe(json);
  });
});

describe('toGexf', () => {
  it('should write well-formed GEXF with every node and edge, lists joined and evidence as JSON', () => {
    const g = _graph();
    const gexf = toGexf(g);
    const doc = _xml(gexf);
    // GEXF 1.3 with its own namespaces (1.2 as written by graphology-gexf has a malformed viz namespace)
    expect(doc.documentElement.getAttribute('version')).toBe('1.3');
    expect(doc.documentElement.getAttribute('xmlns:viz')).toBe('http://gexf.net/1.3/viz');
    expect(doc.getElementsByTagName('node').length).toBe(g.order);
    expect(doc.getElementsByTagName('edge').length).toBe(g.size);
    const back = parseGexf(Graph, gexf);
    expect(back.nodes().sort()).toEqual(g.nodes().sort());
    expect(back.getNodeAttribute('org:stps', 'documents')).toBe('doc:a; doc:b');
    expect(back.getNodeAttribute('org:att-mexico', 'label')).toBe('AT&T <Mexico>');
    const ev = back.getEdgeAttribute('person:ana-ruiz|LEADS|org:stps', 'evidence');
    expect(JSON.parse(ev as string)[0]).toMatchObject({ doc: 'doc:a', text: 'Ana Ruiz leads the STPS.' });
  });
});

describe('toGraphml', () => {
  it('should write well-formed GraphML with declared keys, every node and edge, escaped text', () => {
    const g = _graph();
    const xml = toGraphml(g);
    const doc = _xml(xml);
    const nodes = doc.getElementsByTagName('node');
    expect(nodes.length).toBe(g.order);
    expect(doc.getElementsByTagName('edge').length).toBe(g.size);
    const ids = Array.from({ length: nodes.length }, (_, i) => nodes.item(i)!.getAttribute('id'));
    expect(ids.sort()).toEqual(g.nodes().sort());
    const keys = new Set(Array.from({ length: doc.getElementsByTagName('key').length }, (_, i) => doc.getElementsByTagName('key').item(i)!.getAttribute('id')));
    const datas = doc.getElementsByTagName('data');
    for (let i = 0; i < datas.length; i++) expect(keys.has(datas.item(i)!.getAttribute('key'))).toBe(true);
    expect(xml).toContain('AT&amp;T &lt;Mexico&gt;');
    const coop = Array.from({ length: doc.getElementsByTagName('edge').length }, (_, i) => doc.getElementsByTagName('edge').item(i)!).find((e) => e.getAttribute('id') === 'org:stps|COOPERATES_WITH|org:uaw')!;
    expect(coop.getAttribute('directed')).toBe('false');
  });
});
