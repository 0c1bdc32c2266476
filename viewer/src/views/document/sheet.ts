// The shortcut sheet (?): every key of the document view, from the same table the key handler uses.
import { SHORTCUTS, showKey } from '../../lib/shortcuts.ts';
import { h } from '../dom.ts';

let el: HTMLElement | null = null;

/** Is the sheet shown? */
export function sheetOpen(): boolean {
  return el !== null;
}

/** Show or hide the sheet (toggle without argument). */
export function toggleSheet(show = el === null): void {
  if (!show) { el?.remove(); el = null; return; }
  if (el) return;
  const groups = [...new Set(SHORTCUTS.map((s) => s.group))];
  el = h('div', { class: 'sheet', role: 'dialog', 'aria-label': 'keyboard shortcuts', 'data-testid': 'shortcut-sheet' },
    h('button', { class: 'close', title: 'close (Esc)', onclick: () => toggleSheet(false) }, '×'),
    h('h3', {}, 'Keyboard shortcuts'),
    h('div', { class: 'sheet-cols' }, ...groups.map((g) => h('section', {}, h('h4', {}, g),
      h('table', {}, ...SHORTCUTS.filter((s) => s.group === g).map((s) =>
        h('tr', {}, h('td', { class: 'keys' }, ...s.keys.flatMap((k, i) => [i ? ' ' : '', h('kbd', {}, showKey(k))])), h('td', {}, s.label))))))),
    h('p', { class: 'hint' }, 'In a picker: the key shown, or ↑↓ and Enter; Esc closes. Mouse: click a span for its actions, select text to add one, click an arc to edit its relation.'));
  document.body.appendChild(el);
}
