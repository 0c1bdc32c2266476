/**
 * Extraction worker (one of {@link ExtractionPool}'s threads): loads the ontology once, then
 * reads and extracts one document per message. Whatever a document does here — throws, recurses
 * too deep, loops, eats memory — costs this thread only: the pool terminates it and starts another.
 */
import { readFileSync, readlinkSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { readDocument } from '../corpus/read.js';
import { KgError } from '../errors.js';
import { loadOntology, type Ontology } from '../ontology/index.js';
import { extractDocument } from '../pipeline/index.js';
import { documentParts } from '../pipeline/parts.js';
import { ontologyInfo } from './info.js';
import type { WorkerJob, WorkerMessage } from './pool.js';

const port = parentPort!;
const post = (m: WorkerMessage) => port.postMessage(m);

/** This thread's Linux task id, so the pool can read its CPU time in /proc; undefined elsewhere. */
function threadId(): number | undefined {
  try {
    return Number(readlinkSync('/proc/thread-self').split('/').pop()) || undefined;
  } catch {
    return undefined;
  }
}

let ontology: Ontology;
try {
  ontology = await loadOntology((workerData as { ontology: string }).ontology);
  post({ type: 'ready', tid: threadId(), info: ontologyInfo(ontology) });
  port.on('message', (job: WorkerJob) => void run(job));
} catch (err) {
  post({ type: 'fatal', name: (err as Error).name, message: (err as Error).message });
}

/** This thread's CPU seconds (Linux), or undefined. */
function cpuSeconds(): number | undefined {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch {
    return undefined;
  }
}

async function run(job: WorkerJob): Promise<void> {
  const t0 = performance.now();
  const c0 = cpuSeconds();
  const times = () => {
    const c1 = cpuSeconds();
    return { secs: (performance.now() - t0) / 1000, ...(c0 !== undefined && c1 !== undefined ? { cpuSecs: c1 - c0 } : {}) };
  };
  try {
    if (job.part) {
      post({ type: 'done', id: job.id, extraction: extractDocument(job.part.doc, ontology, { part: job.part.later }), ...times() });
      return;
    }
    const doc = await readDocument(job.file, job.read);
    // An unchanged document the caller already extracted: its text is needed, not a second extraction.
    if (job.cachedSha === doc.sha256) return post({ type: 'done', id: job.id, doc, ...times() });
    // a huge one goes back in parts for the pool's threads to extract side by side
    const parts = job.split ? documentParts(doc.clean, job.split.most, ontology.lex.abbreviations, job.split.minPart) : [];
    if (parts.length > 1) return post({ type: 'done', id: job.id, doc, parts, ...times() });
    post({ type: 'done', id: job.id, doc, extraction: extractDocument(doc, ontology), ...times() });
  } catch (err) {
    const message = err instanceof KgError ? err.message : `${job.read.displayPath}: skipped: internal error (${(err as Error)?.message?.split('\n')[0] ?? String(err)})`;
    post({ type: 'done', id: job.id, error: message, ...times() });
  }
}
