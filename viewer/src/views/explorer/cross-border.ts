// Cross-border panel: ranked brokers between two countries and the shortest path between two actors.
import type Sigma from 'sigma';
import { rankBrokers } from '../../lib/brokers.ts';
import { filters, pathEnds, selection } from '../../state/explorer.ts';
import { path, visibility, visibilityFilters } from '../../state/derived.ts';
import { graph, graphVersion, nodeLabel, searchIndex } from '../../state/graph.ts';
import { computeVisibility } from '../../lib/filters.ts';
import { autocomplete } from '../autocomplete.ts';
import { afterFrame } from '../../lib/perf.ts';
import { h, replace } from '../dom.ts';
import { evidenceItem } from './evidence.ts';
import { focusNode } from './renderer.ts';

/** Render brokers and the path finder into `el`. */
export function mountCrossBorder(el: HTMLElement, renderer: Sigma): void {
  const brokersEl = h('ol', { class: 'brokers', 'data-testid': 'brokers' });
  const pathEl = h('div', { class: 'path', 'data-testid': 'path' });
  const picker = (i: 0 | 1, label: string) => autocomplete({
    placeholder: label, keepValue: true, testId: `path-${i ? 'to' : 'from'}`,
    source: (q) => searchIndex().search(q, 8).filter((x) => !x.key.startsWith('doc:')),
    onPick: (hit) => {
      const cur = pathEnds.get() ?? [hit.key, hit.key];
      pathEnds.set(i === 0 ? [hit.key, cur[1]] : [cur[0], hit.key]);
    },
  });
  replace(el, h('h3', {}, 'Brokers'), h('p', { class: 'hint' }, 'Actors tied to both sides (weaker side first).'), brokersEl,
    h('h3', {}, 'Shortest path'), picker(0, 'from actor…'), picker(1, 'to actor…'), pathEl);

  const renderBrokers = () => {
    const f = filters.get();
    // brokers are judged on the filtered graph *before* the cross-border cut (that cut hides same-country ties)
    const base = !f.crossBorder && f.ego === 0 && visibilityFilters() === f
      ? visibility.get() : computeVisibility(graph, { ...f, crossBorder: false, ego: 0 });
    const list = rankBrokers(graph, f.crossPair, base.edges, 15);
    const [ca, cb] = f.crossPair === 'any' ? ['A', 'B'] : f.crossPair.split('-');
    replace(brokersEl, ...list.map((b) => {
      const a = h('a', { href: '#' }, b.label);
      a.addEventListener('click', (e) => { e.preventDefault(); selection.set(b.key); focusNode(renderer, b.key); });
      return h('li', {}, a, h('small', {}, ` ${b.country ?? '?'} · ${ca} ${b.sideA} / ${cb} ${b.sideB}`));
    }));
    if (!list.length) replace(brokersEl, h('li', { class: 'hint' }, 'no brokers under the current filters'));
  };
  const renderPath = () => {
    const ends = pathEnds.get();
    const p = path.get();
    if (!ends) return replace(pathEl, h('p', { class: 'hint' }, 'Pick two actors (or use “path from/to here” in the side panel).'));
    const head = h('div', { class: 'row' }, `${nodeLabel(ends[0])} → ${nodeLabel(ends[1])} `,
      h('button', { onclick: () => pathEnds.set(null) }, 'clear'));
    if (!p) return replace(pathEl, head, h('p', {}, 'Not connected by visible ties.'));
    replace(pathEl, head, h('ol', { class: 'hops' }, ...p.hops.map((hop) =>
      h('li', {}, h('b', {}, `${nodeLabel(hop.from)} — ${nodeLabel(hop.to)}`),
        ...hop.edges.map((e) => h('div', { class: 'hop-edge' }, `${nodeLabel(e.source)} ${e.predicate} ${nodeLabel(e.target)}`,
          ...e.evidence.slice(0, 3).map(evidenceItem)))))));
  };
  filters.subscribe(renderBrokers);
  graphVersion.subscribe(renderBrokers);
  path.subscribe(renderPath);
  pathEnds.subscribe(renderPath);
  visibility.subscribe(renderPath);
  // ranking walks every actor's ties: after the first frame
  afterFrame(renderBrokers);
  renderPath();
}
