// test/neo4j: the query library's definitions and parameter handling (no database).
import { describe, expect, it } from 'vitest';
import { QUERIES, coerceAdHoc, getQuery, parseParamArgs, resolveParams } from '../../src/neo4j/queries.js';

describe('query library', () => {
  it('should offer the cross-border questions, each fully parameterised', () => {
    expect(QUERIES.map((q) => q.name)).toEqual(['ties', 'brokers', 'path', 'neighbourhood', 'agreements', 'cases']);
    for (const q of QUERIES) {
      const used = new Set([...q.cypher.matchAll(/\$([A-Za-z_]+)/g)].map((m) => m[1]));
      expect([...used].sort()).toEqual(q.params.map((p) => p.name).sort());
      expect(q.cypher).not.toMatch(/'\$|\$\{/); // no interpolation of values
    }
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
