// Document text with every mention and evidence span marked, built in one pass into a DocumentFragment.
// Text goes in as text nodes only: a document containing <script> or onerror= stays inert.
import { segment } from '../../lib/highlight.ts';
import { docModel, mentionStatus, primaryMention } from '../../lib/doc-model.ts';
import type { FlatMention, RejectedSpan } from '../../lib/doc-model.ts';
import type { Extraction, Relation } from '../../../../src/types.ts';

/** The rendered text plus the model the event handlers need. */
export interface RenderedDoc {
  fragment: DocumentFragment;
  mentions: FlatMention[];
  relations: Relation[];
}

/**
 * Build the marked-up text. A segment covered by a mention becomes <mark class="m t-Type s-status">
 * (data-m = mention id); evidence adds class `ev` (data-r = relation ids). Uncovered text is a bare
 * text node, which keeps the node count near the number of spans.
 */
export function renderDocument(text: string, extraction: Extraction, rejected: readonly RejectedSpan[] = []): RenderedDoc {
  const { mentions, relations, marks } = docModel(extraction, rejected);
  const frag = document.createDocumentFragment();
  for (const seg of segment(text.length, marks)) {
    const t = text.slice(seg.start, seg.end);
    if (!seg.mentions.length && !seg.evidence.length) {
      frag.appendChild(document.createTextNode(t));
      continue;
    }
    const m = primaryMention(seg.mentions, mentions);
    const el = document.createElement(m ? 'mark' : 'span');
    let cls = '';
    if (m) {
      cls = `m t-${m.entity.type} s-${mentionStatus(m)}`;
      if (seg.mentions.length > 1) cls += ' overlap';
      el.dataset.m = String(m.id);
      el.dataset.span = `${m.mention.start}-${m.mention.end}`;
      el.dataset.entity = m.entity.id;
    }
    if (seg.evidence.length) {
      cls += cls ? ' ev' : 'ev';
      el.dataset.r = seg.evidence.join(',');
    }
    el.className = cls;
    el.textContent = t;
    frag.appendChild(el);
  }
  return { fragment: frag, mentions, relations };
}
