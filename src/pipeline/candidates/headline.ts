/**
 * Names in a title-cased headline need more than a head word. "Workers Rally For Better Pay At Border
 * Plants", "Labor Reform Act Debate Continues": a headline capitalises every word, so a head or cue
 * word ("… Plants", "… Act …") no longer marks a name there. A head-word candidate of such a headline
 * stays only where the body names it too — whole, or the longest part of it the body repeats
 * ("Senate Passes Farm Workforce Modernization Act" → "Farm Workforce Modernization Act").
 * Curated names, people, places, acronyms and numbered cases are found on their own and stay.
 */
import type { Lexicon } from '../../ontology/index.js';
import type { Candidate, DocContext, Sentence } from '../context.js';
import { tokenize, type Token } from '../tokens.js';
import { isDate } from './lookup.js';

/** Rules whose candidates need no head-word evidence: they rest on a form (acronym, number, a person's name). */
const FORM_RULES = /^(person\.|place\.|case\.|org\.acronym|org\.unit|law\.(numbered|proposition|public)|gazetteer)/;

/**
 * Is the headline title-cased (or in capitals)? Every word but the minor ones (function words,
 * connectors, the lexicon's capitalised stopwords "With", "By", "A" in lower case) opens with a
 * capital, and a minor word is capitalised too or four words or more are.
 */
export function isTitleCased(lex: Lexicon, text: string): boolean {
  const words = text.match(/[\p{L}][\p{L}'’-]*/gu) ?? [];
  if (words.length < 3) return false;
  if (text === text.toUpperCase()) return true;
  const minor = (w: string) => lex.functionWords.has(w) || lex.connectors.has(w) || lex.stopwords.has(w[0]!.toUpperCase() + w.slice(1));
  let capitalisedMinor = 0;
  for (const [i, w] of words.entries()) {
    const upper = /^\p{Lu}/u.test(w);
    if (!upper && !minor(w)) return false;
    if (upper && i > 0 && minor(w.toLowerCase())) capitalisedMinor++;
  }
  return capitalisedMinor > 0 || words.filter((w) => /^\p{Lu}/u.test(w)).length >= 4;
}

/** Words of a span, normalised for comparison with the body. */
const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * Keep a headline candidate only where the body backs it: the same words in the body, or the
 * longest run of its words (two or more, opening and closing with a capital) the body repeats.
 */
function backed(ctx: DocContext, c: Candidate, body: string): Candidate | undefined {
  const clean = ctx.doc.clean;
  if (body.includes(norm(clean.slice(c.start, c.end)))) return c;
  const tokens: Token[] = tokenize(clean, c.start, c.end).filter((t) => /[\p{L}\d]/u.test(t.t));
  const cap = (t: Token) => /^[\p{Lu}\d]/u.test(t.t);
  for (let len = tokens.length - 1; len >= 2; len--) {
    for (let i = 0; i + len <= tokens.length; i++) {
      const first = tokens[i]!;
      const last = tokens[i + len - 1]!;
      if (!cap(first) || !cap(last)) continue;
      const surface = norm(clean.slice(first.s, last.e));
      // ("July 13 … Meeting": the date the body repeats is no name)
      if (isDate(ctx.ontology.lex, surface)) continue;
      if (new RegExp(`(?<![\\p{L}])${surface.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'u').test(body)) return { ...c, start: first.s, end: last.e, rule: `${c.rule}.headline` };
    }
  }
  return undefined;
}

/**
 * Is the headline a letterhead — fields between separators ("Subcommittee on Trade, Committee on
 * Ways and Means"), each of them one name (a candidate, a curated name, or a name the body has)?
 * Then it holds no clause and its names need no backing.
 */
function letterhead(ctx: DocContext, h: Sentence, spans: { start: number; end: number }[]): boolean {
  const clean = ctx.doc.clean;
  const fields: Sentence[] = [];
  const re = /[^,|;:–—•·\n]+/g;
  const text = clean.slice(h.start, h.end);
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const lead = m[0].length - m[0].trimStart().length;
    const t = m[0].trim();
    if (t) fields.push({ start: h.start + m.index + lead, end: h.start + m.index + lead + t.length });
  }
  return fields.length >= 2 && fields.every((f) => spans.some((s) => s.start === f.start && s.end === f.end));
}

/**
 * The candidates of the headline (`head`), head-word ones kept only where the body backs them;
 * `body` are the candidates of the rest of the document.
 */
export function headlineEvidence(ctx: DocContext, head: Candidate[], body: Candidate[]): Candidate[] {
  const h = ctx.headline;
  const clean = ctx.doc.clean;
  if (!h || !head.length || !isTitleCased(ctx.ontology.lex, clean.slice(h.start, h.end))) return head;
  const headText = clean.slice(h.start, h.end);
  const spans: { start: number; end: number }[] = [...head, ...ctx.ontology.gazetteer.scan(headText).map((x) => ({ start: x.start + h.start, end: x.end + h.start }))];
  for (const surface of new Set(body.map((c) => norm(clean.slice(c.start, c.end))))) {
    for (let at = headText.indexOf(surface); at >= 0; at = headText.indexOf(surface, at + 1)) spans.push({ start: h.start + at, end: h.start + at + surface.length });
  }
  if (letterhead(ctx, h, spans)) return head;
  const bodyText = norm(clean.slice(h.end));
  const out: Candidate[] = [];
  for (const c of head) {
    if (c.curated || FORM_RULES.test(c.rule) || c.type === 'Person' || c.type === 'Place' || !/\s/.test(clean.slice(c.start, c.end).trim())) {
      out.push(c);
      continue;
    }
    const kept = backed(ctx, c, bodyText);
    if (kept) out.push(kept);
  }
  return out;
}
