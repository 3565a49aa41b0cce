// The X.509 helpers: organisation identifiers and names, chains, timestamp tokens, trust-anchor files.
import { describe, expect, test } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTimestampToken, testTimestampAuthority } from '../../../src/issue/pki.js';
import {
  buildAndValidateChain,
  certificateInfo,
  compareCertificateWithIssuer,
  compareOrgNames,
  issuerIdentifiers,
  loadTrustAnchors,
  looksLikeTestCertificate,
  normalizeOrgName,
  organizationIdentifierMatches,
  parseCertificate,
  parseOrganizationIdentifier,
  parsePemCertificates,
  verifyTimestampToken,
} from '../../../src/resolve/x509.js';
import { fixturePki, ROOT_ANCHOR } from './helpers.js';

const ESP = { id: 'http://publications.europa.eu/resource/authority/country/ESP' };
const EST = { id: 'http://publications.europa.eu/resource/authority/country/EST' };

describe('parseOrganizationIdentifier', () => {
  test('reads the ETSI EN 319 412-1 forms', () => {
    expect(parseOrganizationIdentifier('VATES-A00000000')).toEqual({
      raw: 'VATES-A00000000',
      scheme: 'VAT',
      country: 'ES',
      id: 'A00000000',
    });
    expect(parseOrganizationIdentifier('NTREE-17207834')).toMatchObject({
      scheme: 'NTR',
      country: 'EE',
      id: '17207834',
    });
    expect(parseOrganizationIdentifier('LEIXG-529900T8BM49AURSDO55')).toMatchObject({
      scheme: 'LEI',
      country: 'XG',
    });
    expect(parseOrganizationIdentifier('17207834')).toEqual({ raw: '17207834', id: '17207834' });
    expect(parseOrganizationIdentifier('  ')).toBeUndefined();
  });
});

describe('organizationIdentifierMatches', () => {
  const vat = parseOrganizationIdentifier('VATES-A00000000')!;
  const ntr = parseOrganizationIdentifier('NTREE-17207834')!;

  test('matches with or without the scheme/country prefix', () => {
    expect(
      organizationIdentifierMatches(vat, { notation: 'VATES-A00000000', source: 'eIDASIdentifier' }),
    ).toBe(true);
    expect(organizationIdentifierMatches(vat, { notation: 'ESA00000000', source: 'vatIdentifier' })).toBe(
      true,
    );
    expect(
      organizationIdentifierMatches(vat, { notation: 'A00000000', source: 'vatIdentifier', country: 'ES' }),
    ).toBe(true);
    expect(
      organizationIdentifierMatches(ntr, { notation: '17207834', source: 'eIDASIdentifier', country: 'EE' }),
    ).toBe(true);
    expect(organizationIdentifierMatches(ntr, { notation: 'ntree 17207834', source: 'registration' })).toBe(
      true,
    );
  });

  test('a different id or country does not match', () => {
    expect(
      organizationIdentifierMatches(vat, { notation: 'VATES-B00000000', source: 'eIDASIdentifier' }),
    ).toBe(false);
    expect(
      organizationIdentifierMatches(vat, { notation: 'VATPT-A00000000', source: 'eIDASIdentifier' }),
    ).toBe(false);
    expect(
      organizationIdentifierMatches(ntr, { notation: '17207834', source: 'eIDASIdentifier', country: 'LV' }),
    ).toBe(false);
    expect(organizationIdentifierMatches(ntr, { notation: '654321', source: 'vatIdentifier' })).toBe(false);
  });
});

describe('issuerIdentifiers', () => {
  test('reads ELM legal identifiers with their spatial country, and OB3 eIDAS otherIdentifiers', () => {
    const ids = issuerIdentifiers({
      eIDASIdentifier: { notation: '17207834', spatial: EST },
      vatIdentifier: [{ notation: '654321', spatial: ESP }],
      identifier: { notation: 'Res1818' },
      otherIdentifier: [
        { type: 'IdentifierEntry', identifierType: 'ext:eIDASIdentifier', identifier: 'VATNL-TEST0001' },
        { type: 'IdentifierEntry', identifierType: 'sourcedId', identifier: 'x-1' },
      ],
    });
    expect(ids).toEqual([
      { notation: '17207834', source: 'eIDASIdentifier', country: 'EE' },
      { notation: '654321', source: 'vatIdentifier', country: 'ES' },
      { notation: 'VATNL-TEST0001', source: 'otherIdentifier' },
    ]);
    expect(issuerIdentifiers('did:web:example.edu')).toEqual([]);
  });
});

