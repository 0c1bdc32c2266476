// Undo/redo through the store (durable, keyed like its target, 409 on a stale base) and through apply.
import { describe, expect, it } from 'vitest';
import { applyCorrections } from '../../src/annotate/apply.js';
import { CorrectionStore } from '../../src/annotate/store.js';
import { ConflictError, ValidationError } from '../../src/errors.js';
import type { Extraction } from '../../src/types.js';
import { _accept, _doc, _e, _log, _m, _tmp } from './_helpers.js';

describe('CorrectionStore undo', () => {
  it('should append an undo with its target key and doc, durably, and refuse to undo twice', async () => {
    const dir = _tmp();
    const store = await CorrectionStore.open(dir);
    const a = await store.append(_accept('a.txt', 0, 'FAT'));
    const r = await store.append(_accept('a.txt', 0, 'FAT', { action: 'reject', base: a.seq }));
    const u = await store.append({ who: 'ana', action: 'undo', undoes: r.seq, base: r.seq });
    expect(u).toMatchObject({ action: 'undo', undoes: 2, key: 'a.txt#0-3', doc: 'a.txt', seq: 3 });
    await expect(store.append({ who: 'ana', action: 'undo', undoes: r.seq, base: u.seq })).rejects.toThrow(/#2 is already undone/);
    // redo = undo the undo
    const redo = await store.append({ who: 'ana', action: 'undo', undoes: u.seq, base: u.seq });
    expect(redo.key).toBe('a.txt#0-3');
    await expect(store.append({ who: 'ana', action: 'undo', undoes: u.seq, base: redo.seq })).rejects.toThrow(/#3 is already redone/);
    const reopened = await CorrectionStore.open(dir);
    expect(reopened.list().map((c) => c.action)).toEqual(['accept', 'reject', 'undo', 'undo']);
    expect(reopened.list({ doc: 'a.txt' })).toHaveLength(4);
  });

  it('should answer a stale base with a conflict, as for any other correction', async () => {
    const store = await CorrectionStore.open(_tmp());
    const a = await store.append(_accept('a.txt', 0, 'FAT'));
    await store.append(_accept('a.txt', 0, 'FAT', { who: 'bob', action: 'reject', base: a.seq }));
    await expect(store.append({ who: 'ana', action: 'undo', undoes: a.seq, base: a.seq })).rejects.toBeInstanceOf(ConflictError);
  });

  it('should undo a correction committed in the same group', async () => {
    const store = await CorrectionStore.open(_tmp());
    const [a, u] = await Promise.all([
      store.append(_accept('a.txt', 0, 'FAT')),
      store.append({ who: 'ana', action: 'undo', undoes: 1, base: 1 }),
    ]);
    expect(u).toMatchObject({ undoes: a.seq, key: a.key });
  });

  it.each([
    [{ who: 'a', action: 'undo' }, /undo needs undoes/],
    [{ who: 'a', action: 'undo', undoes: 1, span: { start: 0, end: 1, text: 'x' }, doc: 'a' }, /undo takes only undoes \(not span\)/],
    [{ who: 'a', action: 'undo', undoes: 1, entity: 'org:x' }, /undo takes only undoes \(not entity\)/],
    [{ who: 'a', action: 'accept', entity: 'org:x', undoes: 1 }, /only undo takes undoes/],
    [{ who: 'a', action: 'undo', undoes: 7 }, /undoes #7: no such correction/],
  ])('should refuse a malformed undo %# with a ValidationError', async (input, message) => {
    const store = await CorrectionStore.open(_tmp());
    const p = store.append(input as never);
    await expect(p).rejects.toBeInstanceOf(ValidationError);
    await expect(p).rejects.toThrow(message);
  });

  it('should refuse an undo that names another document than its target', async () => {
    const store = await CorrectionStore.open(_tmp());
    await store.append(_accept('a.txt', 0, 'FAT'));
    await expect(store.append({ who: 'a', action: 'undo', undoes: 1, doc: 'b.txt', base: 1 })).rejects.toThrow(/about a\.txt, not b\.txt/);
  });
});

const TEXT = 'Kim Nolan met the STPS. Kimberly A. Nolan García wrote it.';
const doc = _doc(TEXT);
function _ex(): Extraction {
  return {
    doc: 'd.txt',
    entities: [
      _e('person:kim-nolan', 'Person', 'Kim Nolan', [_m(TEXT, 'Kim Nolan')], { country: 'US' }),
      _e('person:kimberly-a-nolan-garcia', 'Person', 'Kimberly A. Nolan García', [_m(TEXT, 'Kimberly A. Nolan García')], { country: 'MX' }),
      _e('org:stps', 'Organization', 'STPS', [_m(TEXT, 'STPS')], { status: 'curated', country: 'MX' }),
    ],
    relations: [{ subject: 'person:kim-nolan', predicate: 'COOPERATES_WITH', object: 'org:stps', evidence: { start: 0, end: 23 }, rule: 'r' }],
  };
}
const names = (ex: Extraction) => ex.entities.map((e) => e.name).sort();

describe('applyCorrections with undo and merge survivors', () => {
  it('should put a rejected mention back when the reject is undone, and remove it again on redo', () => {
    const rej = { action: 'reject' as const, doc: 'd.txt', span: { start: 0, end: 9, text: 'Kim Nolan' } };
    expect(names(applyCorrections(doc, _ex(), _log(rej)).extraction)).not.toContain('Kim Nolan');
    expect(names(applyCorrections(doc, _ex(), _log(rej, { action: 'undo', undoes: 1 })).extraction)).toContain('Kim Nolan');
    expect(names(applyCorrections(doc, _ex(), _log(rej, { action: 'undo', undoes: 1 }, { action: 'undo', undoes: 2 })).extraction)).not.toContain('Kim Nolan');
  });

  it('should keep the target’s name and country on a merge unless the survivor says otherwise', () => {
    const merge = { action: 'merge' as const, entity: 'person:kim-nolan', target: 'person:kimberly-a-nolan-garcia' };
    const plain = applyCorrections(doc, _ex(), _log(merge)).extraction;
    expect(plain.entities.find((e) => e.id === 'person:kimberly-a-nolan-garcia')).toMatchObject({ name: 'Kimberly A. Nolan García', country: 'MX' });
    expect(plain.relations[0]!.subject).toBe('person:kimberly-a-nolan-garcia');
    const chosen = applyCorrections(doc, _ex(), _log({ ...merge, name: 'Kim Nolan', country: 'US' })).extraction;
    const kim = chosen.entities.find((e) => e.id === 'person:kimberly-a-nolan-garcia')!;
    expect(kim).toMatchObject({ name: 'Kim Nolan', country: 'US' });
    expect(kim.aliases).toContain('Kimberly A. Nolan García');
    expect(kim.aliases).not.toContain('Kim Nolan');
    expect(kim.mentions).toHaveLength(2);
  });

  it('should give the merged entity the survivor’s name and country in a document where only the source occurs', () => {
    const only = 'Kim Nolan met the STPS.';
    const ex: Extraction = { doc: 'o.txt', entities: [_e('person:kim-nolan', 'Person', 'Kim Nolan', [_m(only, 'Kim Nolan')], { country: 'US' })], relations: [] };
    const log = _log({ action: 'merge', entity: 'person:kim-nolan', target: 'person:kimberly-a-nolan-garcia', name: 'Kimberly A. Nolan García', country: 'MX', type: 'Person' });
    const out = applyCorrections(_doc(only, 'o.txt'), ex, log).extraction;
    expect(out.entities).toHaveLength(1);
    expect(out.entities[0]).toMatchObject({ id: 'person:kimberly-a-nolan-garcia', name: 'Kimberly A. Nolan García', country: 'MX' });
  });

  it('should retype the merged entity when the survivor’s type differs, and unmerge on undo', () => {
    const merge = { action: 'merge' as const, entity: 'person:kim-nolan', target: 'org:stps', type: 'Person' as const, name: 'Kim Nolan', country: 'US' as const };
    const merged = applyCorrections(doc, _ex(), _log(merge)).extraction;
    expect(merged.entities.map((e) => e.id).sort()).toEqual(['person:kimberly-a-nolan-garcia', 'person:stps']);
    const undone = applyCorrections(doc, _ex(), _log(merge, { action: 'undo', undoes: 1 })).extraction;
    expect(undone).toEqual(_ex());
  });
});
