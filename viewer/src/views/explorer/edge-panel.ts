// Side panel of a selected tie: predicate and direction, status, rules, documents, and every
// evidence sentence (paged), each opening the document at its span.
import type { EdgeEvidence } from '../../../../src/types.ts';
import { predicateColor } from '../../lib/colors.ts';
import { toHash } from '../../lib/url-state.ts';
import { selection } from '../../state/explorer.ts';
import { docName, graph, nodeLabel } from '../../state/graph.ts';
import { h, replace } from '../dom.ts';
import { evidenceItem } from './evidence.ts';
import { fitSoon } from './camera.ts';

/** Evidence sentences per page. */
export const EVIDENCE_PAGE = 10;

/** Fill `el` with the tie `key` (null when it is not in the graph). */
export function renderEdgePanel(el: HTMLElement, key: string, page = 0): boolean {
  if (!graph.hasEdge(key)) return false;
  const a = graph.getEdgeAttributes(key);
  const s = graph.source(key), t = graph.target(key);
  const link = (k: string) => {
    const x = h('a', { href: '#', class: 'node-link' }, nodeLabel(k));
    x.addEventListener('click', (e) => { e.preventDefault(); selection.set(k); fitSoon('focus'); });
    return x;
  };
  const evidence = (a.evidence ?? []) as EdgeEvidence[];
  const docs = [...new Set(evidence.map((e) => e.doc))];
  const pages = Math.max(1, Math.ceil(evidence.length / EVIDENCE_PAGE));
  const p = Math.min(Math.max(0, page), pages - 1);
  const shown = evidence.slice(p * EVIDENCE_PAGE, (p + 1) * EVIDENCE_PAGE);
  const pager = pages > 1 ? h('div', { class: 'row pager', 'data-testid': 'evidence-pager' },
    h('button', { disabled: p === 0, onclick: () => renderEdgePanel(el, key, p - 1), 'data-testid': 'evidence-prev' }, '‹ previous'),
    h('span', {}, ` ${p * EVIDENCE_PAGE + 1}–${p * EVIDENCE_PAGE + shown.length} of ${evidence.length} `),
    h('button', { disabled: p === pages - 1, onclick: () => renderEdgePanel(el, key, p + 1), 'data-testid': 'evidence-next' }, 'next ›')) : null;
  const directed = graph.isDirected(key);
  replace(el,
    h('h2', { 'data-testid': 'edge-title' },
      h('span', { class: 'pred big', style: `border-color:${predicateColor(a.predicate)}` }, a.predicate)),
    h('p', { class: 'tie' }, link(s), directed ? ' → ' : ' — ', link(t)),
    h('dl', { class: 'props' },
      h('dt', {}, 'status'), h('dd', { 'data-field': 'status' }, String(a.status ?? '—')),
      h('dt', {}, 'evidence'), h('dd', { 'data-field': 'evidence' }, String(evidence.length)),
      h('dt', {}, 'rules'), h('dd', { 'data-field': 'rules' }, ((a.rules ?? []) as string[]).join(', ') || '—'),
      h('dt', {}, 'key'), h('dd', {}, key)),
    h('h3', {}, `Documents (${docs.length})`),
    h('ul', { class: 'docs' }, ...docs.map((d) => {
      const name = docName(d) ?? d.replace(/^doc:/, '');
      const title = graph.hasNode(d) ? (graph.getNodeAttribute(d, 'title') as string) || name : name;
      return h('li', {}, h('a', { href: toHash({ route: 'doc', name, span: null }), 'data-testid': 'doc-link' }, title));
    })),
    h('h3', {}, `Evidence (${evidence.length})`),
    pager,
    h('div', { class: 'evidence-list', 'data-testid': 'edge-evidence' }, ...shown.map(evidenceItem)),
    pages > 1 ? h('div', { class: 'hint' }, `page ${p + 1} of ${pages}`) : null);
  return true;
}
