import { Command } from 'commander';
import {
  addAuthenticityOptions,
  addBatchOptions,
  authenticityRunOptions,
  runBatchCommand,
  type AuthenticityCommandOptions,
  type BatchCommandOptions,
} from '../batch-command.js';

export function checkCommand(setExitCode: (code: number) => void): Command {
  return addAuthenticityOptions(
    addBatchOptions(
      new Command('check').description(
        'everything: Annex I elements, schemas, transparency, and authenticity (signature, issuer, dates, place, learner, status)',
      ),
    ),
  ).action(async (paths: string[], options: BatchCommandOptions & AuthenticityCommandOptions) => {
    setExitCode(await runBatchCommand('check', paths, options, 'all', authenticityRunOptions(options)));
  });
}
