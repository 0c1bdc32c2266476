// Document text, formatted (the server's layout) or as source, with every mention and evidence span marked.
// Text goes in as text nodes only: a document containing <script> or onerror= stays inert.
import type { DocumentLayout, LayoutSpan } from '../../../../src/corpus/layout.ts';
import type { Extraction, Relation } from '../../../../src/types.ts';
import { docModel, mentionStatus, mentionsByEntity } from '../../lib/doc-model.ts';
import type { FlatMention, RejectedSpan } from '../../lib/doc-model.ts';
import { nest, type ElementRange, type Substitution } from '../../lib/nest.ts';
import { TextIndex } from './locate.ts';

/** The rendered text plus what the handlers need. */
export interface RenderedDoc {
  fragment: DocumentFragment;
  mentions: FlatMention[];
  relations: Relation[];
  /** Mention id → its elements (several when formatting or a crossing span cuts it). */
  marks: Map<number, HTMLElement[]>;
  /** Live mentions by entity id. */
  byEntity: Map<string, FlatMention[]>;
  /** Evidence span `start-end` → its elements. */
  evidence: Map<string, HTMLElement[]>;
  index: TextIndex;
  /** What the DOM's structure depends on: mention spans in order, evidence spans (see patchDocument). */
  shape: string;
}

const BLOCK_ELEMENT: Record<string, string> = {
  h1: 'h1', h2: 'h2', h3: 'h3', h4: 'h4', h5: 'h5', h6: 'h6', p: 'p', li: 'div', quote: 'blockquote', pre: 'pre', cell: 'div',
};
const INLINE_ELEMENT: Record<string, string> = { strong: 'strong', em: 'em', sup: 'sup', sub: 'sub', code: 'code', u: 'u', a: 'span' };
const SUBSTITUTES = new Set(['hide', 'ent', 'br', 'hr']);

type Item = { kind: 'mention'; m: FlatMention } | { kind: 'evidence'; key: string; ids: number[] } | { kind: 'layout'; s: LayoutSpan };

/** Evidence span keys → the relations (indices) that have them, rejected relations left out. */
function evidenceOf(relations: readonly Relation[]): Map<string, number[]> {
  const evidence = new Map<string, number[]>();
  relations.forEach((r, i) => {
    if (r.status === 'rejected') return;
    const k = `${r.evidence.start}-${r.evidence.end}`;
    const ids = evidence.get(k);
    if (ids) ids.push(i); else evidence.set(k, [i]);
  });
  return evidence;
}

const shapeOf = (mentions: readonly FlatMention[], evidence: Map<string, number[]>) =>
  `${mentions.map((m) => `${m.mention.start}-${m.mention.end}`).join(',')}|${[...evidence.keys()].sort().join(',')}`;

const markClass = (m: FlatMention) => `m t-${m.entity.type} s-${mentionStatus(m)}`;

/**
 * Build the marked-up text. With a layout, blocks and inline styles come from it and markup is hidden;
 * without, the source text is shown as is. A mention is `<mark class="m t-Type s-status" data-m data-span
 * data-entity>`; evidence is `<span class="ev" data-r>`. Marks nest (an added span over others stays one
 * element); only formatting or a crossing span cuts one into pieces, which share data-m.
 */
