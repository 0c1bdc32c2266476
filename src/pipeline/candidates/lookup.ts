/**
 * What candidate rules ask about words and spans: is it a curated name, a place, a given name, an
 * ordinary word of the document? And compromise's people/places for one sentence, parsed lazily —
 * only sentences with an undecided person/place-like segment pay for the NLP.
 */
import type { Lexicon } from '../../ontology/index.js';
import type { EntityType } from '../../types.js';
import { fold } from '../../util/text.js';
import { isFunctionWord, wordTag } from '../english.js';
import nlp from '../nlp.js';
import type { DocContext } from '../context.js';
import type { Token } from '../tokens.js';
import { parseWith, taggerHooks } from '../tagger.js';

/** nlp()'s hooks with the fast post-tagger (same tags: src/pipeline/tagger.ts), less chunking (people() and places() read tags and commas only). */
const HOOKS = taggerHooks(['chunks']);

interface View { docs: { offset: { start: number; length: number }; tags: Set<string> }[][]; compute(h: string): void; people(): View; places(): View }

/** Lazily computed compromise spans (people, places) of one sentence. */
export class NlpSpans {
  private cache?: { people: [number, number][]; places: [number, number][] };
  constructor(private text: string, private offset: number) {}
  private get spans() {
    if (!this.cache) {
      const doc = parseWith(HOOKS, this.text) as unknown as View;
      // the term offsets json({ offset: true }) would report, without building the JSON
      doc.compute('offset');
      const take = (view: View) =>
        view.docs.map((terms) => {
          const first = terms[0]!.offset;
          const last = terms[terms.length - 1]!.offset;
          return [this.offset + first.start, this.offset + last.start + last.length] as [number, number];
        });
      // people() matches '#Honorific+? #Person+' and places() '(#Place|#Address)+' (then split them):
      // with no term so tagged there is nothing to find, and their sweeps over the sentence are skipped
      const tagged = (...tags: string[]) => doc.docs.some((terms) => terms.some((t) => tags.some((x) => t.tags.has(x))));
      this.cache = { people: tagged('Person') ? take(doc.people()) : [], places: tagged('Place', 'Address') ? take(doc.places()) : [] };
    }
    return this.cache;
  }
  /** Does compromise see a person overlapping [s, e)? */
  person(s: number, e: number): boolean {
    return this.spans.people.some(([a, b]) => a < e && s < b);
  }
  place(s: number, e: number): boolean {
    return this.spans.places.some(([a, b]) => a <= s && e <= b + 1);
  }
}

const lowerWords = new WeakMap<DocContext, Set<string>>();

/**
 * A capitalised word at a sentence start that is an ordinary word: it also occurs in lower case in
 * the document, it is a stopword, or (`next` being a lower-case connector) a plural noun or function
 * word of the dictionary ("Volunteers of …", "Maybe …").
 */
export function isCommonWord(ctx: DocContext, word: string, next?: string): boolean {
  if (!/^\p{Lu}\p{Ll}+$/u.test(word) || ctx.ontology.lex.firstNames.has(word)) return false;
  const lower = word.toLowerCase();
  let cache = lowerWords.get(ctx);
  if (!cache) lowerWords.set(ctx, (cache = new Set(ctx.doc.clean.match(/\b\p{Ll}+\b/gu) ?? [])));
  if (cache.has(lower) || ctx.ontology.lex.stopwords.has(word) || isFunctionWord(word)) return true;
  return !!next && ctx.ontology.lex.connectors.has(next) && isPluralNoun(word);
}

/** A plural common noun: the lexicon's, or a regular plural of its singular noun ("Members", "Leaders"). */
function isPluralNoun(word: string): boolean {
  if (wordTag(word) === 'Plural') return true;
  const w = word.toLowerCase();
  if (!/[^s]s$/.test(w)) return false;
  let plural = pluralCache.get(w);
  if (plural === undefined) pluralCache.set(w, (plural = nlp(w).has('#Plural')));
  return plural;
}
const pluralCache = new Map<string, boolean>();

