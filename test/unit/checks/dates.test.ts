// The dates check through the real pipeline: strict RFC 3339, issuing date, validity window, skew.
import { describe, expect, test } from '@jest/globals';
import { checkDocument, codesOf, findingsOf, ob3Credential, statusOf } from '../../support/check.js';

const AT = new Date('2025-01-01T00:00:00Z');
const verify = (doc: Record<string, unknown>, extra = {}) =>
  checkDocument(doc, { profile: 'authenticity', at: AT, ...extra });

describe('dates: the date of issuing is strict RFC 3339 with an offset (B14, B17)', () => {
  test('minute 73 is invalid, never rolled over to 20:13 (B17)', async () => {
    const r = await verify(ob3Credential({ validFrom: '2010-01-01T19:73:24Z' }));
    const f = findingsOf(r, 'dates').find((x) => x.code === 'DATE_INVALID');
    expect(f?.message).toContain('minute out of range');
    expect(f?.pointer).toBe('/validFrom');
    expect(statusOf(r, 'dates')).toBe('fail');
  });

  test('a second 60 with a stray offset is invalid; 23:59:60Z is a valid leap second', async () => {
    const bad = await verify(ob3Credential({ validFrom: '2016-12-31T23:59:60+02:00' }));
    expect(findingsOf(bad, 'dates').find((x) => x.code === 'DATE_INVALID')?.message).toContain('leap second');
    const good = await verify(ob3Credential({ validFrom: '2016-12-31T23:59:60Z' }));
    expect(codesOf(good, 'dates')).toEqual([]);
  });

  test('an offset beyond ±14:00 is invalid', async () => {
    const r = await verify(ob3Credential({ validFrom: '2024-06-01T10:00:00+14:30' }));
    expect(findingsOf(r, 'dates').find((x) => x.code === 'DATE_INVALID')?.message).toContain(
      'offset out of range',
    );
  });

  test('a local time (no offset) is an error for the date of issuing, even in VC 1.1', async () => {
    const v1 = ob3Credential({
      '@context': [
        'https://www.w3.org/2018/credentials/v1',
        'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
      ],
      issuanceDate: '2024-06-15T00:00:00',
    });
    delete v1.validFrom;
    const r = await verify(v1);
    expect(
      findingsOf(r, 'dates')
        .filter((f) => f.code === 'DATE_NO_OFFSET')
        .map((f) => f.pointer),
    ).toEqual(['/issuanceDate']);
  });

  test('a VC 1.1 validity end without an offset is a warning, evaluated as UTC on every host (B14)', async () => {
    const v1 = ob3Credential({
      '@context': [
        'https://www.w3.org/2018/credentials/v1',
        'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
      ],
      issuanceDate: '2024-06-15T00:00:00Z',
      expirationDate: '2024-12-01T00:00:00',
    });
    delete v1.validFrom;
    const r = await verify(v1);
    expect(codesOf(r, 'dates')).toEqual(['DATE_NO_OFFSET_ASSUMED_UTC', 'DATE_EXPIRED']);
  });

  test('a space instead of T is not RFC 3339 (B39)', async () => {
    const r = await verify(ob3Credential({ validFrom: '2022-05-11 03:03:03' }));
    expect(codesOf(r, 'dates')).toContain('DATE_INVALID');
  });
});

