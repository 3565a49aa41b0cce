// Shared by check, validate and verify: expand paths, run the batch, stream the chosen reporter.
import path from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { expandPaths } from '../input/paths.js';
import type { FormatId, RunInfo } from '../model/results.js';
import { TOOL } from '../model/tool.js';
import { reporterFor } from '../report/reporters/index.js';
import { normaliseTag } from '../report/language.js';
import { redactResult } from '../report/redact.js';
import { SummaryBuilder } from '../report/summary.js';
import { checkFilesInPool } from '../run/pool.js';
import { DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH, defaultRunOptions, type RunOptions } from '../run/options.js';
import { parseDateTime, parseSkew } from '../checks/datetime.js';
import { openOutput } from './output.js';
import { UsageError } from './usage-error.js';

export const OUTPUT_FORMATS = ['pretty', 'json', 'junit', 'sarif', 'html'] as const;
export const INPUT_FORMATS: FormatId[] = ['edc', 'ob3', 'ebsi', 'vc', 'annex'];

export interface BatchCommandOptions {
  format: (typeof OUTPUT_FORMATS)[number];
  output?: string;
  exitZero?: boolean;
  inputFormat?: FormatId;
  maxSize: number;
  maxDepth: number;
  concurrency: number;
  /** Threads that check credentials, the main one included (src/run/pool.ts); 1: no worker. */
  jobs: number;
  timeout: number;
  verbose?: boolean;
  /** Replace the learner's personal data by stable hashes (src/report/redact.ts). */
  redact?: boolean;
  /** Preferred language of multilingual values in the html report. */
  lang?: string;
}

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('must be a positive whole number');
  return n;
}

function languageTag(value: string): string {
  const tag = normaliseTag(value);
  if (!tag) throw new InvalidArgumentError('must be a language tag such as en, nl, fr-BE or und');
  return tag;
}

function choice<T extends string>(allowed: readonly T[]) {
  return (value: string): T => {
    if (!(allowed as readonly string[]).includes(value))
      throw new InvalidArgumentError(`must be one of ${allowed.join(', ')}`);
    return value as T;
  };
}

/**
 * The options every batch command has. `report` (the HTML report command) has no --format and
 * needs -o.
 */
export function addBatchOptions(command: Command, mode: { report?: boolean } = {}): Command {
  command.argument('<paths...>', 'credential files or directories (searched for *.json, *.jsonld and *.jwt)');
  if (mode.report) command.requiredOption('-o, --output <file>', 'the HTML file to write');
  else
    command
      .option(
        '-f, --format <format>',
        `report format: ${OUTPUT_FORMATS.join(', ')}`,
        choice(OUTPUT_FORMATS),
        'pretty',
      )
      .option('-o, --output <file>', 'write the report to a file instead of stdout');
  return command
    .option(
      '--redact',
      "replace the learner's personal data (names, birth date, ids, e-mail) with stable hashes",
    )
    .option(
      '--lang <tag>',
      'language of multilingual values in the html report (default: system locale)',
      languageTag,
    )
    .option('--exit-zero', 'exit 0 even when credentials fail (report only)')
    .option(
      '--input-format <format>',
      `force the input format: ${INPUT_FORMATS.join(', ')}`,
      choice(INPUT_FORMATS),
    )
    .option('--max-size <bytes>', 'largest file read', positiveInteger, DEFAULT_MAX_BYTES)
    .option('--max-depth <levels>', 'deepest JSON nesting accepted', positiveInteger, DEFAULT_MAX_DEPTH)
    .option('--concurrency <n>', 'credentials checked at once', positiveInteger, 8)
    .option(
      '--jobs <n>',
      'threads that check credentials, this one included (batches of 256 files or more)',
      positiveInteger,
      1,
    )
    .option(
      '--timeout <seconds>',
      'longest one check may take before it is indeterminate',
      positiveInteger,
      30,
    )
    .option('--verbose', 'show info findings in the pretty report');
}

export interface AuthenticityCommandOptions {
  at?: Date;
  skew: number;
  online?: boolean;
  contextDir: string[];
  didDir?: string;
  trustAnchors?: string;
}

function instant(value: string): Date {
  const parsed = parseDateTime(value);
  if (!parsed.ok) {
    const why = parsed.problem === 'not a date-time' ? '' : ` (${parsed.problem})`;
    throw new InvalidArgumentError(
      `must be an RFC 3339 date-time with an offset, e.g. 2025-01-01T00:00:00Z${why}`,
    );
  }
  if (!parsed.hasOffset)
    throw new InvalidArgumentError('must carry a time-zone offset, e.g. 2024-06-15T10:00:00Z');
  return parsed.date;
}

