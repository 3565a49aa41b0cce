// The JSON report (schemas/report.schema.json), written as a stream: one JSON document in all.
import { REPORT_SCHEMA_VERSION } from '../../model/results.js';
import type { StreamingReporter } from './types.js';

export function jsonReporter(): StreamingReporter {
  return {
    header: ({ tool, run }) =>
      `{"schemaVersion":${JSON.stringify(REPORT_SCHEMA_VERSION)},"tool":${JSON.stringify(tool)},"run":${JSON.stringify(run)},"results":[\n`,
    result: (result, index) => `${index === 0 ? '' : ',\n'}${JSON.stringify(result)}`,
    footer: (summary) => `\n],"summary":${JSON.stringify(summary)}}\n`,
  };
}
