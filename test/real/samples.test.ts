// Runs the built CLI over the 30 real samples in ../shared/samples/real and compares each result
// with the hand-written table in expected.ts.
import path from 'node:path';
import type { CredentialResult, Report } from '../../src/model/results.js';
import { runCli, type CliRun } from '../support/cli.js';
import { describeIfShared, REAL_DIR } from '../support/shared.js';
import { EXPECTED, MANDATORY, type ExpectedSample } from './expected.js';

const FOLDERS = ['edc', 'ob3', 'ebsi'];
const MISSING_CODES = ['ELEMENT_MISSING', 'ELEMENT_OPTIONAL_MISSING'];
const CHECK_ARGS = ['check', ...FOLDERS.map((folder) => path.join(REAL_DIR, folder)), '--format', 'json'];

describeIfShared('real samples (../shared/samples/real)', () => {
  let run: CliRun;

  beforeAll(() => {
    run = runCli([...CHECK_ARGS, '--exit-zero']);
  }, 300_000);

  function resultFor(file: string): CredentialResult {
    const matches = parseReport(run).results.filter((r) => sameFile(r.file, file));
    if (matches.length !== 1) throw new Error(`${file}: ${matches.length} results instead of 1`);
    return matches[0];
  }

  test('exits 0 with --exit-zero', () => {
    // stderr joins the comparison only on failure, so that the failure shows it
    expect({ code: run.code, stderr: run.code === 0 ? '' : run.stderr }).toEqual({ code: 0, stderr: '' });
  });

  test('reports exactly the 30 samples, each once', () => {
    const files = parseReport(run).results.map((r) => r.file);
    const counts = EXPECTED.map((e) => [e.file, files.filter((f) => sameFile(f, e.file)).length]);
    expect(counts.filter(([, n]) => n !== 1)).toEqual([]);
    expect(EXPECTED.length).toBe(30);
    expect(files.length).toBe(30);
  });

  test('exits 1 without --exit-zero (at least one sample fails)', () => {
    const plain = runCli(CHECK_ARGS);
    // the report must still be printed: a crash also exits 1
    expect(parseReport(plain).results).toHaveLength(30);
    expect(plain.code).toBe(1);
  }, 300_000);

  test.each(EXPECTED)('$file', (expected) => {
    expect(problems(resultFor(expected.file), expected)).toEqual([]);
  });
});

function parseReport(cli: CliRun): Report {
  try {
    return JSON.parse(cli.stdout) as Report;
  } catch {
    throw new Error(`mcred did not print a JSON report (exit ${cli.code}):\n${cli.stderr.slice(0, 2000)}`);
  }
}

/** result.file is the path as found; the table names it relative to REAL_DIR. */
function sameFile(resultFile: string, expectedFile: string): boolean {
  return resultFile.replace(/\\/g, '/').endsWith(`/${expectedFile}`);
}

/** Every way the result differs from the expectation, one readable line each (none = pass). */
function problems(result: CredentialResult, e: ExpectedSample): string[] {
  const out: string[] = [];
  if (result.format !== e.format) out.push(`format: expected ${e.format}, got ${result.format}`);
  if (result.envelope?.type !== e.envelope) {
    out.push(`envelope: expected ${e.envelope ?? 'none'}, got ${result.envelope?.type ?? 'none'}`);
  }
  for (const key of e.present) {
    if (result.elements[key]?.present !== true) out.push(`${key}: expected present, got missing`);
    const reported = result.findings.find((f) => MISSING_CODES.includes(f.code) && f.element === key);
    if (reported) out.push(`${key}: present but reported ${reported.code}`);
  }
  for (const key of e.absent) {
    if (result.elements[key]?.present !== false) out.push(`${key}: expected missing, got present`);
    if (MANDATORY.includes(key) && !hasFinding(result, 'ELEMENT_MISSING', key)) {
      out.push(`${key}: expected an ELEMENT_MISSING finding for it`);
    }
  }
  out.push(...valueProblems(result, e));
  for (const code of e.findings ?? []) {
    if (!hasFinding(result, code)) out.push(`finding ${code}: expected, not reported`);
  }
  for (const code of e.notFindings ?? []) {
    if (hasFinding(result, code)) out.push(`finding ${code}: reported, must not be`);
  }
  return out;
}

function hasFinding(result: CredentialResult, code: string, element?: string): boolean {
  return result.findings.some((f) => f.code === code && (element === undefined || f.element === element));
}

function valueProblems(result: CredentialResult, e: ExpectedSample): string[] {
  const v = e.values;
  if (!v) return [];
  const el = result.elements;
  const out: string[] = [];
  const expectEqual = (what: string, expected: unknown, actual: unknown): void => {
    if (expected !== undefined && actual !== expected) {
      out.push(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
    }
  };

  if (v.title !== undefined) {
    const titles = Object.values(el.title?.value ?? {});
    const wanted = v.title.toLowerCase();
    if (!titles.some((t) => String(t).toLowerCase().includes(wanted))) {
      out.push(`title: expected one containing "${v.title}", got ${JSON.stringify(titles)}`);
    }
  }
  expectEqual('level.eqf', v.eqf, el.level?.value?.eqf);
  expectEqual('workload.ects', v.ects, el.workload?.value?.ects);
  expectEqual('workload.hours', v.hours, el.workload?.value?.hours);
  for (const country of v.countries ?? []) {
    const countries = el.issuerCountry?.value?.countries ?? [];
    if (!countries.includes(country)) {
      out.push(`issuerCountry: expected ${country} among ${JSON.stringify(countries)}`);
    }
  }
  expectEqual('assessmentType.annex', v.assessment, el.assessmentType?.value?.annex);
  expectEqual('participationForm.annex', v.participation, el.participationForm?.value?.annex);
  expectEqual('supervision.annex', v.supervision, el.supervision?.value?.annex);
  expectEqual('dateOfIssuing.property', v.dateProperty, el.dateOfIssuing?.value?.property);
  if (v.learnerContains !== undefined) {
    const learner = JSON.stringify(el.learner?.value ?? null);
    if (!learner.includes(v.learnerContains)) {
      out.push(`learner: expected it to contain "${v.learnerContains}", got ${learner}`);
    }
  }
  return out;
}
