// The run summary, accumulated one result at a time (nothing else is kept in memory).
import type { CredentialResult, RunSummary } from '../model/results.js';

export class SummaryBuilder {
  private readonly summary: RunSummary = {
    total: 0,
    verdicts: { pass: 0, fail: 0, indeterminate: 0, error: 0 },
    complete: 0,
    incomplete: 0,
    findings: { error: 0, warning: 0, info: 0 },
    exitCode: 0,
    durationMs: 0,
  };
  private readonly started = Date.now();

  add(result: CredentialResult): void {
    const s = this.summary;
    s.total++;
    s.verdicts[result.verdict]++;
    if (result.completeness === 'complete') s.complete++;
    else s.incomplete++;
    for (const f of result.findings) s.findings[f.severity]++;
    if (result.verdict !== 'pass') s.exitCode = 1;
  }

  finish(): RunSummary {
    return { ...this.summary, durationMs: Date.now() - this.started };
  }
}