describe('dates: the validity window, --at and --skew (B19, B20, B22)', () => {
  test('validFrom in 2099 is not yet valid, with the date in the message (B19)', async () => {
    const r = await verify(ob3Credential({ validFrom: '2099-01-01T00:00:00Z' }));
    const f = findingsOf(r, 'dates').find((x) => x.code === 'DATE_NOT_YET_VALID');
    expect(f?.message).toContain('2099-01-01T00:00:00Z');
    expect(statusOf(r, 'dates')).toBe('fail');
  });

  test('an expired credential fails dates, and --at inside the window passes (B20)', async () => {
    const doc = ob3Credential({ validFrom: '2021-12-31T00:00:00Z', validUntil: '2022-01-01T00:00:00Z' });
    const expired = await verify(doc);
    expect(findingsOf(expired, 'dates').find((f) => f.code === 'DATE_EXPIRED')?.message).toContain(
      '2022-01-01',
    );
    const then = await verify(doc, { at: new Date('2021-12-31T12:00:00Z') });
    expect(statusOf(then, 'dates')).toBe('pass');
  });

  test('30 s ahead is tolerated within the default 300 s skew, and reported (B22)', async () => {
    const soon = new Date(AT.getTime() + 30_000).toISOString();
    const r = await verify(ob3Credential({ validFrom: soon, proof: { type: 'x', created: soon } }));
    expect(codesOf(r, 'dates')).toEqual(['DATE_SKEW_TOLERATED']);
    const strict = await verify(ob3Credential({ validFrom: soon }), { skewSeconds: 10 });
    expect(codesOf(strict, 'dates')).toEqual(['DATE_NOT_YET_VALID']);
  });

  test('validUntil before validFrom is an inverted window', async () => {
    const r = await verify(
      ob3Credential({ validFrom: '2024-06-01T00:00:00Z', validUntil: '2024-05-01T00:00:00Z' }),
    );
    expect(codesOf(r, 'dates')).toContain('DATE_WINDOW_INVERTED');
  });

  test('proof.created after the verification time fails, even when the rest is fine', async () => {
    const r = await verify(
      ob3Credential({ proof: { type: 'DataIntegrityProof', created: '2030-01-01T00:00:00Z' } }),
    );
    expect(findingsOf(r, 'dates').map((f) => [f.code, f.pointer])).toEqual([
      ['PROOF_CREATED_IN_FUTURE', '/proof/created'],
    ]);
  });

  test('an EDC issued after the verification time is issued in the future', async () => {
    const edc = {
      '@context': [
        'https://www.w3.org/2018/credentials/v1',
        'http://data.europa.eu/snb/model/context/edc-ap',
      ],
      type: ['VerifiableCredential', 'EuropeanDigitalCredential'],
      issuer: { id: 'urn:epass:org:1', legalName: { en: 'Org' } },
      issued: '2030-01-01T00:00:00Z',
      validFrom: '2024-01-01T00:00:00Z',
      credentialSubject: { id: 'urn:epass:person:1', fullName: { en: 'Alex Example' } },
    };
    const r = await verify(edc);
    expect(findingsOf(r, 'dates').map((f) => [f.code, f.pointer])).toEqual([
      ['DATE_ISSUED_IN_FUTURE', '/issued'],
    ]);
  });
});

describe('dates: VC 1.1 / 2.0 property mix-ups', () => {
  test('issuanceDate in a VC 2.0 credential is a finding', async () => {
    const r = await verify(ob3Credential({ issuanceDate: '2024-06-01T10:00:00Z' }));
    expect(findingsOf(r, 'dates').find((f) => f.code === 'DATE_PROPERTY_WRONG_MODEL')?.pointer).toBe(
      '/issuanceDate',
    );
  });

  test('validUntil in a VC 1.1 Open Badge is a finding', async () => {
    const v1 = ob3Credential({
      '@context': [
        'https://www.w3.org/2018/credentials/v1',
        'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json',
      ],
      issuanceDate: '2024-06-01T10:00:00Z',
      validUntil: '2030-01-01T00:00:00Z',
    });
    delete v1.validFrom;
    const r = await verify(v1);
    expect(findingsOf(r, 'dates').find((f) => f.code === 'DATE_PROPERTY_WRONG_MODEL')?.pointer).toBe(
      '/validUntil',
    );
  });
});

describe('dates: a missing date of issuing has one owner', () => {
  test('verify (no elements check) reports DATE_OF_ISSUING_MISSING; check reports ELEMENT_MISSING only', async () => {
    const doc = ob3Credential();
    delete doc.validFrom;
    const verified = await verify(doc);
    expect(codesOf(verified, 'dates')).toEqual(['DATE_OF_ISSUING_MISSING']);
    const checked = await checkDocument(doc, { at: AT });
    expect(codesOf(checked, 'dates')).toEqual([]);
    expect(
      findingsOf(checked)
        .filter((f) => f.element === 'dateOfIssuing')
        .map((f) => f.code),
    ).toEqual(['ELEMENT_MISSING']);
  });
});

describe('dates: a plain day is a valid date of issuing outside the VC date properties', () => {
  test('a native record dated 2024-06-30 passes dates; 2024-02-30 is invalid', async () => {
    const record = { recordType: 'AnnexIRecord', title: 'T', dateOfIssuing: '2024-06-30' };
    expect(codesOf(await verify(record), 'dates')).toEqual([]);
    const bad = await verify({ ...record, dateOfIssuing: '2024-02-30' });
    expect(findingsOf(bad, 'dates').map((f) => [f.code, f.pointer])).toEqual([
      ['DATE_INVALID', '/dateOfIssuing'],
    ]);
  });

  test('a plain day in validFrom is still invalid (VC 2.0 asks for a dateTimeStamp)', async () => {
    expect(codesOf(await verify(ob3Credential({ validFrom: '2024-06-30' })), 'dates')).toEqual([
      'DATE_INVALID',
    ]);
  });
});
