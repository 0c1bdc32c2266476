// The document view's side panel: review progress and the current mention, relations, and the history of corrections.
import type { Correction } from '../../../../src/annotate/types.ts';
import { revertedSeqs } from '../../../../src/annotate/history.ts';
import type { Relation } from '../../../../src/types.ts';
import { predicateColor } from '../../lib/colors.ts';
import type { FlatMention } from '../../lib/doc-model.ts';
import { mentionStatus } from '../../lib/doc-model.ts';
import { defaultGraphRoute, toHash } from '../../lib/url-state.ts';
import { history } from '../../state/annotator.ts';
import { h, replace } from '../dom.ts';
import { redoLast, undoLast, send, type DocContext } from './actions.ts';
import { relationMenu, type Hooks } from './flows.ts';
import { quoteText } from '../../lib/quote.ts';

/** Review progress and the mention under the cursor. */
export function renderReview(el: HTMLElement, mentions: readonly FlatMention[], queue: readonly number[], cur: FlatMention | null, drawing: FlatMention | null): void {
  const decided = mentions.filter((m) => ['confirmed', 'rejected'].includes(mentionStatus(m))).length;
  const inferred = queue.filter((id) => mentionStatus(mentions[id]!) === 'inferred').length;
  const pct = mentions.length ? Math.round((100 * decided) / mentions.length) : 100;
  replace(el,
    h('h3', {}, 'Review'),
    h('div', { class: 'progress', title: `${decided} of ${mentions.length} mentions decided` }, h('div', { style: `width:${pct}%` })),
    h('div', { class: 'meta', 'data-testid': 'review-progress' },
      `${decided} / ${mentions.length} decided · ${queue.length} to review (${inferred} inferred first, then ${queue.length - inferred} curated)`),
    drawing ? h('p', { class: 'drawing', 'data-testid': 'drawing' }, `Relation from “${drawing.mention.text}”: move to the object (j k [ ]) and press Enter, or click it. Esc cancels.`) : null,
    cur ? h('div', { class: 'current', 'data-testid': 'current' },
      h('b', {}, cur.entity.name), ' ',
      h('span', { class: 'meta' }, `${cur.entity.type} · ${cur.entity.country ?? 'no country'} · ${mentionStatus(cur)} · rule ${cur.mention.rule}`),
      h('div', { class: 'meta' }, `“${cur.mention.text}” ${cur.mention.start}–${cur.mention.end} · `,
        h('a', { href: toHash({ ...defaultGraphRoute(), node: cur.entity.id }) }, cur.entity.id)),
      h('div', { class: 'hint' }, 'a accept · x reject · t retype · l link · g merge · r relation · Enter more · ? keys'))
      : h('p', { class: 'hint' }, 'j: first mention to review · ? all keys'));
}

/** The relation items last rendered into each section, by what they show (reused while it stays the same). */
const shownRelations = new WeakMap<HTMLElement, { sigs: string; items: Map<string, HTMLElement[]> }>();

/**
 * The document's relations with their evidence; each can be confirmed, retyped or deleted (Tab + Enter, or click).
 * A correction that leaves the relations as they were (most: accept, reject, a mention's retype) changes nothing
 * here; otherwise items that still show the same relation are kept and only the others are built.
 */
