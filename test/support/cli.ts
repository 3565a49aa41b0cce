// Runs the built CLI (bin/mcred.js → dist/) as a child process, the way a user would.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
const BIN = path.join(REPO_ROOT, 'bin', 'mcred.js');

export interface CliRun {
  /** The exit code; null when the process was killed (timeout or signal). */
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  cwd?: string;
  /** Extra environment variables, on top of process.env and NO_COLOR=1. */
  env?: Record<string, string>;
  timeoutMs?: number;
}

export function runCli(args: string[], opts: CliOptions = {}): CliRun {
  const run = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...opts.env },
    timeout: opts.timeoutMs ?? 240_000,
    maxBuffer: 256 * 1024 * 1024,
  });
  if (run.error) throw run.error;
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}
