// GET /api/documents (the document list) and /api/documents/:name — names are looked up, never turned into paths.
import type { FastifyInstance } from 'fastify';
import { curate } from '../../annotate/curation.js';
import { effectiveByKey } from '../../annotate/history.js';
import type { Correction } from '../../annotate/types.js';
import type { Extraction } from '../../types.js';
import type { DocumentSummary } from '../api-types.js';
import type { ServerContext } from '../context.js';
import { documentShape, documentView } from './document-view.js';

/** One list row; `mine` is the document's own corrections (undos carry their target's doc). */
function summary(d: { name: string; id: string; title: string; format: string; sha256: string; text: string }, ex: Extraction, mine: Correction[]): DocumentSummary {
  const rejected = [...effectiveByKey(mine).values()].filter((c) => c.action === 'reject' && c.span).length;
  const mentions = ex.entities.reduce((n, e) => n + e.mentions.length, 0);
  const confirmed = ex.entities.reduce((n, e) => n + e.mentions.filter((m) => m.status === 'confirmed').length, 0);
  const cur = curate(mine, d.name);
  const kappa = cur.agreement?.decisions.kappa;
  return {
    name: d.name, id: d.id, title: d.title, format: d.format, sha256: d.sha256, length: d.text.length,
    entities: ex.entities.length, mentions, relations: ex.relations.length,
    reviewed: confirmed + rejected, reviewable: mentions + rejected,
    annotators: cur.annotators.map((a) => a.who),
    agreement: cur.a && cur.b && cur.agreement
      ? { a: cur.a, b: cur.b, f1: cur.agreement.spans.f1, kappa: Number.isFinite(kappa) ? kappa! : null, disagreements: cur.disagreements.length }
      : null,
  };
}

/** Registers the document routes. */
export function documentRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { project, store } = ctx;

  app.get('/api/documents', async () => {
    await store.refresh();
    // one pass over the log, not one per document
    const byDoc = new Map<string, Correction[]>();
    for (const c of store.list()) if (c.doc !== undefined) (byDoc.get(c.doc) ?? byDoc.set(c.doc, []).get(c.doc)!).push(c);
    return project.documents().map((d) => summary(d, project.document(d.name)?.extraction ?? { doc: d.name, entities: [], relations: [] }, byDoc.get(d.name) ?? []));
  });

  app.get<{ Params: { name: string } }>('/api/documents/:name', async (req, reply) => {
    // Only names of loaded documents resolve: `../package.json`, `/etc/passwd`, `..\\x` are just unknown names.
    const loaded = project.document(req.params.name);
    if (!loaded) return reply.code(404).send({ error: 'not-found', message: `no document named ${JSON.stringify(req.params.name)}` });
    const { doc } = loaded;
    await store.refresh();
    const log = store.list();
    const view = await documentView(project, loaded, log);
    const { layout, sentences } = documentShape(project, doc);
    return {
      name: doc.name, id: doc.id, title: doc.title, format: doc.format, sha256: doc.sha256, text: doc.text,
      extraction: view.extraction, stale: view.stale.map((c) => c.seq), corrections: store.list({ doc: doc.name }),
      layout, sentences, version: project.version,
    };
  });

  app.get<{ Querystring: { doc: string; a?: string; b?: string } }>('/api/curation', {
    schema: { querystring: { type: 'object', additionalProperties: false, required: ['doc'], properties: { doc: { type: 'string', minLength: 1, maxLength: 500 }, a: { type: 'string', minLength: 1, maxLength: 100 }, b: { type: 'string', minLength: 1, maxLength: 100 } } } },
  }, async (req, reply) => {
    if (!project.document(req.query.doc)) return reply.code(404).send({ error: 'not-found', message: `no document named ${JSON.stringify(req.query.doc)}` });
    await store.refresh();
    const { a, b } = req.query;
    return curate(store.list(), req.query.doc, a && b ? [a, b] : undefined);
  });
}
