// Hostile corpus generator for the fuzz test and `npm run fuzz`: deterministic (seeded) files that
// attack the readers (PDF, HTML, Markdown, UTF-8), the pipeline (long runs, deep nesting, huge
// match counts) and the walker (links out, loops, fifos, odd names), plus good "canary" documents
// that must always come out extracted.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seeded } from '../../src/graph/analyse.js';
import { _pdfObjects } from '../corpus/_helpers.js';

/** A marker written only outside the corpus: it must never appear in anything kg writes or serves. */
export const SECRET = 'KG-FUZZ-SECRET-4f1d9c';

/** What was generated. */
export interface HostileCorpus {
  corpus: string;
  /** file names (relative to corpus) by kind */
  files: { name: string; kind: string }[];
  /** good documents that must be extracted, with an entity id each must yield */
  canaries: { name: string; entity: string }[];
}

const rng = seeded;

const NAMES = ['DOL', 'STPS', 'AFL-CIO', 'U.S. Department of Labor', 'Secretaría del Trabajo y Previsión Social', 'Elaine Chao', 'Mexico City',
  'Frente Auténtico del Trabajo', 'NAALC', 'United Auto Workers', 'Confederation of Mexican Workers', 'ILAB', 'Tijuana', 'Han Young'];
const WORDS = ['the', 'labor', 'union', 'met', 'with', 'in', 'and', 'of', 'workers', 'signed', 'agreement', 'funds', 'Secretary', 'Department',
  'Mexican', 'U.S.', '(', ')', ',', '.', ';', '—', '“', '”', 'Ministry', 'Federation', 'Council', 'Submission', 'No.', '9702', 'Inc.', 'S.A.', 'de', 'C.V.'];

const pdf = _pdfObjects;

const page = (content: number) => `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents ${content} 0 R /Resources << /Font << /F1 4 0 R >> >> >>`;
const font = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';
const stream = (s: string) => `<< /Length ${s.length} >>\nstream\n${s}\nendstream`;
const goodPdf = (text: string) => pdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', page(5), font, stream(`BT /F1 12 Tf 72 720 Td (${text}) Tj ET`)]);

/** Hostile PDF makers. */
const PDFS: Record<string, (r: () => number, n: (x: number) => number) => Buffer> = {
  'self-kids': (_r, n) => Buffer.from('%PDF-1.4\n%kg-fuzz-fixture\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[2 0 R]/Count 1>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n', 'latin1'),
  'kids-cycle': (_r, n) => pdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 2 >>', '<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>']),
  'huge-count': (_r, n) => pdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 999999999 >>', page(5), font, stream('BT /F1 12 Tf (The STPS met.) Tj ET')]),
  'many-kids': (_r, n) => pdf(['<< /Type /Catalog /Pages 2 0 R >>', `<< /Type /Pages /Kids [${'3 0 R '.repeat(n(20000))}] /Count 20000 >>`, page(5), font, stream('BT /F1 12 Tf (The UAW met.) Tj ET')]),
  'deep-array': (r, n) => pdf(['<< /Type /Catalog /Pages 2 0 R >>', `<< /Type /Pages /Kids [3 0 R] /Count 1 /X ${'['.repeat(n(2000) + Math.floor(r() * n(60000)))} >>`, page(5), font, stream('BT (x) Tj ET')]),
  'deep-dict': (_r, n) => pdf(['<< /Type /Catalog /Pages 2 0 R >>', `<< /Type /Pages /Kids [3 0 R] /Count 1 /X ${'<< /A '.repeat(n(20000))} >>`, page(5), font, stream('BT (x) Tj ET')]),
  'ref-cycle': (_r, n) => pdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /Contents 5 0 R /Resources 6 0 R >>', font, '6 0 R', '5 0 R']),
  'bad-length': (_r, n) => pdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', page(5), font, '<< /Length 999999999 >>\nstream\nBT (x) Tj ET\nendstream']),
  'no-xref': (_r, n) => Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n'.repeat(50), 'latin1'),
  'truncated': (r, n) => { const b = goodPdf('The AFL-CIO met the STPS in Mexico City.'); return b.subarray(0, Math.floor(r() * b.length)); },
  'bitflip': (r, n) => {
    const b = Buffer.from(goodPdf('Elaine Chao met the STPS.'));
    for (let i = 0; i < 1 + r() * 20; i++) b[Math.floor(r() * b.length)] = Math.floor(r() * 256);
    b.write('%PDF-', 0, 'latin1');
    return b;
  },
  'garbage': (r, n) => Buffer.concat([Buffer.from('%PDF-1.5\n'), Buffer.from(Array.from({ length: 200 + Math.floor(r() * n(5000)) }, () => Math.floor(r() * 256)))]),
  'operators': (_r, n) => pdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', page(5), font, stream(`BT /F1 12 Tf ${'q '.repeat(n(30000))} (deep) Tj ET`)]),
  'flate-bomb': (_r, n) => pdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', page(5), font, '<< /Length 20 /Filter /FlateDecode >>\nstream\nxxxxxxxxxxxxxxxxxxxx\nendstream']),
};

