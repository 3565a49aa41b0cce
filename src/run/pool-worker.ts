// The worker of the pool (src/run/pool.ts): checks one slice of files with the in-thread batch and returns
// the results in order. It runs in a worker thread and loads the compiled code (dist/run/pool-worker.js).
import type { CredentialResult } from '../model/results.js';
import { checkFiles } from './batch.js';
import type { RunOptions } from './options.js';

export interface PoolTask {
  files: string[];
  options: RunOptions;
}

export default async function checkPoolTask(task: PoolTask): Promise<CredentialResult[]> {
  const results: CredentialResult[] = [];
  for await (const result of checkFiles(task.files, task.options)) results.push(result);
  return results;
}
