// Key files, JWK export and signing (src/issue).
import { describe, expect, test } from '@jest/globals';
import { generateKey, keyToJwk, loadKey } from '../../../src/issue/keys.js';
import { signCredential } from '../../../src/issue/sign.js';
import { CREATED, ob3Credential, ob3CredentialV1, offlineLoader, testKey, verify } from './helpers.js';

describe('generateKey / loadKey / keyToJwk', () => {
  test('a generated key has the documented shape and loads back', async () => {
    const key = await generateKey();
    expect(key.type).toBe('Ed25519KeyPair');
    expect(key.publicKeyMultibase).toMatch(/^z6Mk[1-9A-HJ-NP-Za-km-z]+$/);
    expect(key.did).toBe(`did:key:${key.publicKeyMultibase}`);
    expect(key.id).toBe(`${key.did}#${key.publicKeyMultibase}`);
    expect(key.secretKeyMultibase).toMatch(/^z3u2[1-9A-HJ-NP-Za-km-z]+$/);
    expect(await loadKey(JSON.parse(JSON.stringify(key)))).toEqual({ key });
  });

  test('a seed makes the key deterministic', async () => {
    expect(await testKey(3)).toEqual(await testKey(3));
    expect((await testKey(3)).did).not.toBe((await testKey(4)).did);
  });

  test('loadKey refuses inconsistent or foreign key files', async () => {
    const a = await testKey(1);
    const b = await testKey(2);
    expect(await loadKey(null)).toEqual({ error: 'a key file is a JSON object' });
    expect(await loadKey({ ...a, type: 'X' })).toEqual({ error: 'type must be "Ed25519KeyPair"' });
    expect(await loadKey({ ...a, did: b.did })).toEqual({
      error: 'did is not the did:key of publicKeyMultibase',
    });
    expect(await loadKey({ ...a, id: `${a.did}#other` })).toEqual({
      error: 'id must be did#publicKeyMultibase',
    });
    expect(await loadKey({ ...a, secretKeyMultibase: b.secretKeyMultibase })).toEqual({
      error: 'the secret key does not belong to the public key',
    });
    const result = await loadKey({ ...a, secretKeyMultibase: 'not-multibase' });
    expect(result).toEqual({ error: expect.stringMatching(/^secretKeyMultibase: /) });
  });

  test('keyToJwk gives the OKP/Ed25519 JWK, private part only on request', async () => {
    const key = await testKey(7);
    const pub = await keyToJwk(key);
    expect(pub).toEqual({ kty: 'OKP', crv: 'Ed25519', x: expect.any(String), kid: key.id, alg: 'EdDSA' });
    expect(Buffer.from(pub.x, 'base64url').length).toBe(32);
    const priv = await keyToJwk(key, { includePrivate: true });
    expect(priv.d).toBe(Buffer.from(new Uint8Array(32).fill(7)).toString('base64url'));
    expect(priv.x).toBe(pub.x);
  });
});

describe('signCredential', () => {
  test('each suite signs VC 2.0 and VC 1.1 credentials that then verify', async () => {
    const key = await testKey(1);
    for (const suite of ['ed25519-2020', 'eddsa-rdfc-2022'] as const) {
      for (const make of [ob3Credential, ob3CredentialV1]) {
        const result = await signCredential(make(key.did), key, suite, {
          documentLoader: offlineLoader().documentLoader,
          created: CREATED,
        });
        if ('error' in result) throw new Error(result.error);
        const proof = result.credential.proof as Record<string, unknown>;
        expect(proof.verificationMethod).toBe(key.id);
        expect(proof.created).toBe(CREATED);
        expect(proof.proofPurpose).toBe('assertionMethod');
        expect(proof.type).toBe(suite === 'ed25519-2020' ? 'Ed25519Signature2020' : 'DataIntegrityProof');
        const outcome = await verify(result.credential);
        expect([suite, outcome.signature.status, outcome.issuer.status]).toEqual([suite, 'pass', 'pass']);
      }
    }
  });

  test('signing is deterministic with a fixed created, and does not modify its input', async () => {
    const key = await testKey(1);
    const input = ob3Credential(key.did);
    const before = JSON.stringify(input);
    const options = { documentLoader: offlineLoader().documentLoader, created: CREATED };
    const one = await signCredential(input, key, 'eddsa-rdfc-2022', options);
    const two = await signCredential(input, key, 'eddsa-rdfc-2022', options);
    expect(JSON.stringify(one)).toBe(JSON.stringify(two));
    expect(JSON.stringify(input)).toBe(before);
  });

  test('the issuer must be the key’s DID; nothing is invented', async () => {
    const key = await testKey(1);
    const other = await testKey(2);
    const options = { documentLoader: offlineLoader().documentLoader, created: CREATED };
    expect(await signCredential(ob3Credential(other.did), key, 'ed25519-2020', options)).toEqual({
      error: `the issuer ("${other.did}") must be the key's DID ${key.did}`,
    });
    const noIssuer = ob3Credential(key.did);
    delete noIssuer.issuer;
    expect(await signCredential(noIssuer, key, 'ed25519-2020', options)).toEqual({
      error: `the issuer (null) must be the key's DID ${key.did}`,
    });
    const v1 = ob3CredentialV1(key.did);
    delete v1.issuanceDate;
    expect(await signCredential(v1, key, 'ed25519-2020', options)).toEqual({
      error: 'a VC 1.1 credential needs issuanceDate',
    });
    expect(
      await signCredential(ob3Credential(key.did), key, 'ed25519-2020', { ...options, created: 'soon' }),
    ).toEqual({
      error: 'created is not a date: soon',
    });
  });

  test('an undefined term is refused at signing (safe mode), not silently dropped', async () => {
    const key = await testKey(1);
    const credential = ob3Credential(key.did);
    (credential.credentialSubject as Record<string, unknown>).favouriteColour = 'green';
    const result = await signCredential(credential, key, 'eddsa-rdfc-2022', {
      documentLoader: offlineLoader().documentLoader,
    });
    expect(result).toEqual({ error: 'Safe mode validation error.' });
  });
});
