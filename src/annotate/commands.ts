// `kg annotations export|import|list`: the actions registered in src/cli.ts.
import { promises as fs } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, extname, join, sep } from 'node:path';
import type { Document, Extraction } from '../types.js';
import { UsageError } from '../errors.js';
import { bratAnnotationConf, bratToCorrections, parseBrat, toBrat, type BratRelationType } from './brat.js';
import { CorrectionStore } from './store.js';
import { correctionKey } from './key.js';
import type { Correction, CorrectionInput } from './types.js';
import { mkdirp } from '../util/mkdir.js';

/** What the commands need from a build: documents and their extractions with corrections applied. */
export interface BuiltProject { documents: Document[]; extractions: Extraction[]; errors: { file: string; message: string }[] }
/** Builds the project (the lead's buildProject from src/build.ts by default; tests pass their own). */
export type BuildFn = (opts: { corpus: string; ontology?: string; data?: string; onProgress?: (done: number, total: number, name: string) => void }) => Promise<BuiltProject>;

async function defaultBuild(): Promise<BuildFn> {
  // Lazy: `kg annotations list` must not load the pipeline.
  const { buildProject } = await import('../build.js');
  return buildProject;
}

async function relationTypes(ontology: string): Promise<BratRelationType[] | undefined> {
  try {
    const { loadOntologyData } = await import('../ontology/load.js');
    const data = await loadOntologyData(ontology);
    return [...data.relations.values()].map((r) => ({ name: r.name, domain: [...r.domain], range: [...r.range], symmetric: r.symmetric }));
  } catch {
    return undefined; // annotation.conf then allows any entity on either side
  }
}

/** Options shared by export and import. */
export interface ProjectOptions { corpus: string; data: string; ontology: string; format?: string; build?: BuildFn; log?: (line: string) => void }

function checkFormat(format = 'brat'): void {
  if (format !== 'brat') throw new UsageError(`annotations: unknown format "${format}" (supported: brat)`);
}

const stemOf = (name: string) => name.slice(0, name.length - extname(name).length);

/**
 * File stems for documents, unique, by their name (path relative to the corpus): `a.txt` → `a`,
 * `sub/b.md` → `sub/b` (brat reads folders as collections), and `a.md` next to `a.txt` → `a.md`.
 */
function stems(documents: Document[]): Map<Document, string> {
  const seen = new Map<string, number>();
  for (const d of documents) seen.set(stemOf(d.name), (seen.get(stemOf(d.name)) ?? 0) + 1);
  return new Map(documents.map((d) => [d, seen.get(stemOf(d.name))! > 1 ? d.name : stemOf(d.name)]));
}

async function build(opts: ProjectOptions): Promise<BuiltProject> {
  const run = opts.build ?? (await defaultBuild());
  const project = await run({
    corpus: opts.corpus, data: opts.data, ontology: opts.ontology,
    onProgress: (done, total, name) => process.stderr.write(`\rbuild ${done}/${total} ${name}`.padEnd(60).slice(0, 100)),
  });
  process.stderr.write('\n');
  return project;
}

/** Write `<stem>.txt` + `<stem>.ann` per document and annotation.conf into `dir`. Returns the documents written. */
export async function exportBrat(dir: string, opts: ProjectOptions): Promise<{ documents: number; spans: number; relations: number }> {
  checkFormat(opts.format);
  const project = await build(opts);
  await mkdirp(dir);
  const byDoc = new Map(project.extractions.map((e) => [e.doc, e]));
  let spans = 0; let relations = 0;
  for (const [doc, stem] of stems(project.documents)) {
    const ex = byDoc.get(doc.name) ?? { doc: doc.name, entities: [], relations: [] };
    const ann = toBrat(doc.text, ex);
    spans += (ann.match(/^T\d+\t/gm) ?? []).length;
    relations += (ann.match(/^R\d+\t/gm) ?? []).length;
    await mkdirp(dirname(join(dir, stem)));
    await fs.writeFile(join(dir, `${stem}.txt`), doc.text);
    await fs.writeFile(join(dir, `${stem}.ann`), ann);
  }
  await fs.writeFile(join(dir, 'annotation.conf'), bratAnnotationConf(await relationTypes(opts.ontology)));
  const summary = { documents: project.documents.length, spans, relations };
  opts.log?.(`exported ${summary.documents} documents (${spans} spans, ${relations} relations) to ${dir}`);
  return summary;
}

/** Per-run summary of an import. */
export interface ImportSummary {
  files: number;
  applied: { add: number; reject: number; retype: number; link: number; addRelation: number; unchanged: number };
  conflicts: number;
  skipped: { file: string; reason: string }[];
  unknownTypes: Record<string, number>;
  warnings: string[];
}

/**
 * Turn every `<stem>.ann` (+ `<stem>.txt`) in `dir` into corrections by `who`. A file is matched to the
 * corpus document with the same stem, or else with the same text hash; one whose text differs from the
 * document, or with annotation errors, is skipped and reported, never half-applied.
 */
