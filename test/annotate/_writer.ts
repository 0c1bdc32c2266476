// Child process for store tests: appends corrections in a loop, printing each acknowledged seq on stdout.
import { CorrectionStore } from '../../src/annotate/store.js';

const [dataDir, tag, countArg] = process.argv.slice(2);
const count = Number(countArg ?? Infinity);
const store = await CorrectionStore.open(dataDir);
for (let i = 0; i < count; i++) {
  const c = await store.append({
    who: tag, action: 'accept', doc: `${tag}.txt`, span: { start: i, end: i + 1, text: 'x' },
  });
  process.stdout.write(`${c.seq}\n`);
}
