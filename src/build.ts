/**
 * The whole build: read the corpus, load the ontology, extract every document, re-apply the
 * annotators' corrections (they win over rules), assemble and analyse the graph.
 */
import { CorrectionStore } from './annotate/store.js';
import { applyCorrections } from './annotate/apply.js';
import type { Correction } from './annotate/types.js';
import { listCorpus, readDocument, type CorpusEntry, type FileError } from './corpus/index.js';
import { DocumentError, KgError } from './errors.js';
import { buildGraph, documentInfo, type DocumentInfo, type KgGraph } from './graph/build.js';
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
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
  /** raw extractions by document name and sha256, reused across builds (the server keeps one; clear it when the ontology changes) */
  extractCache?: Map<string, Extraction>;
  /** an ontology already loaded (skips loading `ontology`) */
  loadedOntology?: Ontology;
  onProgress?: (done: number, total: number, name: string) => void;
  /** worker threads (default: 1 for corpora under 4 MB or 8 files, else one per core, at most 4); documents' text is not kept with workers */
  workers?: number;
  /** keep documents' text in the result (default true; the server needs it, `kg build` does not) */
  keepText?: boolean;
  /** read links that point outside the corpus directory (default false: reported and skipped) */
  followSymlinks?: boolean;
}

/** What a build produces. */
export interface BuildResult {
  graph: KgGraph;
  /** the read documents with their text (empty when `keepText` is false) */
  documents: Document[];
  extractions: Extraction[];
  errors: FileError[];
  /** corrections that no longer fit their document (changed text) */
  stale: Correction[];
  ontology: Ontology;
  /** things worth a line that skipped nothing (a torn last line in corrections.jsonl) */
  warnings: string[];
}

/** Load the corrections of a data directory (none when the directory has no log yet); `onWarning` hears about a torn last line. */
export async function loadCorrections(data: string, onWarning?: (message: string) => void): Promise<Correction[]> {
  const store = await CorrectionStore.open(data, { onWarning });
  return store.list();
}

/** Cache key of a document's raw extraction: name and content, as two files with the same text are still two documents. */
export function extractCacheKey(doc: { name: string; sha256: string }): string {
  return `${doc.name}\0${doc.sha256}`;
}

/** Extract one read document and apply the corrections that concern it. */
export function extractWithCorrections(doc: Document, ontology: Ontology, corrections: Correction[], cache?: Map<string, Extraction>): { extraction: Extraction; stale: Correction[] } {
  const key = extractCacheKey(doc);
  let raw = cache?.get(key);
  if (!raw) {
    raw = extractDocument(doc, ontology);
    cache?.set(key, raw);
  }
  return corrections.length ? applyCorrections(doc, raw, corrections) : { extraction: raw, stale: [] };
}

/** Build the project's graph. Bad documents become `errors`; the rest still build. */
export async function buildProject(opts: BuildOptions): Promise<BuildResult> {
  const ontology = opts.loadedOntology ?? (await loadOntology(opts.ontology ?? 'ontology'));
  const warnings: string[] = [];
  const corrections = opts.corrections === false ? [] : await loadCorrections(opts.data ?? 'data', (w) => warnings.push(w));
  const listing = await listCorpus(opts.corpus, { followSymlinks: opts.followSymlinks });
  const files = listing.entries;
  const root = opts.followSymlinks ? undefined : listing.root;
  const documents: Document[] = [];
  const infos: DocumentInfo[] = [];
  const extractions: Extraction[] = [];
  const errors: FileError[] = [...listing.errors];
  const stale: Correction[] = [];
  // workers only ever run for `kg build` (no text kept, ontology loaded by each worker): the server's
  // rebuilds must not stat the whole corpus to size a pool they cannot use
  const canUseWorkers = opts.keepText === false && !opts.loadedOntology;
  const workers = canUseWorkers ? (opts.workers ?? (await autoWorkers(files))) : 1;
  if (workers > 1) {
    await inWorkers(files, root, workers, opts, corrections, { documents: infos, extractions, errors, stale });
  } else {
    let done = 0;
    for (const entry of files) {
      const shown = entry.shown;
      try {
        const doc = await readDocument(entry.file, { displayPath: shown, name: entry.name, id: entry.id, root, maxBytes: opts.maxBytes });
        const result = extractWithCorrections(doc, ontology, corrections, opts.extractCache);
        if (opts.keepText === false) infos.push(documentInfo(doc, result.extraction));
        else documents.push(doc);
        extractions.push(result.extraction);
        stale.push(...result.stale);
      } catch (err) {
        if (!(err instanceof KgError)) throw err;
        errors.push({ file: shown, message: err.message });
      }
      opts.onProgress?.(++done, files.length, shown);
    }
  }
  const graph = buildGraph([...documents, ...infos], extractions, { layout: opts.layout, curated: ontology.entities });
  return { graph, documents, extractions, errors, stale, ontology, warnings };
}

export { DocumentError };

/** One thread for small corpora (worker start-up costs more than it saves), two cores' worth above 4 MB. */
async function autoWorkers(files: CorpusEntry[]): Promise<number> {
  if (files.length < 8 || !import.meta.url.endsWith('.js')) return 1;
  let bytes = 0;
  for (const f of files) bytes += (await stat(f.file).catch(() => ({ size: 0 }))).size;
  return bytes > 4 * 1048576 ? Math.max(1, Math.min(availableParallelism(), 4)) : 1;
}

/** Extract in worker threads; results are put back in file order so the graph is the same as with one thread. */
async function inWorkers(files: CorpusEntry[], root: string | undefined, n: number, opts: BuildOptions, corrections: Correction[], out: { documents: DocumentInfo[]; extractions: Extraction[]; errors: FileError[]; stale: Correction[] }): Promise<void> {
  const slots: ({ info: DocumentInfo; extraction: Extraction } | { error: FileError } | undefined)[] = new Array(files.length);
  const jobs = Array.from({ length: n }, () => [] as (CorpusEntry & { index: number })[]);
  const shown = files.map((f) => f.shown);
  files.forEach((entry, index) => jobs[index % n]!.push({ ...entry, index }));
  const script = fileURLToPath(new URL('./build-worker.js', import.meta.url));
  let done = 0;
  await Promise.all(
    jobs.map(
      (job) =>
        new Promise<void>((resolve, reject) => {
          const worker = new Worker(script, { workerData: { files: job, root, ontology: opts.ontology ?? 'ontology', corrections, maxBytes: opts.maxBytes } });
          worker.on('message', (msg: { index: number; info?: DocumentInfo; extraction?: Extraction; stale?: Correction[]; error?: FileError; fatal?: string }) => {
            if (msg.fatal) return reject(new Error(msg.fatal));
            slots[msg.index] = msg.error ? { error: msg.error } : { info: msg.info!, extraction: msg.extraction! };
            if (msg.stale) out.stale.push(...msg.stale);
            opts.onProgress?.(++done, files.length, shown[msg.index]!);
          });
          worker.on('error', reject);
          worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`build worker exited with ${code}`))));
        }),
    ),
  );
  for (const slot of slots) {
    if (!slot) continue;
    if ('error' in slot) out.errors.push(slot.error);
    else {
      out.documents.push(slot.info);
      out.extractions.push(slot.extraction);
    }
  }
}
