/**
 * The whole build: list the corpus, read and extract every document in isolation (worker threads
 * with a CPU budget and a memory limit per document, see build/pool.ts), re-apply the annotators'
 * corrections (they win over rules), assemble and analyse the graph. A bad document is an error
 * line in the result; the build itself completes.
 */
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { CorrectionStore } from './annotate/store.js';
import { applyCorrections } from './annotate/apply.js';
import type { Correction } from './annotate/types.js';
import { ExtractionPool, type JobResult, type OntologyInfo } from './build/pool.js';
import { ontologyInfo } from './build/info.js';
import { listCorpus, type CorpusEntry, type FileError } from './corpus/index.js';
import { DocumentError } from './errors.js';
import { buildGraph, documentInfo, type DocumentInfo, type KgGraph } from './graph/build.js';
import type { Ontology } from './ontology/index.js';
import type { Document, Extraction } from './types.js';
import { pushAll } from './util/array.js';
import { SPLIT_MIN_CHARS } from './pipeline/parts.js';

export type { KgGraph } from './graph/build.js';
export { DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT_S, ExtractionPool } from './build/pool.js';

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
  /**
   * read documents by name with the file's identity (device, inode, size, mtime) when read: a file
   * unchanged since is not read again (the server keeps one across rebuilds; needs `extractCache`)
   */
  documentCache?: Map<string, { stamp: string; doc: Document }>;
  /** an ontology already loaded; kept for callers that pass one, the workers load `ontology` themselves */
  loadedOntology?: Ontology;
  onProgress?: (done: number, total: number, name: string) => void;
  /** worker threads (default: 1 for corpora under 4 MB or 8 files, else one per core, at most 4) */
  workers?: number;
  /** extraction workers to use (the server keeps one pool across rebuilds); default: a pool for this build */
  pool?: ExtractionPool;
  /** CPU seconds one document may take to read and extract before it is skipped (default 120) */
  timeout?: number;
  /** heap limit per worker in MB (default 2048) */
  memoryMb?: number;
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
  /** documents skipped, one line each (unreadable, outside the corpus, over budget…) */
  errors: FileError[];
  /** corrections that no longer fit their document (changed text) */
  stale: Correction[];
  /** the ontology, when the caller passed one in */
  ontology?: Ontology;
  /** what the workers' ontology says that other threads need (relations, abbreviations, countries' ISO codes) */
  ontologyInfo?: OntologyInfo;
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

// In-thread extraction (kg eval) is src/build/extract.ts, kept out of this module so that the
// threads which only orchestrate — kg build's main thread, the server's build thread — never load the pipeline.

