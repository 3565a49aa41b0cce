// Typed results: what a check returns, what one credential's result holds, and the run's summary.
import type { ElementMap } from './elements.js';

export type Severity = 'error' | 'warning' | 'info';

/** Ids of the checks. Each check is one module under src/checks/. */
export type CheckId =
  | 'input'
  | 'format'
  | 'schema'
  | 'elements'
  | 'transparency'
  | 'signature'
  | 'issuer'
  | 'dates'
  | 'place'
  | 'learner'
  | 'status'
  | 'principles';

/**
 * pass: ran and found nothing wrong; warn: ran and found only warnings;
 * fail: found an error; indeterminate: could not decide (never counts as pass);
 * skipped: did not apply (e.g. no proof to verify on a draft).
 */
export type CheckStatus = 'pass' | 'warn' | 'fail' | 'indeterminate' | 'skipped';

export interface Finding {
  code: string;
  severity: Severity;
  check: CheckId;
  element?: string;
  /** JSON pointer into the credential document (for EDC-JAdES: into the payload). */
  pointer?: string;
  message: string;
  hint?: string;
}

export interface CheckResult {
  id: CheckId;
  status: CheckStatus;
  details?: Record<string, unknown>;
  findings: Finding[];
}

export type Verdict = 'pass' | 'fail' | 'indeterminate' | 'error';
export type Completeness = 'complete' | 'incomplete';
export type Authenticity = 'authentic' | 'not authentic' | 'indeterminate' | 'unsigned';

export type FormatId = 'edc' | 'ob3' | 'ebsi' | 'vc' | 'annex';

export interface EnvelopeInfo {
  /** jades: a JWS JSON serialisation with the credential as its payload; jwt: a compact JWS. */
  type: 'jades' | 'jwt';
  /** Where the credential document sits inside the file, e.g. "/payload". */
  pointer: string;
}

/** Annex II principles (Council Recommendation 2022/C 243/02). */
export const PRINCIPLES = [
  'quality',
  'transparency',
  'relevance',
  'validAssessment',
  'learningPathways',
  'recognition',
  'portable',
  'learnerCentred',
  'authentic',
  'informationAndGuidance',
] as const;
export type PrincipleId = (typeof PRINCIPLES)[number];
export type PrincipleStatus = 'met' | 'partly met' | 'not evidenced' | 'not applicable';

export interface PrincipleEvidence {
  /** What was found, in plain words. */
  text: string;
  pointer?: string;
  element?: string;
  check?: CheckId;
}

export interface PrincipleAssessment {
  principle: PrincipleId;
  status: PrincipleStatus;
  evidence: PrincipleEvidence[];
  missing: string[];
  /** The rule ids from docs/principles.md that decided the status. */
  rules: string[];
}

export interface CredentialResult {
  /** The path as given, with `#index` for an element of a JSON array file. */
  file: string;
  sha256?: string;
  format: FormatId | 'unknown';
  envelope?: EnvelopeInfo;
  verdict: Verdict;
  completeness: Completeness;
  authenticity?: Authenticity;
  elements: ElementMap;
  checks: { id: CheckId; status: CheckStatus; details?: Record<string, unknown> }[];
  findings: Finding[];
  /** The Annex II principles audit (informs; never changes the verdict). */
  principles?: PrincipleAssessment[];
}

export interface RunSummary {
  total: number;
  verdicts: Record<Verdict, number>;
  complete: number;
  incomplete: number;
  findings: Record<Severity, number>;
  /** The exit code the CLI uses for this run (before --exit-zero). */
  exitCode: 0 | 1;
  durationMs: number;
}

export interface RunInfo {
  startedAt: string;
  command: string;
  options: Record<string, unknown>;
}

export interface ToolInfo {
  name: 'mcred';
  version: string;
}

export const REPORT_SCHEMA_VERSION = '1.0.0';

export interface Report {
  schemaVersion: string;
  tool: ToolInfo;
  run: RunInfo;
  results: CredentialResult[];
  summary: RunSummary;
}
