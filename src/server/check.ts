// Checks a correction's spans against the loaded document before it reaches the log.
import { correctionKey } from '../annotate/key.js';
import type { Correction, CorrectionInput } from '../annotate/types.js';
import { ValidationError } from '../errors.js';
import type { Document } from '../types.js';
import type { Project } from './project.js';
import { documentView } from './routes/document-view.js';

/**
 * The store knows the log, not the documents; the server knows both, so it refuses corrections
 * that name an unknown document or a span that is not the document's text (a client that saw an
 * older version of the file must reload rather than anchor a decision on text that is gone).
 * Throws ValidationError.
 */
export function checkAgainstDocument(input: CorrectionInput, doc: Document | undefined): void {
  if (input.doc === undefined) return;
  if (!doc) throw new ValidationError(`doc: no document named ${JSON.stringify(input.doc)}`);
  const len = doc.text.length;
  if (input.span) {
    const { start, end, text } = input.span;
    if (!(start < end && end <= len)) throw new ValidationError(`span: ${start}-${end} is not a span of ${doc.name} (length ${len})`);
    const actual = doc.text.slice(start, end);
    if (actual !== text) {
      throw new ValidationError(`span: ${start}-${end} of ${doc.name} is ${JSON.stringify(clip(actual))}, not ${JSON.stringify(clip(text))} (document changed? reload it)`);
    }
  }
  if (input.evidence) {
    const { start, end } = input.evidence;
    if (!(start < end && end <= len)) throw new ValidationError(`evidence: ${start}-${end} is not a span of ${doc.name} (length ${len})`);
  }
}

function clip(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

/**
 * An added relation is evidence in one document, so both ends must be entities of that document as
 * the next build will see it (rules plus the log, merges and added mentions included). One that
 * would never be applied is refused (ValidationError → 400) instead of being stored and ignored.
 */
export async function checkRelationEnds(project: Project, input: CorrectionInput, log: Correction[]): Promise<void> {
  if (input.action !== 'add-relation' || input.doc === undefined || !input.relation) return;
  const loaded = project.document(input.doc);
  if (!loaded) return; // checkAgainstDocument refused it already
  const probe: Correction = { ...input, id: 'probe', seq: Number.MAX_SAFE_INTEGER, at: '', key: correctionKey(input) };
  const { stale, extraction } = await documentView(project, loaded, [...log, probe]);
  if (!stale.includes(probe)) return;
  const ids = new Set(extraction.entities.map((e) => e.id));
  const missing = [input.relation.subject, input.relation.object].filter((id) => !ids.has(id));
  throw new ValidationError(`relation: ${missing.length ? missing.join(' and ') : `${input.relation.subject} or ${input.relation.object}`} ${missing.length > 1 ? 'are' : 'is'} not an entity of ${input.doc}; add a mention of it in this document first`);
}
