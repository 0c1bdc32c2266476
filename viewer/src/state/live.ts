// Live state: the /api/events stream, the connection indicator, and graph reloads. Each `graph`
// event carries the version and the server's start id; a new start id means the server
// restarted (versions begin at 1 again), so the graph is reloaded whatever its number.
import { fetchGraph, graphVersion } from './graph.ts';
import { serverVersion } from './server.ts';
import { createStore } from './store.ts';

/** connecting: first contact; live: stream open; reconnecting: lost, retrying; down: lost for a while. */
export type Connection = 'connecting' | 'live' | 'reconnecting' | 'down';

/** The state of the event stream (the header's indicator shows it). */
export const connection = createStore<Connection>('connecting');

/** Start id of the server whose graph we hold (null until the first event). */
export const serverStart = createStore<string | null>(null);

/** After this long without a connection, "reconnecting" becomes "down". */
const DOWN_AFTER_MS = 3000;

let refetching: Promise<void> | null = null;
let pending = false;

/** Refetch the graph: a burst of rebuilds collapses to one refetch at a time (plus one after it). */
export async function refetchGraph(onError: (e: Error) => void): Promise<void> {
  if (refetching) { pending = true; return refetching; }
  refetching = fetchGraph().catch((e: Error) => onError(e));
  await refetching;
  refetching = null;
  if (pending) { pending = false; await refetchGraph(onError); }
}

/** What to do with one `graph` event (pure; exported for tests). */
export function onGraphEvent(ev: { version: number; start?: string }, have: { start: string | null; version: number }): { reload: boolean; restarted: boolean } {
  const restarted = Boolean(ev.start && have.start && ev.start !== have.start);
  return { restarted, reload: restarted || !Number.isFinite(ev.version) || ev.version > Math.floor(have.version) };
}

/**
 * Open the stream and keep it open. `loaded` resolves when the first graph load is done (events
 * before it only record the version); `notify` tells the user (restart reloads, failures).
 */
export function startLive(loaded: () => Promise<void>, notify: (message: string, kind: 'info' | 'error') => void): void {
  if (typeof EventSource === 'undefined') return;
  let es: EventSource;
  let downTimer: ReturnType<typeof setTimeout> | undefined;
  const lost = () => {
    if (connection.get() !== 'down') connection.set('reconnecting');
    // the browser reports every failed retry: the clock runs from the first one
    downTimer ??= setTimeout(() => { downTimer = undefined; if (connection.get() !== 'live') connection.set('down'); }, DOWN_AFTER_MS);
  };
  const open = () => {
    es = new EventSource('/api/events');
    es.addEventListener('open', () => { clearTimeout(downTimer); downTimer = undefined; connection.set('live'); });
    es.addEventListener('error', () => {
      lost();
      // the browser retries by itself unless the stream was refused outright (then it closes): retry ourselves
      if (es.readyState === EventSource.CLOSED) setTimeout(open, 1000);
    });
    es.addEventListener('graph', (e) => {
      let ev: { version: number; start?: string };
      try { ev = JSON.parse((e as MessageEvent).data); } catch { ev = { version: NaN }; }
      connection.set('live');
      void loaded().catch(() => undefined).then(() => {
        const d = onGraphEvent(ev, { start: serverStart.get(), version: graphVersion.get() });
        if (ev.start) serverStart.set(ev.start);
        // a restarted server counts from 1 again: forget the versions of the old one
        if (d.restarted) serverVersion.set(ev.version);
        else if (Number.isFinite(ev.version)) serverVersion.set(Math.max(serverVersion.get(), ev.version));
        if (!d.reload) return;
        void refetchGraph((err) => notify(`graph refresh failed: ${err.message}`, 'error')).then(() => {
          if (d.restarted) notify('the server restarted: graph reloaded', 'info');
        });
      });
    });
  };
  open();
}

/** Label and tooltip of the indicator for a state and graph version. */
export function connectionLabel(c: Connection, version: number): { text: string; title: string } {
  const v = version >= 0 ? ` · v${Math.floor(version)}` : '';
  switch (c) {
    case 'live': return { text: `● live${v}`, title: 'connected: corrections and rebuilds show up here as they happen' };
    case 'connecting': return { text: `○ connecting${v}`, title: 'opening the live connection' };
    case 'reconnecting': return { text: `◌ reconnecting${v}`, title: 'the connection dropped; retrying every second' };
    default: return { text: `✕ server down${v}`, title: 'the server does not answer; what you see may be out of date (retrying)' };
  }
}
