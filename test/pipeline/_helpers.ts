// Shared helpers for the pipeline tests: the real ontology (loaded once) and extraction of a string.
import { createHash } from 'node:crypto';
import { expect } from 'vitest';
import { cleanMarkdown } from '../../src/corpus/markdown.js';
import { loadOntology, type Ontology } from '../../src/ontology/index.js';
import type { Candidate, DocContext } from '../../src/pipeline/context.js';
import { COMPONENTS, extractDocument } from '../../src/pipeline/index.js';
import { fold } from '../../src/util/text.js';
import type { Document, Entity, Extraction } from '../../src/types.js';

let cached: Promise<Ontology> | undefined;

/** The real ontology/ (loaded once per test file). */
export function _ontology(): Promise<Ontology> {
  cached ??= loadOntology('ontology');
  return cached;
}

/** A .txt Document over `text` (clean text made by the markdown cleaner, as the reader does). */
export function _doc(text: string, name = 't.txt'): Document {
  return {
    id: `doc:${name.replace(/\.[^.]+$/, '')}`, name, path: name, format: 'txt', title: name, text, clean: cleanMarkdown(text),
    sha256: createHash('sha256').update(text).digest('hex'),
  };
}

/** Run the whole pipeline over `text` with the real ontology. */
export async function _extract(text: string, name?: string): Promise<Extraction> {
  return extractDocument(_doc(text, name), await _ontology());
}

/** The entity with a mention whose text is exactly `surface`. */
export function _bySurface(x: Extraction, surface: string): Entity | undefined {
  return x.entities.find((e) => e.mentions.some((m) => m.text === surface));
}

/** Every mention as `text|type|rule`. */
export function _mentions(x: Extraction): { text: string; type: string; rule: string; entity: string }[] {
  return x.entities.flatMap((e) => e.mentions.map((m) => ({ text: m.text, type: e.type, rule: m.rule, entity: e.id })));
}

/** One table row: a text, the mentions it must hold (text, type, and optionally rule, id, kind, country) and surfaces it must not. */
export interface _Case {
  name: string;
  text: string;
  expect: { text: string; type: string; rule?: string; id?: string; kind?: string; country?: string | null }[];
  absent?: string[];
}

/** Check one table row against the extraction of its text. */
export async function _checkCase(c: _Case): Promise<void> {
  const x = await _extract(c.text);
  const found = _mentions(x);
  for (const want of c.expect) {
    const m = found.find((f) => f.text === want.text);
    expect(m, `${c.name}: no mention "${want.text}" in ${JSON.stringify(found)}`).toBeDefined();
    expect(m!.type, `${c.name}: type of "${want.text}"`).toBe(want.type);
    if (want.rule) expect(m!.rule, `${c.name}: rule of "${want.text}"`).toBe(want.rule);
    const e = x.entities.find((en) => en.id === m!.entity)!;
    if (want.id) expect(e.id, `${c.name}: id of "${want.text}"`).toBe(want.id);
    if (want.kind) expect(e.kind, `${c.name}: kind of "${want.text}"`).toBe(want.kind);
    if (want.country !== undefined) expect(e.country, `${c.name}: country of "${want.text}"`).toBe(want.country);
  }
  for (const a of c.absent ?? []) expect(found.filter((f) => f.text.includes(a)), `${c.name}: "${a}" should not be a mention`).toEqual([]);
}

/** The pipeline up to its relations step: the context and the resolved mentions. */
export async function _upToRelations(text: string): Promise<{ ctx: DocContext; mentions: Candidate[] }> {
  const doc = _doc(text);
  const ctx: DocContext = { doc, ontology: await _ontology(), folded: fold(doc.clean), sentences: [], excluded: [], candidates: [], entities: new Map(), relations: [] };
  const state = { candidates: [] as Candidate[], mentions: [] as Candidate[] };
  for (const c of COMPONENTS) {
    if (c.name === 'relations') break;
    c.run(ctx, state);
  }
  return { ctx, mentions: state.mentions };
}
