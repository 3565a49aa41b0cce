// The JAdES suite on the fixture seals (fixtures/jades, fixtures/pki) and on seals made here.
import { describe, expect, test } from '@jest/globals';
import path from 'node:path';
import { jadesSuite } from '../../../src/checks/signature/jades.js';
import { findingDefinition } from '../../../src/findings/index.js';
import type { JsonObject } from '../../../src/formats/types.js';
import {
  sealJades,
  testTimestampAuthority,
  TEST_SIGNING_TIME,
  type JadesSealOptions,
} from '../../../src/issue/pki.js';
import {
  codes,
  fixtureCredential,
  fixturePki,
  jadesContext,
  JADES_DIR,
  readJson,
  ROOT_ANCHOR,
  WRONG_ANCHOR,
} from './helpers.js';

const fixture = (name: string): Promise<JsonObject> => readJson(path.join(JADES_DIR, name));

async function seal(credential: unknown, overrides: Partial<JadesSealOptions> = {}): Promise<JsonObject> {
  const p = await fixturePki();
  return (await sealJades(credential, {
    alg: 'RS256',
    certificateChain: [p.esealRsa.certificate, p.intermediate.certificate],
    privateKey: p.esealRsa.keys.privateKey,
    signingTime: TEST_SIGNING_TIME,
    ...overrides,
  })) as unknown as JsonObject;
}

describe('the JAdES suite applies to JAdES envelopes only', () => {
  test('applies', async () => {
    const envelope = await fixture('sealed-rs256.json');
    expect(jadesSuite.applies(jadesContext(envelope))).toBe(true);
    expect(jadesSuite.applies({ ...jadesContext(envelope), envelope: { type: 'jwt', pointer: '' } })).toBe(
      false,
    );
  });
});

describe('fixture seals with the right trust anchor', () => {
  test('RS256 with adoTst and sigTst: signature pass, chain valid, issuer pass', async () => {
    const outcome = await jadesSuite.verify(
      jadesContext(await fixture('sealed-rs256.json'), { trustAnchors: ROOT_ANCHOR }),
    );
    expect(outcome.suite).toBe('jades');
    expect(outcome.proofs).toEqual([
      {
        suite: 'jades',
        type: 'RS256',
        verified: true,
        created: '2025-01-15T10:00:00Z',
        verificationMethod:
          'C=NL, O=Example Micro-Credential Academy B.V., organizationIdentifier=VATNL-TEST0001, CN=Example Micro-Credential Academy e-Seal',
      },
    ]);
    expect(outcome.signature.status).toBe('pass');
    expect(codes(outcome, 'signature')).toEqual([
      'SEAL_TIME_CLAIMED',
      'SEAL_TIMESTAMP_VERIFIED',
      'SEAL_TIMESTAMP_VERIFIED',
    ]);
    expect(outcome.signature.findings.every((f) => f.check === 'signature' && f.severity === 'info')).toBe(
      true,
    );
    expect(outcome.signature.details?.claimedSigningTime).toBe('2025-01-15T10:00:00Z');
    const sig = (outcome.signature.details?.signatures as JsonObject[])[0]!;
    expect(sig.timestamps).toEqual([
      expect.objectContaining({
        kind: 'adoTst',
        status: 'valid',
        genTime: '2025-01-15T10:00:00.000Z',
        tsaTrusted: true,
      }),
      expect.objectContaining({
        kind: 'sigTst',
        status: 'valid',
        genTime: '2025-01-15T10:00:02.000Z',
        tsaTrusted: true,
      }),
    ]);

    expect(outcome.issuer.status).toBe('pass');
    expect(codes(outcome, 'issuer')).toEqual(['SEAL_REVOCATION_NOT_CHECKED']);
    expect(outcome.issuer.details?.chain).toMatchObject({ status: 'valid', trustAnchors: ROOT_ANCHOR });
    expect(outcome.issuer.details?.identity).toMatchObject({ identifier: 'match', name: 'match' });
    expect(outcome.issuer.details?.validationTimeSource).toBe('sigT');
  });

  test('ES256 with the intermediate only in etsiU xVals: pass', async () => {
    const outcome = await jadesSuite.verify(
      jadesContext(await fixture('sealed-es256.json'), { trustAnchors: ROOT_ANCHOR }),
    );
    expect(outcome.proofs[0]).toMatchObject({ type: 'ES256', verified: true });
    expect(outcome.signature.status).toBe('pass');
    expect(codes(outcome, 'signature')).toEqual(['SEAL_TIME_CLAIMED', 'SEAL_TIMESTAMP_VERIFIED']);
    expect(outcome.issuer.status).toBe('pass');
    expect(outcome.issuer.details?.chain).toMatchObject({ status: 'valid' });
  });

  test('the flattened JWS JSON serialisation verifies too', async () => {
    const envelope = await seal(await fixtureCredential(), { serialization: 'flattened' });
    expect(envelope.signatures).toBeUndefined();
    const outcome = await jadesSuite.verify(jadesContext(envelope, { trustAnchors: ROOT_ANCHOR }));
    expect(outcome.signature.status).toBe('pass');
    expect(outcome.issuer.status).toBe('pass');
    expect(outcome.proofs).toHaveLength(1);
  });
});

