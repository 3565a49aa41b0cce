import type { CredentialResult, RunInfo, RunSummary, ToolInfo } from '../../model/results.js';

/**
 * A reporter turns the report into text, piece by piece, so a batch can stream:
 * the header first, each result as it is ready, the summary last. Pure functions: no I/O.
 */
export interface StreamingReporter {
  header(meta: { tool: ToolInfo; run: RunInfo }): string;
  result(result: CredentialResult, index: number): string;
  footer(summary: RunSummary): string;
}
