// Path tab of the side panel: two actor pickers, the shortest path hop by hop with each hop's own
// evidence, and a word when the current filters are what hides a path.
import type { EdgeEvidence } from '../../../../src/types.ts';
import { predicateColor } from '../../lib/colors.ts';
import { DEFAULT_FILTERS, computeVisibility } from '../../lib/filters.ts';
import { MAX_HOPS, findPath } from '../../lib/paths.ts';
import { path, visibility } from '../../state/derived.ts';
import { edgeSelection, filters, pathEnds, selection, setFilters } from '../../state/explorer.ts';
import { graph, nodeLabel, searchIndex } from '../../state/graph.ts';
import { autocomplete } from '../autocomplete.ts';
import { h, replace } from '../dom.ts';
import { fitSoon } from './camera.ts';
import { evidenceItem } from './evidence.ts';

/** Render the path finder into `el`. */
export function mountPathPanel(el: HTMLElement): void {
  const out = h('div', { class: 'path', 'data-testid': 'path' });
  const picker = (i: 0 | 1, label: string) => autocomplete({
    placeholder: label, keepValue: true, testId: `path-${i ? 'to' : 'from'}`,
    source: (q) => searchIndex().search(q, 8).filter((x) => !x.key.startsWith('doc:')),
    onPick: (hit) => {
      const cur = pathEnds.get() ?? [hit.key, hit.key];
      pathEnds.set(i === 0 ? [hit.key, cur[1]] : [cur[0], hit.key]);
    },
  });
  const pickers = [picker(0, 'from actor…'), picker(1, 'to actor…')] as const;
  replace(el, h('h3', {}, 'Shortest path'), ...pickers, out);
  /** The pickers show the ends, however they were set ("path from here", the URL), unless being typed in. */
  const showEnds = (ends: [string, string] | null) => {
    const inputs = pickers.map((w) => w.firstElementChild as HTMLInputElement);
    const put = (i: number, v: string) => { if (document.activeElement !== inputs[i]) inputs[i]!.value = v; };
    if (!ends) { put(0, ''); put(1, ''); }
    else if (ends[0] !== ends[1]) { put(0, nodeLabel(ends[0])); put(1, nodeLabel(ends[1])); }
    // one end so far ("path from here", or one picker): left where it was typed, or shown as the start
    else if (!inputs[0]!.value && !inputs[1]!.value) put(0, nodeLabel(ends[0]));
  };
  const link = (k: string) => {
    const a = h('a', { href: '#', class: 'node-link' }, nodeLabel(k));
    a.addEventListener('click', (e) => { e.preventDefault(); selection.set(k); fitSoon('focus'); });
    return a;
  };
  let shownFor = '';
  const render = () => {
    const ends = pathEnds.get();
    const p = path.get();
    showEnds(ends);
    if (!ends) return replace(out, h('p', { class: 'hint' }, 'Pick two actors (or use “path from/to here” on an actor).'));
    const head = h('div', { class: 'row' }, h('b', {}, `${nodeLabel(ends[0])} → ${nodeLabel(ends[1])}`), ' ',
      h('button', { onclick: () => pathEnds.set(null), 'data-testid': 'path-clear' }, 'clear'));
    if (ends[0] === ends[1]) return replace(out, head, h('p', { class: 'hint' }, 'Now pick the other end.'));
    if (!p) {
      // is it the filters? the same search on everything but rejected ties says
      const { path: all, longer } = findPath(graph, ends[0], ends[1], computeVisibility(graph, { ...DEFAULT_FILTERS, showDocuments: false }).edges);
      if (!all) {
        return replace(out, head, h('p', { 'data-testid': 'path-none' }, longer
          ? `No chain of at most ${MAX_HOPS} ties joins these two (the limit kg cypher --query path uses too); a longer one exists.`
          : 'These two are not connected by any tie in the graph.'));
      }
      const clear = h('button', { 'data-testid': 'path-show-hidden', onclick: () => { setFilters({ ...DEFAULT_FILTERS, showDocuments: filters.get().showDocuments }); fitSoon('path'); } }, 'clear the filters');
      return replace(out, head, h('p', { class: 'warn', 'data-testid': 'path-hidden' },
        `A path of ${all.hops.length} tie${all.hops.length === 1 ? '' : 's'} exists, but the current filters hide it. `, clear));
    }
    const more = p.alternatives > 1 ? ` One of ${p.alternatives} equally short paths.` : '';
    replace(out, head, h('p', { class: 'hint', 'data-testid': 'path-summary' }, `${p.hops.length} tie${p.hops.length === 1 ? '' : 's'}; each hop with its own evidence.${more}`),
      p.throughAvoided ? h('p', { class: 'warn', 'data-testid': 'path-through-place' }, `No path avoiding places fits ${MAX_HOPS} ties: this one passes through a place.`) : null,
      h('ol', { class: 'hops', 'data-testid': 'hops' }, ...p.hops.map((hop) =>
        h('li', { 'data-testid': 'hop', 'data-from': hop.from, 'data-to': hop.to }, h('div', { class: 'hop-ends' }, link(hop.from), ' — ', link(hop.to)),
          ...hop.edges.map((e) => {
            const tie = h('a', { href: '#', class: 'pred', style: `border-color:${predicateColor(e.predicate)}`, 'data-testid': 'tie-link' },
              `${nodeLabel(e.source)} ${e.predicate} ${nodeLabel(e.target)}`);
            tie.addEventListener('click', (ev) => { ev.preventDefault(); edgeSelection.set(e.key); });
            return h('div', { class: 'hop-edge' }, tie, ...(e.evidence as EdgeEvidence[]).slice(0, 2).map(evidenceItem),
              e.evidence.length > 2 ? h('div', { class: 'meta' }, `+ ${e.evidence.length - 2} more (click the tie)`) : null);
          })))));
    // a new path: bring it into view once
    const id = p.nodes.join('>');
    if (id !== shownFor) { shownFor = id; fitSoon('path'); }
  };
  path.subscribe(render);
  pathEnds.subscribe(render);
  visibility.subscribe(render);
  render();
}
