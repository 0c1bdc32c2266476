import { describe, expect, it } from 'vitest';
import { connectionLabel, onGraphEvent } from '../../viewer/src/state/live.ts';

describe('live graph events', () => {
  it.each([
    ['the first event of the version we loaded', { version: 1, start: 'a' }, { start: null, version: 1 }, { reload: false, restarted: false }],
    ['a rebuild', { version: 3, start: 'a' }, { start: 'a', version: 2 }, { reload: true, restarted: false }],
    ['a reconnect to the same server, nothing new', { version: 2, start: 'a' }, { start: 'a', version: 2 }, { reload: false, restarted: false }],
    ['a restarted server (versions start at 1 again)', { version: 1, start: 'b' }, { start: 'a', version: 7 }, { reload: true, restarted: true }],
    ['an unreadable event', { version: NaN }, { start: 'a', version: 2 }, { reload: true, restarted: false }],
  ])('should decide on %s', (_name, ev, have, want) => {
    expect(onGraphEvent(ev, have)).toEqual(want);
  });

  it('should label every connection state with the version', () => {
    expect(connectionLabel('live', 3).text).toBe('● live · v3');
    expect(connectionLabel('down', 3).text).toMatch(/server down · v3/);
    expect(connectionLabel('reconnecting', -1).text).toBe('◌ reconnecting');
  });
});
