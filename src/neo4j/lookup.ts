// kg/neo4j: finding an actor by what an analyst types — key, any name or alias (accents and case
// folded), else the full-text index — and the full-text indexes themselves.
import { fold } from '../util/text.js';
import { ENTITY_LABEL } from './names.js';

/** Full-text index over entity names and aliases (Lucene's standard-folding analyzer folds accents). */
export const NAMES_INDEX = 'kg_entity_names';
/** Full-text index over evidence sentences. */
export const SENTENCES_INDEX = 'kg_sentences';

/**
 * The comparison form of a name: accents, case, quotes and dashes folded, every run of other
 * characters one space ("Secretaría del Trabajo" ≡ "secretaria del trabajo"). Entities carry the
 * keys of their name and aliases (`nameKeys`), so an exact lookup needs no index arithmetic.
 */
export function nameKey(text: string): string {
  return fold(text.normalize('NFC')).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** Every distinct name key of an entity (name first). */
export function nameKeys(name: string, aliases: readonly string[]): string[] {
  return [...new Set([name, ...aliases].map(nameKey).filter((k) => k !== ''))];
}

/** A Lucene query for `text` as one phrase (every special character escaped); '' when nothing is left. */
export function luceneQuery(text: string): string {
  const words = text.replace(/[+\-&|!(){}[\]^"~*?:\\/]/g, ' ').split(/\s+/).filter(Boolean);
  return words.length ? `"${words.join(' ')}"` : '';
}

/** The full-text indexes (created with the constraints, before data; IF NOT EXISTS). */
export function fulltextStatements(): string[] {
  const opts = "OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding', `fulltext.eventually_consistent`: false}}";
  return [
    `CREATE FULLTEXT INDEX ${NAMES_INDEX} IF NOT EXISTS FOR (n:${ENTITY_LABEL}) ON EACH [n.name, n.aliases] ${opts}`,
    `CREATE FULLTEXT INDEX ${SENTENCES_INDEX} IF NOT EXISTS FOR (s:Sentence) ON EACH [s.text] ${opts}`,
  ];
}

/**
 * Cypher that binds `variable` to the actors `$param` names: those whose key is it or one of whose
 * name keys equals `$<param>Key`; only when there is none, the best full-text hit for `$<param>Text`
 * (a Lucene phrase). Ends with `UNWIND … AS variable`: no match, no rows.
 */
export function actorLookup(variable: string, param: string): string {
  return `CALL () {
  OPTIONAL MATCH (x:${ENTITY_LABEL}) WHERE x.key = $${param} OR $${param}Key IN x.nameKeys
  WITH collect(x) AS exact
  CALL (exact) {
    WITH exact WHERE size(exact) = 0 AND $${param}Text <> ''
    CALL db.index.fulltext.queryNodes('${NAMES_INDEX}', $${param}Text, {limit: 1}) YIELD node
    RETURN collect(node) AS near
  }
  RETURN exact + near AS ${variable}s
}
UNWIND ${variable}s AS ${variable}`;
}