function skewSeconds(value: string): number {
  const seconds = parseSkew(value);
  if (seconds === undefined)
    throw new InvalidArgumentError('must be seconds, or a number with s, m or h (e.g. 300, 5m)');
  return seconds;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** The options of the commands that check authenticity (check, verify). */
export function addAuthenticityOptions(command: Command): Command {
  return command
    .option('--at <time>', 'verify as of this RFC 3339 time instead of now', instant)
    .option('--skew <seconds>', 'allowed clock skew for dates (seconds, or 5m)', skewSeconds, 300)
    .option('--online', 'allow the network: unknown JSON-LD contexts, did:web, status lists')
    .option(
      '--context-dir <dir>',
      'extra JSON-LD contexts (a folder with INDEX.md or index.json); repeatable',
      collect,
      [],
    )
    .option('--did-dir <dir>', 'DID documents for offline did:web resolution (matched by their id)')
    .option('--trust-anchors <file.pem>', 'trust anchors for X.509 chains of JAdES seals');
}

/** RunOptions from the authenticity flags. */
export function authenticityRunOptions(options: AuthenticityCommandOptions): Partial<RunOptions> {
  const extra: Partial<RunOptions> = {
    skewSeconds: options.skew,
    online: !!options.online,
    contextDirs: options.contextDir,
  };
  if (options.at) extra.at = options.at;
  if (options.didDir) extra.didDir = options.didDir;
  if (options.trustAnchors) extra.trustAnchors = options.trustAnchors;
  return extra;
}

export async function runBatchCommand(
  commandName: string,
  paths: string[],
  options: BatchCommandOptions,
  profile: RunOptions['profile'],
  extra: Partial<RunOptions> = {},
): Promise<number> {
  const expanded = await expandPaths(paths);
  const { missing } = expanded;
  if (missing.length > 0) throw new UsageError(`no such file or directory: ${missing.join(', ')}`);
  // The report file is never read as an input (a second run into the same folder would find it).
  const reportPath = options.output ? path.resolve(options.output) : undefined;
  const files = expanded.files.filter((file) => path.resolve(file) !== reportPath);
  if (files.length === 0)
    throw new UsageError(`no credential files (*.json, *.jsonld, *.jwt) found in: ${paths.join(', ')}`);

  const runOptions = defaultRunOptions({
    profile,
    maxBytes: options.maxSize,
    maxDepth: options.maxDepth,
    concurrency: options.concurrency,
    checkTimeoutMs: options.timeout * 1000,
    ...(options.inputFormat ? { inputFormat: options.inputFormat } : {}),
    ...extra,
  });
  const run: RunInfo = {
    startedAt: new Date().toISOString(),
    command: commandName,
    options: {
      paths,
      format: options.format,
      inputFormat: options.inputFormat ?? null,
      maxBytes: runOptions.maxBytes,
      maxDepth: runOptions.maxDepth,
      at: runOptions.at.toISOString(),
      skewSeconds: runOptions.skewSeconds,
      online: runOptions.online,
      contextDirs: runOptions.contextDirs,
      didDir: runOptions.didDir ?? null,
      trustAnchors: runOptions.trustAnchors ?? null,
      redact: !!options.redact,
    },
  };

  const output = await openOutput(options.output);
  const reporter = reporterFor(options.format, {
    color: output.color,
    verbose: !!options.verbose,
    ...(options.lang ? { lang: options.lang } : {}),
  });
  const summary = new SummaryBuilder();
  await output.write(reporter.header({ tool: TOOL, run }));
  let index = 0;
  for await (const checked of checkFilesInPool(files, runOptions, { jobs: options.jobs })) {
    const result = options.redact ? redactResult(checked) : checked;
    summary.add(result);
    await output.write(reporter.result(result, index++));
  }
  const final = summary.finish();
  await output.write(reporter.footer(final));
  await output.close();
  return options.exitZero ? 0 : final.exitCode;
}

/** A batch command with the authenticity options (check, verify): the command files stay one line each. */
export function authenticityBatchCommand(
  name: string,
  description: string,
  profile: RunOptions['profile'],
  setExitCode: (code: number) => void,
): Command {
  return addAuthenticityOptions(addBatchOptions(new Command(name).description(description))).action(
    async (paths: string[], options: BatchCommandOptions & AuthenticityCommandOptions) => {
      setExitCode(await runBatchCommand(name, paths, options, profile, authenticityRunOptions(options)));
    },
  );
}
