// Adding a mention: from a text selection, or by finding text from the keyboard; as a new entity or an existing one.
import { COUNTRIES, ENTITY_TYPES } from '../../../../src/types.ts';
import type { Country, EntityType } from '../../../../src/types.ts';
import { h, select } from '../dom.ts';
import { send, type DocContext } from './actions.ts';
import { closePanel, menu, openPanel, updatePanel, type PanelContent } from './panel.ts';
import { entityPicker, entitySource } from './pickers.ts';

type Span = { start: number; end: number; text: string };

/** Step 1: 1–8 a new entity of that type, e an existing entity. */
export function addPanel(ctx: () => DocContext, span: Span, anchor: DOMRect | null): void {
  const short = span.text.length > 50 ? `${span.text.slice(0, 47)}…` : span.text;
  const mm = menu([
    ...ENTITY_TYPES.map((t, i) => ({ key: String(i + 1), label: `new ${t}`, testId: `add-type-${t}`, run: () => updatePanel(nameStep(ctx, span, t)) })),
    { key: 'e', label: 'an entity that exists…', testId: 'add-existing', run: () => updatePanel(entityPicker(`“${short}” is a mention of…`, entitySource(), (hit) => {
      closePanel();
      const c = ctx();
      void send(c, { action: 'add', doc: c.doc, sha256: c.sha256, span, target: hit.key });
    }, 'add-existing-search')) },
  ], 1);
  openPanel({ title: `Add mention “${short}” (${span.start}–${span.end})`, body: mm.body, onKey: mm.onKey, testId: 'add-panel' }, anchor);
}

/** Step 2: the new entity's name (prefilled) and country; Enter adds. */
function nameStep(ctx: () => DocContext, span: Span, type: EntityType): PanelContent {
  const name = h('input', { type: 'text', value: span.text.replace(/\s+/g, ' ').trim(), 'data-testid': 'add-name', size: 36 });
  const country = select([['', 'no country'], ...COUNTRIES.map((c): [string, string] => [c, c])], '', { 'data-testid': 'add-country' });
  const go = () => {
    closePanel();
    const c = ctx();
    void send(c, {
      action: 'add', doc: c.doc, sha256: c.sha256, span, type, name: name.value.trim() || span.text,
      ...(country.value ? { country: country.value as Country } : {}),
    });
  };
  const form = h('form', {}, h('div', { class: 'row' }, 'name ', name), h('div', { class: 'row' }, 'country ', country),
    h('div', { class: 'row' }, h('button', { type: 'submit', 'data-testid': 'add-new' }, `+ add as new ${type} (Enter)`)));
  form.addEventListener('submit', (e) => { e.preventDefault(); go(); });
  return { title: `New ${type}`, body: form, focus: name, testId: 'add-name-step' };
}

/**
 * Find text to mark, from the keyboard: type it, Enter jumps to the next occurrence after `from`
 * (case-insensitive, wrapping) and offers to add it.
 */
export function findPanel(ctx: () => DocContext, from: number, reveal: (start: number, end: number) => DOMRect | null): void {
  const input = h('input', { type: 'search', placeholder: 'text to mark…', 'data-testid': 'find-text', size: 32 });
  const form = h('form', {}, input, h('p', { class: 'hint' }, 'Enter finds the next occurrence and asks what it is'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const q = input.value.trim();
    if (!q) return;
    const c = ctx();
    const lower = c.text.toLowerCase();
    let at = lower.indexOf(q.toLowerCase(), from);
    if (at < 0) at = lower.indexOf(q.toLowerCase());
    if (at < 0) { input.setCustomValidity('not found'); input.reportValidity(); return; }
    const span = { start: at, end: at + q.length, text: c.text.slice(at, at + q.length) };
    addPanel(ctx, span, reveal(span.start, span.end));
  });
  input.addEventListener('input', () => input.setCustomValidity(''));
  openPanel({ title: 'Add a mention: find the text', body: form, focus: input, testId: 'find-panel' }, null);
}
