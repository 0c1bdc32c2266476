// mkdirp / mkdirpSync (src/util/mkdir.ts): mkdir -p that fails instead of looping where Node 20's recursive mkdir does.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mkdirp, mkdirpSync } from '../../src/util/mkdir.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'kg-mkdirp-'));
const linux = process.platform === 'linux';

describe('mkdirp', () => {
  it('should create every missing level and accept one that exists', async () => {
    const root = tmp();
    await mkdirp(join(root, 'a', 'b', 'c'));
    expect(statSync(join(root, 'a', 'b', 'c')).isDirectory()).toBe(true);
    await mkdirp(join(root, 'a', 'b', 'c'));
    mkdirpSync(join(root, 'x', 'y'));
    mkdirpSync(join(root, 'x', 'y'));
    expect(statSync(join(root, 'x', 'y')).isDirectory()).toBe(true);
  });
  it('should throw when a level is a file', async () => {
    const root = tmp();
    writeFileSync(join(root, 'f'), 'x');
    await expect(mkdirp(join(root, 'f', 'sub'))).rejects.toMatchObject({ code: 'ENOTDIR' });
    expect(() => mkdirpSync(join(root, 'f', 'sub'))).toThrow(/ENOTDIR/);
  });
  it.runIf(linux)('should throw under /proc, where Node 20\'s recursive mkdir never returns', async () => {
    await expect(mkdirp('/proc/kg-no-such-dir/sub')).rejects.toMatchObject({ code: 'ENOENT' });
    expect(() => mkdirpSync('/proc/kg-no-such-dir/sub')).toThrow(/ENOENT/);
  }, 10_000);
});
