// docs/findings.md is generated from the catalogue; a test fails when the two differ.
import type { CheckId } from '../model/results.js';
import { FINDINGS } from './index.js';

const CHECK_ORDER: CheckId[] = [
  'input',
  'format',
  'schema',
  'elements',
  'transparency',
  'signature',
  'issuer',
  'dates',
  'place',
  'learner',
  'status',
  'principles',
];

export function findingsMarkdown(): string {
  const lines = [
    '# Finding codes',
    '',
    'Every finding mcred reports has a stable code. Codes are never renamed or reused; a new meaning gets a new code.',
    'This page is generated from `src/findings/` by `npm run docs:findings`; `mcred explain CODE` prints the same entry.',
    '',
    "Severity: **error** makes the owning check fail (and the credential's verdict `fail`); **warning** makes the check `warn` and does not fail the credential; **info** is for the record.",
    '',
  ];
  for (const check of CHECK_ORDER) {
    const entries = Object.entries(FINDINGS).filter(([, def]) => def.check === check);
    if (entries.length === 0) continue;
    lines.push(`## Check \`${check}\``, '', '| code | severity | meaning |', '|---|---|---|');
    for (const [code, def] of entries)
      lines.push(`| [\`${code}\`](#${code.toLowerCase()}) | ${def.severity} | ${def.title} |`);
    lines.push('');
    for (const [code, def] of entries) {
      lines.push(
        `### ${code}`,
        '',
        `*${def.severity}, check \`${def.check}\`.* ${def.title}.`,
        '',
        def.description,
        '',
        `**What to do:** ${def.hint}`,
        '',
      );
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