export function renderRelations(el: HTMLElement, hk: Hooks, relations: readonly Relation[], reveal: (start: number, end: number) => void): void {
  const ctx = hk.ctx();
  const names = new Map(ctx.extraction().entities.map((e) => [e.id, e.name]));
  const label = (id: string) => names.get(id) ?? id;
  const sigOf = (r: Relation) => `${r.subject}|${r.predicate}|${r.object}|${r.status ?? ''}|${r.rule}|${r.evidence.start}-${r.evidence.end}|${label(r.subject)}|${label(r.object)}`;
  const sigs = relations.map(sigOf);
  const joined = sigs.join('\n');
  const prev = shownRelations.get(el);
  if (prev && prev.sigs === joined && el.isConnected && el.childElementCount) return;
  const items = new Map<string, HTMLElement[]>();
  const item = (r: Relation, sig: string) => {
    const old = prev?.items.get(sig)?.shift();
    if (old) return old;
    const ev = quoteText(ctx.text.slice(r.evidence.start, r.evidence.end));
    const quote = h('a', { href: '#', class: 'evidence' }, `“${ev.length > 160 ? ev.slice(0, 157) + '…' : ev}”`);
    quote.addEventListener('click', (e) => { e.preventDefault(); reveal(r.evidence.start, r.evidence.end); });
    const edit = h('button', { 'data-testid': 'rel-edit', title: 'confirm, retype or delete' }, 'edit…');
    edit.addEventListener('click', () => relationMenu(hk, r, edit.getBoundingClientRect()));
    return h('li', { class: `rel s-${r.status ?? 'inferred'}`, 'data-testid': 'doc-relation' },
      h('div', {}, h('b', {}, label(r.subject)), ' ',
        h('span', { class: 'pred', style: `border-color:${predicateColor(r.predicate)}` }, r.predicate), ' ', h('b', {}, label(r.object))),
      h('div', { class: 'meta' }, `${r.status ?? 'inferred'} · rule ${r.rule} `, edit), quote);
  };
  const lis = relations.map((r, i) => {
    const li = item(r, sigs[i]!);
    const list = items.get(sigs[i]!);
    if (list) list.push(li); else items.set(sigs[i]!, [li]);
    return li;
  });
  shownRelations.set(el, { sigs: joined, items });
  replace(el,
    h('h3', {}, `Relations (${relations.length})`),
    h('p', { class: 'hint' }, 'Draw one: r on the subject, then the object, then the predicate.'),
    h('ul', { class: 'rels' }, ...lis));
}

function describe(c: Correction, byseq: Map<number, Correction>): string {
  if (c.action === 'undo') {
    const t = byseq.get(c.undoes!);
    return t?.action === 'undo' ? `redo #${byseq.get(t.undoes!)?.seq ?? '?'}` : `undo #${c.undoes}${t ? ` (${t.action})` : ''}`;
  }
  const what = c.span ? `“${c.span.text}”` : c.relation ? `${c.relation.subject} ${c.relation.predicate} ${c.relation.object}` : c.entity ?? '';
  const extra = c.action === 'retype' ? ` → ${c.type}${c.span ? '' : ' (whole entity)'}` : c.action === 'merge' ? ` → ${c.target}${c.name ? ` as “${c.name}”` : ''}`
    : c.action === 'set-country' ? ` → ${c.country ?? 'none'}` : c.action === 'retype-relation' ? ` → ${c.predicate}` : c.target ? ` → ${c.target}` : '';
  return `${c.action} ${what}${extra}`;
}

/**
 * This document's corrections (and entity-level ones) newest first, undone ones struck through; any live
 * one can be undone from here, and Ctrl+Z / Ctrl+Shift+Z walk the annotator's own.
 */
export function renderHistory(el: HTMLElement, ctx: DocContext, stale: ReadonlySet<number>): void {
  const all = ctx.seen();
  const byseq = new Map(all.map((c) => [c.seq, c]));
  const dead = revertedSeqs(all);
  const mine = all.filter((c) => c.doc === ctx.doc || (!c.doc && (c.action === 'merge' || c.action === 'set-country' || c.action === 'retype'))).slice(-60).reverse();
  const { undo, redo } = history.get();
  const undoBtn = h('button', { 'data-testid': 'undo', disabled: !undo.length, title: 'Ctrl+Z' }, `↶ undo${undo.length ? ` (${undo.length})` : ''}`);
  const redoBtn = h('button', { 'data-testid': 'redo', disabled: !redo.length, title: 'Ctrl+Shift+Z' }, `↷ redo${redo.length ? ` (${redo.length})` : ''}`);
  undoBtn.addEventListener('click', () => void undoLast(ctx));
  redoBtn.addEventListener('click', () => void redoLast(ctx));
  replace(el,
    h('h3', {}, `History (${mine.length})`),
    h('div', { class: 'row' }, undoBtn, redoBtn),
    h('ol', { class: 'history', 'data-testid': 'history' }, ...mine.map((c) => {
      const undone = dead.has(c.seq);
      const btn = !undone && c.action !== 'undo' ? h('button', { class: 'small', title: 'undo this correction' }, 'undo') : null;
      btn?.addEventListener('click', () => void send(ctx, { action: 'undo', undoes: c.seq }, 'undo'));
      return h('li', { class: `${undone ? 'undone' : ''}${stale.has(c.seq) ? ' stale' : ''}`, 'data-seq': c.seq },
        h('span', { class: 'meta' }, `#${c.seq} ${c.who} `), describe(c, byseq), stale.has(c.seq) ? h('span', { class: 'meta' }, ' (stale: the text moved)') : null, ' ', btn);
    })));
}
