// Shared helpers of the authenticity tests: where ../shared is, a credential check context, test keys,
// small credentials, and a loopback HTTP server.
import { describe, test, expect } from '@jest/globals';
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { dataIntegritySuite } from '../../../src/checks/signature/data-integrity.js';
import type { SuiteOutcome } from '../../../src/checks/signature/types.js';
import type { CheckContext } from '../../../src/checks/types.js';
import type { JsonObject } from '../../../src/formats/types.js';
import { generateKey, type KeyFile } from '../../../src/issue/keys.js';
import { signCredential, type LdSuiteName } from '../../../src/issue/sign.js';
import { createDocumentLoader } from '../../../src/resolve/contexts.js';
import { createDidResolver } from '../../../src/resolve/did.js';
import { defaultRunOptions, type RunOptions } from '../../../src/run/options.js';

export const REPO_ROOT = path.resolve(fileURLToPath(new URL('../../..', import.meta.url)));
/** The read-only reference folder, read in place through the relative path ../shared. */
export const SHARED = path.resolve(REPO_ROOT, '../shared');
export const OB3_SAMPLES = path.join(SHARED, 'samples', 'real', 'ob3');
export const DID_DIR = path.join(SHARED, 'samples', 'real', 'support', 'dids');
export const SHARED_CONTEXTS = path.join(SHARED, 'contexts');

export function hasShared(): boolean {
  return existsSync(OB3_SAMPLES) && existsSync(SHARED_CONTEXTS);
}

let noticePrinted = false;

/** describe() when ../shared is there; otherwise one console line and one test that says so. */
export function describeShared(name: string, fn: () => void): void {
  if (hasShared()) {
    describe(name, fn);
    return;
  }
  if (!noticePrinted) {
    noticePrinted = true;
    process.stdout.write('authenticity: ../shared not found; the tests on real samples are not run\n');
  }
  describe(name, () => {
    test('../shared is absent', () => {
      expect(hasShared()).toBe(false);
    });
  });
}

export const VC_V1 = 'https://www.w3.org/2018/credentials/v1';
export const VC_V2 = 'https://www.w3.org/ns/credentials/v2';
export const OB_303 = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
export const ED25519_CTX = 'https://w3id.org/security/suites/ed25519-2020/v1';
export const DI_V2_CTX = 'https://w3id.org/security/data-integrity/v2';

export function checkContext(document: JsonObject, options: Partial<RunOptions> = {}): CheckContext {
  return {
    file: 'test.json',
    document,
    container: document,
    adapted: { format: 'ob3', elements: {} as CheckContext['adapted']['elements'], findings: [] },
    options: defaultRunOptions({ at: new Date('2025-06-01T00:00:00Z'), ...options }),
  };
}

export async function verify(document: JsonObject, options: Partial<RunOptions> = {}): Promise<SuiteOutcome> {
  return dataIntegritySuite.verify(checkContext(document, options));
}

export function codes(outcome: SuiteOutcome, part: 'signature' | 'issuer'): string[] {
  return outcome[part].findings.map((f) => f.code);
}

/** Deterministic test keys: seed bytes all equal to `n`. */
export async function testKey(n: number): Promise<KeyFile> {
  return generateKey({ seed: new Uint8Array(32).fill(n) });
}

export const CREATED = '2025-01-15T10:00:00Z';

/** A small OB 3.0.3 AchievementCredential (VC 2.0), unsigned. */
export function ob3Credential(issuer: string, extraContexts: string[] = []): JsonObject {
  return {
    '@context': [VC_V2, OB_303, ...extraContexts],
    id: 'urn:uuid:0b1e5a2c-4b8e-4a5e-9a31-6a2f1e0c7d11',
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: 'Data Literacy micro-credential',
    issuer: { id: issuer, type: ['Profile'], name: 'Example University' },
    validFrom: '2025-01-15T10:00:00Z',
    credentialSubject: {
      id: 'did:example:learner-1',
      type: ['AchievementSubject'],
      identifier: [
        {
          type: 'IdentityObject',
          hashed: false,
          identityHash: 'learner@example.edu',
          identityType: 'emailAddress',
        },
      ],
      achievement: {
        id: 'https://example.edu/achievements/data-literacy',
        type: ['Achievement'],
        name: 'Data Literacy',
        description: 'Reads, cleans and charts tabular data.',
        criteria: { narrative: 'Passed the final assessment.' },
        creditsAvailable: 2,
      },
    },
  };
}

/** A VC 1.1 OB 3.0.3 credential, unsigned. */
export function ob3CredentialV1(issuer: string, extraContexts: string[] = []): JsonObject {
  const credential = ob3Credential(issuer, extraContexts);
  credential['@context'] = [VC_V1, OB_303, ...extraContexts];
  delete credential.validFrom;
  credential.issuanceDate = '2025-01-15T10:00:00Z';
  return credential;
}

export function offlineLoader(contextDirs: string[] = []) {
  return createDocumentLoader({
    contextDirs,
    online: false,
    didResolver: createDidResolver({ online: false }),
  });
}

export async function sign(credential: JsonObject, key: KeyFile, suite: LdSuiteName): Promise<JsonObject> {
  const result = await signCredential(credential, key, suite, {
    documentLoader: offlineLoader().documentLoader,
    created: CREATED,
  });
  if ('error' in result) throw new Error(`test setup: signing failed: ${result.error}`);
  return result.credential;
}

export interface Loopback {
  url: string;
  requests: string[];
  close(): Promise<void>;
}

/** An HTTP server on 127.0.0.1 (random port) answering with `handler`. */
export async function loopbackServer(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<Loopback> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(req.url ?? '');
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

/** base58btc (Bitcoin alphabet), for building key-encoding test inputs only. */
export function base58btc(bytes: Uint8Array): string {
  let value = 0n;
  for (const byte of bytes) value = value * 256n + BigInt(byte);
  let out = '';
  while (value > 0n) {
    out = BASE58[Number(value % 58n)] + out;
    value /= 58n;
  }
  for (const byte of bytes) {
    if (byte !== 0) break;
    out = `1${out}`;
  }
  return out;
}
