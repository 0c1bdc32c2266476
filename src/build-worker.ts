/** Worker thread of `kg build` for large corpora: reads and extracts its share of the files. */
import { parentPort, workerData } from 'node:worker_threads';
import type { Correction } from './annotate/types.js';
import { extractWithCorrections } from './build.js';
import { readDocument } from './corpus/index.js';
import { KgError } from './errors.js';
import { loadOntology } from './ontology/index.js';
import { documentInfo } from './graph/build.js';

interface Job {
  files: { index: number; file: string; shown: string; name: string; id: string }[];
  root?: string;
  ontology: string;
  corrections: Correction[];
  maxBytes?: number;
}

const job = workerData as Job;
const ontology = await loadOntology(job.ontology);
for (const { index, file, shown, name, id } of job.files) {
  try {
    const doc = await readDocument(file, { displayPath: shown, name, id, root: job.root, maxBytes: job.maxBytes });
    const { extraction, stale } = extractWithCorrections(doc, ontology, job.corrections);
    parentPort!.postMessage({ index, info: documentInfo(doc, extraction), extraction, stale });
  } catch (err) {
    if (!(err instanceof KgError)) parentPort!.postMessage({ index, fatal: (err as Error).stack ?? String(err) });
    else parentPort!.postMessage({ index, error: { file: shown, message: err.message } });
  }
}
