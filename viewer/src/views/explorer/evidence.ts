// One evidence line (sentence + rule + status) that opens the document view at its span.
import type { EdgeEvidence } from '../../../../src/types.ts';
import { toHash } from '../../lib/url-state.ts';
import { docName } from '../../state/graph.ts';
import { h } from '../dom.ts';

/** A clickable evidence quote; `#/doc/<name>?span=start-end`. */
export function evidenceItem(ev: EdgeEvidence): HTMLElement {
  const name = docName(ev.doc) ?? ev.doc.replace(/^doc:/, '');
  const a = h('a', { class: 'evidence', href: toHash({ route: 'doc', name, span: { start: ev.start, end: ev.end } }), 'data-testid': 'evidence' },
    `“${ev.text.length > 280 ? ev.text.slice(0, 277) + '…' : ev.text}”`);
  return h('div', { class: 'ev-item' }, a,
    h('div', { class: 'meta' }, `${name} · rule ${ev.rule}`, ev.status ? ` · ${ev.status}` : ''));
}
