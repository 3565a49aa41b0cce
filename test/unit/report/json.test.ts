// The streaming JSON reporter: header + results + footer concatenate to one JSON document that
// matches schemas/report.schema.json, whatever the number of results.
import { describe, expect, test } from '@jest/globals';
import { finding } from '../../../src/findings/index.js';
import { emptyElements } from '../../../src/model/elements.js';
import {
  REPORT_SCHEMA_VERSION,
  type CredentialResult,
  type Report,
  type RunInfo,
  type Verdict,
} from '../../../src/model/results.js';
import { validatorFor } from '../../../src/model/schemas.js';
import { TOOL } from '../../../src/model/tool.js';
import { jsonReporter } from '../../../src/report/reporters/json.js';
import { SummaryBuilder } from '../../../src/report/summary.js';

const RUN: RunInfo = {
  startedAt: '2025-01-31T12:00:00.000Z',
  command: 'check',
  options: { paths: ['in'], format: 'json' },
};

function result(file: string, verdict: Verdict = 'pass'): CredentialResult {
  return {
    file,
    sha256: 'a'.repeat(64),
    format: verdict === 'error' ? 'unknown' : 'annex',
    verdict,
    completeness: 'incomplete',
    elements: emptyElements(),
    checks: [{ id: 'input', status: verdict === 'error' ? 'fail' : 'pass' }],
    findings: verdict === 'error' ? [finding('INPUT_EMPTY', { message: `${file} is empty` })] : [],
  };
}

/** Runs the reporter over `results` the way the CLI does and returns the concatenated text. */
function render(results: CredentialResult[]): string {
  const reporter = jsonReporter();
  const summary = new SummaryBuilder();
  let text = reporter.header({ tool: TOOL, run: RUN });
  results.forEach((r, i) => {
    summary.add(r);
    text += reporter.result(r, i);
  });
  return text + reporter.footer(summary.finish());
}

describe('jsonReporter', () => {
  test.each([0, 1, 3])('%i results concatenate to one valid report', (count) => {
    const results = Array.from({ length: count }, (_, i) => result(`c${i}.json`, i === 1 ? 'error' : 'pass'));
    const text = render(results);
    const report = JSON.parse(text) as Report;
    const validate = validatorFor('report');
    expect({ valid: validate(report), errors: validate.errors ?? null }).toEqual({
      valid: true,
      errors: null,
    });
    expect(report.schemaVersion).toBe(REPORT_SCHEMA_VERSION);
    expect(report.tool).toEqual(TOOL);
    expect(report.run).toEqual(RUN);
    expect(report.results).toEqual(results);
    expect(report.results.map((r) => r.file)).toEqual(results.map((r) => r.file));
    expect(report.summary.total).toBe(count);
    expect(report.summary.exitCode).toBe(count >= 2 ? 1 : 0);
    // the summary is the last key, after the results
    expect(Object.keys(report)).toEqual(['schemaVersion', 'tool', 'run', 'results', 'summary']);
    expect(text.endsWith('}\n')).toBe(true);
  });

  test('each result is its own piece: the first without a separator, later ones after a comma', () => {
    const reporter = jsonReporter();
    const first = reporter.result(result('a.json'), 0);
    const second = reporter.result(result('b.json'), 1);
    expect(JSON.parse(first)).toEqual(result('a.json'));
    expect(second.startsWith(',\n')).toBe(true);
    expect(JSON.parse(second.slice(2))).toEqual(result('b.json'));
  });

  test('control characters and lone surrogates in names stay valid JSON', () => {
    const name = 'evil\u001b[31m\n\u2028\ud800.json';
    const report = JSON.parse(render([result(name, 'error')])) as Report;
    expect(report.results[0]!.file).toBe(name);
  });

  test('a report missing its summary does not validate (the schema is not vacuous)', () => {
    const report = JSON.parse(render([result('a.json')])) as Record<string, unknown>;
    delete report.summary;
    expect(validatorFor('report')(report)).toBe(false);
  });
});
