/**
 * Citation detection: reference lists, citation-only footnotes and inline author–year citations are
 * excluded from extraction, so "(Compa 2001)" never makes Compa an actor. Prose footnotes stay.
 */
import type { Sentence } from './context.js';

const FOOTNOTE = /^[ \t]*(?:<sup>\s*\d+\s*<\/sup>|\[\^?\d+\]:?|\d{1,3}[.)]?[ \t])[ \t]*(.*)$/gm;
const AUTHOR_YEAR = /^\*?[\p{Lu}][\p{L}'’-]+(?:,\s*(?:[\p{Lu}]\.\s*)+|,\s*[\p{Lu}][\p{L}]+(?:\s+[\p{Lu}]\.)?)(?:\s*(?:,|and|&)\s*[\p{Lu}][\p{L}'’-]+(?:,\s*(?:[\p{Lu}]\.\s*)+)?)*\s*[.,(]?\s*\(?(?:19|20)\d{2}/u;
const ORG_YEAR = /^[\p{Lu}][\p{L}\s.&’'-]{1,80}\s\((?:19|20)\d{2}\w?\)/u;
const IBID = /^\*?(ibid|id\.|op\.?\s*cit|see\s+(also\s+)?[\p{Lu}][\p{L}'’-]+[\s,]+(?:\(?(?:19|20)\d{2}|supra|note))/iu;
const TITLE_CITATION = /^[*_]?["“][^"”]{5,}(?:["”][*_]?[.,]|[.,?!]["”][*_]?\s+[*_]?\p{Lu})/u;

/** Is this footnote body a bare citation rather than prose? */
export function isCitation(body: string): boolean {
  const t = body.trim();
  if (!t) return true;
  if (IBID.test(t) || AUTHOR_YEAR.test(t) || ORG_YEAR.test(t) || TITLE_CITATION.test(t)) return true;
  if (/^\*[^*]+\*[.,]/.test(t)) return true; // *Migration News*. "…"
  // organisation or author, then a quoted title: "Carnegie Endowment …, “Title,” Washington, 2001"
  if (/^[^"“]{2,90}[,.]\s*["“][^"”]{5,}[,.]?["”]/u.test(t) && /(?:19|20)\d{2}|p\.\s*\d|https?:/.test(t) && !/\b(is|was|are|were|has|have|had)\b/.test(t.split(/["“]/)[0]!)) return true;
  if (/^https?:\/\/\S+$/.test(t)) return true;
  // no finite verb: "Joint Statement by … Towards a Partnership for Prosperity. <http://…>",
  // "Farmworker Justice Fund. Information on the Guestworker Rights Education Project, January 2003."
  const verbless = isVerbless(t);
  if (verbless && /<?https?:\/\/\S+>?\.?$/.test(t) && t.length < 400) return true;
  if (verbless && t.length < 200 && /^[^.]{3,90}\.\s+[^.]{5,160},\s+(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+)?(?:\d{1,2},\s+)?(?:19|20)\d{2}\.?$/.test(t)) return true;
  if (/^Interview(s)? (with|by)\b/i.test(t) && t.length < 200) return true;
  return false;
}

/** No finite verb: a title or a reference, not prose. */
function isVerbless(t: string): boolean {
  return !/\b(is|was|are|were|has|have|had|will|would|can|could|did|does|do|filed|said|says|became|remains|took|made|cite|cites)\b/.test(t);
}

/** Ranges of `text` (raw, with markup) to exclude from extraction. */
export function findCitations(text: string, clean: string, headings: Set<string>): Sentence[] {
  const out: Sentence[] = [];
  // 1. citation-only footnotes (one per line)
  FOOTNOTE.lastIndex = 0;
  for (let m = FOOTNOTE.exec(text); m; m = FOOTNOTE.exec(text)) {
    const bodyStart = m.index + m[0].length - m[1]!.length;
    const cleanBody = clean.slice(bodyStart, m.index + m[0].length);
    if (/^<sup>/.test(m[0].trim()) || /^\[\^?\d/.test(m[0].trim())) {
      if (isCitation(cleanBody)) out.push({ start: m.index, end: m.index + m[0].length });
      else {
        // prose footnote: exclude only trailing citation sentences after a prose start? keep whole
      }
    }
  }
  // 2. reference-list sections: a heading line, then everything up to the next heading of prose
  const lines = clean.split('\n');
  let pos = 0;
  let inRefs = -1;
  for (const line of lines) {
    const t = line.replace(/[#*_:]/g, '').trim().toLowerCase();
    if (headings.has(t)) inRefs = pos;
    pos += line.length + 1;
  }
  if (inRefs >= 0) out.push({ start: inRefs, end: text.length });
  // 3. inline author–year citations: (Compa 2001), (Fox and Smith 1999: 12), (see Hardin 1982)
  const inline = /\((?:see\s+|cf\.\s+|e\.g\.,?\s+)?[\p{Lu}][\p{L}'’-]+(?:\s+(?:and|&|y)\s+[\p{Lu}][\p{L}'’-]+|\s+et al\.)?,?\s+(?:19|20)\d{2}[a-z]?(?:[:,]\s*[\d-]+)?(?:;\s*[^)]{0,80})?\)/gu;
  for (let m = inline.exec(clean); m; m = inline.exec(clean)) out.push({ start: m.index, end: m.index + m[0].length });
  // an organisation as author, or an undated work: (Secretaria de Relaciones Exteriores n.d.), (U.S. Department of Labor 2002)
  const orgYear = /\((?:see\s+|cf\.\s+)?[\p{Lu}][\p{L}'’.&-]*(?:\s+(?:de|del|la|las|los|of|the|y|and|for|on|[\p{Lu}][\p{L}'’.&-]*)){1,7}\s+(?:(?:19|20)\d{2}[a-z]?|n\.\s?d\.)(?:[:,]\s*[\d-]+)?\)/gu;
  for (let m = orgYear.exec(clean); m; m = orgYear.exec(clean)) {
    const r = { start: m.index, end: m.index + m[0].length };
    pushUncovered(out, r);
  }
  // 4. a whole reference in parentheses: "(Hardin, R. 1982. *Collective Action*. Baltimore: Johns Hopkins University Press, p. 35.)"
  const paren = /\(([^()\n]{8,400})\)/g;
  for (let m = paren.exec(clean); m; m = paren.exec(clean)) {
    const body = m[1]!.trim();
    const r = { start: m.index, end: m.index + m[0].length };
    if (AUTHOR_YEAR.test(body) || IBID.test(body) || ORG_YEAR.test(body)) pushUncovered(out, r);
  }
  // 5. a publisher's imprint anywhere, ending the reference's part: "Baltimore: Johns Hopkins University Press.",
  //    "México: Ediciones Era," (not "Washington: the AFL-CIO Press Office said")
  const imprint = /(?<![\p{L}.])[\p{Lu}]\p{L}*(?:\.\p{L}+)*(?:[ -][\p{Lu}]\p{L}*(?:\.\p{L}+)*){0,3}\.?(?:,\s*[\p{Lu}][\p{L}.]+)?:\s*[\p{Lu}][\p{L}&'’. -]{0,60}?\b(?:Press|Publishers?|Publishing|Books|Editorial|Ediciones|Editores)(?=\s*(?:[,.;)]|$))/gmu;
  // (an imprint has one of these words: a text without them needs no scan)
  const publisher = /Press|Publishers?|Publishing|Books|Editorial|Ediciones|Editores/.test(clean);
  for (let m = publisher ? imprint.exec(clean) : null; m; m = imprint.exec(clean)) {
    const r = { start: m.index, end: m.index + m[0].length };
    pushUncovered(out, r);
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Add range r unless one already in `out` covers it. */
function pushUncovered(out: Sentence[], r: Sentence): void {
  if (!out.some((o) => o.start <= r.start && r.end <= o.end)) out.push(r);
}

/** Is [start, end) inside any excluded range? (ranges sorted by start) */
export function isExcluded(ranges: Sentence[], start: number, end: number): boolean {
  for (const r of ranges) {
    if (r.start > start) break;
    if (end <= r.end) return true;
  }
  return false;
}
