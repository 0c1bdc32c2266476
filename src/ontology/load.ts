/** Ontology loading in two passes: parse + validate each file (errors name file:line), then resolve references. */
import { displayPath } from '../util/paths.js';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { LineCounter, parseDocument, isNode } from 'yaml';
import type { z } from 'zod';
import { OntologyError } from '../errors.js';
import { ENTITY_TYPES, type EntityType, type Predicate } from '../types.js';
import { decodeUtf8Strict } from '../util/utf8.js';
import { fold } from '../util/text.js';
import { yamlCache } from './cache.js';
import { ClassesFile, EntitiesFile, LexiconFile, PatternsFile, RelationsFile, type EntityRecord, type LexiconRecord, type PatternRecord } from './schema.js';
import { PredicatesFile, type ModalityRecord, type PredicateEntry } from './predicates.js';
import { DiscourseFile, type DiscourseData } from './discourse.js';

/** A curated entity, with its type and the file:line it came from. */
export interface CuratedEntity extends EntityRecord {
  type: EntityType;
  source: string;
}

/** A relation type with resolved domain and range. */
export interface RelationType {
  name: Predicate;
  domain: Set<EntityType>;
  range: Set<EntityType>;
  symmetric: boolean;
  description?: string;
}

/** Largest ontology file read (bytes): the shipped files are ~100 KB; a bigger one is a mistake or an attack. */
export const MAX_ONTOLOGY_FILE_BYTES = 8 * 1048576;
/** YAML aliases (`*anchor`) a file may expand: a few are handy, thousands are a "billion laughs" bomb. */
export const MAX_YAML_ALIASES = 1000;

/** Raw ontology content (before compilation into matchers). */
export interface OntologyData {
  dir: string;
  /** things worth a line that do not stop the load (an alias shared on purpose, declared `ambiguous`) */
  warnings: string[];
  prefixes: Map<EntityType, string>;
  relations: Map<Predicate, RelationType>;
  entities: Map<string, CuratedEntity>;
  lexicon: LexiconRecord[];
  patterns: PatternRecord[];
  /** lexicons/predicates.yaml: verb frames, role nouns, nominalisations (src/ontology/predicates.ts) */
  predicates: { entries: PredicateEntry[]; modality: ModalityRecord[] };
  /** lexicons/discourse.yaml: descriptions and pronouns (src/ontology/discourse.ts) */
  discourse: DiscourseData;
}

/** What the parse below depends on besides the text (the cache key includes it). */
const CACHE_OPTIONS = `uniqueKeys; maxAliasCount ${MAX_YAML_ALIASES}`;

