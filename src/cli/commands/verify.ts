import type { Command } from 'commander';
import { authenticityBatchCommand } from '../batch-command.js';

/** `mcred verify <paths...>`: the authenticity checks alone. */
export function verifyCommand(setExitCode: (code: number) => void): Command {
  return authenticityBatchCommand(
    'verify',
    'authenticity only: signature or seal, issuer identity, dates, place, learner, status',
    'authenticity',
    setExitCode,
  );
}
