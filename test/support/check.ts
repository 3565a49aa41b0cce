// Runs one in-memory document through the real pipeline (input → adapter → checks).
import { parseInputBytes } from '../../src/input/read.js';
import type { CredentialResult, Finding } from '../../src/model/results.js';
import { defaultRunOptions, type RunOptions } from '../../src/run/options.js';
import { checkItem } from '../../src/run/pipeline.js';

export async function checkDocument(
  document: unknown,
  overrides: Partial<RunOptions> = {},
): Promise<CredentialResult> {
  const bytes = Buffer.from(typeof document === 'string' ? document : JSON.stringify(document));
  const [item] = parseInputBytes('memory.json', bytes, { maxBytes: 10_000_000, maxDepth: 64 });
  return checkItem(item!, defaultRunOptions(overrides));
}

export function findingsOf(result: CredentialResult, check?: string): Finding[] {
  return result.findings.filter((f) => check === undefined || f.check === check);
}

export function codesOf(result: CredentialResult, check?: string): string[] {
  return findingsOf(result, check).map((f) => f.code);
}

export function statusOf(result: CredentialResult, check: string): string | undefined {
  return result.checks.find((c) => c.id === check)?.status;
}

/** A small unsigned Open Badges 3.0 (VC 2.0) micro-credential to vary in tests. */
export function ob3Credential(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    '@context': [
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
    ],
    id: 'urn:uuid:7f1d4a32-1b0e-4a51-9d5a-2b7d0d0c0001',
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: {
      id: 'did:example:issuer',
      type: ['Profile'],
      name: 'Universiteit van Voorbeeld',
      address: { type: ['Address'], addressCountryCode: 'NL' },
    },
    validFrom: '2024-06-01T10:00:00Z',
    credentialSubject: {
      id: 'did:example:learner',
      type: ['AchievementSubject'],
      achievement: {
        id: 'urn:example:achievement:1',
        type: ['Achievement'],
        name: 'Data Stewardship',
        description: 'Manage research data.',
        criteria: { narrative: 'Pass the final assignment.' },
      },
    },
    ...overrides,
  };
}
