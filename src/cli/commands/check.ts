import { Command } from 'commander';
import { addBatchOptions, runBatchCommand, type BatchCommandOptions } from '../batch-command.js';

export function checkCommand(setExitCode: (code: number) => void): Command {
  return addBatchOptions(
    new Command('check').description(
      'check micro-credentials: Annex I elements, schemas, transparency (and authenticity, once signatures are supported)',
    ),
  ).action(async (paths: string[], options: BatchCommandOptions) => {
    setExitCode(await runBatchCommand('check', paths, options, 'all'));
  });
}
