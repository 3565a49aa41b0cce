import { Command } from 'commander';
import { addBatchOptions, runBatchCommand, type BatchCommandOptions } from '../batch-command.js';

export function validateCommand(setExitCode: (code: number) => void): Command {
  return addBatchOptions(
    new Command('validate').description(
      'structural checks only (schemas, Annex I elements, transparency), for drafts before signing',
    ),
  ).action(async (paths: string[], options: BatchCommandOptions) => {
    setExitCode(await runBatchCommand('validate', paths, options, 'structure'));
  });
}
