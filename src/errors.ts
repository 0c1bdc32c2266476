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

/** kg's exit codes, the same for every command (documented in `kg --help`). */
export const EXIT = {
  /** done */
  OK: 0,
  /** nothing done: usage, a missing input named on the command line, ontology, output, internal error */
  FAILED: 1,
  /** done, but some documents were skipped (each reported on one line) */
  SKIPPED: 2,
} as const;

/** File-system error codes whose message already names the path: shown as they are, not as internal errors. */
const FS_CODES = new Set(['EACCES', 'EPERM', 'ENOENT', 'EISDIR', 'ENOTDIR', 'ENOSPC', 'EROFS', 'EEXIST', 'EMFILE', 'ELOOP', 'ENAMETOOLONG']);

/** The exit code and the one line to print for an error that reached the CLI. */
export function exitCodeOf(err: unknown): { code: number; message: string } {
  if (err instanceof KgError) return { code: EXIT.FAILED, message: err.message.split('\n')[0]! };
  const e = err as NodeJS.ErrnoException | undefined;
  if (e?.code && FS_CODES.has(e.code)) return { code: EXIT.FAILED, message: e.message.split('\n')[0]! };
  const message = err instanceof Error ? err.message : String(err);
  return { code: EXIT.FAILED, message: `internal error: ${message.split('\n')[0]} (a bug in kg; KG_DEBUG=1 shows where)` };
}
