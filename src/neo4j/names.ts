// kg/neo4j: the only labels and relationship types kg ever writes into Cypher text.
import { ENTITY_TYPES, PREDICATES, type EntityType, type Predicate } from '../types.js';
import { ValidationError } from '../errors.js';

/** Labels and types kg manages besides the ontology's: its own fixed vocabulary. */
export const DOCUMENT_LABEL = 'Document';
export const ENTITY_LABEL = 'Entity';
export const COUNTRY_LABEL = 'Country';
export const MENTIONS = 'MENTIONS';
export const BASED_IN = 'BASED_IN';
export const SENTENCE_LABEL = 'Sentence';
export const HAS_SENTENCE = 'HAS_SENTENCE';
export const ABOUT = 'ABOUT';

/** Countries that get a (:Country) node; INTL stays a property only (it is not a place one is based in). */
export const COUNTRY_NAMES: Readonly<Record<string, string>> = { US: 'United States', MX: 'Mexico', CA: 'Canada' };

// Belt and braces: even the ontology constants must look like plain identifiers before they
// are pasted into Cypher, so a future edit of src/types.ts cannot open an injection path.
const IDENTIFIER = /^[A-Z][A-Za-z0-9_]*$/;

/** Returns `type` as a Cypher label if it is an ontology entity class; throws ValidationError otherwise. */
export function entityLabel(type: string, where = 'graph'): EntityType {
  if (!(ENTITY_TYPES as readonly string[]).includes(type) || !IDENTIFIER.test(type)) {
    throw new ValidationError(`${where}: unknown entity type ${JSON.stringify(type)} (expected one of ${ENTITY_TYPES.join(', ')})`);
  }
  return type as EntityType;
}

/** Returns `predicate` as a relationship type if it is an ontology predicate; throws ValidationError otherwise. */
export function relationshipType(predicate: string, where = 'graph'): Predicate {
  if (!(PREDICATES as readonly string[]).includes(predicate) || !IDENTIFIER.test(predicate)) {
    throw new ValidationError(`${where}: unknown predicate ${JSON.stringify(predicate)} (expected one of ${PREDICATES.join(', ')})`);
  }
  return predicate as Predicate;
}

/** `MEMBER_OF|LEADS|…`: every ontology predicate, for variable-length patterns over actor ties. */
export function relationAlternation(): string {
  return PREDICATES.map((p) => relationshipType(p)).join('|');
}
