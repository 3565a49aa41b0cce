import type { Command } from 'commander';
import { authenticityBatchCommand } from '../batch-command.js';

/** `mcred check <paths...>`: every check, structure and authenticity. */
export function checkCommand(setExitCode: (code: number) => void): Command {
  return authenticityBatchCommand(
    'check',
    'everything: Annex I elements, schemas, transparency, and authenticity (signature, issuer, dates, place, learner, status)',
    'all',
    setExitCode,
  );
}
