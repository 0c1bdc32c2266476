/** `kg extract`: one JSON object per document per line (the shape every other tool reads). */
import { extractWithCorrections, loadCorrections } from '../build.js';
import { readDocument } from '../corpus/index.js';
import { KgError } from '../errors.js';
import { loadOntology } from '../ontology/index.js';

/** Run `kg extract`; returns the exit code (2 when a document failed). */
export async function extractCommand(files: string[], opts: { ontology: string; data?: string; pretty?: boolean }): Promise<number> {
  const ontology = await loadOntology(opts.ontology);
  const corrections = opts.data ? await loadCorrections(opts.data) : [];
  let failed = 0;
  for (const file of files) {
    try {
      const doc = await readDocument(file);
      const { extraction } = extractWithCorrections(doc, ontology, corrections);
      if (opts.pretty) {
        process.stdout.write(`${extraction.doc}\n`);
        for (const e of extraction.entities) process.stdout.write(`  ${e.type.padEnd(12)} ${e.name} [${e.country ?? '-'}] ${e.status} ×${e.mentions.length}\n`);
        for (const r of extraction.relations) process.stdout.write(`  ${r.subject} ${r.predicate} ${r.object} (${r.rule})\n`);
      } else process.stdout.write(JSON.stringify(extraction) + '\n');
    } catch (err) {
      if (!(err instanceof KgError)) throw err;
      process.stderr.write(`kg: ${err.message}\n`);
      failed++;
    }
  }
  return failed ? 2 : 0;
}