/** Build the project's graph. Bad documents become `errors`; the rest still build. */
export async function buildProject(opts: BuildOptions): Promise<BuildResult> {
  const warnings: string[] = [];
  const corrections = opts.corrections === false ? [] : await loadCorrections(opts.data ?? 'data', (w) => warnings.push(w));
  const listing = await listCorpus(opts.corpus, { followSymlinks: opts.followSymlinks });
  const files = listing.entries;
  const root = opts.followSymlinks ? undefined : listing.root;
  const pool = opts.pool ?? new ExtractionPool({
    ontology: opts.ontology ?? 'ontology', size: opts.workers ?? (await autoWorkers(files)), timeoutS: opts.timeout, memoryMb: opts.memoryMb,
  });
  const cache = opts.extractCache;
  const names = new Set(files.map((f) => f.name));
  for (const name of opts.documentCache?.keys() ?? []) if (!names.has(name)) opts.documentCache!.delete(name);
  const cachedSha = new Map<string, string>();
  for (const key of cache?.keys() ?? []) cachedSha.set(key.slice(0, key.indexOf('\0')), key.slice(key.indexOf('\0') + 1));

  // Results land in file order whatever order the workers finish in, so the graph does not depend on timing.
  const slots: ({ doc: Document | DocumentInfo; extraction: Extraction } | { error: FileError } | undefined)[] = new Array(files.length);
  const stale: Correction[] = [];
  let done = 0;
  try {
    await Promise.all(files.map(async (entry: CorpusEntry, i) => {
      const result = await readOrReuse(entry, pool, { displayPath: entry.shown, name: entry.name, id: entry.id, root, maxBytes: opts.maxBytes }, cachedSha.get(entry.name), opts.documentCache, cache);
      if ('error' in result) slots[i] = { error: { file: entry.shown, message: result.error } };
      else {
        const { doc } = result;
        let raw = result.extraction ?? cache?.get(extractCacheKey(doc));
        if (!raw) throw new DocumentError(`${entry.shown}: extraction missing from the cache`); // cannot happen: cachedSha came from the cache
        cache?.set(extractCacheKey(doc), raw);
        const applied = corrections.length ? applyCorrections(doc, raw, corrections) : { extraction: raw, stale: [] };
        pushAll(stale, applied.stale);
        slots[i] = { doc: opts.keepText === false ? documentInfo(doc, applied.extraction) : doc, extraction: applied.extraction };
      }
      opts.onProgress?.(++done, files.length, entry.shown);
    }));
  } finally {
    if (!opts.pool) await pool.close();
  }
  const documents: (Document | DocumentInfo)[] = [];
  const extractions: Extraction[] = [];
  const errors: FileError[] = [...listing.errors];
  for (const slot of slots) {
    if (!slot) continue;
    if ('error' in slot) errors.push(slot.error);
    else {
      documents.push(slot.doc);
      extractions.push(slot.extraction);
    }
  }
  // With no document run, no worker loaded the ontology: load it here, so a broken one still fails the build.
  const info = pool.info() ?? (opts.loadedOntology ? ontologyInfo(opts.loadedOntology) : ontologyInfo(await (await import('./ontology/index.js')).loadOntology(opts.ontology ?? 'ontology')));
  const graph = buildGraph(documents, extractions, { layout: opts.layout, curated: new Map(info.curated) });
  return { graph, documents: opts.keepText === false ? [] : (documents as Document[]), extractions, errors, stale, ontology: opts.loadedOntology, ontologyInfo: info, warnings };
}

export { DocumentError };

/**
 * A document unchanged on disk since the last build (same device, inode, size and mtime, same name
 * and key) with its raw extraction cached is taken as it was; anything else is read and extracted
 * in the pool.
 */
async function readOrReuse(entry: CorpusEntry, pool: ExtractionPool, read: Parameters<ExtractionPool['run']>[1], cachedSha: string | undefined,
  docs: BuildOptions['documentCache'], cache: BuildOptions['extractCache']): Promise<JobResult> {
  if (!docs || !cache) return pool.run(entry.file, read, cachedSha);
  const st = await stat(entry.file).catch(() => undefined);
  const stamp = st ? `${st.dev}:${st.ino}:${st.size}:${st.mtimeMs}:${entry.id}` : '';
  const hit = docs.get(entry.name);
  if (st && hit?.stamp === stamp && cache.has(extractCacheKey(hit.doc))) return { doc: hit.doc };
  const result = await pool.run(entry.file, read, cachedSha);
  if ('doc' in result && stamp) docs.set(entry.name, { stamp, doc: result.doc });
  else docs.delete(entry.name);
  return result;
}

/**
 * One thread for small corpora (a second worker's start-up costs more than it saves), up to four
 * cores' worth above 4 MB, or when a document is big enough to be cut into parts (src/pipeline/parts.ts).
 */
async function autoWorkers(files: CorpusEntry[]): Promise<number> {
  let bytes = 0;
  let huge = false;
  for (const f of files) {
    const size = (await stat(f.file).catch(() => ({ size: 0 }))).size;
    bytes += size;
    huge ||= size >= SPLIT_MIN_CHARS;
  }
  return huge || (files.length >= 8 && bytes > 4 * 1048576) ? Math.max(1, Math.min(availableParallelism(), 4)) : 1;
}
