/**
 * Cross-document resolution: entities of different documents with the same id are one node; an
 * inferred entity whose name or alias is another entity's name or alias (same type) folds into it,
 * curated first. Deterministic: the surviving id is the curated one, else the smallest id.
 */
import type { Entity, Extraction } from '../types.js';
import { nameKey } from '../util/text.js';

/** Map every entity id to its canonical id across all extractions. */
export function canonicalIds(extractions: Extraction[]): Map<string, string> {
  const byId = new Map<string, Entity>();
  for (const x of extractions) for (const e of x.entities) if (!byId.has(e.id) || e.status === 'curated') byId.set(e.id, e);
  const owner = new Map<string, string>(); // type|key → id
  const ids = [...byId.keys()].sort((a, b) => {
    const ca = byId.get(a)!.status === 'curated' ? 0 : 1;
    const cb = byId.get(b)!.status === 'curated' ? 0 : 1;
    return ca - cb || (a < b ? -1 : a > b ? 1 : 0);
  });
  const out = new Map<string, string>();
  for (const id of ids) {
    const e = byId.get(id)!;
    const keys = [e.name, ...e.aliases].map((a) => `${e.type}|${/^[\p{Lu}\d&-]+$/u.test(a) ? a : nameKey(a)}`).filter((k) => k.length > e.type.length + 3);
    let target: string | undefined;
    if (e.status !== 'curated') for (const k of keys) if (owner.has(k)) target ??= owner.get(k);
    const canonical = target ?? id;
    out.set(id, canonical);
    for (const k of keys) if (!owner.has(k)) owner.set(k, canonical);
  }
  return out;
}
