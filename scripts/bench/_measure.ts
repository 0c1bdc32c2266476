// Bench helper: run a node script in a child process and report wall seconds, CPU seconds and peak
// RSS without /usr/bin/time: the child is started with `--import _rss-preload.mjs`, which writes
// process.resourceUsage() at exit. If that file is missing (child killed), /proc/<pid>/status VmHWM
// sampled while it runs is the fallback (Linux), else RSS is reported as unknown (NaN).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const PRELOAD = pathToFileURL(new URL('./_rss-preload.mjs', import.meta.url).pathname).href;

export interface Measured { label: string; secs: number; cpuSecs: number; rssMB: number; code: number | null; stderr: string }

/** Run `node [nodeArgs] script args`, stdout discarded (or to `stdoutFile`), stderr kept (tail). */
export function measureNode(label: string, script: string, args: string[], opts: { cwd?: string; nodeArgs?: string[]; okCodes?: number[]; env?: NodeJS.ProcessEnv } = {}): Promise<Measured> {
  const dir = mkdtempSync(join(tmpdir(), 'kg-bench-rusage-'));
  const file = join(dir, 'rusage.json');
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), '--import', PRELOAD, script, ...args], {
      cwd: opts.cwd, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...opts.env, KG_BENCH_RUSAGE: file },
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => { stderr = (stderr + d.toString()).slice(-20_000); });
    let hwmKB = NaN;
    const poll = setInterval(() => {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (m) hwmKB = Math.max(Number.isNaN(hwmKB) ? 0 : hwmKB, Number(m[1]));
      } catch { /* not Linux, or already gone */ }
    }, 250);
    child.once('error', (e) => { clearInterval(poll); rmSync(dir, { recursive: true, force: true }); reject(e); });
    child.once('exit', (code) => {
      clearInterval(poll);
      const secs = (performance.now() - t0) / 1000;
      let u: { maxRssKB: number; userSecs: number; sysSecs: number } | undefined;
      try { u = JSON.parse(readFileSync(file, 'utf8')); } catch { /* killed before exit */ }
      rmSync(dir, { recursive: true, force: true });
      const ok = opts.okCodes ?? [0];
      if (!ok.includes(code ?? -1)) return reject(new Error(`${label} failed (exit ${code}): ${stderr.slice(-2000)}`));
      resolve({ label, secs, cpuSecs: u ? u.userSecs + u.sysSecs : NaN, rssMB: (u?.maxRssKB ?? hwmKB) / 1024, code, stderr });
    });
  });
}

/** Plain-text table: first column (or `leftCols` columns) left-aligned, the rest right-aligned, a rule under the header. */
export function table(rows: string[][], leftCols = 1): string {
  const w = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r, j) => r.map((c, i) => (i < leftCols ? c.padEnd(w[i]!) : c.padStart(w[i]!))).join('  ').trimEnd() + (j === 0 ? `\n${w.map((x) => '-'.repeat(x)).join('  ')}` : '')).join('\n');
}

/** One-minute load average and cores, for the report (os.loadavg is [0,0,0] on Windows). */
export async function loadNote(): Promise<string> {
  const os = await import('node:os');
  const [a, b] = os.loadavg();
  return `load average ${a!.toFixed(2)} / ${b!.toFixed(2)} (1 / 5 min) on ${os.availableParallelism()} cores`;
}
