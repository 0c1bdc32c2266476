/** Graph serialisations: graphology JSON (byte-stable), GEXF (Gephi) and GraphML. */
import { write as writeGexf } from 'graphology-gexf';
import type { KgGraph } from './build.js';

/** graphology's serialized JSON, pretty-printed, stable across rebuilds. */
export function toJson(graph: KgGraph): string {
  return JSON.stringify(graph.export(), null, 1) + '\n';
}

function flatAttributes(attrs: Record<string, unknown>): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined) out[k] = '';
    else if (Array.isArray(v) || typeof v === 'object') out[k] = k === 'evidence' || k === 'spans' ? JSON.stringify(v) : (v as unknown[]).join ? (v as unknown[]).join('; ') : JSON.stringify(v);
    else out[k] = v as string | number | boolean;
  }
  return out;
}

/** GEXF 1.3 with list attributes joined by "; " and evidence as JSON text. */
export function toGexf(graph: KgGraph): string {
  const copy = graph.emptyCopy();
  graph.forEachNode((n, a) => copy.mergeNodeAttributes(n, flatAttributes(a as never) as never));
  graph.forEachEdge((e, a, s, t, _sa, _ta, undirected) => {
    if (undirected) copy.addUndirectedEdgeWithKey(e, s, t, flatAttributes(a as never) as never);
    else copy.addDirectedEdgeWithKey(e, s, t, flatAttributes(a as never) as never);
  });
  return writeGexf(copy as never, { pretty: true, version: '1.3' });
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** GraphML (graphology-graphml only parses), keys declared from the attributes present. */
export function toGraphml(graph: KgGraph): string {
  const keys = new Map<string, { for: 'node' | 'edge'; type: string }>();
  const declare = (scope: 'node' | 'edge', a: Record<string, string | number | boolean>) => {
    for (const [k, v] of Object.entries(a)) if (!keys.has(`${scope}:${k}`)) keys.set(`${scope}:${k}`, { for: scope, type: typeof v === 'number' ? 'double' : typeof v === 'boolean' ? 'boolean' : 'string' });
  };
  const nodes: string[] = [];
  const edges: string[] = [];
  graph.forEachNode((n, a) => {
    const f = flatAttributes(a as never);
    declare('node', f);
    nodes.push(`  <node id="${esc(n)}">${Object.entries(f).map(([k, v]) => `<data key="node:${esc(k)}">${esc(String(v))}</data>`).join('')}</node>`);
  });
  graph.forEachEdge((e, a, s, t, _sa, _ta, undirected) => {
    const f = flatAttributes(a as never);
    declare('edge', f);
    edges.push(`  <edge id="${esc(e)}" source="${esc(s)}" target="${esc(t)}" directed="${!undirected}">${Object.entries(f).map(([k, v]) => `<data key="edge:${esc(k)}">${esc(String(v))}</data>`).join('')}</edge>`);
  });
  const decl = [...keys].map(([id, k]) => `  <key id="${esc(id)}" for="${k.for}" attr.name="${esc(id.split(':').slice(1).join(':'))}" attr.type="${k.type}"/>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n${decl.join('\n')}\n<graph id="kg" edgedefault="directed">\n${nodes.join('\n')}\n${edges.join('\n')}\n</graph>\n</graphml>\n`;
}
