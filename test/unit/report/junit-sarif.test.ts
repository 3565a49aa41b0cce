// JUnit and SARIF reporters on results from the real pipeline.
import { describe, expect, test } from '@jest/globals';
import { FINDINGS } from '../../../src/findings/index.js';
import type { CredentialResult, RunSummary } from '../../../src/model/results.js';
import { junitReporter } from '../../../src/report/reporters/junit.js';
import { sarifReporter } from '../../../src/report/reporters/sarif.js';
import type { StreamingReporter } from '../../../src/report/reporters/types.js';
import { SummaryBuilder } from '../../../src/report/summary.js';
import { checkDocument, ob3Credential } from '../../support/check.js';

const META = {
  tool: { name: 'mcred' as const, version: '0.0.0-test' },
  run: { startedAt: '2025-01-01T00:00:00.000Z', command: 'check', options: {} },
};

function render(reporter: StreamingReporter, results: CredentialResult[]): string {
  const summary = new SummaryBuilder();
  results.forEach((r) => summary.add(r));
  const final: RunSummary = summary.finish();
  return (
    reporter.header(META) + results.map((r, i) => reporter.result(r, i)).join('') + reporter.footer(final)
  );
}

async function results(): Promise<CredentialResult[]> {
  const good = await checkDocument({ recordType: 'AnnexIRecord', title: 'T' }, { profile: 'structure' });
  const hostile = await checkDocument(ob3Credential(), {
    profile: 'all',
    at: new Date('2025-01-01T00:00:00Z'),
  });
  hostile.file = 'evil<script>&"\'.json#2';
  const broken = await checkDocument('{ not json', { profile: 'structure' });
  return [good, hostile, broken];
}

describe('JUnit XML', () => {
  test('one testsuite per credential, one testcase per check; fail and indeterminate are failures; unreadable is an error', async () => {
    const rs = await results();
    const xml = render(junitReporter(), rs);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="mcred">')).toBe(true);
    expect(xml.trimEnd().endsWith('</testsuites>')).toBe(true);
    expect(xml.match(/<testsuite /g)).toHaveLength(3);
    expect(xml.match(/<testcase /g)).toHaveLength(rs.reduce((n, r) => n + r.checks.length, 0));
    const failing = rs[1]!.checks.filter((c) => c.status === 'fail' || c.status === 'indeterminate').length;
    expect(xml).toContain(`failures="${failing}"`);
    expect(xml).toContain('<failure type="fail" message="The credential carries no signature or seal">');
    expect(xml).toMatch(/<error type="input" message="memory.json is not valid JSON/);
  });

  test('credential-controlled text is escaped', async () => {
    const xml = render(junitReporter(), await results());
    expect(xml).not.toContain('<script>');
    expect(xml).toContain('evil&lt;script&gt;&amp;&quot;&#39;.json#2');
  });
});

describe('SARIF 2.1.0', () => {
  test('every finding is a result whose rule is in the driver, with levels mapped and pointers as logical locations', async () => {
    const rs = await results();
    const sarif = JSON.parse(render(sarifReporter(), rs)) as {
      version: string;
      runs: { tool: { driver: { rules: { id: string }[] } }; results: Record<string, any>[] }[];
    };
    expect(sarif.version).toBe('2.1.0');
    const run = sarif.runs[0]!;
    expect(run.tool.driver.rules.map((r) => r.id).sort()).toEqual(Object.keys(FINDINGS).sort());
    expect(run.results).toHaveLength(rs.reduce((n, r) => n + r.findings.length, 0));
    const missing = run.results.find((r) => r.ruleId === 'SIGNATURE_MISSING')!;
    expect(missing.level).toBe('error');
    expect(missing.locations[0].physicalLocation.artifactLocation.uri).toBe("evil%3Cscript%3E%26%22'.json");
    expect(missing.properties.item).toBe('evil<script>&"\'.json#2');
    const info = run.results.find((r) => r.ruleId === 'ELEMENT_OPTIONAL_MISSING')!;
    expect(info.level).toBe('note');
    const pointed = run.results.find((r) => r.properties.pointer);
    expect(pointed?.locations[0].logicalLocations[0].fullyQualifiedName).toBe(
      pointed?.properties.pointer || '/',
    );
  });

  test('no findings at all is still a valid document', () => {
    const sarif = JSON.parse(render(sarifReporter(), [])) as { runs: { results: unknown[] }[] };
    expect(sarif.runs[0]!.results).toEqual([]);
  });
});
