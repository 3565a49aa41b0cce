// How check results become a verdict, a completeness and an authenticity. Fail closed:
// a credential passes only when every check that ran passed (or only warned).
import { MANDATORY_ELEMENTS, type ElementMap } from '../model/elements.js';
import type { Authenticity, CheckResult, Completeness, Verdict } from '../model/results.js';

/** Checks that inform without deciding: the principles audit never changes the verdict. */
const ADVISORY_CHECKS = new Set(['principles']);

export function verdictOf(allChecks: CheckResult[]): Verdict {
  const checks = allChecks.filter((c) => !ADVISORY_CHECKS.has(c.id));
  if (checks.length === 0) return 'indeterminate';
  if (checks.some((c) => (c.id === 'input' || c.id === 'format') && c.status === 'fail')) return 'error';
  if (checks.some((c) => c.status === 'fail')) return 'fail';
  if (checks.some((c) => c.status === 'indeterminate')) return 'indeterminate';
  return 'pass';
}

export function completenessOf(elements: ElementMap): Completeness {
  return MANDATORY_ELEMENTS.every((key) => elements[key].present) ? 'complete' : 'incomplete';
}

/** From the signature and issuer checks; undefined when neither ran (validate). */
export function authenticityOf(checks: CheckResult[]): Authenticity | undefined {
  const signature = checks.find((c) => c.id === 'signature');
  const issuer = checks.find((c) => c.id === 'issuer');
  if (!signature) return undefined;
  if (signature.details?.signed === false) return 'unsigned';
  if (signature.status === 'fail' || issuer?.status === 'fail') return 'not authentic';
  if (
    signature.status === 'indeterminate' ||
    issuer?.status === 'indeterminate' ||
    signature.status === 'skipped'
  ) {
    return 'indeterminate';
  }
  return 'authentic';
}
