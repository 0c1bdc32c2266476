// Side panel of the selected node: identity, documents, and every relation with its evidence.
import type Sigma from 'sigma';
import type { EdgeEvidence } from '../../../../src/types.ts';
import { predicateColor, typeColor } from '../../lib/colors.ts';
import { toHash } from '../../lib/url-state.ts';
import { pathEnds, selection } from '../../state/explorer.ts';
import { docName, graph, graphVersion, nodeLabel } from '../../state/graph.ts';
import { h, replace } from '../dom.ts';
import { evidenceItem } from './evidence.ts';
import { focusNode } from './renderer.ts';

/** Render the side panel into `el` whenever the selection or graph changes. */
export function mountNodePanel(el: HTMLElement, renderer: Sigma): void {
  const nodeLink = (key: string) => {
    const a = h('a', { href: '#', class: 'node-link' }, nodeLabel(key));
    a.addEventListener('click', (e) => { e.preventDefault(); selection.set(key); focusNode(renderer, key); });
    return a;
  };
  const render = () => {
    const key = selection.get();
    if (!key || !graph.hasNode(key)) {
      replace(el, h('p', { class: 'hint' }, 'Click a node or search an actor to see its ties and the evidence for each.'));
      return;
    }
    const a = graph.getNodeAttributes(key);
    const isDoc = a.nodeType === 'document';
    const rows: [string, Node | string][] = [
      ['type', a.type], ['key', key],
      ...(isDoc ? [['file', a.name] as [string, string]] : [
        ['country', a.country ?? '—'] as [string, string],
        ['status', a.status] as [string, string],
        ['aliases', (a.aliases ?? []).join(' · ') || '—'] as [string, string],
        ['mentions', String(a.mentions ?? 0)] as [string, string],
      ]),
      ['degree', String(a.degree ?? graph.degree(key))],
    ];
    const docs: string[] = isDoc ? [key] : a.documents ?? [];
    const relations: HTMLElement[] = [];
    graph.forEachEdge(key, (e, ea, s, t) => {
      if (ea.edgeType !== 'relation') return;
      const other = s === key ? t : s;
      const dir = graph.isDirected(e) ? (s === key ? '→' : '←') : '—';
      relations.push(h('li', { class: 'rel', 'data-testid': 'relation' },
        h('div', {},
          h('span', { class: 'pred', style: `border-color:${predicateColor(ea.predicate)}` }, `${dir} ${ea.predicate}`), ' ',
          nodeLink(other), h('small', {}, ` ${ea.status}`)),
        ...(ea.evidence as EdgeEvidence[]).slice(0, 5).map(evidenceItem)));
    });
    replace(el,
      h('h2', {}, h('span', { class: 'dot', style: `background:${typeColor(a.type)}` }), ` ${a.label || a.name}`),
      h('dl', { class: 'props' }, ...rows.flatMap(([k, v]) => [h('dt', {}, k), h('dd', { 'data-field': k }, v)])),
      h('div', { class: 'row' },
        h('button', { onclick: () => pathEnds.set([key, pathEnds.get()?.[1] ?? key]) }, 'path from here'),
        h('button', { onclick: () => pathEnds.set([pathEnds.get()?.[0] ?? key, key]) }, 'path to here')),
      h('h3', {}, 'Documents'),
      h('ul', { class: 'docs' }, ...docs.map((d) => {
        const name = docName(d) ?? d;
        return h('li', {}, h('a', { href: toHash({ route: 'doc', name, span: null }), 'data-testid': 'doc-link' }, name));
      })),
      h('h3', {}, `Relations (${relations.length})`),
      h('ul', { class: 'rels' }, ...relations));
  };
  selection.subscribe(render);
  graphVersion.subscribe(render);
  render();
}