/** Parse one YAML file (or take the parse of the same text kept before: ./cache.ts) and validate it; errors carry `file:line`. */
async function parseFile<S extends z.ZodTypeAny>(file: string, schema: S, shown: string, saves: (() => void)[]): Promise<{ data: z.infer<S>; lineOf: (path: (string | number)[]) => number }> {
  let bytes: Buffer;
  try {
    const info = await stat(file);
    if (info.isFile() && info.size > MAX_ONTOLOGY_FILE_BYTES) throw new OntologyError(`${shown}: too large (${(info.size / 1048576).toFixed(1)} MB > ${MAX_ONTOLOGY_FILE_BYTES / 1048576} MB); split it`);
    bytes = await readFile(file);
  } catch (err) {
    if (err instanceof OntologyError) throw err;
    throw new OntologyError(`${shown}: cannot read (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const decoded = decodeUtf8Strict(bytes);
  if (!('text' in decoded)) throw new OntologyError(`${shown}:${decoded.line}: invalid UTF-8 (byte offset ${decoded.offset}); save the file as UTF-8`);
  const source = decoded.text.replace(/^\ufeff/, '');
  // the parse of a file read before (same bytes), and the lines its records were found on
  const hit = yamlCache.read(source, CACHE_OPTIONS);
  let full: { doc: ReturnType<typeof parseDocument>; counter: LineCounter } | undefined;
  const parse = () => {
    if (!full) {
      const counter = new LineCounter();
      full = { doc: parseDocument(source, { lineCounter: counter, prettyErrors: false, uniqueKeys: true }), counter };
    }
    return full;
  };
  const lines: Record<string, number> = hit?.lines ?? {};
  const lineOf = (path: (string | number)[]) => {
    const key = JSON.stringify(path);
    const known = lines[key];
    if (known !== undefined) return known;
    const { doc, counter } = parse();
    let line = 1;
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) {
        line = counter.linePos(node.range[0]).line;
        break;
      }
    }
    return (lines[key] = line);
  };
  let value: unknown;
  if (hit) value = hit.value;
  else {
    const { doc, counter } = parse();
    if (doc.errors.length > 0) {
      const e = doc.errors[0]!;
      const line = counter.linePos(e.pos[0]).line;
      throw new OntologyError(`${shown}:${line}: invalid YAML: ${e.message.split('\n')[0]}`);
    }
    try {
      value = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
    } catch (err) {
      // yaml refuses alias expansions past maxAliasCount (ReferenceError): an alias bomb is a user error, not a crash
      throw new OntologyError(`${shown}: YAML aliases expand too far (${(err as Error).message.split('\n')[0]}); not loaded`);
    }
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path as (string | number)[];
    throw new OntologyError(`${shown}:${lineOf(path)}: ${path.join('.') || '(top)'}: ${issue.message}`);
  }
  // remembered once the whole ontology loaded (the lines asked for by then are the ones every load of these bytes asks)
  if (!hit) saves.push(yamlCache.prepare(source, CACHE_OPTIONS, value, lines));
  return { data: parsed.data, lineOf };
}

async function yamlFiles(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => join(dir, f));
  } catch {
    return [];
  }
}

/** Load and validate an ontology directory. Throws OntologyError naming file and line. */
export async function loadOntologyData(dir: string): Promise<OntologyData> {
  const shown = (f: string) => displayPath(f);
  const saves: (() => void)[] = [];
  const classesFile = join(dir, 'classes.yaml');
  const relationsFile = join(dir, 'relations.yaml');
  const { data: classes, lineOf: classLine } = await parseFile(classesFile, ClassesFile, shown(classesFile), saves);
  const prefixes = new Map<EntityType, string>();
  classes.classes.forEach((c, i) => {
    if (prefixes.has(c.name)) throw new OntologyError(`${shown(classesFile)}:${classLine(['classes', i])}: class ${c.name} defined twice`);
    prefixes.set(c.name, c.prefix);
  });
  const { data: rels, lineOf: relLine } = await parseFile(relationsFile, RelationsFile, shown(relationsFile), saves);
  const relations = new Map<Predicate, RelationType>();
  rels.relations.forEach((r, i) => {
    const resolveSide = (side: 'domain' | 'range') =>
      new Set(
        r[side].map((name, j) => {
          if (!prefixes.has(name as EntityType)) throw new OntologyError(`${shown(relationsFile)}:${relLine(['relations', i, side, j])}: relation ${r.name} names unknown class '${name}' in ${side}`);
          return name as EntityType;
        }),
      );
    relations.set(r.name, { name: r.name, domain: resolveSide('domain'), range: resolveSide('range'), symmetric: !!r.symmetric, description: r.description });
  });
  const entities = new Map<string, CuratedEntity>();
  const prefixToType = new Map([...prefixes].map(([t, p]) => [p, t]));
  const pending: { entity: CuratedEntity; line: string }[] = [];
  const warnings: string[] = [];
  // every name and alias by the key the gazetteer matches it with, to find ones two entities share
  const owners = new Map<string, { id: string; alias: string; where: string; declared: boolean }>();
  for (const file of await yamlFiles(join(dir, 'entities'))) {
    const { data, lineOf } = await parseFile(file, EntitiesFile, shown(file), saves);
    data.entities.forEach((rec, i) => {
      const where = `${shown(file)}:${lineOf(['entities', i])}`;
      const type = prefixToType.get(rec.id.split(':')[0]!);
      if (!type) throw new OntologyError(`${where}: id '${rec.id}' has an unknown prefix (known: ${[...prefixToType.keys()].join(', ')})`);
      if (entities.has(rec.id)) throw new OntologyError(`${where}: duplicate id '${rec.id}' (first at ${entities.get(rec.id)!.source})`);
      const entity = { ...rec, type, source: where };
      entities.set(rec.id, entity);
      pending.push({ entity, line: where });
      const declared = new Set(rec.ambiguous ?? []);
      const names: [string, (string | number)[]][] = [[rec.name, ['entities', i, 'name']], ...(rec.aliases ?? []).map((a, j): [string, (string | number)[]] => [a, ['entities', i, 'aliases', j]])];
      for (const [alias, path] of names) {
        const key = aliasKey(alias);
        const at = `${shown(file)}:${lineOf(path)}`;
        const first = owners.get(key);
        if (!first) {
          owners.set(key, { id: rec.id, alias, where: at, declared: declared.has(alias) });
          continue;
        }
        if (first.id === rec.id) continue;
        const what = `alias ${JSON.stringify(alias)} of ${rec.id} is also ${first.alias === alias ? 'a name or alias' : `${JSON.stringify(first.alias)}`} of ${first.id} (${first.where})`;
        if (declared.has(alias) || first.declared) warnings.push(`${at}: ${what}; declared ambiguous`);
        else throw new OntologyError(`${at}: ${what}; keep it on one entity, or list it under ambiguous: on both if it is meant for both`);
      }
    });
  }
  // second pass: references between entities
  for (const { entity, line } of pending) {
    if (entity.part_of && !entities.has(entity.part_of)) throw new OntologyError(`${line}: part_of refers to unknown entity '${entity.part_of}'`);
  }
  const lexicon: LexiconRecord[] = [];
  const lexIds = new Set<string>();
  const predicates: OntologyData['predicates'] = { entries: [], modality: [] };
  let discourse: DiscourseData = { descriptions: [], pronouns: [], compounds: [], adjectives: [], governments: [], lists: [], dated: [], speech: [] };
  for (const file of await yamlFiles(join(dir, 'lexicons'))) {
    // two lexicons have their own shapes: the predicate lexicon and the discourse lexicon
    if (basename(file) === 'predicates.yaml') {
      const { data, lineOf } = await parseFile(file, PredicatesFile, shown(file), saves);
      data.predicates.forEach((rec, i) => {
        const where = `${shown(file)}:${lineOf(['predicates', i])}`;
        if (lexIds.has(rec.id)) throw new OntologyError(`${where}: duplicate lexicon id '${rec.id}'`);
        if (!rec.verbs && !rec.forms && !rec.roles && !rec.nouns && !rec.facilities && !rec.heads && !rec.clause_pp) throw new OntologyError(`${where}: predicate entry ${rec.id} has no verbs, forms, roles, nouns, facilities, heads or clause_pp`);
        if (!relations.has(rec.predicate)) throw new OntologyError(`${where}: predicate entry ${rec.id} uses predicate ${rec.predicate} not defined in relations.yaml`);
        lexIds.add(rec.id);
      });
      data.modality.forEach((rec, i) => {
        if (lexIds.has(rec.id)) throw new OntologyError(`${shown(file)}:${lineOf(['modality', i])}: duplicate lexicon id '${rec.id}'`);
        lexIds.add(rec.id);
      });
      predicates.entries.push(...data.predicates);
      predicates.modality.push(...data.modality);
      continue;
    }
    if (basename(file) === 'discourse.yaml') {
      discourse = (await parseFile(file, DiscourseFile, shown(file), saves)).data;
      continue;
    }
    const { data, lineOf } = await parseFile(file, LexiconFile, shown(file), saves);
    data.lexicon.forEach((rec, i) => {
      const where = `${shown(file)}:${lineOf(['lexicon', i])}`;
      if (lexIds.has(rec.id)) throw new OntologyError(`${where}: duplicate lexicon id '${rec.id}'`);
      lexIds.add(rec.id);
      for (const target of Object.values(rec.org ?? {})) if (!entities.has(target)) throw new OntologyError(`${where}: org refers to unknown entity '${target}'`);
      // a demonym names its country; a foreign head names the country that never uses it
      if ((rec.role === 'demonym' || rec.role === 'foreign-head') && !rec.country) throw new OntologyError(`${where}: a ${rec.role} record needs a country`);
      lexicon.push(rec);
    });
  }
  const patterns: PatternRecord[] = [];
  for (const file of await yamlFiles(join(dir, 'patterns'))) {
    const { data, lineOf } = await parseFile(file, PatternsFile, shown(file), saves);
    data.patterns.forEach((rec, i) => {
      const where = `${shown(file)}:${lineOf(['patterns', i])}`;
      if (!relations.has(rec.predicate)) throw new OntologyError(`${where}: pattern ${rec.id} uses predicate ${rec.predicate} not defined in relations.yaml`);
      try {
        for (const re of [rec.between, rec.before, rec.after]) if (re !== undefined) new RegExp(re, 'iu');
      } catch (err) {
        throw new OntologyError(`${where}: pattern ${rec.id}: invalid regex (${(err as Error).message})`);
      }
      patterns.push(rec);
    });
  }
  for (const t of ENTITY_TYPES) if (!prefixes.has(t)) throw new OntologyError(`${shown(classesFile)}:1: class ${t} is missing`);
  for (const save of saves) save();
  return { dir, warnings, prefixes, relations, entities, lexicon, patterns, predicates, discourse };
}

/** How the gazetteer tells two aliases apart: all-caps and short ones by exact case, others folded. */
function aliasKey(alias: string): string {
  const trimmed = alias.trim().replace(/\s+/g, ' ');
  return !/\p{Ll}/u.test(trimmed) || trimmed.length <= 3 ? `=${trimmed}` : `~${fold(trimmed)}`;
}
