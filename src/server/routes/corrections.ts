// GET/POST /api/corrections and POST /api/promote: writes go through the store, then a rebuild.
import type { FastifyInstance } from 'fastify';
import { promoteToOntology, type PromoteInput } from '../../annotate/promote.js';
import { CorrectionConflictError } from '../../annotate/store.js';
import type { CorrectionInput } from '../../annotate/types.js';
import type { ServerContext } from '../context.js';
import { correctionBody, correctionPostQuery, correctionsQuery, promoteBody } from '../schemas.js';
import { documentView } from './document-view.js';
import { checkAgainstDocument, checkRelationEnds } from '../check.js';

/** Registers the correction and promote routes. */
export function correctionRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { project, store } = ctx;

  app.get<{ Querystring: { doc?: string } }>('/api/corrections', { schema: { querystring: correctionsQuery } },
    async (req) => {
      await store.refresh(); // lines another process (kg annotations import…) appended meanwhile
      return store.list(req.query.doc !== undefined ? { doc: req.query.doc } : undefined);
    });

  app.post<{ Body: CorrectionInput & { base: number }; Querystring: { view?: string } }>('/api/corrections', { schema: { body: correctionBody, querystring: correctionPostQuery } }, async (req, reply) => {
    const input = req.body;
    checkAgainstDocument(input, input.doc !== undefined ? project.document(input.doc)?.doc : undefined);
    await checkRelationEnds(project, input, store.list());
    try {
      const correction = await store.append(input);
      ctx.seen(correction.seq);
      // The version that will include this correction: clients wait for it on /api/events.
      const version = project.requestRebuild();
      // The shown document with the log applied now, so the annotator sees the change without waiting for the graph.
      const shown = req.query.view !== undefined ? project.document(req.query.view) : undefined;
      const view = shown ? await documentView(project, shown, store.list()) : undefined;
      return reply.code(201).send({ correction, version, ...(view ? { view: { extraction: view.extraction, stale: view.stale.map((c) => c.seq) } } : {}) });
    } catch (err) {
      if (!(err instanceof CorrectionConflictError)) throw err;
      // The loser of a race sees what won, so the annotator can decide again on top of it.
      return reply.code(409).send({ error: 'conflict', message: conflictMessage(err.message), current: err.current ?? store.latest(err.key) ?? null });
    }
  });

  // Promotions edit one YAML file read-modify-write: one at a time, or two would lose one.
  let promotions: Promise<unknown> = Promise.resolve();
  app.post<{ Body: PromoteInput }>('/api/promote', { schema: { body: promoteBody } }, async (req) => {
    const run = promotions.then(async () => {
      const result = await promoteToOntology(ctx.ontology, req.body);
      // The ontology changed: the cached one and every extraction made with it are out of date.
      if (result.changed) await project.reloadOntology();
      return result;
    });
    promotions = run.catch(() => undefined);
    const result = await run;
    // Rebuild so the entity shows as curated.
    const version = result.changed ? project.requestRebuild() : project.version;
    return { file: result.file, changed: result.changed, id: result.id, action: result.action, version };
  });
}

/** The store's message without its file path (`/srv/kg/data/corrections.jsonl: conflict on …` → `conflict on …`). */
function conflictMessage(message: string): string {
  return message.replace(/^.*?corrections\.jsonl: /, '');
}
