import { describe, it, expect } from 'vitest';
import { canonicalIds } from '../../src/graph/merge.js';
import type { Extraction } from '../../src/types.js';
import { _entity, _spans } from './_helpers.js';

const _x = (doc: string, ...entities: ReturnType<typeof _entity>[]): Extraction => ({ doc, entities, relations: [] });

describe('canonicalIds', () => {
  it('should keep one id for the same entity in many documents', () => {
    const e = _entity('org:stps', 'Organization', 'STPS', _spans('STPS', 'STPS'), { status: 'curated' });
    expect([...canonicalIds([_x('a.txt', e), _x('b.txt', e)])]).toEqual([['org:stps', 'org:stps']]);
  });

  it('should fold an inferred entity sharing a name or alias with a curated one into it', () => {
    const curated = { ..._entity('org:stps', 'Organization', 'Secretariat of Labor and Social Welfare', []), status: 'curated' as const, aliases: ['STPS', 'Secretaría del Trabajo y Previsión Social'] };
    const inferred = { ..._entity('org:secretaria-del-trabajo-y-prevision-social', 'Organization', 'Secretaria del Trabajo y Prevision Social', []) };
    const map = canonicalIds([_x('a.txt', inferred), _x('b.txt', curated)]);
    expect(map.get('org:secretaria-del-trabajo-y-prevision-social')).toBe('org:stps');
    expect(map.get('org:stps')).toBe('org:stps');
  });

  it('should fold inferred duplicates into the smallest id, whatever the document order', () => {
    const a = _entity('org:b-workers-union', 'Organization', 'Workers Union of Baja', []);
    const b = { ..._entity('org:a-workers-union', 'Organization', 'Workers Union of Baja', []) };
    for (const order of [[a, b], [b, a]]) {
      const map = canonicalIds(order.map((e, i) => _x(`${i}.txt`, e)));
      expect(map.get('org:b-workers-union')).toBe('org:a-workers-union');
      expect(map.get('org:a-workers-union')).toBe('org:a-workers-union');
    }
  });

  it('should never fold across types, nor on acronyms differing in case, nor on very short keys', () => {
    const org = _entity('org:fox', 'Organization', 'Fox', []);
    const person = _entity('person:fox', 'Person', 'Fox', []);
    const upper = { ..._entity('org:cat', 'Organization', 'CAT Union', []), aliases: ['CAT'] };
    const lower = { ..._entity('org:cat-2', 'Organization', 'Cat Workers', []), aliases: ['Cat'] };
    const map = canonicalIds([_x('a.txt', org, person, upper, lower)]);
    expect(map.get('person:fox')).toBe('person:fox');
    expect(map.get('org:fox')).toBe('org:fox');
    expect(map.get('org:cat-2')).toBe('org:cat-2');
  });

  it('should never fold a curated entity into another', () => {
    const a = { ..._entity('org:nao-a', 'Organization', 'NAO', []), status: 'curated' as const };
    const b = { ..._entity('org:nao-b', 'Organization', 'NAO', []), status: 'curated' as const };
    const map = canonicalIds([_x('a.txt', a, b)]);
    expect(map.get('org:nao-a')).toBe('org:nao-a');
    expect(map.get('org:nao-b')).toBe('org:nao-b');
  });
});
