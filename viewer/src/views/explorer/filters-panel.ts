// Filter controls: entity type, country, predicate, status, document, minimums, documents, ego, mappings.
import { ENTITY_TYPES, PREDICATES } from '../../../../src/types.ts';
import { COLOR_BY, METRIC_LABELS, SIZE_BY, hasMetric } from '../../lib/appearance.ts';
import type { ColorBy, Metric, SizeBy } from '../../lib/appearance.ts';
import { dateExtent, filterDomains } from '../../lib/filters.ts';
import type { FilterState } from '../../lib/filters.ts';
import { ISO_DATE } from '../../lib/url-state.ts';
import { appearance, filters, setFilters as patchFilters } from '../../state/explorer.ts';
import { graph, graphVersion } from '../../state/graph.ts';
import { h, replace, select } from '../dom.ts';
import { fitSoon } from './camera.ts';

/** Change filters from the panel: the camera then flies to what is left. */
function setFilters(patch: Partial<FilterState>): void {
  patchFilters(patch);
  fitSoon('visible');
}

const optionLabel = (v: string) => (v in METRIC_LABELS ? METRIC_LABELS[v as Metric] : v === 'uniform' ? 'all the same' : v);

/** A checkbox group; `selected` null = all. Calls `onChange(null)` when everything is ticked again. */
function checkGroup(title: string, values: readonly string[], selected: string[] | null, onChange: (v: string[] | null) => void, id: string): HTMLElement {
  const boxes = values.map((v) => h('input', { type: 'checkbox', value: v, checked: !selected || selected.includes(v) }));
  const changed = () => {
    const on = boxes.filter((b) => b.checked).map((b) => b.value);
    onChange(on.length === values.length ? null : on);
  };
  boxes.forEach((b) => b.addEventListener('change', changed));
  return h('fieldset', { class: 'group', 'data-testid': `filter-${id}` },
    h('legend', {}, title),
    ...values.map((v, i) => h('label', { class: 'check' }, boxes[i], ` ${v}`)));
}

/** Range filter on a metric: attribute, min, max (either open), with the graph's extent as placeholders. */
function rangeRow(f: FilterState): HTMLElement {
  const metrics = (Object.keys(METRIC_LABELS) as Metric[]).filter((m) => hasMetric(graph, m));
  const attr = (f.range?.attr ?? 'degree') as Metric;
  let lo = Infinity, hi = -Infinity;
  graph.forEachNode((_k, a) => { const v = a.nodeType === 'document' ? undefined : a[attr]; if (typeof v === 'number') { lo = Math.min(lo, v); hi = Math.max(hi, v); } });
  const sel = select(metrics.map((m) => [m, METRIC_LABELS[m]] as [string, string]), attr, { 'data-testid': 'range-attr' });
  const bound = (v: number | null | undefined, ph: number, id: string) => h('input', {
    type: 'number', class: 'num', step: 'any', value: v ?? '', placeholder: Number.isFinite(ph) ? String(+ph.toPrecision(3)) : '', 'data-testid': id,
  });
  const min = bound(f.range?.min, lo, 'range-min'), max = bound(f.range?.max, hi, 'range-max');
  const apply = () => {
    const n = (i: HTMLInputElement) => (i.value.trim() === '' || !Number.isFinite(Number(i.value)) ? null : Number(i.value));
    const r = { attr: sel.value, min: n(min), max: n(max) };
    setFilters({ range: r.min === null && r.max === null ? null : r });
  };
  for (const el of [sel, min, max]) el.addEventListener('change', apply);
  // the bounds go on their own line: the metric's name and two numbers do not fit the panel's width
  return h('div', { class: 'row', 'data-testid': 'range' }, 'range ', sel, h('span', { class: 'break' }), min, ' – ', max,
    f.range ? h('button', { type: 'button', title: 'clear the range', onclick: () => setFilters({ range: null }) }, '×') : null);
}

/** Date filter (only where ties carry evidence dates): from / to as a year, year-month or day. */
function dateRow(f: FilterState): HTMLElement | null {
  const extent = dateExtent(graph);
  if (!extent) return null;
  const input = (v: string | null | undefined, ph: string, id: string) => h('input', {
    type: 'text', class: 'date', size: 10, value: v ?? '', placeholder: ph, pattern: '\\d{4}(-\\d{2}(-\\d{2})?)?', title: 'a year (2003), a month (2003-08) or a day', 'data-testid': id,
  });
  const from = input(f.dates?.from, extent.from.slice(0, 4), 'date-from'), to = input(f.dates?.to, extent.to.slice(0, 4), 'date-to');
  const apply = () => {
    const v = (i: HTMLInputElement) => (ISO_DATE.test(i.value.trim()) ? i.value.trim() : null);
    const r = { from: v(from), to: v(to) };
    setFilters({ dates: r.from === null && r.to === null ? null : r });
  };
  for (const el of [from, to]) el.addEventListener('change', apply);
  return h('div', { class: 'row', 'data-testid': 'dates' }, 'dates ', from, ' – ', to,
    f.dates ? h('button', { type: 'button', title: 'clear the dates', onclick: () => setFilters({ dates: null }) }, '×') : null);
}

