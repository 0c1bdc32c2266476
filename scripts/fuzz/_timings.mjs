// Preload for `npm run fuzz` (node --import): records every document the extraction pool of a real
// `kg build` / `kg extract` process finishes — its name, time in its worker, CPU seconds and error —
// one JSON line each in $KG_FUZZ_TIMINGS, so one process over thousands of files still tells
// which file crashed, hung or was slow. The CLI itself is unchanged; this only wraps
// ExtractionPool.prototype.run of the same module instance the CLI loads.
import { appendFileSync } from 'node:fs';

const out = process.env.KG_FUZZ_TIMINGS;
if (out) {
  const { ExtractionPool } = await import(new URL('../../dist/src/build/pool.js', import.meta.url).href);
  const run = ExtractionPool.prototype.run;
  ExtractionPool.prototype.run = async function (file, read, cachedSha) {
    const t0 = performance.now();
    appendFileSync(out, `${JSON.stringify({ event: 'queued', file, name: read.name ?? read.displayPath })}\n`);
    const r = await run.call(this, file, read, cachedSha);
    appendFileSync(out, `${JSON.stringify({ event: 'done', file, name: read.name ?? read.displayPath, secs: r.secs, cpuSecs: r.cpuSecs, sinceQueued: (performance.now() - t0) / 1000, error: r.error })}\n`);
    return r;
  };
}