describe('chains that must fail or stay undecided', () => {
  test('no trust anchors: signature pass, issuer indeterminate', async () => {
    const outcome = await jadesSuite.verify(jadesContext(await fixture('sealed-rs256.json')));
    expect(outcome.signature.status).toBe('pass');
    expect(outcome.issuer.status).toBe('indeterminate');
    expect(codes(outcome, 'issuer')).toEqual(['CHAIN_NO_TRUST_ANCHORS']);
    expect(outcome.issuer.details?.chain).toEqual({ status: 'not-checked' });
  });

  test('a wrong (look-alike) anchor fails with CHAIN_UNTRUSTED', async () => {
    const outcome = await jadesSuite.verify(
      jadesContext(await fixture('sealed-rs256.json'), { trustAnchors: WRONG_ANCHOR }),
    );
    expect(outcome.signature.status).toBe('pass');
    expect(outcome.issuer.status).toBe('fail');
    expect(codes(outcome, 'issuer')).toEqual(['CHAIN_UNTRUSTED']);
  });

  test('a leaf expired at sigT fails with SEAL_CERT_NOT_VALID_AT_SIGNING_TIME (no duplicate chain finding)', async () => {
    const outcome = await jadesSuite.verify(
      jadesContext(await fixture('sealed-expired-cert.json'), { trustAnchors: ROOT_ANCHOR }),
    );
    expect(outcome.signature.status).toBe('pass');
    expect(outcome.issuer.status).toBe('fail');
    expect(codes(outcome, 'issuer')).toEqual(['SEAL_CERT_NOT_VALID_AT_SIGNING_TIME']);
    expect(outcome.issuer.details?.chain).toMatchObject({ status: 'expired' });
  });

  test('the expired leaf fails even without trust anchors', async () => {
    const outcome = await jadesSuite.verify(jadesContext(await fixture('sealed-expired-cert.json')));
    expect(outcome.issuer.status).toBe('fail');
    expect(codes(outcome, 'issuer')).toEqual([
      'SEAL_CERT_NOT_VALID_AT_SIGNING_TIME',
      'CHAIN_NO_TRUST_ANCHORS',
    ]);
  });

  test('a missing intermediate fails with CHAIN_INCOMPLETE', async () => {
    const outcome = await jadesSuite.verify(
      jadesContext(await fixture('sealed-leaf-only.json'), { trustAnchors: ROOT_ANCHOR }),
    );
    expect(outcome.signature.status).toBe('pass');
    expect(outcome.issuer.status).toBe('fail');
    expect(codes(outcome, 'issuer')).toEqual(['CHAIN_INCOMPLETE']);
  });

  test('an unreadable trust-anchor file is indeterminate', async () => {
    const outcome = await jadesSuite.verify(
      jadesContext(await fixture('sealed-rs256.json'), {
        trustAnchors: path.join(JADES_DIR, 'credential.json'),
      }),
    );
    expect(outcome.issuer.status).toBe('indeterminate');
    expect(codes(outcome, 'issuer')).toEqual(['CHAIN_TRUST_ANCHORS_UNREADABLE']);
  });
});

