/** Corpus reading: every supported file of a directory (or a list of files), errors collected per file. */
import { displayPath } from '../util/paths.js';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { DocumentError } from '../errors.js';
import type { Document } from '../types.js';
import { readDocument, type ReadOptions } from './read.js';

export { readDocument, docKey, FORMATS, DEFAULT_MAX_BYTES } from './read.js';

/** A file that could not be read, with a one-line message naming it. */
export interface FileError {
  file: string;
  message: string;
}

/** List the files of a corpus: a directory is walked (sorted, hidden files skipped), a file is itself. */
export async function listCorpus(target: string): Promise<string[]> {
  let info;
  try {
    info = await stat(target);
  } catch (err) {
    throw new DocumentError(`${target}: cannot read corpus (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  if (info.isFile()) return [target];
  const out: string[] = [];
  const walk = async (dir: string) => {
    const entries = await readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const p = join(dir, e.name);
      if (e.isDirectory()) await walk(p);
      else out.push(p);
    }
  };
  await walk(target);
  return out;
}

/** Read every document under `dir`; unreadable files become errors, the rest still load. */
export async function readCorpus(dir: string, options: ReadOptions = {}): Promise<{ documents: Document[]; errors: FileError[] }> {
  const documents: Document[] = [];
  const errors: FileError[] = [];
  for (const file of await listCorpus(dir)) {
    try {
      documents.push(await readDocument(file, { ...options, displayPath: displayPath(file) }));
    } catch (err) {
      if (!(err instanceof DocumentError)) throw err;
      errors.push({ file, message: err.message });
    }
  }
  return { documents, errors };
}
