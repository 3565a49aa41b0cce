// One credential through the flow: input item → envelope → format → adapter → checks → result.
import { datesCheck } from '../checks/dates.js';
import { elementsCheck } from '../checks/elements.js';
import { learnerCheck } from '../checks/learner.js';
import { placeCheck } from '../checks/place.js';
import { principlesCheck, splitPrinciples } from '../checks/principles.js';
import { resultFromFindings } from '../checks/result.js';
import { schemaCheck } from '../checks/schema.js';
import { issuerCheck, signatureCheck } from '../checks/signature/index.js';
import { statusCheck } from '../checks/status.js';
import { transparencyCheck } from '../checks/transparency.js';
import type { Check, CheckContext } from '../checks/types.js';
import { finding } from '../findings/index.js';
import { detectFormat, formatMarkers } from '../formats/detect.js';
import { adapterFor } from '../formats/index.js';
import type { Adapted, JsonObject } from '../formats/types.js';
import { openJsonEnvelope, openJwt, type OpenedEnvelope } from '../input/envelope.js';
import type { InputItem } from '../input/read.js';
import { emptyElements } from '../model/elements.js';
import type { CheckId, CheckResult, CredentialResult, Finding, FormatId } from '../model/results.js';
import { authenticityOf, completenessOf, verdictOf } from '../report/verdict.js';
import type { RunOptions } from './options.js';

export const STRUCTURE_CHECKS: Check[] = [schemaCheck, elementsCheck, transparencyCheck];
export const AUTHENTICITY_CHECKS: Check[] = [
  signatureCheck,
  issuerCheck,
  datesCheck,
  placeCheck,
  learnerCheck,
  statusCheck,
];

export function checksFor(profile: RunOptions['profile']): Check[] {
  if (profile === 'structure') return STRUCTURE_CHECKS;
  if (profile === 'authenticity') return AUTHENTICITY_CHECKS;
  return [...STRUCTURE_CHECKS, ...AUTHENTICITY_CHECKS];
}

/** Checks one input item. Never throws: every failure becomes a finding in the result. */
export async function checkItem(item: InputItem, options: RunOptions): Promise<CredentialResult> {
  const inputCheck = resultFromFindings('input', item.findings);
  if (item.json === undefined && item.jwt === undefined) return errorResult(item, [inputCheck]);

  const opened: OpenedEnvelope =
    item.jwt !== undefined
      ? openJwt(item.jwt, options.maxDepth)
      : openJsonEnvelope(item.json as JsonObject, options.maxDepth);
  if (!opened.ok) return errorResult(item, [inputCheck, resultFromFindings('format', opened.findings)]);

  const formatFindings: Finding[] = [...(opened.findings ?? [])];
  const detected = detectFormat(opened.document);
  const format: FormatId | undefined = options.inputFormat ?? detected;
  if (options.inputFormat && !formatMarkers(opened.document, options.inputFormat)) {
    formatFindings.push(
      finding('FORMAT_FORCED_MISMATCH', {
        message: `--input-format ${options.inputFormat} was forced, but the document looks like ${detected ?? 'no known format'}`,
      }),
    );
  }
  if (!format) {
    formatFindings.push(finding('FORMAT_UNKNOWN'));
    return errorResult(item, [inputCheck, resultFromFindings('format', formatFindings)]);
  }

  let adapted: Adapted;
  try {
    adapted = adapterFor(format).adapt(opened.document);
  } catch (error) {
    formatFindings.push(crashFinding('format', error));
    const formatCheck: CheckResult = { id: 'format', status: 'indeterminate', findings: formatFindings };
    return { ...errorResult(item, [inputCheck, formatCheck]), format, verdict: 'indeterminate' };
  }
  const formatCheck = resultFromFindings('format', [...formatFindings, ...adapted.findings], {
    details: { format, ...(adapted.vcVersion ? { vcVersion: adapted.vcVersion } : {}) },
  });

  const context: CheckContext = {
    file: item.file,
    document: opened.document,
    container: opened.container,
    adapted,
    options,
  };
  if (opened.envelope) context.envelope = opened.envelope;

  const checks: CheckResult[] = [inputCheck, formatCheck];
  for (const check of checksFor(options.profile)) checks.push(await runCheck(check, context));
  // The Annex II audit runs last, on the results of every check before it; advisory only.
  const audit = splitPrinciples(await runCheck(principlesCheck, { ...context, previous: [...checks] }));
  checks.push(audit.check);

  const result: CredentialResult = {
    file: item.file,
    format,
    verdict: verdictOf(checks),
    completeness: completenessOf(adapted.elements),
    elements: adapted.elements,
    checks: checks.map(summariseCheck),
    findings: checks.flatMap((c) => c.findings),
  };
  if (item.sha256) result.sha256 = item.sha256;
  if (opened.envelope) result.envelope = opened.envelope;
  if (audit.principles) result.principles = audit.principles;
  const authenticity = authenticityOf(checks);
  if (authenticity) result.authenticity = authenticity;
  return result;
}

/** Runs one check; a throw or a run past the time limit is indeterminate, never a pass or a crash. */
export async function runCheck(check: Check, context: CheckContext): Promise<CheckResult> {
  let timer: NodeJS.Timeout | undefined;
  const limit = context.options.checkTimeoutMs;
  const timeout = new Promise<CheckResult>((resolve) => {
    timer = setTimeout(() => {
      const message = `The ${check.id} check took longer than ${limit / 1000} s (--timeout)`;
      resolve({
        id: check.id,
        status: 'indeterminate',
        findings: [{ ...finding('CHECK_TIMEOUT', { message }), check: check.id }],
      });
    }, limit);
  });
  try {
    return await Promise.race([Promise.resolve().then(() => check.run(context)), timeout]);
  } catch (error) {
    return { id: check.id, status: 'indeterminate', findings: [crashFinding(check.id, error)] };
  } finally {
    clearTimeout(timer);
  }
}

function crashFinding(check: CheckId, error: unknown): Finding {
  const message = error instanceof Error ? error.message : String(error);
  return {
    ...finding('CHECK_CRASHED', { message: `The ${check} check stopped on an unexpected error: ${message}` }),
    check,
  };
}

function summariseCheck(check: CheckResult): CredentialResult['checks'][number] {
  return check.details
    ? { id: check.id, status: check.status, details: check.details }
    : { id: check.id, status: check.status };
}

function errorResult(item: InputItem, checks: CheckResult[]): CredentialResult {
  const result: CredentialResult = {
    file: item.file,
    format: 'unknown',
    verdict: 'error',
    completeness: 'incomplete',
    elements: emptyElements(),
    checks: checks.map(summariseCheck),
    findings: checks.flatMap((c) => c.findings),
  };
  if (item.sha256) result.sha256 = item.sha256;
  return result;
}
