// The place, learner, status and signature-presence checks through the real pipeline.
import { describe, expect, test } from '@jest/globals';
import { runSignatureSuites } from '../../../src/checks/signature/index.js';
import type { CheckContext } from '../../../src/checks/types.js';
import { adapterFor } from '../../../src/formats/index.js';
import { defaultRunOptions } from '../../../src/run/options.js';
import { checkDocument, codesOf, findingsOf, ob3Credential, statusOf } from '../../support/check.js';

const AT = new Date('2025-01-01T00:00:00Z');
const verify = (doc: unknown) => checkDocument(doc, { profile: 'authenticity', at: AT });
const check = (doc: unknown) => checkDocument(doc, { profile: 'all', at: AT });

describe('place: the country of issuing can be checked', () => {
  test('an issuer country NL passes place and is listed in the details', async () => {
    const r = await verify(ob3Credential());
    expect(statusOf(r, 'place')).toBe('pass');
    expect(r.checks.find((c) => c.id === 'place')?.details).toMatchObject({ countries: ['NL'] });
  });

  test('no country at all: verify reports PLACE_NOT_VERIFIABLE; check leaves it to ELEMENT_MISSING', async () => {
    const doc = ob3Credential({
      issuer: { id: 'did:example:issuer', type: ['Profile'], name: 'No Address College' },
    });
    const verified = await verify(doc);
    expect(codesOf(verified, 'place')).toEqual(['PLACE_NOT_VERIFIABLE']);
    expect(statusOf(verified, 'place')).toBe('fail');
    const checked = await check(doc);
    expect(codesOf(checked, 'place')).toEqual([]);
    expect(statusOf(checked, 'place')).toBe('fail');
    expect(
      findingsOf(checked)
        .filter((f) => f.element === 'issuerCountry')
        .map((f) => f.code),
    ).toEqual(['ELEMENT_MISSING']);
  });

  test('only an invalid country (XX): one COUNTRY_INVALID under check, place still fails', async () => {
    const doc = ob3Credential({
      issuer: {
        id: 'did:example:issuer',
        type: ['Profile'],
        name: 'X',
        address: { type: ['Address'], addressCountryCode: 'XX' },
      },
    });
    const checked = await check(doc);
    expect(
      findingsOf(checked)
        .filter((f) => f.element === 'issuerCountry')
        .map((f) => f.code),
    ).toEqual(['COUNTRY_INVALID']);
    expect(statusOf(checked, 'place')).toBe('fail');
  });
});

describe('learner: the learner can be identified', () => {
  test('a subject id identifies the learner', async () => {
    const r = await verify(ob3Credential());
    expect(statusOf(r, 'learner')).toBe('pass');
    expect(codesOf(r, 'learner')).toEqual([]);
  });

  test('a name only is a warning: a name is often shared', async () => {
    const doc = ob3Credential();
    (doc.credentialSubject as Record<string, unknown>).id = undefined;
    (doc.credentialSubject as Record<string, unknown>).name = 'Alex Example';
    const r = await verify(doc);
    expect(codesOf(r, 'learner')).toEqual(['LEARNER_NAME_ONLY']);
    expect(statusOf(r, 'learner')).toBe('warn');
  });

  test('a hashed OB3 identifier is present but not readable', async () => {
    const doc = ob3Credential();
    const subject = doc.credentialSubject as Record<string, unknown>;
    delete subject.id;
    subject.identifier = [
      {
        type: 'IdentityObject',
        identityType: 'emailAddress',
        hashed: true,
        identityHash: 'sha256$0a1b2c',
        salt: 'pepper',
      },
    ];
    const r = await verify(doc);
    const f = findingsOf(r, 'learner');
    expect(f.map((x) => [x.code, x.pointer])).toEqual([
      ['LEARNER_ID_HASHED', '/credentialSubject/identifier/0/identityHash'],
    ]);
    expect(statusOf(r, 'learner')).toBe('pass');
  });

  test('no learner at all: verify reports LEARNER_NOT_IDENTIFIED; check leaves it to ELEMENT_MISSING', async () => {
    const doc = ob3Credential();
    const subject = doc.credentialSubject as Record<string, unknown>;
    delete subject.id;
    expect(codesOf(await verify(doc), 'learner')).toEqual(['LEARNER_NOT_IDENTIFIED']);
    const checked = await check(doc);
    expect(codesOf(checked, 'learner')).toEqual([]);
    expect(
      findingsOf(checked)
        .filter((f) => f.element === 'learner')
        .map((f) => f.code),
    ).toEqual(['ELEMENT_MISSING']);
  });
});

