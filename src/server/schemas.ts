// JSON schemas of request bodies and queries, checked by fastify's ajv (no coercion, no extras).
import { CORRECTION_ACTIONS } from '../annotate/types.js';
import { COUNTRIES, ENTITY_TYPES, PREDICATES } from '../types.js';

const id = { type: 'string', minLength: 1, maxLength: 300 } as const;
const offset = { type: 'integer', minimum: 0 } as const;
const country = { enum: [...COUNTRIES, null] } as const;

/** Body of POST /api/corrections: a CorrectionInput (the store checks which fields each action needs). */
export const correctionBody = {
  type: 'object',
  additionalProperties: false,
  required: ['who', 'action', 'base'],
  properties: {
    who: { type: 'string', minLength: 1, maxLength: 100 },
    action: { enum: [...CORRECTION_ACTIONS] },
    base: { type: 'integer', minimum: 0 },
    undoes: { type: 'integer', minimum: 1 },
    adopts: { type: 'integer', minimum: 1 },
    doc: id,
    sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
    span: {
      type: 'object',
      additionalProperties: false,
      required: ['start', 'end', 'text'],
      properties: { start: offset, end: offset, text: { type: 'string', maxLength: 100_000 } },
    },
    entity: id,
    type: { enum: [...ENTITY_TYPES] },
    target: id,
    name: { type: 'string', minLength: 1, maxLength: 300 },
    country,
    relation: {
      type: 'object',
      additionalProperties: false,
      required: ['subject', 'predicate', 'object'],
      properties: { subject: id, predicate: { enum: [...PREDICATES] }, object: id },
    },
    predicate: { enum: [...PREDICATES] },
    evidence: {
      type: 'object',
      additionalProperties: false,
      required: ['start', 'end'],
      properties: { start: offset, end: offset },
    },
  },
} as const;

/** Body of POST /api/promote: a curated entity to add to (or update in) ontology/entities/<type>.yaml. */
export const promoteBody = {
  type: 'object',
  additionalProperties: false,
  required: ['type', 'name'],
  properties: {
    type: { enum: [...ENTITY_TYPES] },
    name: { type: 'string', minLength: 1, maxLength: 300 },
    alias: { type: 'string', minLength: 1, maxLength: 300 },
    country,
    kind: { type: 'string', minLength: 1, maxLength: 100 },
    id,
  },
} as const;

/** Query of POST /api/corrections: `view` names the document the client shows, to get it back corrected. */
export const correctionPostQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { view: id },
} as const;

/** Query of GET /api/corrections. */
export const correctionsQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { doc: id },
} as const;

