// `mcred inspect <file>`: everything mcred checks (the check profile), shown for one credential
// as a terminal summary (src/report/reporters/inspect.ts) or, with --format json, as its result.
// A file holding a JSON array is one credential per item: each is inspected in turn (the JSON
// output is then an array of results). Exit 0 when every verdict is pass, 1 otherwise, 2 on a
// usage error (no such file, a directory, a bad option).
import { stat } from 'node:fs/promises';
import { Command, InvalidArgumentError } from 'commander';
import type { CredentialResult, FormatId } from '../../model/results.js';
import { normaliseTag, systemLanguage, type LangPreference } from '../../report/language.js';
import { inspectReport } from '../../report/reporters/inspect.js';
import { terminalSafe } from '../../report/reporters/pretty.js';
import { checkFiles } from '../../run/batch.js';
import { defaultRunOptions } from '../../run/options.js';
import {
  addAuthenticityOptions,
  authenticityRunOptions,
  INPUT_FORMATS,
  type AuthenticityCommandOptions,
} from '../batch-command.js';
import { openOutput } from '../output.js';
import { UsageError } from '../usage-error.js';

const FORMATS = ['pretty', 'json'] as const;

interface InspectCommandOptions extends AuthenticityCommandOptions {
  lang?: string;
  format: (typeof FORMATS)[number];
  inputFormat?: FormatId;
}

function languageTag(value: string): string {
  const tag = normaliseTag(value);
  if (!tag) throw new InvalidArgumentError('must be a language tag such as en, nl, fr-BE or und');
  return tag;
}

function oneOf<T extends string>(allowed: readonly T[]) {
  return (value: string): T => {
    if (!(allowed as readonly string[]).includes(value))
      throw new InvalidArgumentError(`must be one of ${allowed.join(', ')}`);
    return value as T;
  };
}

export function inspectCommand(setExitCode: (code: number) => void): Command {
  return addAuthenticityOptions(
    new Command('inspect')
      .description(
        'one credential for people: its Annex I elements, verdict, checks and the Annex II principles',
      )
      .argument('<file>', 'one credential file (a JSON array: each item in turn)')
      .option(
        '--lang <tag>',
        'language for multilingual values (default: the system locale, then English, then the first given)',
        languageTag,
      )
      .option('-f, --format <format>', `output: ${FORMATS.join(', ')}`, oneOf(FORMATS), 'pretty')
      .option(
        '--input-format <format>',
        `force the input format: ${INPUT_FORMATS.join(', ')}`,
        oneOf(INPUT_FORMATS),
      ),
  ).action(async (file: string, options: InspectCommandOptions) => {
    let info;
    try {
      info = await stat(file);
    } catch {
      throw new UsageError(`no such file: ${file}`);
    }
    if (info.isDirectory())
      throw new UsageError(`${file} is a directory: inspect takes one file (use check for folders)`);

    const runOptions = defaultRunOptions({
      profile: 'all',
      ...authenticityRunOptions(options),
      ...(options.inputFormat ? { inputFormat: options.inputFormat } : {}),
    });
    const results: CredentialResult[] = [];
    for await (const result of checkFiles([file], runOptions)) results.push(result);

    const output = await openOutput(undefined);
    if (options.format === 'json') {
      await output.write(`${JSON.stringify(results.length === 1 ? results[0] : results, null, 2)}\n`);
    } else {
      const system = systemLanguage();
      const lang: LangPreference | undefined = options.lang ?? system;
      const langSource = options.lang ? '--lang' : system ? `system locale ${system}` : undefined;
      if (results.length > 1)
        await output.write(
          `${terminalSafe(file)} holds a JSON array of ${results.length} credentials; each is inspected in turn.\n\n`,
        );
      for (const [index, result] of results.entries()) {
        if (index > 0) await output.write('\n');
        await output.write(
          inspectReport(result, {
            color: output.color,
            ...(lang ? { lang } : {}),
            ...(langSource ? { langSource } : {}),
          }),
        );
      }
    }
    await output.close();
    setExitCode(results.length > 0 && results.every((r) => r.verdict === 'pass') ? 0 : 1);
  });
}