describe('organisation names', () => {
  test('ignore case, accents, punctuation and legal-form words', () => {
    expect(compareOrgNames('VELOCERT OU', 'Velocert OÜ')).toBe(true);
    expect(compareOrgNames('Example Micro-Credential Academy B.V.', 'example micro credential academy')).toBe(
      true,
    );
    expect(compareOrgNames('NETIS d.o.o.', 'Netis')).toBe(true);
    expect(compareOrgNames('Telefónica, S.A.', 'TELEFONICA SA')).toBe(true);
    expect(compareOrgNames('AS Sertifitseerimiskeskus', 'Sertifitseerimiskeskus')).toBe(true);
    expect(compareOrgNames('Beispiel GmbH', 'Beispiel AG')).toBe(true);
    expect(normalizeOrgName('ORGANIZACION TEST')).toBe('organizacion test');
  });

  test('different names do not match', () => {
    expect(compareOrgNames('ORGANIZACION TEST', 'University of Zed')).toBe(false);
    expect(compareOrgNames('Velocert OÜ', 'Halcom d.d.')).toBe(false);
    expect(compareOrgNames('GmbH', 'AG')).toBe(false);
  });
});

describe('compareCertificateWithIssuer', () => {
  test('identifier and name match for the fixture seal certificate', async () => {
    const { esealRsa } = await fixturePki();
    const result = compareCertificateWithIssuer(certificateInfo(esealRsa.certificate), {
      legalName: { en: 'Example Micro-Credential Academy BV' },
      eIDASIdentifier: { notation: 'VATNL-TEST0001' },
    });
    expect(result).toMatchObject({
      identifier: 'match',
      name: 'match',
      certificateIdentifier: 'VATNL-TEST0001',
      certificateName: 'Example Micro-Credential Academy B.V.',
    });
  });

  test('mismatch and unavailable', async () => {
    const { esealRsa } = await fixturePki();
    const info = certificateInfo(esealRsa.certificate);
    expect(
      compareCertificateWithIssuer(info, {
        legalName: { de: 'Andere Akademie' },
        vatIdentifier: { notation: 'NL999' },
      }),
    ).toMatchObject({ identifier: 'mismatch', name: 'mismatch' });
    expect(compareCertificateWithIssuer(info, 'did:web:example.edu')).toMatchObject({
      identifier: 'unavailable',
      name: 'unavailable',
    });
  });
});

describe('buildAndValidateChain', () => {
  const at = new Date('2025-01-15T10:00:00Z');

  test('valid to the right root, leaf first and anchor last', async () => {
    const p = await fixturePki();
    const result = await buildAndValidateChain(
      p.esealRsa.certificate,
      [p.intermediate.certificate],
      [p.root.certificate],
      at,
    );
    expect(result.status).toBe('valid');
    expect(result.path.map((c) => c.commonName)).toEqual([
      'Example Micro-Credential Academy e-Seal',
      'mcred Fixture e-Seal CA',
      'mcred Fixture Root CA',
    ]);
  });

  test('a look-alike root (same name, other key) is untrusted', async () => {
    const p = await fixturePki();
    const result = await buildAndValidateChain(
      p.esealRsa.certificate,
      [p.intermediate.certificate],
      [p.wrongRoot.certificate],
      at,
    );
    expect(result.status).toBe('untrusted');
    expect(result.reason).toContain('does not verify with its key');
  });

  test('a missing intermediate is incomplete', async () => {
    const p = await fixturePki();
    const result = await buildAndValidateChain(p.esealRsa.certificate, [], [p.root.certificate], at);
    expect(result.status).toBe('incomplete');
    expect(result.reason).toContain('mcred Fixture e-Seal CA');
  });

  test('a leaf expired at the validation time fails as expired; before expiry it is valid', async () => {
    const p = await fixturePki();
    const expired = await buildAndValidateChain(
      p.esealExpired.certificate,
      [p.intermediate.certificate],
      [p.root.certificate],
      at,
    );
    expect(expired.status).toBe('expired');
    const earlier = await buildAndValidateChain(
      p.esealExpired.certificate,
      [p.intermediate.certificate],
      [p.root.certificate],
      new Date('2024-06-01T00:00:00Z'),
    );
    expect(earlier.status).toBe('valid');
  });

  test('an unrelated root only: the path ends at an untrusted certificate', async () => {
    const p = await fixturePki();
    const result = await buildAndValidateChain(
      p.esealRsa.certificate,
      [p.intermediate.certificate, p.root.certificate],
      [p.tsa.certificate],
      at,
    );
    expect(result.status).toBe('untrusted');
  });
});

