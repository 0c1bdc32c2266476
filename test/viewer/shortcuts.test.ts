// The shortcut table: unique keys, one handler per key, and the README's table lists every shortcut.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { SHORTCUTS, actionFor, keyOf, showKey } from '../../viewer/src/lib/shortcuts.ts';

const ev = (key: string, mods: Partial<{ ctrlKey: boolean; shiftKey: boolean; metaKey: boolean; altKey: boolean }> = {}) =>
  ({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe('document view shortcuts', () => {
  it('should bind every key once', () => {
    const keys = SHORTCUTS.flatMap((s) => s.keys);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it.each([
    [ev('j'), 'next'], [ev('z', { ctrlKey: true }), 'undo'], [ev('Z', { ctrlKey: true, shiftKey: true }), 'redo'],
    [ev('y', { ctrlKey: true }), 'redo'], [ev('?', { shiftKey: true }), 'sheet'], [ev('Escape'), 'close'], [ev('q'), undefined],
  ] as const)('should map %o to %s', (e, action) => {
    expect(actionFor(e)).toBe(action);
  });

  it('should write keys as the table and the sheet show them', () => {
    expect(keyOf(ev('Z', { ctrlKey: true, shiftKey: true }))).toBe('Ctrl+Shift+Z');
    expect(showKey('Escape')).toBe('Esc');
  });

  it('should list every shortcut in the README’s table for annotators', () => {
    const readme = readFileSync('README.md', 'utf8');
    const table = readme.slice(readme.indexOf('## For annotators'), readme.indexOf('## Neo4j'));
    const rows = table.split('\n').filter((l) => l.startsWith('| `'));
    for (const s of SHORTCUTS) {
      for (const k of s.keys) {
        // the README writes Ctrl+Z, Esc, Del
        const shown = k.replace(/^Ctrl\+(Shift\+)?(.)$/, (_m, sh: string | undefined, c: string) => `Ctrl+${sh ?? ''}${c.toUpperCase()}`).replace('Escape', 'Esc').replace('Delete', 'Del');
        expect(rows.some((r) => r.includes(`\`${shown}\``)), `README row for ${k}`).toBe(true);
      }
    }
  });
});