/** Render the filter panel into `el`; re-renders when filters or the graph change. */
export function mountFiltersPanel(el: HTMLElement): void {
  const render = () => {
    const f = filters.get();
    const ap = appearance.get();
    const docs: [string, string][] = [['', 'all documents']];
    graph.forEachNode((k, a) => { if (a.nodeType === 'document') docs.push([k, a.title || a.name]); });
    const num = (v: number, on: (n: number) => void, id: string) => {
      const i = h('input', { type: 'number', min: 0, value: v, class: 'num', 'data-testid': id });
      i.addEventListener('change', () => on(Math.max(0, Number(i.value) || 0)));
      return i;
    };
    const toggle = (label: string, on: boolean, set: (v: boolean) => void, id: string) => {
      const c = h('input', { type: 'checkbox', checked: on, 'data-testid': id });
      c.addEventListener('change', () => set(c.checked));
      return h('label', { class: 'check' }, c, ` ${label}`);
    };
    const pick = <T extends string>(opts: (string | [string, string])[], v: string, set: (v: T) => void, id: string) => {
      const s = select(opts, v, { 'data-testid': id });
      s.addEventListener('change', () => set(s.value as T));
      return s;
    };
    replace(el,
      h('div', { class: 'row' },
        toggle('cross-border ties only', f.crossBorder, (v) => setFilters({ crossBorder: v }), 'cross-border'),
        pick([['US-MX', 'US–MX'], ['US-CA', 'US–CA'], ['MX-CA', 'MX–CA'], ['any', 'any pair']], f.crossPair, (v) => setFilters({ crossPair: v as never }), 'cross-pair')),
      h('div', { class: 'row' }, 'ego network ',
        pick([['0', 'off'], ['1', 'depth 1'], ['2', 'depth 2'], ['3', 'depth 3']], String(f.ego), (v) => setFilters({ ego: Number(v) }), 'ego')),
      h('div', { class: 'row' }, toggle('document nodes', f.showDocuments, (v) => setFilters({ showDocuments: v }), 'show-docs')),
      h('div', { class: 'row' }, 'colour ',
        pick(COLOR_BY.filter((c) => !(c in METRIC_LABELS) || hasMetric(graph, c as Metric)).map((c) => [c, `by ${optionLabel(c)}`] as [string, string]),
          ap.colorBy, (v) => appearance.set({ ...appearance.get(), colorBy: v as ColorBy }), 'color-by')),
      h('div', { class: 'row' }, 'size ',
        pick(SIZE_BY.filter((c) => !(c in METRIC_LABELS) || hasMetric(graph, c as Metric)).map((c) => [c, c === 'uniform' ? optionLabel(c) : `by ${optionLabel(c)}`] as [string, string]),
          ap.sizeBy, (v) => appearance.set({ ...appearance.get(), sizeBy: v as SizeBy }), 'size-by')),
      h('div', { class: 'row' }, 'min mentions ', num(f.minMentions, (n) => setFilters({ minMentions: n }), 'min-mentions')),
      h('div', { class: 'row' }, 'min degree ', num(f.minDegree, (n) => setFilters({ minDegree: n }), 'min-degree')),
      rangeRow(f),
      dateRow(f),
      h('div', { class: 'row' }, 'document ', pick(docs, f.document ?? '', (v) => setFilters({ document: v || null }), 'doc-filter')),
      checkGroup('Type', ENTITY_TYPES, f.types, (v) => setFilters({ types: v }), 'types'),
      // every country of the graph (GB, IQ … too), as the legend lists them
      checkGroup('Country', filterDomains(graph, ENTITY_TYPES, PREDICATES).countries, f.countries, (v) => setFilters({ countries: v }), 'countries'),
      checkGroup('Status', ['curated', 'inferred', 'confirmed'], f.statuses, (v) => setFilters({ statuses: v as never }), 'statuses'),
      checkGroup('Predicate', [...PREDICATES, 'MENTIONS'], f.predicates, (v) => setFilters({ predicates: v }), 'predicates'),
    );
  };
  filters.subscribe(render);
  appearance.subscribe(render);
  graphVersion.subscribe(render);
  render();
}
