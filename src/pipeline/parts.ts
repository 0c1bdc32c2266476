/**
 * A huge document extracted in parts (issue 10): its text cut at paragraph or sentence boundaries
 * into parts that workers extract as documents of their own, their extractions merged back with
 * offsets into the whole. Only documents of {@link SPLIT_MIN_CHARS} or more are cut, so every
 * ordinary document is extracted whole, exactly as before.
 *
 * What a cut costs: each part is a document to the pipeline, so what reaches across a cut is
 * lost there — a pronoun or description ("the union") at the start of a part has no antecedent in
 * the part before, an acronym defined in one part is not read back in another, and the
 * document-wide word statistics (which capitalised words also occur in lower case, which curated
 * entities the document names) are each part's own. Parts after the first have no front matter
 * (headline, dateline, byline). Cuts are ≥ {@link MIN_PART_CHARS} apart (by default), so these are a handful
 * of sentences in a document of millions of characters.
 */
import type { Document, Entity, Extraction, Relation } from '../types.js';
import { splitSentences } from './sentences.js';

/** The shortest part a cut makes (by default). */
export const MIN_PART_CHARS = 1048576;
/** Documents shorter than this (twice the shortest part) are never cut. */
export const SPLIT_MIN_CHARS = 2 * MIN_PART_CHARS;
/** How far past its target a cut looks for a paragraph break, then a sentence end, then a space. */
const SEARCH = 64 * 1024;

/** A part of a document: [start, end) of its text. */
export interface Part {
  start: number;
  end: number;
}

/**
 * Where to cut `clean` (the document's clean text) into at most `most` parts of about equal size,
 * none shorter than `minPart`: one part (the whole) below twice that.
 * Each cut is the first paragraph break past its target, else the start of the first whole
 * sentence there (as the sentence splitter reads it, with the ontology's abbreviations), else the
 * first space; linear in the text.
 */
export function documentParts(clean: string, most: number, abbreviations: Set<string>, minPart = MIN_PART_CHARS): Part[] {
  const n = Math.min(Math.max(1, Math.floor(most)), Math.floor(clean.length / minPart));
  if (n < 2) return [{ start: 0, end: clean.length }];
  const cuts: number[] = [];
  for (let k = 1; k < n; k++) {
    const target = Math.max(Math.round((clean.length * k) / n), (cuts[cuts.length - 1] ?? 0) + minPart);
    const at = cutAt(clean, target, abbreviations);
    if (at > (cuts[cuts.length - 1] ?? 0) && clean.length - at >= minPart / 2) cuts.push(at);
  }
  const parts: Part[] = [];
  let start = 0;
  for (const c of cuts) parts.push({ start, end: c }), (start = c);
  parts.push({ start, end: clean.length });
  return parts;
}

/** The cut at or after `target` (see {@link documentParts}). */
function cutAt(clean: string, at: number, abbreviations: Set<string>): number {
  // from a word's start, so the splitter reads whole words ("Dept." cut to "ept." would end a sentence)
  const space = clean.slice(at, at + SEARCH).search(/\s/);
  const target = space < 0 ? at : at + space;
  const end = Math.min(clean.length, target + SEARCH);
  const window = clean.slice(target, end);
  const para = /\n[ \t]*\n/.exec(window);
  if (para) return target + para.index + para[0].length;
  // the first sentence of the window may be the tail of one that began before it: cut after it
  const second = splitSentences(window, abbreviations)[1];
  if (second) return target + second.start;
  return space < 0 ? at : target + 1;
}

/** The part as a document of its own (same name, id and format; its text only). */
export function partDocument(doc: Document, part: Part): Document {
  return { ...doc, text: doc.text.slice(part.start, part.end), clean: doc.clean.slice(part.start, part.end) };
}

/**
 * The parts' extractions (in document order, each with its part's start) as one extraction of the
 * whole: offsets shifted back; an entity found in several parts is one entity (its id; the name,
 * class and status of its first part; the country and kind of the first part that has one; every
 * alias and mention); a relation found in several parts is kept once, with its first evidence, as
 * the relation collector keeps the first of a document.
 */
export function mergeParts(parts: { start: number; extraction: Extraction }[]): Extraction {
  const entities = new Map<string, Entity>();
  const relations = new Map<string, Relation>();
  for (const { start, extraction } of parts) {
    for (const e of extraction.entities) {
      const mentions = e.mentions.map((m) => ({ ...m, start: m.start + start, end: m.end + start }));
      const seen = entities.get(e.id);
      if (!seen) {
        entities.set(e.id, { ...e, aliases: [...e.aliases], mentions });
        continue;
      }
      for (const a of e.aliases) if (!seen.aliases.includes(a)) seen.aliases.push(a);
      seen.mentions.push(...mentions);
      seen.country ??= e.country;
      if (seen.kind === undefined && e.kind !== undefined) seen.kind = e.kind;
    }
    for (const r of extraction.relations) {
      const key = `${r.subject}|${r.predicate}|${r.object}`;
      if (relations.has(key)) continue;
      relations.set(key, {
        ...r,
        evidence: { start: r.evidence.start + start, end: r.evidence.end + start },
        ...(r.via ? { via: r.via.map((v) => ({ ...v, start: v.start + start, end: v.end + start })) } : {}),
      });
    }
  }
  return {
    doc: parts[0]?.extraction.doc ?? '',
    entities: [...entities.values()].sort((a, b) => a.mentions[0]!.start - b.mentions[0]!.start),
    relations: [...relations.values()],
  };
}
