/** Corpus reading: the walker's documents (or one file), each read on its own, errors collected per file. */
import { DocumentError } from '../errors.js';
import type { Document } from '../types.js';
import { readDocument, type ReadOptions } from './read.js';
import { walkCorpus, type CorpusListing, type FileError, type WalkOptions } from './walk.js';

export { readDocument, docKey, FORMATS, DEFAULT_MAX_BYTES } from './read.js';
export { walkCorpus, documentIds, isInside, nameUnder, type CorpusEntry, type CorpusListing, type FileError, type WalkOptions } from './walk.js';

/** List the documents of a corpus directory (or one file); see {@link walkCorpus}. */
export function listCorpus(target: string, options: WalkOptions = {}): Promise<CorpusListing> {
  return walkCorpus(target, options);
}

/** Read every document under `dir`; entries the walker skipped and unreadable files become errors, the rest still load. */
export async function readCorpus(dir: string, options: ReadOptions & WalkOptions = {}): Promise<{ documents: Document[]; errors: FileError[] }> {
  const { root, entries, errors } = await walkCorpus(dir, options);
  const documents: Document[] = [];
  for (const e of entries) {
    try {
      documents.push(await readDocument(e.file, { ...options, displayPath: e.shown, name: e.name, id: e.id, root: options.followSymlinks ? undefined : root }));
    } catch (err) {
      if (!(err instanceof DocumentError)) throw err;
      errors.push({ file: e.shown, message: err.message });
    }
  }
  return { documents, errors };
}
