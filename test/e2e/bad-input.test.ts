// A batch of broken and hostile inputs: the batch always finishes, every input is reported exactly
// once with the right verdict and code, and nothing reaches stderr as a stack trace. Runs the built
// CLI (npm run build) and, for prototype pollution, the library in this process.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { CredentialResult, Report, Verdict } from '../../src/model/results.js';
import { validatorFor } from '../../src/model/schemas.js';
import { checkFiles } from '../../src/run/batch.js';
import { defaultRunOptions } from '../../src/run/options.js';
import { REPO_ROOT, runCli, type CliRun } from '../support/cli.js';
import { makeTmpDir, type TmpDir } from '../support/tmp.js';

/** deep.json (100 000 nested arrays) is exactly this large, so it is read, at the limit; huge.json is over it. */
const DEPTH = 100_000;
const MAX_SIZE = 2 * DEPTH;

/** All 11 mandatory elements. */
const PASSING_RECORD = {
  recordType: 'AnnexIRecord',
  learner: { name: 'Ada Lovelace' },
  title: { en: 'Data literacy' },
  issuerCountry: 'NL',
  awardingBody: { name: 'Example University', id: 'https://example.edu', country: 'NL' },
  dateOfIssuing: '2024-06-30',
  learningOutcomes: [{ text: 'Interpret data sets', skills: ['http://data.europa.eu/esco/skill/abc'] }],
  workload: { ects: 3 },
  level: { eqf: 5 },
  assessmentType: 'testing',
  participationForm: 'online',
  qualityAssurance: { title: 'Internal quality assurance', agent: 'NVAO' },
};

const HOSTILE =
  '{"@context": [{"@vocab": "http://evil/"}, "http://127.0.0.1:9/ctx"],' +
  ' "__proto__": {"polluted": true}, "constructor": {"prototype": {"x": 1}}}';

/** The same, but typed as a VC so that it reaches the adapters and the checks. */
const HOSTILE_VC =
  '{"@context": ["https://www.w3.org/2018/credentials/v1", "http://127.0.0.1:9/ctx", {"@vocab": "http://evil/"}],' +
  ' "type": ["VerifiableCredential"], "issuer": {"__proto__": {"polluted": true}, "id": "did:example:1"},' +
  ' "credentialSubject": {"__proto__": {"polluted": true}, "constructor": {"prototype": {"x": 1}}},' +
  ' "__proto__": {"polluted": true}, "constructor": {"prototype": {"x": 1}}}';

/** What each input must come out as: verdict and the code that says why. */
const EXPECTED: Record<string, { verdict: Verdict; code?: string; format?: string }> = {
  'array.json#0': { verdict: 'fail', code: 'ELEMENT_MISSING', format: 'annex' },
  'array.json#1': { verdict: 'fail', code: 'ELEMENT_MISSING', format: 'annex' },
  'bom.json': { verdict: 'pass', code: 'INPUT_BOM', format: 'annex' },
  'deep.json': { verdict: 'error', code: 'INPUT_TOO_DEEP' },
  'empty.json': { verdict: 'error', code: 'INPUT_EMPTY' },
  'hostile-vc.json': { verdict: 'fail', code: 'ELEMENT_MISSING', format: 'vc' },
  'hostile.json': { verdict: 'error', code: 'FORMAT_UNKNOWN' },
  'huge.json': { verdict: 'error', code: 'INPUT_TOO_LARGE' },
  'notjson.json': { verdict: 'error', code: 'INPUT_NOT_JSON' },
  'scalar.json': { verdict: 'error', code: 'INPUT_NOT_OBJECT' },
  'unknown.json': { verdict: 'error', code: 'FORMAT_UNKNOWN' },
  'utf16.json': { verdict: 'error', code: 'INPUT_NOT_UTF8' },
};

const STACK_LINE = /^ {4}at /m;

let tmp: TmpDir;
let jsonRun: CliRun;
let report: Report;