export function renderDocument(text: string, extraction: Extraction, rejected: readonly RejectedSpan[], layout: DocumentLayout | null): RenderedDoc {
  const { mentions, relations } = docModel(extraction, rejected);
  const items: Item[] = [];
  const elements: ElementRange[] = [];
  const subs: Substitution[] = [];
  const add = (item: Item, start: number, end: number, rank: 0 | 1) => { elements.push({ start, end, rank, key: items.length }); items.push(item); };
  for (const s of layout?.spans ?? []) {
    if (SUBSTITUTES.has(s.tag)) {
      subs.push({ start: s.start, end: s.end, key: items.length, kind: s.tag === 'ent' ? 'replace' : s.tag === 'hide' ? 'hide' : 'void', text: s.text });
      items.push({ kind: 'layout', s });
    } else {
      add({ kind: 'layout', s }, s.start, s.end, s.tag in BLOCK_ELEMENT ? 0 : 1);
    }
  }
  for (const m of mentions) add({ kind: 'mention', m }, m.mention.start, m.mention.end, 1);
  // one evidence element per distinct span (several relations often share a sentence)
  const evidence = evidenceOf(relations);
  for (const [k, ids] of evidence) {
    const [start, end] = k.split('-').map(Number) as [number, number];
    add({ kind: 'evidence', key: k, ids }, start, end, 1);
  }

  const index = new TextIndex();
  const marks = new Map<number, HTMLElement[]>();
  const evidenceEls = new Map<string, HTMLElement[]>();
  const frag = document.createDocumentFragment();
  const stack: Node[] = [frag];
  const top = () => stack[stack.length - 1]!;
  for (const t of nest(text.length, elements, subs, !!layout, text)) {
    if (t.t === 'text') {
      const node = document.createTextNode(text.slice(t.start, t.end));
      index.add(node, t.start, t.end);
      top().appendChild(node);
    } else if (t.t === 'replace') {
      const node = document.createTextNode(t.text);
      index.add(node, t.start, t.end, true);
      top().appendChild(node);
    } else if (t.t === 'open') {
      const el = open(items[t.key]!, marks, evidenceEls);
      top().appendChild(el);
      stack.push(el);
    } else if (t.t === 'close') {
      stack.pop();
    } else {
      const s = (items[t.key] as { s: LayoutSpan }).s;
      top().appendChild(document.createElement(s.tag === 'hr' ? 'hr' : 'br'));
    }
  }
  return { fragment: frag, mentions, relations, marks, byEntity: mentionsByEntity(mentions), evidence: evidenceEls, index, shape: shapeOf(mentions, evidence) };
}

/**
 * After a correction that kept every span where it was (accept, reject, retype, link, merge, country, and
 * their undos: the marks are the same, only what they say changed), update the marks in place instead of
 * building the text again: no new DOM, no full layout. Returns null when the spans changed (render anew).
 */
export function patchDocument(prev: RenderedDoc, extraction: Extraction, rejected: readonly RejectedSpan[]): RenderedDoc | null {
  const { mentions, relations } = docModel(extraction, rejected);
  const evidence = evidenceOf(relations);
  if (shapeOf(mentions, evidence) !== prev.shape) return null;
  for (const m of mentions) {
    const cls = markClass(m);
    for (const el of prev.marks.get(m.id) ?? []) {
      if (el.className !== cls) el.className = cls;
      if (el.dataset.entity !== m.entity.id) el.dataset.entity = m.entity.id;
    }
  }
  for (const [k, ids] of evidence) for (const el of prev.evidence.get(k) ?? []) el.dataset.r = ids.join(',');
  return { ...prev, fragment: document.createDocumentFragment(), mentions, relations, byEntity: mentionsByEntity(mentions) };
}

function open(item: Item, marks: Map<number, HTMLElement[]>, evidenceEls: Map<string, HTMLElement[]>): HTMLElement {
  if (item.kind === 'mention') {
    const { m } = item;
    const el = document.createElement('mark');
    el.className = markClass(m);
    el.dataset.m = String(m.id);
    el.dataset.span = `${m.mention.start}-${m.mention.end}`;
    el.dataset.entity = m.entity.id;
    const list = marks.get(m.id);
    if (list) list.push(el); else marks.set(m.id, [el]);
    return el;
  }
  if (item.kind === 'evidence') {
    const el = document.createElement('span');
    el.className = 'ev';
    el.dataset.r = item.ids.join(',');
    const list = evidenceEls.get(item.key);
    if (list) list.push(el); else evidenceEls.set(item.key, [el]);
    return el;
  }
  const s = item.s;
  const block = BLOCK_ELEMENT[s.tag];
  const el = document.createElement(block ?? INLINE_ELEMENT[s.tag] ?? 'span');
  if (s.tag === 'li') el.className = 'li';
  if (s.tag === 'cell') el.className = 'cell';
  if (s.tag === 'a') { el.className = 'link'; if (s.href) el.title = s.href; }
  return el;
}
