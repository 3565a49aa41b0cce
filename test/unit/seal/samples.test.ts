// The three real JAdES-sealed EDC samples in ../shared/samples/real/edc, read in place.
import { expect, test } from '@jest/globals';
import path from 'node:path';
import { jadesSuite } from '../../../src/checks/signature/jades.js';
import type { JsonObject } from '../../../src/formats/types.js';
import { parseCertificate } from '../../../src/resolve/x509.js';
import { codes, describeShared, EDC_SAMPLES, jadesContext, readJson, writeAnchors } from './helpers.js';

const COMMISSION_MC = 'european-commission-empl_European-Learning-Model_Sample-MC-Annex1-signed.json';
const COMMISSION_COP = 'european-commission-empl_European-Learning-Model_Sample-CertOfPart-signed.json';
const MYNEXTID = 'MyNextID_credentials_edc-mc-signed.json';

const sample = (name: string): Promise<JsonObject> => readJson(path.join(EDC_SAMPLES, name));

/** Certificates of the sample's etsiU xVals whose subject CN is `cn`. */
function xValsNamed(envelope: JsonObject, cn: string) {
  const signature = (envelope.signatures as JsonObject[])[0]!;
  const components = ((signature.header as JsonObject).etsiU as string[]).map(
    (c) => JSON.parse(Buffer.from(c, 'base64url').toString()) as JsonObject,
  );
  return components
    .flatMap((c) => (c.xVals as { x509Cert: { val: string } }[] | undefined) ?? [])
    .map((x) => parseCertificate(x.x509Cert.val)!)
    .filter((c) =>
      c.subject.typesAndValues.some((tv) => tv.type === '2.5.4.3' && tv.value.valueBlock.value === cn),
    );
}

