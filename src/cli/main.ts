// The command-line entry: commander wiring only. Exit codes: 0 all pass, 1 any credential
// fails / is indeterminate / cannot be read, 2 usage error (bad flag, missing path, no input).
import { Command, CommanderError } from 'commander';
import { TOOL } from '../model/tool.js';
import { checkCommand } from './commands/check.js';
import { explainCommand } from './commands/explain.js';
import { inspectCommand } from './commands/inspect.js';
import { keygenCommand } from './commands/keygen.js';
import { signCommand } from './commands/sign.js';
import { reportCommand } from './commands/report.js';
import { validateCommand } from './commands/validate.js';
import { verifyCommand } from './commands/verify.js';
import { guardStdout } from './output.js';
import { UsageError } from './usage-error.js';

export const EXIT_USAGE = 2;

export async function run(argv: string[]): Promise<number> {
  guardStdout();
  let exitCode = 0;
  const setExitCode = (code: number) => {
    exitCode = code;
  };
  const program = new Command('mcred')
    .description('Validate and verify EU micro-credentials against the Annex I standard elements')
    .version(TOOL.version, '-V, --version')
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });
  for (const command of [
    checkCommand(setExitCode),
    validateCommand(setExitCode),
    verifyCommand(setExitCode),
    reportCommand(setExitCode),
    explainCommand(setExitCode),
    inspectCommand(setExitCode),
    keygenCommand(setExitCode),
    signCommand(setExitCode),
  ]) {
    program.addCommand(command.exitOverride());
  }
  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here with code 0; everything else is a usage error.
      return error.exitCode === 0 ? 0 : EXIT_USAGE;
    }
    if (error instanceof UsageError) {
      process.stderr.write(`mcred: ${error.message}\n`);
      return EXIT_USAGE;
    }
    process.stderr.write(
      `mcred: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return EXIT_USAGE;
  }
}

// Run through tsx in development: `npm run dev -- check file.json`.
if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await run(process.argv);
}
