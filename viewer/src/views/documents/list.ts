// The document list: title, size, entity / mention / relation counts, reviewed share, annotators and agreement.
import { api, type DocumentSummary } from '../../api.ts';
import { toHash } from '../../lib/url-state.ts';
import { h, replace } from '../dom.ts';

type Column = { key: string; label: string; value: (d: DocumentSummary) => number | string; show: (d: DocumentSummary) => Node | string; num?: boolean };

const share = (d: DocumentSummary) => (d.reviewable ? d.reviewed / d.reviewable : 0);
const kb = (n: number) => (n >= 10_240 ? `${Math.round(n / 1024)} KB` : `${(n / 1024).toFixed(1)} KB`);

const COLUMNS: Column[] = [
  { key: 'title', label: 'document', value: (d) => d.title.toLowerCase(), show: (d) => h('span', {}, h('a', { href: toHash({ route: 'doc', name: d.name, span: null }), class: 'doc-link' }, d.title || d.name), h('div', { class: 'meta' }, d.name)) },
  { key: 'format', label: 'format', value: (d) => d.format, show: (d) => d.format },
  { key: 'length', label: 'size', value: (d) => d.length, show: (d) => kb(d.length), num: true },
  { key: 'entities', label: 'entities', value: (d) => d.entities, show: (d) => String(d.entities), num: true },
  { key: 'mentions', label: 'mentions', value: (d) => d.mentions, show: (d) => String(d.mentions), num: true },
  { key: 'relations', label: 'relations', value: (d) => d.relations, show: (d) => String(d.relations), num: true },
  {
    key: 'reviewed', label: 'reviewed', value: share, num: true,
    show: (d) => h('span', { title: `${d.reviewed} of ${d.reviewable} mentions decided` }, h('span', { class: 'progress inline' }, h('span', { style: `width:${Math.round(100 * share(d))}%` })), ` ${Math.round(100 * share(d))}%`),
  },
  { key: 'annotators', label: 'annotators', value: (d) => d.annotators.length, show: (d) => d.annotators.join(', ') || '–' },
  {
    key: 'agreement', label: 'agreement', value: (d) => d.agreement?.f1 ?? -1, num: true,
    show: (d) => (d.agreement
      ? h('span', { title: `${d.agreement.a} vs ${d.agreement.b}: span F1, Cohen's kappa on shared decisions; ${d.agreement.disagreements} disagreements to curate` },
        `F1 ${(100 * d.agreement.f1).toFixed(0)}% · κ ${d.agreement.kappa === null ? '–' : d.agreement.kappa.toFixed(2)} · ${d.agreement.disagreements} to curate`)
      : '–'),
  },
];

/** Mount the list into `root`; returns `show()` (reloads the rows). j / k move, Enter opens, / filters. */
export function mountDocumentList(root: HTMLElement): () => Promise<void> {
  let docs: DocumentSummary[] = [];
  let sort = { key: 'title', dir: 1 };
  let filter = '';
  let active = 0;
  const input = h('input', { type: 'search', placeholder: 'filter by title or file name (/)', 'data-testid': 'doc-filter-list', size: 40 });
  const table = h('table', { class: 'doc-list', 'data-testid': 'doc-list' });
  const summary = h('span', { class: 'meta' });
  root.replaceChildren(h('header', { class: 'doc-header' }, h('h2', {}, 'Documents'), summary, input,
    h('span', { class: 'hint' }, 'j k move · Enter opens · click a column to sort')), h('div', { class: 'doc-list-scroll' }, table));
  input.addEventListener('input', () => { filter = input.value.toLowerCase(); active = 0; paint(); });

  const rows = () => docs.filter((d) => !filter || d.title.toLowerCase().includes(filter) || d.name.toLowerCase().includes(filter))
    .sort((a, b) => {
      const col = COLUMNS.find((c) => c.key === sort.key)!;
      const x = col.value(a), y = col.value(b);
      return (x < y ? -1 : x > y ? 1 : 0) * sort.dir;
    });
  function paint(): void {
    const list = rows();
    active = Math.max(0, Math.min(active, list.length - 1));
    const head = h('tr', {}, ...COLUMNS.map((c) => {
      const th = h('th', { class: c.num ? 'num' : '', title: 'sort' }, c.label, sort.key === c.key ? (sort.dir > 0 ? ' ▲' : ' ▼') : '');
      th.addEventListener('click', () => { sort = { key: c.key, dir: sort.key === c.key ? -sort.dir : c.num ? -1 : 1 }; paint(); });
      return th;
    }));
    replace(table, h('thead', {}, head), h('tbody', {}, ...list.map((d, i) =>
      h('tr', { class: i === active ? 'active' : '', 'data-name': d.name, 'data-testid': 'doc-row' }, ...COLUMNS.map((c) => h('td', { class: c.num ? 'num' : '' }, c.show(d)))))));
    const reviewed = docs.reduce((n, d) => n + d.reviewed, 0);
    const total = docs.reduce((n, d) => n + d.reviewable, 0);
    summary.textContent = `${docs.length} documents · ${total ? Math.round((100 * reviewed) / total) : 0}% of ${total.toLocaleString()} mentions reviewed`;
  }
  window.addEventListener('keydown', (e) => {
    if (root.hidden || e.ctrlKey || e.metaKey || e.altKey) return;
    if ((e.target as Element | null)?.closest?.('input, select, textarea')) {
      if (e.key === 'Escape') (e.target as HTMLElement).blur();
      return;
    }
    const list = rows();
    if (e.key === 'j' || e.key === 'ArrowDown') active = Math.min(active + 1, list.length - 1);
    else if (e.key === 'k' || e.key === 'ArrowUp') active = Math.max(active - 1, 0);
    else if (e.key === 'Enter' && list[active]) { location.hash = toHash({ route: 'doc', name: list[active]!.name, span: null }); return; }
    else if (e.key === '/') input.focus();
    else return;
    e.preventDefault();
    paint();
    table.querySelector('tr.active')?.scrollIntoView({ block: 'nearest' });
  });
  return async () => {
    docs = await api.documents();
    paint();
  };
}
