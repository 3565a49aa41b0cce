import { Command } from 'commander';
import {
  addAuthenticityOptions,
  addBatchOptions,
  authenticityRunOptions,
  runBatchCommand,
  type AuthenticityCommandOptions,
  type BatchCommandOptions,
} from '../batch-command.js';

/**
 * `mcred report <paths...> -o report.html`: everything `check` does, written as one
 * self-contained HTML file for a case file. -o is required: an HTML document on a terminal helps
 * nobody, and a default name could overwrite a report filed earlier. Exit codes as `check`.
 */
export function reportCommand(setExitCode: (code: number) => void): Command {
  return addAuthenticityOptions(
    addBatchOptions(
      new Command('report').description(
        'the self-contained HTML report of a check (for a case file or printing): -o report.html',
      ),
      { report: true },
    ),
  ).action(
    async (paths: string[], options: Omit<BatchCommandOptions, 'format'> & AuthenticityCommandOptions) => {
      setExitCode(
        await runBatchCommand(
          'report',
          paths,
          { ...options, format: 'html' },
          'all',
          authenticityRunOptions(options),
        ),
      );
    },
  );
}
