// Legend tied to the reducers' colour functions (what you see in the legend is what is drawn):
// counts of what is visible, a click hides/shows an entry, "only" keeps that entry alone.
import { ENTITY_TYPES, PREDICATES } from '../../../../src/types.ts';
import { METRIC_LABELS, allArrows, binOf, metricBins, metricValue } from '../../lib/appearance.ts';
import type { Metric } from '../../lib/appearance.ts';
import { COUNTRY_COLORS, communityColor, countryColor, predicateColor, rampColor, typeColor } from '../../lib/colors.ts';
import { countryOf, filterDomains, toggleIn } from '../../lib/filters.ts';
import type { FilterDomains, FilterState } from '../../lib/filters.ts';
import { afterFrame } from '../../lib/perf.ts';
import { visibility } from '../../state/derived.ts';
import { appearance, filters, setFilters as patchFilters } from '../../state/explorer.ts';
import { graph, graphVersion } from '../../state/graph.ts';
import { h, replace } from '../dom.ts';
import { fitSoon } from './camera.ts';

function setFilters(patch: Partial<FilterState>): void {
  patchFilters(patch);
  fitSoon('visible');
}

const fmt = (v: number) => (Number.isInteger(v) ? String(v) : v.toPrecision(2));

/** One legend entry: swatch, name, count; `toggle` on click, `only` on its button; `off` = hidden by its filter (greyed, a click shows it). */
function entry(o: { swatch: string; line?: boolean; name: string; count: number; title: string; toggle?: () => void; only: () => void; data: Record<string, string>; off?: boolean }): HTMLElement {
  const onlyBtn = h('button', { type: 'button', class: 'only', title: `show only ${o.name}`, 'data-testid': 'legend-only' }, 'only');
  onlyBtn.addEventListener('click', (e) => { e.stopPropagation(); o.only(); });
  const li = h('li', { class: [o.toggle ? 'clickable' : '', o.off ? 'off' : ''].filter(Boolean).join(' '), title: o.off ? `hidden: click to show ${o.name} again` : o.title, ...o.data, ...(o.off ? { 'data-off': '' } : {}) },
    h('span', { class: o.line ? 'line' : 'swatch', style: `background:${o.swatch}` }), ` ${o.name} `, h('small', {}, String(o.count)), onlyBtn);
  if (o.toggle) li.addEventListener('click', o.toggle);
  return li;
}

/** "show all": clears one dimension's filter (shown under its entries while it hides some). */
function showAll(label: string, clear: () => void): HTMLElement {
  return h('li', {}, h('button', { type: 'button', class: 'show-all', 'data-testid': 'legend-show-all', onclick: clear }, label));
}

/**
 * Render the legend into `el`: the visible items with their counts, then the ones their own filter hides
 * (greyed: a click shows them again, as "show all" does for every one), so a hide or an "only" made from the
 * legend can be undone from the legend.
 */
