// The terminal reporter: one block per credential naming its file, colour only when asked for,
// and text from files or credentials never able to drive the terminal.
import { describe, expect, test } from '@jest/globals';
import { finding } from '../../../src/findings/index.js';
import { emptyElements } from '../../../src/model/elements.js';
import type { CredentialResult, RunSummary } from '../../../src/model/results.js';
import { TOOL } from '../../../src/model/tool.js';
import { prettyReporter, terminalSafe } from '../../../src/report/reporters/pretty.js';

const ESC = '\u001b';

function result(overrides: Partial<CredentialResult> = {}): CredentialResult {
  return {
    file: 'dir/cred.json',
    format: 'annex',
    verdict: 'fail',
    completeness: 'incomplete',
    elements: emptyElements(),
    checks: [
      { id: 'input', status: 'pass' },
      { id: 'elements', status: 'fail' },
    ],
    findings: [
      finding('ELEMENT_MISSING', { element: 'title', message: 'Mandatory element missing: title' }),
      finding('ELEMENT_OPTIONAL_MISSING', { element: 'grade', message: 'Optional element missing: grade' }),
    ],
    ...overrides,
  };
}

const SUMMARY: RunSummary = {
  total: 3,
  verdicts: { pass: 1, fail: 1, indeterminate: 0, error: 1 },
  complete: 1,
  incomplete: 2,
  findings: { error: 4, warning: 1, info: 2 },
  exitCode: 1,
  durationMs: 12,
};

describe('prettyReporter', () => {
  test('without colour: no ANSI escapes anywhere', () => {
    const r = prettyReporter({ color: false });
    const text =
      r.header({ tool: TOOL, run: { startedAt: '', command: 'check', options: {} } }) +
      r.result(result(), 0) +
      r.result(result({ verdict: 'pass', findings: [] }), 1) +
      r.footer(SUMMARY);
    expect(text).not.toContain(ESC);
  });

  test('with colour: ANSI escapes are used', () => {
    expect(prettyReporter({ color: true }).result(result(), 0)).toContain(`${ESC}[`);
  });

  test('a block names the verdict, the file, the format, the Annex I count and the checks', () => {
    const lines = prettyReporter({ color: false }).result(result(), 0).split('\n');
    expect(lines[0]).toBe('✖ FAIL  dir/cred.json  (annex, incomplete)');
    expect(lines[1]).toBe(
      '    Annex I: 0/11 mandatory elements (missing: learner, title, issuerCountry, awardingBody, dateOfIssuing, learningOutcomes, workload, level, assessmentType, participationForm, qualityAssurance)',
    );
    expect(lines[2]).toBe('    checks: input pass · elements fail');
    expect(lines[3]).toBe('    error   ELEMENT_MISSING  Mandatory element missing: title  [title]');
    expect(lines[4]).toMatch(/^ {12}hint: /);
  });

  test('info findings are counted, and shown only with verbose', () => {
    const quiet = prettyReporter({ color: false }).result(result(), 0);
    expect(quiet).not.toContain('ELEMENT_OPTIONAL_MISSING');
    expect(quiet).toContain('(1 info finding; --verbose shows them)');
    const verbose = prettyReporter({ color: false, verbose: true }).result(result(), 0);
    expect(verbose).toContain('info    ELEMENT_OPTIONAL_MISSING  Optional element missing: grade  [grade]');
    expect(verbose).not.toContain('--verbose shows them');
  });

  test('the footer sums up the run', () => {
    expect(prettyReporter({ color: false }).footer(SUMMARY)).toBe(
      '3 credentials: 1 pass, 1 fail, 0 indeterminate, 1 error · 1 complete, 2 incomplete · findings: 4 errors, 1 warning, 2 info\n',
    );
  });

  test('control characters in file names and messages are shown escaped, not sent to the terminal', () => {
    const hostile = result({
      file: `evil${ESC}]0;pwned\u0007\r\nname\u202e.json`,
      findings: [
        finding('COUNTRY_INVALID', {
          element: 'issuerCountry',
          pointer: `/issuerCountry${ESC}[2J`,
          message: `Country "${ESC}[31mXX" is not an ISO 3166-1 code`,
        }),
      ],
    });
    const text = prettyReporter({ color: false }).result(hostile, 0);
    expect(text).not.toContain(ESC);
    expect(text).not.toContain('\u0007');
    expect(text).not.toContain('\r');
    expect(text).not.toContain('\u202e');
    expect(text).toContain('evil\\u001b]0;pwned\\u0007\\u000d\\u000aname\\u202e.json');
    expect(text).toContain('Country "\\u001b[31mXX" is not an ISO 3166-1 code');
    expect(text).toContain('/issuerCountry\\u001b[2J');
    // the block's own line breaks are still there
    expect(text.split('\n').length).toBeGreaterThan(3);
  });

  test('terminalSafe leaves ordinary text, accents and emoji alone', () => {
    expect(terminalSafe('Ünïcödé — 学位 🎓 a/b~c')).toBe('Ünïcödé — 学位 🎓 a/b~c');
    expect(terminalSafe('a\tb\u009bc')).toBe('a\\u0009b\\u009bc');
  });
});
