/** Extraction in the calling thread (kg eval): no worker, no budget — for trusted, known documents. */
import { applyCorrections } from '../annotate/apply.js';
import type { Correction } from '../annotate/types.js';
import type { Ontology } from '../ontology/index.js';
import { extractDocument } from '../pipeline/index.js';
import type { Document, Extraction } from '../types.js';

/** Extract one read document in this thread and apply the corrections that concern it. */
export function extractWithCorrections(doc: Document, ontology: Ontology, corrections: Correction[], cache?: Map<string, Extraction>): { extraction: Extraction; stale: Correction[] } {
  const key = `${doc.name}\0${doc.sha256}`;
  let raw = cache?.get(key);
  if (!raw) {
    raw = extractDocument(doc, ontology);
    cache?.set(key, raw);
  }
  return corrections.length ? applyCorrections(doc, raw, corrections) : { extraction: raw, stale: [] };
}
