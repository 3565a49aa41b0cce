// Where the read-only third-party reference (../shared, next to the repo) lives, and a
// `describe` that runs only when it is there. The files are read in place, never copied.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './cli.js';

export const SHARED_DIR = path.resolve(REPO_ROOT, '../shared');
export const REAL_DIR = path.join(SHARED_DIR, 'samples', 'real');

/** True when the real samples are available (../shared/samples/real exists). */
export function hasShared(): boolean {
  return existsSync(REAL_DIR);
}

/**
 * `describe(name, fn)` when ../shared is present. Otherwise prints one notice and registers a
 * single passing test, so a checkout without ../shared reports nothing as skipped.
 */
export function describeIfShared(name: string, fn: () => void): void {
  if (hasShared()) {
    describe(name, fn);
    return;
  }
  // Written directly: Jest's console.log would add its own header and source location.
  process.stdout.write('skipped: ../shared not found (real-sample tests need it)\n');
  describe(name, () => {
    test('../shared is absent', () => {
      expect(hasShared()).toBe(false);
    });
  });
}
