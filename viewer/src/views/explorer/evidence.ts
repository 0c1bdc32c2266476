// One evidence line (sentence + rule + status) that opens the document view at its span.
import type { EdgeEvidence } from '../../../../src/types.ts';
import { quoteText } from '../../lib/quote.ts';
import { toHash } from '../../lib/url-state.ts';
import { docName } from '../../state/graph.ts';
import { h } from '../dom.ts';

/** A clickable evidence quote; `#/doc/<name>?span=start-end`. */
export function evidenceItem(ev: EdgeEvidence): HTMLElement {
  const name = docName(ev.doc) ?? ev.doc.replace(/^doc:/, '');
  const text = quoteText(ev.text);
  const a = h('a', { class: 'evidence', href: toHash({ route: 'doc', name, span: { start: ev.start, end: ev.end } }), 'data-testid': 'evidence' },
    `“${text.length > 280 ? text.slice(0, 277) + '…' : text}”`);
  return h('div', { class: 'ev-item' }, a,
    h('div', { class: 'meta' }, `${name} · rule ${ev.rule}`, ev.status ? ` · ${ev.status}` : ''));
}
