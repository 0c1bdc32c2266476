// Documents that are one huge sentence (a table or a list without sentence punctuation: its lines
// do not start with a capital, so the splitter keeps them together) extract in linear time (issue 10).
import { describe, expect, it } from 'vitest';
import { MAX_NLP_CHARS } from '../../src/pipeline/candidates/windows.js';
import type { Candidate } from '../../src/pipeline/context.js';
import { relationUnits } from '../../src/pipeline/relations/index.js';
import { _extract } from './_helpers.js';

const NAMES = ['Maria', 'Lopez', 'Garcia', 'Union', 'Workers', 'Federation', 'Ministry', 'Labor', 'Mexico', 'United', 'States', 'Council', 'Juan', 'Perez', 'National', 'Board', 'Trade', 'Secretariat', 'General', 'Confederation'];
const PEOPLE = ['Elaine Chao', 'Carlos Abascal', 'Maria Lopez', 'Juan Perez'];
const table = (lines: number) => Array.from({ length: lines }, (_, i) => `| ${NAMES[i % 20]} ${NAMES[(i + 5) % 20]} | ${NAMES[(i + 2) % 20]} |\n`).join('');

describe('one-sentence documents', () => {
  it('should extract a 6,000-line table (175 KB, one sentence, one clause) in a few CPU seconds', async () => {
    await _extract('The STPS met the UAW.'); // the ontology and compromise loaded
    const c0 = process.cpuUsage();
    const x = await _extract(table(6000));
    const c = process.cpuUsage(c0);
    // 18.7 CPU-s when the post-tagger copied the clause at every term it tried a match from, 3.5-3.8 after
    expect((c.user + c.system) / 1e6).toBeLessThan(9);
    expect(x.entities.map((e) => e.id)).toContain('place:mexico');
  }, 60_000);
});

describe('huge match counts', () => {
  it('should extract 120,000 gazetteer matches in one 540 KB sentence, every one a mention, without overflowing the stack', async () => {
    await _extract('The STPS met the UAW.');
    const c0 = process.cpuUsage();
    const x = await _extract('DOL STPS '.repeat(60_000));
    const c = process.cpuUsage(c0);
    // 159 CPU-s in process at d55711a (kg extract skipped it at the 120 CPU-s --timeout), 6.0 with the windows and the post-tagger's suffix view
    expect((c.user + c.system) / 1e6).toBeLessThan(30);
    expect(Object.fromEntries(x.entities.map((e) => [e.id, e.mentions.length]))).toEqual({ 'org:us-department-of-labor': 60_000, 'org:stps': 60_000 });
  }, 120_000);
});

describe('relationUnits', () => {
  const mention = (start: number, end: number) => ({ start, end, type: 'Person', rule: 'test' }) as Candidate;

  it('should leave sentences up to the bound as they are (the same objects)', () => {
    const s = [{ start: 0, end: 10 }, { start: 11, end: 11 + MAX_NLP_CHARS }];
    const units = relationUnits(s, 'x'.repeat(20_000), []);
    expect(units).toEqual(s);
    expect(units[1]).toBe(s[1]);
  });

  it('should cut a longer sentence into windows of at most the bound that cover it, never inside a mention', () => {
    const text = Array.from({ length: 4000 }, (_, i) => `${PEOPLE[i % 4]} met ${PEOPLE[(i + 1) % 4]} and`).join(' ');
    const mentions: Candidate[] = [];
    for (const name of PEOPLE) for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) mentions.push(mention(at, at + name.length));
    mentions.sort((a, b) => a.start - b.start);
    const units = relationUnits([{ start: 0, end: text.length }], text, mentions);
    expect(units.length).toBeGreaterThan(text.length / MAX_NLP_CHARS);
    expect(units[0]!.start).toBe(0);
    expect(units[units.length - 1]!.end).toBe(text.length);
    units.forEach((u, i) => {
      expect(u.end - u.start).toBeLessThanOrEqual(MAX_NLP_CHARS);
      if (i) expect(u.start).toBe(units[i - 1]!.end);
    });
    for (const u of units) expect(mentions.filter((m) => m.start < u.end && m.end > u.end)).toEqual([]);
  });

  it('should extract a 180 KB sentence of verbs and names in a few CPU seconds, with relations', async () => {
    const names = ['the STPS', 'the AFL-CIO', 'Elaine Chao', 'the UAW', 'Mexico City', 'the DOL'];
    const text = Array.from({ length: 4500 }, (_, i) => `${names[i % 6]} met ${names[(i + 1) % 6]} and signed with ${names[(i + 3) % 6]}`).join(' ');
    await _extract('The STPS met the UAW.');
    const c0 = process.cpuUsage();
    const x = await _extract(text);
    const c = process.cpuUsage(c0);
    // 33.6 CPU-s when the rules scanned the whole sentence per verb group, 4.3 in windows (load 12-13)
    expect((c.user + c.system) / 1e6).toBeLessThan(8);
    expect(x.relations.length).toBeGreaterThan(0);
  }, 60_000);
});
