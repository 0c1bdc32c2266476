// Undo/redo, merge survivors and curation over HTTP: the answer carries the shown document corrected now.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/index.js';
import { EVIL_TEXT, _get, _post, _start, _tempProject } from './_helpers.js';

const DOC = 'evil.txt';
const mexico = () => { const start = EVIL_TEXT.indexOf('Mexico'); return { start, end: start + 6, text: 'Mexico' }; };
const mentionsOf = (ex: { entities: { id: string; mentions: unknown[] }[] }, id: string) => ex.entities.find((e) => e.id === id)?.mentions.length ?? 0;

describe('undo, redo and curation over HTTP', () => {
  let p: Awaited<ReturnType<typeof _tempProject>>;
  let s: RunningServer;
  beforeAll(async () => {
    p = await _tempProject();
    s = await _start(p);
  });
  afterAll(async () => {
    await s.close();
    await p.cleanup();
  });

  it('should answer a correction with the shown document corrected, then undo and redo it', async () => {
    const url = `${s.url}api/corrections?view=${DOC}`;
    const rej = await _post(url, { who: 'ana', action: 'reject', doc: DOC, span: mexico(), entity: 'place:mexico', base: 0 });
    expect(rej.status).toBe(201);
    expect(mentionsOf(rej.body.view.extraction, 'place:mexico')).toBe(0);
    const undo = await _post(url, { who: 'ana', action: 'undo', undoes: rej.body.correction.seq, base: rej.body.correction.seq });
    expect(undo.status).toBe(201);
    expect(undo.body.correction).toMatchObject({ action: 'undo', doc: DOC, key: rej.body.correction.key });
    expect(mentionsOf(undo.body.view.extraction, 'place:mexico')).toBe(1);
    const again = await _post(url, { who: 'ana', action: 'undo', undoes: rej.body.correction.seq, base: undo.body.correction.seq });
    expect(again.status).toBe(400);
    expect(again.body.message).toMatch(/already undone/);
    const redo = await _post(url, { who: 'ana', action: 'undo', undoes: undo.body.correction.seq, base: undo.body.correction.seq });
    expect(redo.status).toBe(201);
    expect(mentionsOf(redo.body.view.extraction, 'place:mexico')).toBe(0);
    // the document route agrees, before and after the rebuild
    expect(mentionsOf((await _get(`${s.url}api/documents/${DOC}`)).body.extraction, 'place:mexico')).toBe(0);
    // a stale base is a conflict
    const stale = await _post(url, { who: 'bob', action: 'undo', undoes: redo.body.correction.seq, base: 1 });
    expect(stale.status).toBe(409);
  });

  it('should list two annotators’ disagreements on a document with their agreement, and what the curator chose', async () => {
    const doc = 'dol-technical-assistance-in-mexico.txt';
    const d = (await _get(`${s.url}api/documents/${doc}`)).body;
    const spans = d.extraction.entities.flatMap((e: { id: string; mentions: { start: number; end: number; text: string }[] }) =>
      e.mentions.map((m) => ({ entity: e.id, span: { start: m.start, end: m.end, text: m.text } })));
    const [x, y, z] = spans;
    const post = async (who: string, action: string, t: { entity: string; span: object }, base = 0) => {
      const r = await _post(`${s.url}api/corrections`, { who, action, doc, span: t.span, entity: t.entity, base });
      expect(r.status).toBe(201);
      return r.body.correction.seq as number;
    };
    const ax = await post('ana', 'accept', x);
    await post('bob', 'accept', x, ax); // agree
    const ay = await post('ana', 'accept', y);
    const by = await post('bob', 'reject', y, ay); // disagree
    await post('ana', 'reject', z);
    const cur = (await _get(`${s.url}api/curation?doc=${doc}`)).body;
    expect(cur.annotators.map((a: { who: string }) => a.who)).toEqual(['ana', 'bob']);
    expect(cur.disagreements.map((g: { span: { start: number } }) => g.span.start)).toEqual([y.span.start, z.span.start]);
    expect(cur.disagreements[0].a.action).toBe('accept');
    expect(cur.disagreements[0].b.action).toBe('reject');
    expect(cur.disagreements[1].b).toBeNull();
    expect(cur.agreement.spans.tp).toBe(1);
    // the curator takes ana's decision on y: it is the decision in force, recorded as adopted
    const pick = await _post(`${s.url}api/corrections`, { who: 'cy', action: 'accept', doc, span: y.span, entity: y.entity, base: by, adopts: ay });
    expect(pick.status).toBe(201);
    const after = (await _get(`${s.url}api/curation?doc=${doc}`)).body;
    expect(after.disagreements[0].curated).toMatchObject({ who: 'cy', adopts: ay });
    const list = (await _get(`${s.url}api/documents`)).body.find((r: { name: string }) => r.name === doc);
    expect(list.annotators).toEqual(['ana', 'bob', 'cy']);
    expect(list.agreement).toMatchObject({ a: 'ana', b: 'bob', disagreements: 2 });
    expect(list.reviewed).toBeGreaterThan(0);
    expect((await _get(`${s.url}api/curation?doc=nope.txt`)).status).toBe(404);
  });

  it('should merge with the survivor’s name and country in every document, and unmerge by undo', async () => {
    const doc = 'dol-technical-assistance-in-mexico.txt';
    const before = (await _get(`${s.url}api/documents/${doc}`)).body.extraction;
    const [src, dst] = before.entities.filter((e: { type: string }) => e.type === 'Organization');
    const m = await _post(`${s.url}api/corrections?view=${doc}`, { who: 'ana', action: 'merge', entity: src.id, target: dst.id, name: src.name, country: 'CA', type: dst.type, base: 0 });
    expect(m.status).toBe(201);
    const merged = m.body.view.extraction.entities.find((e: { id: string }) => e.id === dst.id);
    expect(merged).toMatchObject({ name: src.name, country: 'CA' });
    expect(m.body.view.extraction.entities.some((e: { id: string }) => e.id === src.id)).toBe(false);
    const u = await _post(`${s.url}api/corrections?view=${doc}`, { who: 'ana', action: 'undo', undoes: m.body.correction.seq, base: m.body.correction.seq });
    expect(u.status).toBe(201);
    expect(u.body.correction.doc).toBeUndefined();
    const back = u.body.view.extraction.entities;
    expect(back.find((e: { id: string }) => e.id === src.id)).toMatchObject({ name: src.name });
    expect(back.find((e: { id: string }) => e.id === dst.id)).toMatchObject({ name: dst.name, country: dst.country });
  });
});
