// Shared test helpers for the annotate tests (temp dirs, sample inputs).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CorrectionInput } from '../../src/annotate/types.js';

/** A fresh temp dir. */
export function _tmp(prefix = 'kg-annotate-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** An accept of span [start, start+text.length) in doc. */
export function _accept(doc: string, start: number, text: string, extra: Partial<CorrectionInput> = {}): CorrectionInput {
  return { who: 'ana', action: 'accept', doc, span: { start, end: start + text.length, text }, ...extra };
}

import { createHash } from 'node:crypto';
import type { Document, Entity, Extraction, Mention } from '../../src/types.js';
import type { Correction } from '../../src/annotate/types.js';
import { correctionKey } from '../../src/annotate/key.js';

/** A Document over `text` named `name`. */
export function _doc(text: string, name = 'd.txt'): Document {
  return {
    id: `doc:${name.replace(/\.[^.]+$/, '')}`, name, path: name, format: 'txt', title: name, text, clean: text,
    sha256: createHash('sha256').update(text).digest('hex'),
  };
}

/** A mention of the first (or nth) occurrence of `needle` in `text`. */
export function _m(text: string, needle: string, nth = 0, rule = 'test'): Mention {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  if (at < 0) throw new Error(`_m: ${needle} not in text`);
  return { start: at, end: at + needle.length, text: needle, rule, status: 'inferred' };
}

/** An inferred entity. */
export function _e(id: string, type: Entity['type'], name: string, mentions: Mention[], extra: Partial<Entity> = {}): Entity {
  return { id, type, name, aliases: [], country: null, status: 'inferred', mentions, ...extra };
}

/** Stored corrections from inputs: seq in order, key computed. */
export function _log(...inputs: Partial<Correction>[]): Correction[] {
  const out: Correction[] = [];
  inputs.forEach((c, i) => {
    const full = { who: 'ana', id: `c${i + 1}`, seq: i + 1, at: '2024-01-01T00:00:00.000Z', ...c } as Correction;
    // an undo is about what it reverts (its doc too, as the store fills it in)
    const target = full.action === 'undo' ? out[full.undoes! - 1] : undefined;
    out.push({ ...full, ...(target?.doc ? { doc: target.doc } : {}), key: correctionKey(full, (n) => out[n - 1]?.key) });
  });
  return out;
}

export type { Extraction };
