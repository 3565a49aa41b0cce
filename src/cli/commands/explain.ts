import { Command } from 'commander';
import { FINDINGS, findingDefinition } from '../../findings/index.js';
import { UsageError } from '../usage-error.js';

export function explainCommand(setExitCode: (code: number) => void): Command {
  return new Command('explain')
    .description('print the documentation of a finding code (or list all codes)')
    .argument('[code]', 'a finding code such as ELEMENT_MISSING')
    .action((code: string | undefined) => {
      if (!code) {
        for (const [c, def] of Object.entries(FINDINGS))
          process.stdout.write(`${c.padEnd(28)} ${def.severity.padEnd(8)} ${def.title}\n`);
        setExitCode(0);
        return;
      }
      const def = findingDefinition(code.toUpperCase());
      if (!def) throw new UsageError(`unknown finding code: ${code} (run "mcred explain" to list them)`);
      process.stdout.write(
        `${code.toUpperCase()}\n  check:    ${def.check}\n  severity: ${def.severity}\n\n  ${def.title}.\n\n  ${def.description}\n\n  What to do: ${def.hint}\n`,
      );
      setExitCode(0);
    });
}
