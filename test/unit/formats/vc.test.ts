// The generic W3C VC adapter: issuer, subject, dates, name/description, and nothing invented.
import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { JsonObject } from '../../../src/formats/types.js';
import { issuingDateOrder, readIssuingDate, vcAdapter, vcVersionOf } from '../../../src/formats/vc.js';
import { ELEMENT_KEYS, type ElementKey, type ElementMap } from '../../../src/model/elements.js';
import { elementValidator } from '../../../src/model/schemas.js';
import { describeIfShared, REAL_DIR } from '../../support/shared.js';

function presentKeys(elements: ElementMap): ElementKey[] {
  return ELEMENT_KEYS.filter((key) => elements[key].present);
}

const V2: JsonObject = {
  '@context': ['https://www.w3.org/ns/credentials/v2', 'https://www.w3.org/ns/credentials/examples/v2'],
  id: 'urn:uuid:1',
  type: ['VerifiableCredential', 'ExampleDegreeCredential'],
  name: 'Example degree',
  description: { '@value': 'A degree for testing', '@language': 'en' },
  issuer: {
    id: 'did:example:issuer',
    name: 'Example University',
    url: 'https://uni.example',
    address: { addressCountryCode: 'FR', addressRegion: 'Île-de-France' },
  },
  validFrom: '2024-01-01T00:00:00Z',
  credentialSubject: [
    {
      id: 'did:example:alice',
      name: 'Alice',
      degree: { type: 'BachelorDegree', name: 'Bachelor of Science' },
    },
    { id: 'did:example:bob' },
  ],
};

