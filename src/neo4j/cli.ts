// kg/neo4j: the actions behind `kg load-neo4j`, `kg cypher` and `kg export neo4j-csv` (lazy-loaded).
import { SingleBar } from 'cli-progress';
import { UsageError } from '../errors.js';
import { connect, resolveTarget, type Neo4jTarget } from './connect.js';
import { exportNeo4jCsv } from './csv.js';
import { loadRows } from './load.js';
import { QUERIES, coerceAdHoc, getQuery, parseParamArgs, resolveParams, type NamedQuery } from './queries.js';
import { readGraphFile } from './read-graph.js';
import { graphToRows } from './rows.js';
import { formatTable, runQuery } from './run.js';

/** Connection options as commander parses them. */
export interface TargetOptions { uri?: string; user?: string; password?: string; database?: string }

function target(o: TargetOptions): Neo4jTarget {
  return resolveTarget({ uri: o.uri, user: o.user, password: o.password, database: o.database });
}

const write = (s: string): void => void process.stdout.write(s);

/** `kg load-neo4j [graph]`: constraints, batched MERGE load with a progress bar on stderr, counts on stdout. */
export async function loadNeo4jAction(graphPath: string, o: TargetOptions & { wipe?: boolean; prune?: boolean; batchSize?: string }): Promise<void> {
  const batchSize = o.batchSize === undefined ? undefined : Number(o.batchSize);
  if (batchSize !== undefined && (!Number.isInteger(batchSize) || batchSize < 1)) throw new UsageError(`--batch-size ${o.batchSize}: expected a positive integer`);
  const rows = graphToRows(await readGraphFile(graphPath), graphPath);
  const conn = await connect(target(o));
  const bar = new SingleBar({ stream: process.stderr, format: 'neo4j {bar} {percentage}% | {value}/{total} rows | {phase}', hideCursor: true }, undefined);
  let started = false;
  const t0 = performance.now();
  try {
    const result = await loadRows(conn, rows, {
      wipe: o.wipe, prune: o.prune, batchSize,
      onProgress: (done, total, phase) => {
        if (!started) { bar.start(total, 0, { phase }); started = true; }
        bar.update(done, { phase });
      },
    });
    if (started) bar.stop();
    const secs = (performance.now() - t0) / 1000;
    const lines = [`loaded ${graphPath} into ${conn.target.uri}${conn.target.database ? ` (${conn.target.database})` : ''} in ${secs.toFixed(1)} s`];
    lines.push(`nodes: ${Object.entries(result.nodes).map(([k, v]) => `${k} ${v}`).join(', ')}`);
    lines.push(`relationships: ${Object.entries(result.relationships).map(([k, v]) => `${k} ${v}`).join(', ')}`);
    write(`${lines.join('\n')}\n`);
  } finally {
    if (started) bar.stop();
    await conn.close();
  }
}

/** `kg cypher`: a library query (`--query NAME --param k=v`), `--list`, or any Cypher text. */
export async function cypherAction(text: string | undefined, o: TargetOptions & { query?: string; param?: string[]; json?: boolean; list?: boolean; write?: boolean }): Promise<void> {
  if (o.list) {
    const out = QUERIES.map((q) => `${q.name}\n  ${q.description}\n${q.params.map((p) => `  --param ${p.name}=<${p.type}>  ${p.description}${p.default !== undefined ? ` (default ${p.default})` : ''}`).join('\n')}`);
    write(o.json ? `${JSON.stringify(QUERIES, null, 2)}\n` : `${out.join('\n\n')}\n`);
    return;
  }
  if (o.query && text) throw new UsageError('cypher: give either --query NAME or a Cypher string, not both');
  if (!o.query && !text) throw new UsageError('cypher: give --query NAME (see --list) or a Cypher string');
  const raw = parseParamArgs(o.param ?? []);
  let cypher: string;
  let params: Record<string, unknown>;
  let named: NamedQuery | undefined;
  if (o.query) {
    named = getQuery(o.query);
    cypher = named.cypher;
    params = resolveParams(named, raw);
  } else {
    cypher = text as string;
    params = coerceAdHoc(raw);
  }
  const conn = await connect(target(o));
  try {
    const result = await runQuery(conn, cypher, params, { write: o.write });
    write(o.json ? `${JSON.stringify(result.rows, null, 2)}\n` : formatTable(result, named?.maxWidth === 0 ? Infinity : named?.maxWidth));
    // an empty answer says why (a name that matches nothing, a hop limit), on stderr so --json stays JSON
    if (named?.emptyNote && result.rows.length === 0) {
      const note = (await runQuery(conn, named.emptyNote, params)).rows[0]?.note;
      if (note) process.stderr.write(`kg: ${String(note)}\n`);
    }
  } finally {
    await conn.close();
  }
}

/** `kg export neo4j-csv [graph] DIR`. */
export async function exportNeo4jCsvAction(graphPath: string, dir: string): Promise<void> {
  const rows = graphToRows(await readGraphFile(graphPath), graphPath);
  const files = await exportNeo4jCsv(rows, dir);
  write(`wrote ${files.length} files to ${dir}: ${files.join(', ')}\n` +
    `(${rows.entities.length + rows.documents.length + rows.countries.length + rows.sentences.length} nodes, ${rows.mentions.length + rows.basedIn.length + rows.relations.length + rows.sentences.reduce((n, x) => n + 1 + x.about.length, 0)} relationships; bundled server: npm run neo4j -- import ${dir}; see ${dir}/IMPORT.txt)\n`);
}
