// kg/neo4j: node and relationship CSVs in the format `neo4j-admin database import` expects.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { GraphRows, Props } from './rows.js';
import { constraintStatements } from './cypher.js';
import { mentionGroups } from './load.js';
import { fulltextStatements } from './lookup.js';
import { ABOUT, BASED_IN, COUNTRY_LABEL, DOCUMENT_LABEL, ENTITY_LABEL, HAS_SENTENCE, MENTIONS, SENTENCE_LABEL } from './names.js';
import { mkdirp } from '../util/mkdir.js';

/**
 * Array elements and multiple labels are joined with U+001F (unit separator), which never occurs
 * in prose; neo4j-admin's default `;` does (evidence sentences), so the import must pass
 * `--array-delimiter=U+001F`. IMPORT.txt in the output states the full command.
 */
export const ARRAY_DELIMITER = '\u001f';

/** A column: header (`name:type`, `:ID`, …) and how to read its value from a row. */
interface Column<R> { header: string; get: (row: R) => unknown }

function field(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return v.length === 0 ? '' : field(v.map((x) => String(x).replaceAll(ARRAY_DELIMITER, ' ')).join(ARRAY_DELIMITER));
  return `"${String(v).replaceAll('"', '""')}"`;
}

function table<R>(columns: Column<R>[], rows: R[]): string {
  const lines = [columns.map((c) => c.header).join(',')];
  for (const r of rows) lines.push(columns.map((c) => field(c.get(r))).join(','));
  return `${lines.join('\n')}\n`;
}

const prop = (name: string, type?: string) => ({ header: type ? `${name}:${type}` : name, get: (r: { props: Props }) => r.props[name] });

/** One CSV file of the export. */
export interface CsvFile { name: string; kind: 'nodes' | 'relationships'; content: string }

/**
 * Builds the CSV files (pure): one per node kind and per relationship kind. Integers are `long`
 * (64-bit, as the driver writes them) and documents carry the mentions fingerprint, so the first
 * `kg load-neo4j` after an import finds every property equal and rewrites nothing.
 */
export function neo4jCsvFiles(rows: GraphRows): CsvFile[] {
  const files: CsvFile[] = [];
  const hashes = new Map(mentionGroups(rows).map((g) => [g.key, g.hash]));
  files.push({
    name: 'nodes-entities.csv', kind: 'nodes',
    content: table([
      { header: 'key:ID', get: (r) => r.key },
      { header: ':LABEL', get: (r) => [ENTITY_LABEL, r.type] },
      prop('name'), prop('type'), prop('aliases', 'string[]'), prop('nameKeys', 'string[]'), prop('country'), prop('status'), prop('kind'), prop('iso'),
      prop('mentionCount', 'long'), prop('documents', 'string[]'), prop('community', 'long'), prop('degree', 'long'),
    ], rows.entities),
  });
  files.push({
    name: 'nodes-documents.csv', kind: 'nodes',
    content: table([
      { header: 'key:ID', get: (r) => r.key }, { header: ':LABEL', get: () => DOCUMENT_LABEL },
      prop('name'), prop('path'), prop('title'), prop('sha256'), prop('date'), prop('year', 'long'), prop('dateSource'),
      { header: 'mentionsHash', get: (r) => hashes.get(r.key) },
    ], rows.documents),
  });
  files.push({
    name: 'nodes-sentences.csv', kind: 'nodes',
    content: table([
      { header: 'key:ID', get: (r) => r.key }, { header: ':LABEL', get: () => SENTENCE_LABEL },
      prop('doc'), prop('start', 'long'), prop('end', 'long'), prop('text'), prop('date'),
    ], rows.sentences),
  });
  files.push({
    name: 'nodes-countries.csv', kind: 'nodes',
    content: table([
      { header: 'code:ID', get: (r) => r.code }, { header: ':LABEL', get: () => COUNTRY_LABEL }, { header: 'name', get: (r) => r.name },
    ], rows.countries),
  });
  files.push({
    name: 'rels-mentions.csv', kind: 'relationships',
    content: table([
      { header: ':START_ID', get: (r) => r.doc }, { header: ':END_ID', get: (r) => r.entity }, { header: ':TYPE', get: () => MENTIONS },
      prop('start', 'long'), prop('end', 'long'), prop('text'), prop('rule'), prop('status'),
    ], rows.mentions),
  });
  files.push({
    name: 'rels-has-sentence.csv', kind: 'relationships',
    content: table([
      { header: ':START_ID', get: (r) => r.doc }, { header: ':END_ID', get: (r) => r.key }, { header: ':TYPE', get: () => HAS_SENTENCE },
    ], rows.sentences),
  });
  files.push({
    name: 'rels-about.csv', kind: 'relationships',
    content: table([
      { header: ':START_ID', get: (r) => r.s }, { header: ':END_ID', get: (r) => r.e }, { header: ':TYPE', get: () => ABOUT },
    ], rows.sentences.flatMap((x) => x.about.map((e) => ({ s: x.key, e })))),
  });
  files.push({
    name: 'rels-based-in.csv', kind: 'relationships',
    content: table([
      { header: ':START_ID', get: (r) => r.entity }, { header: ':END_ID', get: (r) => r.country }, { header: ':TYPE', get: () => BASED_IN },
    ], rows.basedIn),
  });
  files.push({
    name: 'rels-relations.csv', kind: 'relationships',
    content: table([
      { header: ':START_ID', get: (r) => r.subject }, { header: ':END_ID', get: (r) => r.object }, { header: ':TYPE', get: (r) => r.predicate },
      prop('key'), prop('count', 'long'), prop('status'), prop('undirected', 'boolean'), prop('rules', 'string[]'),
      prop('documents', 'string[]'), prop('evidenceDocs', 'string[]'), prop('evidenceStarts', 'long[]'), prop('evidenceEnds', 'long[]'),
      prop('evidenceTexts', 'string[]'), prop('evidenceRules', 'string[]'), prop('evidenceStatuses', 'string[]'),
      prop('sentences', 'string[]'), prop('evidenceDates', 'string[]'), prop('dateFrom'), prop('dateTo'), prop('yearFrom', 'long'), prop('yearTo', 'long'),
    ], rows.relations),
  });
  return files;
}

/** The neo4j-admin command that imports the files (run from the export directory). */
export function importCommand(files: CsvFile[], database = 'neo4j'): string {
  const args = files.map((f) => `  --${f.kind}=${f.name}`);
  return [`neo4j-admin database import full ${database} --overwrite-destination \\`,
    '  --array-delimiter=U+001F --multiline-fields=true \\', ...args.map((a, i) => (i < args.length - 1 ? `${a} \\` : a))].join('\n');
}

/** Writes the CSVs and IMPORT.txt (the import command) into `dir`; returns the file names. */
export async function exportNeo4jCsv(rows: GraphRows, dir: string): Promise<string[]> {
  const files = neo4jCsvFiles(rows);
  await mkdirp(dir);
  for (const f of files) await writeFile(join(dir, f.name), f.content, 'utf8');
  const doc = `# The bundled Neo4j (stopped): npm run neo4j -- import ${dir}\n# Your own Neo4j 5 (stopped), from this directory, then run schema.cypher:\n${importCommand(files)}\n`;
  await writeFile(join(dir, 'IMPORT.txt'), doc, 'utf8');
  await writeFile(join(dir, 'schema.cypher'), `${[...constraintStatements(), ...fulltextStatements()].join(';\n')};\n`, 'utf8');
  return [...files.map((f) => f.name), 'IMPORT.txt', 'schema.cypher'];
}
