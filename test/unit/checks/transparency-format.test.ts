// Transparency, format and schema findings that the structural fixtures do not cover,
// each made to fire through a real adapter.
import { describe, expect, test } from '@jest/globals';
import { checkDocument, codesOf, findingsOf, ob3Credential } from '../../support/check.js';

const validate = (doc: unknown, extra = {}) => checkDocument(doc, { profile: 'structure', ...extra });

const record = (fields: Record<string, unknown>) => ({
  recordType: 'AnnexIRecord',
  title: 'Data Stewardship',
  ...fields,
});

describe('transparency: workload', () => {
  test('a calendar duration (P2M) is reported, not converted to hours', async () => {
    const edc = {
      '@context': [
        'https://www.w3.org/2018/credentials/v1',
        'http://data.europa.eu/snb/model/context/edc-ap',
      ],
      type: ['VerifiableCredential', 'EuropeanDigitalCredential'],
      issuer: { id: 'urn:org:1', legalName: { en: 'Org' } },
      credentialSubject: {
        id: 'urn:person:1',
        hasClaim: {
          id: 'urn:claim:1',
          type: 'LearningAchievement',
          title: { en: 'T' },
          specifiedBy: { id: 'urn:spec:1', volumeOfLearning: 'P2M' },
        },
      },
    };
    const r = await validate(edc);
    expect(
      findingsOf(r, 'transparency')
        .filter((f) => f.element === 'workload')
        .map((f) => [f.code, f.pointer]),
    ).toEqual([['WORKLOAD_CALENDAR_DURATION', '/credentialSubject/hasClaim/specifiedBy/volumeOfLearning']]);
    expect(r.elements.workload.value?.hours).toBeUndefined();
  });

  test("5 ECTS with 45 hours (9 h per credit) disagree with the ECTS Users' Guide", async () => {
    const r = await validate(record({ workload: { ects: 5, hours: 45 } }));
    expect(codesOf(r, 'transparency')).toContain('WORKLOAD_ECTS_HOURS_MISMATCH');
    const fine = await validate(record({ workload: { ects: 2, hours: 56 } }));
    expect(codesOf(fine, 'transparency')).not.toContain('WORKLOAD_ECTS_HOURS_MISMATCH');
  });
});

describe('transparency: dates and parties', () => {
  test('an OB3 credential with only awardedDate takes the date of issuing from the award', async () => {
    const doc = ob3Credential({ awardedDate: '2024-06-01T10:00:00Z' });
    delete doc.validFrom;
    const r = await validate(doc);
    expect(r.elements.dateOfIssuing.value?.property).toBe('awardedDate');
    expect(findingsOf(r, 'transparency').map((f) => [f.code, f.pointer])).toContainEqual([
      'DATE_FROM_AWARD',
      '/awardedDate',
    ]);
  });

  test('two subjects: every one is read, and the credential is flagged (B40)', async () => {
    const doc = ob3Credential();
    const subject = doc.credentialSubject as Record<string, unknown>;
    doc.credentialSubject = [subject, { ...subject, id: 'did:example:learner-2' }];
    const r = await validate(doc);
    expect(r.elements.learner.value?.subjectCount).toBe(2);
    expect(codesOf(r, 'transparency')).toContain('LEARNER_MULTIPLE_SUBJECTS');
  });
});

describe('format: forcing and envelopes', () => {
  test('--input-format edc on an Open Badge warns that the markers do not match', async () => {
    const r = await validate(ob3Credential(), { inputFormat: 'edc' });
    expect(r.format).toBe('edc');
    expect(codesOf(r, 'format')).toContain('FORMAT_FORCED_MISMATCH');
  });

  test('a JWS envelope whose payload is not JSON is FORMAT_ENVELOPE_INVALID, verdict error', async () => {
    const r = await validate({
      payload: 'not json at all',
      signatures: [{ protected: 'e30', signature: 'AA' }],
    });
    expect(r.verdict).toBe('error');
    expect(findingsOf(r, 'format').map((f) => [f.code, f.pointer])).toEqual([
      ['FORMAT_ENVELOPE_INVALID', '/payload'],
    ]);
  });

  test('a compact JWS that carries no credential is FORMAT_ENVELOPE_INVALID', async () => {
    const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const jwt = `${b64({ alg: 'EdDSA' })}.${b64({ hello: 'world' })}.${Buffer.from('sig').toString('base64url')}`;
    const r = await validate(jwt);
    expect(r.verdict).toBe('error');
    expect(codesOf(r, 'format')).toEqual(['FORMAT_ENVELOPE_INVALID']);
  });
});

