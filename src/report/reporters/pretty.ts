// The terminal reporter for registrars: one block per credential, findings with hints, a summary.
import { Chalk, type ChalkInstance } from 'chalk';
import { MANDATORY_ELEMENTS } from '../../model/elements.js';
import type { Finding, Verdict } from '../../model/results.js';
import type { StreamingReporter } from './types.js';

export interface PrettyOptions {
  color: boolean;
  /** Show info findings too (by default only their count). */
  verbose?: boolean;
}

const VERDICT_MARK: Record<Verdict, string> = {
  pass: '✔ PASS',
  fail: '✖ FAIL',
  indeterminate: '? INDETERMINATE',
  error: '✖ ERROR',
};

/** C0/C1 controls, line and paragraph separators, bidi overrides: text that could drive the terminal. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** Text from a file name or a credential, made inert for a terminal: unsafe characters become \uXXXX. */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function prettyReporter(options: PrettyOptions): StreamingReporter {
  const c: ChalkInstance = new Chalk({ level: options.color ? 1 : 0 });
  const s = terminalSafe;
  const verdictColour = (v: Verdict) => (v === 'pass' ? c.green : v === 'indeterminate' ? c.yellow : c.red);
  const severityColour = (f: Finding) =>
    f.severity === 'error' ? c.red : f.severity === 'warning' ? c.yellow : c.dim;

  return {
    header: () => '',
    result(result) {
      const lines: string[] = [];
      const unread = result.verdict === 'error';
      const facts = (
        unread
          ? [
              result.checks.some((ch) => ch.id === 'input' && ch.status === 'fail')
                ? 'not read'
                : 'not recognised',
            ]
          : [result.format, result.envelope?.type, result.completeness, result.authenticity]
      )
        .filter(Boolean)
        .join(', ');
      lines.push(
        `${verdictColour(result.verdict).bold(VERDICT_MARK[result.verdict])}  ${c.bold(s(result.file))}  ${c.dim(`(${facts})`)}`,
      );
      if (!unread) {
        const title = result.elements.title.value;
        if (title) lines.push(`    ${c.dim('title:')} ${s(String(title.en ?? Object.values(title)[0]))}`);
        const missing = MANDATORY_ELEMENTS.filter((k) => !result.elements[k].present);
        const present = MANDATORY_ELEMENTS.length - missing.length;
        lines.push(
          `    ${c.dim('Annex I:')} ${present}/11 mandatory elements${missing.length ? c.dim(` (missing: ${missing.join(', ')})`) : ''}`,
        );
        // The principles audit is advisory: summarised apart from the checks that decide the verdict.
        const checks = result.checks
          .filter((ch) => ch.id !== 'principles')
          .map((ch) => `${ch.id} ${ch.status}`);
        lines.push(`    ${c.dim('checks:')} ${checks.join(' · ')}`);
        if (result.principles?.length) {
          const count = (status: string) => result.principles!.filter((p) => p.status === status).length;
          lines.push(
            `    ${c.dim('Annex II:')} ${count('met')} met, ${count('partly met')} partly met, ${count('not evidenced')} not evidenced` +
              c.dim(' (advisory; mcred inspect shows the evidence)'),
          );
        }
      }
      let hiddenInfo = 0;
      for (const f of result.findings) {
        if (f.severity === 'info' && !options.verbose) {
          hiddenInfo++;
          continue;
        }
        const where = [
          f.element ? `[${s(f.element)}]` : undefined,
          f.pointer ? c.dim(s(f.pointer)) : undefined,
        ]
          .filter(Boolean)
          .join(' ');
        lines.push(
          `    ${severityColour(f)(f.severity.padEnd(7))} ${c.bold(s(f.code))}  ${s(f.message)}${where ? `  ${where}` : ''}`,
        );
        if (f.hint && f.severity !== 'info') lines.push(`            ${c.dim(`hint: ${s(f.hint)}`)}`);
      }
      if (hiddenInfo > 0)
        lines.push(
          c.dim(`    (${hiddenInfo} info finding${hiddenInfo > 1 ? 's' : ''}; --verbose shows them)`),
        );
      return `${lines.join('\n')}\n\n`;
    },
    footer(summary) {
      const v = summary.verdicts;
      const parts = [
        c.green(`${v.pass} pass`),
        c.red(`${v.fail} fail`),
        c.yellow(`${v.indeterminate} indeterminate`),
        c.red(`${v.error} error`),
      ];
      const f = summary.findings;
      return (
        `${c.bold(`${summary.total} credential${summary.total === 1 ? '' : 's'}:`)} ${parts.join(', ')}` +
        ` · ${summary.complete} complete, ${summary.incomplete} incomplete` +
        ` · findings: ${plural(f.error, 'error')}, ${plural(f.warning, 'warning')}, ${f.info} info\n`
      );
    },
  };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
