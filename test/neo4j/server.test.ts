// test/neo4j: the bundled server's safety — no file reads, no WebSocket, a random password, bounded
// transaction logs, honest login errors, a fast timeout on a silent port, one-line start-up failures,
// and SIGTERM to `npm run neo4j` stopping the JVM and releasing the store.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createConnection, createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { connect, type Connection } from '../../src/neo4j/connect.js';
import { freePort, startEmbeddedNeo4j } from '../../src/neo4j/embedded.js';
import { runQuery } from '../../src/neo4j/run.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const bundled = inject('neo4jServer');
let conn: Connection;
const temps: string[] = [];

function _temp(prefix: string): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  temps.push(d);
  return d;
}

/** Sends raw bytes to the Bolt port and collects what comes back until the server closes or 3 s pass. */
function _raw(port: number, bytes: string | Buffer): Promise<string> {
  return new Promise((ok) => {
    const chunks: Buffer[] = [];
    const s = createConnection({ host: '127.0.0.1', port }, () => s.write(bytes));
    const done = (): void => { clearTimeout(timer); s.destroy(); ok(Buffer.concat(chunks).toString('latin1')); };
    const timer = setTimeout(done, 3000);
    s.on('data', (c) => chunks.push(c));
    s.on('close', done);
    s.on('error', done);
  });
}

beforeAll(async () => {
  conn = await connect(inject('neo4j'));
});

