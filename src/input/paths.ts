// Expands the paths a user gives into files: directories are searched for *.json, *.jsonld and *.jwt
// (a compact VC-JWT; the input layer reads a JWS from a file of any extension given by name).
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { glob } from 'tinyglobby';

export interface ExpandedPaths {
  files: string[];
  /** Paths that do not exist (a usage error: exit code 2). */
  missing: string[];
}

export const DIRECTORY_PATTERNS = ['**/*.json', '**/*.jsonld', '**/*.jwt'];

/**
 * Files in the order given; a directory's files sorted by path. Symbolic links are followed (a
 * linked credential is checked, not silently left out) and every file is kept once, by its real
 * path, so a link loop or a file reached twice is reported once.
 */
export async function expandPaths(paths: string[]): Promise<ExpandedPaths> {
  const files: string[] = [];
  const missing: string[] = [];
  const seen = new Set<string>();
  const add = async (file: string) => {
    const key = await realpath(file).catch(() => path.resolve(file));
    if (!seen.has(key)) {
      seen.add(key);
      files.push(file);
    }
  };
  for (const given of paths) {
    let info;
    try {
      info = await stat(given);
    } catch {
      missing.push(given);
      continue;
    }
    if (info.isDirectory()) {
      const found = await glob(DIRECTORY_PATTERNS, {
        cwd: given,
        onlyFiles: true,
        dot: false,
        followSymbolicLinks: true,
      });
      found.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      for (const rel of found) await add(path.join(given, rel));
    } else {
      await add(given);
    }
  }
  return { files, missing };
}
