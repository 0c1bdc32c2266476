// How a file is named in messages: relative to the working directory when inside it, else absolute.
import { isAbsolute, relative, resolve } from 'node:path';

/** `corpus/a.txt` for a file under the working directory, `/tmp/x/a.txt` for one outside it. */
export function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  if (!rel) return file;
  return rel.startsWith('..') || isAbsolute(rel) ? resolve(file) : rel;
}
