// Temporary directories with given files, created at test time under os.tmpdir() and removed after.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** File contents by relative path; a string is written as UTF-8, a Buffer as is. */
export type TmpFiles = Record<string, string | Buffer | object>;

export interface TmpDir {
  /** The directory's absolute path. */
  dir: string;
  /** An absolute path inside the directory. */
  path(...parts: string[]): string;
  /** Writes (or overwrites) one more file; returns its absolute path. */
  write(name: string, content: string | Buffer | object): string;
  /** Removes the directory and everything in it. */
  remove(): void;
}

/**
 * Makes a fresh temporary directory holding `files`. Objects that are neither strings nor
 * Buffers are written as JSON. Sub-directories in names ("a/b.json") are created.
 */
export function makeTmpDir(files: TmpFiles = {}, prefix = 'mcred-test-'): TmpDir {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  const tmp: TmpDir = {
    dir,
    path: (...parts) => path.join(dir, ...parts),
    write(name, content) {
      const target = path.join(dir, name);
      mkdirSync(path.dirname(target), { recursive: true });
      const data =
        typeof content === 'string' || Buffer.isBuffer(content) ? content : JSON.stringify(content, null, 2);
      writeFileSync(target, data);
      return target;
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
  for (const [name, content] of Object.entries(files)) tmp.write(name, content);
  return tmp;
}