describe('vc adapter', () => {
  test('VC 2.0: issuer, country, subjects, validFrom, name and description; nothing else', () => {
    const { elements, format, vcVersion, issuerId, findings } = vcAdapter.adapt(V2);
    expect({ format, vcVersion, issuerId, findings }).toEqual({
      format: 'vc',
      vcVersion: '2.0',
      issuerId: 'did:example:issuer',
      findings: [],
    });
    expect(presentKeys(elements)).toEqual([
      'learner',
      'title',
      'issuerCountry',
      'awardingBody',
      'dateOfIssuing',
      'furtherInformation',
    ]);
    expect(elements.title.value).toEqual({ und: 'Example degree' });
    expect(elements.title.pointers).toEqual(['/name']);
    expect(elements.furtherInformation.value).toEqual({ text: { en: 'A degree for testing' }, links: [] });
    expect(elements.dateOfIssuing.value).toEqual({
      raw: '2024-01-01T00:00:00Z',
      property: 'validFrom',
      fallbackFrom: [],
    });
    expect(elements.learner.value).toEqual({
      id: 'did:example:alice',
      name: { und: 'Alice' },
      subjectCount: 2,
      identifiers: [
        { scheme: 'credentialSubject.id', value: 'did:example:bob', pointer: '/credentialSubject/1/id' },
      ],
    });
    expect(elements.issuerCountry.value).toEqual({
      countries: ['FR'],
      regions: [{ value: 'Île-de-France', pointer: '/issuer/address/addressRegion' }],
      entries: [{ raw: 'FR', alpha2: 'FR', role: 'issuer', pointer: '/issuer/address/addressCountryCode' }],
    });
    const body = {
      id: 'did:example:issuer',
      name: { und: 'Example University' },
      homepage: 'https://uni.example',
      identifiers: [],
      countries: ['FR'],
      pointer: '/issuer',
    };
    expect(elements.awardingBody.value).toEqual({ bodies: [body], issuer: body, fromIssuer: true });
    for (const key of presentKeys(elements)) expect(elementValidator(key)(elements[key].value)).toBe(true);
  });

  test('VC 1.1 with a string issuer: issuanceDate preferred over validFrom', () => {
    const document: JsonObject = {
      '@context': ['https://www.w3.org/2018/credentials/v1'],
      type: ['VerifiableCredential'],
      issuer: 'did:example:issuer',
      issuanceDate: '2020-01-01T00:00:00Z',
      validFrom: '2021-01-01T00:00:00Z',
      credentialSubject: { id: 'did:example:alice' },
    };
    const { elements, vcVersion, issuerId } = vcAdapter.adapt(document);
    expect([vcVersion, issuerId]).toEqual(['1.1', 'did:example:issuer']);
    expect(elements.dateOfIssuing.value).toEqual({
      raw: '2020-01-01T00:00:00Z',
      property: 'issuanceDate',
      fallbackFrom: [],
    });
    expect(elements.awardingBody.value?.bodies).toEqual([
      { id: 'did:example:issuer', identifiers: [], countries: [], pointer: '/issuer' },
    ]);
    expect(presentKeys(elements)).toEqual(['learner', 'awardingBody', 'dateOfIssuing']);
  });

  test('date order follows the VC version; a missing preferred property is listed in fallbackFrom', () => {
    expect([issuingDateOrder('1.1'), issuingDateOrder('2.0'), issuingDateOrder(undefined)]).toEqual([
      ['issuanceDate', 'validFrom'],
      ['validFrom', 'issuanceDate'],
      ['validFrom', 'issuanceDate'],
    ]);
    expect(readIssuingDate({ issuanceDate: '2020-01-01T00:00:00Z' }, ['validFrom', 'issuanceDate'])).toEqual({
      value: { raw: '2020-01-01T00:00:00Z', property: 'issuanceDate', fallbackFrom: ['validFrom'] },
      pointer: '/issuanceDate',
    });
    // A number is not a date string: skipped, and the check for the date sees only what is there.
    expect(readIssuingDate({ validFrom: 20200101 }, ['validFrom'])).toBeUndefined();
  });

  test('the version comes from the first base context', () => {
    expect([
      vcVersionOf({
        '@context': ['https://www.w3.org/ns/credentials/v2', 'https://www.w3.org/2018/credentials/v1'],
      }),
      vcVersionOf({ '@context': 'https://www.w3.org/2018/credentials/v1' }),
      vcVersionOf({ '@context': [{ '@vocab': 'https://x.example/' }] }),
      vcVersionOf('not a document'),
    ]).toEqual(['2.0', '1.1', undefined, undefined]);
  });

  test('nothing is invented: a degree name in the subject is not the title', () => {
    const { elements } = vcAdapter.adapt({ ...V2, name: undefined, description: undefined } as JsonObject);
    expect(elements.title.present).toBe(false);
    expect(elements.furtherInformation.present).toBe(false);
  });

  test('wrong types do not throw: numeric issuer, string subject, array dates', () => {
    const { elements, issuerId } = vcAdapter.adapt({
      '@context': 'https://www.w3.org/ns/credentials/v2',
      issuer: 7,
      credentialSubject: 'did:example:alice',
      validFrom: ['2024-01-01T00:00:00Z'],
      name: ['', { '@value': 3 }],
    });
    expect(issuerId).toBeUndefined();
    expect(elements.learner.value).toEqual({ id: 'did:example:alice', identifiers: [], subjectCount: 1 });
    expect(elements.learner.pointers).toEqual(['/credentialSubject']);
    expect(elements.dateOfIssuing.value).toEqual({
      raw: '2024-01-01T00:00:00Z',
      property: 'validFrom',
      fallbackFrom: [],
    });
    expect(elements.dateOfIssuing.pointers).toEqual(['/validFrom/0']);
    expect(elements.title.value).toEqual({ und: '3' });
    expect(elements.awardingBody.present).toBe(false);
  });
});

describeIfShared('vc adapter on real EBSI attestations', () => {
  const read = (name: string) =>
    JSON.parse(readFileSync(path.join(REAL_DIR, 'ebsi', name), 'utf8')) as JsonObject;

  test('generic VCDM 1.1 attestation: subject id, issuer string, issuanceDate', () => {
    const { elements, vcVersion } = vcAdapter.adapt(
      read('npm-cef-ebsi_vcdm1.1-attestation-schema-2.0.0_generic-attestation.json'),
    );
    expect(vcVersion).toBe('1.1');
    expect(presentKeys(elements)).toEqual(['learner', 'awardingBody', 'dateOfIssuing']);
    expect(elements.learner.value).toEqual({ id: 'did:ebsi:00001235', identifiers: [], subjectCount: 1 });
    expect(elements.dateOfIssuing.value).toEqual({
      raw: '2021-11-01T00:00:00Z',
      property: 'issuanceDate',
      fallbackFrom: [],
    });
  });

  test('complex VCDM 2.0 attestation: two subjects, issuer legalName as a language map', () => {
    const { elements } = vcAdapter.adapt(
      read('npm-cef-ebsi_vcdm2.0-attestation-schema-2.0.0_complex-attestation.json'),
    );
    expect(elements.learner.value?.subjectCount).toBe(2);
    expect(elements.awardingBody.value?.issuer?.name).toEqual({ en: 'some legal name', fr: 'un nom légal' });
    expect(elements.dateOfIssuing.value?.property).toBe('validFrom');
  });
});
