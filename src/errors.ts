/**
 * Named errors (graphology's errors.js style). The library throws these; the CLI catches once and
 * prints `error.message` on one line. Messages start with where: `ontology/x.yaml:12: …`.
 */

/** Base class: a user-facing error whose message is the whole story (no stack trace shown). */
export class KgError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** A document could not be read (missing, binary, invalid UTF-8, too large, corrupt PDF…). */
export class DocumentError extends KgError {}

/** An ontology file is malformed or refers to something undefined. */
export class OntologyError extends KgError {}

/** A gold file is malformed. */
export class GoldError extends KgError {}

/** Bad command-line usage or options. */
export class UsageError extends KgError {}

/** A pipeline component failed on a document. */
export class PipelineError extends KgError {}

/** A correction does not fit the current state (stale version, unknown target…). */
export class ConflictError extends KgError {}

/** A correction or request is invalid. */
export class ValidationError extends KgError {}

/** Neo4j could not be reached or refused us. */
export class Neo4jError extends KgError {}
