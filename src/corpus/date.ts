// kg/corpus: when a document was written, and when a sentence says something happened.
//
// Dates are ISO strings as precise as the source: '2022-10-19', '2003-08', '2003'. They compare as
// strings ('2003' < '2003-08' < '2003-08-15' < '2004'), so "after 2018" is `date >= '2019'`.

/** A document's date and where it came from. */
export interface DocumentDate {
  date: string;
  /** metadata (HTML meta / time, Markdown front matter), dateline (an opening line), text (a date near the top), filename (a year in it) */
  source: 'metadata' | 'dateline' | 'text' | 'filename';
}

/** A date a sentence states for what it reports, and how ("in 2003", "since 2019", "until 2020"). */
export interface SentenceDate {
  date: string;
  qualifier: 'in' | 'since' | 'until' | 'on';
}

const MONTHS: Record<string, number> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
  enero: 1, febrero: 2, marzo: 3, abril: 4, mayo: 5, junio: 6, julio: 7, agosto: 8, septiembre: 9, setiembre: 9, octubre: 10, noviembre: 11, diciembre: 12,
};
const MONTH = Object.keys(MONTHS).sort((a, b) => b.length - a.length).join('|');
const YEAR = '(?:19|20)\\d{2}';

const pad = (n: number): string => String(n).padStart(2, '0');

function iso(year: number, month?: number, day?: number): string | null {
  if (year < 1900 || year > 2100) return null;
  if (month === undefined) return String(year);
  if (month < 1 || month > 12) return null;
  if (day === undefined) return `${year}-${pad(month)}`;
  return day >= 1 && day <= 31 ? `${year}-${pad(month)}-${pad(day)}` : null;
}

const month = (m: string): number | undefined => MONTHS[m.toLowerCase().replace(/\.$/, '')];

/** Full or partial dates in `text`, in order: "October 19, 2022", "Oct. 19, 2022", "19 de octubre de 2022", "2022-10-19", "August 2003". */
export function datesIn(text: string): { date: string; index: number; length: number }[] {
  const re = new RegExp([
    `(?<iy>${YEAR})-(?<im>\\d{2})-(?<id>\\d{2})`,
    `\\b(?<m1>${MONTH})\\.?\\s+(?<d1>\\d{1,2})(?:st|nd|rd|th)?,?\\s+(?<y1>${YEAR})\\b`,
    `\\b(?<d2>\\d{1,2})\\s+(?:de\\s+)?(?<m2>${MONTH})\\.?,?\\s+(?:de\\s+|del\\s+)?(?<y2>${YEAR})\\b`,
    `\\b(?<m3>${MONTH})\\.?,?\\s+(?:de\\s+|of\\s+)?(?<y3>${YEAR})\\b`,
  ].join('|'), 'giu');
  const out: { date: string; index: number; length: number }[] = [];
  for (const m of text.matchAll(re)) {
    const g = m.groups!;
    let d: string | null = null;
    if (g.iy) d = iso(+g.iy, +g.im!, +g.id!);
    else if (g.y1) d = iso(+g.y1, month(g.m1!), +g.d1!);
    else if (g.y2) d = iso(+g.y2, month(g.m2!), +g.d2!);
    else if (g.y3) d = iso(+g.y3, month(g.m3!));
    if (d) out.push({ date: d, index: m.index, length: m[0].length });
  }
  return out;
}

