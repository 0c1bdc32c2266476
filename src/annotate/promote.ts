// Promotion: make an annotated entity curated, in ontology/entities/<type>.yaml, with a minimal text diff.
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { Document, isMap, isSeq, parseDocument, type YAMLMap, type YAMLSeq } from 'yaml';
import { z } from 'zod';
import { COUNTRIES, ENTITY_TYPES, type Country, type EntityType } from '../types.js';
import { ConflictError, OntologyError, ValidationError } from '../errors.js';
import { nameKey } from '../util/text.js';
import { entityId } from './ids.js';
import { mkdirp } from '../util/mkdir.js';
import { loadOntologyData } from '../ontology/load.js';
import { displayPath } from '../util/paths.js';

/** What to promote: a new curated entity, or an alias (and missing country/kind) for an existing one. */
export interface PromoteInput {
  id?: string;
  type: EntityType;
  name: string;
  alias?: string;
  country?: Country | null;
  kind?: string;
}

/** Outcome: `changed` is false when the ontology already said all of it (promotion is idempotent). */
export interface PromoteResult { file: string; id: string; changed: boolean; action: 'created' | 'updated' | 'unchanged' }

const schema = z.object({
  id: z.string().regex(/^[a-z]+:[a-z0-9][a-z0-9-]*$/, 'ids look like "org:us-department-of-labor"').optional(),
  type: z.enum(ENTITY_TYPES),
  name: z.string().trim().min(1),
  alias: z.string().trim().min(1).optional(),
  country: z.enum(COUNTRIES).nullable().optional(),
  kind: z.string().trim().min(1).optional(),
}).strict();

type Rec = Record<string, unknown>;

/** The source with `text` inserted at `at`. */
const splice = (src: string, at: number, text: string) => src.slice(0, at) + text + src.slice(at);
const lineEnd = (src: string, at: number) => { const i = src.indexOf('\n', at); return i < 0 ? src.length : i; };
const column = (src: string, at: number) => at - (src.lastIndexOf('\n', at - 1) + 1);

/** A value as written inside a flow collection (quoted when commas, brackets… require it). */
function flowValue(value: unknown): string {
  const doc = new Document([value]);
  (doc.contents as YAMLSeq).flow = true;
  return doc.toString({ flowCollectionPadding: false, lineWidth: 0 }).trim().slice(1, -1);
}

function flowRecord(rec: Rec): string {
  return `{ ${Object.entries(rec).map(([k, v]) => `${k}: ${Array.isArray(v) ? `[${v.map(flowValue).join(', ')}]` : flowValue(v)}`).join(', ')} }`;
}

function blockLines(rec: Rec, indent: string): string {
  return Object.entries(rec).map(([k, v]) => `${indent}${k}: ${Array.isArray(v) ? `[${v.map(flowValue).join(', ')}]` : flowValue(v)}`).join('\n');
}

/** Add `key: value` to a record map, in its own style (flow `{…}` or block). */
function addPair(src: string, map: YAMLMap, key: string, value: unknown): string {
  const last = map.items[map.items.length - 1];
  const end = (last?.value as { range?: number[] } | null)?.range?.[1];
  if (end === undefined) throw new Error('no range');
  const rendered = Array.isArray(value) ? `[${value.map(flowValue).join(', ')}]` : flowValue(value);
  if (map.flow) return splice(src, end, `, ${key}: ${rendered}`);
  const firstKey = (map.items[0].key as { range?: number[] }).range![0];
  return splice(src, lineEnd(src, end), `\n${' '.repeat(column(src, firstKey))}${key}: ${rendered}`);
}

