// The action of `kg serve` (registered in src/cli.ts): parse the port, start, print the URL (and token), open a browser, stop on signals.
import { spawn } from 'node:child_process';
import { UsageError } from '../errors.js';
import { startServer } from './index.js';

/** `kg serve`'s options as commander parses them. */
export interface ServeCliOptions {
  corpus: string;
  data: string;
  ontology: string;
  host: string;
  port: string;
  token?: string;
  /** CPU seconds per document in every build and rebuild (as `kg build --timeout`) */
  timeout?: number;
  open?: boolean;
}

/** Starts the server and keeps it running until SIGINT/SIGTERM. */
export async function runServe(opts: ServeCliOptions): Promise<void> {
  const port = Number(opts.port);
  if (!/^\d+$/.test(opts.port) || port > 65535) throw new UsageError(`--port: expected 0..65535, got ${JSON.stringify(opts.port)}`);
  if (opts.token !== undefined && opts.token.length < 8) throw new UsageError('--token: use at least 8 characters');
  const t0 = performance.now();
  const server = await startServer({ corpus: opts.corpus, data: opts.data, ontology: opts.ontology, host: opts.host, port, token: opts.token, timeout: opts.timeout });
  // Stop cleanly on a signal from before the URL is printed: a supervisor that sends SIGTERM as soon
  // as it reads the URL must not find the default action (killed by the signal, no cleanup) in place.
  const stop = () => {
    process.stderr.write('kg serve: stopping\n');
    server.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  process.stderr.write(`kg serve: built graph v${server.project.version} (${server.project.documents().length} documents) in ${Math.round(performance.now() - t0)} ms\n`);
  process.stdout.write(`${server.url}\n`);
  if (server.token) process.stdout.write(`token: ${server.token}  (writes need "Authorization: Bearer ${server.token}")\n`);
  if (opts.open) openBrowser(server.url);
}

/** Opens `url` with the `open` package when installed, else xdg-open / open / explorer; failures are ignored. */
function openBrowser(url: string): void {
  // A variable specifier: `open` is optional and tsc must not need its types.
  const name = 'open';
  import(name)
    .then((m: { default: (u: string) => Promise<unknown> }) => m.default(url))
    .catch(() => {
      const cmd = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
      try {
        const child = spawn(cmd, [url], { stdio: 'ignore', detached: true });
        child.on('error', () => undefined);
        child.unref();
      } catch { /* no browser: the URL is printed */ }
    });
}
