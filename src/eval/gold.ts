/** Gold files (shared/gold/GUIDELINES.md): loading with checks that name the file. */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { GoldError } from '../errors.js';
import type { Country, EntityType, Predicate } from '../types.js';

/** One gold file. */
export interface Gold {
  doc: string;
  entities: { id: string; type: EntityType; name: string; aliases: string[]; country: Country | null }[];
  mentions: { start: number; end: number; text: string; entity: string }[];
  relations: { subject: string; predicate: Predicate; object: string; evidence: string }[];
}

/** Read every `*.gold.json` of a directory, sorted by name. */
export async function loadGoldDir(dir: string): Promise<{ file: string; gold: Gold }[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((f) => f.endsWith('.gold.json')).sort();
  } catch (err) {
    throw new GoldError(`${dir}: cannot read gold directory (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  if (!names.length) throw new GoldError(`${dir}: no *.gold.json files`);
  const out: { file: string; gold: Gold }[] = [];
  for (const name of names) {
    const file = join(dir, name);
    const raw = await readFile(file, 'utf8');
    let gold: Gold;
    try {
      gold = JSON.parse(raw) as Gold;
    } catch (err) {
      const message = (err as Error).message.replace(/\s+/g, ' ');
      const pos = /position (\d+)/.exec(message)?.[1];
      const line = pos ? raw.slice(0, Number(pos)).split('\n').length : errorLine(raw);
      throw new GoldError(`${file}:${line}: invalid JSON (${message})`);
    }
    if (typeof gold.doc !== 'string' || !Array.isArray(gold.entities) || !Array.isArray(gold.mentions) || !Array.isArray(gold.relations)) {
      throw new GoldError(`${file}:1: not a gold file (needs doc, entities, mentions, relations)`);
    }
    out.push({ file, gold });
  }
  return out;
}

/** Line of a JSON syntax error when JSON.parse does not give a position (V8's "Unexpected token" messages): ask the YAML parser, a JSON superset; else 1. */
function errorLine(raw: string): number {
  const counter = new LineCounter();
  const doc = parseDocument(raw, { lineCounter: counter });
  return doc.errors.length ? counter.linePos(doc.errors[0]!.pos[0]).line : 1;
}
