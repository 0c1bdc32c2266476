// What threads that do not extract need of an ontology, in a form that crosses threads (structured clone).
import type { Ontology } from '../ontology/index.js';
import type { OntologyInfo } from './pool.js';

/** Countries' ISO codes, relation types, abbreviations and load warnings of a loaded ontology. */
export function ontologyInfo(o: Ontology): OntologyInfo {
  return {
    curated: [...o.entities].filter(([, e]) => e.iso).map(([id, e]) => [id, { iso: e.iso, country: e.country }]),
    relations: [...o.relations],
    abbreviations: [...o.lex.abbreviations],
    warnings: o.warnings,
  };
}
