// Legend tied to the reducers' colour functions (what you see in the legend is what is drawn):
// counts of what is visible, a click hides/shows an entry, "only" keeps that entry alone.
import { ENTITY_TYPES, PREDICATES } from '../../../../src/types.ts';
import { METRIC_LABELS, allArrows, binOf, metricBins, metricValue } from '../../lib/appearance.ts';
import type { Metric } from '../../lib/appearance.ts';
import { COUNTRY_COLORS, communityColor, countryColor, predicateColor, rampColor, typeColor } from '../../lib/colors.ts';
import { countryOf } from '../../lib/filters.ts';
import type { FilterState } from '../../lib/filters.ts';
import { afterFrame } from '../../lib/perf.ts';
import { visibility } from '../../state/derived.ts';
import { appearance, filters, setFilters as patchFilters } from '../../state/explorer.ts';
import { graph } from '../../state/graph.ts';
import { h, replace } from '../dom.ts';
import { fitSoon } from './camera.ts';

function setFilters(patch: Partial<FilterState>): void {
  patchFilters(patch);
  fitSoon('visible');
}

const fmt = (v: number) => (Number.isInteger(v) ? String(v) : v.toPrecision(2));

/** One legend entry: swatch, name, count; `toggle` on click, `only` on its button. */
function entry(o: { swatch: string; line?: boolean; name: string; count: number; title: string; toggle?: () => void; only: () => void; data: Record<string, string> }): HTMLElement {
  const onlyBtn = h('button', { type: 'button', class: 'only', title: `show only ${o.name}`, 'data-testid': 'legend-only' }, 'only');
  onlyBtn.addEventListener('click', (e) => { e.stopPropagation(); o.only(); });
  const li = h('li', { class: o.toggle ? 'clickable' : '', title: o.title, ...o.data },
    h('span', { class: o.line ? 'line' : 'swatch', style: `background:${o.swatch}` }), ` ${o.name} `, h('small', {}, String(o.count)), onlyBtn);
  if (o.toggle) li.addEventListener('click', o.toggle);
  return li;
}

/** Render the legend into `el` (visible items only, with counts). */
export function mountLegend(el: HTMLElement): void {
  const render = () => {
    const vis = visibility.get();
    const by = appearance.get().colorBy;
    const counts = new Map<string, number>();
    const bump = (k: string) => counts.set(k, (counts.get(k) ?? 0) + 1);
    const bounds = by in METRIC_LABELS ? metricBins(graph, by as Metric) : [];
    for (const n of vis.nodes) {
      const a = graph.getNodeAttributes(n);
      if (by === 'type' || a.nodeType === 'document') bump(a.nodeType === 'document' && by !== 'type' ? 'Document' : a.type);
      else if (by === 'community') bump(String(a.community));
      else if (by === 'country') bump(countryOf(a) ?? 'none');
      else { const v = metricValue(a, by as Metric); bump(v === null ? 'none' : String(binOf(bounds, v))); }
    }
    const f = filters.get();
    const sorted = [...counts].sort((a, b) => b[1] - a[1]);
    let title = 'Entity types';
    let items: HTMLElement[];
    const docEntry = (n: number) => entry({ swatch: typeColor('Document'), name: 'Document', count: n, title: 'documents', data: { 'data-type': 'Document' },
      toggle: () => setFilters({ showDocuments: !f.showDocuments }), only: () => setFilters({ showDocuments: true, types: [] }) });
    if (by === 'type') {
      items = sorted.map(([t, n]) => t === 'Document' ? docEntry(n) : entry({
        swatch: typeColor(t), name: t, count: n, title: 'click to hide/show this type', data: { 'data-type': t },
        toggle: () => { const cur = f.types ?? [...ENTITY_TYPES]; setFilters({ types: cur.filter((x) => x !== t) }); },
        only: () => setFilters({ types: [t] }),
      }));
    } else if (by === 'community') {
      title = 'Communities (Louvain)';
      items = sorted.filter(([c]) => c !== 'Document').slice(0, 16).map(([c, n]) => entry({
        swatch: communityColor(Number(c)), name: `community ${c}`, count: n, title: 'community', data: { 'data-community': c },
        only: () => setFilters({ communities: [Number(c)] }),
      }));
      if (f.communities) items.push(h('li', {}, h('button', { type: 'button', onclick: () => setFilters({ communities: null }) }, 'all communities')));
    } else if (by === 'country') {
      title = 'Countries';
      items = sorted.filter(([c]) => c !== 'Document').map(([c, n]) => entry({
        swatch: c in COUNTRY_COLORS ? countryColor(c === 'none' ? null : c) : countryColor(c), name: c === 'none' ? 'unknown' : c, count: n,
        title: 'click to hide/show this country', data: { 'data-country': c },
        toggle: () => { const cur = f.countries ?? ['US', 'MX', 'CA', 'INTL', 'none']; setFilters({ countries: cur.filter((x) => x !== c) }); },
        only: () => setFilters({ countries: [c] }),
      }));
    } else {
      const m = by as Metric;
      title = METRIC_LABELS[m];
      items = bounds.map((hi, i) => {
        const lo = i === 0 ? null : bounds[i - 1];
        const name = lo === null ? (hi === 0 ? '0' : `≤ ${fmt(hi)}`) : `${fmt(lo)} – ${fmt(hi)}`;
        return entry({
          swatch: rampColor(i, bounds.length), name, count: counts.get(String(i)) ?? 0, title: `${METRIC_LABELS[m]} ${name}`, data: { 'data-bin': String(i) },
          // a bin's lower bound is exclusive; the filter's is inclusive, so nudge it up a hair
          only: () => setFilters({ range: { attr: m, min: lo === null ? null : lo + Math.abs(lo) * 1e-9 + 1e-12, max: hi } }),
        });
      });
    }
    if (by !== 'type' && counts.get('Document')) items.push(docEntry(counts.get('Document')!));
    const byPred = new Map<string, number>();
    for (const e of vis.edges) {
      const p = graph.getEdgeAttribute(e, 'predicate');
      byPred.set(p, (byPred.get(p) ?? 0) + 1);
    }
    replace(el,
      h('h3', {}, title),
      h('ul', { class: 'legend', 'data-testid': 'legend-nodes' }, ...items),
      h('h3', {}, 'Ties'),
      h('ul', { class: 'legend', 'data-testid': 'legend-edges' }, ...[...byPred].sort((a, b) => b[1] - a[1]).map(([p, n]) => entry({
        swatch: predicateColor(p), line: true, name: p, count: n, title: 'click to hide/show this predicate', data: { 'data-predicate': p },
        toggle: () => { const cur = f.predicates ?? [...PREDICATES, 'MENTIONS']; setFilters({ predicates: cur.filter((x) => x !== p) }); },
        only: () => setFilters({ predicates: [p] }),
      }))),
      h('p', { class: 'hint' }, allArrows(graph.size)
        ? 'Arrows: directed ties; plain lines: COOPERATES_WITH; curves: several ties between the same two. Thin: inferred by rules.'
        : 'Big graph: arrows (directed ties) show on the focused ties; plain lines elsewhere. Thin: inferred by rules.'));
  };
  visibility.subscribe(render);
  appearance.subscribe(render);
  // counting is not needed for the first frame of a big graph
  afterFrame(render);
}
