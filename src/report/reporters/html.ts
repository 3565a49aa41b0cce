// The self-contained HTML report for a recognition officer's case file: one file, no scripts, no
// fonts, images or styles from anywhere (a Content-Security-Policy says so to the browser too),
// print styles with one page break per credential, and every value from a credential escaped
// (a credential is untrusted input). All markup goes through the `markup` tag (../html/template.ts).
//
// Ordering: the overview table comes first on the page, but the batch streams and the overview
// needs every credential. So only the overview rows (a few short strings per credential: file,
// title, learner, issuer, country, date, verdict) are kept in memory, the credential sections are
// written as they come, and the footer writes the overview in a <nav> that comes after <main>
// in the document but is shown before it: `.doc` is a column flexbox and `order` puts the
// header, the overview, the credentials and the page footer in that order. A link at the top
// ("Go to the overview") takes keyboard and screen-reader users there at once. Memory stays at
// a few hundred bytes per credential, so thousands of files still stream.
//
// Links: the only links are to places in the page (#overview, #cred-N). URLs that come from a
// credential (ids, homepages, further information) are shown as text, never made clickable.
import {
  ELEMENT_KEYS,
  ELEMENT_LABELS,
  isMandatory,
  type ElementKey,
  type ElementMap,
  type ElementResult,
  type LangMap,
} from '../../model/elements.js';
import type {
  CheckStatus,
  CredentialResult,
  Finding,
  PrincipleAssessment,
  PrincipleStatus,
  RunInfo,
  RunSummary,
  Severity,
  ToolInfo,
  Verdict,
} from '../../model/results.js';
import { describeElementParts, PRINCIPLE_LABELS } from '../describe.js';
import { markup, join, styleElement, type Interpolation, type SafeHtml } from '../html/template.js';
import { REPORT_CSS, REPORT_CSS_HASH } from '../html/styles.js';
import { pickText, systemLanguage, type LangPreference } from '../language.js';
import type { StreamingReporter } from './types.js';

export interface HtmlOptions {
  /** Preferred language for multilingual values (BCP 47). Default: the system locale, then English. */
  lang?: string;
}

/** A status shown as a mark, a word and a colour class (the colour is never the only signal). */
interface Badge {
  mark: string;
  word: string;
  tone: 'pass' | 'fail' | 'warn' | 'info' | 'none';
}

const VERDICT_BADGE: Record<Verdict, Badge> = {
  pass: { mark: '✔', word: 'PASS', tone: 'pass' },
  fail: { mark: '✖', word: 'FAIL', tone: 'fail' },
  indeterminate: { mark: '?', word: 'INDETERMINATE', tone: 'warn' },
  error: { mark: '✖', word: 'ERROR', tone: 'fail' },
};

const CHECK_BADGE: Record<CheckStatus, Badge> = {
  pass: { mark: '✔', word: 'pass', tone: 'pass' },
  warn: { mark: '!', word: 'warn', tone: 'warn' },
  fail: { mark: '✖', word: 'fail', tone: 'fail' },
  indeterminate: { mark: '?', word: 'indeterminate', tone: 'warn' },
  skipped: { mark: '–', word: 'skipped', tone: 'none' },
};

const SEVERITY_BADGE: Record<Severity, Badge> = {
  error: { mark: '✖', word: 'error', tone: 'fail' },
  warning: { mark: '!', word: 'warning', tone: 'warn' },
  info: { mark: 'i', word: 'info', tone: 'info' },
};

const PRINCIPLE_BADGE: Record<PrincipleStatus, Badge> = {
  met: { mark: '✔', word: 'met', tone: 'pass' },
  'partly met': { mark: '◐', word: 'partly met', tone: 'warn' },
  'not evidenced': { mark: '○', word: 'not evidenced', tone: 'fail' },
  'not applicable': { mark: '–', word: 'not applicable', tone: 'none' },
};

