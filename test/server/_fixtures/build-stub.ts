// A tiny stand-in for buildProject: reads .txt files, finds a few names, applies span rejects/adds.
import Graph from 'graphology';
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CorrectionStore } from '../../../src/annotate/store.js';
import type { Document, Entity, Extraction } from '../../../src/types.js';

const NAMES: [string, string, Entity['type']][] = [
  ['place:mexico', 'Mexico', 'Place'],
  ['org:us-department-of-labor', 'Department of Labor', 'Organization'],
  ['person:elaine-chao', 'Elaine Chao', 'Person'],
];

/** Counts stub builds (tests check coalescing). */
export const stats = { builds: 0 };

/** Same signature as src/build.ts's buildProject; `delayMs` slows it to widen race windows. */
export function makeStubBuild(delayMs = 0) {
  return async (opts: { corpus: string; data?: string }) => {
    stats.builds++;
    const documents: Document[] = [];
    for (const name of (await readdir(opts.corpus)).filter((f) => f.endsWith('.txt')).sort()) {
      const text = await readFile(join(opts.corpus, name), 'utf8');
      const stem = name.replace(/\.txt$/, '');
      documents.push({ id: `doc:${stem}`, name, path: name, format: 'txt', title: text.split('\n')[0].slice(0, 80), text, clean: text,
        sha256: createHash('sha256').update(text).digest('hex') });
    }
    const corrections = (await CorrectionStore.open(opts.data ?? 'data')).list();
    const rejected = new Set(corrections.filter((c) => c.action === 'reject' && c.span).map((c) => c.key));
    const graph = new Graph({ type: 'mixed', multi: true });
    graph.setAttribute('corrections', corrections.length);
    const extractions: Extraction[] = documents.map((doc) => {
      graph.addNode(doc.id, { nodeType: 'document', type: 'Document', label: doc.title, name: doc.name });
      const entities: Entity[] = [];
      for (const [id, name, type] of NAMES) {
        const mentions = [...doc.text.matchAll(new RegExp(name, 'g'))]
          .map((m) => ({ start: m.index, end: m.index + name.length, text: name, rule: 'stub' }))
          .filter((m) => !rejected.has(`${doc.name}#${m.start}-${m.end}`));
        if (!mentions.length) continue;
        entities.push({ id, type, name, aliases: [], country: null, status: 'curated', mentions });
        graph.mergeNode(id, { nodeType: 'entity', type, label: name, name });
        graph.mergeDirectedEdgeWithKey(`${doc.id}|MENTIONS|${id}`, doc.id, id, { edgeType: 'mentions', predicate: 'MENTIONS', spans: mentions, weight: mentions.length });
      }
      return { doc: doc.name, entities, relations: [] };
    });
    for (const c of corrections) if (c.action === 'add' && c.type && c.name) graph.mergeNode(`added:${c.name}`, { nodeType: 'entity', type: c.type, label: c.name });
    if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
    return { graph, documents, extractions, errors: [] };
  };
}
