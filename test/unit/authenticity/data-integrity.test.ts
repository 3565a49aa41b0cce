// The data integrity suite on credentials made in the test: each field-report mechanism (B03, B05, B06,
// B07, B08, B12, B26, B27, B40, B43) and each finding code, with concrete statuses.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { issue } from '@digitalbazaar/vc';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { Ed25519Signature2020 } from '@digitalbazaar/ed25519-signature-2020';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { dataIntegritySuite } from '../../../src/checks/signature/data-integrity.js';
import { FINDINGS } from '../../../src/findings/index.js';
import type { JsonObject } from '../../../src/formats/types.js';
import { keyToJwk, type KeyFile } from '../../../src/issue/keys.js';
import { clearContextDirCache, createDocumentLoader } from '../../../src/resolve/contexts.js';
import { clearDidDirCache, createDidResolver } from '../../../src/resolve/did.js';
import {
  checkContext,
  codes,
  CREATED,
  DI_V2_CTX,
  ED25519_CTX,
  OB_303,
  ob3Credential,
  ob3CredentialV1,
  offlineLoader,
  sign,
  testKey,
  VC_V1,
  VC_V2,
  verify,
} from './helpers.js';

let key: KeyFile;
let other: KeyFile;
beforeAll(async () => {
  key = await testKey(1);
  other = await testKey(2);
});

/** Signs with any verification method id (vc.issue directly): for did:web / did:jwk / foreign-key cases. */
async function signAs(
  credential: JsonObject,
  k: KeyFile,
  vmId: string,
  suite: 'ed25519-2020' | 'eddsa-rdfc-2022',
  proofExtras: Record<string, unknown> = {},
  contextDirs: string[] = [],
): Promise<JsonObject> {
  const pair = await Ed25519Multikey.from({
    '@context': 'https://w3id.org/security/multikey/v1',
    type: 'Multikey',
    id: vmId,
    controller: vmId.split('#')[0],
    publicKeyMultibase: k.publicKeyMultibase,
    secretKeyMultibase: k.secretKeyMultibase,
  });
  const signer = pair.signer();
  const date = proofExtras.created === undefined ? CREATED : undefined;
  const ldSuite =
    suite === 'ed25519-2020'
      ? new Ed25519Signature2020({ signer, date })
      : new DataIntegrityProof({ signer, date, cryptosuite: eddsaRdfc2022 });
  if (Object.keys(proofExtras).length > 0) ldSuite.proof = proofExtras;
  const loader = createDocumentLoader({
    contextDirs,
    online: false,
    didResolver: createDidResolver({ online: false }),
  });
  return (await issue({
    credential: structuredClone(credential),
    suite: ldSuite,
    documentLoader: loader.documentLoader,
  })) as JsonObject;
}

function subject(document: JsonObject): JsonObject {
  return document.credentialSubject as JsonObject;
}

function proofOf(document: JsonObject): JsonObject {
  return document.proof as JsonObject;
}

describe('signed credentials verify; every proof and context is reported', () => {
  test.each([
    ['ed25519-2020', 'v2'],
    ['ed25519-2020', 'v1'],
    ['eddsa-rdfc-2022', 'v2'],
    ['eddsa-rdfc-2022', 'v1'],
  ] as const)('%s on VC %s', async (suite, version) => {
    const signed = await sign(
      version === 'v2' ? ob3Credential(key.did) : ob3CredentialV1(key.did),
      key,
      suite,
    );
    const outcome = await verify(signed);
    expect(outcome.signature.status).toBe('pass');
    expect(outcome.issuer.status).toBe('pass');
    expect(outcome.proofs).toEqual([
      {
        suite: 'data-integrity',
        type: suite === 'ed25519-2020' ? 'Ed25519Signature2020' : 'eddsa-rdfc-2022',
        verified: true,
        created: CREATED,
        verificationMethod: key.id,
      },
    ]);
    const contexts = outcome.signature.details?.contexts as { url: string }[];
    expect(contexts.map((c) => c.url)).toEqual(expect.arrayContaining(signed['@context'] as string[]));
    expect(outcome.issuer.details).toEqual({ issuer: key.did, dids: [{ did: key.did, source: 'did:key' }] });
  });

  test('the check passes only when every proof verifies (vc-js would pass on one)', async () => {
    const a = await sign(ob3Credential(key.did), key, 'eddsa-rdfc-2022');
    const b = await sign(ob3Credential(key.did), key, 'ed25519-2020');
    const both = { ...b, proof: [proofOf(a), proofOf(b)] };
    expect((await verify(both)).signature.status).toBe('pass');
    const bad = { ...proofOf(b), created: '2025-01-16T10:00:00Z' };
    const outcome = await verify({ ...b, proof: [proofOf(a), bad] });
    expect(outcome.signature.status).toBe('fail');
    expect(codes(outcome, 'signature')).toEqual(['SIGNATURE_INVALID']);
    expect(outcome.proofs.map((p) => p.verified)).toEqual([true, false]);
  });
});

