// Pipeline bench baseline: compromise's own bare parse of every file of a directory —
// nlp(text) plus .people() / .organizations() / .places() — the work the bench compares kg against.
import nlp from 'compromise';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
let n = 0;
for (const f of readdirSync(dir).sort()) {
  const doc = nlp(readFileSync(join(dir, f), 'utf8'));
  n += doc.people().length + doc.organizations().length + doc.places().length;
}
process.stderr.write(`compromise entities ${n}\n`);
