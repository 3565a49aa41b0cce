// Acceptance on the signed real samples (DCC vc-test-fixtures, MIT Learn, 1EdTech complete example),
// read in place from ../shared.
import { expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { dataIntegritySuite } from '../../../src/checks/signature/data-integrity.js';
import type { JsonObject } from '../../../src/formats/types.js';
import { checkContext, codes, describeShared, DID_DIR, OB3_SAMPLES, verify } from './helpers.js';

function sample(name: string): JsonObject {
  return JSON.parse(readFileSync(path.join(OB3_SAMPLES, name), 'utf8')) as JsonObject;
}

const DCC = 'digitalcredentials_vc-test-fixtures_';

const VALID = [
  `${DCC}v2-ed25519-didKey-legacy-noStatus-noExpiry.json`,
  `${DCC}v2-dataIntegrityProof-didKey-legacyRegistry-noStatus-noExpiry-OBSpecExample.json`,
  `${DCC}v1-dataIntegrityProof-didKey-legacyRegistry-noStatus-noExpiry-OBSpecExample.json`,
  `${DCC}v2-dataIntegrityProof-didKey-legacyRegistry-noStatus-noExpiry-alignments.json`,
  `${DCC}v2-dataIntegrityProof-didKey-legacyRegistry-noStatus-notExpired-withSchema.json`,
  `${DCC}v2-dataIntegrityProof-didKey-oidf-noStatus-notExpired-complexIssuer.json`,
  // dates and status are other checks' business: the signatures are valid
  `${DCC}v1-ed25519-didKey-legacy-noStatus-expired.json`,
  `${DCC}v2-dataIntegrityProof-didKey-oidf-noStatus-notExpired-notYetValid.json`,
  `${DCC}v2-dataIntegrityProof-didKey-twoOIDF-validStatus-expired.json`,
  `${DCC}v2-dataIntegrityProof-didKey-twoOIDF-revoked-notExpired-badSchema.json`,
  'digitalcredentials_mit-learn-obv3-template_courseCertificate.json',
  'digitalcredentials_mit-learn-obv3-template_moduleCertificate.json',
];

describeShared('data integrity suite on the real samples', () => {
  test.each(VALID)('%s: signature pass, issuer pass', async (name) => {
    const document = sample(name);
    expect(dataIntegritySuite.applies(checkContext(document))).toBe(true);
    const outcome = await verify(document, { didDir: DID_DIR });
    expect(outcome.signature.status).toBe('pass');
    expect(outcome.signature.findings).toEqual([]);
    expect(outcome.issuer.status).toBe('pass');
    expect(outcome.issuer.findings).toEqual([]);
    expect(outcome.proofs.length).toBe(1);
    expect(outcome.proofs[0]?.verified).toBe(true);
    const contexts = outcome.signature.details?.contexts as { url: string; source: string; sha256: string }[];
    const documentContexts = (document['@context'] as unknown[]).filter(
      (c): c is string => typeof c === 'string',
    );
    for (const url of documentContexts) {
      expect(contexts.find((c) => c.url === url)).toMatchObject({ source: 'bundled' });
    }
    for (const c of contexts) expect(c.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  test('bothSignatureTypes: two proofs, both reported, both verified', async () => {
    const outcome = await verify(sample(`${DCC}v2-bothSignatureTypes-didkey-legacy-noStatus-noExpiry.json`));
    expect(outcome.signature.status).toBe('pass');
    expect(outcome.issuer.status).toBe('pass');
    expect(outcome.proofs.map((p) => [p.type, p.verified])).toEqual([
      ['eddsa-rdfc-2022', true],
      ['Ed25519Signature2020', true],
    ]);
    expect((outcome.signature.details?.proofs as unknown[]).length).toBe(2);
  });

  test('bothSignatureTypes with the second proof broken: fail, though one proof still verifies', async () => {
    const document = sample(`${DCC}v2-bothSignatureTypes-didkey-legacy-noStatus-noExpiry.json`);
    const proofs = document.proof as JsonObject[];
    const broken = { ...proofs[1], proofValue: `${String(proofs[1]?.proofValue).slice(0, -3)}abc` };
    const outcome = await verify({ ...document, proof: [proofs[0], broken] });
    expect(outcome.signature.status).toBe('fail');
    expect(codes(outcome, 'signature')).toEqual(['SIGNATURE_INVALID']);
    expect(outcome.signature.findings[0]?.pointer).toBe('/proof/1');
    expect(outcome.proofs.map((p) => p.verified)).toEqual([true, false]);
  });

  test('tampered: SIGNATURE_INVALID, the key is still the issuer’s', async () => {
    const outcome = await verify(sample(`${DCC}v2-ed25519-didKey-legacy-noStatus-noExpiry-tampered.json`));
    expect(outcome.signature.status).toBe('fail');
    expect(codes(outcome, 'signature')).toEqual(['SIGNATURE_INVALID']);
    expect(outcome.proofs[0]?.verified).toBe(false);
    expect(outcome.issuer.status).toBe('pass');
  });

  test('did:web revoked-status sample verifies with --did-dir', async () => {
    const outcome = await verify(sample(`${DCC}v1-ed25519-didWeb-legacy-revokedStatus-noExpiry.json`), {
      didDir: DID_DIR,
    });
    expect(outcome.signature.status).toBe('pass');
    expect(outcome.issuer.status).toBe('pass');
    expect(outcome.signature.details?.hasCredentialStatus).toBe(true);
    expect(outcome.issuer.details?.dids).toEqual([
      expect.objectContaining({
        did: 'did:web:digitalcredentials.github.io:vc-test-fixtures:dids:legacy',
        source: 'did-dir',
      }),
    ]);
  });

  test('did:web sample without --did-dir: indeterminate, DID_UNRESOLVABLE', async () => {
    const outcome = await verify(sample(`${DCC}v1-ed25519-didWeb-legacy-revokedStatus-noExpiry.json`));
    expect(outcome.signature.status).toBe('indeterminate');
    expect(codes(outcome, 'signature')).toEqual(['SIGNATURE_KEY_UNAVAILABLE']);
    expect(outcome.issuer.status).toBe('indeterminate');
    expect(codes(outcome, 'issuer')).toEqual(['DID_UNRESOLVABLE']);
    expect(outcome.proofs[0]?.verified).toBeNull();
  });

  test('1EdTech complete example (impierce copy): indeterminate, https verification method', async () => {
    const outcome = await verify(sample('impierce_credential-converter_Complete_OpenBadgeCredential.json'));
    expect(outcome.signature.status).toBe('indeterminate');
    expect(codes(outcome, 'signature')).toEqual(['SIGNATURE_KEY_UNAVAILABLE']);
    expect(outcome.issuer.status).toBe('indeterminate');
    expect(codes(outcome, 'issuer')).toEqual(['VERIFICATION_METHOD_UNRESOLVABLE']);
    expect(outcome.proofs[0]?.verified).toBeNull();
  });

  test('1EdTech complete example without the extensions context: indeterminate, CONTEXT_UNAVAILABLE', async () => {
    const document = sample('impierce_credential-converter_Complete_OpenBadgeCredential.json');
    // the same credential as if its third context were one mcred does not have
    const context = [...(document['@context'] as string[])];
    context[2] = 'https://purl.imsglobal.org/spec/ob/v3p0/extensions-unknown.json';
    const outcome = await verify({ ...document, '@context': context });
    expect(outcome.signature.status).toBe('indeterminate');
    expect(codes(outcome, 'signature')).toEqual(expect.arrayContaining(['CONTEXT_UNAVAILABLE']));
    expect(outcome.signature.details?.unavailableContexts).toEqual([context[2]]);
  });

  test('unsigned samples are not this suite’s', () => {
    for (const name of [
      'educredentials_obv3-examples_theed_microcredential_full_ho.json',
      'MyNextID_credentials_open-badge-mc-example.json',
    ]) {
      expect(dataIntegritySuite.applies(checkContext(sample(name)))).toBe(false);
    }
  });
});