export async function importBrat(dir: string, opts: ProjectOptions & { who: string; dryRun?: boolean }): Promise<ImportSummary> {
  checkFormat(opts.format);
  const files = (await fs.readdir(dir, { recursive: true }).catch(() => { throw new UsageError(`${dir}: cannot read directory`); }))
    .map((f) => f.split(sep).join('/')).filter((f) => f.endsWith('.ann')).sort();
  const summary: ImportSummary = { files: 0, applied: { add: 0, reject: 0, retype: 0, link: 0, addRelation: 0, unchanged: 0 }, conflicts: 0, skipped: [], unknownTypes: {}, warnings: [] };
  if (!files.length) throw new UsageError(`${dir}: no .ann files`);
  const project = await build(opts);
  const store = await CorrectionStore.open(opts.data);
  const byStem = new Map([...stems(project.documents)].map(([d, s]) => [s, d]));
  const bySha = new Map(project.documents.map((d) => [d.sha256, d]));
  const byDoc = new Map(project.extractions.map((e) => [e.doc, e]));
  for (const f of files) {
    const stem = f.slice(0, -4);
    const annFile = join(dir, f);
    const txt = await fs.readFile(join(dir, `${stem}.txt`), 'utf8').catch(() => undefined);
    if (txt === undefined) { summary.skipped.push({ file: annFile, reason: `no ${stem}.txt next to it` }); continue; }
    const sha = createHash('sha256').update(txt).digest('hex');
    const doc = byStem.get(stem)?.sha256 === sha ? byStem.get(stem)! : bySha.get(sha);
    if (!doc) {
      summary.skipped.push({ file: annFile, reason: byStem.has(stem)
        ? `${stem}.txt differs from corpus document ${byStem.get(stem)!.name} (edited text?); not applied`
        : 'no corpus document with this name or text' });
      continue;
    }
    const ann = parseBrat(await fs.readFile(annFile, 'utf8'), txt, annFile);
    if (ann.errors.length) { summary.skipped.push({ file: annFile, reason: ann.errors.join('; ') }); continue; }
    const plan = bratToCorrections(doc, byDoc.get(doc.name) ?? { doc: doc.name, entities: [], relations: [] }, ann, opts.who);
    summary.files++;
    for (const [k, n] of Object.entries(plan.counts)) summary.applied[k as keyof ImportSummary['applied']] += n;
    for (const [t, n] of Object.entries(plan.unknownTypes)) summary.unknownTypes[t] = (summary.unknownTypes[t] ?? 0) + n;
    summary.warnings.push(...plan.warnings.map((w) => `${annFile}: ${w}`));
    if (!opts.dryRun) summary.conflicts += await appendAll(store, plan.corrections);
  }
  opts.log?.(formatImport(summary, opts.dryRun));
  return summary;
}

/** Append with base = the latest seq on each key (an import is a fresh decision); returns the conflicts lost. */
async function appendAll(store: CorrectionStore, inputs: CorrectionInput[]): Promise<number> {
  const byKey = new Map<string, CorrectionInput>();
  for (const c of inputs) if (!byKey.has(correctionKey(c))) byKey.set(correctionKey(c), c);
  const results = await Promise.allSettled([...byKey].map(([key, c]) => store.append({ ...c, base: store.latest(key)?.seq ?? 0 })));
  const failed = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
  const other = failed.find((r) => (r.reason as Error).name !== 'CorrectionConflictError');
  if (other) throw other.reason;
  return failed.length;
}

function formatImport(s: ImportSummary, dryRun?: boolean): string {
  const a = s.applied;
  const lines = [`${dryRun ? 'would import' : 'imported'} ${s.files} files: ${a.add} add, ${a.reject} reject, ${a.retype} retype, ` +
    `${a.link} link, ${a.addRelation} add-relation, ${a.unchanged} unchanged${s.conflicts ? `, ${s.conflicts} conflicts (someone else decided first)` : ''}`];
  const unknown = Object.entries(s.unknownTypes);
  if (unknown.length) lines.push(`unknown brat types (ignored): ${unknown.map(([t, n]) => `${t} ×${n}`).join(', ')}`);
  for (const k of s.skipped) lines.push(`skipped ${k.file}: ${k.reason}`);
  for (const w of s.warnings) lines.push(`warning: ${w}`);
  return lines.join('\n');
}

/** One line per correction: `#seq at who action key …`. */
export function formatCorrection(c: Correction): string {
  const what = c.span ? JSON.stringify(c.span.text)
    : c.relation ? `${c.relation.subject} ${c.relation.predicate} ${c.relation.object}` : c.entity ?? '';
  const extra = [c.type && `type=${c.type}`, c.target && `→ ${c.target}`, c.predicate && `→ ${c.predicate}`,
    c.country !== undefined && `country=${c.country}`].filter(Boolean).join(' ');
  return `#${c.seq}\t${c.at}\t${c.who}\t${c.action}\t${c.key}\t${what}${extra ? ` ${extra}` : ''}`;
}

/** Corrections of the store (optionally one document's), as lines or JSON. */
export async function listCorrections(opts: { data: string; doc?: string; json?: boolean; log: (line: string) => void }): Promise<Correction[]> {
  const store = await CorrectionStore.open(opts.data, { onWarning: (w) => process.stderr.write(`warning: ${w}\n`) });
  const list = store.list(opts.doc !== undefined ? { doc: opts.doc } : {});
  if (opts.json) opts.log(JSON.stringify(list, null, 2));
  else if (list.length) opts.log(list.map(formatCorrection).join('\n'));
  else opts.log(`no corrections${opts.doc ? ` for ${opts.doc}` : ''} in ${store.file}`);
  return list;
}
