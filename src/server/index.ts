// kg serve's programmatic API: startServer() builds the project and serves the API + viewer.
import Fastify, { type FastifyInstance } from 'fastify';
import type { AddressInfo } from 'node:net';
import { CorrectionStore } from '../annotate/store.js';
import { UsageError } from '../errors.js';
import type { ServerContext } from './context.js';
import { installErrorHandler } from './errors.js';
import { Project, type BuildFn } from './project.js';
import { correctionRoutes } from './routes/corrections.js';
import { documentRoutes } from './routes/documents.js';
import { graphRoutes } from './routes/graph.js';
import { ontologyRoutes } from './routes/ontology.js';
import { installSecurity, resolveToken } from './security.js';
import { EventHub } from './sse.js';
import { watchCorrections, watchSources } from './watch.js';
import { printable } from '../util/terminal.js';
import { defaultViewerDir, registerViewer } from './viewer.js';
import { mkdirp } from '../util/mkdir.js';

export type { BuildFn } from './project.js';

/** Options of {@link startServer}. */
export interface ServerOptions {
  /** Corpus directory. */
  corpus: string;
  /** Data directory (corrections.jsonl lives there). */
  data: string;
  /** Ontology directory, default `ontology`. */
  ontology?: string;
  /** Bind address, default 127.0.0.1. A non-loopback address turns the token on. */
  host?: string;
  /** Port, default 4747; 0 picks a free port. */
  port?: number;
  /** Token for writes; random when needed and not given. */
  token?: string;
  /** Require the token even on loopback (tests; `kg serve --token` on loopback). */
  requireToken?: boolean;
  /** Built viewer directory, default <package>/dist/viewer. */
  viewerDir?: string;
  /** CPU seconds one document may take to read and extract in a build or rebuild before it is skipped (`kg build --timeout`), default 120. */
  timeout?: number;
  /** Body size limit in bytes, default 1 MiB (larger bodies get 413). */
  bodyLimit?: number;
  /** Build function run in this thread (tests inject a stub); default: src/build.ts's buildProject in a worker thread. */
  build?: BuildFn;
  /** Rebuild when files under the corpus or ontology directory change (default true). */
  watch?: boolean;
  /** Where progress lines go, default stderr. */
  log?: (line: string) => void;
}

/** A running server. */
export interface RunningServer {
  /** Base URL, e.g. `http://127.0.0.1:4747/`. */
  url: string;
  /** The write token, when writes need one. */
  token?: string;
  app: FastifyInstance;
  /** Live project (version, documents, rebuilds): for tests and the bench. */
  project: Project;
  /** Ends event streams, stops listening, waits for a running rebuild. */
  close(): Promise<void>;
}

/**
 * Builds the project once, then serves the HTTP API (see the brief's "HTTP API contract") and
 * the viewer. Corrections are appended to `<data>/corrections.jsonl` and trigger coalesced
 * rebuilds; each rebuild bumps the graph version and sends `event: graph` to SSE clients.
 */
export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const host = opts.host ?? '127.0.0.1';
  const ontology = opts.ontology ?? 'ontology';
  // file names in what is logged (a failed rebuild's error, a torn line's file) may hold control characters
  const log = opts.log ?? ((line: string) => process.stderr.write(`kg serve: ${printable(line)}\n`));
  const token = resolveToken(host, opts.token, opts.requireToken);

  await mkdirp(opts.data);
  // One instance for the process: its queue keeps our own refreshes and appends apart.
  const store = await CorrectionStore.open(opts.data, { onWarning: log });
  // Without an injected build function every build runs in a worker thread, off this one.
  const project = await Project.load(opts.build, { corpus: opts.corpus, ontology, data: opts.data, ...(opts.timeout !== undefined ? { timeout: opts.timeout } : {}) }, log);
  const hub = new EventHub();
  project.onRebuild((version) => {
    const { stale, error } = project.state();
    hub.broadcast('graph', { version, ...(stale ? { stale, error } : {}) });
  });

  const app = Fastify({
    logger: false,
    bodyLimit: opts.bodyLimit ?? 1024 * 1024,
    // Wrong types are errors, not something to coerce; unknown fields are errors, not dropped.
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false, useDefaults: false, allErrors: false } },
  });
  // JSON only: a cross-site form can send text/plain without a CORS preflight, so refuse it outright.
  app.removeContentTypeParser('text/plain');
  const watcher = watchCorrections(opts.data, store, () => project.requestRebuild(), log);
  const stopSources = opts.watch === false ? () => undefined : watchSources([opts.corpus, ontology], () => project.requestRebuild(), log);
  const ctx: ServerContext = { project, store, hub, ontology, log, seen: watcher.seen };
  installSecurity(app, { host, token });
  installErrorHandler(app, log);
  graphRoutes(app, ctx);
  documentRoutes(app, ctx);
  correctionRoutes(app, ctx);
  ontologyRoutes(app, ctx);
  await registerViewer(app, opts.viewerDir ?? defaultViewerDir());
  app.addHook('preClose', async () => {
    watcher.stop();
    stopSources();
    hub.close();
  });

  try {
    await app.listen({ host, port: opts.port ?? 4747 });
  } catch (err) {
    await app.close().catch(() => undefined);
    await project.close();
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new UsageError(`${host}:${opts.port ?? 4747}: port in use (choose another with --port, 0 = any free port)`);
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw new UsageError(`--host ${host}: not an address of this machine`);
    throw err;
  }
  const addr = app.server.address() as AddressInfo;
  const shown = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  return {
    url: `http://${shown}:${addr.port}/`,
    token,
    app,
    project,
    async close() {
      await app.close();
      await project.close();
    },
  };
}
