import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runEval, headline } from '../../src/eval/run.js';
import { GoldError } from '../../src/errors.js';

const TEXT = 'The STPS met the AFL-CIO in Mexico City. The STPS agreed.\n';
const _at = (s: string, nth = 0) => {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = TEXT.indexOf(s, at + 1);
  return { start: at, end: at + s.length, text: s };
};

function _fixture(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kg-eval-'));
  writeFileSync(join(dir, 'meeting.txt'), TEXT);
  writeFileSync(join(dir, 'meeting.gold.json'), JSON.stringify({
    doc: 'meeting.txt',
    entities: [
      { id: 'org:stps', type: 'Organization', name: 'STPS', aliases: ['STPS'], country: 'MX' },
      { id: 'org:afl-cio', type: 'Organization', name: 'AFL-CIO', aliases: ['AFL-CIO'], country: 'US' },
      { id: 'place:mexico-city', type: 'Place', name: 'Mexico City', aliases: ['Mexico City'], country: 'MX' },
    ],
    mentions: [
      { ..._at('STPS'), entity: 'org:stps' },
      { ..._at('AFL-CIO'), entity: 'org:afl-cio' },
      { ..._at('Mexico City'), entity: 'place:mexico-city' },
      { ..._at('STPS', 1), entity: 'org:stps' },
    ],
    relations: [],
  }));
  return dir;
}

describe('runEval', () => {
  it('should extract the documents the gold files name and score them', async () => {
    const dir = _fixture();
    const { scores, extractions } = await runEval({ gold: dir, docs: dir });
    expect(extractions.map((x) => x.doc)).toEqual(['meeting.txt']);
    const h = headline(scores);
    expect(h.entityF1).toBe(1);
    expect(h.mentionF1).toBe(1);
    expect(h.country).toBe(1);
    expect(scores.errors[0]!.missedEntities).toEqual([]);
  });

  it('should drop withheld curated entities before extraction', async () => {
    const dir = _fixture();
    const { extractions } = await runEval({ gold: dir, docs: dir, withhold: new Set(['org:stps', 'org:afl-cio']) });
    const ids = extractions[0]!.entities.map((e) => e.id);
    expect(ids).not.toContain('org:afl-cio');
    expect(extractions[0]!.entities.filter((e) => e.status === 'curated').map((e) => e.id)).toEqual(['place:mexico-city']);
  });

  it('should name the gold file whose document cannot be read', async () => {
    const dir = _fixture();
    const err = await runEval({ gold: dir, docs: join(dir, 'elsewhere') }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GoldError);
    expect((err as Error).message).toMatch(/meeting\.gold\.json: its document .*elsewhere\/meeting\.txt cannot be read \(.*ENOENT/);
  });

  it('should fail with GoldError on a malformed gold file', async () => {
    const dir = _fixture();
    writeFileSync(join(dir, 'bad.gold.json'), '{ "doc": ');
    await expect(runEval({ gold: dir, docs: dir })).rejects.toThrow(/bad\.gold\.json:1: invalid JSON/);
  });
});

describe('formatSideBySide', () => {
  it('should put each set in a column with headline figures, types and predicates', async () => {
    const { formatSideBySide } = await import('../../src/eval/run.js');
    const { emptyScores } = await import('../../src/eval/score.js');
    const a = emptyScores();
    a.entities.Person = { tp: 1, ptp: 1, fp: 1, fn: 0 };
    a.relations.LEADS = { tp: 1, fp: 0, fn: 1 };
    a.country = { correct: 1, total: 2 };
    const b = emptyScores();
    const report = formatSideBySide([
      { set: { name: 'real-x', gold: 'g', docs: 'd', kind: 'real', description: '' }, scores: a, docs: 2 },
      { set: { name: 'written-y', gold: 'g', docs: 'd', kind: 'written', description: '' }, scores: b, docs: 1 },
    ]);
    const lines = report.split('\n');
    expect(lines[0]).toMatch(/real-x \(real\)\s+written-y$/);
    expect(report).toMatch(/entity F1 \(P\/R\)\s+0\.667 \(0\.50\/1\.00\)\s+0\.000 \(0\.00\/0\.00\)/);
    expect(report).toMatch(/country accuracy\s+0\.500 \(1\/2\)\s+n\/a/);
    expect(report).toMatch(/ {2}Person\s+0\.667 \(1\/1\)\s+-/);
    expect(report).toMatch(/ {2}LEADS\s+0\.667 \(1\/2, 0\)\s+-/);
  });
});
