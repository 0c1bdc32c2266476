// GET /api/documents and /api/documents/:name — names are looked up, never turned into paths.
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.js';

/** Registers the document routes. */
export function documentRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { project, store } = ctx;

  app.get('/api/documents', async () =>
    project.documents().map((d) => ({ name: d.name, id: d.id, title: d.title, sha256: d.sha256, length: d.text.length })));

  app.get<{ Params: { name: string } }>('/api/documents/:name', async (req, reply) => {
    // Only names of loaded documents resolve: `../package.json`, `/etc/passwd`, `..\\x` are just unknown names.
    const loaded = project.document(req.params.name);
    if (!loaded) return reply.code(404).send({ error: 'not-found', message: `no document named ${JSON.stringify(req.params.name)}` });
    const { doc, extraction } = loaded;
    await store.refresh();
    return {
      name: doc.name, id: doc.id, title: doc.title, format: doc.format, sha256: doc.sha256, text: doc.text,
      extraction, corrections: store.list({ doc: doc.name }),
    };
  });
}
