// The explorer screen: toolbar, filters + legend + cross-border (left), sigma (centre), node panel (right).
import type Sigma from 'sigma';
import { startDerivations } from '../../state/derived.ts';
import { startUrlSync } from '../../state/url.ts';
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
  startDerivations();
  const renderer = createRenderer(canvas);
  mountLegend(legend);
  mountFiltersPanel(filtersEl);
  mountCrossBorder(cross, renderer);
  mountNodePanel(side, renderer);
  mountToolbar(toolbarEl, renderer);
  startUrlSync(renderer);
  return renderer;
}
