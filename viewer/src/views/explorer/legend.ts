// Legend tied to the reducers' colour functions: what you see in the legend is what is drawn.
import { allArrows } from '../../lib/appearance.ts';
import { communityColor, predicateColor, typeColor } from '../../lib/colors.ts';
import { appearance, filters, setFilters } from '../../state/explorer.ts';
import { visibility } from '../../state/derived.ts';
import { graph } from '../../state/graph.ts';
import { afterFrame } from '../../lib/perf.ts';
import { h, replace } from '../dom.ts';

/** Render the legend into `el` (visible items only, with counts); a click on a type toggles it. */
export function mountLegend(el: HTMLElement): void {
  const render = () => {
    const vis = visibility.get();
    const byType = new Map<string, number>();
    const byCommunity = new Map<number, number>();
    for (const n of vis.nodes) {
      const a = graph.getNodeAttributes(n);
      byType.set(a.type, (byType.get(a.type) ?? 0) + 1);
      byCommunity.set(a.community, (byCommunity.get(a.community) ?? 0) + 1);
    }
    const byPred = new Map<string, number>();
    for (const e of vis.edges) {
      const p = graph.getEdgeAttribute(e, 'predicate');
      byPred.set(p, (byPred.get(p) ?? 0) + 1);
    }
    const community = appearance.get().colorBy === 'community';
    const nodeItems = community
      ? [...byCommunity].sort((a, b) => b[1] - a[1]).slice(0, 16).map(([c, n]) =>
        h('li', {}, h('span', { class: 'swatch', style: `background:${communityColor(c)}` }), ` community ${c} `, h('small', {}, String(n))))
      : [...byType].sort((a, b) => b[1] - a[1]).map(([t, n]) => {
        const li = h('li', { class: 'clickable', title: 'click to hide/show this type', 'data-type': t },
          h('span', { class: 'swatch', style: `background:${typeColor(t)}` }), ` ${t} `, h('small', {}, String(n)));
        li.addEventListener('click', () => {
          if (t === 'Document') return setFilters({ showDocuments: !filters.get().showDocuments });
          const cur = filters.get().types ?? [...byType.keys()].filter((x) => x !== 'Document');
          setFilters({ types: cur.filter((x) => x !== t) });
        });
        return li;
      });
    replace(el,
      h('h3', {}, community ? 'Communities (Louvain)' : 'Entity types'),
      h('ul', { class: 'legend', 'data-testid': 'legend-nodes' }, ...nodeItems),
      h('h3', {}, 'Ties'),
      h('ul', { class: 'legend', 'data-testid': 'legend-edges' }, ...[...byPred].sort((a, b) => b[1] - a[1]).map(([p, n]) =>
        h('li', {}, h('span', { class: 'line', style: `background:${predicateColor(p)}` }), ` ${p} `, h('small', {}, String(n))))),
      h('p', { class: 'hint' }, allArrows(graph.size)
        ? 'Arrows: directed ties; plain lines: COOPERATES_WITH. Thin: inferred by rules.'
        : 'Big graph: arrows (directed ties) show on the selected node’s ties; plain lines elsewhere. Thin: inferred by rules.'));
  };
  visibility.subscribe(render);
  appearance.subscribe(render);
  // counting is not needed for the first frame of a big graph
  afterFrame(render);
}
