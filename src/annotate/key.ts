// correctionKey(): what a correction is about, so two annotators deciding the same thing collide.
import type { Correction } from './types.js';

type KeyInput = Pick<Correction, 'action' | 'doc' | 'span' | 'entity' | 'relation'> & { undoes?: number };

/** Actions about one mention span of one document. */
export const SPAN_ACTIONS = new Set(['accept', 'reject', 'retype', 'link', 'add']);
/** Actions about a relation. */
export const RELATION_ACTIONS = new Set(['add-relation', 'delete-relation', 'retype-relation']);

/**
 * The conflict key of a correction:
 * - span actions (with a span): `${doc}#${start}-${end}` — accept/reject/retype/link/add of one span share it,
 *   so the latest decision on a span replaces the earlier ones;
 * - entity actions: the entity id (`${doc}#${entity}` when an entity-level accept/reject/retype is limited to a doc);
 *   set-country uses `${entity}#country` so it does not replace a retype/merge of the same entity;
 * - relation actions: `${subject}|${predicate}|${object}`, prefixed by `${doc}#` when the correction names a doc
 *   (an added relation is evidence in one document; two documents must not overwrite each other).
 * - undo: the key of the correction it reverts (`keyOf(undoes)`), so it competes with later decisions on the same thing.
 * Assumes a validated input (see validateInput). Throws when an undo's target is unknown to `keyOf`.
 */
export function correctionKey(c: KeyInput, keyOf?: (seq: number) => string | undefined): string {
  if (c.action === 'undo') {
    const key = c.undoes !== undefined ? keyOf?.(c.undoes) : undefined;
    if (key === undefined) throw new Error(`undo: correction #${c.undoes} is unknown`);
    return key;
  }
  if (RELATION_ACTIONS.has(c.action)) {
    const r = c.relation!;
    const k = `${r.subject}|${r.predicate}|${r.object}`;
    return c.doc ? `${c.doc}#${k}` : k;
  }
  if (SPAN_ACTIONS.has(c.action) && c.span) return `${c.doc}#${c.span.start}-${c.span.end}`;
  if (c.action === 'set-country') return `${c.entity}#country`;
  return c.doc ? `${c.doc}#${c.entity}` : `${c.entity}`;
}
