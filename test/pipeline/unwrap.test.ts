import { describe, expect, it } from 'vitest';
import { unwrapLines } from '../../src/pipeline/unwrap.js';

const WRAPPED = [
  'Workers at the Acme Castings plant in Ciudad Obregón voted on Tuesday to',
  'join the Independent Union of Foundry Workers, which had asked the Federal',
  'Center for Conciliation and Labor Registration to oversee the ballot. The',
  'company said it would respect the result.',
].join('\n');

describe('unwrapLines', () => {
  it('should join the lines of a hard-wrapped paragraph with spaces, keeping the length', () => {
    const out = unwrapLines(WRAPPED);
    expect(out.length).toBe(WRAPPED.length);
    expect(out).not.toContain('\n');
    expect(out).toContain('the Federal Center for Conciliation');
  });

  const kept: { name: string; text: string }[] = [
    { name: 'a letterhead block', text: 'MINISTRY OF LABOR AND SOCIAL WELFARE OF NUEVO LEÓN\nBulletin 12/2021 — Monterrey, March 3, 2021\n(Unofficial English translation)' },
    { name: 'a list', text: 'Our demands to the company and the government are these:\n- Reinstate every worker fired for organizing at the plant\n- Recognise the independent union chosen in the vote\n- Pay the back wages owed since the strike began in June' },
    { name: 'paragraphs that are one long line each', text: `${'The union met the company. '.repeat(6)}\n${'The company refused again. '.repeat(6)}\n${'The board set a date. '.repeat(6)}` },
    { name: 'an address', text: 'Kim Ortega\nBorder Workers Legal Aid\n1200 Main Street, Suite 4\nEl Paso, Texas' },
  ];
  it.each(kept)('should leave $name as it is', ({ text }) => {
    expect(unwrapLines(text)).toBe(text);
  });

  it('should not join a wrapped paragraph to the next paragraph or its last short line to a heading below', () => {
    const text = `${WRAPPED}\n\nNext Steps\nThe union will meet again.`;
    const out = unwrapLines(text);
    expect(out.slice(WRAPPED.length)).toBe(text.slice(WRAPPED.length));
  });
});