const META = /<meta\s+[^>]*(?:name|property)\s*=\s*["'](?:date|dc\.date|dcterms\.date|article:published_time|pubdate|publish-date|citation_date)["'][^>]*>/i;
const TIME = /<time\s+[^>]*datetime\s*=\s*["']([^"']+)["']/i;
const FRONT = /^---\s*\n(?:[^\n]*\n)*?date:\s*["']?([^"'\n]+)["']?\s*\n(?:[^\n]*\n)*?---/;
const DATELINE = /^(?:[^\n]{0,60}?(?:published|posted|date|fecha|updated)\s*:?\s*|(?:[A-ZÁÉÍÓÚÑ .,]{3,40}|[A-Z][a-z]+(?:,? [A-Z][a-z.]+)*),?\s*(?:\(\w+\)\s*)?[—–-]?\s*|from the\s+)/i;

/** A date from an ISO-ish metadata value ('2022-10-19T…', '2022-10', 'October 19, 2022'). */
function fromValue(v: string): string | null {
  const m = /^\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(v);
  if (m) return iso(+m[1]!, m[2] ? +m[2] : undefined, m[3] ? +m[3] : undefined);
  return datesIn(v)[0]?.date ?? null;
}

/**
 * The document's date: metadata first, then a dateline among the opening lines ("MEXICO CITY,
 * March 3, 2022 —", "Published: …", "from the Oct. 19, 2022 Bulletin"), then the first full date in
 * the first 1,500 characters, then the latest year in the file name ("watts-2003-…"). null when none.
 */
export function documentDate(text: string, name = ''): DocumentDate | null {
  const meta = META.exec(text)?.[0];
  const content = meta && /content\s*=\s*["']([^"']+)["']/i.exec(meta)?.[1];
  const metaDate = (content && fromValue(content)) || (TIME.exec(text)?.[1] && fromValue(TIME.exec(text)![1]!)) || (FRONT.exec(text)?.[1] && fromValue(FRONT.exec(text)![1]!));
  if (metaDate) return { date: metaDate, source: 'metadata' };
  const lines = text.slice(0, 3000).split('\n').map((l) => l.replace(/<[^>]+>|[*_#>]/g, ' ').trim()).filter(Boolean).slice(0, 12);
  for (const line of lines) {
    const hit = datesIn(line)[0];
    if (hit && hit.date.length >= 7 && DATELINE.test(line.slice(0, hit.index)) && hit.index < 60) return { date: hit.date, source: 'dateline' };
  }
  const first = datesIn(text.slice(0, 1500)).find((d) => d.date.length === 10);
  if (first) return { date: first.date, source: 'text' };
  // the latest year: "cooperation-1994-2010" was written after 2010
  const years = [...name.matchAll(new RegExp(`(?<!\\d)(${YEAR})(?!\\d)`, 'g'))].map((m) => m[1]!).sort();
  if (years.length) return { date: years[years.length - 1]!, source: 'filename' };
  return null;
}

/**
 * The date a sentence gives what it reports, when it says so with a preposition: "in 2003", "in
 * August 2003", "on March 3, 2022", "since 2019", "until 2020" / "through 2020", "en 2019", "desde
 * 2019". The first such phrase wins; a bare year ("the 2003 report") is not a date of the tie.
 */
export function sentenceDate(sentence: string): SentenceDate | null {
  const re = new RegExp(`\\b(in|on|since|until|through|by|during|en|desde|hasta|durante)\\s+(?:(?:early|late|mid-?)\\s*|(?:the\\s+)?(?:spring|summer|fall|autumn|winter)\\s+(?:of\\s+)?)?(?=(?:${MONTH}|\\d))`, 'giu');
  for (const m of sentence.matchAll(re)) {
    const rest = sentence.slice(m.index + m[0].length);
    const full = datesIn(rest.slice(0, 40)).find((d) => d.index === 0);
    const year = new RegExp(`^(${YEAR})(?![\\d-])`).exec(rest)?.[1];
    const date = full?.date ?? year;
    if (!date) continue;
    const p = m[1]!.toLowerCase();
    const qualifier = p === 'since' || p === 'desde' ? 'since' : p === 'until' || p === 'through' || p === 'by' || p === 'hasta' ? 'until' : p === 'on' ? 'on' : 'in';
    return { date, qualifier };
  }
  return null;
}

/** The year of an ISO date string, as a number. */
export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}
