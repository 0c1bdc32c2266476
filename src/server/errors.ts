// Maps errors to JSON replies: {error, message} with a one-line message, never a stack trace.
import type { FastifyError, FastifyInstance } from 'fastify';
import { ConflictError, KgError, ValidationError } from '../errors.js';

/** Installs the error and not-found handlers for /api (the viewer installs its own fallback). */
export function installErrorHandler(app: FastifyInstance, log: (line: string) => void): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();
    if (err.validation) {
      return reply.code(400).send({ error: 'invalid', message: oneLine(err.message) });
    }
    if (err instanceof ValidationError) return reply.code(400).send({ error: 'invalid', message: oneLine(err.message) });
    if (err instanceof ConflictError) return reply.code(409).send({ error: 'conflict', message: oneLine(err.message) });
    if (err instanceof KgError) return reply.code(422).send({ error: 'unprocessable', message: oneLine(err.message) });
    const status = err.statusCode ?? 500;
    if (status === 413) return reply.code(413).send({ error: 'too-large', message: oneLine(err.message) });
    if (status >= 400 && status < 500) {
      // Bad JSON, wrong content type, …: fastify's message is already user-facing.
      return reply.code(status).send({ error: status === 415 ? 'unsupported-media-type' : 'invalid', message: oneLine(err.message) });
    }
    log(`${req.method} ${req.url}: ${err.stack ?? err.message}`);
    return reply.code(500).send({ error: 'internal', message: 'internal server error (see the server log)' });
  });
}
