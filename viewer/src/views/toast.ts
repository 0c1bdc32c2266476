// Transient status messages (saved, conflict, errors), as text.
import { h } from './dom.ts';

/** Show a message for a few seconds at the bottom right (errors longer); a click dismisses it. */
export function toast(message: string, kind: 'ok' | 'warn' | 'error' | 'info' = 'info'): void {
  let box = document.getElementById('toasts');
  if (!box) { box = h('div', { id: 'toasts' }); document.body.appendChild(box); }
  // the same message twice in a row shows once (a key held down, a retried action)
  for (const old of [...box.children]) if (old.textContent === message) old.remove();
  const el = h('div', { class: `toast ${kind}`, role: 'status', 'data-testid': 'toast', title: 'click to dismiss' }, message);
  el.addEventListener('click', () => el.remove());
  box.appendChild(el);
  setTimeout(() => el.remove(), kind === 'error' || kind === 'warn' ? 8000 : 3000);
}

/** Remove the toasts showing `message` (it no longer applies). */
export function dismissToast(message: string): void {
  for (const el of [...(document.getElementById('toasts')?.children ?? [])]) if (el.textContent === message) el.remove();
}
