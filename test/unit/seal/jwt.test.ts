// VC-JWT: signing (src/issue/jwt.ts), decoding for the input layer, and the jwt suite.
import { describe, expect, test } from '@jest/globals';
import * as jose from 'jose';
import { jwtSuite } from '../../../src/checks/signature/jwt.js';
import { decodeVcJwt } from '../../../src/input/vc-jwt.js';
import type { JsonObject } from '../../../src/formats/types.js';
import { didJwkFromJwk, didKeyFromJwk, signVcJwt } from '../../../src/issue/jwt.js';
import { certificateDer } from '../../../src/resolve/x509.js';
import { checkDocument } from '../../support/check.js';
import { codes, fixturePki, jwtContext, ROOT_ANCHOR } from './helpers.js';

const AT = new Date('2025-06-01T00:00:00Z');
const VC_V1 = 'https://www.w3.org/2018/credentials/v1';
const VC_V2 = 'https://www.w3.org/ns/credentials/v2';

async function ed25519(): Promise<jose.JWK> {
  const { privateKey } = await jose.generateKeyPair('EdDSA', { extractable: true });
  return jose.exportJWK(privateKey);
}

function credentialV1(issuer: string, extra: JsonObject = {}): JsonObject {
  return {
    '@context': [VC_V1],
    id: 'urn:uuid:6a1f0c3e-0000-4000-8000-000000000001',
    type: ['VerifiableCredential'],
    issuer: { id: issuer, name: 'Example College' },
    issuanceDate: '2025-01-15T10:00:00Z',
    expirationDate: '2030-01-15T10:00:00Z',
    credentialSubject: { id: 'did:example:learner', name: 'Alex Example' },
    ...extra,
  };
}

function credentialV2(issuer: string, extra: JsonObject = {}): JsonObject {
  return {
    '@context': [VC_V2],
    id: 'urn:uuid:6a1f0c3e-0000-4000-8000-000000000002',
    type: ['VerifiableCredential'],
    issuer,
    validFrom: '2025-01-15T10:00:00Z',
    validUntil: '2030-01-15T10:00:00Z',
    credentialSubject: { id: 'did:example:learner' },
    ...extra,
  };
}

async function verifyJwt(jwt: string, options: Parameters<typeof jwtContext>[2] = {}) {
  const decoded = decodeVcJwt(jwt);
  if (!decoded.ok) throw new Error(`test setup: ${decoded.reason}`);
  return jwtSuite.verify(jwtContext(jwt, decoded.document, { at: AT, ...options }));
}

/** Replaces the payload of a compact JWS, keeping header and signature. */
function withPayload(jwt: string, edit: (payload: JsonObject) => void): string {
  const [h, p, s] = jwt.split('.');
  const payload = JSON.parse(Buffer.from(p!, 'base64url').toString()) as JsonObject;
  edit(payload);
  return `${h}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${s}`;
}

describe('decodeVcJwt', () => {
  test('VC 1.1: the vc claim, with JWT claims restored where missing', async () => {
    const key = await ed25519();
    const did = await didKeyFromJwk(key);
    const credential = credentialV1(did);
    delete credential.expirationDate;
    const jwt = await signVcJwt(credential, key, { vcVersion: '1.1', claims: { exp: 1893456000 } });
    const decoded = decodeVcJwt(`  ${jwt}\n`);
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(decoded).toMatchObject({ vcVersion: '1.1', form: 'vc-claim', restored: ['expirationDate'] });
    expect(decoded.header).toEqual({ alg: 'EdDSA', typ: 'JWT', kid: `${did}#${did.slice(8)}` });
    expect(decoded.payload).toMatchObject({ iss: did, sub: 'did:example:learner', nbf: 1736935200 });
    expect(decoded.document.expirationDate).toBe('2030-01-01T00:00:00.000Z');
    expect(decoded.document.issuer).toEqual({ id: did, name: 'Example College' });
  });

  test('VC 2.0: the payload is the credential; JWT claims are removed', async () => {
    const key = await ed25519();
    const did = didJwkFromJwk(key);
    const jwt = await signVcJwt(credentialV2(did), key, { vcVersion: '2.0' });
    const decoded = decodeVcJwt(jwt);
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(decoded).toMatchObject({ vcVersion: '2.0', form: 'payload', restored: [] });
    expect(decoded.header).toMatchObject({ alg: 'EdDSA', typ: 'vc+jwt', cty: 'vc', kid: `${did}#0` });
    expect(decoded.document).toEqual(credentialV2(did));
    expect(decoded.payload).toMatchObject({ iss: did, nbf: 1736935200, exp: 1894701600 });
  });

  test('refuses what is not a VC-JWT', () => {
    expect(decodeVcJwt('abc')).toEqual({ ok: false, reason: 'not a compact JWS (three base64url parts)' });
    const notJson = `${Buffer.from('{"alg":"EdDSA"}').toString('base64url')}.${Buffer.from('hello').toString('base64url')}.sig`;
    expect(decodeVcJwt(notJson).ok).toBe(false);
    const noVc = `${Buffer.from('{"alg":"EdDSA"}').toString('base64url')}.${Buffer.from('{"iss":"x"}').toString('base64url')}.sig`;
    expect(decodeVcJwt(noVc)).toEqual({
      ok: false,
      reason: 'the payload has no `vc` claim and is not a credential',
    });
  });
});

