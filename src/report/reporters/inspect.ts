// The `mcred inspect` view of one credential, for a recognition officer: the Annex I elements in
// the Annex's order with their values for people, the verdict, completeness and authenticity,
// each check's status, and the Annex II principles. A pure function: result + options → text.
// Every value from the credential goes through terminalSafe(): credentials are untrusted.
import { Chalk, type ChalkInstance } from 'chalk';
import { ELEMENT_KEYS, ELEMENT_LABELS, MANDATORY_ELEMENTS, isMandatory } from '../../model/elements.js';
import {
  PRINCIPLES,
  type CheckStatus,
  type CredentialResult,
  type PrincipleStatus,
  type Verdict,
} from '../../model/results.js';
import { describeElementParts, MISSING, PRINCIPLE_LABELS } from '../describe.js';
import { languagesOf, pickLanguage, type LangPreference } from '../language.js';
import { terminalSafe } from './pretty.js';

export interface InspectOptions {
  color: boolean;
  /** The language preference for multilingual values (see src/report/language.ts). */
  lang?: LangPreference;
  /** Where the preference came from, shown next to the languages: e.g. "--lang", "system locale". */
  langSource?: string;
  /** Longer value lines are cut with "…" (default 200 characters). */
  maxLineLength?: number;
}

const VERDICT_MARK: Record<Verdict, string> = {
  pass: '✔ PASS',
  fail: '✖ FAIL',
  indeterminate: '? INDETERMINATE',
  error: '✖ ERROR',
};

const FORMAT_NAMES: Record<string, string> = {
  edc: 'European Digital Credential (ELM)',
  ob3: 'Open Badges 3.0',
  ebsi: 'EBSI Verifiable Attestation',
  vc: 'W3C Verifiable Credential',
  annex: 'Annex I record (mcred native)',
  unknown: 'unknown format',
};

function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The inspect view of one result, ending with a newline. */
export function inspectReport(result: CredentialResult, options: InspectOptions): string {
  const c: ChalkInstance = new Chalk({ level: options.color ? 1 : 0 });
  const max = options.maxLineLength ?? 200;
  const s = (text: string) => terminalSafe(cut(text, max));
  const lines: string[] = [];

  const verdictColour =
    result.verdict === 'pass' ? c.green : result.verdict === 'indeterminate' ? c.yellow : c.red;
  const checkColour = (status: CheckStatus) =>
    status === 'pass'
      ? c.green
      : status === 'warn' || status === 'indeterminate'
        ? c.yellow
        : status === 'fail'
          ? c.red
          : c.dim;
  const principleColour = (status: PrincipleStatus) =>
    status === 'met'
      ? c.green
      : status === 'partly met'
        ? c.yellow
        : status === 'not evidenced'
          ? c.red
          : c.dim;

  // --- Header ---------------------------------------------------------------------------------
  lines.push(c.bold(terminalSafe(result.file)));
  const facts = [FORMAT_NAMES[result.format] ?? result.format];
  if (result.envelope) facts.push(`${result.envelope.type === 'jades' ? 'JAdES' : 'JWT'} envelope`);
  if (result.sha256) facts.push(`sha256 ${result.sha256.slice(0, 16)}…`);
  lines.push(`  ${c.dim(facts.join(' · '))}`);
  const mandatory = MANDATORY_ELEMENTS.filter((k) => result.elements[k].present).length;
  const optional = ELEMENT_KEYS.length - MANDATORY_ELEMENTS.length;
  const optionalPresent = ELEMENT_KEYS.filter((k) => !isMandatory(k) && result.elements[k].present).length;
  lines.push(
    `  ${c.dim('verdict:')} ${verdictColour.bold(VERDICT_MARK[result.verdict])}` +
      `   ${c.dim('completeness:')} ${result.completeness} (${mandatory}/${MANDATORY_ELEMENTS.length} mandatory, ${optionalPresent}/${optional} optional)` +
      `   ${c.dim('authenticity:')} ${result.authenticity ?? 'not checked'}`,
  );
  const languages = languagesOf(result.elements);
  if (languages.length > 0) {
    const shown = pickLanguage(languages, options.lang);
    const source = options.langSource ? `, by ${options.langSource}` : '';
    lines.push(
      `  ${c.dim('languages:')} ${terminalSafe(languages.join(', '))}` +
        c.dim(` (shown: ${terminalSafe(shown ?? 'none')}${source}; --lang picks another)`),
    );
  }

  // --- Annex I elements -----------------------------------------------------------------------
  lines.push('', c.bold('Annex I standard elements'));
  ELEMENT_KEYS.forEach((key, index) => {
    const optionalMark = isMandatory(key) ? '' : c.dim(' (optional)');
    lines.push(`  ${String(index + 1).padStart(2)}. ${ELEMENT_LABELS[key]}${optionalMark}`);
    const parts = describeElementParts(key, result.elements[key], options.lang);
    if (parts.length === 0) {
      lines.push(`      ${isMandatory(key) ? c.red(MISSING) : c.dim(MISSING)}`);
      return;
    }
    const shown = parts.slice(0, 12);
    for (const part of shown) lines.push(`      ${s(part)}`);
    if (parts.length > shown.length) lines.push(c.dim(`      … and ${parts.length - shown.length} more`));
  });

  // --- Checks ---------------------------------------------------------------------------------
  lines.push('', c.bold('Checks'));
  for (const check of result.checks) {
    const codes = [
      ...new Set(
        result.findings.filter((f) => f.check === check.id && f.severity !== 'info').map((f) => f.code),
      ),
    ];
    const note = check.id === 'principles' ? 'advisory: never changes the verdict' : codes.join(', ');
    lines.push(
      `  ${check.id.padEnd(13)} ${checkColour(check.status)(check.status.padEnd(13))}${note ? ` ${c.dim(terminalSafe(note))}` : ''}`.trimEnd(),
    );
  }

  // --- Annex II principles --------------------------------------------------------------------
  lines.push(
    '',
    `${c.bold('Annex II principles')} ${c.dim('(informs; never changes the verdict; rules in docs/principles.md)')}`,
  );
  const byId = new Map((result.principles ?? []).map((p) => [p.principle, p]));
  for (const id of PRINCIPLES) {
    const label = PRINCIPLE_LABELS[id].padEnd(25);
    const assessment = byId.get(id);
    if (!assessment) {
      const why =
        result.verdict === 'error' ? 'the file could not be read as a credential' : 'the audit did not run';
      lines.push(`  ${label} ${c.dim(`not assessed (${why})`)}`);
      continue;
    }
    const rules = assessment.rules.length > 0 ? c.dim(` [${assessment.rules.join(', ')}]`) : '';
    lines.push(`  ${label} ${principleColour(assessment.status)(assessment.status.padEnd(14))}${rules}`);
    for (const evidence of assessment.evidence) lines.push(`      ${c.green('+')} ${s(evidence.text)}`);
    for (const missing of assessment.missing) lines.push(`      ${c.red('-')} ${s(missing)}`);
  }
  return `${lines.join('\n')}\n`;
}
