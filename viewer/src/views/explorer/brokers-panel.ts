// Brokers tab of the side panel: actors tied into both countries of the cross-border pair, under the current filters.
import { rankBrokers } from '../../lib/brokers.ts';
import { computeVisibility } from '../../lib/filters.ts';
import { afterFrame } from '../../lib/perf.ts';
import { visibility, visibilityFilters } from '../../state/derived.ts';
import { filters, selection } from '../../state/explorer.ts';
import { graph, graphVersion } from '../../state/graph.ts';
import { h, replace } from '../dom.ts';
import { fitSoon } from './camera.ts';

/** Render the ranked brokers into `el` (re-ranked when filters or the graph change). */
export function mountBrokersPanel(el: HTMLElement): void {
  const list = h('ol', { class: 'brokers', 'data-testid': 'brokers' });
  const head = h('p', { class: 'hint' });
  replace(el, h('h3', {}, 'Brokers'), head, list);
  const render = () => {
    const f = filters.get();
    // brokers are judged on the filtered graph *before* the cross-border cut (that cut hides same-country ties)
    const base = !f.crossBorder && f.ego === 0 && visibilityFilters() === f
      ? visibility.get() : computeVisibility(graph, { ...f, crossBorder: false, ego: 0 });
    const ranked = rankBrokers(graph, f.crossPair, base.edges, 25);
    const [ca, cb] = f.crossPair === 'any' ? ['A', 'B'] : f.crossPair.split('-');
    head.textContent = `Actors (people, organisations) with ties into both ${f.crossPair === 'any' ? 'countries' : `${ca} and ${cb}`}, weaker side first.`;
    replace(list, ...ranked.map((b) => {
      const a = h('a', { href: '#', 'data-key': b.key }, b.label);
      a.addEventListener('click', (e) => { e.preventDefault(); selection.set(b.key); fitSoon('focus'); });
      return h('li', {}, a, h('small', {}, ` ${b.country ?? '?'} · ${ca} ${b.sideA} / ${cb} ${b.sideB}`));
    }));
    if (!ranked.length) replace(list, h('li', { class: 'hint' }, 'no brokers under the current filters'));
  };
  filters.subscribe(render);
  graphVersion.subscribe(render);
  // ranking walks every actor's ties: after the first frame
  afterFrame(render);
}
