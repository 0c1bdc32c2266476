/** The actions of `kg build` and `kg extract` (registered in src/cli.ts): progress, output, one line per skipped document. */
import { realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname } from 'node:path';
import { applyCorrections } from '../annotate/apply.js';
import { nameUnder } from '../corpus/index.js';
import { EXIT, UsageError } from '../errors.js';
import { ExtractionPool } from './pool.js';
import { displayPath } from '../util/paths.js';
import { printable } from '../util/terminal.js';
import { mkdirp } from '../util/mkdir.js';

/** Options of the build command. */
export interface BuildCommandOptions {
  out: string;
  format: string;
  ontology: string;
  data: string;
  corrections: boolean;
  layout: boolean;
  maxBytes: number;
  followSymlinks?: boolean;
  /** CPU seconds per document */
  timeout?: number;
  quiet?: boolean;
  workers?: string;
}

const say = (line: string) => process.stderr.write(`kg: ${printable(line)}\n`);

/** Run `kg build`; returns the exit code (2 when a document was skipped; the graph is written either way). */
export async function buildCommand(corpus: string, opts: BuildCommandOptions): Promise<number> {
  if (!['json', 'gexf', 'graphml'].includes(opts.format)) throw new UsageError(`--format must be json, gexf or graphml (got '${opts.format}')`);
  const started = performance.now();
  // the graph's modules load only for kg build (kg extract starts its worker sooner without them)
  const [{ default: cliProgress }, { buildProject }, { toGexf, toGraphml, toJson }] = await Promise.all([import('cli-progress'), import('../build.js'), import('../graph/export.js')]);
  const bar = !opts.quiet && process.stderr.isTTY ? new cliProgress.SingleBar({ format: 'extracting {bar} {value}/{total} {file}', stream: process.stderr, hideCursor: true, clearOnComplete: true }, cliProgress.Presets.shades_classic) : undefined;
  let startedBar = false;
  const result = await buildProject({
    corpus, ontology: opts.ontology, data: opts.data, corrections: opts.corrections, layout: opts.layout, maxBytes: opts.maxBytes, keepText: false,
    timeout: opts.timeout,
    followSymlinks: opts.followSymlinks,
    workers: opts.workers ? Math.max(1, Number(opts.workers) || 1) : undefined,
    onProgress: (done, total, file) => {
      if (bar && !startedBar) (bar.start(total, 0, { file: printable(file) }), (startedBar = true));
      bar?.update(done, { file: printable(file) });
    },
  });
  bar?.stop();
  const { graph, errors, stale } = result;
  const body = opts.format === 'gexf' ? toGexf(graph) : opts.format === 'graphml' ? toGraphml(graph) : toJson(graph);
  await writeAtomically(opts.out, body);
  for (const w of result.warnings) say(`warning: ${w}`);
  for (const e of errors) say(e.message);
  for (const c of stale) say(`correction #${c.seq} (${c.action} in ${c.doc}) no longer fits the document; not applied`);
  if (!opts.quiet) {
    const byType = new Map<string, number>();
    const byPred = new Map<string, number>();
    graph.forEachNode((_n, a) => a.nodeType === 'entity' && byType.set(a.type, (byType.get(a.type) ?? 0) + 1));
    graph.forEachEdge((_e, a) => a.edgeType === 'relation' && byPred.set(a.predicate, (byPred.get(a.predicate) ?? 0) + 1));
    const fmt = (m: Map<string, number>) => [...m].sort().map(([k, v]) => `${k} ${v}`).join(', ') || 'none';
    const secs = ((performance.now() - started) / 1000).toFixed(2);
    const shared = result.ontologyInfo?.warnings ?? [];
    process.stderr.write(
      `documents: ${result.extractions.length} built, ${errors.length} failed\n` +
      (shared.length ? `ontology:  ${shared.length} alias${shared.length > 1 ? 'es' : ''} shared on purpose (declared ambiguous): ${shared.map((w) => /alias ("[^"]*")/.exec(w)?.[1] ?? w).join(', ')}\n` : '') +
      `entities:  ${[...byType.values()].reduce((a, b) => a + b, 0)} (${fmt(byType)})\n` +
      `relations: ${[...byPred.values()].reduce((a, b) => a + b, 0)} (${fmt(byPred)})\n` +
      `wrote ${printable(opts.out)} (${opts.format}) in ${secs}s\n`,
    );
  }
  return errors.length ? EXIT.SKIPPED : EXIT.OK;
}