describe('JSON-LD safe mode (B03 and undefined terms)', () => {
  test('B03: a relative credentialSubject.id never verifies, whichever word it is', async () => {
    const signed = await sign(ob3CredentialV1(key.did), key, 'ed25519-2020');
    for (const id of ['learner-a', 'learner-b']) {
      const outcome = await verify({ ...signed, credentialSubject: { ...subject(signed), id } });
      expect(outcome.signature.status).toBe('fail');
      expect(codes(outcome, 'signature')).toEqual(['SIGNATURE_UNDEFINED_TERM']);
      expect(outcome.signature.findings[0]?.message).toMatch(/relative/);
      expect(outcome.proofs[0]?.verified).toBe(false);
    }
  });

  test('an undefined property added after signing is SIGNATURE_UNDEFINED_TERM, never dropped', async () => {
    for (const suite of ['ed25519-2020', 'eddsa-rdfc-2022'] as const) {
      const signed = await sign(ob3Credential(key.did), key, suite);
      const outcome = await verify({
        ...signed,
        credentialSubject: { ...subject(signed), favouriteColour: 'green' },
      });
      expect(outcome.signature.status).toBe('fail');
      expect(codes(outcome, 'signature')).toEqual(['SIGNATURE_UNDEFINED_TERM']);
      expect(outcome.signature.findings[0]?.message).toBe(
        'Property "favouriteColour" is not defined by the @context (JSON-LD safe mode)',
      );
    }
  });

  test('with the undefined-terms context the term is signed, so changing it is SIGNATURE_INVALID', async () => {
    const credential = ob3Credential(key.did, ['https://www.w3.org/ns/credentials/undefined-terms/v2']);
    subject(credential).favouriteColour = 'green';
    const signed = await sign(credential, key, 'eddsa-rdfc-2022');
    expect((await verify(signed)).signature.status).toBe('pass');
    const outcome = await verify({
      ...signed,
      credentialSubject: { ...subject(signed), favouriteColour: 'blue' },
    });
    expect(codes(outcome, 'signature')).toEqual(['SIGNATURE_INVALID']);
  });
});