/** Append an alias to a record's aliases sequence (flow or block), or add the key. */
function addAlias(src: string, map: YAMLMap, alias: string): string {
  const seq = map.get('aliases', true);
  if (!isSeq(seq)) return addPair(src, map, 'aliases', [alias]);
  const last = seq.items[seq.items.length - 1] as { range?: number[] } | undefined;
  if (seq.flow) {
    if (last?.range) return splice(src, last.range[1], `, ${flowValue(alias)}`);
    const open = src.indexOf('[', seq.range![0]);
    return splice(src, open + 1, flowValue(alias));
  }
  if (!last?.range) throw new Error('no range');
  const dash = src.lastIndexOf('-', last.range[0]);
  return splice(src, lineEnd(src, last.range[1]), `\n${' '.repeat(column(src, dash))}- ${flowValue(alias)}`);
}

/** Append a record to the entities sequence in the style of its last item. */
function addRecord(src: string, seq: YAMLSeq, rec: Rec): string {
  const last = seq.items[seq.items.length - 1] as YAMLMap | undefined;
  if (!last?.range || seq.flow) throw new Error('no anchor');
  const dash = src.lastIndexOf('-', last.range[0]);
  const indent = ' '.repeat(column(src, dash));
  const at = lineEnd(src, last.range[1] - 1);
  if (isMap(last) && last.flow) return splice(src, at, `\n${indent}- ${flowRecord(rec)}`);
  return splice(src, at, `\n${indent}- ${blockLines(rec, `${indent}  `).trimStart()}`);
}

function findRecord(seq: YAMLSeq | undefined, id: string, name: string | undefined): YAMLMap | undefined {
  const maps = (seq?.items ?? []).filter(isMap) as YAMLMap[];
  const byId = maps.find((m) => m.get('id') === id);
  if (byId || name === undefined) return byId;
  const key = nameKey(name);
  return maps.find((m) => [m.get('name'), ...((m.toJSON() as Rec).aliases as string[] ?? [])].some((n) => typeof n === 'string' && nameKey(n) === key));
}

async function idInOtherFiles(dir: string, file: string, id: string): Promise<string | undefined> {
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  for (const f of names.filter((n) => /\.ya?ml$/.test(n) && join(dir, n) !== file)) {
    const text = await fs.readFile(join(dir, f), 'utf8');
    if (text.includes(id) && JSON.stringify(parseDocument(text).toJS()).includes(`"id":${JSON.stringify(id)}`)) return join(dir, f);
  }
  return undefined;
}

/**
 * Add a curated entity (or an alias / missing country / kind to an existing one) to
 * `<ontologyDir>/entities/<type>.yaml`. Edits the text in place next to the nodes the yaml Document API
 * locates, so comments, order and formatting stay and the diff is the new line(s); checks the result
 * by re-parsing, and falls back to re-serialising the Document if a splice would not round-trip.
 * Without an id, an existing record whose name or alias matches `name` is updated; else `<prefix>:<slug(name)>`.
 */
