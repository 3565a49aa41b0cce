// The contract every check fulfils. A check never throws for bad data: it returns findings.
import type { Adapted, JsonObject } from '../formats/types.js';
import type { CheckId, CheckResult, EnvelopeInfo } from '../model/results.js';
import type { RunOptions } from '../run/options.js';
import type { SuiteOutcome } from './signature/types.js';

export interface CheckContext {
  /** The file name as reported (with #index for array items). */
  file: string;
  /** The credential document: for a JAdES envelope, the parsed payload. */
  document: JsonObject;
  /** The file's top-level JSON as parsed (the envelope itself where there is one). */
  container: JsonObject;
  envelope?: EnvelopeInfo;
  adapted: Adapted;
  options: RunOptions;
  /** The proof suites' outcomes, computed once and shared by the signature and issuer checks. */
  suiteOutcomes?: Promise<SuiteOutcome[]>;
  /** Results of the checks that ran before this one (the principles audit reads them). */
  previous?: CheckResult[];
}

export interface Check {
  id: CheckId;
  run(context: CheckContext): CheckResult | Promise<CheckResult>;
}
