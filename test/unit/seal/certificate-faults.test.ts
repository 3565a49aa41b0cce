// Seal certificate faults that need a certificate made for the occasion: no certificate at all,
// an unreadable one, an expired CA in the path, and a path through a certificate that is no CA.
import { describe, expect, test } from '@jest/globals';
import { jadesSuite } from '../../../src/checks/signature/jades.js';
import type { JsonObject } from '../../../src/formats/types.js';
import {
  createTestCertificate,
  generateTestKeyPair,
  sealJades,
  TEST_PKI_SPECS,
  TEST_SIGNING_TIME,
  type JadesSealOptions,
} from '../../../src/issue/pki.js';
import { codes, fixtureCredential, fixturePki, jadesContext, ROOT_ANCHOR } from './helpers.js';

async function seal(overrides: Partial<JadesSealOptions>): Promise<JsonObject> {
  const p = await fixturePki();
  return (await sealJades(await fixtureCredential(), {
    alg: 'RS256',
    certificateChain: [p.esealRsa.certificate, p.intermediate.certificate],
    privateKey: p.esealRsa.keys.privateKey,
    signingTime: TEST_SIGNING_TIME,
    ...overrides,
  })) as unknown as JsonObject;
}

/** A CA under the fixture root, valid over [notBefore, notAfter]; `ca: false` makes it an e-seal leaf. */
async function caUnderRoot(notBefore: string, notAfter: string, ca = true) {
  const p = await fixturePki();
  const keys = await generateTestKeyPair('RSA-2048');
  const certificate = await createTestCertificate({
    profile: ca ? 'ca' : 'eseal',
    subject: {
      C: 'NL',
      O: 'mcred Fixture PKI',
      CN: ca ? 'mcred Fixture Short-lived CA' : 'mcred Fixture Not-a-CA',
    },
    serialNumber: 9001,
    notBefore: new Date(notBefore),
    notAfter: new Date(notAfter),
    publicKey: keys.publicKey,
    issuer: { certificate: p.root.certificate, privateKey: p.root.keys.privateKey },
  });
  return { certificate, keys };
}

/** An e-seal leaf (the fixture e-seal's subject) issued by `issuer`. */
async function leafUnder(issuer: Awaited<ReturnType<typeof caUnderRoot>>) {
  const keys = await generateTestKeyPair('RSA-2048');
  const certificate = await createTestCertificate({
    profile: 'eseal',
    subject: TEST_PKI_SPECS.esealRsa.subject,
    serialNumber: 9002,
    notBefore: new Date('2024-06-01T00:00:00Z'),
    notAfter: new Date('2034-06-01T00:00:00Z'),
    publicKey: keys.publicKey,
    issuer: { certificate: issuer.certificate, privateKey: issuer.keys.privateKey },
  });
  return { certificate, keys };
}

describe('seal certificate faults', () => {
  test('no x5c and no xVals certificate: the signature cannot be checked (SEAL_CERT_MISSING, indeterminate)', async () => {
    const envelope = await seal({ extraProtectedHeader: { x5c: undefined, 'x5t#S256': undefined } });
    const outcome = await jadesSuite.verify(jadesContext(envelope));
    expect(codes(outcome, 'signature')).toContain('SEAL_CERT_MISSING');
    expect(outcome.signature.status).toBe('indeterminate');
    expect(outcome.proofs[0]?.verified).toBeNull();
  });

  test('an x5c leaf that is not a certificate is SEAL_CERT_UNREADABLE and fails', async () => {
    const envelope = await seal({ extraProtectedHeader: { x5c: ['AAAA'], 'x5t#S256': undefined } });
    const outcome = await jadesSuite.verify(jadesContext(envelope));
    expect(codes(outcome, 'signature')).toContain('SEAL_CERT_UNREADABLE');
    expect(outcome.signature.status).toBe('fail');
  });

  test('an intermediate CA that expired before the signing time: CHAIN_CERT_EXPIRED', async () => {
    const shortLived = await caUnderRoot('2024-01-01T00:00:00Z', '2024-12-31T00:00:00Z');
    const leaf = await leafUnder(shortLived);
    const envelope = await seal({
      certificateChain: [leaf.certificate, shortLived.certificate],
      privateKey: leaf.keys.privateKey,
    });
    const outcome = await jadesSuite.verify(jadesContext(envelope, { trustAnchors: ROOT_ANCHOR }));
    expect(outcome.signature.status).toBe('pass');
    expect(codes(outcome, 'issuer')).toContain('CHAIN_CERT_EXPIRED');
    expect(outcome.issuer.status).toBe('fail');
  });

  test('a path through a certificate that is not a CA: CHAIN_INVALID', async () => {
    const notACa = await caUnderRoot('2024-01-01T00:00:00Z', '2040-01-01T00:00:00Z', false);
    const leaf = await leafUnder(notACa);
    const envelope = await seal({
      certificateChain: [leaf.certificate, notACa.certificate],
      privateKey: leaf.keys.privateKey,
    });
    const outcome = await jadesSuite.verify(jadesContext(envelope, { trustAnchors: ROOT_ANCHOR }));
    expect(outcome.signature.status).toBe('pass');
    expect(codes(outcome, 'issuer').filter((c) => c.startsWith('CHAIN_'))).toEqual(['CHAIN_INVALID']);
    expect(outcome.issuer.status).toBe('fail');
  });
});
