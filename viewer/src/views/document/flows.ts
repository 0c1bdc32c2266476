// What each key / button does to a mention: accept, reject, retype (scope), link, merge (survivor), unmerge,
// country, promote, relations. Every flow is a panel driven by keys, clickable as well.
import type { Country, EntityType, Predicate, Relation } from '../../../../src/types.ts';
import { effectiveByKey, liveCorrections } from '../../../../src/annotate/history.ts';
import { api } from '../../api.ts';
import { unmergedMessage } from '../../lib/corrections.ts';
import type { FlatMention } from '../../lib/doc-model.ts';
import { mentionStatus } from '../../lib/doc-model.ts';
import { graph } from '../../state/graph.ts';
import { h } from '../dom.ts';
import { toast } from '../toast.ts';
import { entityIn, send, type DocContext } from './actions.ts';
import { closePanel, menu, openPanel, updatePanel, type MenuItem, type PanelContent } from './panel.ts';
import { allowedPredicates, countryPicker, entityPicker, entitySource, predicatePicker, scopePicker, typePicker } from './pickers.ts';

/** What flows need from the view besides the document context. */
export interface Hooks {
  ctx: () => DocContext;
  anchor: (m: FlatMention) => DOMRect | null;
  startRelation: (m: FlatMention) => void;
  /** Move on after a decision (to the next unreviewed mention). */
  advance: () => void;
}

const spanOf = (m: FlatMention) => ({ start: m.mention.start, end: m.mention.end, text: m.mention.text });
const isStandIn = (m: FlatMention) => m.entity.id === 'rejected:span' || mentionStatus(m) === 'rejected';

/** Name, type and country of an entity: from this document, else from the graph. */
function attrsOf(ctx: DocContext, id: string, fallback: { name: string; type?: string }): { name: string; type: EntityType; country: Country | null } {
  const e = entityIn(ctx, id);
  if (e) return { name: e.name, type: e.type, country: e.country };
  const a = graph.hasNode(id) ? graph.getNodeAttributes(id) : null;
  return { name: (a?.name as string) ?? fallback.name, type: (a?.type ?? fallback.type ?? 'Organization') as EntityType, country: (a?.country as Country | null) ?? null };
}

/** Accept; on a rejected span, take the rejection back (undo it), which restores what the rules found. */
export async function accept(hk: Hooks, m: FlatMention): Promise<void> {
  const ctx = hk.ctx();
  if (isStandIn(m)) {
    const key = `${ctx.doc}#${m.mention.start}-${m.mention.end}`;
    const reject = effectiveByKey(ctx.seen()).get(key);
    if (reject?.action === 'reject') await send(ctx, { action: 'undo', undoes: reject.seq }, 'decision', () => `rejection of “${m.mention.text}” taken back`);
    return;
  }
  if (await send(ctx, { action: 'accept', doc: ctx.doc, sha256: ctx.sha256, span: spanOf(m), entity: m.entity.id })) hk.advance();
}

export async function reject(hk: Hooks, m: FlatMention): Promise<void> {
  if (isStandIn(m)) return;
  const ctx = hk.ctx();
  if (await send(ctx, { action: 'reject', doc: ctx.doc, sha256: ctx.sha256, span: spanOf(m), entity: m.entity.id })) hk.advance();
}

/** Type (1–8), then scope: the whole entity (default) or this mention only. */
export function retype(hk: Hooks, m: FlatMention): void {
  if (isStandIn(m)) return;
  openPanel(typePicker(`Retype “${m.mention.text}” (${m.entity.type})`, m.entity.type, (type) => {
    updatePanel(scopePicker(type, m.entity.name, (scope) => {
      closePanel();
      const ctx = hk.ctx();
      void send(ctx, scope === 'entity'
        ? { action: 'retype', entity: m.entity.id, type }
        : { action: 'retype', doc: ctx.doc, sha256: ctx.sha256, span: spanOf(m), entity: m.entity.id, type });
    }));
  }), hk.anchor(m));
}

export function link(hk: Hooks, m: FlatMention): void {
  if (isStandIn(m)) return;
  openPanel(entityPicker(`Link “${m.mention.text}” to…`, entitySource(m.entity.id), (hit) => {
    closePanel();
    const ctx = hk.ctx();
    void send(ctx, { action: 'link', doc: ctx.doc, sha256: ctx.sha256, span: spanOf(m), entity: m.entity.id, target: hit.key });
  }, 'link-search'), hk.anchor(m));
}

export function country(hk: Hooks, m: FlatMention): void {
  if (isStandIn(m)) return;
  openPanel(countryPicker(m.entity.country, (c) => {
    closePanel();
    void send(hk.ctx(), { action: 'set-country', entity: m.entity.id, country: c });
  }), hk.anchor(m));
}

