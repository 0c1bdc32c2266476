// Entry point: header, hash routing between the explorer and the document view, live graph updates.
import './styles.css';
import type Sigma from 'sigma';
import { typeColor } from './lib/colors.ts';
import { NAME_FIRST } from './lib/corrections.ts';
import { mark } from './lib/perf.ts';
import { defaultGraphRoute, toHash } from './lib/url-state.ts';
import { annotator } from './state/annotator.ts';
import { edgeSelection, selection } from './state/explorer.ts';
import { fetchGraph, graph, graphVersion } from './state/graph.ts';
import { serverVersion } from './state/server.ts';
import { connection, connectionLabel, startLive } from './state/live.ts';
import { applyGraphRoute, currentRoute, isOwnHash } from './state/url.ts';
import { h } from './views/dom.ts';
import { mountDocView } from './views/document/view.ts';
import { mountDocumentList } from './views/documents/list.ts';
import { mountExplorer } from './views/explorer/index.ts';
import { dismissToast, toast } from './views/toast.ts';
import { mountBuildStatus } from './views/build-status.ts';

declare global { interface Window { __kg?: { renderer?: Sigma; firstFrameAt?: number; graphLoadedAt?: number; graph: typeof graph } } }
window.__kg = { graph };

const app = document.getElementById('app')!;
const toolbar = h('div', { id: 'toolbar' });
const who = h('input', { type: 'text', placeholder: 'your name', value: annotator.get(), 'data-testid': 'annotator', size: 12 });
who.addEventListener('change', () => annotator.set(who.value.trim()));
// a name set answers the "set your annotator name first" toast
annotator.subscribe((name) => { if (name) dismissToast(NAME_FIRST); });
// Enter in the name field hands the keyboard back to the page (the document view's keys work again)
who.addEventListener('keydown', (e) => { if (e.key === 'Enter') { annotator.set(who.value.trim()); who.blur(); } });
const docsLink = h('a', { href: '#/docs', class: 'docs-link', 'data-testid': 'documents' }, '☰ documents');
const live = h('span', { class: 'live', 'data-testid': 'connection', title: 'live connection to the server' }, '…');
const buildStatus = mountBuildStatus();
const explorerEl = h('section', { id: 'explorer' });
const docEl = h('section', { id: 'docview' });
const listEl = h('section', { id: 'doclist' });
app.replaceChildren(
  h('header', { id: 'top' },
    h('a', { href: toHash(defaultGraphRoute()), class: 'brand' }, h('span', { class: 'dot', style: `background:${typeColor('Organization')}` }), ' kg'),
    toolbar, docsLink, h('label', { class: 'who' }, 'annotator ', who), buildStatus.el, live),
  explorerEl, docEl, listEl);

let renderer: Sigma | null = null;
let showDoc: ReturnType<typeof mountDocView> | null = null;
let showList: ReturnType<typeof mountDocumentList> | null = null;

async function route(): Promise<void> {
  const r = currentRoute();
  listEl.hidden = r.route !== 'docs';
  if (r.route === 'docs') {
    explorerEl.hidden = true;
    docEl.hidden = true;
    toolbar.style.visibility = 'hidden';
    showList ??= mountDocumentList(listEl);
    await showList();
    return;
  }
  if (r.route === 'doc') {
    explorerEl.hidden = true;
    docEl.hidden = false;
    toolbar.style.visibility = 'hidden';
    showDoc ??= mountDocView(docEl);
    await showDoc(r.name, r.span);
    return;
  }
  docEl.hidden = true;
  explorerEl.hidden = false;
  toolbar.style.visibility = '';
  if (!renderer) {
    renderer = mountExplorer(explorerEl, toolbar);
    window.__kg!.renderer = renderer;
    // sigma renders synchronously in its constructor: the first frame is on screen at the next animation frame
    requestAnimationFrame(() => { window.__kg!.firstFrameAt = performance.now(); mark('first-frame'); });
  } else {
    renderer.resize();
    renderer.refresh();
  }
}

window.addEventListener('hashchange', () => {
  // Coming back from a document ("← explorer" or Back) lands on the hash the explorer last wrote: show the
  // explorer again, but do not re-apply a state it already holds (camera, selection stay as they were).
  const r = currentRoute();
  if (r.route === 'graph' && !isOwnHash(location.hash)) applyGraphRoute(r);
  void route();
});

// Escape clears the explorer's selection, a node or a tie (unless typing in a field; the document view
// has its own Escape, which must not drop the selection "← explorer" comes back to)
window.addEventListener('keydown', (e) => {
  if (e.key !== 'Escape' || (e.target as Element | null)?.closest?.('input, select, textarea')) return;
  if (currentRoute().route !== 'graph') return;
  selection.set(null);
  edgeSelection.set(null);
});

// live connection: indicator in the header, graph reloads on rebuilds and after a server restart
const showLive = () => {
  const { text, title } = connectionLabel(connection.get(), graphVersion.get());
  live.textContent = text;
  live.title = title;
  live.dataset.state = connection.get();
};
connection.subscribe(showLive);
graphVersion.subscribe(showLive);
let initialLoad: Promise<void> = Promise.resolve();
startLive(() => initialLoad, (message, kind) => toast(message, kind));
// every new graph version (a rebuild, failed or not) may change the build state chip
graphVersion.subscribe(() => buildStatus.poke());

async function start(): Promise<void> {
  const r = currentRoute();
  if (r.route === 'graph') applyGraphRoute(r);
  try {
    initialLoad = fetchGraph();
    await initialLoad;
    window.__kg!.graphLoadedAt = performance.now();
    serverVersion.set(Math.max(serverVersion.get(), Math.floor(graphVersion.get())));
  } catch (e) {
    toast(`cannot load /api/graph: ${(e as Error).message}`, 'error');
  }
  await route();
}
void start();
