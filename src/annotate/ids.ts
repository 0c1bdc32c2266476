// Entity id helpers: slug(), the type ↔ id-prefix table, and retyping an id (`person:x` → `org:x`).
import type { EntityType } from '../types.js';
import { slug } from '../util/text.js';

/** Id prefix of each entity type (graph keys like `org:us-department-of-labor`). */
export const TYPE_PREFIX: Readonly<Record<EntityType, string>> = {
  Person: 'person', Organization: 'org', Agreement: 'agreement', Law: 'law',
  Case: 'case', Program: 'program', Event: 'event', Place: 'place',
};

const PREFIX_TYPE = new Map<string, EntityType>(
  Object.entries(TYPE_PREFIX).map(([type, prefix]) => [prefix, type as EntityType]),
);

/** The pipeline's slug (src/util/text.ts), re-exported so ids made here match ids made by the rules. */
export { slug };

/** `<prefix>:<slug(name)>` for a new entity of `type`. */
export function entityId(type: EntityType, name: string): string {
  return `${TYPE_PREFIX[type]}:${slug(name) || 'unnamed'}`;
}

/** The type an id's prefix stands for, if it has a known prefix. */
export function typeOfId(id: string): EntityType | undefined {
  const i = id.indexOf(':');
  return i > 0 ? PREFIX_TYPE.get(id.slice(0, i)) : undefined;
}

/** Same slug under the new type's prefix: `retypeId('person:x', 'Organization')` → `org:x`. */
export function retypeId(id: string, type: EntityType): string {
  const i = id.indexOf(':');
  return `${TYPE_PREFIX[type]}:${i >= 0 ? id.slice(i + 1) : id}`;
}
