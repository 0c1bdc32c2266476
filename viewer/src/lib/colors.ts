// Colour mappings shared by the sigma reducers and the legend, so the legend is always the truth.
import { ENTITY_TYPES, PREDICATES } from '../../../src/types.ts';
import type { EntityType, Predicate, Status } from '../../../src/types.ts';

/** Node colour per entity type (plus Document); colour-blind-friendly-ish, distinct on white. */
export const TYPE_COLORS: Record<EntityType | 'Document', string> = {
  Person: '#e6194b',
  Organization: '#4363d8',
  Agreement: '#f58231',
  Law: '#911eb4',
  Case: '#a9a9a9',
  Program: '#3cb44b',
  Event: '#f032e6',
  Place: '#42a5a5',
  Document: '#9a8c6a',
};

/** Edge colour per predicate; MENTIONS edges stay faint because they are the bulk. */
export const PREDICATE_COLORS: Record<Predicate | 'MENTIONS', string> = {
  MEMBER_OF: '#1f77b4',
  LEADS: '#d62728',
  WORKS_FOR: '#2ca02c',
  PARTY_TO: '#ff7f0e',
  SIGNED: '#8c564b',
  ESTABLISHED: '#9467bd',
  FUNDS: '#bcbd22',
  COOPERATES_WITH: '#17becf',
  OPPOSES: '#b5002b',
  SUPPORTS: '#7fbf3f',
  FILED: '#6b4c9a',
  TARGETS: '#e377c2',
  PARTICIPATED_IN: '#5d6d7e',
  LOCATED_IN: '#a0a0a0',
  PART_OF: '#3c6e71',
  SUCCEEDED_BY: '#c08040',
  MENTIONS: '#d8d4cc',
};

const COMMUNITY_PALETTE = [
  '#1b9e77', '#d95f02', '#7570b3', '#e7298a', '#66a61e', '#e6ab02', '#a6761d', '#1f78b4',
  '#b2df8a', '#fb9a99', '#cab2d6', '#fdbf6f', '#6a3d9a', '#b15928', '#8dd3c7', '#80b1d3',
];

/** Colour of a Louvain community id (stable: same id → same colour). */
export function communityColor(community: number | undefined): string {
  if (community === undefined || community === null || !Number.isFinite(community)) return '#999999';
  return COMMUNITY_PALETTE[Math.abs(Math.trunc(community)) % COMMUNITY_PALETTE.length];
}

/** Colour of an entity type or 'Document' (unknown types fall back to grey). */
export function typeColor(type: string): string {
  return (TYPE_COLORS as Record<string, string>)[type] ?? '#999999';
}

/** Colour of a predicate (unknown predicates fall back to grey). */
export function predicateColor(predicate: string): string {
  return (PREDICATE_COLORS as Record<string, string>)[predicate] ?? '#999999';
}

/** CSS class suffix for a mention status, used by the document view (inferred dashed, confirmed solid…). */
export function statusClass(status: Status | undefined): string {
  return `s-${status ?? 'inferred'}`;
}

export const ALL_TYPES: readonly (EntityType | 'Document')[] = [...ENTITY_TYPES, 'Document'];
export const ALL_PREDICATES: readonly Predicate[] = PREDICATES;

/** Node colour per country (colour by country); 'none' = unknown. */
export const COUNTRY_COLORS: Record<string, string> = {
  US: '#3b6fd1', MX: '#1e9e5a', CA: '#d43d3d', INTL: '#8e5cc4', none: '#a8a8a8',
};

/** Colours of the other country codes (GB, IQ …), none of them grey: a code keeps its colour across graphs. */
const OTHER_COUNTRY_COLORS = ['#c98a00', '#17a2b8', '#d45fb0', '#8c564b', '#7a8f00', '#e07b39', '#5a6fa8', '#2e8b7a'];

/** Colour of a country code (null → grey; a code other than US/MX/CA/INTL → one of OTHER_COUNTRY_COLORS by its letters). */
export function countryColor(country: string | null | undefined): string {
  if (!country) return COUNTRY_COLORS.none!;
  const known = COUNTRY_COLORS[country];
  if (known) return known;
  let h = 0;
  for (let i = 0; i < country.length; i++) h = (h * 31 + country.charCodeAt(i)) >>> 0;
  return OTHER_COUNTRY_COLORS[h % OTHER_COUNTRY_COLORS.length]!;
}

/** Sequential ramp for binned metrics (light → dark, readable on white). */
const RAMP = ['#c6dbef', '#9ecae1', '#6baed6', '#4292c6', '#2171b5', '#08519c', '#08306b'];

/** Colour of bin `i` of `n` (spread over the ramp). */
export function rampColor(i: number, n: number): string {
  if (n <= 1) return RAMP[RAMP.length - 2];
  const at = Math.round((Math.max(0, Math.min(i, n - 1)) / (n - 1)) * (RAMP.length - 1));
  return RAMP[at];
}
