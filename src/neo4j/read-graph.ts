// kg/neo4j: reads a graph.json (graphology serialized export) for the Neo4j commands.
import { readFile } from 'node:fs/promises';
import { UsageError, ValidationError } from '../errors.js';
import type { KgSerializedGraph } from './rows.js';

/** Reads and parses `path`; UsageError if missing, ValidationError if not JSON. */
export async function readGraphFile(path: string): Promise<KgSerializedGraph> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `${path}: no such graph file (run \`kg build\` first)` : `${path}: cannot read (${code})`);
  }
  try {
    return JSON.parse(text) as KgSerializedGraph;
  } catch (err) {
    throw new ValidationError(`${path}: not valid JSON (${(err as Error).message})`);
  }
}
