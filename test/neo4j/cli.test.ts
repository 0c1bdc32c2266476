// test/neo4j: the CLI end to end (child processes): load, cypher, export, and one-line errors.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freePort } from '../../src/neo4j/embedded.js';
import { QUERIES } from '../../src/neo4j/queries.js';
import { addExtras } from './fixtures/extras.js';
import { syntheticGraph } from './fixtures/synthetic.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let graphFile: string;
let dir: string;

function _kg(args: string[], env: NodeJS.ProcessEnv = {}): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'test/neo4j/_cli.ts'), ...args], {
    cwd: ROOT, encoding: 'utf8', env: { ...process.env, NEO4J_URI: '', NEO4J_USER: '', NEO4J_PASSWORD: '', ...env }, timeout: 600_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kg-neo4j-cli-'));
  graphFile = join(dir, 'graph.json');
  const graph = addExtras(await syntheticGraph({ corpus: join(ROOT, 'corpus'), ontology: join(ROOT, 'ontology') }));
  writeFileSync(graphFile, JSON.stringify(graph.export()));
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('kg load-neo4j / cypher (real server)', () => {
  it('should load, then answer a library query as JSON and an ad-hoc query as a table', () => {
    const { uri, user, password } = inject('neo4j');
    const load = _kg(['load-neo4j', graphFile, '--uri', uri, '--user', user, '--password', password]);
    expect(load.stderr).not.toMatch(/^kg:/m);
    expect(load.code).toBe(0);
    expect(load.stdout).toMatch(/^nodes: Entity \d+/m);
    expect(load.stdout).toMatch(/relationships: MENTIONS \d+/);
    // credentials from the environment this time
    const env = { NEO4J_URI: uri, NEO4J_USER: user, NEO4J_PASSWORD: password };
    const cases = _kg(['cypher', '--query', 'cases', '--json'], env);
    expect(cases.code).toBe(0);
    expect(JSON.parse(cases.stdout)).toContainEqual(expect.objectContaining({ key: 'case:fixture-gm-silao', filedBy: ['José García Núñez'] }));
    const table = _kg(['cypher', 'MATCH (c:Country) RETURN c.code AS code ORDER BY code'], env);
    expect(table.stdout.split('\n').slice(0, 2)).toEqual(['code', '----']);
    expect(table.stdout).toMatch(/^MX$/m);
    const param = _kg(['cypher', '--query', 'neighbourhood', '--param', `actor=Tricky' OR 1=1 //`, '--param', 'limit=5', '--json'], env);
    expect(JSON.parse(param.stdout).length).toBeGreaterThan(0);
  }, 1_200_000); // four child processes; a load took over 120 s with the machine's load average at 20

  it('should fail with one line and exit 1 on a wrong password', () => {
    const { uri } = inject('neo4j');
    const r = _kg(['cypher', 'RETURN 1', '--uri', uri, '--password', 'not-the-password']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([`kg: ${uri}: authentication failed for user "neo4j" (wrong user or password?)`]);
  });

  it('should fail with one line and exit 1 when the server is unreachable', async () => {
    const uri = `bolt://127.0.0.1:${await freePort()}`;
    const r = _kg(['load-neo4j', graphFile, '--uri', uri, '--password', 'x']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(new RegExp(`^kg: ${uri}: cannot reach Neo4j`));
  });
});

describe('kg cypher --list / export neo4j-csv / usage errors (no server)', () => {
  it('should list every library query with its parameters', () => {
    const r = _kg(['cypher', '--list']);
    expect(r.code).toBe(0);
    for (const q of QUERIES) expect(r.stdout).toContain(`${q.name}\n  ${q.description}`);
    expect(r.stdout).toContain('--param a=<string>');
  });

  it('should reject an unknown query or parameter with a usage error', () => {
    expect(_kg(['cypher', '--query', 'nope']).stderr).toMatch(/^kg: --query "nope": no such query \(known: ties, /);
    expect(_kg(['cypher', '--query', 'ties', '--param', 'zzz=1']).stderr).toMatch(/^kg: --param zzz: query "ties" has no such parameter/);
    expect(_kg(['load-neo4j', join(dir, 'missing.json')]).stderr.trim()).toBe(`kg: ${join(dir, 'missing.json')}: no such graph file (run \`kg build\` first)`);
  });

  it('should write the CSVs neo4j-admin import expects', () => {
    const out = join(dir, 'csv');
    const r = _kg(['export', 'neo4j-csv', graphFile, out]);
    expect(r.code).toBe(0);
    expect(readFileSync(join(out, 'nodes-entities.csv'), 'utf8').split('\n')[0]).toBe(
      'key:ID,:LABEL,name,type,aliases:string[],nameKeys:string[],country,status,kind,iso,mentionCount:long,documents:string[],community:long,degree:long');
    expect(readFileSync(join(out, 'schema.cypher'), 'utf8')).toContain('CREATE FULLTEXT INDEX kg_entity_names IF NOT EXISTS');
    expect(readFileSync(join(out, 'IMPORT.txt'), 'utf8')).toContain('--array-delimiter=U+001F');
  });
});
