// The side panel: tabs for the selection (a node or a tie), brokers and the path, so results land
// where the eye is. A new selection, the cross-border switch or a path request opens its tab.
import { edgeSelection, filters, pathEnds, selection } from '../../state/explorer.ts';
import { graphVersion } from '../../state/graph.ts';
import { createStore } from '../../state/store.ts';
import { h, replace } from '../dom.ts';
import { mountBrokersPanel } from './brokers-panel.ts';
import { renderEdgePanel } from './edge-panel.ts';
import { renderNodePanel } from './node-panel.ts';
import { mountPathPanel } from './path-panel.ts';

export type SideTab = 'details' | 'brokers' | 'path';

/** The open tab. */
export const sideTab = createStore<SideTab>('details');

/** Build the tabs inside `el` (the #side aside). */
export function mountSidePanel(el: HTMLElement): void {
  const panes: Record<SideTab, HTMLElement> = {
    details: h('section', { class: 'pane', 'data-testid': 'details' }),
    brokers: h('section', { class: 'pane', 'data-testid': 'brokers-pane' }),
    path: h('section', { class: 'pane', 'data-testid': 'path-pane' }),
  };
  const labels: Record<SideTab, string> = { details: 'Details', brokers: 'Brokers', path: 'Path' };
  const tabs = (Object.keys(panes) as SideTab[]).map((t) =>
    h('button', { type: 'button', role: 'tab', class: 'tab', 'data-tab': t, 'data-testid': `tab-${t}`, onclick: () => sideTab.set(t) }, labels[t]));
  replace(el, h('nav', { class: 'tabs', role: 'tablist' }, ...tabs), panes.details, panes.brokers, panes.path);
  const show = () => {
    const cur = sideTab.get();
    for (const t of Object.keys(panes) as SideTab[]) panes[t].hidden = t !== cur;
    for (const b of tabs) b.setAttribute('aria-selected', String(b.dataset.tab === cur));
  };
  sideTab.subscribe(show);
  show();

  const renderDetails = () => {
    const n = selection.get(), e = edgeSelection.get();
    if (e && renderEdgePanel(panes.details, e)) return;
    if (n && renderNodePanel(panes.details, n)) return;
    replace(panes.details, h('p', { class: 'hint' }, 'Click a node or a tie, or search an actor, to see its ties and the evidence for each.'));
  };
  selection.subscribe((v) => { renderDetails(); if (v) sideTab.set('details'); });
  edgeSelection.subscribe((v) => { renderDetails(); if (v) sideTab.set('details'); });
  graphVersion.subscribe(renderDetails);
  renderDetails();

  mountBrokersPanel(panes.brokers);
  mountPathPanel(panes.path);
  filters.subscribe((f, prev) => { if (f.crossBorder && !prev.crossBorder) sideTab.set('brokers'); });
  pathEnds.subscribe((v) => { if (v) sideTab.set('path'); });
  // a link that opens with a path (and no selection) shows it
  if (pathEnds.get() && !selection.get() && !edgeSelection.get()) sideTab.set('path');
  else if (filters.get().crossBorder && !selection.get() && !edgeSelection.get()) sideTab.set('brokers');
}