describeShared('real JAdES samples (../shared/samples/real/edc)', () => {
  const expectations = [
    { file: COMMISSION_MC, sigT: '2023-09-27T11:54:17Z', timestamps: ['adoTst', 'sigTst'], test: true },
    { file: COMMISSION_COP, sigT: '2023-09-27T12:07:01Z', timestamps: ['adoTst', 'sigTst'], test: true },
    { file: MYNEXTID, sigT: '2026-01-12T07:12:23Z', timestamps: ['sigTst'], test: false },
  ];

  for (const expected of expectations) {
    test(`${expected.file}: RS256 verifies, sigT is claimed, timestamps verify, chain indeterminate without anchors`, async () => {
      const outcome = await jadesSuite.verify(jadesContext(await sample(expected.file)));
      expect(outcome.proofs).toHaveLength(1);
      expect(outcome.proofs[0]).toMatchObject({
        suite: 'jades',
        type: 'RS256',
        verified: true,
        created: expected.sigT,
      });
      expect(outcome.signature.status).toBe('pass');
      expect(outcome.signature.details?.claimedSigningTime).toBe(expected.sigT);
      const sigCodes = codes(outcome, 'signature');
      expect(sigCodes[0]).toBe('SEAL_TIME_CLAIMED');
      expect(sigCodes.filter((c) => c === 'SEAL_TIMESTAMP_VERIFIED')).toHaveLength(
        expected.timestamps.length,
      );
      expect(sigCodes).toContain('SEAL_TIMESTAMP_TEST_TSA');
      expect(sigCodes).toContain('SEAL_TIMESTAMP_NOT_CHECKED');
      const details = (outcome.signature.details?.signatures as JsonObject[])[0]!;
      expect((details.timestamps as JsonObject[]).map((t) => [t.kind, t.status])).toEqual(
        expected.timestamps.map((kind) => [kind, 'valid']),
      );
      expect(details.notChecked).toEqual(['rVals', 'arcTst']);

      expect(outcome.issuer.status).toBe('indeterminate');
      expect(codes(outcome, 'issuer')).toContain('CHAIN_NO_TRUST_ANCHORS');
      expect(codes(outcome, 'issuer').includes('SEAL_TEST_CERTIFICATE')).toBe(expected.test);
      expect(outcome.issuer.details?.identity).toMatchObject({ identifier: 'match', name: 'match' });
    });
  }

  test('Commission sample: the test certificate (2023-05-11 to 2025-05-10) was valid at sigT, expired since', async () => {
    const outcome = await jadesSuite.verify(jadesContext(await sample(COMMISSION_MC)));
    expect(codes(outcome, 'issuer')).toEqual([
      'SEAL_CERT_EXPIRED_SINCE',
      'SEAL_TEST_CERTIFICATE',
      'CHAIN_NO_TRUST_ANCHORS',
    ]);
    expect(outcome.issuer.details?.certificate).toMatchObject({
      organizationIdentifier: 'VATES-A00000000',
      organizationName: 'ORGANIZACION TEST',
      notBefore: '2023-05-11T14:31:15.000Z',
      notAfter: '2025-05-10T14:31:15.000Z',
    });
    expect(outcome.issuer.details?.identity).toMatchObject({
      matchedIdentifier: { notation: 'VATES-A00000000', source: 'eIDASIdentifier', country: 'ES' },
    });
  });

  test('MyNextID: NTREE-17207834 matches notation 17207834 (EST) and the Halcom chain validates at sigT', async () => {
    const envelope = await sample(MYNEXTID);
    const anchors = writeAnchors(xValsNamed(envelope, 'Halcom Root Certificate Authority'));
    const outcome = await jadesSuite.verify(jadesContext(envelope, { trustAnchors: anchors }));
    expect(outcome.signature.status).toBe('pass');
    expect(outcome.issuer.status).toBe('pass');
    expect(codes(outcome, 'issuer')).toEqual(['SEAL_REVOCATION_NOT_CHECKED']);
    expect(outcome.issuer.details?.chain).toMatchObject({ status: 'valid' });
    expect((outcome.issuer.details?.chain as JsonObject).path).toHaveLength(3);
    expect(outcome.issuer.details?.identity).toMatchObject({
      certificateIdentifier: 'NTREE-17207834',
      matchedIdentifier: { notation: '17207834', country: 'EE' },
    });
  });

  test('Commission sample chains to its issuing CA when that CA is the anchor (test seal: warn)', async () => {
    const envelope = await sample(COMMISSION_MC);
    const anchors = writeAnchors(xValsNamed(envelope, 'ANF AC Qualified Certificates for eSeal'));
    const outcome = await jadesSuite.verify(jadesContext(envelope, { trustAnchors: anchors }));
    expect(outcome.issuer.status).toBe('warn');
    expect(codes(outcome, 'issuer')).toEqual([
      'SEAL_CERT_EXPIRED_SINCE',
      'SEAL_TEST_CERTIFICATE',
      'SEAL_REVOCATION_NOT_CHECKED',
    ]);
    expect(outcome.issuer.details?.chain).toMatchObject({ status: 'valid' });
  });

  test('a DSS test root as anchor does not validate the Commission seal', async () => {
    const envelope = await sample(COMMISSION_MC);
    const anchors = writeAnchors(xValsNamed(envelope, 'root-ca'));
    const outcome = await jadesSuite.verify(jadesContext(envelope, { trustAnchors: anchors }));
    expect(outcome.issuer.status).toBe('fail');
    expect(codes(outcome, 'issuer')).toContain('CHAIN_UNTRUSTED');
  });

  test('a tampered real payload fails the signature and the content timestamp', async () => {
    const envelope = await sample(COMMISSION_MC);
    envelope.payload = (envelope.payload as string).replace('ORGANIZACION TEST', 'ORGANIZACION TESS');
    const outcome = await jadesSuite.verify(jadesContext(envelope));
    expect(outcome.signature.status).toBe('fail');
    expect(outcome.proofs[0]!.verified).toBe(false);
    expect(codes(outcome, 'signature')).toEqual(
      expect.arrayContaining(['SEAL_SIGNATURE_INVALID', 'SEAL_TIMESTAMP_INVALID']),
    );
  });
});
