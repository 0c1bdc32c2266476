/**
 * Pipeline benchmark: replicate corpus/ to ≥ 20 MB (distinct file names, text unchanged), then time in
 * separate child processes (so peak RSS is each one's own): compromise's bare parse of the same text
 * (nlp(text) + people/organizations/places), `kg extract`, and `kg build`. Prints MB/s and peak RSS.
 * Usage: npx tsx scripts/bench/pipeline.ts [--mb 20] [--workers N]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const mb = Number(args[args.indexOf('--mb') + 1] || 20) || 20;
const workers = args.includes('--workers') ? args[args.indexOf('--workers') + 1]! : undefined;
const root = join(tmpdir(), `kg-bench-${process.pid}`);
const corpus = join(root, 'corpus');
mkdirSync(corpus, { recursive: true });
const sources = readdirSync('corpus').map((f) => ({ f, text: readFileSync(join('corpus', f), 'utf8') }));
let bytes = 0;
let copy = 0;
while (bytes < mb * 1048576) {
  for (const { f, text } of sources) {
    writeFileSync(join(corpus, `${String(copy).padStart(5, '0')}-${f}`), text);
    bytes += Buffer.byteLength(text);
  }
  copy++;
}
const MB = bytes / 1048576;
console.log(`corpus: ${readdirSync(corpus).length} files, ${MB.toFixed(1)} MB (${copy} copies of corpus/)`);

/** Run a command under /usr/bin/time -v and return wall seconds and peak RSS (MB). */
function measure(label: string, cmd: string, argv: string[]): { label: string; secs: number; rss: number } {
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-v', cmd, ...argv], { encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'ignore', 'pipe'] });
  const secs = (performance.now() - t0) / 1000;
  if (r.status !== 0 && r.status !== 2) throw new Error(`${label} failed (${r.status}): ${r.stderr.slice(-2000)}`);
  const rss = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1] ?? 0) / 1024;
  return { label, secs, rss };
}

const compromiseScript = join(root, 'compromise.mjs');
writeFileSync(compromiseScript, `
import nlp from ${JSON.stringify(pathToFileURL(createRequire(import.meta.url)('path').join(process.cwd(), 'node_modules/compromise/src/three.js')).href)};
import { readdirSync, readFileSync } from 'node:fs';
const dir = process.argv[2];
let n = 0;
for (const f of readdirSync(dir)) {
  const doc = nlp(readFileSync(dir + '/' + f, 'utf8'));
  n += doc.people().length + doc.organizations().length + doc.places().length;
}
console.error('compromise entities', n);
`);
try {
  execFileSync('/usr/bin/time', ['--version'], { stdio: 'ignore' });
} catch {
  console.error('bench needs /usr/bin/time (apt-get install -y time)');
  process.exit(1);
}
const files = readdirSync(corpus).map((f) => join(corpus, f));
const results = [
  measure('compromise bare parse', process.execPath, [compromiseScript, corpus]),
  measure('kg extract', process.execPath, ['dist/src/cli.js', 'extract', ...files.slice(0, 4000)]),
  measure('kg build (1 thread)', process.execPath, ['dist/src/cli.js', 'build', corpus, '--out', join(root, 'graph.json'), '--quiet', '--workers', '1']),
  measure(`kg build (${workers ?? 'auto'} workers)`, process.execPath, ['dist/src/cli.js', 'build', corpus, '--out', join(root, 'graph.json'), '--quiet', ...(workers ? ['--workers', workers] : [])]),
];
const base = results[0]!.secs;
console.log(`\n${'step'.padEnd(28)} ${'secs'.padStart(8)} ${'MB/s'.padStart(8)} ${'× compromise'.padStart(13)} ${'peak RSS MB'.padStart(12)}`);
for (const r of results) {
  const size = r.label === 'kg extract' ? files.slice(0, 4000).reduce((a, f) => a + statSync(f).size, 0) / 1048576 : MB;
  console.log(`${r.label.padEnd(28)} ${r.secs.toFixed(1).padStart(8)} ${(size / r.secs).toFixed(2).padStart(8)} ${(size / r.secs / (MB / base)).toFixed(2).padStart(13)} ${r.rss.toFixed(0).padStart(12)}`);
}
console.log(`graph.json: ${(statSync(join(root, 'graph.json')).size / 1048576).toFixed(1)} MB`);
rmSync(root, { recursive: true, force: true });