export async function promoteToOntology(ontologyDir: string, input: PromoteInput): Promise<PromoteResult> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new ValidationError(`promote: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; ')}`);
  const p = parsed.data;
  const dir = join(ontologyDir, 'entities');
  const file = join(dir, `${p.type.toLowerCase()}.yaml`);
  let src = await fs.readFile(file, 'utf8').catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return 'entities:\n';
    throw new OntologyError(`${file}: cannot read (${e.code})`);
  });
  const original = src;
  const load = (text: string) => {
    const doc = parseDocument(text);
    if (doc.errors.length) throw new OntologyError(`${file}: invalid YAML: ${doc.errors[0].message.split('\n')[0]}`);
    const seq = doc.get('entities', true);
    return { doc, seq: isSeq(seq) ? seq : undefined };
  };
  const { seq } = load(src);
  const rec = findRecord(seq, p.id ?? entityId(p.type, p.name), p.id ? undefined : p.name);
  const id = rec ? String(rec.get('id')) : p.id ?? entityId(p.type, p.name);
  let expected: Rec;
  if (rec) {
    const current = rec.toJSON() as Rec;
    const names = [current.name, ...((current.aliases as string[]) ?? [])];
    const alias = p.alias ?? (p.name !== current.name ? p.name : undefined);
    expected = { ...current };
    if (alias && !names.includes(alias)) expected.aliases = [...((current.aliases as string[]) ?? []), alias];
    if (p.country && current.country == null) expected.country = p.country;
    if (p.kind && current.kind === undefined) expected.kind = p.kind;
    for (const [key, value] of Object.entries(expected)) {
      if (JSON.stringify(value) === JSON.stringify(current[key])) continue;
      const target = findRecord(load(src).seq, id, undefined)!;
      src = trySplice(src, () => (key === 'aliases' ? addAlias(src, target, (value as string[]).at(-1)!) : addPair(src, target, key, value)));
      if (src === FAILED) break;
    }
  } else {
    const other = await idInOtherFiles(dir, file, id);
    if (other) throw new ConflictError(`${other}: already defines ${id}; promote with that type or another id`);
    expected = { id, name: p.name, ...(p.alias && p.alias !== p.name ? { aliases: [p.alias] } : {}), ...(p.country ? { country: p.country } : {}), ...(p.kind ? { kind: p.kind } : {}) };
    src = trySplice(src, () => addRecord(src, seq!, expected));
  }
  if (src === original) return { file, id, changed: false, action: 'unchanged' };
  if (!splicedRight(src, original, id, expected)) src = reserialise(original, id, expected);
  const tmp = `${file}.${process.pid}.tmp`;
  await mkdirp(dir);
  await fs.writeFile(tmp, src);
  await fs.rename(tmp, file);
  // the whole ontology must still load ("Goodyear Tire & Rubber" already an alias of another entity): else put the file back
  try {
    await loadOntologyData(ontologyDir);
  } catch (e) {
    // (a directory that is no whole ontology, or a fault elsewhere, is not this edit's doing)
    if (!(e instanceof OntologyError) || !e.message.startsWith(`${displayPath(file)}:`)) return { file, id, changed: true, action: rec ? 'updated' : 'created' };
    await fs.writeFile(tmp, original);
    await fs.rename(tmp, file);
    throw new ConflictError(`promote: ${e.message}`);
  }
  return { file, id, changed: true, action: rec ? 'updated' : 'created' };
}

const FAILED = '\u0000';

/** Run a text splice; FAILED when the nodes lack what it needs (then the Document is re-serialised). */
function trySplice(src: string, edit: () => string): string {
  if (src === FAILED) return src;
  try {
    return edit();
  } catch {
    return FAILED;
  }
}

/** The spliced text parses, holds `expected` for `id`, and every other record is as before. */
function splicedRight(src: string, original: string, id: string, expected: Rec): boolean {
  if (src === FAILED) return false;
  const after = parseDocument(src);
  if (after.errors.length) return false;
  const records = (d: Document.Parsed) => ((d.toJS() as { entities?: Rec[] }).entities ?? []);
  const others = (list: Rec[]) => JSON.stringify(list.filter((r) => r.id !== id));
  const mine = records(after).filter((r) => r.id === id);
  return mine.length === 1 && JSON.stringify(mine[0]) === JSON.stringify(expected)
    && others(records(after)) === others(records(parseDocument(original)));
}

/** Fallback: set the record through the Document API and print the whole file. */
function reserialise(original: string, id: string, expected: Rec): string {
  const doc = parseDocument(original);
  let seq = doc.get('entities', true);
  if (!isSeq(seq)) { doc.set('entities', doc.createNode([])); seq = doc.get('entities', true); }
  const items = (seq as YAMLSeq).items;
  const i = items.findIndex((m) => isMap(m) && m.get('id') === id);
  const node = doc.createNode(expected) as YAMLMap;
  const aliases = node.get('aliases', true);
  if (isSeq(aliases)) aliases.flow = true;
  if (i >= 0) items[i] = node; else items.push(node);
  return doc.toString({ lineWidth: 0 });
}
