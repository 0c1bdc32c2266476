/**
 * The hostile families that went over the fuzz run's 10 CPU-s budget (issue 10), each at 1×, 2× and
 * 4× its fuzz size: CPU seconds of `kg extract` (a child process, the real worker path, its budget
 * raised out of the way) and the growth exponent of the extraction time above a tiny document's
 * (the process start-up, the ontology and compromise). Linear work has exponent ≈ 1, a quadratic
 * step ≈ 2. Before this session's fixes the 1× files took 27-116 CPU-s (see the README).
 *
 * Usage: npx tsx scripts/bench/hostile.ts [--family text:titles,…] [--scales 1,2,4] [--cli other/dist/src/cli.js]   (npm run bench:hostile)
 */
import { mkdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadNote, measureNode, table } from './_measure.ts';
import { familyFile } from '../../test/fuzz/_hostile.ts';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const { values: opt } = parseArgs({ options: { family: { type: 'string', default: 'pdf:operators,text:titles,text:acronym-defs,text:gazetteer-dense,text:table,text:verb-run' }, scales: { type: 'string', default: '1,2,4' }, cli: { type: 'string' } } });
// --cli: another build's cli.js (e.g. a copy of dist/ from before a change), for before/after figures
const CLI = resolve(opt.cli ?? join(ROOT, 'dist/src/cli.js'));
if (!existsSync(CLI)) throw new Error('dist/src/cli.js missing: run `npm run build` first');
const dir = join(tmpdir(), `kg-bench-hostile-${process.pid}`);
mkdirSync(dir, { recursive: true });
const scales = opt.scales.split(',').map(Number);

const extract = (label: string, file: string) => measureNode(label, CLI, ['extract', file, '--timeout', '100000', '--max-size', '200MB', '--ontology', join(ROOT, 'ontology')], { cwd: dir, okCodes: [0, 2] });

console.log(await loadNote());
const tiny = join(dir, 'tiny.txt');
writeFileSync(tiny, 'The STPS met the AFL-CIO in Mexico City.\n');
const base = (await extract('tiny', tiny)).cpuSecs;
const rows: string[][] = [['family', 'scale', 'size', 'CPU s', 'above start-up', 'growth exponent', 'result']];
let worst = 0;
for (const kind of opt.family.split(',')) {
  let prev: { above: number; k: number } | undefined;
  for (const k of scales) {
    const [ext, body] = familyFile(kind, k);
    const f = join(dir, `${kind.replace(/\W+/g, '-')}-${k}${ext}`);
    writeFileSync(f, body);
    const m = await extract(kind, f);
    const above = Math.max(0.01, m.cpuSecs - base);
    // time ∝ size^exponent between this scale and the previous one: 1 linear, 2 quadratic
    const exponent = prev === undefined ? undefined : Math.log(above / prev.above) / Math.log(k / prev.k);
    if (exponent !== undefined && above > 0.5) worst = Math.max(worst, exponent);
    const result = m.stderr.split('\n').find((l) => l.startsWith('kg: ')) ?? 'extracted';
    rows.push([kind, `${k}×`, `${(Buffer.byteLength(body) / 1024).toFixed(0)} KB`, m.cpuSecs.toFixed(2), above.toFixed(2), exponent === undefined ? '' : exponent.toFixed(2), result.replace(/^kg: \S+: /, '').slice(0, 70)]);
    prev = { above, k };
  }
}
console.log(table(rows, 1));
console.log(`start-up (a one-line document): ${base.toFixed(2)} CPU-s; largest growth exponent where the extraction takes > 0.5 CPU-s: ${worst ? worst.toFixed(2) : 'n/a'} (1 linear, 2 quadratic)`);
rmSync(dir, { recursive: true, force: true });
