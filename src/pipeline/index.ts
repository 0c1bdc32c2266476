/**
 * The pipeline: named components run in order over one document (spaCy's Language style). A
 * failure names the component and the document. Output is the one Extraction shape.
 */
import { PipelineError } from '../errors.js';
import type { Ontology } from '../ontology/index.js';
import type { Document, Entity, Extraction } from '../types.js';
import { fold } from '../util/text.js';
import type { Candidate, DocContext } from './context.js';
import { findCandidates } from './candidates/index.js';
import { resolveOverlaps } from './overlap.js';
import { findCitations } from './references.js';
import { inheritCountries, localCountries } from './country.js';
import { findRelations } from './relations/index.js';
import { gazetteerCandidates, resolveEntities } from './resolve.js';
import { layoutDocument } from './sentences.js';
import { pushAll } from '../util/array.js';

/** A named pipeline component. */
export interface Component {
  name: string;
  run(ctx: DocContext, state: { candidates: Candidate[]; mentions: Candidate[] }): void;
}

/** The components, in order. */
export const COMPONENTS: Component[] = [
  { name: 'sentences', run: (ctx) => layoutDocument(ctx) },
  { name: 'citations', run: (ctx) => void (ctx.excluded = findCitations(ctx.doc.text, ctx.doc.clean, ctx.ontology.lex.citationHeadings)) },
  { name: 'gazetteer', run: (ctx, s) => void pushAll(s.candidates, gazetteerCandidates(ctx)) },
  { name: 'rules', run: (ctx, s) => void pushAll(s.candidates, findCandidates(ctx)) },
  { name: 'overlap', run: (_ctx, s) => void (s.candidates = resolveOverlaps(s.candidates)) },
  { name: 'resolve', run: (ctx, s) => void (s.mentions = resolveEntities(ctx, s.candidates)) },
  { name: 'countries', run: (ctx) => localCountries(ctx) },
  { name: 'relations', run: (ctx, s) => void (ctx.relations = findRelations(ctx, s.mentions)) },
  { name: 'inherit-countries', run: (ctx) => inheritCountries(ctx, ctx.relations) },
];

/**
 * Run every component over one document and return its extraction. `part`: the document is a part
 * of a larger one after its first (src/pipeline/parts.ts), so it has no front matter.
 */
export function extractDocument(doc: Document, ontology: Ontology, opts: { part?: boolean } = {}): Extraction {
  // every field present from the start, in one order (the front matter too, filled in by the sentences component):
  // one hidden class for every document's context, so V8 does not deoptimise and recompile the components that read it
  const ctx: DocContext = {
    doc, ontology, folded: fold(doc.clean), sentences: [], headline: undefined, dateline: undefined, date: undefined, byline: undefined,
    excluded: [], candidates: [], entities: new Map(), relations: [], part: opts.part === true ? true : undefined,
  };
  const state = { candidates: [] as Candidate[], mentions: [] as Candidate[] };
  for (const component of COMPONENTS) {
    try {
      component.run(ctx, state);
    } catch (err) {
      throw new PipelineError(`${doc.path}: pipeline component '${component.name}' failed: ${(err as Error).message}`);
    }
  }
  return toExtraction(ctx);
}

/** The public shape: entities in order of first mention, offsets into the original text. */
function toExtraction(ctx: DocContext): Extraction {
  const text = ctx.doc.text;
  const entities: Entity[] = [...ctx.entities.values()]
    .sort((a, b) => a.mentions[0]!.start - b.mentions[0]!.start)
    .map((e) => ({
      id: e.id,
      type: e.type,
      name: e.name,
      aliases: [...e.aliases],
      country: e.country,
      status: e.status,
      ...(e.kind ? { kind: e.kind } : {}),
      mentions: e.mentions.map((m) => ({ start: m.start, end: m.end, text: text.slice(m.start, m.end), rule: m.rule, status: e.status })),
    }));
  return { doc: ctx.doc.name, entities, relations: ctx.relations.map((r) => ({ ...r, status: 'inferred' as const })) };
}
