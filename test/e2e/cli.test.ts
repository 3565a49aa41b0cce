// The built CLI as a user runs it (node bin/mcred.js → dist/): exit codes, usage errors in one
// line, the JSON report against its schema, -o, colour, explain. Build first: npm run build.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { FINDINGS } from '../../src/findings/index.js';
import type { CredentialResult, Report } from '../../src/model/results.js';
import { validatorFor } from '../../src/model/schemas.js';
import { REPO_ROOT, runCli, type CliRun } from '../support/cli.js';
import { makeTmpDir, type TmpDir } from '../support/tmp.js';

const PACKAGE_VERSION = (
  JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }
).version;

/** A native Annex I record with all 11 mandatory elements: it passes. */
const PASSING_RECORD = {
  recordType: 'AnnexIRecord',
  learner: { name: 'Ada Lovelace' },
  title: { en: 'Data literacy' },
  issuerCountry: 'NL',
  awardingBody: { name: 'Example University', id: 'https://example.edu', country: 'NL' },
  dateOfIssuing: '2024-06-30',
  learningOutcomes: [
    {
      text: 'Interpret data sets',
      skills: ['http://data.europa.eu/esco/skill/0a9d4c1e-6e4c-4a0b-a6a4-2b5c9f4a9d7e'],
    },
  ],
  workload: { ects: 3 },
  level: { eqf: 5 },
  assessmentType: 'testing',
  participationForm: 'online',
  qualityAssurance: { title: 'Internal quality assurance', agent: 'NVAO' },
};

/** A native record with only a title: ten mandatory elements missing, so it fails. */
const FAILING_RECORD = { recordType: 'AnnexIRecord', title: 'Only a title' };

const ANSI = '\u001b[';
const STACK_LINE = /^ {4}at /m;

let tmp: TmpDir;

function parseReport(run: CliRun): Report {
  try {
    return JSON.parse(run.stdout) as Report;
  } catch {
    throw new Error(
      `stdout is not one JSON document (exit ${run.code}):\n${run.stdout.slice(0, 500)}\n${run.stderr}`,
    );
  }
}

function expectValidReport(report: Report): void {
  const validate = validatorFor('report');
  expect({ valid: validate(report), errors: validate.errors ?? null }).toEqual({ valid: true, errors: null });
}

/** A usage error: exit 2, nothing on stdout, one line on stderr, no stack trace. */
function expectUsageError(run: CliRun, mentions: string): void {
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).not.toMatch(STACK_LINE);
  expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(run.stderr).toContain(mentions);
}

/** The findings and statuses of the structural checks only (what validate and check share). */
function structural(result: CredentialResult) {
  const ids = ['input', 'format', 'schema', 'elements', 'transparency'];
  return {
    file: result.file,
    format: result.format,
    completeness: result.completeness,
    checks: result.checks.filter((c) => ids.includes(c.id)),
    findings: result.findings.filter((f) => ids.includes(f.check)),
  };
}

beforeAll(() => {
  if (!existsSync(path.join(REPO_ROOT, 'dist', 'cli', 'main.js'))) {
    throw new Error('dist/cli/main.js is missing: run `npm run build` before the e2e tests');
  }
  tmp = makeTmpDir({
    'pass.json': PASSING_RECORD,
    'fail.json': FAILING_RECORD,
    'batch/b.json': FAILING_RECORD,
    'batch/a.json': PASSING_RECORD,
    'batch/sub/c.jsonld': PASSING_RECORD,
    'batch/notes.txt': 'not a credential',
  });
  mkdirSync(tmp.path('empty-dir'));
});

afterAll(() => tmp?.remove());