describe('tampering and unsupported headers', () => {
  test('a tampered payload fails the signature', async () => {
    const envelope = await fixture('sealed-rs256.json');
    envelope.payload = (envelope.payload as string).replace('"point":"3"', '"point":"30"');
    const outcome = await jadesSuite.verify(jadesContext(envelope, { trustAnchors: ROOT_ANCHOR }));
    expect(outcome.signature.status).toBe('fail');
    expect(outcome.proofs[0]).toMatchObject({ verified: false, reason: 'signature mismatch' });
    expect(codes(outcome, 'signature')).toContain('SEAL_SIGNATURE_INVALID');
    // The content timestamp covers the payload as well.
    expect(codes(outcome, 'signature')).toContain('SEAL_TIMESTAMP_INVALID');
  });

  test('a tampered protected header fails the signature', async () => {
    const envelope = await fixture('sealed-rs256.json');
    const sig = (envelope.signatures as JsonObject[])[0]!;
    const header = JSON.parse(Buffer.from(sig.protected as string, 'base64url').toString()) as JsonObject;
    header.sigT = '2025-01-01T00:00:00Z';
    sig.protected = Buffer.from(JSON.stringify(header)).toString('base64url');
    const outcome = await jadesSuite.verify(jadesContext(envelope));
    expect(outcome.signature.status).toBe('fail');
    expect(codes(outcome, 'signature')).toContain('SEAL_SIGNATURE_INVALID');
  });

  test('an unknown critical header fails', async () => {
    const envelope = await seal(await fixtureCredential(), {
      extraProtectedHeader: { sigD: { mId: 'http://uri.etsi.org/19182/ObjectIdByURI', pars: ['a'] } },
      extraCritical: ['sigD'],
    });
    const outcome = await jadesSuite.verify(jadesContext(envelope, { trustAnchors: ROOT_ANCHOR }));
    expect(outcome.signature.status).toBe('fail');
    expect(codes(outcome, 'signature')).toEqual(['JWS_CRIT_UNSUPPORTED', 'SEAL_TIME_CLAIMED']);
    expect(outcome.signature.findings[0]!.message).toContain('sigD');
    expect(outcome.proofs[0]).toMatchObject({ verified: false, reason: 'unsupported critical header' });
  });

  test('an x5t#S256 that does not match the certificate fails', async () => {
    const envelope = await seal(await fixtureCredential(), {
      extraProtectedHeader: { 'x5t#S256': Buffer.alloc(32, 7).toString('base64url') },
    });
    const outcome = await jadesSuite.verify(jadesContext(envelope));
    expect(outcome.signature.status).toBe('fail');
    expect(codes(outcome, 'signature')).toEqual(['SEAL_TIME_CLAIMED', 'SEAL_CERT_DIGEST_MISMATCH']);
    expect(outcome.proofs[0]!.verified).toBe(false);
  });

  test('a sigTst taken over other data is an invalid timestamp', async () => {
    const p = await fixturePki();
    const credential = await fixtureCredential();
    const good = await seal(credential, {
      signatureTimestamp: testTimestampAuthority(p, TEST_SIGNING_TIME, 0x6001),
    });
    const other = await seal(
      { ...credential, id: 'urn:other' },
      {
        signatureTimestamp: testTimestampAuthority(p, TEST_SIGNING_TIME, 0x6002),
      },
    );
    (good.signatures as JsonObject[])[0]!.header = (other.signatures as JsonObject[])[0]!.header;
    const outcome = await jadesSuite.verify(jadesContext(good));
    expect(outcome.proofs[0]!.verified).toBe(true);
    expect(outcome.signature.status).toBe('fail');
    expect(codes(outcome, 'signature')).toEqual(['SEAL_TIME_CLAIMED', 'SEAL_TIMESTAMP_INVALID']);
  });

  test('a timestamp that cannot be verified makes the signature indeterminate', async () => {
    const envelope = await seal(await fixtureCredential());
    const etsiU = [
      Buffer.from(JSON.stringify({ sigTst: { tstTokens: [{ val: 'AAAA' }] } })).toString('base64url'),
    ];
    (envelope.signatures as JsonObject[])[0]!.header = { etsiU };
    const outcome = await jadesSuite.verify(jadesContext(envelope));
    expect(outcome.proofs[0]!.verified).toBe(true);
    expect(outcome.signature.status).toBe('indeterminate');
    expect(codes(outcome, 'signature')).toEqual(['SEAL_TIME_CLAIMED', 'SEAL_TIMESTAMP_UNVERIFIED']);
  });

  test('sigT later than the signature timestamp is contradicted (warning)', async () => {
    const p = await fixturePki();
    const envelope = await seal(await fixtureCredential(), {
      signingTime: new Date('2025-01-15T12:00:00Z'),
      signatureTimestamp: testTimestampAuthority(p, new Date('2025-01-15T10:00:02Z'), 0x6003),
    });
    const outcome = await jadesSuite.verify(jadesContext(envelope));
    expect(outcome.signature.status).toBe('warn');
    expect(codes(outcome, 'signature')).toEqual([
      'SEAL_TIME_CLAIMED',
      'SEAL_TIMESTAMP_VERIFIED',
      'SEAL_TIME_CLAIM_CONTRADICTED',
    ]);
  });

  test('an unsupported algorithm is indeterminate, never a pass', async () => {
    const envelope = await fixture('sealed-rs256.json');
    const sig = (envelope.signatures as JsonObject[])[0]!;
    const header = JSON.parse(Buffer.from(sig.protected as string, 'base64url').toString()) as JsonObject;
    header.alg = 'ES256K';
    sig.protected = Buffer.from(JSON.stringify(header)).toString('base64url');
    const outcome = await jadesSuite.verify(jadesContext(envelope));
    expect(outcome.signature.status).toBe('indeterminate');
    expect(codes(outcome, 'signature')).toContain('JWS_ALG_UNSUPPORTED');
    expect(outcome.proofs[0]).toMatchObject({ type: 'ES256K', verified: null });
    // A shared-secret algorithm is not "unsupported": it is a forgery signal and fails.
    header.alg = 'HS256';
    sig.protected = Buffer.from(JSON.stringify(header)).toString('base64url');
    const hmac = await jadesSuite.verify(jadesContext(envelope));
    expect(hmac.signature.status).toBe('fail');
    expect(codes(hmac, 'signature')).toContain('JWS_ALG_NOT_ALLOWED');
  });

  test('an envelope without signatures fails; a broken protected header fails', async () => {
    const empty = await jadesSuite.verify(jadesContext({ payload: '{}', signatures: [] }));
    expect(empty.signature.status).toBe('fail');
    expect(codes(empty, 'signature')).toEqual(['SEAL_ENVELOPE_INVALID']);
    expect(empty.issuer.status).toBe('indeterminate');

    const broken = await jadesSuite.verify(
      jadesContext({ payload: '{}', signatures: [{ protected: '!!', signature: 'abc' }] }),
    );
    expect(broken.signature.status).toBe('fail');
    expect(codes(broken, 'signature')).toEqual(['SEAL_ENVELOPE_INVALID']);
    expect(broken.proofs[0]).toMatchObject({ verified: null });
  });

  test('more than 16 signatures: the first 16 are checked, the result is indeterminate', async () => {
    const envelope = await fixture('sealed-leaf-only.json');
    const one = (envelope.signatures as JsonObject[])[0]!;
    envelope.signatures = Array.from({ length: 17 }, () => one);
    const outcome = await jadesSuite.verify(jadesContext(envelope));
    expect(outcome.proofs).toHaveLength(16);
    expect(outcome.proofs.every((p) => p.verified === true)).toBe(true);
    expect(outcome.signature.status).toBe('indeterminate');
    expect(codes(outcome, 'signature')).toContain('JWS_NOT_PROCESSED');
    expect(outcome.signature.findings[0]!.message).toMatch(/^Signature 1: /);
  });

  test('without sigT the certificate is checked at --at', async () => {
    const envelope = await fixture('sealed-expired-cert.json');
    const sig = (envelope.signatures as JsonObject[])[0]!;
    const header = JSON.parse(Buffer.from(sig.protected as string, 'base64url').toString()) as JsonObject;
    delete header.sigT;
    header.crit = ['b64'];
    sig.protected = Buffer.from(JSON.stringify(header)).toString('base64url');
    const outcome = await jadesSuite.verify(jadesContext(envelope, { at: new Date('2024-06-01T00:00:00Z') }));
    expect(codes(outcome, 'signature')).toEqual(['SEAL_TIME_MISSING', 'SEAL_SIGNATURE_INVALID']);
    expect(outcome.issuer.details?.validationTimeSource).toBe('at');
    expect(codes(outcome, 'issuer')).toEqual(['CHAIN_NO_TRUST_ANCHORS']);
  });
});

