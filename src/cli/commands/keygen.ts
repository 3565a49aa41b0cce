// `mcred keygen [-o key.json] [--force]`: a new Ed25519 key bound to a did:key, in the key-file format of
// src/issue/keys.ts. With -o the key file is written (mode 0600, never over an existing file unless --force)
// and stdout gets only the DID, so `DID=$(mcred keygen -o key.json)` works. Without -o the key file JSON
// (secret included) is the only thing on stdout, for redirecting; the DID goes to stderr.
import { Command } from 'commander';
import { open } from 'node:fs/promises';
import { generateKey } from '../../issue/keys.js';
import { UsageError } from '../usage-error.js';

/** Writes a new file (or replaces one with `force`); `mode` applies to a file created now. */
export async function writeNewFile(file: string, text: string, force: boolean, mode = 0o600): Promise<void> {
  let handle;
  try {
    handle = await open(file, force ? 'w' : 'wx', mode);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new UsageError(`${file} already exists (use --force to overwrite it)`);
    throw new UsageError(`could not write ${file}: ${code ?? (error as Error).message}`);
  }
  try {
    await handle.writeFile(text, 'utf8');
  } finally {
    await handle.close();
  }
}

export function keygenCommand(setExitCode: (code: number) => void): Command {
  return new Command('keygen')
    .description('make an Ed25519 signing key (did:key) for `mcred sign`')
    .option('-o, --output <file>', 'write the key file there (stdout then only gets the DID)')
    .option('--force', 'overwrite an existing key file')
    .action(async (options: { output?: string; force?: boolean }) => {
      const key = await generateKey();
      const text = `${JSON.stringify(key, null, 2)}\n`;
      if (options.output) {
        await writeNewFile(options.output, text, !!options.force);
        process.stdout.write(`${key.did}\n`);
      } else {
        process.stdout.write(text);
        process.stderr.write(`mcred: new key ${key.did} (the secret key is in the output: keep it safe)\n`);
      }
      setExitCode(0);
    });
}
