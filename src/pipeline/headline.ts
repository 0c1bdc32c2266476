/**
 * The front of a document: its headline (title line), dateline ("WASHINGTON, D.C. –", "Posted
 * December 19, 2000", "Mexico City, May 2, 2019") and byline. Later components read them from the
 * DocContext: the headline's case, company or agreement is the default antecedent of "the case",
 * and a dateline's place sets the document's country.
 */
import type { Sentence } from './context.js';

/** What the front of a document holds (spans of the clean text; any may be missing). */
export interface FrontMatter {
  headline?: Sentence;
  /** a place opening the text, with its date if any ("WASHINGTON, D.C. –", "Washington, D.C., September 1st, 2016") */
  dateline?: Sentence;
  /** the document's date where the front states one ("June 25, 2019", "Posted December 19, 2000") */
  date?: Sentence;
  byline?: Sentence;
}

/** What the front-matter finder needs to know about words. */
export interface FrontMatterWords {
  /** lines that are page furniture, lower-case ("for immediate release", "media contact") */
  boilerplate: Set<string>;
  /** is this a place name (so "Mexico City– Migrants …" opens with a dateline)? */
  isPlace: (name: string) => boolean;
}

/** How far into a document its front matter may run (characters, lines). */
const FRONT_CHARS = 1500;
const FRONT_LINES = 14;

const MONTH = '(?:Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)?|Apr(?:il|\\.)?|May|June?|July?|Aug(?:ust|\\.)?|Sept?(?:ember|\\.)?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre)';
/** A calendar date: "June 25, 2019", "September 1st, 2016", "25 June 2019", "2 de mayo de 2019", "2019-06-25", "06/25/2019". */
const DATE = new RegExp(
  `(?:${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}(?:st|nd|rd|th)?\\s+(?:de\\s+)?${MONTH},?\\s+(?:de\\s+)?\\d{4}|${MONTH}\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}/\\d{1,2}/\\d{2,4})`,
  'iu',
);
/** Words that may open a date line. */
const DATE_LEAD = /^(?:(?:posted|published|updated|released|issued|dated?|fecha)\b\s*(?:on\s+)?:?\s*)?/iu;
/** A place before a date: "Washington, D.C.,", "MEXICO CITY —", "Ciudad de México, a". */
const PLACE_LEAD = /^(?:\p{Lu}[\p{L}.'’-]*(?:[ ,]{1,2}(?:\p{Lu}[\p{L}.'’-]*|de|del|la))*)\s*[,—–-]\s*(?:a\s+)?/u;
/** An inline dateline opening a paragraph: "WASHINGTON, D.C. –  The", "Mexico City– Migrants", "MEXICO CITY (AP) —". */
const INLINE_DATELINE = /^(\p{Lu}[\p{L}.'’]*(?:[ ,]{1,2}(?:\p{Lu}[\p{L}.'’]*|de|del)){0,4}(?:\s*\([^()\n]{1,24}\))?)\s*[—–]+|^(\p{Lu}[\p{Lu}.'’]*(?:[ ,]{1,2}\p{Lu}[\p{Lu}.'’]*){0,4}(?:\s*\([^()\n]{1,24}\))?)\s+-+\s/u;
/** A title line that goes on in the next line: it ends in a connector or a colon. */
const GOES_ON = /(?:\s(?:of|for|the|and|on|in|to|a|an|de|del|la|las|los|el|y|en|para)|[:–—-])\W*$/iu;
const BYLINE = /^(?:by|por)\s+\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|de|del|y|and))*\s*$/iu;

/** A line of the clean text: [s, e) trimmed. */
interface Line {
  s: number;
  e: number;
  text: string;
  /** the line is followed by a blank line (or ends the text) */
  blankAfter: boolean;
}

function frontLines(clean: string): Line[] {
  const out: Line[] = [];
  let pos = 0;
  while (pos < clean.length && pos < FRONT_CHARS && out.length < FRONT_LINES) {
    let end = clean.indexOf('\n', pos);
    if (end < 0) end = clean.length;
    const raw = clean.slice(pos, end);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (text) {
      const rest = clean.slice(end + 1, end + 200);
      out.push({ s: pos + lead, e: pos + lead + text.length, text, blankAfter: end >= clean.length || /^[ \t\r]*(\n|$)/.test(rest) });
    }
    pos = end + 1;
  }
  return out;
}

