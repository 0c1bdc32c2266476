// A/B of two checkouts' extraction in one process, passes alternating (A B, B A, …) so that a VM
// whose speed drifts by ±20% over minutes slows both alike: the fastest pass of each, per pipeline
// component. Each directory needs its dist/ built (npm run build).
// Usage: node scripts/bench/ab.mjs DIR_A DIR_B [passes=10] [documents dir=DIR_A/corpus]
import { readdirSync } from 'node:fs';
const [A, B] = [process.argv[2], process.argv[3]]; const P = +(process.argv[4] ?? 10); const DOCS = process.argv[5] ?? `${A}/corpus`;
async function load(D) {
  const { loadOntology } = await import(`${D}/dist/src/ontology/index.js`);
  const { COMPONENTS, extractDocument } = await import(`${D}/dist/src/pipeline/index.js`);
  const { readDocument } = await import(`${D}/dist/src/corpus/read.js`);
  const o = await loadOntology(`${D}/ontology`);
  const docs = []; for (const f of readdirSync(DOCS).sort()) docs.push(await readDocument(`${DOCS}/${f}`));
  const times = new Map(COMPONENTS.map((c) => [c.name, 0]));
  for (const c of COMPONENTS) { const run = c.run; c.run = (ctx, s) => { const t = performance.now(); run(ctx, s); times.set(c.name, times.get(c.name) + performance.now() - t); }; }
  return { D, pass() { for (const k of times.keys()) times.set(k, 0); const t = performance.now(); for (const d of docs) extractDocument(d, o); return { total: performance.now() - t, ...Object.fromEntries(times) }; } };
}
const a = await load(A), b = await load(B);
for (let i = 0; i < 3; i++) { a.pass(); b.pass(); }
const ra = [], rb = [];
for (let i = 0; i < P; i++) { if (i % 2) { rb.push(b.pass()); ra.push(a.pass()); } else { ra.push(a.pass()); rb.push(b.pass()); } }
const med = (xs) => Math.min(...xs);
const keys = Object.keys(ra[0]);
console.log('component'.padEnd(18), 'A'.padStart(7), 'B'.padStart(7), '  B/A');
for (const k of keys) { const x = med(ra.map((r) => r[k])), y = med(rb.map((r) => r[k])); if (x > 3) console.log(k.padEnd(18), x.toFixed(1).padStart(7), y.toFixed(1).padStart(7), (y / x).toFixed(3).padStart(6)); }