function resultFor(name: string): CredentialResult {
  const matches = report.results.filter((r) => r.file === tmp.path(name));
  if (matches.length !== 1) throw new Error(`${name}: ${matches.length} results instead of 1`);
  return matches[0]!;
}

beforeAll(() => {
  if (!existsSync(path.join(REPO_ROOT, 'dist', 'cli', 'main.js'))) {
    throw new Error('dist/cli/main.js is missing: run `npm run build` before the e2e tests');
  }
  const record = JSON.stringify(PASSING_RECORD);
  tmp = makeTmpDir({
    'empty.json': '',
    'bom.json': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(record)]),
    'notjson.json': '{"title": "unfinished',
    'utf16.json': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(record, 'utf16le')]),
    'array.json': JSON.stringify([
      { recordType: 'AnnexIRecord', title: 'First' },
      { recordType: 'AnnexIRecord', title: 'Second' },
    ]),
    'scalar.json': '42',
    'deep.json': '['.repeat(DEPTH) + ']'.repeat(DEPTH),
    'huge.json': JSON.stringify({ ...PASSING_RECORD, 'x-padding': 'x'.repeat(MAX_SIZE) }),
    'unknown.json': '{"hello":"world"}',
    'hostile.json': HOSTILE,
    'hostile-vc.json': HOSTILE_VC,
  });
  jsonRun = runCli(['validate', tmp.dir, '--format', 'json', '--max-size', String(MAX_SIZE)]);
  report = JSON.parse(jsonRun.stdout) as Report;
}, 120_000);

afterAll(() => tmp?.remove());

describe('check --format json over a directory of bad inputs', () => {
  test('the inputs are what they claim to be (deep.json at the size limit, huge.json over it)', () => {
    expect(statSync(tmp.path('deep.json')).size).toBe(MAX_SIZE);
    expect(statSync(tmp.path('huge.json')).size).toBeGreaterThan(MAX_SIZE);
  });

  test('exit 1, no stack trace, nothing on stderr', () => {
    expect(jsonRun.code).toBe(1);
    expect(jsonRun.stderr).not.toMatch(STACK_LINE);
    expect(jsonRun.stderr).toBe('');
  });

  test('the report is one valid JSON document', () => {
    const validate = validatorFor('report');
    expect({ valid: validate(report), errors: validate.errors ?? null }).toEqual({
      valid: true,
      errors: null,
    });
  });

  test('exactly one result per input, two for array.json, in sorted order', () => {
    const names = Object.keys(EXPECTED).sort();
    expect(report.results.map((r) => r.file)).toEqual(names.map((n) => tmp.path(n)));
    expect(report.summary.total).toBe(names.length);
  });

  test.each(Object.entries(EXPECTED))('%s → %o', (name, expected) => {
    const result = resultFor(name);
    expect(result.verdict).toBe(expected.verdict);
    expect(result.format).toBe(expected.format ?? 'unknown');
    if (expected.code) expect(result.findings.map((f) => f.code)).toContain(expected.code);
  });

  test('inputs that cannot be read or parsed carry exactly one input error and no element values', () => {
    for (const name of [
      'empty.json',
      'notjson.json',
      'utf16.json',
      'scalar.json',
      'deep.json',
      'huge.json',
    ]) {
      const result = resultFor(name);
      expect([name, result.findings.map((f) => `${f.check}:${f.severity}:${f.code}`)]).toEqual([
        name,
        [`input:error:${EXPECTED[name]!.code}`],
      ]);
      expect(result.checks).toEqual([{ id: 'input', status: 'fail' }]);
      expect(Object.values(result.elements).every((e) => !e.present)).toBe(true);
    }
  });

  test('deep.json is refused at the 65th level', () => {
    const finding = resultFor('deep.json').findings[0]!;
    expect(finding.pointer).toBe('/0'.repeat(64));
  });

  test('the file too large has no hash (it was not read); the others do', () => {
    expect(resultFor('huge.json').sha256).toBeUndefined();
    expect(resultFor('empty.json').sha256).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    expect(resultFor('array.json#0').sha256).toBe(resultFor('array.json#1').sha256);
  });

  test('the BOM is information only: bom.json passes', () => {
    const result = resultFor('bom.json');
    expect(result.findings.filter((f) => f.check === 'input')).toEqual([
      expect.objectContaining({ code: 'INPUT_BOM', severity: 'info' }),
    ]);
    expect(result.completeness).toBe('complete');
  });

  test('the summary adds up', () => {
    expect(report.summary.verdicts).toEqual({ pass: 1, fail: 3, indeterminate: 0, error: 8 });
    expect(report.summary.exitCode).toBe(1);
  });

  test('the hostile contexts are not fetched and nothing crashed', () => {
    for (const name of ['hostile.json', 'hostile-vc.json']) {
      const codes = resultFor(name).findings.map((f) => f.code);
      expect([name, codes.includes('CHECK_CRASHED')]).toEqual([name, false]);
    }
  });
});