afterAll(async () => {
  await conn?.close();
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

describe('no files through the database', () => {
  it('should refuse LOAD CSV from a file URL, read-only or not', async () => {
    for (const write of [false, true]) {
      await expect(runQuery(conn, "LOAD CSV FROM 'file:///etc/os-release' AS line RETURN line LIMIT 1", {}, { write }))
        .rejects.toMatchObject({ name: 'Neo4jError', message: expect.stringMatching(/file|URL|allow_csv_import/i) });
    }
  });

  it('should refuse it through `kg cypher` too, in one line', () => {
    const { uri, user, password } = inject('neo4j');
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'test/neo4j/_cli.ts'), 'cypher', "LOAD CSV FROM 'file:///etc/os-release' AS l RETURN l", '--uri', uri, '--user', user, '--password', password],
      { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    expect(r.status).toBe(1);
    expect(r.stdout).not.toMatch(/ID=|NAME=/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe.runIf(bundled)('the bundled server', () => {
  it('should refuse a WebSocket upgrade from a web page and still speak Bolt', async () => {
    const upgrade = `GET / HTTP/1.1\r\nHost: 127.0.0.1:${bundled!.port}\r\nOrigin: http://evil.example\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n`
      + 'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n';
    const answer = await _raw(bundled!.port, upgrade);
    expect(answer).not.toContain('101');
    expect(answer).toMatch(/^HTTP\/1\.1 403/);
    // Bolt handshake: magic + four versions (5.x first); the server picks one
    const bolt = await _raw(bundled!.port, Buffer.from('6060b017' + '00040405' + '00000004' + '00000000' + '00000000', 'hex'));
    expect(Buffer.from(bolt, 'latin1').length).toBe(4);
  });

  it('should not accept the old published password', async () => {
    await expect(connect({ ...inject('neo4j'), password: 'kg-password' })).rejects.toMatchObject({ message: expect.stringContaining('authentication failed') });
  });

  it('should keep few transaction logs and preallocate none', async () => {
    const r = await runQuery(conn, "SHOW SETTINGS YIELD name, value WHERE name IN ['db.tx_log.rotation.retention_policy', 'db.tx_log.rotation.size', 'db.tx_log.preallocate', 'dbms.security.allow_csv_import_from_file_urls'] RETURN name, value ORDER BY name");
    expect(Object.fromEntries(r.rows.map((x) => [x.name, x.value]))).toEqual({
      'db.tx_log.preallocate': 'false', 'db.tx_log.rotation.retention_policy': '2 files', 'db.tx_log.rotation.size': '64.00MiB',
      'dbms.security.allow_csv_import_from_file_urls': 'false',
    });
  });

  it('should say a login lockout is a lockout, not a wrong password', async () => {
    await runQuery(conn, 'CALL () { USE system CREATE USER kgLockout IF NOT EXISTS SET PASSWORD $p CHANGE NOT REQUIRED }', { p: 'right-password' }, { write: true }).catch(async () => {
      // a composite USE inside CALL is not allowed everywhere: plain system-database command instead
      const sys = conn.driver.session({ database: 'system' });
      try { await sys.run('CREATE USER kgLockout IF NOT EXISTS SET PASSWORD $p CHANGE NOT REQUIRED', { p: 'right-password' }); } finally { await sys.close(); }
    });
    const t = { ...inject('neo4j'), user: 'kgLockout' };
    for (let i = 0; i < 3; i++) await expect(connect({ ...t, password: 'wrong' })).rejects.toMatchObject({ message: expect.stringContaining('wrong user or password') });
    await expect(connect({ ...t, password: 'right-password' })).rejects.toMatchObject({ message: expect.stringContaining('too many failed logins') });
  });

  it('should keep file URLs off whatever a NEO4J_CONF file of more settings says', async () => {
    const dir = _temp('kg-neo4j-conf-');
    const conf = join(dir, 'more.conf');
    writeFileSync(conf, 'dbms.security.allow_csv_import_from_file_urls=true\nserver.directories.import=/etc\ndb.tx_log.buffer.size=4194304\n');
    const before = process.env.NEO4J_CONF;
    process.env.NEO4J_CONF = conf; // startEmbeddedNeo4j passes its environment on to start.sh
    const server = await startEmbeddedNeo4j({ dataDir: join(dir, 'data'), password: 'kg-conf-test-pw', passwordFile: join(dir, 'pw'), logFile: join(dir, 'neo4j.log') })
      .finally(() => { if (before === undefined) delete process.env.NEO4J_CONF; else process.env.NEO4J_CONF = before; });
    try {
      const c = await connect({ uri: server.uri, user: server.user, password: server.password });
      try {
        const setting = await runQuery(c, "SHOW SETTINGS YIELD name, value WHERE name = 'db.tx_log.buffer.size' RETURN value");
        expect(String(setting.rows[0]?.value)).toBe('4194304'); // the file was read
        for (const url of ['file:///etc/os-release', 'file:///os-release']) {
          await expect(runQuery(c, `LOAD CSV FROM '${url}' AS line RETURN line LIMIT 1`, {}, { write: true })).rejects.toThrow();
        }
      } finally {
        await c.close();
      }
    } finally {
      await server.stop();
    }
  }, 600_000);

  it('should fail with one line when NEO4J_CONF is not a file', () => {
    const r = spawnSync('bash', [join(ROOT, 'scripts/neo4j/start.sh')], {
      encoding: 'utf8', timeout: 120_000, env: { ...process.env, NEO4J_PORT: '0', NEO4J_HOME_DIR: _temp('kg-neo4j-noconf-'), NEO4J_PASSWORD: 'x-unused-x', NEO4J_CONF: '/nonexistent/kg.conf' },
    });
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual(['kg-neo4j: NEO4J_CONF: /nonexistent/kg.conf is not a file']);
  });

  it('should fail with one line, no Java stack trace, when its port is taken', async () => {
    const port = await freePort();
    const blocker: Server = createServer().listen(port, '127.0.0.1');
    await new Promise((r) => blocker.once('listening', r));
    try {
      const r = spawnSync('bash', [join(ROOT, 'scripts/neo4j/start.sh')], {
        encoding: 'utf8', timeout: 120_000, env: { ...process.env, NEO4J_PORT: String(port), NEO4J_HOME_DIR: _temp('kg-neo4j-busy-'), NEO4J_PASSWORD: 'x-unused-x' },
      });
      expect(r.status).toBe(1);
      expect(r.stderr.trim().split('\n')).toEqual([`kg-neo4j: 127.0.0.1:${port} is already in use (another Neo4j? set NEO4J_PORT)`]);
    } finally {
      blocker.close();
    }
  });
});

describe('a server that accepts and never answers', () => {
  it('should fail fast with one line', async () => {
    const silent = createServer(() => { /* accept, say nothing */ }).listen(0, '127.0.0.1');
    await new Promise((r) => silent.once('listening', r));
    const port = (silent.address() as { port: number }).port;
    const t0 = Date.now();
    try {
      await expect(connect({ uri: `bolt://127.0.0.1:${port}`, user: 'neo4j', password: 'x' }, { timeoutMs: 1500 }))
        .rejects.toMatchObject({ name: 'Neo4jError', message: `bolt://127.0.0.1:${port}: no answer within 2 s (is this a Neo4j Bolt port? is the server overloaded?)` });
      expect(Date.now() - t0).toBeLessThan(6000);
    } finally {
      silent.close();
    }
  });
});

/**
 * The POSIX locks held on Neo4j's store and database lock files, from /proc/locks (Linux): one
 * `pid` per lock. Neo4j takes them with FileChannel.tryLock (fcntl), which /proc/locks lists.
 */
function _storeLocks(home: string): { file: string; pid: number }[] {
  const files = [join(home, 'data/databases/store_lock'), join(home, 'data/databases/neo4j/database_lock')];
  const table = readFileSync('/proc/locks', 'utf8').split('\n');
  const out: { file: string; pid: number }[] = [];
  for (const file of files) {
    const st = statSync(file);
    const id = `${Math.floor(st.dev / 256).toString(16).padStart(2, '0')}:${(st.dev % 256).toString(16).padStart(2, '0')}:${st.ino} `;
    for (const line of table) if (line.includes(id)) out.push({ file, pid: Number(line.split(/\s+/)[4]) });
  }
  return out;
}

describe.runIf(bundled && process.platform === 'linux')('npm run neo4j', () => {
  // One server start (it was two: a second start proved the store opens again, minutes on a busy
  // machine). The store locks are read from /proc/locks instead: held by the JVM while it serves
  // (so the check can fail), gone after SIGTERM, with the clean-shutdown line printed.
  it('should stop the JVM and release the store on SIGTERM', async () => {
    const home = _temp('kg-neo4j-sigterm-');
    const port = await freePort();
    const npm = spawn('npm', ['run', '--silent', 'neo4j'], {
      cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NEO4J_PORT: String(port), NEO4J_HOME_DIR: home, NEO4J_PASSWORD_FILE: join(home, 'pw'), NEO4J_HEAP: '512m', NEO4J_PAGECACHE_MB: '64' },
    });
    // whatever happens below, no JVM outlives the test
    const cleanup = (): void => { if (npm.exitCode === null && npm.signalCode === null) npm.kill('SIGTERM'); }; // npm forwards it to the JVM
    process.once('exit', cleanup);
    let out = '';
    npm.stdout.on('data', (c) => { out += c; });
    npm.stderr.on('data', (c) => { out += c; });
    const pid = await new Promise<number>((ok, fail) => {
      const timer = setTimeout(() => { cleanup(); fail(new Error(`not ready: ${out}`)); }, 600_000);
      npm.stdout.on('data', () => {
        const m = /kg-neo4j: ready bolt:\/\/127\.0\.0\.1:\d+ pid (\d+) user neo4j, password in (.*)/.exec(out);
        if (m) { clearTimeout(timer); ok(Number(m[1])); }
      });
    });
    try {
      expect(out).toContain(`password in ${join(home, 'pw')}`);
      // the password file is the owner's alone
      expect(statSync(join(home, 'pw')).mode & 0o077).toBe(0);
      // while it serves, the JVM (the pid npm exec'd into) holds both store locks
      expect(_storeLocks(home).map((l) => l.pid)).toEqual([pid, pid]);
    } finally {
      npm.kill('SIGTERM');
      await new Promise((r) => (npm.exitCode === null && npm.signalCode === null ? npm.once('exit', r) : r(null)));
    }
    const gone = async (): Promise<boolean> => { try { process.kill(pid, 0); return false; } catch { return true; } };
    for (let i = 0; i < 60 && !(await gone()); i++) await new Promise((r) => setTimeout(r, 500));
    expect(await gone()).toBe(true);
    // the shutdown hook ran to its end (the database closed its store cleanly), and no lock is left
    expect(out).toMatch(/kg-neo4j: stopping\nkg-neo4j: stopped/);
    expect(_storeLocks(home)).toEqual([]);
  }, 900_000);
});
