// The CI formats through the built CLI: exit codes as for every format, one document per run.
import { describe, expect, test } from '@jest/globals';
import { runCli } from '../support/cli.js';

describe('--format junit and --format sarif on the demo folder', () => {
  test('JUnit: one testsuite per credential (the array file gives two), exit 1 because some fail', () => {
    const run = runCli([
      'check',
      'fixtures/demo',
      '--format',
      'junit',
      '--trust-anchors',
      'fixtures/pki/root-ca.pem',
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    const suites = run.stdout.match(/<testsuite name="[^"]*"/g) ?? [];
    expect(suites).toHaveLength(15);
    expect(suites).toContain('<testsuite name="fixtures/demo/native-records-batch.json#1"');
    expect(run.stdout).toContain(
      '<failure type="fail" message="The signature does not match the credential">',
    );
  });

  test('SARIF: a result for every finding, with the rule catalogue, exit 0 with --exit-zero', () => {
    const json = runCli(['check', 'fixtures/demo', '--format', 'json', '--exit-zero']);
    const sarif = runCli(['check', 'fixtures/demo', '--format', 'sarif', '--exit-zero']);
    expect(sarif.code).toBe(0);
    const findings = (JSON.parse(json.stdout) as { summary: { findings: Record<string, number> } }).summary
      .findings;
    const total = findings.error! + findings.warning! + findings.info!;
    const doc = JSON.parse(sarif.stdout) as {
      runs: { results: { ruleId: string }[]; tool: { driver: { rules: unknown[] } } }[];
    };
    expect(doc.runs[0]!.results).toHaveLength(total);
    expect(doc.runs[0]!.results.map((r) => r.ruleId)).toContain('SIGNATURE_INVALID');
    expect(doc.runs[0]!.tool.driver.rules.length).toBeGreaterThan(100);
  });
});
