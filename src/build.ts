/**
 * The whole build: read the corpus, load the ontology, extract every document, re-apply the
 * annotators' corrections (they win over rules), assemble and analyse the graph.
 */
import { relative } from 'node:path';
import { CorrectionStore } from './annotate/store.js';
import { applyCorrections } from './annotate/apply.js';
import type { Correction } from './annotate/types.js';
import { listCorpus, readDocument, type FileError } from './corpus/index.js';
import { DocumentError, KgError } from './errors.js';
import { buildGraph, type KgGraph } from './graph/build.js';
import { loadOntology, type Ontology } from './ontology/index.js';
import { extractDocument } from './pipeline/index.js';
import type { Document, Extraction } from './types.js';

export type { KgGraph } from './graph/build.js';

/** Options of {@link buildProject}. */
export interface BuildOptions {
  corpus: string;
  /** ontology directory (default `ontology`) */
  ontology?: string;
  /** data directory holding corrections.jsonl (default `data`) */
  data?: string;
  /** apply the annotators' corrections (default true) */
  corrections?: boolean;
  /** compute the ForceAtlas2 layout (default true) */
  layout?: boolean;
  /** largest document in bytes */
  maxBytes?: number;
  /** raw extractions by document sha256, reused across builds (the server keeps one; clear it when the ontology changes) */
  extractCache?: Map<string, Extraction>;
  /** an ontology already loaded (skips loading `ontology`) */
  loadedOntology?: Ontology;
  onProgress?: (done: number, total: number, name: string) => void;
}

/** What a build produces. */
export interface BuildResult {
  graph: KgGraph;
  documents: Document[];
  extractions: Extraction[];
  errors: FileError[];
  /** corrections that no longer fit their document (changed text) */
  stale: Correction[];
  ontology: Ontology;
}

/** Load the corrections of a data directory (none when the directory has no log yet). */
export async function loadCorrections(data: string): Promise<Correction[]> {
  const store = await CorrectionStore.open(data);
  return store.list();
}

/** Extract one read document and apply the corrections that concern it. */
export function extractWithCorrections(doc: Document, ontology: Ontology, corrections: Correction[], cache?: Map<string, Extraction>): { extraction: Extraction; stale: Correction[] } {
  let raw = cache?.get(doc.sha256);
  if (!raw) {
    raw = extractDocument(doc, ontology);
    cache?.set(doc.sha256, raw);
  }
  return corrections.length ? applyCorrections(doc, raw, corrections) : { extraction: raw, stale: [] };
}

/** Build the project's graph. Bad documents become `errors`; the rest still build. */
export async function buildProject(opts: BuildOptions): Promise<BuildResult> {
  const ontology = opts.loadedOntology ?? (await loadOntology(opts.ontology ?? 'ontology'));
  const corrections = opts.corrections === false ? [] : await loadCorrections(opts.data ?? 'data');
  const files = await listCorpus(opts.corpus);
  const documents: Document[] = [];
  const extractions: Extraction[] = [];
  const errors: FileError[] = [];
  const stale: Correction[] = [];
  let done = 0;
  for (const file of files) {
    const shown = relative(process.cwd(), file) || file;
    try {
      const doc = await readDocument(file, { displayPath: shown, maxBytes: opts.maxBytes });
      const result = extractWithCorrections(doc, ontology, corrections, opts.extractCache);
      documents.push(doc);
      extractions.push(result.extraction);
      stale.push(...result.stale);
    } catch (err) {
      if (!(err instanceof KgError)) throw err;
      errors.push({ file: shown, message: err.message });
    }
    opts.onProgress?.(++done, files.length, shown);
  }
  const graph = buildGraph(documents, extractions, { layout: opts.layout });
  return { graph, documents, extractions, errors, stale, ontology };
}

export { DocumentError };
