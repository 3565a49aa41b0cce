// How check results become a verdict, a completeness and an authenticity. Fail closed:
// indeterminate never becomes pass, an input or format failure is an 'error'.
import { describe, expect, test } from '@jest/globals';
import {
  emptyElements,
  MANDATORY_ELEMENTS,
  OPTIONAL_ELEMENTS,
  type ElementMap,
} from '../../../src/model/elements.js';
import type { CheckId, CheckResult, CheckStatus } from '../../../src/model/results.js';
import { authenticityOf, completenessOf, verdictOf } from '../../../src/report/verdict.js';

function check(id: CheckId, status: CheckStatus, details?: Record<string, unknown>): CheckResult {
  return details ? { id, status, details, findings: [] } : { id, status, findings: [] };
}

/** input and format passed, then the given structural checks. */
function withBase(...checks: CheckResult[]): CheckResult[] {
  return [check('input', 'pass'), check('format', 'pass'), ...checks];
}

describe('verdictOf', () => {
  test('every check passed → pass', () => {
    expect(verdictOf(withBase(check('schema', 'pass'), check('elements', 'pass')))).toBe('pass');
  });

  test('warnings and skipped checks still pass', () => {
    expect(verdictOf(withBase(check('schema', 'warn'), check('signature', 'skipped')))).toBe('pass');
  });

  test('a failed check → fail', () => {
    expect(verdictOf(withBase(check('schema', 'pass'), check('elements', 'fail')))).toBe('fail');
  });

  test('an indeterminate check → indeterminate, never pass', () => {
    expect(verdictOf(withBase(check('schema', 'pass'), check('signature', 'indeterminate')))).toBe(
      'indeterminate',
    );
  });

  test('fail outranks indeterminate', () => {
    expect(verdictOf(withBase(check('signature', 'indeterminate'), check('elements', 'fail')))).toBe('fail');
  });

  test('an input failure → error', () => {
    expect(verdictOf([check('input', 'fail')])).toBe('error');
  });

  test('a format failure → error, even next to other failures', () => {
    expect(verdictOf([check('input', 'pass'), check('format', 'fail'), check('elements', 'fail')])).toBe(
      'error',
    );
  });

  test('a format check that could not decide (adapter crash) → indeterminate', () => {
    expect(verdictOf([check('input', 'pass'), check('format', 'indeterminate')])).toBe('indeterminate');
  });

  test('warnings on input (a BOM) do not stop a pass', () => {
    expect(verdictOf([check('input', 'warn'), check('format', 'pass'), check('schema', 'pass')])).toBe(
      'pass',
    );
  });

  test('no checks at all is not a pass', () => {
    expect(verdictOf([])).toBe('indeterminate');
  });
});

describe('completenessOf', () => {
  function elementsWith(keys: readonly string[]): ElementMap {
    const map = emptyElements();
    for (const key of keys)
      (map as Record<string, { present: boolean; pointers: string[] }>)[key] = {
        present: true,
        pointers: [`/${key}`],
      };
    return map;
  }

  test('all 11 mandatory elements → complete, whatever the optional ones', () => {
    expect(completenessOf(elementsWith(MANDATORY_ELEMENTS))).toBe('complete');
    expect(completenessOf(elementsWith([...MANDATORY_ELEMENTS, ...OPTIONAL_ELEMENTS]))).toBe('complete');
  });

  test('any one mandatory element missing → incomplete', () => {
    for (const missing of MANDATORY_ELEMENTS) {
      expect([
        missing,
        completenessOf(elementsWith(MANDATORY_ELEMENTS.filter((k) => k !== missing))),
      ]).toEqual([missing, 'incomplete']);
    }
  });

  test('only optional elements, or nothing → incomplete', () => {
    expect(completenessOf(elementsWith(OPTIONAL_ELEMENTS))).toBe('incomplete');
    expect(completenessOf(emptyElements())).toBe('incomplete');
  });
});

describe('authenticityOf', () => {
  test('undefined when no signature check ran (validate)', () => {
    expect(authenticityOf(withBase(check('schema', 'pass')))).toBeUndefined();
    expect(authenticityOf(withBase(check('issuer', 'pass')))).toBeUndefined();
  });

  test('no signature on the credential → unsigned', () => {
    expect(authenticityOf(withBase(check('signature', 'skipped', { signed: false })))).toBe('unsigned');
  });

  test('signature and issuer pass → authentic', () => {
    expect(authenticityOf(withBase(check('signature', 'pass'), check('issuer', 'pass')))).toBe('authentic');
    expect(authenticityOf(withBase(check('signature', 'warn'), check('issuer', 'warn')))).toBe('authentic');
  });

  test('a failed signature or issuer → not authentic', () => {
    expect(authenticityOf(withBase(check('signature', 'fail'), check('issuer', 'pass')))).toBe(
      'not authentic',
    );
    expect(authenticityOf(withBase(check('signature', 'pass'), check('issuer', 'fail')))).toBe(
      'not authentic',
    );
  });

  test('failure outranks indeterminate', () => {
    expect(authenticityOf(withBase(check('signature', 'indeterminate'), check('issuer', 'fail')))).toBe(
      'not authentic',
    );
  });

  test('indeterminate or skipped signature, or indeterminate issuer → indeterminate, never authentic', () => {
    expect(authenticityOf(withBase(check('signature', 'indeterminate')))).toBe('indeterminate');
    expect(authenticityOf(withBase(check('signature', 'skipped')))).toBe('indeterminate');
    expect(authenticityOf(withBase(check('signature', 'pass'), check('issuer', 'indeterminate')))).toBe(
      'indeterminate',
    );
  });
});
