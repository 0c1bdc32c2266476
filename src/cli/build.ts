/** `kg build`: progress bar on a terminal, summary, one line per bad document, exit 2 when any failed. */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import cliProgress from 'cli-progress';
import { buildProject } from '../build.js';
import { UsageError } from '../errors.js';
import { toGexf, toGraphml, toJson } from '../graph/export.js';

/** Options of the build command. */
export interface BuildCommandOptions {
  out: string;
  format: string;
  ontology: string;
  data: string;
  corrections: boolean;
  layout: boolean;
  maxBytes: number;
  quiet?: boolean;
  workers?: string;
}

/** Run `kg build`; returns the exit code. */
export async function buildCommand(corpus: string, opts: BuildCommandOptions): Promise<number> {
  if (!['json', 'gexf', 'graphml'].includes(opts.format)) throw new UsageError(`--format must be json, gexf or graphml (got '${opts.format}')`);
  const started = performance.now();
  const bar = !opts.quiet && process.stderr.isTTY ? new cliProgress.SingleBar({ format: 'extracting {bar} {value}/{total} {file}', stream: process.stderr, hideCursor: true, clearOnComplete: true }, cliProgress.Presets.shades_classic) : undefined;
  let startedBar = false;
  const result = await buildProject({
    corpus, ontology: opts.ontology, data: opts.data, corrections: opts.corrections, layout: opts.layout, maxBytes: opts.maxBytes, keepText: false,
    workers: opts.workers ? Math.max(1, Number(opts.workers) || 1) : undefined,
    onProgress: (done, total, file) => {
      if (bar && !startedBar) (bar.start(total, 0, { file }), (startedBar = true));
      bar?.update(done, { file });
    },
  });
  bar?.stop();
  const { graph, errors, stale } = result;
  const body = opts.format === 'gexf' ? toGexf(graph) : opts.format === 'graphml' ? toGraphml(graph) : toJson(graph);
  await mkdir(dirname(opts.out), { recursive: true });
  // write beside, then rename: a failed or interrupted write never leaves a half-written graph
  const tmp = `${opts.out}.${process.pid}.tmp`;
  try {
    await writeFile(tmp, body);
    await rename(tmp, opts.out);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
  for (const e of errors) process.stderr.write(`kg: ${e.message}\n`);
  for (const c of stale) process.stderr.write(`kg: correction #${c.seq} (${c.action} in ${c.doc}) no longer fits the document; not applied\n`);
  if (!opts.quiet) {
    const byType = new Map<string, number>();
    const byPred = new Map<string, number>();
    graph.forEachNode((_n, a) => a.nodeType === 'entity' && byType.set(a.type, (byType.get(a.type) ?? 0) + 1));
    graph.forEachEdge((_e, a) => a.edgeType === 'relation' && byPred.set(a.predicate, (byPred.get(a.predicate) ?? 0) + 1));
    const fmt = (m: Map<string, number>) => [...m].sort().map(([k, v]) => `${k} ${v}`).join(', ') || 'none';
    const secs = ((performance.now() - started) / 1000).toFixed(2);
    process.stderr.write(
      `documents: ${result.extractions.length} built, ${errors.length} failed\n` +
      `entities:  ${[...byType.values()].reduce((a, b) => a + b, 0)} (${fmt(byType)})\n` +
      `relations: ${[...byPred.values()].reduce((a, b) => a + b, 0)} (${fmt(byPred)})\n` +
      `wrote ${opts.out} (${opts.format}) in ${secs}s\n`,
    );
  }
  return errors.length ? 2 : 0;
}
