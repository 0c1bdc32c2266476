// View state ⇄ URL hash: `#/graph?node=…&types=…&cam=x,y,ratio` and `#/doc/<name>?span=start-end`.
// Only non-default values are written, so links stay short and old links keep working.
import { COLOR_BY, SIZE_BY } from './appearance.ts';
import type { ColorBy, SizeBy } from './appearance.ts';
import { DEFAULT_FILTERS } from './filters.ts';
import type { CrossPair, DateRange, FilterState, NumberRange } from './filters.ts';
import type { Status } from '../../../src/types.ts';

export interface CameraState { x: number; y: number; ratio: number }

/** Explorer route state. */
export interface GraphRoute {
  route: 'graph';
  filters: FilterState;
  node: string | null;
  /** Selected tie (edge key). */
  edge: string | null;
  colorBy: ColorBy;
  sizeBy: SizeBy;
  /** Shortest path endpoints. */
  path: [string, string] | null;
  cam: CameraState | null;
}

/** Document view route state. */
export interface DocRoute {
  route: 'doc';
  name: string;
  span: { start: number; end: number } | null;
}

/** The document list. */
export interface DocsRoute { route: 'docs' }

export type Route = GraphRoute | DocRoute | DocsRoute;

/** The explorer's initial state. */
export function defaultGraphRoute(): GraphRoute {
  return { route: 'graph', filters: { ...DEFAULT_FILTERS }, node: null, edge: null, colorBy: 'type', sizeBy: 'degree', path: null, cam: null };
}

const list = (v: string | null): string[] | null => (v ? v.split(',').filter(Boolean) : null);
const num = (v: string | null, d: number): number => {
  const n = v === null ? NaN : Number(v);
  return Number.isFinite(n) ? n : d;
};
const PAIRS: CrossPair[] = ['US-MX', 'US-CA', 'MX-CA', 'any'];

/** Parse a location hash (with or without the leading '#'); unknown routes give the explorer. */
export function parseHash(hash: string): Route {
  const h = hash.replace(/^#/, '');
  const qi = h.indexOf('?');
  const path = qi < 0 ? h : h.slice(0, qi);
  const q = new URLSearchParams(qi < 0 ? '' : h.slice(qi + 1));
  if (path === '/docs') return { route: 'docs' };
  const doc = /^\/doc\/(.+)$/.exec(path);
  if (doc) {
    const m = /^(\d+)-(\d+)$/.exec(q.get('span') ?? '');
    return { route: 'doc', name: decodeURIComponent(doc[1]), span: m ? { start: +m[1], end: +m[2] } : null };
  }
  const r = defaultGraphRoute();
  const f = r.filters;
  f.types = list(q.get('types'));
  f.countries = list(q.get('country'));
  f.predicates = list(q.get('preds'));
  f.statuses = list(q.get('status')) as Status[] | null;
  f.document = q.get('doc') || null;
  f.minMentions = num(q.get('minMentions'), 0);
  f.minDegree = num(q.get('minDegree'), 0);
  f.showDocuments = q.get('docs') === '1';
  f.crossBorder = q.get('crossBorder') === '1';
  const pair = q.get('pair') as CrossPair | null;
  f.crossPair = pair && PAIRS.includes(pair) ? pair : 'US-MX';
  f.ego = Math.max(0, Math.min(3, Math.trunc(num(q.get('ego'), 0))));
  const coms = list(q.get('community'))?.map(Number).filter(Number.isFinite) ?? null;
  f.communities = coms && coms.length ? coms : null;
  f.range = parseRange(q.get('range'));
  f.dates = parseDates(q.get('dates'));
  r.node = q.get('node') || null;
  r.edge = r.node ? null : q.get('edge') || null;
  const color = q.get('color') as ColorBy | null;
  r.colorBy = color && COLOR_BY.includes(color) ? color : 'type';
  const size = q.get('size') as SizeBy | null;
  r.sizeBy = size && SIZE_BY.includes(size) ? size : 'degree';
  const p = list(q.get('path'));
  r.path = p && p.length === 2 ? [p[0], p[1]] : null;
  const cam = (q.get('cam') ?? '').split(',').map(Number);
  r.cam = cam.length === 3 && cam.every(Number.isFinite) && cam[2] > 0 ? { x: cam[0], y: cam[1], ratio: cam[2] } : null;
  return r;
}

/** Serialise a route to a hash string starting with '#/'. */
export function toHash(r: Route): string {
  if (r.route === 'docs') return '#/docs';
  if (r.route === 'doc') {
    const span = r.span ? `?span=${r.span.start}-${r.span.end}` : '';
    return `#/doc/${encodeURIComponent(r.name)}${span}`;
  }
  const q: string[] = [];
  const put = (k: string, v: string | null | undefined) => { if (v) q.push(`${k}=${encodeURIComponent(v).replace(/%2C/g, ',').replace(/%3A/g, ':')}`); };
  const f = r.filters;
  put('node', r.node);
  put('edge', r.node ? null : r.edge);
  put('types', f.types?.join(','));
  put('country', f.countries?.join(','));
  put('preds', f.predicates?.join(','));
  put('status', f.statuses?.join(','));
  put('doc', f.document);
  if (f.minMentions) put('minMentions', String(f.minMentions));
  if (f.minDegree) put('minDegree', String(f.minDegree));
  if (f.showDocuments) put('docs', '1');
  if (f.crossBorder) put('crossBorder', '1');
  if (f.crossPair !== 'US-MX') put('pair', f.crossPair);
  if (f.ego) put('ego', String(f.ego));
  put('community', f.communities?.join(','));
  if (f.range) put('range', `${f.range.attr}:${f.range.min ?? ''}:${f.range.max ?? ''}`);
  if (f.dates) put('dates', `${f.dates.from ?? ''}:${f.dates.to ?? ''}`);
  if (r.colorBy !== 'type') put('color', r.colorBy);
  if (r.sizeBy !== 'degree') put('size', r.sizeBy);
  if (r.path) put('path', r.path.join(','));
  if (r.cam) put('cam', [r.cam.x, r.cam.y, r.cam.ratio].map((n) => +n.toFixed(4)).join(','));
  return `#/graph${q.length ? '?' + q.join('&') : ''}`;
}

/** `attr:min:max` (either bound may be empty) → a range, or null when malformed. */
function parseRange(v: string | null): NumberRange | null {
  const m = /^([a-zA-Z]+):(-?[\d.e+-]*):(-?[\d.e+-]*)$/.exec(v ?? '');
  if (!m) return null;
  const bound = (x: string) => (x === '' || !Number.isFinite(Number(x)) ? null : Number(x));
  const r = { attr: m[1], min: bound(m[2]), max: bound(m[3]) };
  return r.min === null && r.max === null ? null : r;
}

/** An ISO date as precise as known: 2003, 2003-08, 2003-08-15. */
export const ISO_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** `from:to` (either may be empty) → a date range, or null when malformed or empty. */
function parseDates(v: string | null): DateRange | null {
  const m = /^([\d-]*):([\d-]*)$/.exec(v ?? '');
  if (!m) return null;
  const d = (x: string) => (ISO_DATE.test(x) ? x : null);
  const r = { from: d(m[1]), to: d(m[2]) };
  return r.from === null && r.to === null ? null : r;
}
