// The document view: formatted text with every span and relation arc, a review cursor driven by the keyboard,
// panels for each correction, and the side panel (review, relations, history, curation).
import { api } from '../../api.ts';
import type { CorrectResult, DocumentPayload, OntologySchema } from '../../api.ts';
import type { Correction } from '../../../../src/annotate/types.ts';
import type { EntityType, Predicate } from '../../../../src/types.ts';
import { evidenceFor, mentionStatus, rejectedSpans } from '../../lib/doc-model.ts';
import type { FlatMention } from '../../lib/doc-model.ts';
import { anchorOf, reviewQueue, stepQueue, stepText, type QueueAnchor } from '../../lib/review-queue.ts';
import { actionFor, type DocAction } from '../../lib/shortcuts.ts';
import { toHash } from '../../lib/url-state.ts';
import { history } from '../../state/annotator.ts';
import { currentGraphRoute } from '../../state/url.ts';
import { h, replace } from '../dom.ts';
import { toast } from '../toast.ts';
import { redoLast, send, undoLast, type DocContext } from './actions.ts';
import { addPanel, findPanel } from './add.ts';
import { drawArcs } from './arcs.ts';
import { renderCuration } from './curation.ts';
import * as flows from './flows.ts';
import { closePanel, onPanelChange, openPanel, panelKey, panelOpen } from './panel.ts';
import { allowedPredicates, predicatePicker } from './pickers.ts';
import { patchDocument, renderDocument, type RenderedDoc } from './render.ts';
import { toggleSheet, sheetOpen } from './sheet.ts';
import { renderHistory, renderRelations, renderReview } from './side.ts';
import { installTypeStyles } from './type-styles.ts';
import './document.css';

/** Timing of the last render (text, every span and arc, layout included), read by tests and the bench. */
declare global {
  interface Window {
    __kgDocRender?: { name: string; ms: number; spans: number; arcs: number; chars: number; at: number; parts: { build: number; layout: number; arcs: number }; patched: boolean };
    __kgDoc?: {
      cursor: () => { span: string; status: string; entity: string } | null; queue: () => number; lastKeyMs: () => number;
      /** The original offset of a DOM point in the text (tests select text as a user would). */
      offsetOf: (node: Node, offset: number) => number | null;
      /** Draw every arc, also those of blocks off screen (the bench); returns how many and how long it took. */
      drawAllArcs: () => { arcs: number; ms: number };
    };
  }
}

const typing = (t: EventTarget | null) => !!(t as Element | null)?.closest?.('input, select, textarea, [contenteditable]');

