// GET /api/health, /api/graph and /api/events (SSE).
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.js';

/** Registers the graph routes. */
export function graphRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { project, hub } = ctx;

  // Answered from this thread's state only: builds run in a worker, so health stays fast while one runs.
  app.get('/api/health', async () => ({ ok: true, version: project.version, ...project.state() }));

  app.get('/api/graph', async (req, reply) => {
    // Start id + version name the graph (versions restart at 1 with the process), so a refetch of an
    // unchanged graph costs a 304 and a restarted server never answers 304 for another graph.
    const etag = `"${hub.startId}-v${project.version}"`;
    reply.header('etag', etag).header('cache-control', 'no-cache');
    if (req.headers['if-none-match'] === etag) return reply.code(304).send();
    return reply.type('application/json; charset=utf-8').send(project.graphJSON());
  });

  app.get('/api/events', (req, reply) => {
    hub.open(req, reply, project.version);
  });
}
