// Explorer toolbar: search (autocomplete over names and aliases), PNG and GEXF export.
import type Sigma from 'sigma';
import { write } from 'graphology-gexf/browser';
import { downloadAsPNG } from '@sigma/export-image';
import { communityColor, typeColor } from '../../lib/colors.ts';
import { visibleSubgraph } from '../../lib/subgraph.ts';
import { appearance, filters, selection, setFilters } from '../../state/explorer.ts';
import { visibility } from '../../state/derived.ts';
import { graph, searchIndex } from '../../state/graph.ts';
import { autocomplete } from '../autocomplete.ts';
import { h, replace } from '../dom.ts';
import { fitSoon } from './camera.ts';

/** Render the toolbar into `el`. */
export function mountToolbar(el: HTMLElement, renderer: Sigma): void {
  const search = autocomplete({
    placeholder: 'Search actors, aliases (e.g. STPS)…', testId: 'search',
    source: (q) => searchIndex().search(q, 12),
    onPick: (hit) => {
      const a = graph.getNodeAttributes(hit.key);
      // make sure the picked node is not filtered out, then fly to it
      if (a.nodeType === 'document' && !filters.get().showDocuments) setFilters({ showDocuments: true });
      selection.set(hit.key);
      // the actor and its ties in view
      fitSoon('focus');
    },
  });
  const png = h('button', { 'data-testid': 'export-png', title: 'Download the current view as PNG' }, 'PNG');
  png.addEventListener('click', () => {
    void downloadAsPNG(renderer, { fileName: 'kg-view', backgroundColor: '#ffffff' });
  });
  const gexf = h('button', { 'data-testid': 'export-gexf', title: 'Download the filtered graph as GEXF' }, 'GEXF');
  gexf.addEventListener('click', () => {
    const colorBy = appearance.get().colorBy;
    const sub = visibleSubgraph(graph, visibility.get(), (_k, a) => (colorBy === 'community' ? communityColor(a.community) : typeColor(a.type)));
    const xml = write(sub, {
      version: '1.3',
      formatNode: (key, a) => ({ label: a.label as string, x: a.x as number, y: a.y as number, size: a.size as number, color: a.color as string,
        attributes: Object.fromEntries(Object.entries(a).filter(([k]) => !['x', 'y', 'size', 'color', 'label'].includes(k))) }),
      formatEdge: (_key, a) => ({ label: a.predicate as string, weight: a.weight as number, attributes: a }),
    });
    download(new Blob([xml], { type: 'application/xml' }), 'kg-filtered.gexf');
  });
  replace(el, search, h('span', { class: 'spacer' }), png, gexf);
}

/** Save a blob as a file through a temporary object URL. */
export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: name });
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