describe('pretty output over the same directory', () => {
  test('names every input, exit 1, no stack trace', () => {
    const run = runCli(['validate', tmp.dir, '--max-size', String(MAX_SIZE)]);
    expect(run.code).toBe(1);
    expect(run.stderr).not.toMatch(STACK_LINE);
    for (const [name, expected] of Object.entries(EXPECTED)) {
      const mark = { pass: '✔ PASS', fail: '✖ FAIL', indeterminate: '? INDETERMINATE', error: '✖ ERROR' }[
        expected.verdict
      ];
      expect(run.stdout).toContain(`${mark}  ${tmp.path(name)}  (`);
    }
    expect(run.stdout).toContain('12 credentials: 1 pass, 3 fail, 0 indeterminate, 8 error');
  });
});

describe('terminal escapes in file names and credential values', () => {
  test('pretty output shows them escaped, so the report cannot drive the terminal', () => {
    const evil = makeTmpDir({
      'evil\u001b]0;title\u0007.json': '',
      'values.json': { recordType: 'AnnexIRecord', title: 'T\u001b[2J', issuerCountry: '\u001b[31mXX' },
    });
    try {
      const run = runCli(['check', evil.dir, '--verbose']);
      expect(run.code).toBe(1);
      expect(run.stdout).not.toContain('\u001b');
      expect(run.stdout).not.toContain('\u0007');
      expect(run.stdout).toContain(`${evil.dir}/evil\\u001b]0;title\\u0007.json`);
      expect(run.stdout).toContain('title: T\\u001b[2J');
      expect(run.stdout).toContain('\\u001b[31mXX');
    } finally {
      evil.remove();
    }
  });
});

describe('the library over the hostile files', () => {
  test('checkFiles pollutes no prototype and reports each file', async () => {
    const files = ['hostile.json', 'hostile-vc.json'].map((n) => tmp.path(n));
    const results: CredentialResult[] = [];
    for await (const result of checkFiles(files, defaultRunOptions({ maxBytes: MAX_SIZE })))
      results.push(result);
    expect(results.map((r) => [r.file, r.verdict])).toEqual([
      [files[0], 'error'],
      [files[1], 'fail'],
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });

  test('checkFiles reports a directory, a missing file and a deep file without throwing', async () => {
    const files = [tmp.dir, tmp.path('missing.json'), tmp.path('deep.json')];
    const results: CredentialResult[] = [];
    for await (const result of checkFiles(files, defaultRunOptions({ concurrency: 1 }))) results.push(result);
    expect(results.map((r) => [r.file, r.verdict, r.findings[0]?.code])).toEqual([
      [tmp.dir, 'error', 'INPUT_UNREADABLE'],
      [tmp.path('missing.json'), 'error', 'INPUT_UNREADABLE'],
      [tmp.path('deep.json'), 'error', 'INPUT_TOO_DEEP'],
    ]);
  });
});
