// Shared helpers for the graph tests: hand-made documents and extractions.
import type { DocumentInfo } from '../../src/graph/build.js';
import type { Entity, Extraction, Mention, Relation } from '../../src/types.js';

export const TEXT_A = 'Ana Ruiz leads the STPS. The STPS and AT&T <Mexico> cooperate. Ana Ruiz met the UAW.';
export const TEXT_B = 'The STPS met the UAW in Mexico City. The Secretaría del Trabajo agreed.';

/** A DocumentInfo for `name` over `text`. */
export function _info(name: string, text: string): DocumentInfo {
  return { id: `doc:${name.replace(/\.[^.]+$/, '')}`, name, path: `corpus/${name}`, title: `Title of ${name}`, sha256: name.padEnd(64, '0'), text };
}

/** Mentions of every occurrence of `needle` in `text`. */
export function _spans(text: string, needle: string, rule = 'test'): Mention[] {
  const out: Mention[] = [];
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) out.push({ start: at, end: at + needle.length, text: needle, rule });
  return out;
}

export function _entity(id: string, type: Entity['type'], name: string, mentions: Mention[], extra: Partial<Entity> = {}): Entity {
  return { id, type, name, aliases: [...new Set(mentions.map((m) => m.text))], country: null, status: 'inferred', mentions, ...extra };
}

/** A relation whose evidence is the sentence of `text` containing `needle`. */
export function _rel(text: string, subject: string, predicate: Relation['predicate'], object: string, needle: string, rule = 'test.rule'): Relation {
  const at = text.indexOf(needle);
  const dot = text.lastIndexOf('. ', at);
  const start = dot < 0 ? 0 : dot + 2;
  const end = text.indexOf('.', at) + 1;
  return { subject, predicate, object, evidence: { start, end }, rule };
}

/** Two documents: STPS (curated) in both, an inferred duplicate of it by Spanish name in B, relations in A. */
export function _corpus(): { documents: DocumentInfo[]; extractions: Extraction[] } {
  const a: Extraction = {
    doc: 'a.txt',
    entities: [
      _entity('person:ana-ruiz', 'Person', 'Ana Ruiz', _spans(TEXT_A, 'Ana Ruiz', 'person.first-name'), { country: 'MX' }),
      _entity('org:stps', 'Organization', 'Secretariat of Labor and Social Welfare', _spans(TEXT_A, 'STPS', 'gazetteer'), { status: 'curated', country: 'MX', kind: 'ministry' }),
      _entity('org:att-mexico', 'Organization', 'AT&T <Mexico>', _spans(TEXT_A, 'AT&T <Mexico>', 'org.company')),
      _entity('org:uaw', 'Organization', 'United Auto Workers', _spans(TEXT_A, 'UAW', 'gazetteer'), { status: 'curated', country: 'US' }),
    ],
    relations: [
      _rel(TEXT_A, 'person:ana-ruiz', 'LEADS', 'org:stps', 'leads'),
      _rel(TEXT_A, 'org:stps', 'COOPERATES_WITH', 'org:att-mexico', 'cooperate', 'cooperates.and-verb'),
    ],
  };
  const b: Extraction = {
    doc: 'b.txt',
    entities: [
      _entity('org:stps', 'Organization', 'Secretariat of Labor and Social Welfare', _spans(TEXT_B, 'STPS', 'gazetteer'), { status: 'curated', country: 'MX', kind: 'ministry' }),
      _entity('org:uaw', 'Organization', 'United Auto Workers', _spans(TEXT_B, 'UAW', 'gazetteer'), { status: 'curated', country: 'US' }),
      _entity('place:mexico-city', 'Place', 'Mexico City', _spans(TEXT_B, 'Mexico City', 'gazetteer'), { status: 'curated', country: 'MX' }),
      // an inferred entity that shares an alias with the curated one: folds into org:stps
      { ..._entity('org:secretaria-del-trabajo', 'Organization', 'Secretaría del Trabajo', _spans(TEXT_B, 'Secretaría del Trabajo', 'org.head-first.es')), aliases: ['Secretaría del Trabajo', 'STPS'] },
    ],
    relations: [
      _rel(TEXT_B, 'org:uaw', 'COOPERATES_WITH', 'org:stps', 'met', 'cooperates.met'),
      _rel(TEXT_B, 'org:stps', 'LOCATED_IN', 'place:mexico-city', 'met', 'located.in'),
    ],
  };
  return { documents: [_info('a.txt', TEXT_A), _info('b.txt', TEXT_B)], extractions: [a, b] };
}
