// `kg serve` option handling (the program of src/cli.ts, parsed in-process).
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { createProgram } from '../../src/cli.js';

function _program(): Command {
  return createProgram();
}

describe('kg serve command', () => {
  it('should define the documented options with their defaults', () => {
    const serve = _program().commands.find((c) => c.name() === 'serve')!;
    const opts = Object.fromEntries(serve.options.map((o) => [o.long, o.defaultValue]));
    expect(opts).toEqual({ '--corpus': 'corpus', '--data': 'data', '--ontology': 'ontology', '--host': '127.0.0.1', '--port': '4747', '--token': undefined, '--timeout': 120, '--open': undefined });
  });

  it.each([['abc'], ['-1'], ['70000'], ['1.5']])('should reject --port %s with a UsageError', async (port) => {
    await expect(_program().parseAsync(['node', 'kg', 'serve', '--port', port])).rejects.toMatchObject({ name: 'UsageError', message: expect.stringMatching(/^--port: expected 0\.\.65535/) });
  });

  it('should reject a short --token', async () => {
    await expect(_program().parseAsync(['node', 'kg', 'serve', '--token', 'abc'])).rejects.toMatchObject({ name: 'UsageError' });
  });
});
