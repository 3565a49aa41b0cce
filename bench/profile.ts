// Where the time of a check goes: stage timers per check, and a CPU profile of the batch alone (the corpus
// generation and the warm-up are not sampled).
//
//   npx tsx bench/profile.ts [--profile all|structure|authenticity] [--n 200] [--concurrency 8]
//
// Stage timers run the batch with concurrency 1 (a check's time is then its own) by wrapping each check's
// run(); "signature" includes the suites' work, which "issuer" then reuses. The CPU profile runs the batch at
// --concurrency and is written to bench/results/<profile>.cpuprofile (open it in Chrome DevTools), with a
// summary of self time by package and by function printed here.
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { makeCorpus } from './corpus.js';
import { printSummary, summariseProfile } from './cpuprofile-summary.js';
import { REPO_ROOT, loadMcred } from './mcred.js';

type Profile = 'all' | 'structure' | 'authenticity';

const { values } = parseArgs({
  options: {
    profile: { type: 'string', default: 'all' },
    n: { type: 'string', default: '200' },
    concurrency: { type: 'string', default: '8' },
  },
});
const profile = values.profile as Profile;
if (!['all', 'structure', 'authenticity'].includes(profile))
  throw new Error('--profile all|structure|authenticity');
const n = Number(values.n);
const concurrency = Number(values.concurrency);

const mcred = await loadMcred();
const corpus = await makeCorpus(n, mcred);
const files = profile === 'structure' ? corpus.unsignedFiles : corpus.signedFiles;

async function runBatch(limit: number, width: number): Promise<number> {
  const options = mcred.options.defaultRunOptions({ profile, concurrency: width });
  const start = performance.now();
  let count = 0;
  for await (const _result of mcred.batch.checkFiles(files.slice(0, limit), options)) count++;
  return (performance.now() - start) / count;
}

try {
  await runBatch(Math.min(40, n), concurrency); // warm-up

  // 1. Stage timers, concurrency 1.
  const checks = mcred.pipeline.checksFor(profile);
  const spent = new Map<string, number>();
  const originals = checks.map((check) => check.run);
  checks.forEach((check, i) => {
    const original = originals[i]!;
    check.run = async (context) => {
      const start = performance.now();
      try {
        return await original.call(check, context);
      } finally {
        spent.set(check.id, (spent.get(check.id) ?? 0) + performance.now() - start);
      }
    };
  });
  const perItem = await runBatch(n, 1);
  checks.forEach((check, i) => (check.run = originals[i]!));
  console.log(
    `stage timers, concurrency 1, ${n} credentials: ${(perItem * 1000).toFixed(0)} µs per credential`,
  );
  let inChecks = 0;
  for (const [id, ms] of spent) {
    inChecks += ms;
    console.log(
      `  ${id.padEnd(14)} ${((ms / n) * 1000).toFixed(0).padStart(6)} µs  ${((100 * ms) / n / perItem).toFixed(1)}%`,
    );
  }
  const rest = perItem - inChecks / n;
  console.log(
    `  ${'(rest)'.padEnd(14)} ${(rest * 1000).toFixed(0).padStart(6)} µs  ${((100 * rest) / perItem).toFixed(1)}%  read, hash, parse, detect, adapter, result`,
  );

  // 2. CPU profile of the batch alone.
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  const perItemProfiled = await runBatch(n, concurrency);
  const { profile: cpuProfile } = await session.post('Profiler.stop');
  session.disconnect();
  const out = path.join(REPO_ROOT, 'bench', 'results', `${profile}.cpuprofile`);
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify(cpuProfile));
  console.log(
    `\nCPU profile, concurrency ${concurrency}: ${(perItemProfiled * 1000).toFixed(0)} µs per credential; ${path.relative(process.cwd(), out)}`,
  );
  const summary = summariseProfile(out);
  printSummary(summary, 20);
  const inclusive = (name: string, test: (f: { functionName: string; url: string }) => boolean) => {
    const ms = summary.inclusive(test);
    console.log(
      `  ${name.padEnd(44)} ${((ms / n) * 1000).toFixed(0).padStart(6)} µs  ${((100 * ms) / summary.totalMs).toFixed(1)}%`,
    );
  };
  console.log('\ninclusive time of some frames (per credential, share of busy time):');
  inclusive(
    'jsonld-signatures verify (the library check)',
    (f) => f.functionName === 'verify' && f.url.includes('jsonld-signatures/lib/jsonld-signatures'),
  );
  inclusive('probeProofType (B07 expansion)', (f) => f.functionName === 'probeProofType');
  inclusive('noteContexts', (f) => f.functionName === 'noteContexts');
  inclusive('loader: loadDid', (f) => f.functionName === 'loadDid');
  inclusive('loader: loadContext', (f) => f.functionName === 'loadContext');
  inclusive(
    'jsonld context processing (api.process)',
    (f) => f.functionName === 'api.process' && f.url.includes('jsonld/lib/context'),
  );
  inclusive('jsonld _cloneActiveContext', (f) => f.functionName === '_cloneActiveContext');
  inclusive('rdf-canonize', (f) => f.url.includes('rdf-canonize'));
  inclusive('schema check', (f) => f.url.includes('/checks/schema.js'));
  inclusive('ajv validators (compiled code)', (f) => f.url === '' && /^validate\d*$/.test(f.functionName));
  inclusive('adapters (formats/*)', (f) => f.url.includes('/dist/formats/'));
  inclusive('input read', (f) => f.url.includes('/dist/input/read.js'));
} finally {
  corpus.remove();
}