describe('the jwt suite', () => {
  test('applies to JWT envelopes only', async () => {
    const context = jwtContext('a.b.c', {});
    expect(jwtSuite.applies(context)).toBe(true);
    expect(jwtSuite.applies({ ...context, envelope: { type: 'jades', pointer: '/payload' } })).toBe(false);
  });

  test('round trip VC 1.1 with a did:key (Ed25519) issuer object', async () => {
    const key = await ed25519();
    const did = await didKeyFromJwk(key);
    const outcome = await verifyJwt(await signVcJwt(credentialV1(did), key, { vcVersion: '1.1' }));
    expect(outcome.suite).toBe('jwt');
    expect(outcome.proofs).toEqual([
      { suite: 'jwt', type: 'EdDSA', verified: true, verificationMethod: `${did}#${did.slice(8)}` },
    ]);
    expect(outcome.signature.status).toBe('pass');
    expect(outcome.signature.findings).toEqual([]);
    expect(outcome.signature.details).toMatchObject({
      alg: 'EdDSA',
      form: 'vc-claim',
      vcVersion: '1.1',
      dates: {
        nbf: { claim: '2025-01-15T10:00:00.000Z', issuanceDate: '2025-01-15T10:00:00Z' },
        exp: { claim: '2030-01-15T10:00:00.000Z', expirationDate: '2030-01-15T10:00:00Z' },
      },
    });
    expect(outcome.issuer.status).toBe('pass');
    expect(outcome.issuer.findings).toEqual([]);
    expect(outcome.issuer.details).toMatchObject({ iss: did, issuer: did, keyDid: did });
  });

  test('round trip VC 2.0 (vc+jwt) with a did:jwk issuer string', async () => {
    const key = await ed25519();
    const did = didJwkFromJwk(key);
    const outcome = await verifyJwt(await signVcJwt(credentialV2(did), key, { vcVersion: '2.0' }));
    expect(outcome.proofs[0]).toMatchObject({
      type: 'EdDSA',
      verified: true,
      verificationMethod: `${did}#0`,
    });
    expect(outcome.signature.status).toBe('pass');
    expect(outcome.signature.details).toMatchObject({ form: 'payload', vcVersion: '2.0', typ: 'vc+jwt' });
    expect(outcome.issuer.status).toBe('pass');
  });

  test('a tampered payload fails the signature', async () => {
    const key = await ed25519();
    const did = await didKeyFromJwk(key);
    const jwt = await signVcJwt(credentialV1(did), key, { vcVersion: '1.1' });
    const tampered = withPayload(jwt, (p) => {
      ((p.vc as JsonObject).credentialSubject as JsonObject).name = 'Mallory';
    });
    const outcome = await verifyJwt(tampered);
    expect(outcome.signature.status).toBe('fail');
    expect(codes(outcome, 'signature')).toEqual(['JWT_SIGNATURE_INVALID']);
    expect(outcome.proofs[0]).toMatchObject({ verified: false, reason: 'signature mismatch' });
  });

  test('iss that is not the credential issuer fails the issuer check (B40)', async () => {
    const key = await ed25519();
    const did = await didKeyFromJwk(key);
    const jwt = await signVcJwt(credentialV1(did), key, {
      vcVersion: '1.1',
      claims: { iss: 'did:example:other' },
    });
    const outcome = await verifyJwt(jwt);
    expect(outcome.signature.status).toBe('pass');
    expect(outcome.issuer.status).toBe('fail');
    expect(codes(outcome, 'issuer')).toEqual(['JWT_ISS_MISMATCH']);
    expect(outcome.issuer.findings[0]).toMatchObject({
      check: 'issuer',
      severity: 'error',
      pointer: '/issuer/id',
    });
  });

  test('a key of another DID fails the issuer check', async () => {
    const issuerKey = await ed25519();
    const otherKey = await ed25519();
    const issuer = await didKeyFromJwk(issuerKey);
    const other = await didKeyFromJwk(otherKey);
    const jwt = await signVcJwt(credentialV1(issuer), otherKey, {
      vcVersion: '1.1',
      kid: `${other}#${other.slice(8)}`,
    });
    const outcome = await verifyJwt(jwt);
    expect(outcome.proofs[0]!.verified).toBe(true);
    expect(outcome.issuer.status).toBe('fail');
    expect(codes(outcome, 'issuer')).toEqual(['JWT_KID_NOT_ISSUER']);
  });

  test('nbf and exp that disagree with the credential dates conflict (B23)', async () => {
    const key = await ed25519();
    const did = await didKeyFromJwk(key);
    const jwt = await signVcJwt(credentialV1(did), key, {
      vcVersion: '1.1',
      claims: { nbf: 1700000000, exp: 1900000000 },
    });
    const outcome = await verifyJwt(jwt);
    expect(outcome.proofs[0]!.verified).toBe(true);
    expect(outcome.signature.status).toBe('fail');
    expect(codes(outcome, 'signature')).toEqual(['JWT_DATES_CONFLICT', 'JWT_DATES_CONFLICT']);
    expect(outcome.signature.findings.map((f) => f.pointer)).toEqual(['/issuanceDate', '/expirationDate']);
    expect(outcome.signature.findings[0]!.message).toContain('2023-11-14T22:13:20.000Z');
  });

  test('VC 2.0: nbf is compared with validFrom', async () => {
    const key = await ed25519();
    const did = didJwkFromJwk(key);
    const jwt = await signVcJwt(credentialV2(did), key, { vcVersion: '2.0', claims: { nbf: 1736935201 } });
    const outcome = await verifyJwt(jwt);
    expect(codes(outcome, 'signature')).toEqual(['JWT_DATES_CONFLICT']);
    expect(outcome.signature.findings[0]!.pointer).toBe('/validFrom');
  });

  test("nbf and exp are the dates check's: an expired but genuine JWT keeps its signature and is authentic", async () => {
    const key = await ed25519();
    const did = await didKeyFromJwk(key);
    const expired = await signVcJwt(credentialV1(did, { expirationDate: '2025-03-01T00:00:00Z' }), key, {
      vcVersion: '1.1',
    });
    expect((await verifyJwt(expired)).signature.status).toBe('pass');
    const r = await checkDocument(expired, { profile: 'authenticity', at: AT });
    expect(r.authenticity).toBe('authentic');
    // exp equals expirationDate: the credential's own date is judged, once.
    expect(r.findings.filter((f) => f.check === 'dates').map((f) => f.code)).toEqual(['DATE_EXPIRED']);
    const withinSkew = await checkDocument(expired, {
      profile: 'authenticity',
      at: new Date('2025-03-01T00:04:00Z'),
    });
    expect(withinSkew.checks.find((c) => c.id === 'dates')?.status).toBe('pass');
  });

  test('a VC 2.0 JWT whose exp / nbf have no credential date of their own: JWT_EXPIRED / JWT_NOT_YET_VALID (dates)', async () => {
    const key = await ed25519();
    const did = await didKeyFromJwk(key);
    const open = credentialV2(did, { validUntil: undefined });
    const expired = await signVcJwt(open, key, { vcVersion: '2.0', claims: { exp: 1740787200 } }); // 2025-03-01
    const r = await checkDocument(expired, { profile: 'authenticity', at: AT });
    expect(r.findings.filter((f) => f.check === 'dates').map((f) => f.code)).toEqual(['JWT_EXPIRED']);
    expect(r.checks.find((c) => c.id === 'signature')?.status).toBe('pass');

    const undated = credentialV2(did, { validFrom: undefined, validUntil: undefined });
    const early = await signVcJwt(undated, key, { vcVersion: '2.0', claims: { nbf: 1767225600 } }); // 2026-01-01
    const e = await checkDocument(early, { profile: 'authenticity', at: AT });
    expect(e.findings.filter((f) => f.check === 'dates').map((f) => f.code)).toContain('JWT_NOT_YET_VALID');
  });

  test('a VC 1.1 JWT without iss warns', async () => {
    const key = await ed25519();
    const did = await didKeyFromJwk(key);
    const jwt = await signVcJwt(credentialV1(did), key, { vcVersion: '1.1', claims: { iss: null } });
    const outcome = await verifyJwt(jwt);
    expect(outcome.signature.status).toBe('pass');
    expect(outcome.issuer.status).toBe('warn');
    expect(codes(outcome, 'issuer')).toEqual(['JWT_ISS_MISSING']);
  });

  test('a did:web issuer cannot be resolved offline: indeterminate', async () => {
    const key = await ed25519();
    const jwt = await signVcJwt(credentialV1('did:web:college.example'), key, {
      vcVersion: '1.1',
      kid: 'did:web:college.example#key-1',
    });
    const outcome = await verifyJwt(jwt);
    expect(outcome.signature.status).toBe('indeterminate');
    expect(codes(outcome, 'signature')).toEqual(['JWT_KEY_UNRESOLVED']);
    expect(outcome.proofs[0]).toMatchObject({ verified: null });
    expect(outcome.issuer.status).toBe('indeterminate');
  });

  test('alg none and unknown critical headers never pass', async () => {
    const did = 'did:example:issuer';
    const payload = Buffer.from(JSON.stringify({ iss: did, vc: credentialV1(did) })).toString('base64url');
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${payload}.`;
    const outcome = await verifyJwt(none);
    expect(outcome.signature.status).toBe('fail');
    expect(codes(outcome, 'signature')).toEqual(['JWS_ALG_NOT_ALLOWED']);

    const key = await ed25519();
    const keyDid = await didKeyFromJwk(key);
    const crit = await new jose.CompactSign(
      new TextEncoder().encode(JSON.stringify({ iss: keyDid, vc: credentialV1(keyDid) })),
    )
      .setProtectedHeader({ alg: 'EdDSA', kid: `${keyDid}#${keyDid.slice(8)}`, crit: ['exp'], exp: 1 })
      .sign(await jose.importJWK(key, 'EdDSA'), { crit: { exp: true } });
    const critOutcome = await verifyJwt(crit);
    expect(critOutcome.signature.status).toBe('fail');
    expect(codes(critOutcome, 'signature')).toEqual(['JWS_CRIT_UNSUPPORTED']);
    expect(critOutcome.proofs[0]).toMatchObject({ verified: false });
  });

  test('a malformed container fails', async () => {
    const outcome = await jwtSuite.verify(jwtContext('not-a-jwt', {}));
    expect(outcome.signature.status).toBe('fail');
    expect(codes(outcome, 'signature')).toEqual(['JWT_MALFORMED']);
    expect(outcome.issuer.status).toBe('indeterminate');
  });

  test('an x5c-signed JWT (RS256 e-seal) uses the chain and certificate-versus-issuer checks', async () => {
    const p = await fixturePki();
    const credential = credentialV2('urn:example:academy', {
      issuer: {
        id: 'urn:example:academy',
        name: 'Example Micro-Credential Academy B.V.',
        otherIdentifier: [
          { type: 'IdentifierEntry', identifierType: 'ext:eIDASIdentifier', identifier: 'VATNL-TEST0001' },
        ],
      },
    });
    const x5c = [p.esealRsa.certificate, p.intermediate.certificate].map((c) =>
      Buffer.from(certificateDer(c)).toString('base64'),
    );
    const jwt = await new jose.CompactSign(
      new TextEncoder().encode(
        JSON.stringify({ ...credential, iss: 'urn:example:academy', iat: 1736935200, nbf: 1736935200 }),
      ),
    )
      .setProtectedHeader({ alg: 'RS256', typ: 'vc+jwt', x5c })
      .sign(p.esealRsa.keys.privateKey);

    const anchored = await verifyJwt(jwt, { trustAnchors: ROOT_ANCHOR });
    expect(anchored.proofs[0]).toMatchObject({
      type: 'RS256',
      verified: true,
      created: '2025-01-15T10:00:00.000Z',
    });
    expect(anchored.signature.status).toBe('pass');
    expect(anchored.issuer.status).toBe('pass');
    expect(codes(anchored, 'issuer')).toEqual(['SEAL_REVOCATION_NOT_CHECKED']);
    expect(anchored.issuer.details).toMatchObject({
      validationTimeSource: 'iat',
      chain: { status: 'valid' },
    });

    const unanchored = await verifyJwt(jwt);
    expect(unanchored.issuer.status).toBe('indeterminate');
    expect(codes(unanchored, 'issuer')).toEqual(['CHAIN_NO_TRUST_ANCHORS']);
  });
});
