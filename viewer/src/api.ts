// HTTP API client (contract in the team brief): graph, documents, corrections, promote, SSE events.
import type { SerializedGraph } from 'graphology-types';
import type { Extraction } from '../../src/types.ts';
import type { Correction, CorrectionInput } from '../../src/annotate/types.ts';
import type { Curation } from '../../src/annotate/curation.ts';
import type { DocumentLayout } from '../../src/corpus/layout.ts';
import type { DocumentSummary, RelationSchema } from '../../src/server/api-types.ts';

export type { Curation, DocumentSummary, RelationSchema };

/** GET /api/documents/:name: the extraction has the corrections log applied as of the request. */
export interface DocumentPayload {
  name: string; id: string; title: string; format: string; sha256: string; text: string;
  extraction: Extraction;
  /** Seqs of this document's corrections whose text moved away (not applied). */
  stale: number[];
  corrections: Correction[];
  layout: DocumentLayout;
  /** Sentence spans [start, end) (the evidence of a relation drawn between two spans). */
  sentences: [number, number][];
  version: number;
}

/** POST /api/corrections answer; `view` is the shown document corrected now (when asked with ?view=). */
export interface CorrectResult { correction: Correction; version: number; view?: { extraction: Extraction; stale: number[] } }

/** GET /api/ontology */
export interface OntologySchema { classes: string[]; relations: RelationSchema[] }

/** A non-2xx answer: `status` and the server's JSON body (409 carries `current`). */
export class ApiError extends Error {
  constructor(readonly status: number, readonly body: { error?: string; message?: string; current?: Correction }) {
    super(`${status}: ${body.message ?? body.error ?? 'request failed'}`);
    this.name = 'ApiError';
  }
}

async function json<T>(res: Response): Promise<T> {
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw new ApiError(res.status, body);
  return body as T;
}

function headers(): Record<string, string> {
  const h: Record<string, string> = { 'content-type': 'application/json' };
  const token = localStorage.getItem('kg.token');
  if (token) h.authorization = `Bearer ${token}`;
  return h;
}

export const api = {
  graph: () => fetch('/api/graph').then((r) => json<SerializedGraph>(r)),
  documents: () => fetch('/api/documents').then((r) => json<DocumentSummary[]>(r)),
  document: (name: string) => fetch(`/api/documents/${encodeURIComponent(name)}`).then((r) => json<DocumentPayload>(r)),
  corrections: (doc?: string) =>
    fetch(`/api/corrections${doc ? `?doc=${encodeURIComponent(doc)}` : ''}`).then((r) => json<Correction[]>(r)),
  correct: (input: CorrectionInput, view?: string) =>
    fetch(`/api/corrections${view ? `?view=${encodeURIComponent(view)}` : ''}`, { method: 'POST', headers: headers(), body: JSON.stringify(input) })
      .then((r) => json<CorrectResult>(r)),
  ontology: () => fetch('/api/ontology').then((r) => json<OntologySchema>(r)),
  curation: (doc: string, pair?: [string, string]) =>
    fetch(`/api/curation?doc=${encodeURIComponent(doc)}${pair ? `&a=${encodeURIComponent(pair[0])}&b=${encodeURIComponent(pair[1])}` : ''}`).then((r) => json<Curation>(r)),
  promote: (body: { type: string; name: string; alias?: string; country?: string | null; kind?: string; id?: string }) =>
    fetch('/api/promote', { method: 'POST', headers: headers(), body: JSON.stringify(body) })
      .then((r) => json<{ file: string; changed: boolean }>(r)),
};

/** Subscribe to `event: graph` on /api/events; EventSource reconnects by itself. Returns close(). */
export function onGraphEvent(fn: (version: number) => void): () => void {
  if (typeof EventSource === 'undefined') return () => {};
  const es = new EventSource('/api/events');
  es.addEventListener('graph', (e) => {
    try { fn(JSON.parse((e as MessageEvent).data).version); } catch { fn(NaN); }
  });
  return () => es.close();
}