/** Mount the document view into `root`; returns `show(name, span)`. */
export function mountDocView(root: HTMLElement): (name: string, span: { start: number; end: number } | null) => Promise<void> {
  installTypeStyles();
  const header = h('header', { class: 'doc-header' });
  const text = h('article', { class: 'doc-text', 'data-testid': 'doc-text' });
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('class', 'arcs');
  svg.dataset.testid = 'arcs';
  const page = h('div', { class: 'doc-page' }, text);
  page.appendChild(svg);
  const scroller = h('div', { class: 'doc-scroll' }, page);
  const review = h('section', { class: 'side-review' });
  const rels = h('section', { class: 'side-relations' });
  const hist = h('section', { class: 'side-history' });
  const cura = h('section', { class: 'side-curation', 'data-testid': 'curation' });
  const side = h('aside', { class: 'doc-side' }, review, cura, rels, hist);
  const tip = h('div', { class: 'tooltip', role: 'tooltip', 'data-testid': 'tooltip' });
  tip.hidden = true;
  root.replaceChildren(header, h('div', { class: 'doc-body' }, scroller, side), tip);

  let payload: DocumentPayload | null = null;
  let seen: Correction[] = [];
  let schema: OntologySchema | null = null;
  let rendered: RenderedDoc | null = null;
  let queue: number[] = [];
  let cur: number | null = null;
  let anchor: QueueAnchor | null = null;
  let drawing: FlatMention | null = null;
  let source = false;
  let arcsOn = true;
  let stale = new Set<number>();
  let lastKeyMs = 0;

  const ctx = (): DocContext => ({
    doc: payload!.name, sha256: payload!.sha256, text: payload!.text, sentences: payload!.sentences, schema,
    extraction: () => payload!.extraction, seen: () => seen,
    applied, reload: () => load(payload!.name, null, true),
  });
  const mentionAt = (id: number | null) => (id === null || !rendered ? null : rendered.mentions[id] ?? null);
  const anchorRect = (m: FlatMention) => rendered?.marks.get(m.id)?.[0]?.getBoundingClientRect() ?? null;
  const hooks: flows.Hooks = { ctx, anchor: anchorRect, startRelation: (m) => startDrawing(m), advance: () => move('next') };

  /**
   * Put the cursor on mention `id` (outline its marks, scroll it into view unless told not to). Layout is read
   * before anything is written (the mark's box and the scroller's), so a step costs no forced re-layout:
   * moving the cursor is two class changes, a scroll and the review panel's few lines.
   */
  function setCursor(id: number | null, scroll = true): void {
    const m = mentionAt(id);
    const els = m ? rendered!.marks.get(m.id) ?? [] : [];
    let dy = 0;
    if (scroll && els[0]) {
      const r = els[0].getBoundingClientRect();
      const box = scroller.getBoundingClientRect();
      if (r.top < box.top + 40 || r.bottom > box.bottom - 40) dy = r.top - box.top - scroller.clientHeight / 3;
    }
    for (const el of rendered?.marks.get(cur ?? -1) ?? []) el.classList.remove('cur');
    cur = id;
    if (m) {
      anchor = anchorOf(m);
      for (const el of els) el.classList.add('cur');
      if (dy) scroller.scrollTop += dy;
    }
    renderReview(review, rendered?.mentions ?? [], queue, m, drawing);
  }

  function move(how: 'next' | 'prev' | 'nextAny' | 'prevAny'): void {
    if (!rendered) return;
    const id = how === 'next' || how === 'prev'
      ? stepQueue(rendered.mentions, queue, anchor, how === 'next' ? 1 : -1)
      : stepText(rendered.mentions, cur, how === 'nextAny' ? 1 : -1);
    if (id === null) { toast('nothing left to review in this document', 'ok'); return; }
    setCursor(id);
  }

  function reveal(start: number, end: number): DOMRect | null {
    const r = rendered?.index.rangeOf(start, end);
    if (!r) return null;
    const hl = (globalThis as { Highlight?: new (r: Range) => unknown }).Highlight;
    if (hl && CSS.highlights) CSS.highlights.set('kg-focus', new hl(r) as never);
    const rect = r.getBoundingClientRect();
    const box = scroller.getBoundingClientRect();
    scroller.scrollTop += rect.top - box.top - scroller.clientHeight / 3;
    return r.getBoundingClientRect();
  }

  /** Curation's "decide…": the cursor on the mention at that span (if one is shown) and its actions. */
  function decideOn(start: number, end: number): void {
    reveal(start, end);
    const m = rendered?.mentions.find((x) => x.mention.start === start && x.mention.end === end);
    if (m) { setCursor(m.id, false); flows.mentionMenu(hooks, m); }
  }

  /**
   * Draw the arcs of the blocks on screen (and a screen above and below): the browser skips laying out
   * blocks far off screen (content-visibility: auto), and measuring a mark there would lay them out, so
   * arcs follow the scroll instead. `all` draws every arc of the document (the bench measures both).
   */
  function drawRelationArcs(all = false): number {
    if (!rendered || !arcsOn || source) { svg.replaceChildren(); return 0; }
    const symmetric = new Set(schema?.relations.filter((r) => r.symmetric).map((r) => r.name) ?? ['COOPERATES_WITH']);
    const box = scroller.getBoundingClientRect();
    const near = new Map<Element, boolean>();
    const onScreen = (el: HTMLElement) => {
      let block = blockOf.get(el);
      if (!block) { block = el.closest('.doc-text > *') ?? el; blockOf.set(el, block); }
      let v = near.get(block);
      if (v === undefined) {
        // a skipped block's box is its placeholder size: reading it lays nothing out
        const r = block.getBoundingClientRect();
        v = r.bottom > box.top - box.height && r.top < box.bottom + box.height;
        near.set(block, v);
      }
      return v;
    };
    return drawArcs(svg, page, {
      relations: rendered.relations, byEntity: rendered.byEntity, marks: rendered.marks, symmetric: (p) => symmetric.has(p as Predicate),
      shown: all ? undefined : (a, b) => onScreen(a) || onScreen(b),
    }).size;
  }
  /** A mark's top-level block (marks live as long as the text is not rebuilt; patches keep them). */
  const blockOf = new WeakMap<HTMLElement, Element>();
  let arcsFrame = 0;
  scroller.addEventListener('scroll', () => {
    cancelAnimationFrame(arcsFrame);
    arcsFrame = requestAnimationFrame(() => { if (!root.hidden) drawRelationArcs(); });
  }, { passive: true });

  /**
   * Render payload's text with its extraction (keeping the cursor on the same span), arcs and side panel;
   * with `patch`, update the marks in place when every span stayed where it was.
   */
  function render(patch = false): void {
    if (!payload) return;
    const keep = mentionAt(cur);
    const t0 = performance.now();
    const rejected = rejectedSpans(payload.corrections);
    const patched = patch && rendered ? patchDocument(rendered, payload.extraction, rejected) : null;
    rendered = patched ?? renderDocument(payload.text, payload.extraction, rejected, source ? null : payload.layout);
    const t1 = performance.now();
    if (!patched) {
      text.classList.toggle('pre-line', !source && payload.layout.whiteSpace === 'pre-line');
      text.classList.toggle('source', source);
      page.classList.toggle('with-arcs', arcsOn && !source);
      text.replaceChildren(rendered.fragment);
    }
    void text.offsetHeight;
    const t2 = performance.now();
    const arcs = drawRelationArcs(); // reads layout: the measured time includes it
    const ms = performance.now() - t0;
    queue = reviewQueue(rendered.mentions);
    window.__kgDocRender = {
      name: payload.name, ms, spans: rendered.mentions.length + rendered.relations.length, arcs, chars: payload.text.length, at: performance.now(),
      parts: { build: t1 - t0, layout: t2 - t1, arcs: t0 + ms - t2 }, patched: !!patched,
    };
    text.dataset.renderMs = ms.toFixed(1);
    const found = keep ? rendered.mentions.find((m) => m.mention.start === keep.mention.start && m.mention.end === keep.mention.end) : undefined;
    cur = null;
    setCursor(found ? found.id : null, false);
    renderHeader(ms);
    renderRelations(rels, hooks, rendered.relations, reveal);
    historySoon();
  }

  // the history is asked for by a render and by the annotator's undo stack in the same task (a correction
  // does both): one rebuild at the end of the task
  let historyQueued = false;
  function historySoon(): void {
    if (historyQueued) return;
    historyQueued = true;
    queueMicrotask(() => { historyQueued = false; if (payload) renderHistory(hist, ctx(), stale); });
  }

  function renderHeader(ms: number): void {
    const counts: Record<string, number> = { curated: 0, inferred: 0, confirmed: 0, rejected: 0 };
    for (const m of rendered!.mentions) counts[mentionStatus(m)] = (counts[mentionStatus(m)] ?? 0) + 1;
    const sheetBtn = h('button', { title: 'keyboard shortcuts (?)', 'data-testid': 'shortcuts' }, '⌨ keys');
    sheetBtn.addEventListener('click', () => toggleSheet());
    const srcBtn = h('button', { title: 'formatted ⇄ source (f)', 'data-testid': 'toggle-source' }, source ? 'formatted' : 'source');
    srcBtn.addEventListener('click', () => act('source'));
    const arcBtn = h('button', { title: 'relation arcs (w)', 'data-testid': 'toggle-arcs' }, arcsOn ? 'hide arcs' : 'show arcs');
    arcBtn.addEventListener('click', () => act('arcs'));
    replace(header,
      h('a', { href: toHash(currentGraphRoute()), 'data-testid': 'back' }, '← explorer'),
      h('a', { href: '#/docs', 'data-testid': 'to-documents' }, '☰ documents'),
      h('h2', { 'data-testid': 'doc-title' }, payload!.title || payload!.name),
      h('span', { class: 'meta' }, `${payload!.name} · ${payload!.text.length.toLocaleString()} chars · ${rendered!.mentions.length} mentions · ${rendered!.relations.length} relations · rendered in ${ms.toFixed(0)} ms`),
      h('span', { class: 'status-legend' },
        ...['curated', 'inferred', 'confirmed', 'rejected'].map((s) => h('mark', { class: `m t-Organization s-${s}` }, `${s} ${counts[s]}`)),
        h('span', { class: 'ev' }, 'relation evidence')),
      h('span', { class: 'spacer' }), srcBtn, arcBtn, sheetBtn);
  }

  /** A correction went through: remember it, take the corrected document from the answer, re-render. */
  function applied(res: CorrectResult): void {
    if (!payload) return;
    seen = [...seen, res.correction];
    if (res.correction.doc === payload.name) payload.corrections = [...payload.corrections, res.correction];
    if (res.view) { payload.extraction = res.view.extraction; stale = new Set(res.view.stale); }
    render(true);
    void renderCuration(cura, ctx(), decideOn);
  }

  async function load(name: string, span: { start: number; end: number } | null, keepScroll = false): Promise<void> {
    const scrollTop = scroller.scrollTop;
    closePanel();
    drawing = null;
    try {
      const [p, all, sc] = await Promise.all([api.document(name), api.corrections(), schema ? Promise.resolve(schema) : api.ontology().catch(() => null)]);
      payload = p;
      seen = all;
      schema = sc;
      stale = new Set(p.stale);
    } catch (e) {
      replace(header, h('a', { href: toHash(currentGraphRoute()), 'data-testid': 'back' }, '← explorer'), h('h2', {}, name));
      replace(text, h('p', { class: 'error' }, `Cannot open ${name}: ${(e as Error).message}`));
      return;
    }
    if (!keepScroll) { cur = null; anchor = null; }
    render();
    void renderCuration(cura, ctx(), decideOn);
    if (span) reveal(span.start, span.end);
    else scroller.scrollTop = keepScroll ? scrollTop : 0;
  }

  // ── relation drawing: r on the subject, move to the object, Enter (or click it), pick the predicate
  function startDrawing(m: FlatMention): void {
    if (mentionStatus(m) === 'rejected') return;
    drawing = m;
    page.classList.add('drawing');
    for (const el of rendered?.marks.get(m.id) ?? []) el.classList.add('subject');
    renderReview(review, rendered!.mentions, queue, mentionAt(cur), drawing);
  }
  function stopDrawing(): void {
    drawing = null;
    page.classList.remove('drawing');
    for (const el of text.querySelectorAll('.subject')) el.classList.remove('subject');
    renderReview(review, rendered?.mentions ?? [], queue, mentionAt(cur), null);
  }
  function pickObject(o: FlatMention): void {
    const s = drawing!;
    stopDrawing();
    if (o.entity.id === s.entity.id) { toast('subject and object are the same entity', 'warn'); return; }
    const options = allowedPredicates(schema, s.entity.type as EntityType, o.entity.type as EntityType);
    openPanel(predicatePicker(`${s.entity.name} (${s.entity.type}) → ${o.entity.name} (${o.entity.type})`, options, (predicate, reversed) => {
      closePanel();
      const [subj, obj] = reversed ? [o, s] : [s, o];
      const c = ctx();
      void send(c, {
        action: 'add-relation', doc: c.doc, sha256: c.sha256,
        relation: { subject: subj.entity.id, predicate, object: obj.entity.id },
        evidence: evidenceFor(c.sentences, s.mention, o.mention),
      });
    }), anchorRect(o));
  }

  /** Run a keyboard action (also used by the header buttons). */
  function act(a: DocAction): void {
    const m = mentionAt(cur);
    switch (a) {
      case 'next': case 'prev': case 'nextAny': case 'prevAny': move(a); return;
      case 'find': findMention(); return;
      case 'undo': void undoLast(ctx()); return;
      case 'redo': void redoLast(ctx()); return;
      case 'sheet': toggleSheet(); return;
      case 'source': source = !source; render(); return;
      case 'arcs': arcsOn = !arcsOn; render(); return;
      case 'documents': location.hash = '#/docs'; return;
      case 'close': closePanel(); if (drawing) stopDrawing(); return;
      case 'add': {
        const span = selectionSpan();
        if (span) addPanel(ctx, span, window.getSelection()!.getRangeAt(0).getBoundingClientRect());
        else findPanel(ctx, m?.mention.end ?? 0, reveal);
        return;
      }
      default: break;
    }
    if (!m) { toast('no mention under the cursor: press j to start', 'info'); return; }
    switch (a) {
      case 'menu': flows.mentionMenu(hooks, m); return;
      case 'accept': void flows.accept(hooks, m); return;
      case 'reject': void flows.reject(hooks, m); return;
      case 'retype': flows.retype(hooks, m); return;
      case 'link': flows.link(hooks, m); return;
      case 'merge': flows.merge(hooks, m); return;
      case 'unmerge': flows.unmerge(hooks, m); return;
      case 'country': flows.country(hooks, m); return;
      case 'promote': flows.promote(m); return;
      case 'relation': startDrawing(m); return;
      case 'relations': flows.relationsOf(hooks, m); return;
      default: return;
    }
  }

  /** `/`: type some text, Enter puts the cursor on the next mention containing it (wrapping). */
  function findMention(): void {
    const input = h('input', { type: 'search', placeholder: 'mention text…', 'data-testid': 'find-mention', size: 30 });
    const form = h('form', {}, input, h('p', { class: 'hint' }, 'Enter: next mention containing this text'));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const q = input.value.trim().toLowerCase();
      const ms = rendered?.mentions ?? [];
      if (!q || !ms.length) return;
      const from = cur ?? -1;
      for (let k = 1; k <= ms.length; k++) {
        const m = ms[(from + k) % ms.length]!;
        if (m.mention.text.toLowerCase().includes(q)) { closePanel(); setCursor(m.id); return; }
      }
      input.setCustomValidity('no mention contains this text');
      input.reportValidity();
    });
    input.addEventListener('input', () => input.setCustomValidity(''));
    openPanel({ title: 'Go to mention', body: form, focus: input, testId: 'find-mention-panel' }, null);
  }

  function selectionSpan(): { start: number; end: number; text: string } | null {
    const sel = window.getSelection();
    if (!payload || !rendered || !sel || sel.isCollapsed || !sel.rangeCount) return null;
    const r = sel.getRangeAt(0);
    if (!text.contains(r.startContainer) || !text.contains(r.endContainer)) return null;
    let start = rendered.index.offsetOf(r.startContainer, r.startOffset);
    let end = rendered.index.offsetOf(r.endContainer, r.endOffset);
    if (start === null || end === null) return null;
    while (start < end && /[\s*_]/.test(payload.text[start]!)) start++;
    while (end > start && /[\s*_]/.test(payload.text[end - 1]!)) end--;
    return end > start ? { start, end, text: payload.text.slice(start, end) } : null;
  }

  window.addEventListener('keydown', (e) => {
    if (root.hidden || !payload) return;
    const t0 = performance.now();
    // the key already did its job where it was typed (an autocomplete's Enter that replaced the panel)
    if (e.target instanceof Node && !e.target.isConnected) return;
    if (panelOpen()) {
      if (panelKey(e)) { e.preventDefault(); e.stopPropagation(); }
      return;
    }
    if (sheetOpen()) {
      if (e.key === 'Escape' || e.key === '?') { toggleSheet(false); e.preventDefault(); }
      return;
    }
    if (typing(e.target)) return;
    // Enter / Space on a focused button or link (side panel, header) press it, as the keyboard user meant
    if ((e.key === 'Enter' || e.key === ' ') && (e.target as Element | null)?.closest?.('button, a[href], summary')) return;
    if (drawing) {
      if (e.key === 'Enter' || e.key === 'r') { const o = mentionAt(cur); if (o && o !== drawing) pickObject(o); e.preventDefault(); return; }
      if (e.key === 'Escape') { stopDrawing(); e.preventDefault(); return; }
    }
    const a = actionFor(e);
    if (!a) return;
    e.preventDefault();
    act(a);
    lastKeyMs = performance.now() - t0;
  });

  onPanelChange((open) => { if (open) tip.hidden = true; });

  text.addEventListener('mouseover', (e) => {
    if (panelOpen()) return;
    const el = (e.target as Element).closest('[data-m],[data-r]') as HTMLElement | null;
    if (!el || !payload || !rendered) { tip.hidden = true; return; }
    const lines: string[] = [];
    const mEl = el.closest('[data-m]') as HTMLElement | null;
    const m = mEl ? rendered.mentions[Number(mEl.dataset.m)] : undefined;
    if (m) lines.push(`${m.entity.name} — ${m.entity.type}${m.entity.country ? ' · ' + m.entity.country : ''}`, `${mentionStatus(m)} · rule ${m.mention.rule}`);
    const evEl = el.closest('[data-r]') as HTMLElement | null;
    for (const r of (evEl?.dataset.r ?? '').split(',').filter(Boolean).slice(0, 3)) {
      const rel = payload.extraction.relations[Number(r)];
      if (rel) lines.push(`${rel.subject} ${rel.predicate} ${rel.object} (${rel.status ?? 'inferred'}, rule ${rel.rule})`);
    }
    replace(tip, ...lines.map((l) => h('div', {}, l)));
    const rect = el.getBoundingClientRect();
    tip.hidden = false;
    // above the mark: the panel opens below it, so the two never cover each other
    tip.style.left = `${Math.max(4, Math.min(rect.left, window.innerWidth - 424))}px`;
    tip.style.top = `${Math.max(4, rect.top - tip.offsetHeight - 6)}px`;
  });
  text.addEventListener('mouseleave', () => { tip.hidden = true; });
  svg.addEventListener('mouseover', (e) => {
    const g = (e.target as Element).closest('[data-rel]');
    const rel = g && payload ? payload.extraction.relations[Number(g.getAttribute('data-rel'))] : undefined;
    if (!rel || panelOpen()) return;
    replace(tip, h('div', {}, `${rel.subject} ${rel.predicate} ${rel.object}`), h('div', {}, `${rel.status ?? 'inferred'} · rule ${rel.rule}`));
    tip.hidden = false;
    tip.style.left = `${(e as MouseEvent).clientX + 8}px`;
    tip.style.top = `${(e as MouseEvent).clientY - 40}px`;
  });
  svg.addEventListener('mouseout', () => { tip.hidden = true; });
  svg.addEventListener('click', (e) => {
    const g = (e.target as Element).closest('[data-rel]');
    const rel = g && payload ? payload.extraction.relations[Number(g.getAttribute('data-rel'))] : undefined;
    if (rel) flows.relationMenu(hooks, rel, (g as Element).getBoundingClientRect());
  });
  // a click outside the panel (and outside the text, which opens its own) closes it
  document.addEventListener('mousedown', (e) => {
    const t = e.target as Element;
    // a click that replaced the panel's content (a picker's next step) leaves its target detached
    if (t.isConnected && !t.closest('.popover') && !text.contains(t) && !svg.contains(t)) closePanel();
  });
  // brat's gesture: drag from one span to another to relate them (a plain selection adds a mention)
  let downOn: FlatMention | null = null;
  const markUnder = (t: EventTarget | null) => {
    const el = (t as Element | null)?.closest?.('[data-m]') as HTMLElement | null;
    return el && rendered ? rendered.mentions[Number(el.dataset.m)] ?? null : null;
  };
  text.addEventListener('mousedown', (e) => { downOn = e.button === 0 ? markUnder(e.target) : null; });
  text.addEventListener('mouseup', (e) => {
    if (!payload || !rendered) return;
    const m = markUnder(e.target);
    const from = downOn;
    downOn = null;
    if (from && m && from !== m && mentionStatus(from) !== 'rejected' && mentionStatus(m) !== 'rejected') {
      window.getSelection()?.removeAllRanges();
      startDrawing(from);
      pickObject(m);
      return;
    }
    const span = selectionSpan();
    if (span) { addPanel(ctx, span, window.getSelection()!.getRangeAt(0).getBoundingClientRect()); return; }
    if (!m) return;
    if (drawing) { pickObject(m); return; }
    setCursor(m.id, false);
    flows.mentionMenu(hooks, m);
  });
  let resizeTimer: ReturnType<typeof setTimeout> | undefined;
  new ResizeObserver(() => { clearTimeout(resizeTimer); resizeTimer = setTimeout(() => { if (!root.hidden) drawRelationArcs(); }, 100); }).observe(page);
  history.subscribe(() => { if (payload && !root.hidden) historySoon(); });

  window.__kgDoc = {
    cursor: () => { const m = mentionAt(cur); return m ? { span: `${m.mention.start}-${m.mention.end}`, status: mentionStatus(m), entity: m.entity.id } : null; },
    queue: () => queue.length,
    lastKeyMs: () => lastKeyMs,
    offsetOf: (node, offset) => rendered?.index.offsetOf(node, offset) ?? null,
    drawAllArcs: () => { const t = performance.now(); const arcs = drawRelationArcs(true); return { arcs, ms: performance.now() - t }; },
  };

  return async (name, span) => {
    if (payload?.name === name && span) { reveal(span.start, span.end); return; }
    await load(name, span).catch((e) => toast(String(e), 'error'));
  };
}