describe('the seal certificate versus the credential issuer', () => {
  test('another organisation identifier fails with SEAL_ORG_ID_MISMATCH', async () => {
    const credential = await fixtureCredential();
    const issuer = credential.issuer as JsonObject;
    issuer.eIDASIdentifier = { ...(issuer.eIDASIdentifier as JsonObject), notation: 'VATNL-OTHER9999' };
    const outcome = await jadesSuite.verify(
      jadesContext(await seal(credential), { trustAnchors: ROOT_ANCHOR }),
    );
    expect(outcome.signature.status).toBe('pass');
    expect(outcome.issuer.status).toBe('fail');
    expect(codes(outcome, 'issuer')).toEqual(['SEAL_REVOCATION_NOT_CHECKED', 'SEAL_ORG_ID_MISMATCH']);
    expect(outcome.issuer.findings[1]).toMatchObject({
      check: 'issuer',
      severity: 'error',
      pointer: '/issuer',
    });
  });

  test('the bare identifier with a matching spatial country is accepted', async () => {
    const credential = await fixtureCredential();
    const issuer = credential.issuer as JsonObject;
    issuer.eIDASIdentifier = { ...(issuer.eIDASIdentifier as JsonObject), notation: 'TEST0001' };
    const outcome = await jadesSuite.verify(
      jadesContext(await seal(credential), { trustAnchors: ROOT_ANCHOR }),
    );
    expect(outcome.issuer.status).toBe('pass');
    expect(outcome.issuer.details?.identity).toMatchObject({ identifier: 'match' });
  });

  test('a different legal name is a warning', async () => {
    const credential = await fixtureCredential();
    (credential.issuer as JsonObject).legalName = { en: 'Another Academy B.V.' };
    const outcome = await jadesSuite.verify(
      jadesContext(await seal(credential), { trustAnchors: ROOT_ANCHOR }),
    );
    expect(outcome.issuer.status).toBe('warn');
    expect(codes(outcome, 'issuer')).toEqual(['SEAL_REVOCATION_NOT_CHECKED', 'SEAL_NAME_MISMATCH']);
  });

  test('no issuer identifier: name match → warn, no name match → indeterminate', async () => {
    const named = await fixtureCredential();
    delete (named.issuer as JsonObject).eIDASIdentifier;
    const warn = await jadesSuite.verify(jadesContext(await seal(named), { trustAnchors: ROOT_ANCHOR }));
    expect(warn.issuer.status).toBe('warn');
    expect(codes(warn, 'issuer')).toEqual(['SEAL_REVOCATION_NOT_CHECKED', 'SEAL_ORG_ID_MISSING']);

    const bare = await fixtureCredential();
    bare.issuer = 'did:web:academy.example';
    const undecided = await jadesSuite.verify(jadesContext(await seal(bare), { trustAnchors: ROOT_ANCHOR }));
    expect(undecided.issuer.status).toBe('indeterminate');
    expect(codes(undecided, 'issuer')).toEqual(['SEAL_REVOCATION_NOT_CHECKED', 'SEAL_ORG_ID_MISSING']);
  });
});

