// GET /api/ontology: the classes and which predicates relations.yaml allows between them (the viewer offers only those).
import type { FastifyInstance } from 'fastify';
import { ENTITY_TYPES } from '../../types.js';
import type { RelationSchema } from '../api-types.js';
import type { ServerContext } from '../context.js';

/** Registers the ontology route. */
export function ontologyRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get('/api/ontology', async () => {
    let relations = ctx.project.builtOntology()?.relations;
    if (!relations) {
      const { loadOntologyData } = await import('../../ontology/load.js');
      relations = (await loadOntologyData(ctx.ontology)).relations;
    }
    const out: RelationSchema[] = [...relations.values()].map((r) => ({
      name: r.name, domain: [...r.domain], range: [...r.range], symmetric: r.symmetric, ...(r.description ? { description: r.description } : {}),
    }));
    return { classes: ENTITY_TYPES, relations: out };
  });
}
