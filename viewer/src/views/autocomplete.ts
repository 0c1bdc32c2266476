// A small autocomplete input (search box, entity pickers): keyboard and mouse, results as text only.
import type { SearchHit } from '../lib/search-index.ts';
import { typeColor } from '../lib/colors.ts';
import { h, replace } from './dom.ts';

/** Options of an autocomplete box. */
export interface AutocompleteOptions {
  placeholder: string;
  source: (query: string) => SearchHit[];
  onPick: (hit: SearchHit) => void;
  /** Keep the picked name in the input (entity pickers) instead of clearing it (search box). */
  keepValue?: boolean;
  testId?: string;
}

/** Returns the wrapper element; the input is its first child. */
export function autocomplete(o: AutocompleteOptions): HTMLElement {
  const input = h('input', { type: 'search', placeholder: o.placeholder, autocomplete: 'off', 'data-testid': o.testId ?? null });
  const list = h('ul', { class: 'ac-list', role: 'listbox' });
  const wrap = h('div', { class: 'ac' }, input, list);
  let hits: SearchHit[] = [];
  let active = 0;

  const render = () => {
    replace(list, ...hits.map((hit, i) => {
      const li = h('li', { class: i === active ? 'active' : '', role: 'option', 'data-key': hit.key },
        h('span', { class: 'dot', style: `background:${typeColor(hit.type ?? '')}` }),
        h('span', { class: 'ac-name' }, hit.name),
        hit.matched !== hit.name ? h('span', { class: 'ac-alias' }, ` (${hit.matched})`) : null,
        h('span', { class: 'ac-type' }, hit.type ?? ''));
      li.addEventListener('mousedown', (e) => { e.preventDefault(); pick(i); });
      return li;
    }));
    list.hidden = hits.length === 0;
  };
  const pick = (i: number) => {
    const hit = hits[i];
    if (!hit) return;
    input.value = o.keepValue ? hit.name : '';
    hits = [];
    render();
    o.onPick(hit);
  };
  input.addEventListener('input', () => { hits = o.source(input.value); active = 0; render(); });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown') { active = Math.min(active + 1, hits.length - 1); render(); e.preventDefault(); }
    else if (e.key === 'ArrowUp') { active = Math.max(active - 1, 0); render(); e.preventDefault(); }
    else if (e.key === 'Enter') { pick(active); e.preventDefault(); }
    else if (e.key === 'Escape') { hits = []; render(); }
  });
  input.addEventListener('blur', () => setTimeout(() => { hits = []; render(); }, 150));
  list.hidden = true;
  return wrap;
}