/** Do these tokens exactly form a curated name (a gazetteer hit covering them)? */
export function isKnown(ctx: DocContext, ts: Token[]): boolean {
  return ts.length > 0 && isKnownSpan(ctx, ts[0]!.s, ts[ts.length - 1]!.e);
}

/** {@link isKnown} for the text from `s` to `e`, so callers asking about every tail of a segment need not slice it. */
export function isKnownSpan(ctx: DocContext, s: number, e: number): boolean {
  // one trie walk from s (not a scan of the slice): callers ask this about every tail of a segment
  const hit = ctx.ontology.gazetteer.longestAt(ctx.doc.clean, ctx.folded, s, e);
  return !!hit && hit.end === e && !hit.entries.every((x) => x.short);
}

/** The class of the first curated entity found at the start of these tokens' text, if any. */
export function knownType(ctx: DocContext, ts: Token[]): EntityType | undefined {
  const hit = ctx.ontology.gazetteer.scan(ctx.doc.clean.slice(ts[0]!.s, ts[ts.length - 1]!.e))[0];
  return hit ? ctx.ontology.entities.get(hit.entries[0]!.entity)?.type : undefined;
}

/** Is some curated entity named by these tokens' text a place? */
export function namesPlace(ctx: DocContext, ts: Token[]): boolean {
  return ctx.ontology.gazetteer.scan(ctx.doc.clean.slice(ts[0]!.s, ts[ts.length - 1]!.e)).some((h) => ctx.ontology.entities.get(h.entries[0]!.entity)?.type === 'Place');
}

/** Is this word a curated place name or alias? */
export function isPlaceName(ctx: DocContext, word: string): boolean {
  return ctx.ontology.gazetteer.scan(word).some((h) => h.start === 0 && h.end === word.length && h.entries.some((x) => ctx.ontology.entities.get(x.entity)?.type === 'Place'));
}

/** Are the tokens exactly a curated company ("Sony", "General Motors")? */
export function isCompany(ctx: DocContext, ts: Token[]): boolean {
  if (!ts.length) return false;
  const hit = ctx.ontology.gazetteer.longestAt(ctx.doc.clean, ctx.folded, ts[0]!.s, ts[ts.length - 1]!.e);
  return !!hit && hit.end === ts[ts.length - 1]!.e && hit.entries.some((x) => ctx.ontology.entities.get(x.entity)?.kind === 'company');
}

/** Do the tokens start with a curated place? */
export function isPlace(ctx: DocContext, ts: Token[]): boolean {
  return knownType(ctx, ts) === 'Place';
}

const firstNameKeys = new WeakMap<Lexicon, Set<string>>();
/** Given-name check, accent-insensitive (José / Jose). */
export function isFirstName(lex: Lexicon, word: string): boolean {
  let keys = firstNameKeys.get(lex);
  if (!keys) firstNameKeys.set(lex, (keys = new Set([...lex.firstNames].map((w) => fold(w)))));
  return keys.has(fold(word));
}

const curatedPresent = new WeakMap<DocContext, Set<string>>();

/** The organisation a bare title points to: by country, else the only one of its organisations named in the document. */
export function titleOrg(ctx: DocContext, orgs: Record<string, string> | undefined, country: string | undefined): string | undefined {
  if (!orgs) return undefined;
  if (country) return orgs[country];
  const ids = Object.values(orgs);
  if (ids.length === 1) return ids[0];
  let present = curatedPresent.get(ctx);
  if (!present) curatedPresent.set(ctx, (present = new Set(ctx.ontology.gazetteer.scan(ctx.doc.clean, ctx.folded).flatMap((h) => h.entries.map((e) => e.entity)))));
  const named = ids.filter((id) => present!.has(id));
  return named.length === 1 ? named[0] : undefined;
}

/** "July 13", "13 August 2019", "March": a date is no name, whatever cue came near it. */
export function isDate(lex: Lexicon, text: string): boolean {
  const words = text.replace(/,/g, ' ').split(/\s+/).filter(Boolean);
  return words.length > 0 && words.length <= 4 && words.some((w) => lex.months.has(w)) && words.every((w) => lex.months.has(w) || /^\d{1,4}(?:st|nd|rd|th)?$/.test(w));
}
