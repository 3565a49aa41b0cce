// Large batches on several threads. `jobs` threads check credentials: this one and jobs − 1 piscina worker
// threads, each running the in-thread batch (checkFiles: readInputFile + checkItem) on slices of files.
// Results are yielded in input order as they are ready, with a bounded number of slices in flight, so memory
// does not grow with the batch: the same contract as checkFiles, which this is a drop-in for.
//
// A worker costs 1–2 s of CPU to start and warm up (loading the code, compiling schemas, JIT), worth about a
// hundred signed credentials, so:
//   - this thread starts checking at once and the workers join when they are ready;
//   - a batch of fewer than `minFiles` files (default 256) is checked on this thread alone, no pool started.
// Measured gains on 2 cores: docs/benchmarks.md.
//
// Each worker has its own module state (jsonld's caches, the bundled contexts, compiled schemas), as a
// separate process would: nothing is shared between credentials that is not shared in one thread.
// The workers load the compiled code (dist/run/pool-worker.js), also when this module runs from the
// TypeScript sources (tsx, jest): worker threads load plain JavaScript outside those loaders, so run
// `npm run build` first.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Piscina } from 'piscina';
import type { CredentialResult } from '../model/results.js';
import { checkFiles, crashedResult } from './batch.js';
import type { RunOptions } from './options.js';
import type { PoolTask } from './pool-worker.js';

export interface PoolOptions {
  /** Threads that check credentials, this one included. 1 (the default) is checkFiles on this thread. */
  jobs: number;
  /** Files per slice (default 4). */
  filesPerTask?: number;
  /** Smaller batches are checked on this thread alone (default 256 files). */
  minFiles?: number;
}

export const DEFAULT_POOL_MIN_FILES = 256;

/**
 * Young generation of each worker, in MB. JSON-LD processing allocates fast: 192 MB (64 MB semi-spaces, what
 * `node --max-semi-space-size=64` gives the main thread) spends ~14% less CPU per credential than the default.
 */
export const POOL_YOUNG_GENERATION_MB = 192;

/** The compiled worker: next to this file in dist/, or dist/run/ seen from src/run/ (tsx, jest). */
export function poolWorkerUrl(): URL {
  const here = import.meta.url;
  return here.endsWith('.ts')
    ? new URL('../../dist/run/pool-worker.js', here)
    : new URL('./pool-worker.js', here);
}

/**
 * The flags of this process without its module loaders (tsx registers its hooks with --import, and workers
 * inherit execArgv): the workers run the compiled JavaScript, which needs none, and start faster without.
 */
export function workerExecArgv(execArgv: readonly string[] = process.execArgv): string[] {
  const out: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const arg = execArgv[i]!;
    if (/^(--import|--require|-r|--loader|--experimental-loader)$/.test(arg)) i++;
    else if (!/^--(import|require|loader|experimental-loader)=/.test(arg)) out.push(arg);
  }
  return out;
}

async function collect(results: AsyncIterable<CredentialResult>): Promise<CredentialResult[]> {
  const out: CredentialResult[] = [];
  for await (const result of results) out.push(result);
  return out;
}

/** checkFiles on `jobs` threads; results in input order. Never rejects for a file's sake. */
export async function* checkFilesInPool(
  files: Iterable<string>,
  options: RunOptions,
  pool: PoolOptions,
): AsyncGenerator<CredentialResult> {
  const jobs = Math.max(1, Math.floor(pool.jobs));
  if (jobs === 1) {
    yield* checkFiles(files, options);
    return;
  }
  const perSlice = Math.max(1, Math.floor(pool.filesPerTask ?? 4));
  const minFiles = Math.max(0, pool.minFiles ?? DEFAULT_POOL_MIN_FILES);
  const source = files[Symbol.iterator]();

  // Read ahead up to minFiles paths: a batch that ends before is checked here, without a pool.
  const ahead: string[] = [];
  let exhausted = false;
  const take = (count: number): string[] => {
    const slice = ahead.splice(0, count);
    while (slice.length < count && !exhausted) {
      const next = source.next();
      if (next.done) exhausted = true;
      else slice.push(next.value);
    }
    return slice;
  };
  while (ahead.length < minFiles && !exhausted) {
    const next = source.next();
    if (next.done) exhausted = true;
    else ahead.push(next.value);
  }
  if (exhausted && ahead.length < minFiles) {
    yield* checkFiles(ahead, options);
    return;
  }

  const worker = poolWorkerUrl();
  if (!existsSync(fileURLToPath(worker))) {
    throw new Error(`the worker ${fileURLToPath(worker)} is missing: run \`npm run build\``);
  }
  // Loaded here, not at the top: a run without --jobs does not pay for it.
  const { Piscina: PiscinaPool } = await import('piscina');
  const threads = jobs - 1;
  const piscina: Piscina<PoolTask, CredentialResult[]> = new PiscinaPool({
    filename: worker.href,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 1000,
    execArgv: workerExecArgv(),
    resourceLimits: { maxYoungGenerationSizeMb: POOL_YOUNG_GENERATION_MB },
  });

  // Slices are numbered in input order; at most `window` of them are dispatched beyond the next to yield.
  // This thread takes a slice whenever it is free; a worker, whenever it has none (piscina queues nothing).
  const window = Math.max(8, 16 * jobs);
  const pending = new Map<number, Promise<CredentialResult[]>>();
  let dispatched = 0;
  let head = 0;
  let localBusy = false;
  let inWorkers = 0;
  let stopped = false;
  let wake: (() => void) | undefined;
  const notify = (): void => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  const pump = (): void => {
    while (!stopped && dispatched < head + window && (!localBusy || inWorkers < threads)) {
      const slice = take(perSlice);
      if (slice.length === 0) return;
      const index = dispatched++;
      let result: Promise<CredentialResult[]>;
      if (!localBusy) {
        localBusy = true;
        result = collect(checkFiles(slice, options)).catch((error: unknown) =>
          slice.map((file) => crashedResult({ file, findings: [] }, error)),
        );
        void result.finally(() => {
          localBusy = false;
          pump();
          notify();
        });
      } else {
        inWorkers++;
        // Never rejects: a worker that dies reports its files as crashed (indeterminate, never pass).
        result = piscina
          .run({ files: slice, options })
          .catch((error: unknown) => slice.map((file) => crashedResult({ file, findings: [] }, error)));
        void result.finally(() => {
          inWorkers--;
          pump();
          notify();
        });
      }
      pending.set(index, result);
    }
  };

  try {
    for (;;) {
      pump();
      const next = pending.get(head);
      if (next === undefined) {
        if (exhausted && ahead.length === 0 && dispatched === head) break;
        // Nothing dispatched yet at the head (every thread busy with later slices): wait for one to finish.
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      const results = await next;
      pending.delete(head);
      head++;
      yield* results;
    }
  } finally {
    // Also when the caller stops early: dispatch nothing more, let the slices in flight finish, stop the workers.
    stopped = true;
    await Promise.allSettled(pending.values());
    await piscina.destroy();
  }
}
