/**
 * kg serve's build thread: runs every rebuild (corpus walk, extraction pool, corrections, graph,
 * communities, layout) so the HTTP thread never does, and posts back what changed (see builder.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { buildProject, type BuildOptions } from '../build.js';
import { toUpdate, type FromBuildWorker, type ToBuildWorker } from './builder.js';
import { BuildSession } from './session.js';

const port = parentPort!;
const opts = (workerData as { opts: BuildOptions }).opts;
const session = new BuildSession(buildProject, opts);
const sent = new Map<string, string>();
const state = { generation: -1 };
const post = (m: FromBuildWorker, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);

port.on('message', (m: ToBuildWorker) => {
  if (m.type === 'invalidate') session.invalidate();
  else if (m.type === 'close') void session.close().finally(() => process.exit(0));
  else if (m.type === 'build') void build(m.id);
});

async function build(id: number): Promise<void> {
  let last = 0;
  try {
    const result = await session.run((done, total) => {
      // a few progress messages a second at most
      const now = performance.now();
      if (done === total || now - last > 250) (last = now, post({ type: 'progress', id, done, total }));
    });
    const update = toUpdate(result, session, sent, state, true);
    post({ type: 'built', id, update }, [(update.graphBody as Uint8Array).buffer as ArrayBuffer]);
  } catch (err) {
    post({ type: 'failed', id, error: err instanceof Error ? err.message.split('\n')[0]! : String(err) });
  }
}