export function mountLegend(el: HTMLElement): void {
  let domains: FilterDomains | null = null;
  graphVersion.subscribe(() => { domains = null; });
  const domainsNow = () => (domains ??= filterDomains(graph, ENTITY_TYPES, PREDICATES));
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
    const dom = domainsNow();
    const sorted = [...counts].sort((a, b) => b[1] - a[1]);
    /** Values of a dimension its filter hides (listed greyed after the visible ones). */
    const hiddenBy = (selected: string[] | null, domain: string[]) => (selected ? domain.filter((v) => !selected.includes(v) && !counts.has(v)) : []);
    let title = 'Entity types';
    let items: HTMLElement[];
    const docEntry = (n: number) => entry({ swatch: typeColor('Document'), name: 'Document', count: n, title: 'documents', data: { 'data-type': 'Document' },
      toggle: () => setFilters({ showDocuments: !f.showDocuments }), only: () => setFilters({ showDocuments: true, types: [] }) });
    if (by === 'type') {
      const typeEntry = (t: string, n: number, off = false) => entry({
        swatch: typeColor(t), name: t, count: n, title: 'click to hide/show this type', data: { 'data-type': t }, off,
        toggle: () => setFilters({ types: toggleIn(f.types, dom.types, t) }),
        only: () => setFilters({ types: [t] }),
      });
      items = sorted.map(([t, n]) => t === 'Document' ? docEntry(n) : typeEntry(t, n));
      items.push(...hiddenBy(f.types, dom.types).map((t) => typeEntry(t, 0, true)));
      if (f.types) items.push(showAll('all types', () => setFilters({ types: null })));
    } else if (by === 'community') {
      title = 'Communities (Louvain)';
      items = sorted.filter(([c]) => c !== 'Document').slice(0, 16).map(([c, n]) => entry({
        swatch: communityColor(Number(c)), name: `community ${c}`, count: n, title: 'community', data: { 'data-community': c },
        only: () => setFilters({ communities: [Number(c)] }),
      }));
      if (f.communities) items.push(h('li', {}, h('button', { type: 'button', onclick: () => setFilters({ communities: null }) }, 'all communities')));
    } else if (by === 'country') {
      title = 'Countries';
      const countryEntry = (c: string, n: number, off = false) => entry({
        swatch: c in COUNTRY_COLORS ? countryColor(c === 'none' ? null : c) : countryColor(c), name: c === 'none' ? 'unknown' : c, count: n,
        title: 'click to hide/show this country', data: { 'data-country': c }, off,
        toggle: () => setFilters({ countries: toggleIn(f.countries, dom.countries, c) }),
        only: () => setFilters({ countries: [c] }),
      });
      items = sorted.filter(([c]) => c !== 'Document').map(([c, n]) => countryEntry(c, n));
      items.push(...hiddenBy(f.countries, dom.countries).map((c) => countryEntry(c, 0, true)));
      if (f.countries) items.push(showAll('all countries', () => setFilters({ countries: null })));
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
      if (f.range?.attr === m) items.push(showAll(`any ${METRIC_LABELS[m]}`, () => setFilters({ range: null })));
    }
    if (by !== 'type' && counts.get('Document')) items.push(docEntry(counts.get('Document')!));
    const byPred = new Map<string, number>();
    for (const e of vis.edges) {
      const p = graph.getEdgeAttribute(e, 'predicate');
      byPred.set(p, (byPred.get(p) ?? 0) + 1);
    }
    const predEntry = (p: string, n: number, off = false) => entry({
      swatch: predicateColor(p), line: true, name: p, count: n, title: 'click to hide/show this predicate', data: { 'data-predicate': p }, off,
      toggle: () => setFilters({ predicates: toggleIn(f.predicates, dom.predicates, p) }),
      only: () => setFilters({ predicates: [p] }),
    });
    // MENTIONS is listed only while document nodes are shown (its own toggle)
    const predDomain = f.showDocuments ? dom.predicates : dom.predicates.filter((p) => p !== 'MENTIONS');
    const predItems = [...byPred].sort((a, b) => b[1] - a[1]).map(([p, n]) => predEntry(p, n));
    predItems.push(...(f.predicates ? predDomain.filter((p) => !f.predicates!.includes(p) && !byPred.has(p)) : []).map((p) => predEntry(p, 0, true)));
    if (f.predicates) predItems.push(showAll('all predicates', () => setFilters({ predicates: null })));
    replace(el,
      h('h3', {}, title),
      h('ul', { class: 'legend', 'data-testid': 'legend-nodes' }, ...items),
      h('h3', {}, 'Ties'),
      h('ul', { class: 'legend', 'data-testid': 'legend-edges' }, ...predItems),
      h('p', { class: 'hint' }, allArrows(graph.size)
        ? 'Arrows: directed ties; plain lines: COOPERATES_WITH; curves: several ties between the same two. Thin: inferred by rules.'
        : 'Big graph: arrows (directed ties) show on the focused ties; plain lines elsewhere. Thin: inferred by rules.'));
  };
  visibility.subscribe(render);
  appearance.subscribe(render);
  // counting is not needed for the first frame of a big graph
  afterFrame(render);
}
