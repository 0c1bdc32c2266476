// kg/neo4j: runs a Cypher query (named or ad hoc) and renders rows as a table or JSON.
import type { ManagedTransaction } from 'neo4j-driver';
import type { Connection } from './connect.js';
import { toNeo4jError } from './connect.js';
import { fromNeo4j, toNeo4j } from './values.js';

/** A query result as plain JSON rows, with the column order the query returned. */
export interface QueryResult { columns: string[]; rows: Record<string, unknown>[] }

/**
 * Runs `cypher` with `params` (integers sent as Neo4j integers). Read-only unless `write` is set:
 * a read transaction refuses writes, so a library query or a typo cannot change the database. With
 * `write` the statement runs in an auto-commit transaction, so `CALL … IN TRANSACTIONS` (batched
 * deletes and updates of any size) works; it is not retried.
 */
export async function runQuery(conn: Connection, cypher: string, params: Record<string, unknown> = {}, opts: { write?: boolean } = {}): Promise<QueryResult> {
  const session = conn.driver.session({ database: conn.target.database, defaultAccessMode: opts.write ? 'WRITE' : 'READ' });
  try {
    const work = async (tx: ManagedTransaction): Promise<QueryResult> => {
      const res = tx.run(cypher, toNeo4j(params) as Record<string, unknown>);
      const columns = (await res.keys()).map(String);
      const { records } = await res;
      return { columns, rows: records.map((r) => fromNeo4j(r.toObject()) as Record<string, unknown>) };
    };
    if (opts.write) {
      const res = session.run(cypher, toNeo4j(params) as Record<string, unknown>);
      const columns = (await res.keys()).map(String);
      const { records } = await res;
      return { columns, rows: records.map((r) => fromNeo4j(r.toObject()) as Record<string, unknown>) };
    }
    return await session.executeRead(work);
  } catch (err) {
    throw toNeo4jError(err, conn.target);
  } finally {
    await session.close();
  }
}

function cell(v: unknown, max: number): string {
  let s: string;
  if (v === null || v === undefined) s = '';
  else if (Array.isArray(v)) s = v.map((x) => (typeof x === 'object' && x !== null ? JSON.stringify(x) : String(x))).join('; ');
  else if (typeof v === 'object') s = JSON.stringify(v);
  else s = String(v);
  s = s.replace(/\s+/g, ' ');
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** Renders rows as an aligned text table (cells flattened to one line, long ones cut at `maxWidth`). */
export function formatTable(result: QueryResult, maxWidth = 48): string {
  const { columns, rows } = result;
  if (columns.length === 0) return '(no columns)\n';
  const cells = rows.map((r) => columns.map((c) => cell(r[c], maxWidth)));
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((r) => [...r[i]].length)));
  const line = (vals: string[]): string => vals.map((v, i) => v + ' '.repeat(widths[i] - [...v].length)).join('  ').trimEnd();
  const out = [line(columns), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)];
  out.push(`(${rows.length} row${rows.length === 1 ? '' : 's'})`);
  return `${out.join('\n')}\n`;
}
