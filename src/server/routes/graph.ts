// GET /api/health, /api/graph and /api/events (SSE).
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.js';

/** Registers the graph routes. */
export function graphRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { project, hub } = ctx;

  app.get('/api/health', async () => ({ ok: true, version: project.version, ...(project.lastError ? { error: project.lastError } : {}) }));

  app.get('/api/graph', async (req, reply) => {
    // The version names the graph, so a refetch of an unchanged graph costs a 304.
    const etag = `"v${project.version}"`;
    reply.header('etag', etag).header('cache-control', 'no-cache');
    if (req.headers['if-none-match'] === etag) return reply.code(304).send();
    return reply.type('application/json; charset=utf-8').send(project.graphJSON());
  });

  app.get('/api/events', (req, reply) => {
    hub.open(req, reply, project.version);
  });
}
