// The worker-pool experiment behind `--jobs` (docs/benchmarks.md): is checking on 2 worker threads faster
// than on the main thread, once warm and including the pool's start?
//
//   npx tsx bench/pool.ts [--n 200] [--rounds 3] [--jobs 2] [--profile all|structure] [--cli]
//
// Per round, on the same files:
//   main   the main thread (checkFiles, concurrency 8), warm;
//   warm   a pool started and warmed once, then reused: the steady-state gain of a long batch;
//   cold   checkFilesInPool, a new pool per pass (what one CLI run has): start and warm-up included;
//   cli1 / cli2 (with --cli)  `node bin/mcred.js check dir --format json` without and with --jobs.
// Reports credentials/s (wall), CPU ms per credential (process.cpuUsage: all threads of this process; not
// for the CLI runs), the time to the first result of the cold pool, the load average and the parallel
// capacity (bench/capacity.ts): on a shared machine the gain is bounded by the idle cores, not by the pool.
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { Piscina } from 'piscina';
import { parallelCapacity } from './capacity.js';
import { makeCorpus } from './corpus.js';
import { BIN, DIST, REPO_ROOT, loadMcred } from './mcred.js';

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '200' },
    rounds: { type: 'string', default: '3' },
    jobs: { type: 'string', default: '2' },
    profile: { type: 'string', default: 'all' },
    cli: { type: 'boolean', default: false },
  },
});
const n = Number(values.n);
const rounds = Number(values.rounds);
const jobs = Number(values.jobs);
const profile = values.profile as 'all' | 'structure';

const mcred = await loadMcred();
const pool = mcred.pool;
if (!pool) throw new Error('dist/run/pool.js is missing: npm run build');
const corpus = await makeCorpus(n, mcred);
const files = profile === 'structure' ? corpus.unsignedFiles : corpus.signedFiles;
const dir = profile === 'structure' ? corpus.unsignedDir : corpus.signedDir;
const options = mcred.options.defaultRunOptions({ profile });

interface Timed {
  rate: number;
  cpuMs?: number;
  firstMs?: number;
}

async function timed(run: () => Promise<number | void>, cpu = true): Promise<Timed> {
  const before = process.cpuUsage();
  const start = performance.now();
  const first = await run();
  const wall = performance.now() - start;
  const used = process.cpuUsage(before);
  return {
    rate: files.length / (wall / 1000),
    ...(cpu ? { cpuMs: (used.user + used.system) / 1000 / files.length } : {}),
    ...(typeof first === 'number' ? { firstMs: first } : {}),
  };
}

async function mainThread(list: string[]): Promise<void> {
  for await (const _result of mcred.batch.checkFiles(list, options));
}

const warm = new Piscina({
  filename: new URL(`file://${DIST}/run/pool-worker.js`).href,
  minThreads: jobs,
  maxThreads: jobs,
  execArgv: pool.workerExecArgv(),
  resourceLimits: { maxYoungGenerationSizeMb: pool.POOL_YOUNG_GENERATION_MB },
});
async function warmPool(list: string[]): Promise<void> {
  const tasks: Promise<unknown>[] = [];
  for (let i = 0; i < list.length; i += 4) tasks.push(warm.run({ files: list.slice(i, i + 4), options }));
  await Promise.all(tasks);
}

/** Returns the time to the first result (ms). */
async function coldPool(list: string[]): Promise<number> {
  const start = performance.now();
  let first = 0;
  for await (const _result of pool!.checkFilesInPool(list, options, { jobs, minFiles: 0 })) {
    first ||= performance.now() - start;
  }
  return first;
}

function cli(extra: string[]): void {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.NODE_OPTIONS;
  const command = profile === 'structure' ? 'validate' : 'check';
  const run = spawnSync(process.execPath, [BIN, command, dir, '--format', 'json', '--exit-zero', ...extra], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`mcred exited ${run.status}: ${run.stderr}`);
}

try {
  await mainThread(files.slice(0, 40));
  await warmPool([...files.slice(0, 40), ...files.slice(0, 40)]);
  for (let round = 0; round < rounds; round++) {
    const main = await timed(() => mainThread(files));
    const cells = [
      ['main', main],
      [`warm pool ×${jobs}`, await timed(() => warmPool(files))],
      [`cold pool ×${jobs}`, await timed(() => coldPool(files))],
    ] as [string, Timed][];
    if (values.cli) {
      const cli1 = await timed(async () => cli([]), false);
      const cli2 = await timed(async () => cli(['--jobs', String(jobs)]), false);
      cells.push(['cli', cli1], [`cli --jobs ${jobs}`, { ...cli2, rate: cli2.rate }]);
    }
    const show = ([name, t]: [string, Timed]) => {
      const base = name.startsWith('cli --jobs') ? cells.find(([k]) => k === 'cli')![1] : main;
      const cpu = t.cpuMs === undefined ? '' : ` ${t.cpuMs.toFixed(1)} cpu-ms/cred`;
      const first = t.firstMs === undefined ? '' : ` first result ${t.firstMs.toFixed(0)} ms`;
      return `${name} ${t.rate.toFixed(1)}/s${cpu}${first} (${(t.rate / base.rate).toFixed(2)}×)`;
    };
    console.log(
      `round ${round + 1}: ${cells.map(show).join(' | ')} | load ${os.loadavg()[0]!.toFixed(1)}, ` +
        `parallel capacity ${(await parallelCapacity(1)).toFixed(2)}×`,
    );
  }
} finally {
  await warm.destroy();
  corpus.remove();
}
