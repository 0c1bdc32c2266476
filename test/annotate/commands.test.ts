import { describe, it, expect, vi } from 'vitest';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exportBrat, importBrat, type BuildFn } from '../../src/annotate/commands.js';
import { applyCorrections } from '../../src/annotate/apply.js';
import { CorrectionStore } from '../../src/annotate/store.js';
import { parseBrat } from '../../src/annotate/brat.js';
import { createProgram } from '../../src/cli.js';
import { UsageError } from '../../src/errors.js';
import type { Extraction } from '../../src/types.js';
import { _doc, _e, _m, _tmp } from './_helpers.js';

const TXT = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'brat', 'kg', 'accents-emoji.txt'), 'utf8');
const doc = _doc(TXT, 'accents-emoji.txt');
const other = _doc('Nothing to see here.\n', 'empty.md');

/** A build like the lead's: rule output with the store's corrections applied. */
function _build(): BuildFn {
  const base: Extraction = {
    doc: doc.name,
    entities: [
      _e('org:stps', 'Organization', 'STPS', [_m(TXT, 'Secretaría del Trabajo y Previsión Social'), _m(TXT, 'STPS')]),
      _e('place:mexico', 'Place', 'México', [_m(TXT, 'México')]),
      _e('org:us-department-of-labor', 'Organization', 'U.S. Department of Labor', [_m(TXT, 'U.S. Department of Labor')]),
    ],
    relations: [],
  };
  return async ({ data }) => {
    const store = await CorrectionStore.open(data!);
    const extraction = applyCorrections(doc, base, store.list()).extraction;
    return { documents: [doc, other], extractions: [extraction], errors: [] };
  };
}

const _opts = (data: string) => ({ corpus: 'unused', data, ontology: join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'ontology'), build: _build(), log: () => {} });

describe('kg annotations export/import (brat)', () => {
  it('should export, take brat edits back as corrections, and export them applied', async () => {
    const out = _tmp(); const data = _tmp();
    expect(await exportBrat(out, _opts(data))).toEqual({ documents: 2, spans: 4, relations: 0 });
    expect(readFileSync(join(out, 'accents-emoji.txt'), 'utf8')).toBe(TXT);
    expect(existsSync(join(out, 'empty.ann'))).toBe(true);
    expect(readFileSync(join(out, 'annotation.conf'), 'utf8')).toMatch(/\[entities\][\s\S]*Organization[\s\S]*\[relations\][\s\S]*LEADS/);
    const annFile = join(out, 'accents-emoji.ann');
    const ann = readFileSync(annFile, 'utf8');
    expect(parseBrat(ann, TXT).errors).toEqual([]);

    // the annotator deletes STPS (T2 with its N and # lines) and marks Ciudad de México as a Place, in brat's code points
    const tStps = /^(T\d+)\tOrganization \d+ \d+\tSTPS$/m.exec(ann)![1];
    const edited = ann.split('\n').filter((l) => !new RegExp(`(^${tStps}\\t| ${tStps}(\\s|$))`).test(l)).join('\n')
      + 'T99\tPlace 161 177\tCiudad de México\nR9\tLOCATED_IN Arg1:T1 Arg2:T99\t\n';
    writeFileSync(annFile, edited);
    const s1 = await importBrat(out, { ..._opts(data), who: 'ana' });
    expect(s1).toMatchObject({ files: 2, conflicts: 0, skipped: [], applied: { add: 1, reject: 1, addRelation: 1, unchanged: 3 } });
    const store = await CorrectionStore.open(data);
    expect(store.list().map((c) => `${c.who} ${c.action}`).sort()).toEqual(['ana add', 'ana add-relation', 'ana reject']);

    await exportBrat(out, _opts(data));
    const again = parseBrat(readFileSync(annFile, 'utf8'), TXT);
    expect(again.textbounds.map((t) => `${t.type} ${t.text}`)).toEqual([
      'Organization Secretaría del Trabajo y Previsión Social', 'Place México', 'Organization U.S. Department of Labor', 'Place Ciudad de México',
    ]);
    expect(again.relations.map((r) => r.type)).toEqual(['LOCATED_IN']);
    const s2 = await importBrat(out, { ..._opts(data), who: 'ana' });
    expect(s2.applied).toMatchObject({ add: 0, reject: 0, addRelation: 0 });
    expect((await CorrectionStore.open(data)).list()).toHaveLength(3);
  });

  it('should report, not apply, a .txt whose text differs from the corpus document', async () => {
    const out = _tmp(); const data = _tmp();
    await exportBrat(out, _opts(data));
    writeFileSync(join(out, 'accents-emoji.txt'), TXT.replace('firmó', 'signed'));
    const s = await importBrat(out, { ..._opts(data), who: 'ana' });
    expect(s.skipped).toEqual([{ file: join(out, 'accents-emoji.ann'), reason: expect.stringMatching(/differs from corpus document accents-emoji\.txt/) }]);
    expect((await CorrectionStore.open(data)).list()).toEqual([]);
  });

  it('should skip a file with annotation errors and name file:line', async () => {
    const out = _tmp(); const data = _tmp();
    await exportBrat(out, _opts(data));
    writeFileSync(join(out, 'accents-emoji.ann'), 'T1\tPlace 80 86\tMéxico\n');
    const s = await importBrat(out, { ..._opts(data), who: 'ana' });
    expect(s.skipped[0].reason).toMatch(/accents-emoji\.ann:1: T1 text "México" does not match/);
  });

  it('should refuse an unknown format', async () => {
    await expect(exportBrat(_tmp(), { ..._opts(_tmp()), format: 'conll' })).rejects.toBeInstanceOf(UsageError);
  });
});

describe('kg annotations list', () => {
  it('should print corrections of one document through the registered command', async () => {
    const data = _tmp();
    const store = await CorrectionStore.open(data);
    await store.append({ who: 'ana', action: 'reject', doc: 'a.txt', span: { start: 0, end: 3, text: 'Fox' } });
    await store.append({ who: 'bob', action: 'set-country', entity: 'org:stps', country: 'MX' });
    const program = createProgram();
    const out: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((s) => { out.push(String(s)); return true; });
    try {
      await program.parseAsync(['annotations', 'list', '--data', data, '--doc', 'a.txt'], { from: 'user' });
      await program.parseAsync(['annotations', 'list', '--data', data, '--json'], { from: 'user' });
    } finally {
      spy.mockRestore();
    }
    expect(out[0]).toMatch(/^#1\t\S+\tana\treject\ta\.txt#0-3\t"Fox"\n$/);
    expect(JSON.parse(out[1]).map((c: { action: string }) => c.action)).toEqual(['reject', 'set-country']);
  });
});

