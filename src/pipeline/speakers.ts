/**
 * Who speaks in a quotation: first-person pronouns ("I", "my") inside quotation marks stand for the
 * person the quotation is attributed to — in its paragraph ("…,” said X", "X said: “…") or, for a
 * statement or remarks document, the person who "delivered the following statement". Speech verbs
 * are the discourse lexicon's `speech` words. Returns the quoted spans with their speaker.
 */
import { wordAlternation } from '../util/text.js';
import type { Candidate, DocContext } from './context.js';

export interface Quoted {
  start: number;
  end: number;
  speaker: string;
}

const OPEN = new Set(['“', '"', '«']);
const CLOSE = new Set(['”', '"', '»']);
/** Any character of OPEN or CLOSE. */
const QUOTE = /[“"«”»]/g;
/** How far (characters) a speech verb may be from the name it attributes a quotation to. */
const NEAR = 60;

const compiled = new WeakMap<object, { after: RegExp; before: RegExp; following: RegExp; by: RegExp }>();

function patterns(ctx: DocContext): { after: RegExp; before: RegExp; following: RegExp; by: RegExp } | undefined {
  const words = ctx.ontology.discourseLex.speech;
  if (!words.size) return undefined;
  let re = compiled.get(ctx.ontology);
  if (!re) {
    const alt = wordAlternation(words);
    re = {
      // "…,” said Secretary X" — the verb, then up to six words of title before the name
      before: new RegExp(`\\b(?:${alt})\\s+(?:the\\s+)?(?:[\\p{L}.'’-]+\\s+){0,6}$`, 'iu'),
      // "X, the union's president, said …" / "X said: “…"
      after: new RegExp(`^\\s*(?:\\([^)]{0,30}\\)\\s*)?(?:,[^,“”"]{0,80},\\s*)?(?:${alt})\\b`, 'iu'),
      // "X delivered the following opening statement", "X issued the following remarks"
      // (or a heading: "X Opening Statement at …", "X’s Remarks")
      following: new RegExp(`^(?:\\s*(?:\\([^)]{0,30}\\)\\s*)?(?:,[^,“”"]{0,80},\\s*)?(?:delivered|gave|issued|made|released|presented|offered)\\s+the\\s+following\\s+(?:[\\p{L}-]+\\s+){0,3}|(?:['’]s)?\\s+(?:Opening\\s+|Closing\\s+|Prepared\\s+)?)(?:statement|remarks|testimony|speech|address|comments)\\b`, 'iu'),
      // "Statement by Secretary X", "Testimony of X", "Remarks from X"
      by: /\b(?:statement|remarks|testimony|speech|address)\s+(?:by|of|from)\s+(?:[\p{L}.'’-]+\s+){0,5}$/iu,
    };
    compiled.set(ctx.ontology, re);
  }
  return re;
}

export function quotedSpeakers(ctx: DocContext, mentions: Candidate[]): Quoted[] {
  const re = patterns(ctx);
  if (!re) return [];
  const text = ctx.doc.clean;
  const people = mentions.filter((m) => m.entity && ctx.entities.get(m.entity)?.type === 'Person');
  if (!people.length) return [];
  const out: Quoted[] = [];
  // the statement's speaker, from the point they are named on
  let docSpeaker: { id: string; from: number } | undefined;
  let pi = 0;
  const paragraph = /[^\n]+(?:\n(?!\s*\n)[^\n]*)*/g;
  for (let m = paragraph.exec(text); m; m = paragraph.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    while (pi < people.length && people[pi]!.end <= start) pi++;
    let last = pi;
    while (last < people.length && people[last]!.start < end) last++;
    const here = people.slice(pi, last);
    for (const p of here) if (re.following.test(text.slice(p.end, Math.min(end, p.end + 160))) || re.by.test(text.slice(Math.max(start, p.start - 60), p.start))) docSpeaker ??= { id: p.entity!, from: p.end };
    // the quoted stretches: from an opening mark to its closing one (a paragraph that opens a quotation
    // without closing it continues into the next, by convention; it is quoted to its end)
    const stretches: { start: number; end: number }[] = [];
    let open = -1;
    // only the quotation marks (OPEN and CLOSE) matter: jump from one to the next
    QUOTE.lastIndex = start;
    for (let q = QUOTE.exec(text); q && q.index < end; q = QUOTE.exec(text)) {
      const i = q.index;
      const c = q[0];
      if (open < 0 && OPEN.has(c) && (c !== '"' || i === start || /[\s(\[—–-]/.test(text[i - 1]!))) open = i;
      else if (open >= 0 && CLOSE.has(c)) {
        stretches.push({ start: open, end: i + 1 });
        open = -1;
      }
    }
    if (open >= 0) stretches.push({ start: open, end });
    if (!stretches.length) continue;
    // attributions: "…,” said X" / "…,” X said" after a stretch, "X said: “…" before one
    // (one cursor over the paragraph's names: stretches and names are both in text order)
    let j = 0;
    const own = stretches.map((q) => {
      while (j < here.length && here[j]!.end <= q.start) j++;
      const before = here[j - 1];
      let after = j;
      while (after < here.length && here[after]!.start < q.end) after++;
      const a = here[after];
      if (a && a.start - q.end < NEAR && !/[“"]/.test(text.slice(q.end, a.start))) {
        const between = text.slice(q.end, a.start);
        if (re.before.test(between) || (/^[\s,.]*$/.test(between) && re.after.test(text.slice(a.end, Math.min(end, a.end + 120))))) return a.entity;
      }
      if (before && q.start - before.end < 120) {
        const between = text.slice(before.end, q.start);
        if (!/[“”"]/.test(between) && re.after.test(between)) return before.entity;
      }
      return undefined;
    });
    // a stretch without its own attribution: the paragraph's one speaker, else the statement's
    const named = new Set(own.filter((x): x is string => !!x));
    const fallback = named.size === 1 ? [...named][0] : named.size === 0 && docSpeaker && start >= docSpeaker.from ? docSpeaker.id : undefined;
    stretches.forEach((q, k) => {
      const speaker = own[k] ?? fallback;
      if (speaker) out.push({ ...q, speaker });
    });
  }
  return out;
}

/** The speaker of the quotation holding `pos` (quoted sorted by start; cursor-friendly binary search). */
export function speakerAt(quoted: Quoted[], pos: number): string | undefined {
  let lo = 0;
  let hi = quoted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (quoted[mid]!.start <= pos) lo = mid + 1;
    else hi = mid;
  }
  const q = quoted[lo - 1];
  return q && pos < q.end ? q.speaker : undefined;
}
