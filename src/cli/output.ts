// Writing to stdout or a file with back-pressure, so a large batch streams without buffering.
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';

export interface Output {
  write(text: string): Promise<void>;
  close(): Promise<void>;
  /** Whether colour makes sense: a TTY and no NO_COLOR. */
  color: boolean;
}

export function openOutput(file: string | undefined): Output {
  const stream: Writable = file ? createWriteStream(file) : process.stdout;
  const color = !file && !!process.stdout.isTTY && !process.env.NO_COLOR;
  return {
    color,
    write(text) {
      if (text === '' || stream.write(text)) return Promise.resolve();
      return new Promise((resolve) => stream.once('drain', () => resolve()));
    },
    close() {
      if (!file) return Promise.resolve();
      return new Promise((resolve, reject) =>
        stream.end((error?: Error | null) => (error ? reject(error) : resolve())),
      );
    },
  };
}
