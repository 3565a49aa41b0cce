// The compiled mcred (dist/), as users run it, typed by its sources. The benchmark measures dist/ rather than
// the TypeScript sources under tsx so that the library figures and the CLI figure (bin/mcred.js → dist/)
// measure the same code; `npm run bench` builds first.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const REPO_ROOT = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
export const DIST = path.join(REPO_ROOT, 'dist');
export const BIN = path.join(REPO_ROOT, 'bin', 'mcred.js');

export interface Mcred {
  batch: typeof import('../src/run/batch.js');
  options: typeof import('../src/run/options.js');
  pipeline: typeof import('../src/run/pipeline.js');
  read: typeof import('../src/input/read.js');
  contexts: typeof import('../src/resolve/contexts.js');
  did: typeof import('../src/resolve/did.js');
  keys: typeof import('../src/issue/keys.js');
  sign: typeof import('../src/issue/sign.js');
  /** The worker pool (src/run/pool.ts), when built. */
  pool?: typeof import('../src/run/pool.js');
}

async function load<T>(relative: string): Promise<T> {
  return (await import(pathToFileURL(path.join(DIST, relative)).href)) as T;
}

/** Loads dist/; throws with a hint when it has not been built. */
export async function loadMcred(): Promise<Mcred> {
  if (!existsSync(path.join(DIST, 'run', 'batch.js'))) {
    throw new Error(`${DIST} has no compiled code: run \`npm run build\` first (npm run bench does)`);
  }
  return {
    batch: await load('run/batch.js'),
    options: await load('run/options.js'),
    pipeline: await load('run/pipeline.js'),
    read: await load('input/read.js'),
    contexts: await load('resolve/contexts.js'),
    did: await load('resolve/did.js'),
    keys: await load('issue/keys.js'),
    sign: await load('issue/sign.js'),
    ...(existsSync(path.join(DIST, 'run', 'pool.js')) ? { pool: await load('run/pool.js') } : {}),
  };
}
