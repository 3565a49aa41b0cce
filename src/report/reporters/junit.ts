// JUnit XML for CI: one <testsuite> per credential, one <testcase> per check. A check that
// fails or is indeterminate is a <failure> (fail closed); an unreadable file is an <error>.
import { escapeHtml as escapeXml } from '../html/template.js';
import type { CredentialResult } from '../../model/results.js';
import type { StreamingReporter } from './types.js';

export function junitReporter(): StreamingReporter {
  return {
    header: () => '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="mcred">\n',
    result: (result) => testsuite(result),
    footer: () => '</testsuites>\n',
  };
}

function testsuite(result: CredentialResult): string {
  const file = escapeXml(result.file);
  const cases: string[] = [];
  let failures = 0;
  let errors = 0;
  let skipped = 0;
  for (const check of result.checks) {
    const findings = result.findings.filter((f) => f.check === check.id && f.severity !== 'info');
    const body = findings
      .map(
        (f) =>
          `${f.severity} ${f.code}${f.element ? ` [${f.element}]` : ''}${f.pointer ? ` at ${f.pointer}` : ''}: ${f.message}`,
      )
      .join('\n');
    const name = `${file} › ${check.id}`;
    let inner = '';
    if ((check.id === 'input' || check.id === 'format') && check.status === 'fail') {
      errors++;
      inner = `<error type="${check.id}" message="${escapeXml(findings[0]?.message ?? 'cannot be read')}">${escapeXml(body)}</error>`;
    } else if (check.status === 'fail' || check.status === 'indeterminate') {
      failures++;
      const message =
        check.status === 'fail'
          ? findings.find((f) => f.severity === 'error')?.message
          : 'could not be decided (indeterminate)';
      inner = `<failure type="${check.status}" message="${escapeXml(message ?? check.status)}">${escapeXml(body)}</failure>`;
    } else if (check.status === 'skipped') {
      skipped++;
      inner = '<skipped/>';
    } else if (body) {
      inner = `<system-out>${escapeXml(body)}</system-out>`;
    }
    cases.push(`    <testcase classname="mcred.${check.id}" name="${name}">${inner}</testcase>`);
  }
  const properties = [
    ['verdict', result.verdict],
    ['completeness', result.completeness],
    ['format', result.format],
    ...(result.authenticity ? [['authenticity', result.authenticity]] : []),
    ...(result.sha256 ? [['sha256', result.sha256]] : []),
  ]
    .map(([k, v]) => `      <property name="${k}" value="${escapeXml(v!)}"/>`)
    .join('\n');
  return (
    `  <testsuite name="${file}" tests="${result.checks.length}" failures="${failures}" errors="${errors}" skipped="${skipped}">\n` +
    `    <properties>\n${properties}\n    </properties>\n${cases.join('\n')}\n  </testsuite>\n`
  );
}
