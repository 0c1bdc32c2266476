// The one floating panel of the document view (actions, pickers, dialogs): keyboard first, mouse too.
import { h, replace } from '../dom.ts';

/** What a panel shows; `onKey` sees keys first and returns true when it used one. */
export interface PanelContent {
  title: string;
  body: HTMLElement;
  onKey?: (e: KeyboardEvent) => boolean;
  /** Element to focus when shown (an input); otherwise the panel itself takes focus. */
  focus?: HTMLElement;
  testId?: string;
}

let current: { el: HTMLElement; content: PanelContent; onClose?: () => void } | null = null;
const listeners = new Set<(open: boolean) => void>();

/** Called with true/false when a panel opens/closes (the view hides its tooltip meanwhile). */
export function onPanelChange(fn: (open: boolean) => void): void {
  listeners.add(fn);
}

/** Is a panel open? */
export function panelOpen(): boolean {
  return current !== null;
}

/** Close the open panel, if any. */
export function closePanel(): void {
  if (!current) return;
  const { el, onClose } = current;
  current = null;
  el.remove();
  onClose?.();
  for (const fn of listeners) fn(false);
}

/** Open `content` below `anchor` (viewport rect; null = centred), replacing any open panel. */
export function openPanel(content: PanelContent, anchor: DOMRect | null, onClose?: () => void): HTMLElement {
  const wasOpen = current !== null;
  if (current) { current.el.remove(); current = null; }
  const el = h('div', { class: 'popover', role: 'dialog', tabindex: '-1', 'aria-label': content.title, 'data-testid': content.testId ?? 'popover' },
    h('button', { class: 'close', title: 'close (Esc)', onclick: closePanel }, '×'),
    h('h4', {}, content.title), content.body);
  document.body.appendChild(el);
  place(el, anchor);
  current = { el, content, onClose };
  (content.focus ?? el).focus({ preventScroll: true });
  if (!wasOpen) for (const fn of listeners) fn(true);
  return el;
}

/** Swap the open panel's content in place (a picker's next step). */
export function updatePanel(content: PanelContent): void {
  if (!current) return;
  const { el } = current;
  replace(el, h('button', { class: 'close', title: 'close (Esc)', onclick: closePanel }, '×'), h('h4', {}, content.title), content.body);
  el.setAttribute('aria-label', content.title);
  el.dataset.testid = content.testId ?? 'popover';
  current.content = content;
  (content.focus ?? el).focus({ preventScroll: true });
}

function place(el: HTMLElement, anchor: DOMRect | null): void {
  const w = el.offsetWidth || 360;
  const hgt = el.offsetHeight || 200;
  let left = anchor ? anchor.left : (window.innerWidth - w) / 2;
  let top = anchor ? anchor.bottom + 6 : window.innerHeight / 4;
  // below the mark when it fits, else above it; never outside the window (position: fixed)
  if (anchor && top + hgt > window.innerHeight - 8) top = anchor.top - hgt - 6;
  top = Math.max(8, Math.min(top, window.innerHeight - hgt - 8));
  left = Math.max(8, Math.min(left, window.innerWidth - w - 8));
  el.style.left = `${left}px`;
  el.style.top = `${top}px`;
}

/** Route a key to the open panel: Esc closes; otherwise the content decides. True when used. */
export function panelKey(e: KeyboardEvent): boolean {
  if (!current) return false;
  if (e.key === 'Escape') { closePanel(); return true; }
  return current.content.onKey?.(e) ?? false;
}

/** One choosable row of a menu. */
export interface MenuItem { key: string; label: string; run: () => void; testId?: string; hint?: string; disabled?: boolean }

/**
 * A list of choices, each with its key (`a`, `1`, …): press the key, or move with ↑↓ and press Enter,
 * or click. Returns the body and its key handler.
 */
export function menu(items: MenuItem[], initial = 0): { body: HTMLElement; onKey: (e: KeyboardEvent) => boolean } {
  let active = Math.min(initial, items.length - 1);
  const rows = items.map((it, i) => {
    const row = h('li', { class: `menu-item${it.disabled ? ' disabled' : ''}`, role: 'menuitem', 'data-testid': it.testId ?? null, 'data-key': it.key },
      h('kbd', {}, it.key), ' ', h('span', {}, it.label), it.hint ? h('span', { class: 'meta' }, it.hint) : null);
    row.addEventListener('mousedown', (e) => { e.preventDefault(); if (!it.disabled) it.run(); });
    row.addEventListener('mousemove', () => { active = i; paint(); });
    return row;
  });
  const body = h('ul', { class: 'menu', role: 'menu' }, ...rows);
  const paint = () => rows.forEach((r, i) => r.classList.toggle('active', i === active));
  paint();
  const onKey = (e: KeyboardEvent): boolean => {
    if (e.ctrlKey || e.metaKey || e.altKey) return false;
    if (e.key === 'ArrowDown') { active = (active + 1) % items.length; paint(); return true; }
    if (e.key === 'ArrowUp') { active = (active - 1 + items.length) % items.length; paint(); return true; }
    if (e.key === 'Enter') { const it = items[active]; if (it && !it.disabled) it.run(); return true; }
    const hit = items.find((it) => it.key === e.key && !it.disabled);
    if (hit) { hit.run(); return true; }
    return false;
  };
  return { body, onKey };
}
