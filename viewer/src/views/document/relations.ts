// Relations of one document: list with evidence, retype and delete; add a relation between two mentions.
import { PREDICATES } from '../../../../src/types.ts';
import type { Entity, Predicate, Relation } from '../../../../src/types.ts';
import { sentenceAround } from '../../lib/highlight.ts';
import { predicateColor } from '../../lib/colors.ts';
import { h, replace, select } from '../dom.ts';
import { sendCorrection } from './actions.ts';
import type { DocContext } from './actions.ts';

/** What the panel needs from the view. */
export interface RelationsInput {
  ctx: DocContext;
  text: string;
  entities: Entity[];
  relations: Relation[];
  /** Last text selection in the document (used as evidence when set). */
  lastSelection: () => { start: number; end: number } | null;
  /** Scroll the text to a span and flash it. */
  reveal: (start: number, end: number) => void;
}

/** Render the relations panel into `el`. */
export function renderRelations(el: HTMLElement, i: RelationsInput): void {
  const name = new Map(i.entities.map((e) => [e.id, e.name]));
  const label = (id: string) => name.get(id) ?? id;
  const rel = (r: Relation) => ({ subject: r.subject, predicate: r.predicate, object: r.object });
  const items = i.relations.map((r) => {
    const retype = select([...PREDICATES], r.predicate);
    const ev = i.text.slice(r.evidence.start, r.evidence.end);
    const quote = h('a', { href: '#', class: 'evidence' }, `“${ev.length > 160 ? ev.slice(0, 157) + '…' : ev}”`);
    quote.addEventListener('click', (e) => { e.preventDefault(); i.reveal(r.evidence.start, r.evidence.end); });
    return h('li', { class: `rel s-${r.status ?? 'inferred'}`, 'data-testid': 'doc-relation' },
      h('div', {}, h('b', {}, label(r.subject)), ' ',
        h('span', { class: 'pred', style: `border-color:${predicateColor(r.predicate)}` }, r.predicate), ' ',
        h('b', {}, label(r.object))),
      h('div', { class: 'meta' }, `${r.status ?? 'inferred'} · rule ${r.rule}`), quote,
      h('div', { class: 'row' }, retype,
        h('button', { onclick: () => void sendCorrection(i.ctx, { action: 'retype-relation', doc: i.ctx.doc, relation: rel(r), predicate: retype.value as Predicate }) }, 'retype'),
        h('button', { onclick: () => void sendCorrection(i.ctx, { action: 'delete-relation', doc: i.ctx.doc, relation: rel(r) }) }, 'delete')));
  });

  const ents: [string, string][] = i.entities.filter((e) => e.status !== 'rejected').map((e) => [e.id, `${e.name} (${e.type})`]);
  const subj = select(ents, ents[0]?.[0] ?? null, { 'data-testid': 'rel-subject' });
  const pred = select([...PREDICATES], 'COOPERATES_WITH', { 'data-testid': 'rel-predicate' });
  const obj = select(ents, ents[1]?.[0] ?? null, { 'data-testid': 'rel-object' });
  const add = h('button', { 'data-testid': 'rel-add' }, '+ add relation');
  add.addEventListener('click', () => {
    const s = i.entities.find((e) => e.id === subj.value);
    const first = s?.mentions[0];
    const evidence = i.lastSelection() ?? (first ? sentenceAround(i.text, first.start, first.end) : { start: 0, end: 0 });
    void sendCorrection(i.ctx, {
      action: 'add-relation', doc: i.ctx.doc, sha256: i.ctx.sha256,
      relation: { subject: subj.value, predicate: pred.value as Predicate, object: obj.value }, evidence,
    });
  });
  replace(el,
    h('h3', {}, `Relations (${i.relations.length})`),
    h('div', { class: 'add-rel' }, subj, pred, obj, add,
      h('p', { class: 'hint' }, 'Evidence: your last text selection, else the sentence of the subject’s first mention.')),
    h('ul', { class: 'rels' }, ...items));
}
