// Build updates: only documents that changed cross from the build thread; the HTTP thread merges them.
import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import type { BuildResult } from '../../src/build.js';
import { applyUpdate, toUpdate } from '../../src/server/builder.js';
import type { BuildSession } from '../../src/server/session.js';
import type { Document, Extraction } from '../../src/types.js';

function _doc(name: string, text: string): Document {
  return { id: `doc:${name}`, name, path: name, format: 'txt', title: name, text, clean: text, sha256: text.padEnd(64, '0').slice(0, 64) };
}

function _result(docs: Document[], extra: Record<string, Extraction> = {}): BuildResult {
  const graph = new Graph();
  graph.setAttribute('kind', 'test');
  for (const d of docs) graph.addNode(d.id, { name: d.name });
  return {
    graph: graph as unknown as BuildResult['graph'], documents: docs, errors: [], stale: [], warnings: [],
    extractions: docs.map((d) => extra[d.name] ?? { doc: d.name, entities: [], relations: [] }),
  };
}

const _session = (generation = 0) => ({ generation, raw: () => undefined }) as unknown as BuildSession;

describe('toUpdate / applyUpdate', () => {
  it('should send every document first, then only the changed ones, and merge them in build order', () => {
    const sent = new Map<string, string>();
    const state = { generation: -1 };
    const a = _doc('a.txt', 'A text');
    const b = _doc('b.txt', 'B text');
    const first = toUpdate(_result([a, b]), _session(), sent, state, false);
    expect(first.changed.map((c) => c.doc.name)).toEqual(['a.txt', 'b.txt']);
    const snap1 = applyUpdate(undefined, first);
    expect(snap1.documents.map((d) => d.name)).toEqual(['a.txt', 'b.txt']);

    const b2 = _doc('b.txt', 'B edited');
    const c = _doc('c.txt', 'C text');
    const second = toUpdate(_result([a, b2, c], { 'a.txt': { doc: 'a.txt', entities: [], relations: [] } }), _session(), sent, state, false);
    expect(second.changed.map((x) => x.doc.name)).toEqual(['b.txt', 'c.txt']);
    const snap2 = applyUpdate(snap1, second);
    expect(snap2.documents.map((d) => d.text)).toEqual(['A text', 'B edited', 'C text']);
    expect(snap2.docs.get('a.txt')).toBe(snap1.docs.get('a.txt'));

    // a changed corrected extraction is sent again; a removed document is gone
    const corrected: Extraction = { doc: 'a.txt', entities: [{ id: 'org:x', type: 'Organization', name: 'X', aliases: [], country: null, status: 'confirmed', mentions: [] }], relations: [] };
    const third = toUpdate(_result([a, c], { 'a.txt': corrected }), _session(), sent, state, false);
    expect(third.changed.map((x) => x.doc.name)).toEqual(['a.txt']);
    const snap3 = applyUpdate(snap2, third);
    expect([...snap3.docs.keys()]).toEqual(['a.txt', 'c.txt']);
    expect(snap3.docs.get('a.txt')!.extraction).toEqual(corrected);
  });

  it('should send everything again after the ontology changed', () => {
    const sent = new Map<string, string>();
    const state = { generation: -1 };
    const a = _doc('a.txt', 'A text');
    toUpdate(_result([a]), _session(0), sent, state, false);
    expect(toUpdate(_result([a]), _session(0), sent, state, false).changed).toEqual([]);
    expect(toUpdate(_result([a]), _session(1), sent, state, false).changed.map((x) => x.doc.name)).toEqual(['a.txt']);
  });

  it('should carry the graph without its attributes, as bytes when asked', () => {
    const u = toUpdate(_result([_doc('a.txt', 'A')]), _session(), new Map(), { generation: -1 }, true);
    expect(u.graphAttributes).toEqual({ kind: 'test' });
    const body = JSON.parse(new TextDecoder().decode(u.graphBody as Uint8Array));
    expect(body.attributes).toBeUndefined();
    expect(body.nodes.map((n: { key: string }) => n.key)).toEqual(['doc:a.txt']);
  });
});
