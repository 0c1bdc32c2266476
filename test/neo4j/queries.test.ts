// test/neo4j: the query library's definitions and parameter handling (no database).
import { describe, expect, it } from 'vitest';
import { QUERIES, coerceAdHoc, getQuery, parseParamArgs, resolveParams } from '../../src/neo4j/queries.js';

describe('query library', () => {
  it('should offer the cross-border questions, each fully parameterised', () => {
    expect(QUERIES.map((q) => q.name)).toEqual(expect.arrayContaining(['ties', 'brokers', 'path', 'neighbourhood', 'agreements', 'cases', 'search']));
    for (const q of QUERIES) {
      const used = new Set([...q.cypher.matchAll(/\$([A-Za-z_]+)/g)].map((m) => m[1]));
      const declared = q.params.flatMap((p) => (p.type === 'actor' ? [p.name, `${p.name}Key`, `${p.name}Text`] : [p.name]));
      expect([...used].sort()).toEqual(declared.filter((n) => used.has(n) || !n.match(/(Key|Text)$/)).sort());
      expect(q.cypher).not.toMatch(/'\$|\$\{/); // no interpolation of values
    }
  });

  it('should pass an actor with its folded key and a Lucene phrase', () => {
    expect(resolveParams(getQuery('path'), { from: 'Secretaría del Trabajo (STPS)', to: 'x' })).toMatchObject({
      from: 'Secretaría del Trabajo (STPS)', fromKey: 'secretaria del trabajo stps', fromText: '"Secretaría del Trabajo STPS"', maxHops: 10, avoid: 'Place',
    });
    expect(() => resolveParams(getQuery('path'), { from: 'a', to: 'b', maxHops: '99' })).toThrow('at most 15');
  });

  it('should coerce, default and validate parameters', () => {
    expect(resolveParams(getQuery('ties'), {})).toEqual({ a: 'US', b: 'MX', limit: 100 });
    expect(resolveParams(getQuery('ties'), { b: 'CA', limit: '5' })).toEqual({ a: 'US', b: 'CA', limit: 5 });
    expect(() => resolveParams(getQuery('ties'), { limit: '1.5' })).toThrow(expect.objectContaining({ name: 'UsageError' }));
    expect(() => resolveParams(getQuery('path'), { from: 'x' })).toThrow('missing --param to=');
    expect(() => getQuery('drop')).toThrow(expect.objectContaining({ name: 'UsageError' }));
  });

  it('should parse k=v pairs keeping "=" and quotes in values', () => {
    expect(parseParamArgs([`actor=O'Brien = "x"`, 'limit=3'])).toEqual({ actor: `O'Brien = "x"`, limit: '3' });
    expect(() => parseParamArgs(['novalue'])).toThrow(expect.objectContaining({ name: 'UsageError' }));
    expect(coerceAdHoc({ n: '42', b: 'true', s: '007x', z: 'null' })).toEqual({ n: 42, b: true, s: '007x', z: null });
  });
});
