// The worker pool (src/run/pool.ts) gives the same results as the in-thread batch: every structural fixture
// through `jobs 2` and `jobs 1`, compared as JSON text, in the same order. With jobs 2, this thread checks some
// slices (the sources, under jest) and the worker the others (the compiled code, dist/), so this also fails
// when dist/ is stale: run `npm run build`.
import { afterAll, describe, expect, test } from '@jest/globals';
import { cpSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expandPaths } from '../../../src/input/paths.js';
import type { CredentialResult } from '../../../src/model/results.js';
import { checkFiles } from '../../../src/run/batch.js';
import { defaultRunOptions, type RunOptions } from '../../../src/run/options.js';
import {
  DEFAULT_POOL_MIN_FILES,
  checkFilesInPool,
  poolWorkerUrl,
  workerExecArgv,
} from '../../../src/run/pool.js';
import { runCli } from '../../support/cli.js';
import { makeTmpDir } from '../../support/tmp.js';

const REPO_ROOT = path.resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const STRUCTURAL_DIR = path.join(REPO_ROOT, 'fixtures', 'structural');

async function collect(results: AsyncIterable<CredentialResult>): Promise<CredentialResult[]> {
  const out: CredentialResult[] = [];
  for await (const result of results) out.push(result);
  return out;
}

const options = (overrides: Partial<RunOptions> = {}): RunOptions =>
  defaultRunOptions({ profile: 'all', at: new Date('2025-06-01T00:00:00Z'), ...overrides });

describe('checkFilesInPool', () => {
  const tmp = makeTmpDir({
    'a.json': '{"not": "a credential"}',
    'b.json': '[{"@context": ["https://www.w3.org/ns/credentials/v2"]}, 42]',
    'c.json': '{ broken',
    'd.json': '',
  });
  afterAll(() => tmp.remove());

  test('the worker is the compiled one, from src/ too', () => {
    expect(fileURLToPath(poolWorkerUrl())).toBe(path.join(REPO_ROOT, 'dist', 'run', 'pool-worker.js'));
  });

  test("workers do not inherit this process's module loaders (tsx)", () => {
    const argv = [
      '--require',
      'a.cjs',
      '--import',
      'tsx',
      '--max-old-space-size=512',
      '--loader=x',
      '-r',
      'b',
    ];
    expect(workerExecArgv(argv)).toEqual(['--max-old-space-size=512']);
  });

  test('jobs 2 gives the same results, in the same order, as jobs 1 on the structural fixtures', async () => {
    const { files } = await expandPaths([STRUCTURAL_DIR]);
    expect(files.length).toBeGreaterThan(20);
    const inThread = await collect(checkFiles(files, options()));
    const pooled = await collect(checkFilesInPool(files, options(), { jobs: 2, minFiles: 0 }));
    expect(pooled.map((r) => r.file)).toEqual(files);
    expect(JSON.stringify(pooled)).toBe(JSON.stringify(inThread));
  });

  test('jobs 3, validate profile, unreadable files and arrays, one file per slice', async () => {
    const files = ['a.json', 'b.json', 'c.json', 'd.json', 'missing.json'].map((f) => tmp.path(f));
    const run = options({ profile: 'structure' });
    const inThread = await collect(checkFiles(files, run));
    const pooled = await collect(checkFilesInPool(files, run, { jobs: 3, filesPerTask: 1, minFiles: 0 }));
    expect(pooled.map((r) => r.file)).toEqual([
      files[0],
      `${files[1]}#0`,
      `${files[1]}#1`,
      files[2],
      files[3],
      files[4],
    ]);
    expect(JSON.stringify(pooled)).toBe(JSON.stringify(inThread));
  });

  test('jobs 1, and a batch under minFiles, are the in-thread batch', async () => {
    const files = [tmp.path('a.json'), tmp.path('c.json')];
    const run = options({ profile: 'structure' });
    const inThread = await collect(checkFiles(files, run));
    expect(await collect(checkFilesInPool(files, run, { jobs: 1 }))).toEqual(inThread);
    expect(await collect(checkFilesInPool(files, run, { jobs: 2 }))).toEqual(inThread);
    expect(await collect(checkFilesInPool([], run, { jobs: 2, minFiles: 0 }))).toEqual([]);
  });

  test('a consumer that stops early stops the pool', async () => {
    const { files } = await expandPaths([STRUCTURAL_DIR]);
    const seen: string[] = [];
    for await (const result of checkFilesInPool(files, options(), {
      jobs: 2,
      filesPerTask: 2,
      minFiles: 0,
    })) {
      seen.push(result.file);
      if (seen.length === 3) break;
    }
    expect(seen).toEqual(files.slice(0, 3));
  });

  test('the CLI: check --jobs 2 writes the same JSON report as --jobs 1, apart from the times', () => {
    // Enough files for the pool to start (DEFAULT_POOL_MIN_FILES): the fixtures four times over.
    const copies = makeTmpDir({}, 'mcred-pool-');
    try {
      for (const copy of ['a', 'b', 'c', 'd']) cpSync(STRUCTURAL_DIR, copies.path(copy), { recursive: true });
      const report = (jobs: string): Record<string, unknown> => {
        const args = ['check', copies.dir, '--format', 'json', '--at', '2025-06-01T00:00:00Z'];
        const run = runCli([...args, '--jobs', jobs]);
        expect(run.stderr).toBe('');
        expect(run.code).toBe(1);
        const json = JSON.parse(run.stdout) as {
          run: { startedAt?: string };
          summary: { durationMs?: number };
        };
        delete json.run.startedAt;
        delete json.summary.durationMs;
        return json;
      };
      const one = report('1');
      expect((one as { results: unknown[] }).results.length).toBeGreaterThanOrEqual(DEFAULT_POOL_MIN_FILES);
      expect(JSON.stringify(report('2'))).toBe(JSON.stringify(one));
    } finally {
      copies.remove();
    }
  });
});