describe('schema: credentialSchema entries and element values', () => {
  test('a ShaclValidator2017 schema is skipped with an info finding, never a failure (B33)', async () => {
    const doc = ob3Credential({
      credentialSchema: {
        id: 'http://data.europa.eu/snb/model/ap/edc-generic-full',
        type: 'ShaclValidator2017',
      },
    });
    const r = await validate(doc);
    const f = findingsOf(r, 'schema').filter((x) => x.code === 'SCHEMA_TYPE_UNSUPPORTED');
    expect(f.map((x) => [x.severity, x.pointer])).toEqual([['info', '/credentialSchema']]);
    expect(r.checks.find((c) => c.id === 'schema')?.status).toBe('pass');
  });
});

describe('schema: an extracted element that breaks its element schema', () => {
  test('a JSON-LD title tagged "en_GB" (underscore) breaks the title schema: one finding, at the title', async () => {
    const doc = ob3Credential();
    const achievement = (doc.credentialSubject as { achievement: Record<string, unknown> }).achievement;
    achievement.name = { '@value': 'Data Stewardship', '@language': 'en_GB' };
    const r = await validate(doc);
    const f = findingsOf(r, 'schema').filter((x) => x.code === 'SCHEMA_ELEMENT_INVALID');
    expect(f.map((x) => [x.element, x.pointer])).toEqual([['title', '/credentialSubject/achievement/name']]);
    expect(f[0]!.message).toContain('must match pattern');
  });
});

describe('limits apply inside envelopes too', () => {
  test('a JAdES payload nested deeper than --max-depth is refused with INPUT_TOO_DEEP at a /payload pointer', async () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 70; i++) deep = [deep];
    const envelope = {
      payload: JSON.stringify({ type: ['VerifiableCredential'], deep }),
      signatures: [{ protected: 'e30', signature: 'AA' }],
    };
    const r = await validate(envelope);
    expect(r.verdict).toBe('error');
    const f = r.findings.find((x) => x.code === 'INPUT_TOO_DEEP');
    expect(f?.pointer?.startsWith('/payload/deep/0/0')).toBe(true);
  });

  test('a JWT payload nested deeper than --max-depth is refused too', async () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 70; i++) deep = { d: deep };
    const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const jwt = `${b64({ alg: 'EdDSA' })}.${b64({ vc: { '@context': ['https://www.w3.org/2018/credentials/v1'], credentialSubject: deep } })}.AA`;
    const r = await validate(jwt);
    expect(r.verdict).toBe('error');
    expect(
      r.findings.find((x) => x.code === 'INPUT_TOO_DEEP')?.pointer?.startsWith('/vc/credentialSubject/d/d'),
    ).toBe(true);
  });
});

describe('format: data outside a signed envelope', () => {
  test('a member beside payload and signatures is reported and ignored; the payload is still what is read', async () => {
    const { readFileSync } = await import('node:fs');
    const envelope = JSON.parse(readFileSync('fixtures/demo/signed-edc-jades.json', 'utf8')) as Record<
      string,
      unknown
    >;
    const r = await validate({ ...envelope, credentialSubject: { fullName: 'Mallory' } });
    expect(r.findings.filter((f) => f.check === 'format').map((f) => [f.code, f.pointer])).toEqual([
      ['FORMAT_ENVELOPE_UNSIGNED_MEMBERS', '/credentialSubject'],
    ]);
    expect(JSON.stringify(r.elements.learner.value)).not.toContain('Mallory');
  });
});
