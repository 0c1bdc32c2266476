// Shared helpers for the ontology tests: a private copy of ontology/ to corrupt.
import { appendFileSync, cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A copy of the real ontology/ in a fresh temp dir. */
export function _copyOntology(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'kg-ontology-')), 'ontology');
  cpSync('ontology', dir, { recursive: true });
  return dir;
}

/** Append `lines` to `dir/file`; returns the 1-based line number of the first appended line. */
export function _append(dir: string, file: string, lines: string[]): number {
  const path = join(dir, file);
  let text = readFileSync(path, 'utf8');
  if (!text.endsWith('\n')) {
    appendFileSync(path, '\n');
    text += '\n';
  }
  const first = text.split('\n').length; // text ends with \n: the next line is length
  appendFileSync(path, lines.join('\n') + '\n');
  return first;
}
