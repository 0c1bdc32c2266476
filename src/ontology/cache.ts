/**
 * A cache of parsed ontology files, so that each start of kg (every worker thread of every build)
 * does not parse the same YAML again: the `yaml` package's parse of the shipped ~200 KB took
 * ~0.45 CPU-s of a worker's ~2 s start-up. An entry is keyed by the file's exact text (SHA-256,
 * with the parser's version and options), holds the parsed value (v8 serialisation: numbers such
 * as .inf survive) and the lines its records were found on; validation (zod) and every check of
 * the ontology still run on each load. A file edited is a new key; an entry that cannot be read is
 * a miss. Entries live in <package>/node_modules/.cache/kg (as vite and babel keep theirs), or
 * KG_CACHE_DIR; KG_CACHE_DIR=off turns the cache off. At most {@link MAX_ENTRIES} are kept.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { threadId } from 'node:worker_threads';
import { mkdirpSync } from '../util/mkdir.js';

/** Bump when what a parse yields changes (options, alias limit, the shape of an entry). */
const FORMAT = 1;
const MAX_ENTRIES = 64;

/** One parsed file: its value and the line of each path asked for (JSON of the path → line). */
export interface CachedParse {
  value: unknown;
  lines: Record<string, number>;
}

function yamlVersion(): string {
  try {
    return (createRequire(import.meta.url)('yaml/package.json') as { version: string }).version;
  } catch {
    return '?';
  }
}

let packageCache: string | null | undefined;

/** The cache directory (KG_CACHE_DIR read at each call), or undefined when off or there is no package directory to hold it. */
function cacheDir(): string | undefined {
  const env = process.env.KG_CACHE_DIR;
  if (env !== undefined) return env === '' || env === 'off' ? undefined : env;
  if (packageCache === undefined) {
    packageCache = null;
    let dir = dirname(fileURLToPath(import.meta.url));
    for (let up = 0; up < 6; up++) {
      if (existsSync(join(dir, 'package.json'))) {
        packageCache = join(dir, 'node_modules', '.cache', 'kg');
        break;
      }
      dir = dirname(dir);
    }
  }
  return packageCache ?? undefined;
}

class YamlCache {
  private salt = `kg ontology cache ${FORMAT}; yaml ${yamlVersion()}`;
  private file(source: string, options: string): string | undefined {
    const dir = cacheDir();
    if (!dir) return undefined;
    const key = createHash('sha256').update(`${this.salt}; ${options}\n`).update(source).digest('hex');
    return join(dir, `${key}.v8`);
  }

  /** The parse of exactly this text with these options, if one was kept. */
  read(source: string, options: string): CachedParse | undefined {
    const file = this.file(source, options);
    if (!file) return undefined;
    try {
      const entry = deserialize(readFileSync(file)) as { value?: Buffer; lines?: Record<string, number> };
      if (!entry || !(entry.value instanceof Uint8Array) || typeof entry.lines !== 'object' || entry.lines === null) return undefined;
      return { value: deserialize(entry.value), lines: { ...entry.lines } };
    } catch {
      return undefined;
    }
  }

  /**
   * Keep a parse: `value` serialised now (before anyone can change the objects), the lines when
   * the returned function is called (after the load asked for them). Failures to write are ignored.
   */
  prepare(source: string, options: string, value: unknown, lines: Record<string, number>): () => void {
    const file = this.file(source, options);
    if (!file) return () => {};
    let bytes: Buffer;
    try {
      bytes = serialize(value);
    } catch {
      return () => {};
    }
    return () => {
      try {
        mkdirpSync(dirname(file));
        const tmp = `${file}.${process.pid}.${threadId}.tmp`;
        writeFileSync(tmp, serialize({ value: bytes, lines }));
        renameSync(tmp, file);
        prune(dirname(file));
      } catch {
        // a read-only install or a full disk: no cache, same result
      }
    };
  }

}

/** Keep the newest {@link MAX_ENTRIES} entries of the directory. */
function prune(dir: string): void {
  const entries = readdirSync(dir).filter((f) => f.endsWith('.v8'));
  if (entries.length <= MAX_ENTRIES) return;
  const aged = entries.map((f) => ({ f, t: statSync(join(dir, f)).mtimeMs })).sort((a, b) => b.t - a.t);
  for (const { f } of aged.slice(MAX_ENTRIES)) unlinkSync(join(dir, f));
}

export const yamlCache = new YamlCache();
