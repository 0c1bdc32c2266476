// Input validation for corrections (zod): shape first, then what each action requires.
import { z } from 'zod';
import { COUNTRIES, ENTITY_TYPES, PREDICATES } from '../types.js';
import { ValidationError } from '../errors.js';
import { CORRECTION_ACTIONS, type Correction, type CorrectionInput } from './types.js';
import { SPAN_ACTIONS } from './key.js';

const entityRef = z.string().regex(/^[a-z][a-z0-9_-]*:\S+$/, 'expected an entity id like org:us-department-of-labor');
const offset = z.number().int().nonnegative();

const inputShape = {
  who: z.string().trim().min(1, 'who (annotator name) is required').max(100)
    .regex(/^[^\u0000-\u001f\u007f]+$/, 'who must not contain control characters'),
  action: z.enum(CORRECTION_ACTIONS),
  doc: z.string().min(1).max(500).optional(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'expected a hex sha256').optional(),
  span: z.object({ start: offset, end: offset, text: z.string() }).strict()
    .refine((s) => s.end > s.start, 'span.end must be greater than span.start')
    .refine((s) => s.text.length === s.end - s.start, 'span.text length must equal end - start (UTF-16 units)')
    .optional(),
  entity: entityRef.optional(),
  type: z.enum(ENTITY_TYPES).optional(),
  target: entityRef.optional(),
  name: z.string().trim().min(1).max(500).optional(),
  country: z.enum(COUNTRIES).nullable().optional(),
  relation: z.object({ subject: entityRef, predicate: z.enum(PREDICATES), object: entityRef }).strict().optional(),
  predicate: z.enum(PREDICATES).optional(),
  evidence: z.object({ start: offset, end: offset }).strict()
    .refine((e) => e.end >= e.start, 'evidence.end must not be before evidence.start').optional(),
  base: z.number().int().nonnegative().optional(),
  undoes: z.number().int().positive().optional(),
  adopts: z.number().int().positive().optional(),
};

/** What an undo may carry: who reverts what (the store fills in the target's doc), plus the stored fields. */
const UNDO_FIELDS = new Set<string>(['who', 'action', 'undoes', 'base', 'doc', 'id', 'seq', 'at', 'key']);

/** Which fields each action needs; returns the first missing requirement, if any. */
function requirementError(c: CorrectionInput): string | undefined {
  if (c.span && !c.doc) return 'span needs doc';
  switch (c.action) {
    case 'accept': case 'reject':
      return c.span || c.entity ? undefined : `${c.action} needs span (with doc) or entity`;
    case 'retype':
      if (!c.type) return 'retype needs type';
      return c.span || c.entity ? undefined : 'retype needs span (with doc) or entity';
    case 'link':
      return !c.span ? 'link needs doc and span' : !c.target ? 'link needs target' : undefined;
    case 'add':
      if (!c.span) return 'add needs doc and span';
      return c.target || c.type ? undefined : 'add needs target (existing entity) or type (new entity)';
    case 'merge':
      if (!c.entity || !c.target) return 'merge needs entity and target';
      return c.entity === c.target ? 'merge: entity and target are the same' : undefined;
    case 'set-country':
      if (!c.entity) return 'set-country needs entity';
      return c.country === undefined ? 'set-country needs country (US, MX, CA, INTL or null)' : undefined;
    case 'add-relation':
      if (!c.relation) return 'add-relation needs relation';
      return c.doc ? undefined : 'add-relation needs doc';
    case 'delete-relation':
      return c.relation ? undefined : 'delete-relation needs relation';
    case 'retype-relation':
      return !c.relation ? 'retype-relation needs relation' : !c.predicate ? 'retype-relation needs predicate' : undefined;
    case 'undo': {
      if (c.undoes === undefined) return 'undo needs undoes (the seq of the correction to revert)';
      const extra = Object.entries(c).filter(([k, v]) => !UNDO_FIELDS.has(k) && v !== undefined).map(([k]) => k);
      return extra.length ? `undo takes only undoes (not ${extra.join(', ')})` : undefined;
    }
  }
}

const inputSchema = z.object(inputShape).strict();
const storedSchema = z.object({
  ...inputShape,
  id: z.string().min(1), seq: z.number().int().positive(), at: z.iso.datetime(), key: z.string().min(1),
}).strict();

function formatIssues(error: z.ZodError): string {
  return error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ');
}

/**
 * Validate what a client sent; returns a clean copy (unknown fields rejected, strings trimmed).
 * `where` prefixes the message (e.g. "correction"). Throws ValidationError.
 */
export function validateInput(input: unknown, where = 'correction'): CorrectionInput {
  const parsed = inputSchema.safeParse(input);
  if (!parsed.success) throw new ValidationError(`${where}: ${formatIssues(parsed.error)}`);
  const c = parsed.data as CorrectionInput;
  const missing = requirementError(c);
  if (missing) throw new ValidationError(`${where}: ${missing}`);
  if (!SPAN_ACTIONS.has(c.action) && c.span) throw new ValidationError(`${where}: ${c.action} takes no span`);
  if (c.action !== 'undo' && c.undoes !== undefined) throw new ValidationError(`${where}: only undo takes undoes`);
  return c;
}

/** Validate one stored log line (already JSON-parsed). Throws ValidationError prefixed by `where` (file:line). */
export function validateStored(value: unknown, where: string): Correction {
  const parsed = storedSchema.safeParse(value);
  if (!parsed.success) throw new ValidationError(`${where}: ${formatIssues(parsed.error)}`);
  const missing = requirementError(parsed.data as CorrectionInput);
  if (missing) throw new ValidationError(`${where}: ${missing}`);
  return parsed.data as Correction;
}