/** Hostile text makers: [extension, body]. */
const TEXTS: Record<string, (r: () => number, n: (x: number) => number) => [string, string | Buffer]> = {
  'caps-run': (r, n) => ['.txt', `${NAMES[Math.floor(r() * 3)]} `.repeat(n(2000) + Math.floor(r() * n(6000)))],
  'caps-words': (r, n) => ['.txt', Array.from({ length: n(3000) + Math.floor(r() * n(5000)) }, () => `${String.fromCharCode(65 + Math.floor(r() * 26))}${'abcdefgh'.slice(0, 1 + Math.floor(r() * 7))}`).join(' ')],
  'name-list': (r, n) => ['.txt', Array.from({ length: n(2000) + Math.floor(r() * n(4000)) }, () => NAMES[Math.floor(r() * NAMES.length)]).join(', ')],
  'one-line-prose': (r, n) => ['.txt', Array.from({ length: n(20000) + Math.floor(r() * n(30000)) }, () => WORDS[Math.floor(r() * WORDS.length)]).join(' ')],
  'long-word': (r, n) => ['.txt', 'A'.repeat(n(50000) + Math.floor(r() * n(150000)))],
  'parens': (r, n) => ['.txt', `${'('.repeat(n(5000) + Math.floor(r() * n(20000)))}STPS${')'.repeat(n(5000))}`],
  'acronym-defs': (r, n) => ['.txt', Array.from({ length: n(3000) }, (_, i) => `Union Number ${i} (UN${Math.floor(r() * 1e6)})`).join(' ')],
  'controls': (r, n) => ['.txt', Array.from({ length: n(20000) }, () => String.fromCharCode(1 + Math.floor(r() * 31))).join('') + ' The STPS met.'],
  'combining': (r, n) => ['.txt', `The STPS${'\u0301'.repeat(n(10000) + Math.floor(r() * n(40000)))} met the UAW.`],
  'bidi-zw': (_r, n) => ['.txt', `The \u202eSTPS\u202c met\u200b\u200b the\u2066 UAW\u2069 ${'\u200d'.repeat(n(20000))}.`],
  'binary': (r, n) => ['.txt', Buffer.from(Array.from({ length: 500 + Math.floor(r() * n(5000)) }, () => Math.floor(r() * 256)))],
  'bad-utf8': (_r, n) => ['.txt', Buffer.concat([Buffer.from('Secretar'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from(' del Trabajo\n')])],
  'bom-crlf': (_r, n) => ['.md', '\ufeff# Title\r\n\r\nThe **STPS** met\rthe UAW.\r\n'],
  'md-stars': (r, n) => ['.md', `${'*'.repeat(n(5000) + Math.floor(r() * n(20000)))}STPS${'_'.repeat(n(5000))}`],
  'md-brackets': (r, n) => ['.md', `${'['.repeat(n(10000) + Math.floor(r() * n(10000)))}STPS${'](x)'.repeat(n(5000))}`],
  'md-sup': (_r, n) => ['.md', `${'<sup>'.repeat(n(20000))}1${'</sup>'.repeat(n(20000))} The STPS met.`],
  'md-escapes': (_r, n) => ['.md', `${'\\'.repeat(n(40000))}$ The AFL-CIO met.`],
  'md-headings': (_r, n) => ['.md', '# '.repeat(n(50000))],
  'html-deep': (r, n) => ['.html', `${'<div>'.repeat(n(10000) + Math.floor(r() * n(20000)))}The STPS met the UAW.${'</div>'.repeat(100)}`],
  'html-unclosed': (_r, n) => ['.html', `<p>${'<b><i><u>'.repeat(n(10000))}The AFL-CIO<script>${'x'.repeat(n(10000))}`],
  'html-entities': (_r, n) => ['.html', `<p>${'&amp;&#x1F600;&nbsp;&bogus;&#99999999;'.repeat(n(5000))}</p>`],
  'html-comments': (_r, n) => ['.html', `${'<!--'.repeat(n(10000))} STPS --> <title>${'T'.repeat(n(100000))}</title>`],
  'html-script': (_r, n) => ['.html', '<html><head><title>x</title><script>alert(1)</script></head><body><p>The STPS <img src=x onerror=alert(2)> met.</p></body></html>'],
  'gazetteer-dense': (r, n) => ['.txt', Array.from({ length: n(4000) + Math.floor(r() * n(4000)) }, () => NAMES[Math.floor(r() * NAMES.length)]).join(' and ') + '.'],
  'sentences-tiny': (r, n) => ['.txt', 'A. '.repeat(n(20000) + Math.floor(r() * n(20000)))],
  'newlines': (r, n) => ['.txt', '\n'.repeat(n(100000) + Math.floor(r() * n(100000))) + 'The STPS met.'],
  'titles': (_r, n) => ['.txt', 'Secretary of Labor '.repeat(n(5000)) + 'Elaine Chao.'],
  'of-chains': (_r, n) => ['.txt', `Union${' of the Union'.repeat(n(5000))} met.`],
  'quotes': (r, n) => ['.txt', Array.from({ length: n(20000) }, () => '"“”\'‘’«»'[Math.floor(r() * 9)]).join('') + ' The UAW met.'],
  // one sentence of many lines (a line not starting with a capital continues the sentence): a table, a run of clauses without punctuation
  'table': (r, n) => ['.txt', Array.from({ length: n(2000) + Math.floor(r() * n(4000)) }, () => `| ${NAMES[Math.floor(r() * NAMES.length)]} | ${NAMES[Math.floor(r() * NAMES.length)]} ${WORDS[Math.floor(r() * 14)]} |\n`).join('')],
  'verb-run': (r, n) => ['.txt', Array.from({ length: n(2000) + Math.floor(r() * n(4000)) }, () => `${NAMES[Math.floor(r() * NAMES.length)]} met ${NAMES[Math.floor(r() * NAMES.length)]} and signed with`).join(' ')],
  'empty': (_r, n) => ['.txt', ''],
  'whitespace': (_r, n) => ['.txt', ' \t\n'.repeat(n(10000))],
};

/**
 * One file of a family ('pdf:operators', 'text:titles', …) at `scale` times its size (as
 * makeHostileCorpus makes them, from its own seed): [extension, body]. For benchmarks of one family.
 */
export function familyFile(kind: string, scale = 1, seed = 1): [string, string | Buffer] {
  const r = rng(seed);
  const n = (x: number) => Math.max(1, Math.round(x * scale));
  const [group, name] = kind.split(':') as [string, string];
  if (group === 'pdf' && PDFS[name]) return ['.pdf', PDFS[name]!(r, n)];
  if (group === 'text' && TEXTS[name]) return TEXTS[name]!(r, n);
  throw new Error(`no hostile family ${kind}`);
}

/** Good documents: each must be extracted with the entity named. */
const CANARIES: [string, string, string][] = [
  ['.txt', 'U.S. Secretary of Labor Elaine Chao met Mexican Secretary of Labor Carlos Abascal in Mexico City.\n', 'person:elaine-chao'],
  ['.md', '# Cooperation\n\nThe **AFL-CIO** and the Frente Auténtico del Trabajo (FAT) signed an agreement.\n', 'org:afl-cio'],
  ['.html', '<html><head><title>NAO</title></head><body><p>Unions filed a submission against Han Young in Tijuana. The STPS responded.</p></body></html>', 'org:stps'],
];

/**
 * Writes `count` hostile files (sizes times `scale`) (plus canaries and file-system traps) under `root/corpus`, and a secret
 * file beside it that links inside the corpus point to. Same seed, same files.
 */
export function makeHostileCorpus(root: string, count: number, seed = 1, opts: { mutateFrom?: string; scale?: number } = {}): HostileCorpus {
  const r = rng(seed);
  const k = opts.scale ?? 1;
  const n = (x: number) => Math.max(1, Math.round(x * k));
  const corpus = join(root, 'corpus');
  mkdirSync(corpus, { recursive: true });
  writeFileSync(join(root, 'secret.txt'), `${SECRET} Secretary of Labor Elaine Chao.\n`);
  const files: HostileCorpus['files'] = [];
  const put = (name: string, body: string | Buffer, kind: string) => {
    writeFileSync(join(corpus, name), body);
    files.push({ name, kind });
  };
  const pdfKinds = Object.keys(PDFS);
  const textKinds = Object.keys(TEXTS);
  const seeds = opts.mutateFrom ? readdirSync(opts.mutateFrom).filter((f) => /\.(txt|md)$/.test(f)).map((f) => readFileSync(join(opts.mutateFrom!, f), 'utf8')) : [];
  for (let i = 0; i < count; i++) {
    const pick = r();
    const id = String(i).padStart(5, '0');
    if (pick < 0.3) {
      const kind = pdfKinds[i % pdfKinds.length]!;
      put(`${id}-${kind}.pdf`, PDFS[kind]!(r, n), `pdf:${kind}`);
    } else if (pick < 0.85 || !seeds.length) {
      const kind = textKinds[i % textKinds.length]!;
      const [ext, body] = TEXTS[kind]!(r, n);
      put(`${id}-${kind}${ext}`, body, `text:${kind}`);
    } else {
      // a real document cut, spliced and flipped
      const text = seeds[Math.floor(r() * seeds.length)]!;
      const a = Math.floor(r() * text.length);
      const b = Math.floor(r() * text.length);
      const cut = text.slice(0, Math.min(a, b)) + text.slice(Math.max(a, b)).repeat(1 + Math.floor(r() * 3));
      const chars = cut.split('');
      for (let k = 0; k < 10; k++) chars[Math.floor(r() * chars.length)] = String.fromCharCode(Math.floor(r() * 0x3000));
      put(`${id}-mutant.txt`, chars.join(''), 'text:mutant');
    }
  }
  // file-system traps
  const traps: [string, () => void][] = [
    ['link-out.txt', () => symlinkSync(join(root, 'secret.txt'), join(corpus, 'link-out.txt'))],
    ['link-dir-out', () => symlinkSync(root, join(corpus, 'link-dir-out'))],
    ['dangling.txt', () => symlinkSync(join(corpus, 'nowhere.txt'), join(corpus, 'dangling.txt'))],
    ['self-loop.txt', () => symlinkSync(join(corpus, 'self-loop.txt'), join(corpus, 'self-loop.txt'))],
    ['loop/again', () => (mkdirSync(join(corpus, 'loop')), symlinkSync(join(corpus, 'loop'), join(corpus, 'loop', 'again')))],
    ['fifo.txt', () => execFileSync('mkfifo', [join(corpus, 'fifo.txt')])],
    ['ctl\u001b[2J\u0007\nname.txt', () => writeFileSync(join(corpus, 'ctl\u001b[2J\u0007\nname.txt'), 'The STPS met.\n')],
    ['unsupported.docx', () => writeFileSync(join(corpus, 'unsupported.docx'), 'PK\u0003\u0004')],
  ];
  for (const [name, make] of traps) {
    try {
      make();
      files.push({ name, kind: 'fs' });
    } catch { /* e.g. no mkfifo: the trap is left out */ }
  }
  const canaries: HostileCorpus['canaries'] = [];
  CANARIES.forEach(([ext, body, entity], i) => {
    for (const dir of ['', 'sub/']) {
      if (dir) mkdirSync(join(corpus, dir), { recursive: true });
      const name = `${dir}canary-${i}${ext}`;
      writeFileSync(join(corpus, name), body);
      canaries.push({ name, entity });
    }
  });
  return { corpus, files, canaries };
}