/** Write beside, then rename: a failed or interrupted write never leaves a half-written graph. */
async function writeAtomically(out: string, body: string): Promise<void> {
  await mkdirp(dirname(out));
  const tmp = `${out}.${process.pid}.tmp`;
  try {
    await writeFile(tmp, body);
    await rename(tmp, out);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

/** Options of the extract command. */
export interface ExtractCommandOptions {
  ontology: string;
  /** documents under this directory are named by their path relative to it */
  corpus?: string;
  data?: string;
  pretty?: boolean;
  maxBytes?: number;
  /** CPU seconds per document */
  timeout?: number;
}

/**
 * Run `kg extract`; returns the exit code. A file named on the command line that does not exist
 * is a usage error (exit 1, nothing extracted), as a missing corpus is for `kg build`; a document
 * that exists but cannot be read or extracted is skipped (exit 2, the others still printed).
 */
export async function extractCommand(files: string[], opts: ExtractCommandOptions): Promise<number> {
  const missing: string[] = [];
  for (const f of files) {
    const s = await stat(f).catch((err: NodeJS.ErrnoException) => err.code ?? 'error');
    if (typeof s === 'string') missing.push(`${displayPath(f)}: cannot read (${s})`);
  }
  if (missing.length) throw new UsageError(missing.length === 1 ? missing[0]! : `${missing[0]} (and ${missing.length - 1} more)`);
  const corrections = opts.data ? await (await import('../build.js')).loadCorrections(opts.data, (w) => say(`warning: ${w}`)) : [];
  const root = await realpath(opts.corpus ?? 'corpus').catch(() => undefined);
  // Each document read and extracted in a worker with a CPU budget, as kg build does; one at a
  // time, but a huge one in parts on up to four cores, as kg build (src/pipeline/parts.ts: a second worker starts only then)
  const pool = new ExtractionPool({ ontology: opts.ontology, timeoutS: opts.timeout, size: Math.min(availableParallelism(), 4) });
  let failed = 0;
  try {
    const reals = await Promise.all(files.map((f) => realpath(f)));
    const start = (i: number) => pool.run(files[i]!, { displayPath: displayPath(files[i]!), name: (root && nameUnder(root, reals[i]!)) || undefined, maxBytes: opts.maxBytes });
    let next = files.length ? start(0) : undefined;
    for (let i = 0; i < files.length; i++) {
      const result = await next!;
      if (i + 1 < files.length) {
        // the worker starts on the next document (posted in the pool's next microtask) while this one is written out
        next = start(i + 1);
        await Promise.resolve();
      }
      if ('error' in result) {
        say(result.error);
        failed++;
        continue;
      }
      const { extraction } = corrections.length ? applyCorrections(result.doc, result.extraction!, corrections) : { extraction: result.extraction! };
      if (opts.pretty) {
        process.stdout.write(`${printable(extraction.doc)}\n`);
        for (const e of extraction.entities) process.stdout.write(`  ${e.type.padEnd(12)} ${printable(e.name)} [${e.country ?? '-'}] ${e.status} ×${e.mentions.length}\n`);
        for (const r of extraction.relations) process.stdout.write(`  ${r.subject} ${r.predicate} ${r.object} (${r.rule})\n`);
      } else process.stdout.write(JSON.stringify(extraction) + '\n');
    }
  } finally {
    await pool.close();
  }
  return failed ? EXIT.SKIPPED : EXIT.OK;
}
