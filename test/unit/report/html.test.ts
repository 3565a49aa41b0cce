// The HTML report, parsed (parse5, the WHATWG parser browsers follow): one self-contained
// document, an overview row per credential linking to its section, tables with header cells,
// and every value from a credential or a file name escaped: no script, no event handler, no
// link or image to anywhere.
import { describe, expect, test } from '@jest/globals';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { setElement, emptyElements } from '../../../src/model/elements.js';
import type { CredentialResult, RunInfo, RunSummary } from '../../../src/model/results.js';
import { TOOL } from '../../../src/model/tool.js';
import { REPORT_CSS } from '../../../src/report/html/styles.js';
import { escapeHtml, markup } from '../../../src/report/html/template.js';
import { htmlReporter } from '../../../src/report/reporters/html.js';
import { SummaryBuilder } from '../../../src/report/summary.js';
import { checkDocument, ob3Credential } from '../../support/check.js';
import { runCli } from '../../support/cli.js';
import { makeTmpDir } from '../../support/tmp.js';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const HOSTILE_TITLE = '<script>alert(1)</script><img src=x onerror=alert(2)>';
const HOSTILE_FILE = 'dir/"><svg onload=alert(3)>.json';
const HOSTILE_URL = 'javascript:alert(4)//https://evil.example.com/"><a href="https://evil.example.com/x">';

const RUN: RunInfo = {
  startedAt: '2025-06-01T12:00:00.000Z',
  command: 'report',
  options: { paths: ['dir'], format: 'html', at: '2025-06-01T12:00:00.000Z', online: false, redact: false },
};

function* walk(node: Node): Generator<Node> {
  yield node;
  const children = (node as { childNodes?: Node[] }).childNodes ?? [];
  for (const child of children) yield* walk(child);
  const content = (node as { content?: Node }).content;
  if (content) yield* walk(content);
}

function elements(root: Node, tag?: string): Element[] {
  return [...walk(root)].filter(
    (n): n is Element => 'tagName' in n && (tag === undefined || n.tagName === tag),
  );
}

function attr(el: Element, name: string): string | undefined {
  return el.attrs.find((a) => a.name === name)?.value;
}

function text(node: Node): string {
  return [...walk(node)]
    .filter((n) => n.nodeName === '#text')
    .map((n) => (n as DefaultTreeAdapterMap['textNode']).value)
    .join('');
}

/** A hostile credential through the real pipeline: a title and a homepage that try to be markup. */
async function hostileResult(): Promise<CredentialResult> {
  const credential = ob3Credential();
  const subject = credential.credentialSubject as { achievement: Record<string, unknown> };
  subject.achievement.name = HOSTILE_TITLE;
  (credential.issuer as Record<string, unknown>).url = HOSTILE_URL;
  const result = await checkDocument(credential);
  return { ...result, file: HOSTILE_FILE, sha256: 'a'.repeat(64) };
}

function render(results: CredentialResult[], options: Parameters<typeof htmlReporter>[0] = { lang: 'en' }) {
  const reporter = htmlReporter(options);
  const summary = new SummaryBuilder();
  let out = reporter.header({ tool: TOOL, run: RUN });
  results.forEach((r, i) => {
    summary.add(r);
    out += reporter.result(r, i);
  });
  return out + reporter.footer(summary.finish());
}

function plainResult(overrides: Partial<CredentialResult> = {}): CredentialResult {
  const elements = emptyElements();
  setElement(elements, 'title', { en: 'Data Stewardship', nl: 'Databeheer' }, ['/title']);
  return {
    file: 'plain.json',
    sha256: 'b'.repeat(64),
    format: 'annex',
    verdict: 'pass',
    completeness: 'incomplete',
    elements,
    checks: [{ id: 'elements', status: 'fail' }],
    findings: [],
    ...overrides,
  };
}

describe('the html tag', () => {
  test('escapes markup characters and makes bidi and control characters visible', () => {
    expect(escapeHtml(`<a href="x" title='y'>&\`</a>`)).toBe(
      '&lt;a href&#61;&quot;x&quot; title&#61;&#39;y&#39;&gt;&amp;&#96;&lt;/a&gt;',
    );
    expect(escapeHtml('cred\u202egnp.json\u0007')).toBe('cred\\u202egnp.json\\u0007');
    expect(escapeHtml('line\nnext\ttab')).toBe('line\nnext\ttab');
  });

  test('interpolations are escaped, nested markup is kept', () => {
    const inner = markup`<b>${'<i>'}</b>`;
    expect(
      markup`<p>${inner}${'<script>'}${['<', markup`<br>`]}${undefined}${false}${0}</p>`.toString(),
    ).toBe('<p><b>&lt;i&gt;</b>&lt;script&gt;&lt;<br>0</p>');
  });
});