describe('status: credentialStatus is never treated as "not revoked"', () => {
  test('a BitstringStatusListEntry makes status indeterminate with STATUS_NOT_CHECKED', async () => {
    const r = await verify(
      ob3Credential({
        credentialStatus: {
          id: 'https://example.com/status/1#7',
          type: 'BitstringStatusListEntry',
          statusPurpose: 'revocation',
          statusListIndex: '7',
          statusListCredential: 'https://example.com/status/1',
        },
      }),
    );
    expect(findingsOf(r, 'status').map((f) => [f.code, f.pointer])).toEqual([
      ['STATUS_NOT_CHECKED', '/credentialStatus'],
    ]);
    expect(statusOf(r, 'status')).toBe('indeterminate');
    expect(r.verdict).not.toBe('pass');
  });

  test('no credentialStatus: the check does not apply and is not a failure (B43)', async () => {
    const r = await verify(ob3Credential());
    expect(statusOf(r, 'status')).toBe('skipped');
    expect(codesOf(r, 'status')).toEqual([]);
  });
});

describe('signature: presence, and the suites as plug-ins', () => {
  test('an unsigned credential is "unsigned" and fails with SIGNATURE_MISSING; the other checks still run', async () => {
    const r = await verify(ob3Credential());
    expect(codesOf(r, 'signature')).toEqual(['SIGNATURE_MISSING']);
    expect(r.authenticity).toBe('unsigned');
    expect(r.verdict).toBe('fail');
    expect(r.checks.map((c) => c.id)).toEqual(
      ['input', 'format', 'signature', 'issuer', 'dates', 'place', 'learner', 'status', 'principles'].filter(
        (id) => r.checks.some((c) => c.id === id),
      ),
    );
    expect(statusOf(r, 'dates')).toBe('pass');
  });

  test('a suite that throws becomes an indeterminate outcome with SUITE_CRASHED, never a pass', async () => {
    const document = ob3Credential({ proof: { type: 'Ed25519Signature2020' } });
    let reads = 0;
    // The first read (does the suite apply?) sees a proof; the verification's read throws.
    Object.defineProperty(document, 'proof', {
      enumerable: true,
      get() {
        reads++;
        if (reads > 1) throw new Error('boom');
        return { type: 'Ed25519Signature2020' };
      },
    });
    const context: CheckContext = {
      file: 'memory.json',
      document,
      container: document,
      adapted: adapterFor('ob3').adapt(document),
      options: defaultRunOptions({ profile: 'authenticity', at: AT }),
    };
    const outcomes = await runSignatureSuites(context);
    expect(
      outcomes.map((o) => [o.suite, o.signature.status, o.signature.findings.map((f) => f.code)]),
    ).toEqual([['data-integrity', 'indeterminate', ['SUITE_CRASHED']]]);
  });
});

describe('a check that never finishes', () => {
  test('is reported indeterminate with CHECK_TIMEOUT after the time limit, never passed', async () => {
    const { runCheck } = await import('../../../src/run/pipeline.js');
    const document = ob3Credential();
    const context: CheckContext = {
      file: 'memory.json',
      document,
      container: document,
      adapted: adapterFor('ob3').adapt(document),
      options: defaultRunOptions({ checkTimeoutMs: 50 }),
    };
    const hanging = { id: 'signature' as const, run: () => new Promise<never>(() => undefined) };
    const result = await runCheck(hanging, context);
    expect(result.status).toBe('indeterminate');
    expect(result.findings.map((f) => [f.code, f.check])).toEqual([['CHECK_TIMEOUT', 'signature']]);
  });
});
