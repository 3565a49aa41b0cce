// A batch: files → items → results, yielded in input order as they are ready. At most
// `concurrency` credentials are in flight, so memory does not grow with the batch.
import { readInputFile } from '../input/read.js';
import type { CredentialResult } from '../model/results.js';
import type { RunOptions } from './options.js';
import { checkItem } from './pipeline.js';

/** Results for every item of every file, in order. One file may yield several items (a JSON array). */
export async function* checkFiles(files: Iterable<string>, options: RunOptions): AsyncGenerator<CredentialResult> {
  const limits = { maxBytes: options.maxBytes, maxDepth: options.maxDepth };
  const window: Promise<CredentialResult[]>[] = [];
  const width = Math.max(1, options.concurrency);
  for (const file of files) {
    window.push(readInputFile(file, limits).then((items) => Promise.all(items.map((item) => checkItem(item, options)))));
    if (window.length >= width) yield* await window.shift()!;
  }
  while (window.length > 0) yield* await window.shift()!;
}
