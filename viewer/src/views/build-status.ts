// The server's build state in the header: a red chip when the last rebuild failed (the graph shown is stale), amber while one runs.
import { h, replace } from './dom.ts';

/** /api/health as far as this chip reads it. */
interface Health { status?: 'ready' | 'building' | 'error'; stale?: boolean; error?: string; skipped?: string[]; progress?: { done: number; total: number } }

const POLL_MS = 4000;

/** A header element that shows the build state; polls /api/health, and again whenever `poke()` is called (a graph event). */
export function mountBuildStatus(): { el: HTMLElement; poke: () => void } {
  const el = h('span', { class: 'build-status', 'data-testid': 'build-status', hidden: true, role: 'status' });
  let timer: number | undefined;
  const show = (health: Health) => {
    const skipped = health.skipped?.length ?? 0;
    if (health.stale) {
      el.className = 'build-status error';
      el.title = `${health.error ?? 'rebuild failed'}${skipped ? `\n${skipped} document(s) skipped:\n${health.skipped!.join('\n')}` : ''}`;
      replace(el, 'rebuild failed: graph is stale');
    } else if (health.status === 'building') {
      el.className = 'build-status building';
      el.title = 'the server is rebuilding the graph';
      replace(el, health.progress ? `rebuilding ${health.progress.done}/${health.progress.total}` : 'rebuilding…');
    } else if (skipped) {
      el.className = 'build-status skipped';
      el.title = health.skipped!.join('\n');
      replace(el, `${skipped} document${skipped > 1 ? 's' : ''} skipped`);
    } else {
      el.hidden = true;
      return;
    }
    el.hidden = false;
  };
  const poll = async () => {
    clearTimeout(timer);
    try {
      const r = await fetch('/api/health', { cache: 'no-store' });
      if (r.ok) show((await r.json()) as Health);
    } catch { /* the connection indicator covers a server that is gone */ }
    timer = window.setTimeout(() => void poll(), POLL_MS);
  };
  void poll();
  return { el, poke: () => void poll() };
}
