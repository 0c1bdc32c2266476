// The explorer screen: toolbar, filters + legend + cross-border (left), sigma (centre), node panel (right).
import type Sigma from 'sigma';
import { startDerivations } from '../../state/derived.ts';
import { startUrlSync } from '../../state/url.ts';
import { afterFrame, mark, whenIdle } from '../../lib/perf.ts';
import { graphVersion, warmSearchIndex } from '../../state/graph.ts';
import { h } from '../dom.ts';
import { mountCrossBorder } from './cross-border.ts';
import { mountFiltersPanel } from './filters-panel.ts';
import { mountLegend } from './legend.ts';
import { mountNodePanel } from './node-panel.ts';
import { createRenderer } from './renderer.ts';
import { mountToolbar } from './toolbar.ts';

/** Build the explorer inside `root` (once); returns the sigma renderer. */
export function mountExplorer(root: HTMLElement, toolbarEl: HTMLElement): Sigma {
  const legend = h('section', { class: 'panel', id: 'legend' });
  const filtersEl = h('section', { class: 'panel', id: 'filters' });
  const cross = h('section', { class: 'panel', id: 'cross-border' });
  const canvas = h('div', { id: 'sigma', 'data-testid': 'sigma' });
  const side = h('aside', { id: 'side', 'data-testid': 'side-panel' });
  root.replaceChildren(
    h('aside', { id: 'left' },
      h('details', { open: true }, h('summary', {}, 'Legend'), legend),
      h('details', { open: true }, h('summary', {}, 'Filters'), filtersEl),
      h('details', { open: true }, h('summary', {}, 'Cross-border'), cross)),
    canvas, side);
  mark('derive-start');
  startDerivations();
  mark('sigma-start');
  const renderer = createRenderer(canvas);
  mark('sigma-end');
  mountLegend(legend);
  mark('legend');
  mountFiltersPanel(filtersEl);
  mark('filters');
  mountCrossBorder(cross, renderer);
  mark('cross-border');
  mountNodePanel(side, renderer);
  mountToolbar(toolbarEl, renderer);
  startUrlSync(renderer);
  mark('mounted');
  // the first keystroke should not pay for indexing 20k names (nor after a rebuild)
  afterFrame(() => whenIdle(() => warmSearchIndex(), 2000));
  graphVersion.subscribe(() => whenIdle(() => warmSearchIndex(), 2000));
  return renderer;
}
