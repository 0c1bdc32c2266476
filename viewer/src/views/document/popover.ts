// Annotation popovers: actions on a clicked mention, and adding a mention from a text selection.
import { COUNTRIES, ENTITY_TYPES } from '../../../../src/types.ts';
import type { Country, EntityType } from '../../../../src/types.ts';
import { api } from '../../api.ts';
import type { FlatMention } from '../../lib/doc-model.ts';
import { mentionStatus } from '../../lib/doc-model.ts';
import { toHash, defaultGraphRoute } from '../../lib/url-state.ts';
import { searchIndex } from '../../state/graph.ts';
import { autocomplete } from '../autocomplete.ts';
import { h, select } from '../dom.ts';
import { toast } from '../toast.ts';
import { sendCorrection } from './actions.ts';
import type { DocContext } from './actions.ts';

let current: HTMLElement | null = null;

/** Close the open popover, if any. */
export function closePopover(): void {
  current?.remove();
  current = null;
}

function open(content: HTMLElement, anchor: DOMRect): void {
  closePopover();
  const el = h('div', { class: 'popover', role: 'dialog', 'data-testid': 'popover' },
    h('button', { class: 'close', title: 'close', onclick: closePopover }, '×'), content);
  document.body.appendChild(el);
  const top = anchor.bottom + window.scrollY + 6;
  const left = Math.min(anchor.left + window.scrollX, window.innerWidth - 360);
  el.style.top = `${top}px`;
  el.style.left = `${Math.max(8, left)}px`;
  current = el;
}

const entitySource = (q: string) => searchIndex().search(q, 8).filter((x) => !x.key.startsWith('doc:'));
const countryOptions = (): [string, string][] => [['', 'unknown'], ...COUNTRIES.map((c): [string, string] => [c, c])];

/** Popover for a clicked mention: accept, reject, retype, link, set country, merge, promote. */
export function mentionPopover(ctx: DocContext, m: FlatMention, anchor: DOMRect): void {
  const { entity, mention } = m;
  const span = { start: mention.start, end: mention.end, text: mention.text };
  const base = { doc: ctx.doc, sha256: ctx.sha256, span, entity: entity.id };
  const act = (p: Promise<boolean>) => { void p.then((ok) => { if (ok) closePopover(); }); };
  const typeSel = select([...ENTITY_TYPES], entity.type, { 'data-testid': 'retype-select' });
  const countrySel = select(countryOptions(), entity.country ?? '', { 'data-testid': 'country-select' });
  const status = mentionStatus(m);
  if (status === 'rejected') {
    // gone from the graph; the only sensible action is to take the rejection back
    open(h('div', {},
      h('h4', {}, `“${mention.text}”`),
      h('div', { class: 'meta' }, `${mention.rule} · ${entity.id}`),
      entity.id.includes(':') && !entity.id.startsWith('rejected:')
        ? h('button', { 'data-testid': 'accept', onclick: () => act(sendCorrection(ctx, { action: 'accept', ...base })) }, '✓ accept (undo the rejection)')
        : null), anchor);
    return;
  }
  open(h('div', {},
    h('h4', {}, entity.name),
    h('div', { class: 'meta' }, `${entity.type} · ${entity.country ?? 'no country'} · ${status} · rule ${mention.rule}`),
    h('div', { class: 'meta' }, h('a', { href: toHash({ ...defaultGraphRoute(), node: entity.id }) }, entity.id)),
    h('div', { class: 'row' },
      h('button', { 'data-testid': 'accept', onclick: () => act(sendCorrection(ctx, { action: 'accept', ...base })) }, '✓ accept'),
      h('button', { 'data-testid': 'reject', onclick: () => act(sendCorrection(ctx, { action: 'reject', ...base })) }, '✗ reject')),
    h('div', { class: 'row' }, 'type ', typeSel,
      h('button', { onclick: () => act(sendCorrection(ctx, { action: 'retype', ...base, type: typeSel.value as EntityType })) }, 'change type')),
    h('div', { class: 'row' }, 'link to ', autocomplete({
      placeholder: 'another entity…', keepValue: true, source: entitySource,
      onPick: (hit) => act(sendCorrection(ctx, { action: 'link', ...base, target: hit.key })),
    })),
    h('div', { class: 'row' }, 'country ', countrySel,
      h('button', { onclick: () => act(sendCorrection(ctx, { action: 'set-country', entity: entity.id, country: (countrySel.value || null) as Country | null })) }, 'set')),
    h('div', { class: 'row' }, 'merge into ', autocomplete({
      placeholder: 'entity to merge into…', keepValue: true, source: (q) => entitySource(q).filter((x) => x.key !== entity.id),
      onPick: (hit) => act(sendCorrection(ctx, { action: 'merge', entity: entity.id, target: hit.key })),
    })),
    entity.status === 'confirmed' || status === 'confirmed'
      ? h('div', { class: 'row' }, h('button', {
        'data-testid': 'promote',
        onclick: () => {
          void api.promote({ type: entity.type, name: entity.name, id: entity.id, country: entity.country, kind: entity.kind, alias: mention.text !== entity.name ? mention.text : undefined })
            .then((r) => toast(r.changed ? `promoted to ${r.file}` : `already in ${r.file}`, 'ok'))
            .catch((e) => toast(String(e.message ?? e), 'error'));
        },
      }, '⇪ promote to ontology'))
      : null,
  ), anchor);
}

/** Popover for a text selection: add a mention of a new entity or of an existing one. */
export function addPopover(ctx: DocContext, span: { start: number; end: number; text: string }, anchor: DOMRect): void {
  const typeSel = select([...ENTITY_TYPES], 'Organization', { 'data-testid': 'add-type' });
  const name = h('input', { type: 'text', value: span.text.trim(), 'data-testid': 'add-name' });
  const countrySel = select(countryOptions(), '', { 'data-testid': 'add-country' });
  const base = { doc: ctx.doc, sha256: ctx.sha256, span };
  const act = (p: Promise<boolean>) => { void p.then((ok) => { if (ok) closePopover(); }); };
  open(h('div', {},
    h('h4', {}, `Add mention “${span.text.length > 60 ? span.text.slice(0, 57) + '…' : span.text}”`),
    h('div', { class: 'meta' }, `offsets ${span.start}–${span.end}`),
    h('fieldset', {}, h('legend', {}, 'new entity'),
      h('div', { class: 'row' }, 'type ', typeSel, ' country ', countrySel),
      h('div', { class: 'row' }, 'name ', name),
      h('button', {
        'data-testid': 'add-new',
        onclick: () => act(sendCorrection(ctx, {
          action: 'add', ...base, type: typeSel.value as EntityType, name: name.value.trim() || span.text,
          ...(countrySel.value ? { country: countrySel.value as Country } : {}),
        })),
      }, '+ add as new entity')),
    h('fieldset', {}, h('legend', {}, 'existing entity'),
      autocomplete({
        placeholder: 'search entity…', keepValue: true, source: entitySource, testId: 'add-existing',
        onPick: (hit) => act(sendCorrection(ctx, { action: 'add', ...base, target: hit.key })),
      })),
  ), anchor);
}
