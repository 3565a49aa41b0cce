import { Command } from 'commander';
import {
  addAuthenticityOptions,
  addBatchOptions,
  authenticityRunOptions,
  runBatchCommand,
  type AuthenticityCommandOptions,
  type BatchCommandOptions,
} from '../batch-command.js';

export function verifyCommand(setExitCode: (code: number) => void): Command {
  return addAuthenticityOptions(
    addBatchOptions(
      new Command('verify').description(
        'authenticity only: signature or seal, issuer identity, dates, place, learner, status',
      ),
    ),
  ).action(async (paths: string[], options: BatchCommandOptions & AuthenticityCommandOptions) => {
    setExitCode(
      await runBatchCommand('verify', paths, options, 'authenticity', authenticityRunOptions(options)),
    );
  });
}