/** Merge: pick the entity to merge into, then which name, type and country survive (default: the target's). */
export function merge(hk: Hooks, m: FlatMention): void {
  if (isStandIn(m)) return;
  openPanel(entityPicker(`Merge “${m.entity.name}” into…`, entitySource(m.entity.id), (hit) => {
    const ctx = hk.ctx();
    const source = attrsOf(ctx, m.entity.id, { name: m.entity.name, type: m.entity.type });
    const target = attrsOf(ctx, hit.key, { name: hit.name, type: hit.type });
    updatePanel(survivorDialog(source, target, (chosen) => {
      closePanel();
      void send(ctx, { action: 'merge', entity: m.entity.id, target: hit.key, ...chosen });
    }));
  }, 'merge-search'), hk.anchor(m));
}

type Attrs = { name: string; type: EntityType; country: Country | null };

/**
 * Which name, type and country the merged entity keeps: one radio group each (source or target), the
 * target's chosen. Keys: n / y / c switch the name / type / country, Enter merges.
 */
export function survivorDialog(source: Attrs, target: Attrs, done: (chosen: Attrs) => void): PanelContent {
  const groups: { field: keyof Attrs; key: string; label: string }[] = [
    { field: 'name', key: 'n', label: 'name' }, { field: 'type', key: 'y', label: 'type' }, { field: 'country', key: 'c', label: 'country' },
  ];
  const inputs = new Map<string, HTMLInputElement[]>();
  const form = h('form', { class: 'survivor', 'data-testid': 'survivor' }, ...groups.map((g) => {
    const radios = ([['target', target], ['source', source]] as const).map(([side, a], i) => {
      const input = h('input', { type: 'radio', name: `survivor-${g.field}`, value: side, checked: i === 0, 'data-testid': `survivor-${g.field}-${side}` });
      return { input, label: h('label', { class: 'check' }, input, ` ${a[g.field] ?? 'no country'} `, h('span', { class: 'meta' }, side === 'target' ? '(target)' : '(merged in)')) };
    });
    inputs.set(g.field, radios.map((r) => r.input));
    return h('fieldset', {}, h('legend', {}, h('kbd', {}, g.key), ` ${g.label}`), ...radios.map((r) => r.label));
  }), h('div', { class: 'row' }, h('button', { type: 'submit', 'data-testid': 'survivor-merge' }, 'merge (Enter)')));
  const chosen = (): Attrs => {
    const pick = <K extends keyof Attrs>(f: K): Attrs[K] => (inputs.get(f)!.find((i) => i.checked)?.value === 'source' ? source[f] : target[f]);
    return { name: pick('name'), type: pick('type'), country: pick('country') };
  };
  form.addEventListener('submit', (e) => { e.preventDefault(); done(chosen()); });
  return {
    title: `Merge “${source.name}” into “${target.name}”: what survives?`,
    body: form,
    focus: inputs.get('name')![0],
    testId: 'survivor-dialog',
    onKey: (e) => {
      if (e.key === 'Enter') { done(chosen()); return true; }
      const g = groups.find((x) => x.key === e.key);
      if (!g) return false;
      const [t, s] = inputs.get(g.field)!;
      (t!.checked ? s! : t!).checked = true;
      return true;
    },
  };
}

/** Entities merged into this one by a correction still in force: undo one to split it off again. */

export function unmerge(hk: Hooks, m: FlatMention): void {
  const ctx = hk.ctx();
  const merges = liveCorrections(ctx.seen()).filter((c) => c.action === 'merge' && (c.target === m.entity.id || c.entity === m.entity.id));
  if (!merges.length) { toast(`nothing was merged into ${m.entity.name}`, 'info'); return; }
  const items: MenuItem[] = merges.map((c, i) => ({
    key: String(i + 1), label: `${c.entity} → ${c.target}`, hint: ` (${c.who}, #${c.seq})`, testId: `unmerge-${c.seq}`,
    run: () => { closePanel(); void send(ctx, { action: 'undo', undoes: c.seq }, 'decision', () => unmergedMessage(c, (id) => attrsOf(ctx, id, { name: id }).name)); },
  }));
  const mm = menu(items);
  openPanel({ title: `Unmerge from “${m.entity.name}”`, body: mm.body, onKey: mm.onKey, testId: 'unmerge-picker' }, hk.anchor(m));
}

export function promote(m: FlatMention): void {
  const e = m.entity;
  if (e.status !== 'confirmed' && mentionStatus(m) !== 'confirmed') { toast('promote a confirmed entity (accept it first)', 'info'); return; }
  void api.promote({ type: e.type, name: e.name, id: e.id, country: e.country, kind: e.kind, alias: m.mention.text !== e.name ? m.mention.text : undefined })
    .then((r) => toast(r.changed ? `promoted to ${r.file}` : `already in ${r.file}`, 'ok'))
    .catch((err) => toast(String(err.message ?? err), 'error'));
}

