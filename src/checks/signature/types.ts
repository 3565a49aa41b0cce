// Proof suites are plug-ins: each one recognises its kind of signature and verifies it.
// The pipeline runs the suites once per credential; the `signature` and `issuer` checks both
// read the outcome, so a credential is never verified twice.
import type { CheckStatus, Finding } from '../../model/results.js';
import type { CheckContext } from '../types.js';

export type SuiteId = 'data-integrity' | 'jades' | 'jwt';

/** One proof or signature, as reported in the signature check's details. */
export interface ProofReport {
  suite: SuiteId;
  /** Proof type / algorithm, e.g. Ed25519Signature2020, eddsa-rdfc-2022, RS256. */
  type: string;
  /** true: verified; false: verified and wrong; null: could not be checked. */
  verified: boolean | null;
  verificationMethod?: string;
  created?: string;
  reason?: string;
}

export interface SuiteOutcome {
  suite: SuiteId;
  proofs: ProofReport[];
  /** Status and findings owned by the `signature` check. */
  signature: { status: CheckStatus; findings: Finding[]; details?: Record<string, unknown> };
  /** Status and findings owned by the `issuer` check (key control, DID resolution, certificate chain). */
  issuer: { status: CheckStatus; findings: Finding[]; details?: Record<string, unknown> };
}

export interface SignatureSuite {
  id: SuiteId;
  /** True when the credential carries a signature of this kind. */
  applies(context: CheckContext): boolean;
  verify(context: CheckContext): Promise<SuiteOutcome>;
}
