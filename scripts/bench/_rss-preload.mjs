// Bench helper, loaded with `node --import`: at exit the main thread writes its resource usage
// (peak RSS of the whole process, worker threads included; CPU seconds) as JSON to $KG_BENCH_RUSAGE.
import { isMainThread } from 'node:worker_threads';
import { writeFileSync } from 'node:fs';

const out = process.env.KG_BENCH_RUSAGE;
if (out && isMainThread) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    writeFileSync(out, JSON.stringify({ maxRssKB: u.maxRSS, userSecs: u.userCPUTime / 1e6, sysSecs: u.systemCPUTime / 1e6 }));
  });
}