describe('mcred (program)', () => {
  test("--version prints package.json's version", () => {
    const run = runCli(['--version']);
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe(PACKAGE_VERSION);
  });

  test('--help lists check, validate and explain', () => {
    const run = runCli(['--help']);
    expect(run.code).toBe(0);
    for (const command of ['check', 'validate', 'explain'])
      expect(run.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
  });

  test('an unknown flag: exit 2, one line on stderr, no stack trace', () => {
    expectUsageError(runCli(['--bogus']), "unknown option '--bogus'");
    expectUsageError(runCli(['check', tmp.path('pass.json'), '--bogus']), "unknown option '--bogus'");
  });

  test('an unknown command is a usage error', () => {
    const run = runCli(['frobnicate']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('frobnicate');
    expect(run.stderr).not.toMatch(STACK_LINE);
  });

  test('no command at all is a usage error that shows the help on stderr', () => {
    const run = runCli([]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('Usage: mcred');
  });
});

describe('usage errors of the batch commands', () => {
  test('--format xml → 2', () => {
    expectUsageError(
      runCli(['check', tmp.path('pass.json'), '--format', 'xml']),
      'must be one of pretty, json',
    );
  });

  test.each([
    ['--max-size', '0'],
    ['--max-size', 'abc'],
    ['--max-depth', '-1'],
    ['--concurrency', '1.5'],
    ['--input-format', 'pdf'],
  ])('%s %s → 2', (flag, value) => {
    expectUsageError(runCli(['check', tmp.path('pass.json'), flag, value]), flag);
  });

  test('no path at all → 2', () => {
    expectUsageError(runCli(['check']), "missing required argument 'paths'");
  });

  test('a path that does not exist → 2, naming the path', () => {
    const missing = tmp.path('no-such-file.json');
    expectUsageError(runCli(['check', tmp.path('pass.json'), missing]), missing);
  });

  test('an empty directory → 2 ("no credential files")', () => {
    expectUsageError(runCli(['check', tmp.path('empty-dir')]), 'no credential files');
  });

  test('-o into a directory that does not exist → 2, one line, no stack trace', () => {
    const target = tmp.path('no-such-dir', 'report.json');
    expectUsageError(runCli(['check', tmp.path('pass.json'), '-o', target]), target);
    expect(existsSync(target)).toBe(false);
  });

  test('-o naming a directory → 2', () => {
    expectUsageError(runCli(['check', tmp.path('pass.json'), '-o', tmp.path('empty-dir')]), 'EISDIR');
  });
});

describe('check --format json', () => {
  test('check asks for a signature: an unsigned record is "unsigned" and fails with SIGNATURE_MISSING; validate passes it', () => {
    const checked = runCli(['check', tmp.path('pass.json'), '--format', 'json']);
    const report = JSON.parse(checked.stdout) as Report;
    expect(checked.code).toBe(1);
    expect(report.results[0]).toMatchObject({
      verdict: 'fail',
      authenticity: 'unsigned',
      completeness: 'complete',
    });
    expect(report.results[0]!.findings.filter((f) => f.severity === 'error').map((f) => f.code)).toEqual([
      'SIGNATURE_MISSING',
    ]);
    expect(runCli(['validate', tmp.path('pass.json')]).code).toBe(0);
  });

  test('a passing native record: one JSON document that matches the report schema, exit 0', () => {
    const file = tmp.path('pass.json');
    const run = runCli(['validate', file, '--format', 'json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = parseReport(run);
    expectValidReport(report);
    expect(report.tool).toEqual({ name: 'mcred', version: PACKAGE_VERSION });
    expect(report.run.command).toBe('validate');
    expect(report.results).toHaveLength(1);
    expect(report.results[0]).toMatchObject({
      file,
      format: 'annex',
      verdict: 'pass',
      completeness: 'complete',
    });
    expect(report.results[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(report.summary).toMatchObject({
      total: 1,
      verdicts: { pass: 1, fail: 0, indeterminate: 0, error: 0 },
      exitCode: 0,
    });
    expect(Object.keys(report).at(-1)).toBe('summary');
  });

  test('results come in input order: paths as given, a directory sorted, other files ignored', () => {
    const run = runCli([
      'validate',
      tmp.path('fail.json'),
      tmp.path('batch'),
      tmp.path('pass.json'),
      '--format',
      'json',
    ]);
    const report = parseReport(run);
    expectValidReport(report);
    expect(report.results.map((r) => r.file)).toEqual([
      tmp.path('fail.json'),
      tmp.path('batch', 'a.json'),
      tmp.path('batch', 'b.json'),
      tmp.path('batch', 'sub', 'c.jsonld'),
      tmp.path('pass.json'),
    ]);
    expect(report.results.map((r) => r.verdict)).toEqual(['fail', 'pass', 'fail', 'pass', 'pass']);
    expect(report.summary).toMatchObject({ total: 5, verdicts: { pass: 3, fail: 2 }, exitCode: 1 });
    expect(run.code).toBe(1);
  });

  test('a path given twice is reported once', () => {
    const run = runCli(['check', tmp.path('pass.json'), tmp.path('pass.json'), '--format', 'json']);
    expect(parseReport(run).results.map((r) => r.file)).toEqual([tmp.path('pass.json')]);
  });

  test('a failing credential → exit 1, with the missing elements named', () => {
    const run = runCli(['check', tmp.path('fail.json'), '--format', 'json']);
    expect(run.code).toBe(1);
    const report = parseReport(run);
    expectValidReport(report);
    const result = report.results[0]!;
    expect(result.verdict).toBe('fail');
    expect(result.completeness).toBe('incomplete');
    const missing = result.findings.filter((f) => f.code === 'ELEMENT_MISSING').map((f) => f.element);
    expect(missing).toHaveLength(10);
    expect(missing).not.toContain('title');
    expect(report.summary.exitCode).toBe(1);
  });

  test('--exit-zero: the same failing report, exit 0', () => {
    const run = runCli(['check', tmp.path('fail.json'), '--format', 'json', '--exit-zero']);
    expect(run.code).toBe(0);
    const report = parseReport(run);
    expect(report.results[0]!.verdict).toBe('fail');
    expect(report.summary.exitCode).toBe(1);
  });

  test('--exit-zero does not hide usage errors', () => {
    expect(runCli(['check', tmp.path('nope.json'), '--exit-zero']).code).toBe(2);
  });

  test('-o writes the report to the file and nothing to stdout', () => {
    const out = tmp.path('out', 'report.json');
    mkdirSync(path.dirname(out), { recursive: true });
    const run = runCli([
      'check',
      tmp.path('pass.json'),
      tmp.path('fail.json'),
      '--format',
      'json',
      '-o',
      out,
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('');
    const report = JSON.parse(readFileSync(out, 'utf8')) as Report;
    expectValidReport(report);
    expect(report.results.map((r) => r.file)).toEqual([tmp.path('pass.json'), tmp.path('fail.json')]);
  });

  test('the report file of an earlier run in the same folder is not read as an input', () => {
    const dir = makeTmpDir({ 'cred.json': PASSING_RECORD });
    try {
      const out = dir.path('report.json');
      const args = ['validate', dir.dir, '--format', 'json', '-o', out];
      expect(runCli(args).code).toBe(0);
      const second = runCli(args);
      expect(second.code).toBe(0);
      const report = JSON.parse(readFileSync(out, 'utf8')) as Report;
      expect(report.results.map((r) => r.file)).toEqual([dir.path('cred.json')]);
    } finally {
      dir.remove();
    }
  });

  test('-o onto a full disk → 2, one line naming the error, no stack trace', () => {
    expectUsageError(
      runCli(['check', tmp.path('pass.json'), '--format', 'json', '-o', '/dev/full']),
      'could not write the report to /dev/full: the disk is full (ENOSPC)',
    );
  });

  test('stdout onto a full disk → 2, one line naming the error', () => {
    const command = `"${process.execPath}" bin/mcred.js check "${tmp.path('pass.json')}" --format json > /dev/full`;
    const run = spawnSync('sh', ['-c', command], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 120_000 });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('mcred: could not write the report to stdout: the disk is full (ENOSPC)\n');
  });

  test('a reader that goes away early (| head) ends the output quietly', () => {
    const many = makeTmpDir(
      Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`c${i}.json`, FAILING_RECORD])),
    );
    try {
      const command = `"${process.execPath}" bin/mcred.js check "${many.dir}" --format json | head -c 10`;
      const run = spawnSync('sh', ['-c', command], {
        cwd: REPO_ROOT,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
        timeout: 120_000,
      });
      expect(run.stdout).toBe('{"schemaVe');
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
    } finally {
      many.remove();
    }
  });
});

describe('pretty output', () => {
  test('NO_COLOR=1: no ANSI escapes; each file named with its verdict', () => {
    const run = runCli(['validate', tmp.path('pass.json'), tmp.path('fail.json'), '--verbose']);
    expect(run.code).toBe(1);
    expect(run.stdout).not.toContain(ANSI);
    expect(run.stdout).toContain(`✔ PASS  ${tmp.path('pass.json')}  (annex, complete)`);
    expect(run.stdout).toContain(`✖ FAIL  ${tmp.path('fail.json')}  (annex, incomplete)`);
    expect(run.stdout).toContain('ELEMENT_MISSING');
    expect(run.stdout.trimEnd().split('\n').at(-1)).toMatch(
      /^2 credentials: 1 pass, 1 fail, 0 indeterminate, 0 error/,
    );
  });

  test('-o with pretty output writes plain text to the file', () => {
    const out = tmp.path('report.txt');
    const run = runCli(['validate', tmp.path('pass.json'), '-o', out], { env: { NO_COLOR: '' } });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    const text = readFileSync(out, 'utf8');
    expect(text).not.toContain(ANSI);
    expect(text).toContain(`✔ PASS  ${tmp.path('pass.json')}`);
  });
});

describe('validate', () => {
  test('validate and check give the same structural findings', () => {
    const files = [tmp.path('pass.json'), tmp.path('fail.json'), tmp.path('batch')];
    const checked = parseReport(runCli(['check', ...files, '--format', 'json']));
    const validated = parseReport(runCli(['validate', ...files, '--format', 'json']));
    expectValidReport(validated);
    expect(validated.run.command).toBe('validate');
    expect(validated.results).toHaveLength(5);
    expect(validated.results.map(structural)).toEqual(checked.results.map(structural));
    expect(validated.results.map((r) => r.verdict)).toEqual(['pass', 'fail', 'pass', 'fail', 'pass']);
  });

  test('validate exits 1 on a failing record and 0 on a passing one', () => {
    expect(runCli(['validate', tmp.path('fail.json')]).code).toBe(1);
    expect(runCli(['validate', tmp.path('pass.json')]).code).toBe(0);
  });
});

describe('explain', () => {
  test('explain ELEMENT_MISSING prints its entry, exit 0', () => {
    const run = runCli(['explain', 'ELEMENT_MISSING']);
    expect(run.code).toBe(0);
    const def = FINDINGS.ELEMENT_MISSING!;
    expect(run.stdout.split('\n')[0]).toBe('ELEMENT_MISSING');
    expect(run.stdout).toContain(`check:    ${def.check}`);
    expect(run.stdout).toContain(`severity: ${def.severity}`);
    expect(run.stdout).toContain(def.title);
    expect(run.stdout).toContain(def.description);
    expect(run.stdout).toContain(`What to do: ${def.hint}`);
  });

  test('codes are case-insensitive', () => {
    const run = runCli(['explain', 'element_missing']);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe('ELEMENT_MISSING');
  });

  test('explain NOPE → 2', () => {
    expectUsageError(runCli(['explain', 'NOPE']), 'unknown finding code: NOPE');
  });

  test('inherited property names are not finding codes', () => {
    expectUsageError(runCli(['explain', 'constructor']), 'unknown finding code');
    expectUsageError(runCli(['explain', '__proto__']), 'unknown finding code');
  });

  test('explain without a code lists every code once', () => {
    const run = runCli(['explain']);
    expect(run.code).toBe(0);
    const listed = run.stdout
      .trimEnd()
      .split('\n')
      .map((line) => line.split(/\s+/)[0]);
    expect(listed).toEqual(Object.keys(FINDINGS));
  });
});