describe('verifyTimestampToken', () => {
  test('valid over the right data; imprint mismatch over other data; garbage is unverifiable', async () => {
    const p = await fixturePki();
    const data = new TextEncoder().encode('hello seal');
    const token = await createTimestampToken(
      data,
      testTimestampAuthority(p, new Date('2025-01-15T10:00:00Z'), 7),
    );
    const ok = await verifyTimestampToken(token, data);
    expect(ok).toMatchObject({
      status: 'valid',
      genTime: '2025-01-15T10:00:00.000Z',
      hashAlgorithm: 'sha256',
    });
    expect(ok.tsa?.commonName).toBe('mcred Fixture TSA');

    const other = await verifyTimestampToken(token, new TextEncoder().encode('hello seal!'));
    expect(other.status).toBe('imprint-mismatch');

    const garbage = await verifyTimestampToken(new Uint8Array([1, 2, 3, 4]), data);
    expect(garbage.status).toBe('unverifiable');
  });

  test('a token whose TSA signature was altered is a bad signature', async () => {
    const p = await fixturePki();
    const data = new TextEncoder().encode('hello seal');
    const token = await createTimestampToken(
      data,
      testTimestampAuthority(p, new Date('2025-01-15T10:00:00Z'), 8),
    );
    const altered = token.slice();
    altered[altered.length - 5] ^= 0xff; // inside the RSA signature value, the last field of the token
    const result = await verifyTimestampToken(altered, data);
    expect(result.status).toBe('bad-signature');
  });
});

describe('certificates and PEM files', () => {
  test('parseCertificate accepts base64 DER and refuses other text', async () => {
    const p = await fixturePki();
    const der = Buffer.from(p.root.certificate.toSchema(true).toBER(false)).toString('base64');
    expect(parseCertificate(der)?.serialNumber.valueBlock.valueDec).toBe(0x1001);
    expect(parseCertificate('not a certificate!')).toBeUndefined();
    expect(parseCertificate('AAAA')).toBeUndefined();
  });

  test('parsePemCertificates and loadTrustAnchors', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mcred-pem-'));
    const bad = path.join(dir, 'bad.pem');
    writeFileSync(bad, '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n');
    expect(parsePemCertificates('no pem here')).toEqual({ certificates: [], invalid: 0 });

    const good = await loadTrustAnchors(ROOT_ANCHOR);
    expect(good.ok).toBe(true);
    expect(good.ok && good.certificates.length).toBe(1);
    expect(await loadTrustAnchors(bad)).toEqual({
      ok: false,
      path: bad,
      reason: 'no certificate block in it parses',
    });
    expect(await loadTrustAnchors(path.join(dir, 'missing.pem'))).toEqual({
      ok: false,
      path: path.join(dir, 'missing.pem'),
      reason: 'no such file',
    });
  });

  test('looksLikeTestCertificate flags test names, not the fixture PKI', async () => {
    const p = await fixturePki();
    expect(looksLikeTestCertificate(p.esealRsa.certificate)).toBe(false);
    expect(looksLikeTestCertificate(p.tsa.certificate)).toBe(false);
  });
});
