/**
 * The corpus walker: lists the documents under a corpus root without ever leaving it. Symbolic
 * links are resolved and refused when they point outside the root (unless `followSymlinks`),
 * directories are visited once by their real path (so link loops end), and every entry that
 * cannot be listed or is not a regular file is reported and skipped — one bad entry never stops
 * the walk. Documents are named by their path relative to the root.
 */
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, relative, sep } from 'node:path';
import { DocumentError } from '../errors.js';
import { displayPath } from '../util/paths.js';
import { pushAll } from '../util/array.js';

/** A file that could not be read or listed, with a one-line message naming it. */
export interface FileError {
  file: string;
  message: string;
}

/** One document of the corpus. */
export interface CorpusEntry {
  /** Where to read it: its real path (links resolved). */
  file: string;
  /** How messages show it (relative to the working directory when inside it). */
  shown: string;
  /** Its name: the path relative to the corpus root, `/`-separated (`x.txt`, `sub/x.txt`). */
  name: string;
  /** Its graph key (see {@link documentIds}). */
  id: string;
}

/** What {@link walkCorpus} found. */
export interface CorpusListing {
  /** Real path of the corpus root (the directory, or the directory of a single file). */
  root: string;
  entries: CorpusEntry[];
  /** Entries skipped: links outside the root, broken links, loops, unreadable directories, fifos… */
  errors: FileError[];
}

/** Options of {@link walkCorpus}. */
export interface WalkOptions {
  /** Follow links that point outside the root (default false: they are reported and skipped). */
  followSymlinks?: boolean;
}

/** `doc:<name without extension>`: `doc:x` for `x.txt`, `doc:sub/x` for `sub/x.txt`. */
export function docKey(name: string): string {
  const ext = extname(name);
  return `doc:${ext ? name.slice(0, -ext.length) : name}`;
}

/**
 * Graph keys for a corpus's document names: `doc:<name without extension>`, except that names
 * which would share one (`x.txt` and `x.md`) each keep their extension (`doc:x.txt`, `doc:x.md`).
 * A folder of uniquely named files thus keeps the `doc:<stem>` keys it always had.
 */
export function documentIds(names: string[]): Map<string, string> {
  const count = new Map<string, number>();
  for (const n of names) count.set(docKey(n), (count.get(docKey(n)) ?? 0) + 1);
  return new Map(names.map((n) => [n, count.get(docKey(n))! > 1 ? `doc:${n}` : docKey(n)]));
}

/** Is `real` the root or inside it? Both are real (resolved) paths. */
export function isInside(root: string, real: string): boolean {
  return real === root || real.startsWith(root.endsWith(sep) ? root : root + sep);
}

const code = (err: unknown) => (err as NodeJS.ErrnoException).code ?? 'error';

const KIND = (s: { isFIFO(): boolean; isSocket(): boolean; isBlockDevice(): boolean; isCharacterDevice(): boolean }) =>
  s.isFIFO() ? 'a fifo' : s.isSocket() ? 'a socket' : s.isBlockDevice() || s.isCharacterDevice() ? 'a device' : 'not a regular file';

/**
 * Lists the documents of `target` (a directory, walked in name order with hidden entries
 * skipped, or one file). Throws DocumentError only when `target` itself cannot be read.
 */
export async function walkCorpus(target: string, options: WalkOptions = {}): Promise<CorpusListing> {
  let info;
  try {
    info = await stat(target);
  } catch (err) {
    throw new DocumentError(`${target}: cannot read corpus (${code(err)})`);
  }
  const errors: FileError[] = [];
  const found: Omit<CorpusEntry, 'id'>[] = [];
  if (!info.isDirectory()) {
    const real = await realpath(target);
    const name = basename(target);
    found.push({ file: real, shown: displayPath(target), name });
    return finish(dirname(real), found, errors);
  }
  const root = await realpath(target);
  const visited = new Set<string>([root]);
  // Iterative depth-first walk: directory depth is input, so no recursion. Each item: the path as
  // the user sees it, its real path, and its name relative to the root.
  const stack: { path: string; real: string; rel: string }[] = [{ path: target, real: root, rel: '' }];
  const skip = (path: string, why: string) => errors.push({ file: displayPath(path), message: `${displayPath(path)}: ${why}; skipped` });
  while (stack.length) {
    const dir = stack.pop()!;
    let names;
    try {
      names = (await readdir(dir.real, { withFileTypes: true })).map((d) => d.name);
    } catch (err) {
      skip(dir.path, `cannot read directory (${code(err)})`);
      continue;
    }
    names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const subdirs: typeof stack = [];
    for (const n of names) {
      if (n.startsWith('.')) continue;
      const path = join(dir.path, n);
      const rel = dir.rel ? `${dir.rel}/${n}` : n;
      let real = join(dir.real, n);
      let st;
      try {
        const l = await lstat(real);
        if (l.isSymbolicLink()) {
          try {
            real = await realpath(real);
          } catch (err) {
            skip(path, code(err) === 'ELOOP' ? 'symbolic link loop' : `broken symbolic link (${code(err)})`);
            continue;
          }
          if (!options.followSymlinks && !isInside(root, real)) {
            skip(path, 'symbolic link to a path outside the corpus, not read (kg build --follow-symlinks reads it)');
            continue;
          }
          st = await stat(real);
        } else st = l;
      } catch (err) {
        skip(path, `cannot read (${code(err)})`);
        continue;
      }
      if (st.isDirectory()) {
        if (visited.has(real)) {
          skip(path, 'directory already visited (a link loop or a second link to it)');
          continue;
        }
        visited.add(real);
        subdirs.push({ path, real, rel });
      } else if (st.isFile()) found.push({ file: real, shown: displayPath(path), name: rel });
      else skip(path, KIND(st));
    }
    pushAll(stack, subdirs);
  }
  return finish(root, found, errors);
}

function finish(root: string, found: Omit<CorpusEntry, 'id'>[], errors: FileError[]): CorpusListing {
  // Depth-first name order (segment by segment), as a recursive walk of sorted directories gives.
  found.sort((a, b) => bySegments(a.name, b.name));
  const ids = documentIds(found.map((f) => f.name));
  return { root, entries: found.map((f) => ({ ...f, id: ids.get(f.name)! })), errors };
}

function bySegments(a: string, b: string): number {
  const x = a.split('/');
  const y = b.split('/');
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1;
  return x.length - y.length;
}

/** Path relative to the root as a document name (`/`-separated), or undefined when outside it. */
export function nameUnder(root: string, real: string): string | undefined {
  if (!isInside(root, real) || real === root) return undefined;
  return relative(root, real).split(sep).join('/');
}
