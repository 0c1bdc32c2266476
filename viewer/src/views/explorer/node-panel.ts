// Side panel of the selected node: identity, metrics, documents, and every tie with its evidence.
import type { EdgeEvidence } from '../../../../src/types.ts';
import { METRIC_LABELS, metricValue } from '../../lib/appearance.ts';
import { predicateColor, typeColor } from '../../lib/colors.ts';
import { toHash } from '../../lib/url-state.ts';
import { edgeSelection, pathEnds, selection } from '../../state/explorer.ts';
import { docName, graph, nodeLabel } from '../../state/graph.ts';
import { h, replace } from '../dom.ts';
import { fitSoon } from './camera.ts';
import { evidenceItem } from './evidence.ts';

const fmt = (v: number | null) => (v === null ? '—' : Number.isInteger(v) ? String(v) : v.toPrecision(3));

/** Fill `el` with the node `key` (false when it is not in the graph). */
export function renderNodePanel(el: HTMLElement, key: string): boolean {
  if (!graph.hasNode(key)) return false;
  const nodeLink = (k: string) => {
    const a = h('a', { href: '#', class: 'node-link' }, nodeLabel(k));
    a.addEventListener('click', (e) => { e.preventDefault(); selection.set(k); fitSoon('focus'); });
    return a;
  };
  const a = graph.getNodeAttributes(key);
  const isDoc = a.nodeType === 'document';
  const rows: [string, Node | string][] = [
    ['type', a.type], ['key', key],
    ...(isDoc ? [['file', a.name] as [string, string], ['entities', String(a.entities ?? graph.outDegree(key))] as [string, string]] : [
      ['country', a.country ?? a.iso ?? '—'] as [string, string],
      ['status', a.status] as [string, string],
      ['aliases', (a.aliases ?? []).join(' · ') || '—'] as [string, string],
      ['mentions', String(a.mentions ?? 0)] as [string, string],
      ['degree', fmt(metricValue(a, 'degree'))] as [string, string],
      [METRIC_LABELS.betweenness, fmt(metricValue(a, 'betweenness'))] as [string, string],
      [METRIC_LABELS.pagerank, fmt(metricValue(a, 'pagerank'))] as [string, string],
      ['community', String(a.community ?? '—')] as [string, string],
    ]),
  ];
  const docs: string[] = isDoc ? [key] : a.documents ?? [];
  const relations: HTMLElement[] = [];
  graph.forEachEdge(key, (e, ea, s, t) => {
    if (ea.edgeType !== 'relation') return;
    const other = s === key ? t : s;
    const dir = graph.isDirected(e) ? (s === key ? '→' : '←') : '—';
    const evidence = ea.evidence as EdgeEvidence[];
    const tie = h('a', { href: '#', class: 'pred', style: `border-color:${predicateColor(ea.predicate)}`, title: 'show this tie', 'data-testid': 'tie-link' }, `${dir} ${ea.predicate}`);
    tie.addEventListener('click', (ev) => { ev.preventDefault(); edgeSelection.set(e); });
    const more = evidence.length > 3 ? h('a', { href: '#', class: 'more', 'data-testid': 'more-evidence' }, `all ${evidence.length} sentences…`) : null;
    more?.addEventListener('click', (ev) => { ev.preventDefault(); edgeSelection.set(e); });
    relations.push(h('li', { class: 'rel', 'data-testid': 'relation', 'data-edge': e },
      h('div', {}, tie, ' ', nodeLink(other), h('small', {}, ` ${ea.status}`)),
      ...evidence.slice(0, 3).map(evidenceItem), more));
  });
  replace(el,
    h('h2', {}, h('span', { class: 'dot', style: `background:${typeColor(a.type)}` }), ` ${a.label || a.name}`),
    h('dl', { class: 'props' }, ...rows.flatMap(([k, v]) => [h('dt', {}, k), h('dd', { 'data-field': k }, v)])),
    isDoc ? null : h('div', { class: 'row' },
      h('button', { onclick: () => pathEnds.set([key, pathEnds.get()?.[1] ?? key]), 'data-testid': 'path-from-here' }, 'path from here'),
      h('button', { onclick: () => pathEnds.set([pathEnds.get()?.[0] ?? key, key]), 'data-testid': 'path-to-here' }, 'path to here')),
    h('h3', {}, 'Documents'),
    h('ul', { class: 'docs' }, ...docs.map((d) => {
      const name = docName(d) ?? d;
      return h('li', {}, h('a', { href: toHash({ route: 'doc', name, span: null }), 'data-testid': 'doc-link' }, name));
    })),
    h('h3', {}, `Relations (${relations.length})`),
    h('ul', { class: 'rels' }, ...relations));
  return true;
}