describe('suite contexts (B07, B08) and context order', () => {
  test('B07: Ed25519Signature2020 without its suite context is SUITE_CONTEXT_MISSING', async () => {
    const signed = await sign(ob3Credential(key.did), key, 'ed25519-2020');
    const outcome = await verify({ ...signed, '@context': [VC_V2, OB_303] });
    expect(outcome.signature.status).toBe('fail');
    expect(codes(outcome, 'signature')).toEqual(['SUITE_CONTEXT_MISSING']);
  });

  test('B07: a context with @vocab that captures the proof type is SUITE_CONTEXT_MISSING', async () => {
    const signed = await sign(ob3Credential(key.did), key, 'ed25519-2020');
    const vocab = { '@vocab': 'https://www.w3.org/ns/credentials/examples#' };
    const outcome = await verify({ ...signed, '@context': [VC_V2, OB_303, vocab] });
    expect(codes(outcome, 'signature')).toEqual(['SUITE_CONTEXT_MISSING']);
    expect(outcome.signature.findings[0]?.message).toMatch(
      /expands to https:\/\/www\.w3\.org\/ns\/credentials\/examples#Ed25519Signature2020/,
    );
  });

  test('B07: DataIntegrityProof on VC 1.1 without the data-integrity context is SUITE_CONTEXT_MISSING', async () => {
    const signed = await sign(ob3CredentialV1(key.did), key, 'eddsa-rdfc-2022');
    expect(signed['@context']).toEqual([VC_V1, OB_303, DI_V2_CTX]);
    const outcome = await verify({ ...signed, '@context': [VC_V1, OB_303] });
    expect(codes(outcome, 'signature')).toEqual(['SUITE_CONTEXT_MISSING']);
  });

  test('B08a: a legacy proof-local suite context verifies', async () => {
    const signed = await sign(ob3CredentialV1(key.did), key, 'ed25519-2020');
    expect(signed['@context']).toEqual([VC_V1, OB_303, ED25519_CTX]);
    const legacy = {
      ...signed,
      '@context': [VC_V1, OB_303],
      proof: { '@context': ED25519_CTX, ...proofOf(signed) },
    };
    const outcome = await verify(legacy);
    expect(outcome.signature.status).toBe('pass');
    expect(outcome.proofs[0]?.verified).toBe(true);
  });

  test('B08b: a Data Integrity proof @context that is not a prefix of the document @context fails', async () => {
    const signed = await sign(ob3Credential(key.did), key, 'eddsa-rdfc-2022');
    const prefixed = { ...signed, proof: { '@context': [VC_V2, OB_303], ...proofOf(signed) } };
    expect((await verify(prefixed)).signature.status).toBe('pass');
    const injected = { ...prefixed, '@context': [VC_V2, DI_V2_CTX, OB_303] };
    const outcome = await verify(injected);
    expect(outcome.signature.status).toBe('fail');
    expect(codes(outcome, 'signature')).toEqual(['PROOF_CONTEXT_NOT_PREFIX']);
  });

  test('the VC base context must come first', async () => {
    const signed = await sign(ob3Credential(key.did), key, 'eddsa-rdfc-2022');
    const outcome = await verify({ ...signed, '@context': [OB_303, VC_V2] });
    expect(outcome.signature.status).toBe('fail');
    expect(codes(outcome, 'signature')).toContain('CONTEXT_BASE_NOT_FIRST');
  });

  test('B12: an invalid inline context is JSONLD_PROCESSING_ERROR', async () => {
    const signed = await sign(ob3Credential(key.did), key, 'eddsa-rdfc-2022');
    const broken = { foo: { '@id': 'https://x.example.com/foo', '@container': '@nonsense' } };
    const outcome = await verify({ ...signed, '@context': [VC_V2, OB_303, broken] });
    expect(outcome.signature.status).toBe('fail');
    expect(codes(outcome, 'signature')).toEqual(['JSONLD_PROCESSING_ERROR']);
  });
});

describe('contexts offline (B06) and pinned (B05)', () => {
  let dir: string;
  const url = 'https://contexts.example.com/shoes/v1';
  const contextDoc = {
    '@context': { '@protected': true, shoeSize: 'https://contexts.example.com/vocab#shoeSize' },
  };
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'mcred-b05-'));
    const bytes = Buffer.from(JSON.stringify(contextDoc));
    writeFileSync(path.join(dir, 'shoes.jsonld'), bytes);
    const sha = createHash('sha256').update(bytes).digest('hex');
    writeFileSync(
      path.join(dir, 'INDEX.md'),
      `| URL | file | SHA-256 |\n|---|---|---|\n| \`${url}\` | \`shoes.jsonld\` | \`${sha}\` |\n`,
    );
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    clearContextDirCache();
  });

  async function shoeCredential(): Promise<JsonObject> {
    const credential = ob3Credential(key.did, [url]);
    subject(credential).shoeSize = 44;
    return signAs(credential, key, key.id, 'eddsa-rdfc-2022', {}, [dir]);
  }

  test('with the context folder: pass, and the folder copy is reported', async () => {
    const outcome = await verify(await shoeCredential(), { contextDirs: [dir] });
    expect(outcome.signature.status).toBe('pass');
    expect(outcome.signature.details?.contexts).toEqual(
      expect.arrayContaining([expect.objectContaining({ url, source: 'context-dir' })]),
    );
  });

  test('B06: without it, offline: indeterminate CONTEXT_UNAVAILABLE, never invalid', async () => {
    const outcome = await verify(await shoeCredential());
    expect(outcome.signature.status).toBe('indeterminate');
    expect(codes(outcome, 'signature')).toEqual(['CONTEXT_UNAVAILABLE']);
    expect(outcome.signature.details?.unavailableContexts).toEqual([url]);
    expect(outcome.proofs[0]?.verified).toBeNull();
  });

  test('B05: a folder copy that differs from its indexed hash is CONTEXT_CHANGED, not SIGNATURE_INVALID', async () => {
    const signed = await shoeCredential();
    writeFileSync(
      path.join(dir, 'shoes.jsonld'),
      JSON.stringify({ '@context': { shoeSize: 'https://evil.example.com/s' } }),
    );
    clearContextDirCache();
    try {
      const outcome = await verify(signed, { contextDirs: [dir] });
      expect(outcome.signature.status).toBe('indeterminate');
      expect(codes(outcome, 'signature')).toEqual(['CONTEXT_CHANGED']);
    } finally {
      writeFileSync(path.join(dir, 'shoes.jsonld'), JSON.stringify(contextDoc));
      clearContextDirCache();
    }
  });
});

