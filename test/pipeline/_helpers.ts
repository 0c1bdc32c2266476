// Shared helpers for the pipeline tests: the real ontology (loaded once) and extraction of a string.
import { createHash } from 'node:crypto';
import { cleanMarkdown } from '../../src/corpus/markdown.js';
import { loadOntology, type Ontology } from '../../src/ontology/index.js';
import { extractDocument } from '../../src/pipeline/index.js';
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
