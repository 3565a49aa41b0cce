// SARIF 2.1.0 for code-scanning UIs: every finding-code is a rule, every finding a result located
// at its file, with the JSON pointer as a logical location.
import { FINDINGS } from '../../findings/index.js';
import type { CredentialResult, Severity } from '../../model/results.js';
import type { StreamingReporter } from './types.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
};

/** SARIF wants a URI: a relative path with forward slashes; the array index of a file#i item goes to properties. */
function artifactUri(file: string): string {
  const path = file.replace(/#\d+$/, '').replace(/\\/g, '/');
  return path
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

export function sarifReporter(): StreamingReporter {
  let emitted = 0;
  return {
    header({ tool, run }) {
      const rules = Object.entries(FINDINGS).map(([code, def]) => ({
        id: code,
        name: code,
        shortDescription: { text: def.title },
        fullDescription: { text: def.description },
        help: { text: def.hint },
        defaultConfiguration: { level: LEVEL[def.severity] },
        properties: { check: def.check },
      }));
      const driver = {
        name: 'mcred',
        version: tool.version,
        informationUri: 'https://github.com/mcred/mcred',
        rules,
      };
      const invocation = { executionSuccessful: true, startTimeUtc: run.startedAt, arguments: [run.command] };
      return `{"$schema":"https://json.schemastore.org/sarif-2.1.0.json","version":"2.1.0","runs":[{"tool":{"driver":${JSON.stringify(driver)}},"invocations":[${JSON.stringify(invocation)}],"results":[\n`;
    },
    result(result: CredentialResult) {
      const out: string[] = [];
      for (const f of result.findings) {
        const location: Record<string, unknown> = {
          physicalLocation: { artifactLocation: { uri: artifactUri(result.file) } },
        };
        if (f.pointer !== undefined)
          location.logicalLocations = [{ fullyQualifiedName: f.pointer || '/', kind: 'member' }];
        const sarif = {
          ruleId: f.code,
          level: LEVEL[f.severity],
          message: { text: f.message },
          locations: [location],
          properties: {
            item: result.file,
            check: f.check,
            verdict: result.verdict,
            ...(f.element ? { element: f.element } : {}),
            ...(f.pointer !== undefined ? { pointer: f.pointer } : {}),
          },
        };
        out.push(`${emitted++ === 0 ? '' : ',\n'}${JSON.stringify(sarif)}`);
      }
      return out.join('');
    },
    footer: () => '\n]}]}\n',
  };
}
