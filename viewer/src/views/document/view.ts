// The document view: marked-up text, hover tooltips, annotation popovers, relations panel.
import { api } from '../../api.ts';
import type { DocumentPayload } from '../../api.ts';
import type { Correction } from '../../../../src/annotate/types.ts';
import { mentionStatus, rejectedSpans } from '../../lib/doc-model.ts';
import type { FlatMention } from '../../lib/doc-model.ts';
import { toHash } from '../../lib/url-state.ts';
import { currentGraphRoute } from '../../state/url.ts';
import { h, replace } from '../dom.ts';
import { toast } from '../toast.ts';
import type { DocContext } from './actions.ts';
import { offsetOf, rangeOf } from './locate.ts';
import { addPopover, closePopover, mentionPopover } from './popover.ts';
import { renderRelations } from './relations.ts';
import { renderDocument } from './render.ts';
import { installTypeStyles } from './type-styles.ts';

/** Timing of the last render, read by the e2e test and shown in the header. */
declare global { interface Window { __kgDocRender?: { name: string; ms: number; spans: number; chars: number } } }

/** Mount the document view into `root`; returns `show(name, span)`. */
export function mountDocView(root: HTMLElement): (name: string, span: { start: number; end: number } | null) => Promise<void> {
  installTypeStyles();
  const header = h('header', { class: 'doc-header' });
  const text = h('article', { class: 'doc-text', 'data-testid': 'doc-text' });
  const side = h('aside', { class: 'doc-side' });
  const tip = h('div', { class: 'tooltip', role: 'tooltip', 'data-testid': 'tooltip' });
  tip.hidden = true;
  root.replaceChildren(header, h('div', { class: 'doc-body' }, h('div', { class: 'doc-scroll' }, text), side), tip);

  let payload: DocumentPayload | null = null;
  let mentions: FlatMention[] = [];
  let starts: number[] = [];
  let seen: Correction[] = [];
  let lastSelection: { start: number; end: number } | null = null;

  const ctx = (): DocContext => ({
    doc: payload!.name, sha256: payload!.sha256, seen: () => seen,
    reload: () => load(payload!.name, null, true),
  });

  const reveal = (start: number, end: number) => {
    const r = rangeOf(text, starts, start, end);
    if (!r) return;
    const hl = (globalThis as { Highlight?: new (r: Range) => unknown }).Highlight;
    if (hl && CSS.highlights) CSS.highlights.set('kg-focus', new hl(r) as never);
    const rect = r.getBoundingClientRect();
    const scroller = text.parentElement!;
    scroller.scrollTop += rect.top - scroller.getBoundingClientRect().top - scroller.clientHeight / 3;
  };

  async function load(name: string, span: { start: number; end: number } | null, keepScroll = false): Promise<void> {
    const scroller = text.parentElement!;
    const scrollTop = scroller.scrollTop;
    closePopover();
    try {
      [payload, seen] = await Promise.all([api.document(name), api.corrections()]);
    } catch (e) {
      replace(header, h('a', { href: toHash(currentGraphRoute()), 'data-testid': 'back' }, '← explorer'), h('h2', {}, name));
      replace(text, h('p', { class: 'error' }, `Cannot open ${name}: ${(e as Error).message}`));
      return;
    }
    const t0 = performance.now();
    const rendered = renderDocument(payload.text, payload.extraction, rejectedSpans(payload.corrections));
    text.replaceChildren(rendered.fragment);
    void text.offsetHeight; // include layout in the measured time
    const ms = performance.now() - t0;
    mentions = rendered.mentions;
    starts = [];
    let at = 0;
    for (const c of text.childNodes) { starts.push(at); at += (c.textContent ?? '').length; }
    window.__kgDocRender = { name, ms, spans: mentions.length + rendered.relations.length, chars: payload.text.length };
    text.dataset.renderMs = ms.toFixed(1);

    const counts = { curated: 0, inferred: 0, confirmed: 0, rejected: 0 } as Record<string, number>;
    for (const m of mentions) counts[mentionStatus(m)] = (counts[mentionStatus(m)] ?? 0) + 1;
    replace(header,
      h('a', { href: toHash(currentGraphRoute()), 'data-testid': 'back' }, '← explorer'),
      h('h2', { 'data-testid': 'doc-title' }, payload.title || payload.name),
      h('span', { class: 'meta' }, `${payload.name} · ${payload.text.length.toLocaleString()} chars · ${mentions.length} mentions · ${rendered.relations.length} relations · rendered in ${ms.toFixed(0)} ms`),
      h('span', { class: 'status-legend' },
        ...['curated', 'inferred', 'confirmed', 'rejected'].map((s) => h('mark', { class: `m t-Organization s-${s}` }, `${s} ${counts[s]}`)),
        h('span', { class: 'ev' }, 'relation evidence')));
    renderRelations(side, {
      ctx: ctx(), text: payload.text, entities: payload.extraction.entities, relations: payload.extraction.relations,
      lastSelection: () => lastSelection, reveal,
    });
    if (span) reveal(span.start, span.end);
    else if (keepScroll) scroller.scrollTop = scrollTop;
    else scroller.scrollTop = 0;
  }

  const mentionAt = (target: EventTarget | null): FlatMention | undefined => {
    const el = (target as Element | null)?.closest?.('[data-m]') as HTMLElement | null;
    return el ? mentions[Number(el.dataset.m)] : undefined;
  };

  text.addEventListener('mouseover', (e) => {
    const el = (e.target as Element).closest('[data-m],[data-r]') as HTMLElement | null;
    if (!el || !payload) { tip.hidden = true; return; }
    const lines: string[] = [];
    const m = el.dataset.m ? mentions[Number(el.dataset.m)] : undefined;
    if (m) lines.push(`${m.entity.name} — ${m.entity.type}${m.entity.country ? ' · ' + m.entity.country : ''}`, `${mentionStatus(m)} · rule ${m.mention.rule}`);
    for (const r of (el.dataset.r ?? '').split(',').filter(Boolean).slice(0, 3)) {
      const rel = payload.extraction.relations[Number(r)];
      if (rel) lines.push(`${rel.subject} ${rel.predicate} ${rel.object} (${rel.status ?? 'inferred'}, rule ${rel.rule})`);
    }
    replace(tip, ...lines.map((l) => h('div', {}, l)));
    const rect = el.getBoundingClientRect();
    tip.style.left = `${Math.min(rect.left, window.innerWidth - 420)}px`;
    tip.style.top = `${rect.bottom + 4}px`;
    tip.hidden = false;
  });
  text.addEventListener('mouseleave', () => { tip.hidden = true; });
  // a click outside the popover (and outside the text, which opens its own) closes it
  document.addEventListener('mousedown', (e) => {
    const t = e.target as Element;
    if (!t.closest('.popover') && !text.contains(t)) closePopover();
  });

  text.addEventListener('mouseup', (e) => {
    const sel = window.getSelection();
    if (!payload || !sel || sel.isCollapsed || !sel.rangeCount) {
      const m = mentionAt(e.target);
      if (m && payload) mentionPopover(ctx(), m, (e.target as Element).getBoundingClientRect());
      return;
    }
    const r = sel.getRangeAt(0);
    if (!text.contains(r.startContainer) || !text.contains(r.endContainer)) return;
    let start = offsetOf(text, r.startContainer, r.startOffset);
    let end = offsetOf(text, r.endContainer, r.endOffset);
    while (start < end && /\s/.test(payload.text[start])) start++;
    while (end > start && /\s/.test(payload.text[end - 1])) end--;
    if (end <= start) return;
    lastSelection = { start, end };
    addPopover(ctx(), { start, end, text: payload.text.slice(start, end) }, r.getBoundingClientRect());
  });

  return async (name, span) => {
    if (payload?.name === name && span) { reveal(span.start, span.end); return; }
    await load(name, span).catch((e) => toast(String(e), 'error'));
  };
}
