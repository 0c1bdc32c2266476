/**
 * Linear-time benchmark (issue 10): is extraction as fast per MB on one big document as on the same
 * text cut into small ones, and on the inputs that used to be superlinear? Each run is a separate
 * `kg extract` child process (the real path: each document in a worker with its CPU budget, which
 * is raised out of the way here), measured by scripts/bench/_measure.ts.
 *
 *   one N MB document, one line  vs  the same N MB as ~20 KB documents (cut at sentence ends)
 *   `DOL ` × 8000 and × 32000 (a capitalised run with no sentence end; 70 CPU-s before the fix)
 *   a run of gazetteer names long enough for 150k matches in one document (a stack overflow before)
 *   a run of capitalised not-name words (`National Federal Spanish ` × 3000; 24 s in trimSegment before)
 *
 * Usage: npx tsx scripts/bench/linear.ts [--mb 10] [--small-kb 20] [--skip-pathological]
 * Text: corpus/*.txt joined with all whitespace folded to one space, repeated to the size.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadNote, measureNode, table, type Measured } from './_measure.ts';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const { values: opt } = parseArgs({ options: { mb: { type: 'string', default: '10' }, 'small-kb': { type: 'string', default: '20' }, 'skip-pathological': { type: 'boolean', default: false } } });
const MB = Number(opt.mb);
const SMALL = Number(opt['small-kb']) * 1024;
const CLI = join(ROOT, 'dist/src/cli.js');
if (!existsSync(CLI)) throw new Error('dist/src/cli.js missing: run `npm run build` first');

const dir = join(tmpdir(), `kg-bench-linear-${process.pid}`);
mkdirSync(join(dir, 'one'), { recursive: true });
mkdirSync(join(dir, 'small'), { recursive: true });
mkdirSync(join(dir, 'patho'), { recursive: true });

const base = readdirSync(join(ROOT, 'corpus')).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(ROOT, 'corpus', f), 'utf8')).join(' ').replace(/\s+/g, ' ');
let text = '';
while (text.length < MB * 1048576) text += `${base} `;
text = text.slice(0, MB * 1048576);
writeFileSync(join(dir, 'one', 'one-line.txt'), text);
// the same text cut into small documents at sentence ends
const small: string[] = [];
for (let i = 0, n = 0; i < text.length; n++) {
  let j = Math.min(text.length, i + SMALL);
  const dot = text.indexOf('. ', j);
  j = dot < 0 || dot - j > 4096 ? j : dot + 1;
  const name = join(dir, 'small', `part-${String(n).padStart(5, '0')}.txt`);
  writeFileSync(name, text.slice(i, j));
  small.push(name);
  i = j;
}
const bytes = Buffer.byteLength(text);

const extract = (label: string, files: string[]): Promise<Measured> =>
  measureNode(label, CLI, ['extract', ...files, '--timeout', '100000', '--max-size', '200MB', '--ontology', join(ROOT, 'ontology')], { cwd: dir, okCodes: [0, 2] });

console.log(`${(bytes / 1048576).toFixed(1)} MB of one-line prose from corpus/; ${small.length} small documents of ~${opt['small-kb']} KB; ${await loadNote()}`);
const rows: string[][] = [['input', 'size', 'wall s', 'CPU s', 'MB/s (wall)', 'MB per CPU-s', 'peak RSS']];
const row = (m: Measured, size: number) => rows.push([m.label, `${(size / 1048576).toFixed(2)} MB`, m.secs.toFixed(1), m.cpuSecs.toFixed(1), (size / 1048576 / m.secs).toFixed(3), (size / 1048576 / m.cpuSecs).toFixed(3), `${m.rssMB.toFixed(0)} MB`]);

const one = await extract('one document, one line', [join(dir, 'one', 'one-line.txt')]);
row(one, bytes);
const many = await extract(`${small.length} small documents`, small);
row(many, bytes);
const ratio = (bytes / one.cpuSecs) / (bytes / many.cpuSecs);

if (!opt['skip-pathological']) {
  const cases: [string, string][] = [
    ['DOL × 8000', 'DOL '.repeat(8000)],
    ['DOL × 32000', 'DOL '.repeat(32000)],
    ['150k gazetteer names', 'STPS, AFL-CIO and DOL; '.repeat(50000)],
    ['not-name run × 9000', 'National Federal Spanish '.repeat(3000)],
  ];
  for (const [label, body] of cases) {
    const f = join(dir, 'patho', `${label.replace(/\W+/g, '-')}.txt`);
    writeFileSync(f, body);
    const m = await extract(label, [f]);
    if (m.stderr.trim()) console.log(`  ${label}: ${m.stderr.trim().split('\n')[0]}`);
    row(m, Buffer.byteLength(body));
  }
}
console.log(table(rows));
console.log(`one document vs small documents, MB per CPU-s: ${ratio.toFixed(2)} (within 30% when ≥ 0.70); one ${MB} MB line in ${one.secs.toFixed(1)} s wall, ${one.cpuSecs.toFixed(1)} CPU-s`);
rmSync(dir, { recursive: true, force: true });
