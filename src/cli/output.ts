// Writing to stdout or a file with back-pressure, so a large batch streams without buffering.
// Write errors never crash the process: a report file that cannot be opened is a usage error,
// a reader that goes away (`mcred check … | head`) just stops the output.
import { open } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { UsageError } from './usage-error.js';

export interface Output {
  write(text: string): Promise<void>;
  close(): Promise<void>;
  /** Whether colour makes sense: a TTY and no NO_COLOR. */
  color: boolean;
}

let stdoutGuarded = false;
/** The first error writing to stdout; EPIPE (the reader went away) is not reported. */
let stdoutError: NodeJS.ErrnoException | undefined;

/**
 * Listens for errors on stdout once per process (an unhandled 'error' event would crash with a
 * stack trace). After one, typically EPIPE, output to stdout is dropped.
 */
export function guardStdout(): void {
  if (stdoutGuarded) return;
  stdoutGuarded = true;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    stdoutError ??= error;
  });
}

/** A report that cannot be written ends the run in one line on stderr, exit code 2. */
function writeFailure(where: string, error: NodeJS.ErrnoException): Error {
  const reason = WRITE_ERRORS[error.code ?? ''] ?? error.message;
  return new UsageError(
    `could not write the report to ${where}: ${reason}${error.code ? ` (${error.code})` : ''}`,
  );
}

/** Opens the report's destination: the file named by -o (created or truncated now), else stdout. */
export async function openOutput(file: string | undefined): Promise<Output> {
  if (!file) return stdoutOutput();
  let handle;
  try {
    handle = await open(file, 'w');
  } catch (error) {
    throw writeFailure(file, error as NodeJS.ErrnoException);
  }
  const stream = handle.createWriteStream();
  let failure: Error | undefined;
  const fail = (error: Error) => {
    failure ??= writeFailure(file, error);
  };
  stream.on('error', fail);
  const check = () => (failure ? Promise.reject(failure) : Promise.resolve());
  return {
    color: false,
    async write(text) {
      if (failure) throw failure;
      if (text === '' || stream.write(text)) return;
      await drainOrClose(stream);
      return check();
    },
    async close() {
      if (failure) throw failure;
      await new Promise<void>((resolve) =>
        stream.end((error?: Error | null) => {
          if (error) fail(error);
          resolve();
        }),
      );
      return check();
    },
  };
}

function stdoutOutput(): Output {
  guardStdout();
  const stream = process.stdout;
  return {
    color: !!stream.isTTY && !process.env.NO_COLOR,
    async write(text) {
      if (text === '' || stdoutError || stream.destroyed) return;
      if (!stream.write(text)) await drainOrClose(stream);
    },
    async close() {
      // Let a pending write report its error before deciding.
      await new Promise<void>((resolve) =>
        stream.writableLength === 0 || stream.destroyed
          ? setImmediate(resolve)
          : stream.write('', () => resolve()),
      );
      if (stdoutError && stdoutError.code !== 'EPIPE') throw writeFailure('stdout', stdoutError);
    },
  };
}

/** Resolves once the stream can take more, or once it is closed (after an error). */
function drainOrClose(stream: Writable): Promise<void> {
  if (stream.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
  });
}

/** Plain words for the errors a report file can meet. */
const WRITE_ERRORS: Record<string, string> = {
  ENOENT: 'the folder does not exist',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'that is a folder',
  ENOSPC: 'the disk is full',
  EROFS: 'the file system is read-only',
  EIO: 'input/output error',
};