describe('finding catalogue', () => {
  test('the suite codes are registered with their checks', () => {
    expect(findingDefinition('SEAL_SIGNATURE_INVALID')).toMatchObject({
      check: 'signature',
      severity: 'error',
    });
    expect(findingDefinition('SEAL_TIME_CLAIMED')).toMatchObject({ check: 'signature', severity: 'info' });
    expect(findingDefinition('CHAIN_NO_TRUST_ANCHORS')).toMatchObject({
      check: 'issuer',
      severity: 'warning',
    });
    expect(findingDefinition('SEAL_ORG_ID_MISMATCH')).toMatchObject({ check: 'issuer', severity: 'error' });
    expect(findingDefinition('SEAL_NAME_MISMATCH')).toMatchObject({ check: 'issuer', severity: 'warning' });
  });

  test('a later verification time does not change a sealed result (validated at sigT)', async () => {
    const later = await jadesSuite.verify(
      jadesContext(await fixture('sealed-rs256.json'), {
        trustAnchors: ROOT_ANCHOR,
        at: new Date('2040-01-01T00:00:00Z'),
      }),
    );
    expect(later.signature.status).toBe('pass');
    expect(later.issuer.status).toBe('pass');
    expect(codes(later, 'issuer')).toEqual(['SEAL_CERT_EXPIRED_SINCE', 'SEAL_REVOCATION_NOT_CHECKED']);
  });
});