describe('proof shape and type', () => {
  test('unsupported proof types and cryptosuites are indeterminate, never pass', async () => {
    const signed = await sign(ob3Credential(key.did), key, 'eddsa-rdfc-2022');
    const ecdsa = await verify({ ...signed, proof: { ...proofOf(signed), cryptosuite: 'ecdsa-rdfc-2019' } });
    expect([ecdsa.signature.status, codes(ecdsa, 'signature')]).toEqual([
      'indeterminate',
      ['PROOF_CRYPTOSUITE_UNSUPPORTED'],
    ]);
    expect([ecdsa.issuer.status, codes(ecdsa, 'issuer')]).toEqual(['indeterminate', ['ISSUER_NOT_CHECKED']]);
    const bbs = await verify({ ...signed, proof: { ...proofOf(signed), type: 'BbsBlsSignature2020' } });
    expect([bbs.signature.status, codes(bbs, 'signature')]).toEqual([
      'indeterminate',
      ['PROOF_TYPE_UNSUPPORTED'],
    ]);
    const chain = await verify({ ...signed, proof: { ...proofOf(signed), previousProof: 'urn:uuid:1' } });
    expect([chain.signature.status, codes(chain, 'signature')]).toEqual([
      'indeterminate',
      ['PROOF_TYPE_UNSUPPORTED'],
    ]);
  });

  test('a JWS-only proof is not this suite’s; mixed with a Data Integrity proof it is indeterminate', async () => {
    const signed = await sign(ob3Credential(key.did), key, 'eddsa-rdfc-2022');
    const jws = {
      type: 'JsonWebSignature2020',
      jws: 'eyJ..x',
      verificationMethod: key.id,
      proofPurpose: 'assertionMethod',
    };
    expect(dataIntegritySuite.applies(checkContext({ ...signed, proof: jws }))).toBe(false);
    expect(dataIntegritySuite.applies(checkContext({ ...signed, proof: [] }))).toBe(false);
    const mixed = await verify({ ...signed, proof: [proofOf(signed), jws] });
    expect(mixed.signature.status).toBe('indeterminate');
    expect(codes(mixed, 'signature')).toEqual(['PROOF_TYPE_UNSUPPORTED']);
    expect(mixed.proofs.map((p) => p.verified)).toEqual([true, null]);
  });

  test('malformed proofs and a wrong proof purpose fail', async () => {
    const signed = await sign(ob3Credential(key.did), key, 'ed25519-2020');
    const notObject = await verify({ ...signed, proof: 'signed!' });
    expect([notObject.signature.status, codes(notObject, 'signature')]).toEqual([
      'fail',
      ['PROOF_MALFORMED'],
    ]);
    const noValue = { ...proofOf(signed) };
    delete noValue.proofValue;
    expect(codes(await verify({ ...signed, proof: noValue }), 'signature')).toEqual(['PROOF_MALFORMED']);
    const purpose = await verify({
      ...signed,
      proof: { ...proofOf(signed), proofPurpose: 'authentication' },
    });
    expect([purpose.signature.status, codes(purpose, 'signature')]).toEqual([
      'fail',
      ['PROOF_PURPOSE_MISMATCH'],
    ]);
  });

  test('proof.expires in the past is PROOF_EXPIRED; a date-only created is PROOF_DATE_INVALID', async () => {
    const expiring = await signAs(ob3Credential(key.did), key, key.id, 'eddsa-rdfc-2022', {
      expires: '2025-02-01T00:00:00Z',
    });
    expect((await verify(expiring, { at: new Date('2025-01-20T00:00:00Z') })).signature.status).toBe('pass');
    const expired = await verify(expiring, { at: new Date('2025-03-01T00:00:00Z') });
    expect([expired.signature.status, codes(expired, 'signature')]).toEqual(['fail', ['PROOF_EXPIRED']]);
    const dateOnly = await signAs(ob3Credential(key.did), key, key.id, 'eddsa-rdfc-2022', {
      created: '2025-01-15',
    });
    const outcome = await verify(dateOnly);
    expect([outcome.signature.status, codes(outcome, 'signature')]).toEqual(['fail', ['PROOF_DATE_INVALID']]);
  });

  test('credentialStatus is not required nor checked here; B43: none is fine', async () => {
    const noStatus = await sign(ob3CredentialV1(key.did), key, 'ed25519-2020');
    const a = await verify(noStatus);
    expect([a.signature.status, a.signature.details?.hasCredentialStatus]).toEqual(['pass', false]);
    const credential = ob3Credential(key.did);
    credential.credentialStatus = {
      id: 'https://status.example.com/1#5',
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: '5',
      statusListCredential: 'https://status.example.com/1',
    };
    const b = await verify(await sign(credential, key, 'eddsa-rdfc-2022'));
    expect([b.signature.status, b.signature.details?.hasCredentialStatus]).toEqual(['pass', true]);
  });
});

