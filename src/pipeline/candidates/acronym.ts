/**
 * Acronyms as organisation candidates ("STPS", "AFL-CIO"), except where capitals are something
 * else: a word of an identifier ("23-2417-NAT"), a dateline place ("WASHINGTON —"), or a bracketed
 * acronym after an ordinary word that defines no name found (kept for resolution to decide).
 */
import type { Candidate, DocContext } from '../context.js';
import { isAcronym } from '../classify.js';
import type { Token } from '../tokens.js';
import { initialsBefore } from './segment.js';
import { isPlaceName } from './lookup.js';
import { spanOf } from './person.js';
import { shouted } from '../resolve.js';

/** The acronym candidate of a one-token segment, [] when it is no name, undefined when it is no acronym. */
export function acronymCandidate(ctx: DocContext, tokens: Token[], before: Token | undefined): Candidate[] | undefined {
  const lex = ctx.ontology.lex;
  if (tokens.length !== 1 || !isAcronym(tokens[0]!.t) || tokens[0]!.t.replace(/[^\p{Lu}]/gu, '').length < 3) return undefined;
  const t0 = tokens[0]!.t;
  const clean = ctx.doc.clean;
  if (lex.notName.has(t0) || lex.stopwords.has(t0) || shouted(clean, tokens[0]!.s, tokens[0]!.e)) return [];
  // "Release Number: 23-2417-NAT": part of an identifier
  if (/[\d-]$/.test(clean.slice(tokens[0]!.s - 1, tokens[0]!.s))) return [];
  // "WASHINGTON —": a place name in capitals (a dateline), not an acronym
  if (/^\p{Lu}{4,}$/u.test(t0) && (isPlaceName(ctx, t0[0] + t0.slice(1).toLowerCase()) || (/(^|\n)\s*$/.test(clean.slice(Math.max(0, tokens[0]!.s - 3), tokens[0]!.s)) && /^,?\s*[—–-]+\s/.test(clean.slice(tokens[0]!.e, tokens[0]!.e + 5))))) return [];
  // "SUMMARY", "BACKGROUND": a capitalised word alone on its line is a heading, unless the document defines it ("(UNITE)")
  if (t0.length >= 5 && /(^|\n)[ \t]*$/.test(clean.slice(Math.max(0, tokens[0]!.s - 20), tokens[0]!.s)) && /^[ \t:]*(\n|$)/.test(clean.slice(tokens[0]!.e, tokens[0]!.e + 20)) && !clean.includes(`(${t0})`)) return [];
  // "(Employment Authorization Document – EAD)": defined after a dash, like after a bracket
  if (before && /^[–—-]$/.test(before.t) && initialsBefore(lex, clean, before.s, t0)) return [{ ...spanOf(tokens), type: 'Organization', rule: 'org.acronym.defined' }];
  if (before?.t === '(' && /\p{Ll}\s*\(\s*$/u.test(clean.slice(Math.max(0, tokens[0]!.s - 4), tokens[0]!.s))) {
    // "Tijuana Workers Committee (TWC)": kept only if resolution finds the name it defines
    return initialsBefore(lex, clean, before.s, t0) ? [{ ...spanOf(tokens), type: 'Organization', rule: 'org.acronym.defined' }] : [];
  }
  return [{ ...spanOf(tokens), type: 'Organization', rule: 'org.acronym' }];
}