/** Is this line body text (a paragraph, not a heading)? */
function isBody(line: Line): boolean {
  const words = line.text.split(/\s+/).length;
  return line.text.length > 250 || (/[.;]["”’)]?$/.test(line.text) && words >= 12);
}

/** A line that is a date, perhaps after a place or a "Posted" ("Washington, D.C., September 1st, 2016"): the date's span, and the line's when a place leads. */
function dateLine(line: Line): { date: Sentence; placed?: Sentence } | undefined {
  const t = line.text;
  if (t.length > 80) return undefined;
  const m = DATE.exec(t);
  if (!m) return undefined;
  const lead = DATE_LEAD.exec(t)![0].length;
  const before = t.slice(lead, m.index);
  const placeOk = !before.trim() || PLACE_LEAD.exec(before)?.[0].length === before.length;
  const after = t.slice(m.index + m[0].length).trim();
  if (!placeOk || !/^[\s.,;:|—–-]*$/.test(after)) return undefined;
  const date = { start: line.s + m.index, end: line.s + m.index + m[0].length };
  return before.trim() ? { date, placed: { start: line.s + lead, end: date.end } } : { date };
}

/** The place that opens a body paragraph as a dateline, if any: capitals ("WASHINGTON, D.C. –") or a known place ("Mexico City– "). */
function inlineDateline(line: Line, words: FrontMatterWords): Sentence | undefined {
  const m = INLINE_DATELINE.exec(line.text);
  const place = m?.[1] ?? m?.[2];
  if (!place || place.split(/\s+/).length > 6) return undefined;
  const first = place.split(/\s*[,(]/)[0]!.trim();
  if (first !== first.toUpperCase() && !words.isPlace(first)) return undefined;
  return { start: line.s, end: line.s + place.trimEnd().length };
}

/** Could this line be a headline? */
function headlineLike(line: Line, boilerplate: Set<string>): boolean {
  const t = line.text;
  const words = t.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  if (t.length < 12 || t.length > 250 || words.length < 3 || words.length > 40) return false;
  if (/[,;:]$/.test(t) || /^[[(<{|]/.test(t) || /https?:|www\.|@/.test(t)) return false;
  if ((t.match(/\d/g)?.length ?? 0) > t.length / 5) return false;
  if (boilerplate.has(t.replace(/[:.!]+$/, '').toLowerCase())) return false;
  // a sentence ending in a full stop is a headline only when it stands alone before the body
  if (/\.["”’]?$/.test(t) && !line.blankAfter) return false;
  return !BYLINE.test(t);
}

/**
 * Find the headline, dateline, date and byline at the front of `clean`. The headline is the first
 * headline-like line before the body starts; the dateline is a place-and-date line of the front
 * matter or a "PLACE —" opening of the first body paragraph.
 */
export function findFrontMatter(clean: string, words: FrontMatterWords): FrontMatter {
  const out: FrontMatter = {};
  const lines = frontLines(clean);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (isBody(line)) {
      out.dateline ??= inlineDateline(line, words);
      break;
    }
    const d = dateLine(line);
    if (d) {
      out.date ??= d.date;
      if (d.placed) out.dateline ??= d.placed;
      continue;
    }
    if (BYLINE.test(line.text)) {
      out.byline ??= { start: line.s, end: line.e };
      continue;
    }
    if (!out.headline && headlineLike(line, words.boilerplate)) {
      // "THE CENTER FOR / COMPARATIVE IMMIGRATION STUDIES": a title broken over lines of one block
      let last = line;
      while (!last.blankAfter && i + 1 < lines.length && last.e - line.s < 250 && GOES_ON.test(last.text) && !isBody(lines[i + 1]!)) last = lines[++i]!;
      out.headline = { start: line.s, end: last.e };
    }
  }
  return out;
}
