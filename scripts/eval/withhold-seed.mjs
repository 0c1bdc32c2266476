#!/usr/bin/env node
// Held-out curation test: score one seed document with every curated entity that only it
// mentions withheld from the ontology (so the rules, not the curation, must find them).
// Usage: node scripts/eval/withhold-seed.mjs <seed-stem> [gold-dir=test/fixtures/seeds] [docs=corpus]
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [stem, goldDir = 'test/fixtures/seeds', docs = 'corpus'] = process.argv.slice(2);
if (!stem) {
  console.error('usage: node scripts/eval/withhold-seed.mjs <seed-stem> [gold-dir] [docs]');
  process.exit(1);
}
const kg = (args) => execFileSync('node', ['dist/src/cli.js', ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
const files = readdirSync(docs).filter((f) => /\.(txt|md|markdown|html?|pdf)$/.test(f)).map((f) => join(docs, f));
const byEntity = new Map();
for (const line of kg(['extract', ...files]).trim().split('\n')) {
  const d = JSON.parse(line);
  for (const e of d.entities) if (e.status === 'curated') (byEntity.get(e.id) ?? byEntity.set(e.id, new Set()).get(e.id)).add(d.doc);
}
const doc = files.map((f) => f.split('/').pop()).find((f) => f.replace(/\.[^.]+$/, '') === stem);
if (!doc) throw new Error(`${docs}: no document ${stem}.*`);
const only = [...byEntity].filter(([, s]) => s.size === 1 && s.has(doc)).map(([id]) => id).sort();
const gold = mkdtempSync(join(tmpdir(), 'kg-withhold-'));
cpSync(join(goldDir, `${stem}.gold.json`), join(gold, `${stem}.gold.json`));
const score = (extra) => JSON.parse(kg(['eval', '--gold', gold, '--docs', docs, '--json', ...extra])).headline;
const f = (h) => `entity F1 ${h.entityF1.toFixed(3)}  relation F1 ${h.relationF1.toFixed(3)}  country ${(100 * h.country).toFixed(1)}%`;
console.log(`${stem}: ${only.length} curated entities only it mentions are withheld`);
console.log(`  with the full ontology:  ${f(score([]))}`);
console.log(`  with them withheld:      ${f(score(['--withhold', only.join(',')]))}`);
rmSync(gold, { recursive: true, force: true });