describe('issuer shapes (B40)', () => {
  test('issuer string or object, one subject or two: all verify and the issuer id is taken from either', async () => {
    const shapes: JsonObject[] = [];
    for (const issuerAsString of [true, false]) {
      for (const twoSubjects of [false, true]) {
        const credential = ob3Credential(key.did);
        if (issuerAsString) credential.issuer = key.did;
        if (twoSubjects) {
          credential.credentialSubject = [
            subject(credential),
            { ...subject(credential), id: 'did:example:learner-2' },
          ];
        }
        shapes.push(credential);
      }
    }
    for (const credential of shapes) {
      const outcome = await verify(await sign(credential, key, 'eddsa-rdfc-2022'));
      expect([outcome.signature.status, outcome.issuer.status, outcome.issuer.details?.issuer]).toEqual([
        'pass',
        'pass',
        key.did,
      ]);
    }
  });
});

describe('keys and key control', () => {
  let didDir: string;
  const web = 'did:web:issuer.example:unit';
  async function didDoc(extra: JsonObject = {}): Promise<JsonObject> {
    return {
      '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
      id: web,
      verificationMethod: [
        { id: `${web}#k1`, type: 'Multikey', controller: web, publicKeyMultibase: other.publicKeyMultibase },
        {
          id: `${web}#k2`,
          type: 'Ed25519VerificationKey2020',
          controller: web,
          publicKeyMultibase: key.publicKeyMultibase,
        },
        { id: `${web}#auth`, type: 'Multikey', controller: web, publicKeyMultibase: key.publicKeyMultibase },
        {
          id: `${web}#jwk2018`,
          type: 'Ed25519VerificationKey2018',
          controller: web,
          publicKeyJwk: { kty: 'OKP', crv: 'Ed25519', x: (await keyToJwk(key)).x },
        },
        {
          id: `${web}#x25519`,
          type: 'Multikey',
          controller: web,
          publicKeyMultibase: 'z6LSeu9HkTHSfLLeUs2nnzUSNedgDUevfNQgQjQC23ZCit6F',
        },
        {
          id: `${web}#old`,
          type: 'Multikey',
          controller: web,
          publicKeyMultibase: key.publicKeyMultibase,
          revoked: '2024-01-01T00:00:00Z',
        },
      ],
      assertionMethod: [`${web}#k1`, `${web}#k2`, `${web}#jwk2018`, `${web}#x25519`, `${web}#old`],
      authentication: [`${web}#auth`],
      ...extra,
    };
  }
  beforeAll(async () => {
    didDir = mkdtempSync(path.join(tmpdir(), 'mcred-dids-'));
    writeFileSync(path.join(didDir, 'issuer.json'), JSON.stringify(await didDoc()));
  });
  afterAll(() => {
    rmSync(didDir, { recursive: true, force: true });
    clearDidDirCache();
  });

  const webCredential = () => ob3Credential(web);

  test('the key the proof names is used, not the first key of the DID document', async () => {
    const signed = await signAs(webCredential(), key, `${web}#k2`, 'ed25519-2020');
    const outcome = await verify(signed, { didDir });
    expect([outcome.signature.status, outcome.issuer.status]).toEqual(['pass', 'pass']);
    expect(outcome.issuer.details?.dids).toEqual([
      { did: web, source: 'did-dir', file: path.join(didDir, 'issuer.json') },
    ]);
    // the same signature claimed for k1 (another key) is invalid
    const claimed = await verify(
      { ...signed, proof: { ...proofOf(signed), verificationMethod: `${web}#k1` } },
      { didDir },
    );
    expect(codes(claimed, 'signature')).toEqual(['SIGNATURE_INVALID']);
  });

  test('a method the DID document does not have: VERIFICATION_METHOD_NOT_FOUND, key unavailable', async () => {
    const signed = await signAs(webCredential(), key, `${web}#k9`, 'eddsa-rdfc-2022');
    const outcome = await verify(signed, { didDir });
    expect([outcome.issuer.status, codes(outcome, 'issuer')]).toEqual([
      'fail',
      ['VERIFICATION_METHOD_NOT_FOUND'],
    ]);
    expect([outcome.signature.status, codes(outcome, 'signature')]).toEqual([
      'indeterminate',
      ['SIGNATURE_KEY_UNAVAILABLE'],
    ]);
    // did:key: a fragment that is not the key is not "the key agreement key" either
    const dk = await sign(ob3Credential(key.did), key, 'eddsa-rdfc-2022');
    const wrongFragment = await verify({
      ...dk,
      proof: { ...proofOf(dk), verificationMethod: `${key.did}#z6LSx` },
    });
    expect(codes(wrongFragment, 'issuer')).toEqual(['VERIFICATION_METHOD_NOT_FOUND']);
  });

  test('a key not listed under assertionMethod: signature valid, ISSUER_KEY_NOT_CONTROLLED', async () => {
    const signed = await signAs(webCredential(), key, `${web}#auth`, 'eddsa-rdfc-2022');
    const outcome = await verify(signed, { didDir });
    expect(outcome.signature.status).toBe('pass');
    expect(outcome.proofs[0]?.verified).toBe(true);
    expect([outcome.issuer.status, codes(outcome, 'issuer')]).toEqual([
      'fail',
      ['ISSUER_KEY_NOT_CONTROLLED'],
    ]);
  });

  test('a valid signature by someone else’s key: ISSUER_KEY_NOT_CONTROLLED', async () => {
    const signed = await signAs(ob3Credential(other.did), key, key.id, 'eddsa-rdfc-2022');
    const outcome = await verify(signed);
    expect(outcome.signature.status).toBe('pass');
    expect([outcome.issuer.status, codes(outcome, 'issuer')]).toEqual([
      'fail',
      ['ISSUER_KEY_NOT_CONTROLLED'],
    ]);
    expect(outcome.issuer.findings[0]?.message).toBe(
      `Key ${key.id} is controlled by ${key.did}, not by the issuer ${other.did}`,
    );
  });

  test('B26: an Ed25519VerificationKey2018 JWK key verifies; an X25519 key is KEY_UNSUPPORTED', async () => {
    const jwk = await verify(await signAs(webCredential(), key, `${web}#jwk2018`, 'eddsa-rdfc-2022'), {
      didDir,
    });
    expect([jwk.signature.status, jwk.issuer.status]).toEqual(['pass', 'pass']);
    const x = await verify(await signAs(webCredential(), key, `${web}#x25519`, 'eddsa-rdfc-2022'), {
      didDir,
    });
    expect([x.signature.status, codes(x, 'signature')]).toEqual(['indeterminate', ['KEY_UNSUPPORTED']]);
    expect(x.proofs[0]?.verified).toBeNull();
  });

  test('a revoked key: VERIFICATION_METHOD_REVOKED', async () => {
    const outcome = await verify(await signAs(webCredential(), key, `${web}#old`, 'eddsa-rdfc-2022'), {
      didDir,
    });
    expect([outcome.issuer.status, codes(outcome, 'issuer')]).toEqual([
      'fail',
      ['VERIFICATION_METHOD_REVOKED'],
    ]);
  });

  test('did:jwk issuers verify offline', async () => {
    const jwk = await keyToJwk(key);
    const did = `did:jwk:${Buffer.from(JSON.stringify({ kty: 'OKP', crv: 'Ed25519', x: jwk.x })).toString('base64url')}`;
    for (const suite of ['eddsa-rdfc-2022', 'ed25519-2020'] as const) {
      const outcome = await verify(await signAs(ob3Credential(did), key, `${did}#0`, suite));
      expect([suite, outcome.signature.status, outcome.issuer.status]).toEqual([suite, 'pass', 'pass']);
    }
  });

  test('invalid, unsupported and unresolvable DIDs', async () => {
    const signed = await sign(ob3Credential(key.did), key, 'eddsa-rdfc-2022');
    const withVm = (vm: string) => ({ ...signed, proof: { ...proofOf(signed), verificationMethod: vm } });
    const invalid = await verify(withVm(`${key.did}x#${key.publicKeyMultibase}x`));
    expect([invalid.issuer.status, codes(invalid, 'issuer')]).toEqual(['fail', ['DID_INVALID']]);
    expect(invalid.signature.status).toBe('indeterminate');
    const x25519 = 'did:key:z6LSeu9HkTHSfLLeUs2nnzUSNedgDUevfNQgQjQC23ZCit6F';
    const unsupported = await verify(withVm(`${x25519}#z6LSeu9HkTHSfLLeUs2nnzUSNedgDUevfNQgQjQC23ZCit6F`));
    expect([unsupported.signature.status, codes(unsupported, 'signature')]).toEqual([
      'indeterminate',
      ['KEY_UNSUPPORTED'],
    ]);
    const ebsi = await verify(withVm('did:ebsi:zvHWX359A3CvfJnCYaAiAde#keys-1'));
    expect([ebsi.issuer.status, codes(ebsi, 'issuer')]).toEqual(['indeterminate', ['DID_UNRESOLVABLE']]);
    expect([ebsi.signature.status, codes(ebsi, 'signature')]).toEqual([
      'indeterminate',
      ['SIGNATURE_KEY_UNAVAILABLE'],
    ]);
  });
});

