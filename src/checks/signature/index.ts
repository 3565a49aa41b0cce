// Check "signature" and check "issuer". The proof suites are plug-ins (data integrity, JAdES, JWT);
// the pipeline runs the applicable ones once per credential (runSignatureSuites) and both checks
// read the outcome: "signature" owns the cryptographic result, "issuer" the key or certificate.
import { finding } from '../../findings/index.js';
import type { CheckId, CheckResult, CheckStatus, Finding } from '../../model/results.js';
import type { Check, CheckContext } from '../types.js';
import { dataIntegritySuite } from './data-integrity.js';
import { jadesSuite } from './jades.js';
import { jwtSuite } from './jwt.js';
import type { SignatureSuite, SuiteOutcome } from './types.js';

export const SIGNATURE_SUITES: SignatureSuite[] = [dataIntegritySuite, jadesSuite, jwtSuite];

const STATUS_ORDER: CheckStatus[] = ['fail', 'indeterminate', 'warn', 'pass', 'skipped'];

/** The worst of several statuses: fail > indeterminate > warn > pass > skipped. */
export function worstOf(statuses: CheckStatus[]): CheckStatus {
  for (const status of STATUS_ORDER) if (statuses.includes(status)) return status;
  return 'skipped';
}

/** Runs every suite that applies. A suite that throws becomes an indeterminate outcome. */
export async function runSignatureSuites(context: CheckContext): Promise<SuiteOutcome[]> {
  const outcomes: SuiteOutcome[] = [];
  for (const suite of SIGNATURE_SUITES) {
    let applies = false;
    try {
      applies = suite.applies(context);
    } catch {
      applies = false;
    }
    if (!applies) continue;
    try {
      outcomes.push(await suite.verify(context));
    } catch (error) {
      const message = `The ${suite.id} suite stopped on an unexpected error: ${error instanceof Error ? error.message : String(error)}`;
      outcomes.push({
        suite: suite.id,
        proofs: [],
        signature: { status: 'indeterminate', findings: [finding('SUITE_CRASHED', { message })] },
        issuer: { status: 'indeterminate', findings: [] },
      });
    }
  }
  return outcomes;
}

function merged(id: CheckId, outcomes: SuiteOutcome[], part: 'signature' | 'issuer'): CheckResult {
  const findings: Finding[] = outcomes.flatMap((o) => o[part].findings.map((f) => ({ ...f, check: id })));
  const details: Record<string, unknown> = { signed: true, suites: outcomes.map((o) => o.suite) };
  if (part === 'signature') details.proofs = outcomes.flatMap((o) => o.proofs);
  for (const o of outcomes) if (o[part].details) details[o.suite] = o[part].details;
  return { id, status: worstOf(outcomes.map((o) => o[part].status)), findings, details };
}

async function outcomesOf(context: CheckContext): Promise<SuiteOutcome[]> {
  context.suiteOutcomes ??= runSignatureSuites(context);
  return context.suiteOutcomes;
}

export const signatureCheck: Check = {
  id: 'signature',
  async run(context) {
    const outcomes = await outcomesOf(context);
    if (outcomes.length === 0) {
      return {
        id: 'signature',
        status: 'fail',
        findings: [finding('SIGNATURE_MISSING')],
        details: { signed: false },
      };
    }
    return merged('signature', outcomes, 'signature');
  },
};

export const issuerCheck: Check = {
  id: 'issuer',
  async run(context) {
    const outcomes = await outcomesOf(context);
    if (outcomes.length === 0)
      return { id: 'issuer', status: 'skipped', findings: [], details: { signed: false } };
    return merged('issuer', outcomes, 'issuer');
  },
};
