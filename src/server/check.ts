// Checks a correction's spans against the loaded document before it reaches the log.
import type { CorrectionInput } from '../annotate/types.js';
import { ValidationError } from '../errors.js';
import type { Document } from '../types.js';

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
