// Annotation contract: the shape of one annotator decision in <data>/corrections.jsonl.
import type { Country, EntityType, Extraction, Predicate } from '../types.js';

/** What an annotator did. Span-level: accept, reject, retype, link, add. Entity-level: merge, set-country
 * (and accept/reject/retype given an `entity` and no `span`). Relation-level: add/delete/retype-relation.
 * `undo` reverts one earlier correction (`undoes`); an undo of an undo is a redo. The log stays append-only. */
export const CORRECTION_ACTIONS = [
  'accept', 'reject', 'retype', 'link', 'add', 'merge', 'set-country',
  'add-relation', 'delete-relation', 'retype-relation', 'undo',
] as const;
export type CorrectionAction = (typeof CORRECTION_ACTIONS)[number];

/** One annotator decision, as stored (one JSON line) in the corrections log. */
export interface Correction {
  /** Assigned by the store (uuid). */
  id: string;
  /** Assigned by the store: position in the log (1, 2, …). */
  seq: number;
  /** ISO time, assigned by the store. */
  at: string;
  /** Annotator name (validated by the store). */
  who: string;
  action: CorrectionAction;
  /** Document file name (all span-level actions, add-relation). */
  doc?: string;
  /** Content hash of the document the annotator saw; a changed hash makes span corrections re-anchor or go stale. */
  sha256?: string;
  /** The mention's span in UTF-16 code units (accept/reject/retype/link/add). */
  span?: { start: number; end: number; text: string };
  /** Entity id: the mention's entity, or the entity acted on (set-country, merge source, entity-level retype). */
  entity?: string;
  /** New type (retype), type of a new entity (add), or the merged entity's type (merge: the survivor's). */
  type?: EntityType;
  /** link/add → existing entity id; merge → entity to merge INTO. */
  target?: string;
  /** add (new entity name) / link (name if the target must be created) / merge (the name that survives). */
  name?: string;
  /** add (new entity) / set-country / merge (the country that survives). */
  country?: Country | null;
  /** Relation acted on (relation actions). */
  relation?: { subject: string; predicate: Predicate; object: string };
  /** retype-relation: the new predicate. */
  predicate?: Predicate;
  /** add-relation: the evidence span (usually the sentence). */
  evidence?: { start: number; end: number };
  /** undo: seq of the correction it reverts (same key; for an undo, its undo brings it back). */
  undoes?: number;
  /** A curator's pick: seq of the annotator's correction this one adopts (audit only; applies like any other). */
  adopts?: number;
  /** What the correction is about (see correctionKey); computed by the store, used for conflict detection. */
  key: string;
  /** Seq of the latest correction on this key the client had seen (0 or absent = none). */
  base?: number;
}

/** What a client sends to CorrectionStore.append: everything but the store-assigned fields. */
export type CorrectionInput = Omit<Correction, 'id' | 'seq' | 'at' | 'key'> & { who: string };

/** Result of applying corrections to one document's extraction. */
export interface ApplyResult {
  extraction: Extraction;
  /** Span corrections whose document text changed under them (not applied). */
  stale: Correction[];
}
