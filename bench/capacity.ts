// How much parallelism this process can get right now: the same pure CPU loop split over 1 and over 2 worker
// threads. About 2× on an idle 2-core machine; about 1× when other sessions keep the cores busy (Linux
// autogroup scheduling shares the CPU between sessions, whatever the thread count). A pool can gain no more
// than this, so the benchmark reports it next to the pool figures.
import { Worker } from 'node:worker_threads';

const LOOP = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', (n) => {
  let x = 0;
  for (let i = 0; i < n; i++) x = (x * 31 + i) % 1000003;
  parentPort.postMessage(x);
});`;

async function split(threads: number, work: number): Promise<number> {
  const workers = Array.from({ length: threads }, () => new Worker(LOOP, { eval: true }));
  const round = (n: number) =>
    Promise.all(
      workers.map(
        (w) =>
          new Promise<void>((resolve) => {
            w.once('message', () => resolve());
            w.postMessage(n);
          }),
      ),
    );
  try {
    await round(1e6); // start and JIT
    const start = performance.now();
    await round(work / threads);
    return performance.now() - start;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/** Median over `rounds` of (time on 1 thread) / (time on 2 threads). */
export async function parallelCapacity(rounds = 3, work = 1e8): Promise<number> {
  const ratios: number[] = [];
  for (let i = 0; i < rounds; i++) ratios.push((await split(1, work)) / (await split(2, work)));
  ratios.sort((a, b) => a - b);
  return ratios[Math.floor(ratios.length / 2)]!;
}
