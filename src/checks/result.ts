import type { CheckId, CheckResult, CheckStatus, Finding } from '../model/results.js';

/**
 * A check's status from its findings: fail on any error, warn on any warning, else pass.
 * `indeterminate` is passed explicitly by checks that could not decide; it never becomes pass.
 */
export function resultFromFindings(
  id: CheckId,
  findings: Finding[],
  options: { details?: Record<string, unknown>; indeterminate?: boolean; skipped?: boolean } = {},
): CheckResult {
  let status: CheckStatus = 'pass';
  if (findings.some((f) => f.severity === 'error')) status = 'fail';
  else if (options.indeterminate) status = 'indeterminate';
  else if (options.skipped) status = 'skipped';
  else if (findings.some((f) => f.severity === 'warning')) status = 'warn';
  const result: CheckResult = { id, status, findings };
  if (options.details) result.details = options.details;
  return result;
}
