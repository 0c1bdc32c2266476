// Serves the built viewer (dist/viewer) with an SPA fallback, or a placeholder when it is not built.
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const PLACEHOLDER = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>kg</title></head>
<body><h1>kg</h1><p>viewer not built: run <code>npm run build:viewer</code></p>
<p>The API is up: <a href="/api/health">/api/health</a>, <a href="/api/graph">/api/graph</a>, <a href="/api/documents">/api/documents</a>.</p>
</body></html>
`;

/** dist/viewer of the kg package (found from this file, so it works from src/ under tsx and from dist/). */
export function defaultViewerDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return join(dir, 'dist', 'viewer');
    const up = dirname(dir);
    if (up === dir) return resolve('dist/viewer');
    dir = up;
  }
}

/**
 * Registers the viewer. `wildcard: false` makes @fastify/static list the built files once at
 * start and route exactly those, so no request path is ever resolved against the disk.
 * Unknown /api paths get a JSON 404; unknown page-like paths (no dot, no escapes) get
 * index.html so deep links work; anything else is a 404.
 */
export async function registerViewer(app: FastifyInstance, viewerDir: string): Promise<void> {
  const built = existsSync(join(viewerDir, 'index.html'));
  if (built) {
    await app.register(fastifyStatic, { root: resolve(viewerDir), wildcard: false, serveDotFiles: false });
  } else {
    app.get('/', async (_req, reply) => reply.type('text/html; charset=utf-8').send(PLACEHOLDER));
  }
  app.setNotFoundHandler(async (req, reply) => {
    const path = req.url.split('?')[0];
    const pageLike = (req.method === 'GET' || req.method === 'HEAD') && /^\/(?!api(\/|$))[A-Za-z0-9_\-/]*$/.test(path);
    if (pageLike) {
      return built ? reply.header('cache-control', 'no-cache').sendFile('index.html') : reply.type('text/html; charset=utf-8').send(PLACEHOLDER);
    }
    return reply.code(404).send({ error: 'not-found', message: `${req.method} ${path}: no such route` });
  });
}
