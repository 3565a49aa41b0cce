// Shared helpers of the seal tests: paths, the fixture PKI, check contexts, and ../shared handling.
import { describe, expect, test } from '@jest/globals';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SuiteOutcome } from '../../../src/checks/signature/types.js';
import type { CheckContext } from '../../../src/checks/types.js';
import type { JsonObject } from '../../../src/formats/types.js';
import { certificateToPem, loadTestPki, type TestPki } from '../../../src/issue/pki.js';
import type { EnvelopeInfo } from '../../../src/model/results.js';
import { defaultRunOptions, type RunOptions } from '../../../src/run/options.js';
import type * as pkijs from 'pkijs';

export const REPO_ROOT = path.resolve(fileURLToPath(new URL('../../..', import.meta.url)));
export const PKI_DIR = path.join(REPO_ROOT, 'fixtures', 'pki');
export const JADES_DIR = path.join(REPO_ROOT, 'fixtures', 'jades');
export const ROOT_ANCHOR = path.join(PKI_DIR, 'root-ca.pem');
export const WRONG_ANCHOR = path.join(PKI_DIR, 'wrong-root-ca.pem');
/** The read-only reference folder, read in place through the relative path ../shared. */
export const SHARED = path.resolve(REPO_ROOT, '../shared');
export const EDC_SAMPLES = path.join(SHARED, 'samples', 'real', 'edc');

/** A verification time after the fixtures' sigT (2025-01-15T10:00:00Z). */
export const AT = new Date('2026-01-01T00:00:00Z');

let pki: Promise<TestPki> | undefined;
export function fixturePki(): Promise<TestPki> {
  pki ??= loadTestPki(PKI_DIR);
  return pki;
}

export async function readJson(file: string): Promise<JsonObject> {
  return JSON.parse(await readFile(file, 'utf8')) as JsonObject;
}

export function fixtureCredential(): Promise<JsonObject> {
  return readJson(path.join(JADES_DIR, 'credential.json'));
}

function context(
  container: JsonObject,
  document: JsonObject,
  envelope: EnvelopeInfo,
  options: Partial<RunOptions>,
): CheckContext {
  return {
    file: 'test.json',
    document,
    container,
    envelope,
    adapted: { format: 'edc', elements: {} as CheckContext['adapted']['elements'], findings: [] },
    options: defaultRunOptions({ at: AT, ...options }),
  };
}

/** The check context the input layer builds for a JAdES envelope. */
export function jadesContext(envelope: JsonObject, options: Partial<RunOptions> = {}): CheckContext {
  const document = JSON.parse(envelope.payload as string) as JsonObject;
  return context(envelope, document, { type: 'jades', pointer: '/payload' }, options);
}

/** The check context the input layer builds for a VC-JWT. */
export function jwtContext(
  jwt: string,
  document: JsonObject,
  options: Partial<RunOptions> = {},
): CheckContext {
  return context({ jwt }, document, { type: 'jwt', pointer: '' }, options);
}

export function codes(outcome: SuiteOutcome, part: 'signature' | 'issuer'): string[] {
  return outcome[part].findings.map((f) => f.code);
}

/** Writes certificates to a temporary PEM file (for trust anchors taken from a sample). */
export function writeAnchors(certificates: pkijs.Certificate[]): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'mcred-anchors-'));
  const file = path.join(dir, 'anchors.pem');
  writeFileSync(file, certificates.map(certificateToPem).join(''));
  return file;
}

export function hasShared(): boolean {
  return existsSync(EDC_SAMPLES);
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
    process.stdout.write('seal: ../shared not found; the tests on the real JAdES samples are not run\n');
  }
  describe(name, () => {
    test('../shared is absent', () => {
      expect(hasShared()).toBe(false);
    });
  });
}