describe('finding catalogue', () => {
  test('every code of the signature and issuer checks is registered with its check', () => {
    const signatureCodes = [
      'SIGNATURE_INVALID',
      'SIGNATURE_UNDEFINED_TERM',
      'SUITE_CONTEXT_MISSING',
      'PROOF_CONTEXT_NOT_PREFIX',
      'CONTEXT_BASE_NOT_FIRST',
      'CONTEXT_UNAVAILABLE',
      'CONTEXT_CHANGED',
      'JSONLD_PROCESSING_ERROR',
      'PROOF_MALFORMED',
      'PROOF_PURPOSE_MISMATCH',
      'PROOF_TYPE_UNSUPPORTED',
      'PROOF_CRYPTOSUITE_UNSUPPORTED',
      'PROOF_DATE_INVALID',
      'PROOF_EXPIRED',
      'SIGNATURE_KEY_UNAVAILABLE',
      'KEY_UNSUPPORTED',
      'SIGNATURE_VERIFICATION_ERROR',
    ];
    const issuerCodes = [
      'DID_UNRESOLVABLE',
      'VERIFICATION_METHOD_UNRESOLVABLE',
      'DID_INVALID',
      'VERIFICATION_METHOD_NOT_FOUND',
      'VERIFICATION_METHOD_REVOKED',
      'ISSUER_KEY_NOT_CONTROLLED',
      'ISSUER_NOT_CHECKED',
    ];
    for (const code of signatureCodes) expect([code, FINDINGS[code]?.check]).toEqual([code, 'signature']);
    for (const code of issuerCodes) expect([code, FINDINGS[code]?.check]).toEqual([code, 'issuer']);
  });
});

test('offline loader helper is isolated per call', () => {
  expect(offlineLoader().usedContexts()).toEqual([]);
});