/** Relations of this document touching the mention's entity; pick one to confirm, retype or delete. */
export function relationsOf(hk: Hooks, m: FlatMention): void {
  const ctx = hk.ctx();
  const rels = ctx.extraction().relations.map((r, i) => ({ r, i })).filter(({ r }) => r.subject === m.entity.id || r.object === m.entity.id);
  if (!rels.length) { toast(`no relation of ${m.entity.name} in this document (r draws one)`, 'info'); return; }
  const name = (id: string) => entityIn(ctx, id)?.name ?? id;
  const mm = menu(rels.map(({ r }, k) => ({ key: String(k + 1), label: `${name(r.subject)} ${r.predicate} ${name(r.object)}`, hint: ` (${r.status ?? 'inferred'})`, run: () => relationMenu(hk, r, hk.anchor(m)) })));
  openPanel({ title: `Relations of “${m.entity.name}”`, body: mm.body, onKey: mm.onKey, testId: 'relations-picker' }, hk.anchor(m));
}

const triple = (r: Relation) => ({ subject: r.subject, predicate: r.predicate, object: r.object });

/** One relation: a confirm, t retype (allowed predicates only), x delete. */
export function relationMenu(hk: Hooks, r: Relation, anchor: DOMRect | null): void {
  const ctx = hk.ctx();
  const name = (id: string) => entityIn(ctx, id)?.name ?? id;
  const mm = menu([
    { key: 'a', label: 'confirm', testId: 'rel-confirm', run: () => { closePanel(); void send(ctx, { action: 'add-relation', doc: ctx.doc, sha256: ctx.sha256, relation: triple(r), evidence: r.evidence }); } },
    { key: 't', label: 'retype…', testId: 'rel-retype', run: () => {
      const s = entityIn(ctx, r.subject)?.type;
      const o = entityIn(ctx, r.object)?.type;
      const options = s && o ? allowedPredicates(ctx.schema, s, o).filter((x) => !x.reversed && x.predicate !== r.predicate) : [];
      updatePanel(predicatePicker(`Retype ${r.predicate}`, options, (p: Predicate) => {
        closePanel();
        void send(ctx, { action: 'retype-relation', doc: ctx.doc, relation: triple(r), predicate: p });
      }));
    } },
    { key: 'x', label: 'delete', testId: 'rel-delete', run: () => { closePanel(); void send(ctx, { action: 'delete-relation', doc: ctx.doc, relation: triple(r) }); } },
  ]);
  openPanel({ title: `${name(r.subject)} ${r.predicate} ${name(r.object)} (${r.status ?? 'inferred'}, rule ${r.rule})`, body: mm.body, onKey: mm.onKey, testId: 'relation-menu' }, anchor);
}

/** The actions menu of a mention (Enter, or a click on it). */
export function mentionMenu(hk: Hooks, m: FlatMention, extra: { addFromSelection?: () => void } = {}): void {
  const e = m.entity;
  const status = mentionStatus(m);
  const items: MenuItem[] = status === 'rejected'
    ? [{ key: 'a', label: 'take the rejection back', run: () => { closePanel(); void accept(hk, m); }, testId: 'accept' }]
    : [
      { key: 'a', label: 'accept', run: () => { closePanel(); void accept(hk, m); }, testId: 'accept' },
      { key: 'x', label: 'reject', run: () => { closePanel(); void reject(hk, m); }, testId: 'reject' },
      { key: 't', label: 'retype…', run: () => retype(hk, m), testId: 'retype' },
      { key: 'l', label: 'link to another entity…', run: () => link(hk, m), testId: 'link' },
      { key: 'g', label: 'merge into…', run: () => merge(hk, m), testId: 'merge' },
      { key: 'u', label: 'unmerge…', run: () => unmerge(hk, m), testId: 'unmerge' },
      { key: 'c', label: `country (${e.country ?? 'none'})…`, run: () => country(hk, m), testId: 'country' },
      { key: 'r', label: 'draw a relation from here…', run: () => { closePanel(); hk.startRelation(m); }, testId: 'draw-relation' },
      { key: 'e', label: 'relations of this entity…', run: () => relationsOf(hk, m), testId: 'relations' },
      { key: 'p', label: 'promote to the ontology', run: () => { closePanel(); promote(m); }, testId: 'promote' },
    ];
  if (extra.addFromSelection) items.push({ key: 'i', label: 'add the selected text as a mention…', run: extra.addFromSelection, testId: 'add-selection' });
  const mm = menu(items);
  const title = status === 'rejected' ? `“${m.mention.text}” (rejected)` : `${e.name} — ${e.type} · ${e.country ?? 'no country'} · ${status} · rule ${m.mention.rule}`;
  openPanel({ title, body: mm.body, onKey: mm.onKey, testId: 'popover' }, hk.anchor(m));
}
