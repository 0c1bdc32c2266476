// Curation (INCEpTION's way): two annotators' disagreements side by side; the curator takes one, or decides anew.
import type { Correction } from '../../../../src/annotate/types.ts';
import type { Disagreement } from '../../../../src/annotate/curation.ts';
import { api, type Curation } from '../../api.ts';
import { h, replace, select } from '../dom.ts';
import { send, type DocContext } from './actions.ts';

const pct = (x: number) => `${(100 * x).toFixed(0)}%`;

function decision(c: Correction | null): string {
  if (!c) return 'left to the rules';
  if (c.action === 'retype') return `retype → ${c.type}`;
  if (c.action === 'link' || c.action === 'add') return `${c.action} → ${c.target ?? `${c.name} (${c.type})`}`;
  if (c.action === 'retype-relation') return `retype → ${c.predicate}`;
  return c.action;
}

/** The curator's copy of an annotator's decision (same fields, the curator as `who`, `adopts` naming the original). */
function adopt(c: Correction): Record<string, unknown> {
  const { id: _i, seq, at: _a, key: _k, who: _w, base: _b, ...rest } = c;
  return { ...rest, adopts: seq };
}

/**
 * Render the curation section for the document: annotator pair (the two with most decisions by default),
 * agreement (span F1, Cohen's kappa on shared decisions), and each disagreement with "take a" / "take b" /
 * "decide…" (puts the cursor on the span and opens its actions; every key works as usual).
 */
export async function renderCuration(el: HTMLElement, ctx: DocContext, reveal: (start: number, end: number) => void, pair?: [string, string]): Promise<void> {
  let cur: Curation;
  try {
    cur = await api.curation(ctx.doc, pair);
  } catch (e) {
    replace(el, h('h3', {}, 'Curation'), h('p', { class: 'error' }, (e as Error).message));
    return;
  }
  if (cur.annotators.length < 2) {
    replace(el, h('h3', {}, 'Curation'), h('p', { class: 'hint', 'data-testid': 'curation-none' },
      cur.annotators.length ? `Only ${cur.annotators[0]!.who} annotated this document; a second annotator’s decisions are compared here.` : 'No annotator decisions on this document yet.'));
    return;
  }
  const names = cur.annotators.map((a) => a.who);
  const selA = select(names, cur.a, { 'data-testid': 'curation-a' });
  const selB = select(names, cur.b, { 'data-testid': 'curation-b' });
  const change = () => { if (selA.value !== selB.value) void renderCuration(el, ctx, reveal, [selA.value, selB.value]); };
  selA.addEventListener('change', change);
  selB.addEventListener('change', change);
  const ag = cur.agreement!;
  const kappa = Number.isFinite(ag.decisions.kappa) ? ag.decisions.kappa.toFixed(2) : '–';
  const take = (d: Disagreement, c: Correction | null) => {
    if (!c) return null;
    const b = h('button', { class: 'small', 'data-testid': `take-${c.who}` }, `take ${c.who}’s`);
    b.addEventListener('click', () => void send(ctx, adopt(c) as never).then(() => renderCuration(el, ctx, reveal, [cur.a!, cur.b!])));
    return b;
  };
  const rows = cur.disagreements.map((d) => {
    const what = d.span ? `“${d.span.text}”` : d.relation ? `${d.relation.subject} ${d.relation.predicate} ${d.relation.object}` : d.key;
    const go = h('button', { class: 'small', title: 'go there and decide anew', 'data-testid': 'decide' }, 'decide…');
    go.addEventListener('click', () => { if (d.span) reveal(d.span.start, d.span.end); });
    return h('tr', { class: d.curated ? 'curated' : '', 'data-testid': 'disagreement' },
      h('td', {}, what, d.curated ? h('div', { class: 'meta' }, `curated by ${d.curated.who}: ${decision(d.curated)}`) : null),
      h('td', {}, decision(d.a), ' ', take(d, d.a)),
      h('td', {}, decision(d.b), ' ', take(d, d.b)),
      h('td', {}, go));
  });
  replace(el,
    h('h3', {}, 'Curation'),
    h('div', { class: 'row' }, selA, ' vs ', selB),
    h('div', { class: 'meta', 'data-testid': 'agreement' },
      `agreement: span F1 ${pct(ag.spans.f1)} (${ag.spans.tp} shared, ${ag.spans.fn} only ${cur.a}, ${ag.spans.fp} only ${cur.b}) · κ ${kappa} on ${ag.decisions.n} shared decisions`),
    cur.disagreements.length
      ? h('table', { class: 'curation' }, h('thead', {}, h('tr', {}, h('th', {}, 'span'), h('th', {}, cur.a!), h('th', {}, cur.b!), h('th', {}, ''))), h('tbody', {}, ...rows))
      : h('p', { class: 'hint' }, 'No disagreements.'));
}
