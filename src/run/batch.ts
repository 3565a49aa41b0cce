// A batch: files → items → results, yielded in input order as they are ready. At most
// `concurrency` credentials are in flight, so memory does not grow with the batch.
import { resultFromFindings } from '../checks/result.js';
import { finding } from '../findings/index.js';
import { readInputFile, type InputItem } from '../input/read.js';
import { emptyElements } from '../model/elements.js';
import type { CredentialResult } from '../model/results.js';
import type { RunOptions } from './options.js';
import { checkItem } from './pipeline.js';

/** Results for every item of every file, in order. One file may yield several items (a JSON array). */
export async function* checkFiles(
  files: Iterable<string>,
  options: RunOptions,
): AsyncGenerator<CredentialResult> {
  const limits = { maxBytes: options.maxBytes, maxDepth: options.maxDepth };
  const window: Promise<CredentialResult[]>[] = [];
  const width = Math.max(1, options.concurrency);
  for (const file of files) {
    // Never rejects: a rejection waiting in the window would be unhandled and end the process.
    window.push(
      readInputFile(file, limits).then(
        (items) => Promise.all(items.map((item) => checkItemSafely(item, options))),
        (error: unknown) => [crashedResult({ file, findings: [] }, error)],
      ),
    );
    if (window.length >= width) yield* await window.shift()!;
  }
  while (window.length > 0) yield* await window.shift()!;
}

/** checkItem is meant never to throw; should it, the item is still reported (indeterminate, never pass). */
async function checkItemSafely(item: InputItem, options: RunOptions): Promise<CredentialResult> {
  try {
    return await checkItem(item, options);
  } catch (error) {
    return crashedResult(item, error);
  }
}

export function crashedResult(item: InputItem, error: unknown): CredentialResult {
  const message = error instanceof Error ? error.message : String(error);
  const crash = finding('CHECK_CRASHED', {
    message: `Checking ${item.file} stopped on an unexpected error: ${message}`,
  });
  const result: CredentialResult = {
    file: item.file,
    format: 'unknown',
    verdict: 'indeterminate',
    completeness: 'incomplete',
    elements: emptyElements(),
    checks: [
      { id: 'input', status: resultFromFindings('input', item.findings).status },
      { id: crash.check, status: 'indeterminate' },
    ],
    findings: [...item.findings, crash],
  };
  if (item.sha256) result.sha256 = item.sha256;
  return result;
}
