// The explorer screen: toolbar, legend + filters + layout (left), sigma with its focus layer and
// zoom buttons (centre), tabs for the selection, brokers and path (right).
import type Sigma from 'sigma';
import { startDerivations } from '../../state/derived.ts';
import { startUrlSync } from '../../state/url.ts';
import { afterFrame, mark, whenIdle } from '../../lib/perf.ts';
import { graphVersion, warmSearchIndex } from '../../state/graph.ts';
import { h } from '../dom.ts';
import { mountCamera } from './camera.ts';
import { mountFiltersPanel } from './filters-panel.ts';
import { mountFocusLayer } from './focus-layer.ts';
import { mountLayoutControls } from './layout.ts';
import { mountLegend } from './legend.ts';
import { createRenderer } from './renderer.ts';
import { mountSidePanel } from './side-panel.ts';
import { mountToolbar } from './toolbar.ts';

/** Build the explorer inside `root` (once); returns the sigma renderer of the whole graph. */
export function mountExplorer(root: HTMLElement, toolbarEl: HTMLElement): Sigma {
  const legend = h('section', { class: 'panel', id: 'legend' });
  const filtersEl = h('section', { class: 'panel', id: 'filters' });
  const layoutEl = h('section', { class: 'panel', id: 'layout', 'data-testid': 'layout' });
  const canvas = h('div', { id: 'sigma', 'data-testid': 'sigma' });
  const side = h('aside', { id: 'side', 'data-testid': 'side-panel' });
  root.replaceChildren(
    h('aside', { id: 'left' },
      h('details', { open: true }, h('summary', {}, 'Legend'), legend),
      h('details', { open: true }, h('summary', {}, 'Layout'), layoutEl),
      h('details', { open: true }, h('summary', {}, 'Filters'), filtersEl)),
    canvas, side);
  mark('derive-start');
  startDerivations();
  mark('sigma-start');
  const renderer = createRenderer(canvas);
  mark('sigma-end');
  mountCamera(renderer, canvas);
  // the focus layer is a second sigma (its own WebGL contexts and shaders): not before the first frame
  afterFrame(() => {
    const layer = mountFocusLayer(renderer, canvas);
    // the bench and the e2e tests look at both renderers
    Object.assign(window.__kg ?? {}, { focusRenderer: layer.renderer, renderers: [renderer, layer.renderer] });
    mark('focus-layer');
  });
  mountLegend(legend);
  mark('legend');
  mountFiltersPanel(filtersEl);
  mark('filters');
  mountSidePanel(side);
  mountLayoutControls(layoutEl, renderer);
  mountToolbar(toolbarEl, renderer);
  startUrlSync(renderer);
  mark('mounted');
  // the first keystroke should not pay for indexing 20k names (nor after a rebuild)
  afterFrame(() => whenIdle(() => warmSearchIndex(), 2000));
  graphVersion.subscribe(() => whenIdle(() => warmSearchIndex(), 2000));
  return renderer;
}