describe('htmlReporter', () => {
  test('one document; an overview row per credential, linking to its section', async () => {
    const hostile = await hostileResult();
    const out = render([plainResult(), hostile, plainResult({ file: 'third.json', verdict: 'fail' })]);
    const doc = parse(out);
    expect(elements(doc, 'html')).toHaveLength(1);
    const nav = elements(doc, 'nav');
    expect(nav).toHaveLength(1);
    const rows = elements(elements(nav[0]!, 'tbody')[0]!, 'tr');
    expect(rows).toHaveLength(3);
    const ids = new Set(elements(doc).map((el) => attr(el, 'id')));
    rows.forEach((row, i) => {
      const links = elements(row, 'a');
      expect(links).toHaveLength(1);
      expect(attr(links[0]!, 'href')).toBe(`#cred-${i + 1}`);
      expect(ids.has(`cred-${i + 1}`)).toBe(true);
    });
    // The overview (file, title, learner, issuer, country, date, verdict).
    const headers = elements(elements(nav[0]!, 'thead')[0]!, 'th').map(text);
    expect(headers).toEqual(['#', 'Title and file', 'Learner', 'Issuer', 'Country', 'Issued', 'Verdict']);
    expect(text(rows[1]!)).toContain(HOSTILE_FILE);
    expect(text(rows[1]!)).toContain('Universiteit van Voorbeeld');
    expect(text(rows[1]!)).toContain('NL');
    expect(text(rows[1]!)).toContain('2024-06-01');
    expect(text(rows[2]!)).toContain('FAIL');
  });

  test('every table has header cells with a scope, and a caption', async () => {
    const doc = parse(render([plainResult(), await hostileResult()]));
    const tables = elements(doc, 'table');
    expect(tables.length).toBeGreaterThan(5);
    for (const table of tables) {
      const headers = elements(table, 'th');
      expect(headers.length).toBeGreaterThan(0);
      for (const th of headers) expect(['col', 'row']).toContain(attr(th, 'scope'));
      expect(elements(table, 'caption')).toHaveLength(1);
    }
  });

  test('a hostile title, file name and URL are text: no script, no handler, no outside link', async () => {
    const out = render([await hostileResult()]);
    expect(out).not.toMatch(/<script/i);
    expect(out).not.toMatch(/<img|<svg/i);
    expect(out).not.toMatch(/\son\w+\s*=/i);
    const doc = parse(out);
    for (const el of elements(doc)) {
      for (const a of el.attrs) expect(a.name).not.toMatch(/^on/i);
      expect(['script', 'img', 'svg', 'iframe', 'object', 'embed', 'link', 'base', 'form']).not.toContain(
        el.tagName,
      );
      expect(attr(el, 'src')).toBeUndefined();
      const href = attr(el, 'href');
      if (href !== undefined) expect(href).toMatch(/^#[\w-]+$/);
    }
    const body = text(elements(doc, 'body')[0]!);
    expect(body).toContain(HOSTILE_TITLE);
    expect(body).toContain(HOSTILE_FILE);
    // The credential's URLs are shown as text, never made into links.
    expect(body).toContain('https://evil.example.com/');
    expect(
      elements(
        elements(doc, 'h2').find((h) => text(h).includes('alert(1)'))!,
        'script',
      ),
    ).toEqual([]);
  });

  test('self-contained: a CSP that allows only its own stylesheet, no outside assets', () => {
    const out = render([plainResult()]);
    const doc = parse(out);
    const csp = elements(doc, 'meta').find((m) => attr(m, 'http-equiv') === 'Content-Security-Policy');
    const hash = createHash('sha256').update(REPORT_CSS).digest('base64');
    expect(attr(csp!, 'content')).toContain(`default-src 'none'`);
    expect(attr(csp!, 'content')).toContain(`style-src 'sha256-${hash}'`);
    const styles = elements(doc, 'style');
    expect(styles).toHaveLength(1);
    expect(text(styles[0]!)).toBe(REPORT_CSS);
    expect(out).not.toMatch(/(src|href)\s*=\s*["']?(https?:|\/\/|data:)/i);
    expect(REPORT_CSS).not.toMatch(/url\(|@import/);
    expect(REPORT_CSS).toMatch(/break-before:\s*page/);
  });

  test('headings: h1 for the report, h2 per credential, h3 per part', async () => {
    const doc = parse(render([plainResult(), await hostileResult()]));
    expect(elements(doc, 'h1').map(text)).toEqual(['Micro-credential verification report']);
    const sections = elements(doc, 'section');
    expect(sections).toHaveLength(2);
    for (const section of sections) {
      expect(elements(section, 'h2')).toHaveLength(1);
      expect(elements(section, 'h3').map(text)).toEqual([
        'Annex I elements',
        'Checks',
        'Annex II principles',
        'Findings',
      ]);
    }
  });

  test('a section: Annex I in order with "missing", the checks, the principles, findings with hints', async () => {
    const result = await hostileResult();
    const doc = parse(render([result]));
    const section = elements(doc, 'section')[0]!;
    const [facts, annex, checks, principles, findings] = elements(section, 'table');
    expect(text(facts!)).toContain('a'.repeat(64));
    const annexRows = elements(elements(annex!, 'tbody')[0]!, 'tr');
    expect(annexRows).toHaveLength(16);
    expect(text(annexRows[0]!)).toContain('Identification of the learner');
    expect(text(annexRows[15]!)).toContain('Further information');
    expect(text(annexRows[10]!)).toContain('missing'); // quality assurance
    expect(elements(elements(checks!, 'tbody')[0]!, 'tr')).toHaveLength(result.checks.length);
    expect(elements(elements(principles!, 'tbody')[0]!, 'tr')).toHaveLength(result.principles?.length ?? 0);
    const findingText = text(findings!);
    for (const f of result.findings) {
      expect(findingText).toContain(f.code);
      if (f.hint) expect(findingText).toContain(f.hint);
    }
    // Errors first.
    const severities = elements(elements(findings!, 'tbody')[0]!, 'tr').map((tr) =>
      text(elements(tr, 'td')[0]!).trim(),
    );
    expect(severities[0]).toMatch(/error/);
  });

  test('the run: tool version, run start, verification time, options, redaction state', () => {
    const doc = parse(render([plainResult()]));
    const header = text(elements(doc, 'header')[0]!);
    expect(header).toContain(`mcred ${TOOL.version}`);
    expect(header).toContain('2025-06-01T12:00:00.000Z');
    expect(header).toContain('Network allowed');
    expect(header).toContain('shown as in the credentials');
  });

  test('--lang picks the language of multilingual values', () => {
    const nl = parse(render([plainResult()], { lang: 'nl' }));
    expect(text(elements(nl, 'h2').find((h) => attr(h, 'id') === 'cred-1-title')!)).toContain('Databeheer');
    const en = parse(render([plainResult()], { lang: 'en' }));
    expect(text(elements(en, 'h2').find((h) => attr(h, 'id') === 'cred-1-title')!)).toContain(
      'Data Stewardship',
    );
  });

  test('the parser reports no error: the document is well formed', async () => {
    const errors: string[] = [];
    parse(render([plainResult(), await hostileResult()]), { onParseError: (e) => errors.push(e.code) });
    expect(errors).toEqual([]);
  });

  test('memory: only the short overview rows are kept, the sections are returned at once', () => {
    const reporter = htmlReporter({ lang: 'en' });
    reporter.header({ tool: TOOL, run: RUN });
    const section = reporter.result(plainResult(), 0);
    expect(section).toContain('id="cred-1"');
    expect(section).not.toContain('<nav');
    const summary: RunSummary = new SummaryBuilder().finish();
    expect(reporter.footer(summary)).toContain('href="#cred-1"');
  });
});

describe('mcred report and check --format html (built CLI)', () => {
  test('report writes the HTML file; exit code as check; -o is required', () => {
    const tmp = makeTmpDir({ 'ob3.json': ob3Credential() });
    try {
      const out = tmp.path('report.html');
      const run = runCli(['report', tmp.dir, '-o', out]);
      const check = runCli(['check', tmp.dir]);
      expect(run.code).toBe(check.code);
      expect(run.stdout).toBe('');
      const doc = parse(readFileSync(out, 'utf8'));
      expect(elements(doc, 'section')).toHaveLength(1);
      const missing = runCli(['report', tmp.dir]);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toMatch(/--output/);
    } finally {
      tmp.remove();
    }
  });

  test('check --format html prints the document to stdout', () => {
    const tmp = makeTmpDir({ 'ob3.json': ob3Credential() });
    try {
      const run = runCli(['check', '--format', 'html', '--exit-zero', tmp.dir]);
      expect(run.code).toBe(0);
      expect(run.stdout.startsWith('<!DOCTYPE html>')).toBe(true);
      expect(run.stdout.trimEnd().endsWith('</html>')).toBe(true);
    } finally {
      tmp.remove();
    }
  });
});
