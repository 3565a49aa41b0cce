// The benchmark (`npm run bench`): mcred's throughput as a ratio to the peer libraries, measured in one
// process, in the same rounds, on the same generated corpus. Absolute credentials/s depend on the machine and
// on whatever else runs on it; the ratios are what to compare between runs.
//
//   npm run bench                  full run (~2 min on 2 cores): n = 200 signed + 200 unsigned, 5 rounds
//   npm run bench -- --quick       ~15 s: n = 30, 3 rounds, no pool rows
//   npm run bench -- --n 2000      size the corpus (each signed measure takes about n / 80 s)
//   options: --rounds R, --no-cli, --out FILE (default bench/results/latest.json), --keep (keep the corpus)
//
// Every measure runs once per round, in a rotated order (so drift in machine load spreads over all of them),
// after a warm-up; a measure repeats passes over its corpus until it has run for at least its minimum time.
// Reported: median and min–max over the rounds, and for each ratio the median and min–max of the per-round
// ratios. The mcred figures are for the compiled dist/ (see bench/mcred.ts): `npm run bench` builds first.
import { spawnSync } from 'node:child_process';
import { mkdirSync, openSync, closeSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import prettier from 'prettier';
import { parallelCapacity } from './capacity.js';
import { makeCorpus, type Corpus } from './corpus.js';
import { BIN, REPO_ROOT, loadMcred, type Mcred } from './mcred.js';
import { ajvPeer, inFlight, readAndParse, vcPeer } from './peers.js';

interface Config {
  n: number;
  rounds: number;
  quick: boolean;
  cli: boolean;
  out: string;
  keep: boolean;
}

function config(): Config {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      n: { type: 'string' },
      rounds: { type: 'string' },
      'no-cli': { type: 'boolean', default: false },
      out: { type: 'string' },
      keep: { type: 'boolean', default: false },
    },
    allowPositionals: false,
  });
  const whole = (value: string | undefined, fallback: number, name: string): number => {
    if (value === undefined) return fallback;
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive whole number`);
    return n;
  };
  const quick = values.quick === true;
  return {
    quick,
    n: whole(values.n, quick ? 30 : 200, 'n'),
    rounds: whole(values.rounds, quick ? 3 : 5, 'rounds'),
    cli: values['no-cli'] !== true,
    out: path.resolve(values.out ?? path.join(REPO_ROOT, 'bench', 'results', 'latest.json')),
    keep: values.keep === true,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Measures

interface Measure {
  id: string;
  label: string;
  /** Which corpus it reads: the signed or the unsigned credentials. */
  corpus: 'signed' | 'unsigned';
  /** Repeat passes until at least this long (ms): fast measures need many passes for a stable figure. */
  minMs: number;
  /** One pass over the corpus (or part of it for the warm-up); returns the number of credentials done. */
  pass(limit?: number): Promise<number>;
  /** Not run in the warm-up (the CLI: a cold process every time is what it measures). */
  noWarmup?: boolean;
}

interface Ratio {
  id: string;
  mcred: string;
  peer: string;
  /** What the comparison means, for the table. */
  note: string;
}

const RATIOS: Ratio[] = [
  {
    id: 'check-vs-vc8',
    mcred: 'mcred-check',
    peer: 'vc-8',
    note: 'check = 16 element schemas + adapter + signature (type probe, key, jsigs) + issuer/dates/place/learner/status',
  },
  { id: 'check-vs-vc1', mcred: 'mcred-check', peer: 'vc-1', note: 'same, against the sequential peer' },
  {
    id: 'verify-vs-vc8',
    mcred: 'mcred-verify',
    peer: 'vc-8',
    note: 'like for like: authenticity checks only (verify), both 8 in flight',
  },
  {
    id: 'cli-check-vs-vc1',
    mcred: 'cli-check',
    peer: 'vc-1',
    note: 'whole corpus through `node bin/mcred.js check dir --format json`, process start included',
  },
  {
    id: 'pool-check-gain',
    mcred: 'mcred-check-jobs2',
    peer: 'mcred-check',
    note: 'the pool: check on 2 threads (this one + a worker started and warmed for each pass) against one',
  },
  {
    id: 'pool-check-vs-vc8',
    mcred: 'mcred-check-jobs2',
    peer: 'vc-8',
    note: 'check on 2 threads against the one-thread peer',
  },
  {
    id: 'cli-pool-gain',
    mcred: 'cli-check-jobs2',
    peer: 'cli-check',
    note: '`check --jobs 2` against `check` (--jobs 1), whole CLI runs (only with --n 256 or more)',
  },
  {
    id: 'pool-validate-gain',
    mcred: 'mcred-validate-jobs2',
    peer: 'mcred-validate',
    note: 'validate on 2 threads (worker start included) against one',
  },
  {
    id: 'validate-vs-ajv',
    mcred: 'mcred-validate',
    peer: 'ajv',
    note: 'validate reads + hashes + parses files, runs the adapter and 16 element schemas; ajv runs one schema on parsed objects',
  },
  {
    id: 'validate-vs-read',
    mcred: 'mcred-validate',
    peer: 'read-parse',
    note: 'against the input floor: readFile + JSON.parse, 8 in flight',
  },
  {
    id: 'cli-validate-vs-ajv',
    mcred: 'cli-validate',
    peer: 'ajv',
    note: '`node bin/mcred.js validate dir --format json`, process start included',
  },
];

async function timePasses(measure: Measure): Promise<number> {
  let done = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    done += await measure.pass();
    elapsed = performance.now() - start;
  } while (elapsed < measure.minMs);
  return done / (elapsed / 1000);
}

function runCli(args: string[]): void {
  const devNull = openSync('/dev/null', 'w');
  try {
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
    delete env.NODE_OPTIONS;
    const run = spawnSync(process.execPath, [BIN, ...args], {
      cwd: REPO_ROOT,
      env,
      stdio: ['ignore', devNull, 'pipe'],
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    if (run.error) throw run.error;
    if (run.status !== 0) {
      throw new Error(`mcred ${args.join(' ')} exited ${run.status}: ${run.stderr.slice(0, 2000)}`);
    }
  } finally {
    closeSync(devNull);
  }
}

/** Does this build of the CLI have --jobs? */
function cliHasJobs(): boolean {
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  const run = spawnSync(process.execPath, [BIN, 'check', '--help'], {
    cwd: REPO_ROOT,
    env,
    encoding: 'utf8',
  });
  return run.status === 0 && run.stdout.includes('--jobs');
}

function measures(mcred: Mcred, corpus: Corpus, cfg: Config, notes: string[]): Measure[] {
  const n = corpus.signed.length;
  const vc = vcPeer(mcred);
  const ajv = ajvPeer();
  const runOptions = (profile: 'all' | 'structure' | 'authenticity') =>
    mcred.options.defaultRunOptions({ profile });
  const libraryPass = (files: string[], profile: 'all' | 'structure' | 'authenticity') => {
    return async (limit?: number): Promise<number> => {
      let count = 0;
      const options = runOptions(profile);
      for await (const _result of mcred.batch.checkFiles(files.slice(0, limit ?? files.length), options))
        count++;
      return count;
    };
  };
  const list: Measure[] = [
    {
      id: 'json-parse',
      label: 'JSON.parse alone (signed texts)',
      corpus: 'signed',
      minMs: 200,
      async pass(limit) {
        const texts = corpus.signedText.slice(0, limit ?? n);
        for (const text of texts) JSON.parse(text);
        return texts.length;
      },
    },
    {
      id: 'read-parse',
      label: 'readFile + JSON.parse, 8 in flight (unsigned files)',
      corpus: 'unsigned',
      minMs: 200,
      async pass(limit) {
        const files = corpus.unsignedFiles.slice(0, limit ?? n);
        await readAndParse(files);
        return files.length;
      },
    },
    {
      id: 'vc-1',
      label: '@digitalbazaar/vc verifyCredential, sequential',
      corpus: 'signed',
      minMs: 0,
      async pass(limit) {
        const docs = corpus.signed.slice(0, limit ?? n);
        for (const doc of docs) {
          if (!(await vc.verify(doc)))
            throw new Error('vc.verifyCredential did not verify a corpus credential');
        }
        return docs.length;
      },
    },
    {
      id: 'vc-8',
      label: '@digitalbazaar/vc verifyCredential, 8 in flight',
      corpus: 'signed',
      minMs: 0,
      async pass(limit) {
        const docs = corpus.signed.slice(0, limit ?? n);
        await inFlight(docs.length, 8, async (i) => {
          if (!(await vc.verify(docs[i]!)))
            throw new Error('vc.verifyCredential did not verify a corpus credential');
        });
        return docs.length;
      },
    },
    {
      id: 'mcred-check',
      label: 'mcred checkFiles, profile all (check), concurrency 8',
      corpus: 'signed',
      minMs: 0,
      pass: libraryPass(corpus.signedFiles, 'all'),
    },
    {
      id: 'mcred-verify',
      label: 'mcred checkFiles, profile authenticity (verify), concurrency 8',
      corpus: 'signed',
      minMs: 0,
      pass: libraryPass(corpus.signedFiles, 'authenticity'),
    },
    {
      id: 'mcred-validate',
      label: 'mcred checkFiles, profile structure (validate), concurrency 8',
      corpus: 'unsigned',
      minMs: 300,
      pass: libraryPass(corpus.unsignedFiles, 'structure'),
    },
  ];
  // The pool rows need a corpus large enough to say something: not in --quick.
  const pool = cfg.quick ? undefined : mcred.pool;
  if (pool) {
    const poolPass = (files: string[], profile: 'all' | 'structure') => {
      return async (limit?: number): Promise<number> => {
        let count = 0;
        const options = runOptions(profile);
        const slice = files.slice(0, limit ?? files.length);
        for await (const _result of pool.checkFilesInPool(slice, options, { jobs: 2, minFiles: 0 })) count++;
        return count;
      };
    };
    list.push(
      {
        id: 'mcred-check-jobs2',
        label: 'mcred checkFilesInPool, profile all (check), jobs 2 (this thread + 1 worker)',
        corpus: 'signed',
        minMs: 0,
        pass: poolPass(corpus.signedFiles, 'all'),
      },
      {
        id: 'mcred-validate-jobs2',
        label: 'mcred checkFilesInPool, profile structure (validate), jobs 2',
        corpus: 'unsigned',
        minMs: 300,
        pass: poolPass(corpus.unsignedFiles, 'structure'),
      },
    );
  }
  if (ajv) {
    notes.push(
      `ajv: ${path.relative(REPO_ROOT, ajv.schemaFile)} (1EdTech OB 3.0 AchievementCredential, formal schema, ` +
        `draft 2019-09), compiled once in ${ajv.compileMs.toFixed(0)} ms (not counted); run on the unsigned ` +
        'credentials, which it accepts (the formal schema wants `proof` as an array, so it rejects the signed ones).',
    );
    list.push({
      id: 'ajv',
      label: 'ajv alone, OB 3.0 JSON Schema (unsigned, parsed objects)',
      corpus: 'unsigned',
      minMs: 200,
      async pass(limit) {
        const docs = corpus.unsigned.slice(0, limit ?? n);
        for (const doc of docs) ajv.validate(doc);
        return docs.length;
      },
    });
  } else {
    notes.push('ajv baseline skipped: ../shared/samples/real/schemas/jsonschema is absent.');
  }
  if (cfg.cli) {
    list.push(
      {
        id: 'cli-check',
        label: 'CLI: node bin/mcred.js check signed/ --format json, whole run',
        corpus: 'signed',
        minMs: 0,
        noWarmup: true,
        async pass() {
          runCli(['check', corpus.signedDir, '--format', 'json', '--exit-zero']);
          return n;
        },
      },
      ...(pool && n >= pool.DEFAULT_POOL_MIN_FILES && cliHasJobs()
        ? [
            {
              id: 'cli-check-jobs2',
              label: 'CLI: node bin/mcred.js check signed/ --jobs 2 --format json, whole run',
              corpus: 'signed' as const,
              minMs: 0,
              noWarmup: true,
              async pass() {
                runCli(['check', corpus.signedDir, '--jobs', '2', '--format', 'json', '--exit-zero']);
                return n;
              },
            },
          ]
        : []),
      {
        id: 'cli-validate',
        label: 'CLI: node bin/mcred.js validate unsigned/ --format json, whole run',
        corpus: 'unsigned',
        minMs: 0,
        noWarmup: true,
        async pass() {
          runCli(['validate', corpus.unsignedDir, '--format', 'json', '--exit-zero']);
          return n;
        },
      },
    );
  }
  return list;
}

/** Before timing anything: every signed credential verifies, in mcred and in the peer. */
async function sanity(mcred: Mcred, corpus: Corpus, cfg: Config): Promise<string[]> {
  const notes: string[] = [];
  const verdicts: Record<string, number> = {};
  const options = mcred.options.defaultRunOptions({ profile: 'all' });
  for await (const result of mcred.batch.checkFiles(corpus.signedFiles, options)) {
    const signature = result.checks.find((c) => c.id === 'signature')?.status;
    const issuer = result.checks.find((c) => c.id === 'issuer')?.status;
    if (signature !== 'pass' || issuer !== 'pass') {
      throw new Error(
        `bench corpus: ${result.file} signature ${signature}, issuer ${issuer} (expected pass)`,
      );
    }
    verdicts[result.verdict] = (verdicts[result.verdict] ?? 0) + 1;
  }
  notes.push(
    `mcred check on the signed corpus: signature and issuer pass for all ${corpus.signed.length}; verdicts ` +
      `${JSON.stringify(verdicts)} (OB 3.0 has no property for type of assessment and form of participation, ` +
      'so those Annex I elements are missing: a structural fail, which the benchmark does not care about).',
  );
  if (cfg.cli) runCli(['--version']);
  return notes;
}

// ---------------------------------------------------------------------------------------------------------
// Statistics and report

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function stats(values: number[]) {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values) };
}

function rate(value: number): string {
  if (value >= 10_000) return `${(value / 1000).toFixed(0)}k`;
  if (value >= 1000) return `${(value / 1000).toFixed(1)}k`;
  return value.toFixed(value >= 100 ? 0 : 1);
}

function times(value: number): string {
  return value >= 10
    ? `${value.toFixed(0)}×`
    : value >= 0.1
      ? `${value.toFixed(2)}×`
      : `${value.toFixed(3)}×`;
}

function cliStartMs(): number {
  const samples: number[] = [];
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    runCli(['--version']);
    samples.push(performance.now() - start);
  }
  return median(samples);
}

async function main(): Promise<void> {
  const cfg = config();
  const startedAt = new Date().toISOString();
  const loadStart = os.loadavg();
  const capacityStart = await parallelCapacity(cfg.quick ? 1 : 3);
  const mcred = await loadMcred();

  let t = performance.now();
  const corpus = await makeCorpus(cfg.n, mcred);
  const generateMs = performance.now() - t;
  console.log(
    `corpus: ${cfg.n} signed (half Ed25519Signature2020, half eddsa-rdfc-2022) + ${cfg.n} unsigned OB 3.0.3 ` +
      `credentials, ~${corpus.meanBytes} bytes each, in ${corpus.dir} (${(generateMs / 1000).toFixed(1)} s)`,
  );

  try {
    const notes = await sanity(mcred, corpus, cfg);
    const list = measures(mcred, corpus, cfg, notes);
    const warmLimit = Math.min(cfg.n, cfg.quick ? 20 : 40);
    t = performance.now();
    for (const measure of list) if (!measure.noWarmup) await measure.pass(warmLimit);
    console.log(`warm-up: ${((performance.now() - t) / 1000).toFixed(1)} s`);

    const rates = new Map<string, number[]>(list.map((m) => [m.id, []]));
    for (let round = 0; round < cfg.rounds; round++) {
      t = performance.now();
      const order = list.map((_, i) => list[(i + round) % list.length]!);
      for (const measure of order) rates.get(measure.id)!.push(await timePasses(measure));
      console.log(`round ${round + 1}/${cfg.rounds}: ${((performance.now() - t) / 1000).toFixed(1)} s`);
    }
    const startMs = cfg.cli ? cliStartMs() : undefined;
    const loadEnd = os.loadavg();
    const capacityEnd = await parallelCapacity(cfg.quick ? 1 : 3);

    const measureRows = list.map((m) => ({
      id: m.id,
      label: m.label,
      corpus: m.corpus,
      perRound: rates.get(m.id)!.map((r) => Math.round(r * 10) / 10),
      ...stats(rates.get(m.id)!),
    }));
    const ratioRows = RATIOS.filter((r) => rates.has(r.mcred) && rates.has(r.peer)).map((r) => {
      const a = rates.get(r.mcred)!;
      const b = rates.get(r.peer)!;
      const perRound = a.map((x, i) => x / b[i]!);
      return { ...r, perRound: perRound.map((x) => Math.round(x * 10000) / 10000), ...stats(perRound) };
    });

    const labelWidth = Math.max(...measureRows.map((m) => m.label.length));
    console.log(`\n${'measure'.padEnd(labelWidth)}  ${'cred/s'.padStart(8)}  min–max`);
    for (const m of measureRows) {
      console.log(
        `${m.label.padEnd(labelWidth)}  ${rate(m.median).padStart(8)}  ${rate(m.min)}–${rate(m.max)}`,
      );
    }
    if (startMs !== undefined)
      console.log(`CLI start (node bin/mcred.js --version): ${startMs.toFixed(0)} ms`);
    console.log('\nratios (median of the per-round ratios, min–max):');
    for (const r of ratioRows) {
      console.log(`  ${r.mcred} ${times(r.median)} ${r.peer}  (${times(r.min)}–${times(r.max)})  ${r.note}`);
    }
    console.log(`\nnotes:\n${notes.map((x) => `  - ${x}`).join('\n')}`);
    console.log(
      `parallel capacity (a CPU loop on 2 threads against 1; ~2× on an idle 2-core machine): ` +
        `${times(capacityStart)} at start, ${times(capacityEnd)} at end`,
    );
    console.log(
      `load average: ${loadStart.map((x) => x.toFixed(2)).join(' ')} at start, ${loadEnd.map((x) => x.toFixed(2)).join(' ')} at end`,
    );

    const git = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' });
    const report = {
      schemaVersion: 1,
      startedAt,
      machine: {
        node: process.version,
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model ?? 'unknown',
        loadavgStart: loadStart,
        loadavgEnd: loadEnd,
        parallelCapacityStart: Math.round(capacityStart * 100) / 100,
        parallelCapacityEnd: Math.round(capacityEnd * 100) / 100,
      },
      commit: git.status === 0 ? git.stdout.trim() : null,
      config: {
        n: cfg.n,
        rounds: cfg.rounds,
        quick: cfg.quick,
        meanBytes: corpus.meanBytes,
        generateMs: Math.round(generateMs),
      },
      cliStartMs: startMs === undefined ? null : Math.round(startMs),
      measures: measureRows,
      ratios: ratioRows,
      notes,
    };
    mkdirSync(path.dirname(cfg.out), { recursive: true });
    // Formatted as prettier would (npm run lint checks every JSON file, ignored or not).
    writeFileSync(cfg.out, await prettier.format(JSON.stringify(report), { parser: 'json' }));
    console.log(`written: ${path.relative(process.cwd(), cfg.out)}`);
  } finally {
    if (cfg.keep) console.log(`corpus kept in ${corpus.dir}`);
    else corpus.remove();
  }
}

await main();
