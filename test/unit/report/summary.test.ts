// The run summary: counts per verdict, completeness and severity, and the exit code.
import { describe, expect, test } from '@jest/globals';
import { emptyElements } from '../../../src/model/elements.js';
import type {
  Completeness,
  CredentialResult,
  Finding,
  Severity,
  Verdict,
} from '../../../src/model/results.js';
import { SummaryBuilder } from '../../../src/report/summary.js';

function result(
  verdict: Verdict,
  completeness: Completeness = 'complete',
  findings: Finding[] = [],
): CredentialResult {
  return {
    file: `${verdict}.json`,
    format: 'annex',
    verdict,
    completeness,
    elements: emptyElements(),
    checks: [],
    findings,
  };
}

function f(severity: Severity): Finding {
  return { code: `TEST_${severity.toUpperCase()}`, severity, check: 'elements', message: severity };
}

function summarise(results: CredentialResult[]) {
  const builder = new SummaryBuilder();
  for (const r of results) builder.add(r);
  return builder.finish();
}

describe('SummaryBuilder', () => {
  test('no results: everything zero, exit code 0', () => {
    expect({ ...summarise([]), durationMs: 0 }).toEqual({
      total: 0,
      verdicts: { pass: 0, fail: 0, indeterminate: 0, error: 0 },
      complete: 0,
      incomplete: 0,
      findings: { error: 0, warning: 0, info: 0 },
      exitCode: 0,
      durationMs: 0,
    });
  });

  test('counts verdicts, completeness and findings by severity', () => {
    const s = summarise([
      result('pass', 'complete', [f('warning'), f('info')]),
      result('pass', 'complete'),
      result('fail', 'incomplete', [f('error'), f('error'), f('warning')]),
      result('indeterminate', 'complete', [f('warning')]),
      result('error', 'incomplete', [f('error'), f('info')]),
    ]);
    expect(s.total).toBe(5);
    expect(s.verdicts).toEqual({ pass: 2, fail: 1, indeterminate: 1, error: 1 });
    expect(s.complete).toBe(3);
    expect(s.incomplete).toBe(2);
    expect(s.findings).toEqual({ error: 3, warning: 3, info: 2 });
    expect(s.exitCode).toBe(1);
    expect(s.durationMs).toBeGreaterThanOrEqual(0);
  });

  test('exit code 0 only when every result passes (warnings and info do not matter)', () => {
    expect(summarise([result('pass'), result('pass', 'complete', [f('warning'), f('info')])]).exitCode).toBe(
      0,
    );
  });

  test.each<Verdict>(['fail', 'indeterminate', 'error'])(
    'one %s among passes gives exit code 1',
    (verdict) => {
      expect(summarise([result('pass'), result(verdict), result('pass')]).exitCode).toBe(1);
    },
  );

  test('finish() can be called again and keeps counting', () => {
    const builder = new SummaryBuilder();
    builder.add(result('pass'));
    expect(builder.finish().total).toBe(1);
    builder.add(result('fail'));
    const s = builder.finish();
    expect(s.total).toBe(2);
    expect(s.exitCode).toBe(1);
  });
});
