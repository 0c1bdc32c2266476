// What the document view shows of one document: its extraction with the log applied now, layout, sentences.
import { applyCorrections } from '../../annotate/apply.js';
import type { Correction } from '../../annotate/types.js';
import { documentLayout, type DocumentLayout } from '../../corpus/layout.js';
import { splitSentences } from '../../pipeline/sentences.js';
import type { Document, Extraction } from '../../types.js';
import type { LoadedDocument, Project } from '../project.js';

/** The corrected extraction of a document as of the log right now (the graph may still be rebuilding). */
export interface DocumentView {
  extraction: Extraction;
  /** Corrections of this document whose text moved away (not applied). */
  stale: Correction[];
}

const derived = new Map<string, { layout: DocumentLayout; sentences: [number, number][] }>();
const keyOf = (doc: Document) => `${doc.name}\0${doc.sha256}`;

/**
 * The rules' extraction before corrections, as the build sent it with the document (the build
 * thread extracts; this thread never runs the pipeline on a document), else the build's own (a
 * build that reports none applies nothing we could undo).
 */
async function raw(project: Project, loaded: LoadedDocument): Promise<Extraction> {
  return project.rawExtraction(loaded.doc.name) ?? loaded.extraction;
}

/** The document's extraction with every correction of `log` applied (what the next build will give it). */
export async function documentView(project: Project, loaded: LoadedDocument, log: Correction[]): Promise<DocumentView> {
  return applyCorrections(loaded.doc, await raw(project, loaded), log);
}

/** Display layout and sentence spans of a document, computed once per content. */
export function documentShape(project: Project, doc: Document): { layout: DocumentLayout; sentences: [number, number][] } {
  const hit = derived.get(keyOf(doc));
  if (hit) return hit;
  const abbreviations = project.builtOntology()?.lex.abbreviations ?? new Set<string>();
  const shape = {
    layout: documentLayout(doc),
    sentences: splitSentences(doc.clean, abbreviations).map((s): [number, number] => [s.start, s.end]),
  };
  if (derived.size > 256) derived.clear();
  derived.set(keyOf(doc), shape);
  return shape;
}
