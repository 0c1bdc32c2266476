// Keyboard pickers of the document view: type (then scope), country, entity search, predicate.
import { COUNTRIES, ENTITY_TYPES } from '../../../../src/types.ts';
import type { Country, EntityType, Predicate } from '../../../../src/types.ts';
import type { OntologySchema } from '../../api.ts';
import type { SearchHit } from '../../lib/search-index.ts';
import { searchIndex } from '../../state/graph.ts';
import { autocomplete } from '../autocomplete.ts';
import { h } from '../dom.ts';
import { menu, type PanelContent } from './panel.ts';

/** The 8 entity types by digit (1 Person … 8 Place). */
export function typePicker(title: string, current: EntityType, pick: (t: EntityType) => void): PanelContent {
  const m = menu(ENTITY_TYPES.map((t, i) => ({ key: String(i + 1), label: t, run: () => pick(t), testId: `type-${t}`, hint: t === current ? ' (now)' : '' })),
    ENTITY_TYPES.indexOf(current));
  return { title, body: m.body, onKey: m.onKey, testId: 'type-picker' };
}

/** Retype scope: the whole entity everywhere (default, Enter) or only this mention (m). */
export function scopePicker(type: EntityType, name: string, pick: (scope: 'entity' | 'mention') => void): PanelContent {
  const m = menu([
    { key: 'e', label: `the whole entity “${name}”, in every document`, run: () => pick('entity'), testId: 'scope-entity', hint: ' (Enter)' },
    { key: 'm', label: 'only this mention', run: () => pick('mention'), testId: 'scope-mention' },
  ]);
  return { title: `Retype to ${type}: this mention or the whole entity?`, body: m.body, onKey: m.onKey, testId: 'scope-picker' };
}

/** Country by digit: 0 none, 1 US, 2 MX, 3 CA, 4 INTL. */
export function countryPicker(current: Country | null, pick: (c: Country | null) => void): PanelContent {
  const options: (Country | null)[] = [null, ...COUNTRIES];
  const m = menu(options.map((c, i) => ({ key: String(i), label: c ?? 'no country', run: () => pick(c), testId: `country-${c ?? 'none'}`, hint: c === current ? ' (now)' : '' })),
    options.indexOf(current));
  return { title: 'Country', body: m.body, onKey: m.onKey, testId: 'country-picker' };
}

/** Entities of the graph by name or alias (not documents), excluding `except`. */
export function entitySource(except?: string): (q: string) => SearchHit[] {
  return (q) => searchIndex().search(q, 8).filter((x) => !x.key.startsWith('doc:') && x.key !== except);
}

/** An entity search box, focused; ↑↓ Enter pick. */
export function entityPicker(title: string, source: (q: string) => SearchHit[], pick: (hit: SearchHit) => void, testId: string): PanelContent {
  const box = autocomplete({ placeholder: 'type a name or alias…', keepValue: true, source, onPick: pick, testId });
  return { title, body: h('div', {}, box, h('p', { class: 'hint' }, '↑↓ to choose, Enter to pick, Esc to cancel')), focus: box.querySelector('input')!, testId: `${testId}-picker` };
}

/** Predicates relations.yaml allows from `s` to `o` (and those that only fit the other way round, flagged). */
export function allowedPredicates(schema: OntologySchema | null, s: EntityType, o: EntityType): { predicate: Predicate; reversed: boolean; description?: string }[] {
  if (!schema) return [];
  const out: { predicate: Predicate; reversed: boolean; description?: string }[] = [];
  for (const r of schema.relations) if (r.domain.includes(s) && r.range.includes(o)) out.push({ predicate: r.name, reversed: false, description: r.description });
  for (const r of schema.relations) {
    if (r.symmetric || out.some((x) => x.predicate === r.name)) continue;
    if (r.domain.includes(o) && r.range.includes(s)) out.push({ predicate: r.name, reversed: true, description: r.description });
  }
  return out;
}

/** The allowed predicates by digit/letter; a reversed one swaps subject and object. */
export function predicatePicker(title: string, options: ReturnType<typeof allowedPredicates>, pick: (p: Predicate, reversed: boolean) => void): PanelContent {
  const keys = '123456789abcdefghijklmnopqrstuvwxyz';
  if (!options.length) return { title, body: h('p', { class: 'hint' }, 'relations.yaml allows no predicate between these two classes (Esc)'), testId: 'predicate-picker' };
  const m = menu(options.map((o, i) => ({
    key: keys[i] ?? '', label: o.reversed ? `${o.predicate} (object → subject)` : o.predicate, hint: o.description ? ` — ${o.description}` : '',
    run: () => pick(o.predicate, o.reversed), testId: `pred-${o.predicate}`,
  })));
  return { title, body: m.body, onKey: m.onKey, testId: 'predicate-picker' };
}