const AUTHENTICITY_BADGE: Record<NonNullable<CredentialResult['authenticity']>, Badge> = {
  authentic: { mark: '✔', word: 'authentic', tone: 'pass' },
  'not authentic': { mark: '✖', word: 'not authentic', tone: 'fail' },
  indeterminate: { mark: '?', word: 'indeterminate', tone: 'warn' },
  unsigned: { mark: '–', word: 'unsigned', tone: 'none' },
};

const OPTION_LABELS: Record<string, string> = {
  paths: 'Paths',
  format: 'Report format',
  inputFormat: 'Input format',
  maxBytes: 'Largest file read (bytes)',
  maxDepth: 'Deepest JSON nesting',
  at: 'Verified as of',
  skewSeconds: 'Clock skew allowed (s)',
  online: 'Network allowed',
  contextDirs: 'Extra JSON-LD contexts',
  didDir: 'DID documents folder',
  trustAnchors: 'Trust anchors',
};

/** At most this many entries of a long list (outcomes, paths) are shown, then "and N more". */
const LIST_LIMIT = 12;

// --- Small parts -----------------------------------------------------------------------------

/** At most this many pointers are shown per element; the JSON report has them all. */
const POINTER_LIMIT = 6;

function badge(b: Badge): SafeHtml {
  return markup`<span class="tag s-${b.tone}"><span aria-hidden="true">${b.mark}</span> ${b.word}</span>`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** A dash for "not stated", read out as words. */
const NONE = markup`<span class="absent"
  ><span aria-hidden="true">—</span><span class="vh">not stated</span></span
>`;

function orNone(text: string | undefined): Interpolation {
  return text ?? NONE;
}

function list(items: Interpolation[], limit = LIST_LIMIT): SafeHtml {
  if (items.length === 0) return markup`<span class="absent">nothing readable</span>`;
  if (items.length === 1) return markup`${items[0]}`;
  const shown = items.slice(0, limit);
  const more = items.length - shown.length;
  return markup`<ul>
    ${shown.map((item) => markup`<li>${item}</li>`)}${
      more > 0 ? markup`<li class="muted">and ${more} more (the JSON report lists all)</li>` : ''
    }
  </ul>`;
}

function pointers(list: readonly string[]): SafeHtml {
  const shown = list.slice(0, POINTER_LIMIT);
  const more = list.length - shown.length;
  return markup`<span class="ptr"
    >${shown.map((p) => markup`<span class="mono">${p === '' ? '(document root)' : p}</span>`)}${
      more > 0 ? markup`<span class="muted">and ${more} more</span>` : ''
    }</span
  >`;
}

/**
 * The header row of a table of fixed layout: each column's label and width (a percent class of
 * styles.ts). The widths sit on the header cells, not on <col> elements: Chromium's print
 * layout let percent <col> widths push tables past the page margin.
 */
function head(columns: [label: string, width: number][]): SafeHtml {
  return markup`<thead>
    <tr>
      ${columns.map(([label, width]) => markup`<th scope="col" class="w${width}">${label}</th>`)}
    </tr>
  </thead>`;
}

/** What an element says, in the words `mcred inspect` uses (src/report/describe.ts), escaped. */
function elementValue(key: ElementKey, element: ElementResult, lang: LangPreference): SafeHtml {
  const parts = describeElementParts(key, element, lang);
  if (parts.length === 0) return markup`<span class="absent">present, no readable value</span>`;
  return list(parts);
}

const text = (map: LangMap | undefined, lang: LangPreference) => pickText(map, lang)?.text;

// --- Overview rows (the only thing kept across the batch) ------------------------------------

interface OverviewRow {
  index: number;
  file: string;
  title?: string;
  learner?: string;
  issuer?: string;
  country?: string;
  date?: string;
  verdict: Verdict;
}

function overviewRow(result: CredentialResult, index: number, lang: LangPreference): OverviewRow {
  const e: ElementMap = result.elements;
  const learner = e.learner.value;
  const body = e.awardingBody.value?.bodies[0] ?? e.awardingBody.value?.issuer;
  const date = e.dateOfIssuing.value?.raw;
  const row: OverviewRow = { index, file: result.file, verdict: result.verdict };
  const title = text(e.title.value, lang);
  if (title) row.title = title;
  const learnerText =
    text(learner?.name, lang) ??
    ([text(learner?.givenName, lang), text(learner?.familyName, lang)].filter(Boolean).join(' ') ||
      learner?.id ||
      learner?.email ||
      learner?.identifiers.find((i) => i.value && !i.hashed)?.value);
  if (learnerText) row.learner = learnerText;
  const issuer = text(body?.name, lang) ?? body?.id;
  if (issuer) row.issuer = issuer;
  if (e.issuerCountry.value?.countries.length) row.country = e.issuerCountry.value.countries.join(', ');
  if (date) row.date = /^\d{4}-\d{2}-\d{2}/.test(date) ? date.slice(0, 10) : date;
  return row;
}

const anchor = (index: number) => `cred-${index + 1}`;

// --- The page header: the run ----------------------------------------------------------------

/** What a null option means, where "none" would mislead. */
const OPTION_DEFAULTS: Record<string, string> = { inputFormat: 'detected per file' };

function optionValue(value: unknown, key = ''): SafeHtml {
  if (value === null || value === undefined)
    return markup`<span class="absent">${OPTION_DEFAULTS[key] ?? 'none'}</span>`;
  if (typeof value === 'boolean') return markup`${value ? 'yes' : 'no'}`;
  if (Array.isArray(value)) {
    if (value.length === 0) return markup`<span class="absent">none</span>`;
    return list(value.map((item) => markup`<span class="mono">${String(item)}</span>`));
  }
  if (typeof value === 'object') return markup`<span class="mono">${JSON.stringify(value)}</span>`;
  return markup`${String(value)}`;
}

function runHeader(tool: ToolInfo, run: RunInfo, lang: LangPreference): SafeHtml {
  const { at, paths, format: _format, redact, ...rest } = run.options;
  const tags = typeof lang === 'string' ? [lang] : [...lang];
  const language = tags.some((t) => t.toLowerCase().split('-')[0] !== 'en')
    ? `${tags.join(', ')}, else English, else the credential's first`
    : "English, else the credential's first";
  return markup`<header>
    <h1>Micro-credential verification report</h1>
    <p class="subtitle">
      Annex I elements and Annex II principles of Council Recommendation 2022/C 243/02 (micro-credentials) ·
      <a href="#overview">Go to the overview</a>
    </p>
    <div class="about">
      <table class="meta">
        <caption>
          About this report
        </caption>
        <tbody>
          <tr>
            <th scope="row">Tool</th>
            <td>${tool.name} ${tool.version}</td>
          </tr>
          <tr>
            <th scope="row">Command</th>
            <td><span class="mono">mcred ${run.command}</span></td>
          </tr>
          <tr>
            <th scope="row">Run started</th>
            <td>${run.startedAt}</td>
          </tr>
          <tr>
            <th scope="row">Verified as of</th>
            <td>${typeof at === 'string' ? at : markup`<span class="absent">not stated</span>`}</td>
          </tr>
          <tr>
            <th scope="row">Paths</th>
            <td>${optionValue(paths)}</td>
          </tr>
          <tr>
            <th scope="row">Language of values</th>
            <td>${language}</td>
          </tr>
          <tr>
            <th scope="row">Learner data</th>
            <td>${redact ? 'redacted (--redact)' : 'shown as in the credentials'}</td>
          </tr>
        </tbody>
      </table>
      <table class="meta">
        <caption>
          Options
        </caption>
        <tbody>
          ${Object.entries(rest).map(
            ([key, value]) =>
              markup`<tr>
                <th scope="row">${OPTION_LABELS[key] ?? key}</th>
                <td>${optionValue(value, key)}</td>
              </tr> `,
          )}
        </tbody>
      </table>
    </div>
    ${
      redact
        ? markup`<p class="notice">
            The learner's personal data (names, date of birth, national id, e-mail, identifiers) is redacted:
            each value is replaced by <span class="mono">redacted:</span> and a short hash of it, the same for
            the same value in every report.
          </p>`
        : ''
    }
  </header> `;
}

// --- One credential --------------------------------------------------------------------------

function elementsTable(result: CredentialResult, index: number, lang: LangPreference): SafeHtml {
  return markup`<table class="grid">
    <caption>
      Annex I elements of credential ${index + 1}, in the Annex's order
    </caption>
    ${head([
      ['Element', 27],
      ['Status', 12],
      ['Value', 37],
      ['Read from', 24],
    ])}
    <tbody>
      ${ELEMENT_KEYS.map((key) => {
        const element = result.elements[key] as ElementResult;
        const mandatory = isMandatory(key);
        const status = element.present
          ? badge({ mark: '✔', word: 'present', tone: 'pass' })
          : mandatory
            ? badge({ mark: '✖', word: 'missing', tone: 'fail' })
            : badge({ mark: '–', word: 'missing', tone: 'none' });
        return markup`<tr>
          <th scope="row">
            ${ELEMENT_LABELS[key]}<span class="sub"
              >${mandatory ? 'mandatory' : 'optional'} · <span class="mono">${key}</span></span
            >
          </th>
          <td>${status}</td>
          <td>
            ${
              element.present
                ? elementValue(key, element, lang)
                : markup`<span class="${mandatory ? 'missing' : 'absent'}">missing</span>`
            }
          </td>
          <td>${element.pointers.length ? pointers(element.pointers) : ''}</td>
        </tr> `;
      })}
    </tbody>
  </table>`;
}

/** The check's top-level plain details (numbers, words, flags, short lists); the JSON report has all. */
function details(value: Record<string, unknown> | undefined): Interpolation {
  if (!value) return '';
  const parts: string[] = [];
  for (const [key, v] of Object.entries(value)) {
    if (v === null || v === undefined) continue;
    if (typeof v === 'string' || typeof v === 'number') parts.push(`${key}: ${v}`);
    else if (typeof v === 'boolean') parts.push(`${key}: ${v ? 'yes' : 'no'}`);
    else if (Array.isArray(v) && v.every((x) => typeof x === 'string' || typeof x === 'number'))
      parts.push(`${key}: ${v.length ? v.join(', ') : 'none'}`);
  }
  return parts.length ? markup`<span class="muted">${join(parts, ' · ')}</span>` : '';
}

function checksTable(result: CredentialResult, index: number): SafeHtml {
  if (result.checks.length === 0) return markup`<p class="absent">No check ran.</p>`;
  return markup`<table class="grid">
    <caption>
      Checks of credential ${index + 1}
    </caption>
    ${head([
      ['Check', 27],
      ['Status', 12],
      ['Details', 61],
    ])}
    <tbody>
      ${result.checks.map(
        (check) =>
          markup`<tr>
            <th scope="row">${check.id}</th>
            <td>${badge(CHECK_BADGE[check.status])}</td>
            <td>${details(check.details)}</td>
          </tr> `,
      )}
    </tbody>
  </table>`;
}

function principlesTable(principles: PrincipleAssessment[] | undefined, index: number): SafeHtml {
  if (!principles || principles.length === 0)
    return markup`<p class="absent">The Annex II principles were not assessed in this run.</p>`;
  return markup`<table class="grid">
    <caption>
      Annex II principles for credential ${index + 1} (they inform; they never change the verdict)
    </caption>
    ${head([
      ['Principle', 27],
      ['Status', 12],
      ['Evidence', 37],
      ['Missing', 24],
    ])}
    <tbody>
      ${principles.map(
        (p) =>
          markup`<tr>
            <th scope="row">${PRINCIPLE_LABELS[p.principle] ?? p.principle}</th>
            <td>${badge(PRINCIPLE_BADGE[p.status] ?? { mark: '?', word: p.status, tone: 'none' })}</td>
            <td>
              ${
                p.evidence.length
                  ? list(
                      p.evidence.map(
                        (e) =>
                          markup`${e.text}${e.pointer ? markup`<span class="sub mono">${e.pointer}</span>` : ''}`,
                      ),
                    )
                  : markup`<span class="absent">none</span>`
              }
            </td>
            <td>${p.missing.length ? list(p.missing) : markup`<span class="absent">nothing</span>`}</td>
          </tr> `,
      )}
    </tbody>
  </table>`;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Errors first, then warnings, then info; the pipeline's order within each. */
function bySeverity(findings: Finding[]): Finding[] {
  return [...findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

function findingsTable(findings: Finding[], index: number): SafeHtml {
  if (findings.length === 0) return markup`<p>No findings.</p>`;
  return markup`<table class="grid">
    <caption>
      Findings for credential ${index + 1}, errors first: what is wrong or unclear, and what to do
    </caption>
    ${head([
      ['Severity', 13],
      ['Code', 21],
      ['Finding', 46],
      ['Where', 20],
    ])}
    <tbody>
      ${bySeverity(findings).map(
        (f) =>
          markup`<tr>
            <td>${badge(SEVERITY_BADGE[f.severity])}</td>
            <th scope="row"><span class="mono">${f.code}</span><span class="sub">check: ${f.check}</span></th>
            <td>
              <p>${f.message}</p>
              ${f.hint ? markup`<p class="hint">${f.hint}</p>` : ''}
            </td>
            <td>
              ${f.element ? markup`<span class="sub">element: <span class="mono">${f.element}</span></span>` : ''}${
                f.pointer !== undefined ? pointers([f.pointer]) : ''
              }
            </td>
          </tr> `,
      )}
    </tbody>
  </table>`;
}

function credentialSection(
  result: CredentialResult,
  index: number,
  row: OverviewRow,
  lang: LangPreference,
): SafeHtml {
  const id = anchor(index);
  const e = result.elements;
  const mandatoryPresent = ELEMENT_KEYS.filter((k) => isMandatory(k) && e[k].present).length;
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of result.findings) counts[f.severity]++;
  return markup`<section class="credential" id="${id}" aria-labelledby="${id}-title">
    <h2 id="${id}-title">
      <span class="num">${index + 1}.</span> ${row.title ?? markup`<span class="absent">untitled</span>`}
    </h2>
    <p class="verdict-line">
      Verdict ${badge(VERDICT_BADGE[result.verdict])} · ${result.completeness} (${mandatoryPresent} of 11
      mandatory elements) · authenticity
      ${
        result.authenticity
          ? badge(AUTHENTICITY_BADGE[result.authenticity])
          : markup`<span class="absent">not checked</span>`
      }
      · ${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.info} info
    </p>
    <table class="meta">
      <caption>
        The file
      </caption>
      <tbody>
        <tr>
          <th scope="row">File</th>
          <td><span class="mono">${result.file}</span></td>
        </tr>
        <tr>
          <th scope="row">SHA-256</th>
          <td>
            ${result.sha256 ? markup`<span class="mono">${result.sha256}</span>` : markup`<span class="absent">not read</span>`}
          </td>
        </tr>
        <tr>
          <th scope="row">Format</th>
          <td>
            ${result.format}${
              result.envelope
                ? markup` in a ${result.envelope.type === 'jades' ? 'JAdES' : 'JWT'} envelope (the credential is
                    at <span class="mono">${result.envelope.pointer}</span>; pointers below point into it)`
                : ''
            }
          </td>
        </tr>
      </tbody>
    </table>
    <h3>Annex I elements</h3>
    ${elementsTable(result, index, lang)}
    <h3>Checks</h3>
    ${checksTable(result, index)}
    <h3>Annex II principles</h3>
    ${principlesTable(result.principles, index)}
    <h3>Findings</h3>
    ${findingsTable(result.findings, index)}
    <p class="back"><a href="#overview">Back to the overview</a></p>
  </section> `;
}

// --- The overview and the end of the page ----------------------------------------------------

function overview(rows: OverviewRow[], summary: RunSummary): SafeHtml {
  const v = summary.verdicts;
  const f = summary.findings;
  return markup`<nav class="overview" id="overview" aria-labelledby="overview-title">
    <h2 id="overview-title">Overview</h2>
    <p class="summary">
      <strong>${plural(summary.total, 'credential')}:</strong> ${badge(VERDICT_BADGE.pass)} ${v.pass} ·
      ${badge(VERDICT_BADGE.fail)} ${v.fail} · ${badge(VERDICT_BADGE.indeterminate)} ${v.indeterminate} ·
      ${badge(VERDICT_BADGE.error)} ${v.error}<br /><span class="muted"
        >${summary.complete} complete, ${summary.incomplete} incomplete · findings:
        ${plural(f.error, 'error')}, ${plural(f.warning, 'warning')}, ${f.info} info</span
      >
    </p>
    <table class="grid">
      <caption>
        Every credential in this report; the title leads to its section
      </caption>
      ${head([
        ['#', 5],
        ['Title and file', 31],
        ['Learner', 13],
        ['Issuer', 15],
        ['Country', 10],
        ['Issued', 10],
        ['Verdict', 16],
      ])}
      <tbody>
        ${rows.map(
          (row) =>
            markup`<tr>
              <td>${row.index + 1}</td>
              <th scope="row">
                <a href="#${anchor(row.index)}">${row.title ?? markup`<span class="absent">untitled</span>`}</a>
                <span class="sub mono">${row.file}</span>
              </th>
              <td>${orNone(row.learner)}</td>
              <td>${orNone(row.issuer)}</td>
              <td>${orNone(row.country)}</td>
              <td>${orNone(row.date)}</td>
              <td>${badge(VERDICT_BADGE[row.verdict])}</td>
            </tr> `,
        )}
      </tbody>
    </table>
  </nav> `;
}

/** The CSP: no script, no network, no images; only our own stylesheet (by its hash). */
const CSP = `default-src 'none'; style-src '${REPORT_CSS_HASH}'; img-src 'none'; base-uri 'none'; form-action 'none'`;

export function htmlReporter(options: HtmlOptions = {}): StreamingReporter {
  const lang: LangPreference = options.lang ?? systemLanguage() ?? 'en';
  const rows: OverviewRow[] = [];
  let tool: ToolInfo | undefined;
  return {
    header(meta) {
      tool = meta.tool;
      rows.length = 0;
      // The document is left open here: the credential sections follow, the footer closes it.
      return markup`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${meta.tool.name} ${meta.tool.version}">
<meta name="referrer" content="no-referrer">
<title>Micro-credential verification report, ${meta.run.startedAt}</title>
${styleElement(REPORT_CSS)}
</head>
<body>
<div class="doc">
${runHeader(meta.tool, meta.run, lang)}
<main aria-label="Credentials">
`.toString();
    },
    result(result, index) {
      const row = overviewRow(result, index, lang);
      rows.push(row);
      return credentialSection(result, index, row, lang).toString();
    },
    footer(summary) {
      const t = tool ?? { name: 'mcred', version: '' };
      return markup`</main>
${overview(rows, summary)}<footer>
<p>Made by ${t.name} ${t.version} in ${(summary.durationMs / 1000).toFixed(1)} s. Each file is identified by its SHA-256; the JSON report (<span class="mono">--format json</span>) holds every detail.</p>
</footer>
</div>
</body>
</html>
`.toString();
    },
  };
}
