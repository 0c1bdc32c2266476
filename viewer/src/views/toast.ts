// Transient status messages (saved, conflict, errors), as text.
import { h } from './dom.ts';

/** Show a message for a few seconds at the bottom right. */
export function toast(message: string, kind: 'ok' | 'warn' | 'error' | 'info' = 'info'): void {
  let box = document.getElementById('toasts');
  if (!box) { box = h('div', { id: 'toasts' }); document.body.appendChild(box); }
  const el = h('div', { class: `toast ${kind}`, role: 'status', 'data-testid': 'toast' }, message);
  box.appendChild(el);
  setTimeout(() => el.remove(), kind === 'error' || kind === 'warn' ? 8000 : 3000);
}
