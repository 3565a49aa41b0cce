import { describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  ebsiAdapter,
  extractAttestation,
  extractLegacyEuropass,
  isElmShaped,
  isLegacyEuropass,
} from '../../../src/formats/ebsi.js';
import type { Adapted, JsonObject } from '../../../src/formats/types.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../..');
const samplesDir = path.resolve(repoRoot, '../shared/samples/real/ebsi');
const hasSamples = existsSync(samplesDir);

function readJson(file: string): JsonObject {
  return JSON.parse(readFileSync(file, 'utf8')) as JsonObject;
}

const sample = (name: string): JsonObject => readJson(path.join(samplesDir, name));
const input = (name: string): JsonObject => readJson(path.join(here, 'inputs', name));

function at(document: unknown, pointer: string): unknown {
  if (pointer === '') return document;
  return pointer
    .slice(1)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], document);
}

function expectPointersResolve(document: JsonObject, adapted: Adapted): void {
  for (const [key, element] of Object.entries(adapted.elements)) {
    for (const pointer of element.pointers) {
      expect({ key, pointer, defined: at(document, pointer) !== undefined }).toEqual({
        key,
        pointer,
        defined: true,
      });
    }
  }
}

function presentKeys(adapted: Adapted): string[] {
  return Object.entries(adapted.elements)
    .filter(([, element]) => element.present)
    .map(([key]) => key);
}

const IMPIERCE = 'impierce_credential-converter_Microcredential-Data-and-software-business.json';
const STATUS_ARRAY = 'npm-cef-ebsi_vcdm1.1-attestation-schema-2.0.0_credential-status-array.json';
const GENERIC = 'npm-cef-ebsi_vcdm1.1-attestation-schema-2.0.0_generic-attestation.json';
const COMPLEX = 'npm-cef-ebsi_vcdm2.0-attestation-schema-2.0.0_complex-attestation.json';
const WALT_MICRO = 'walt-id_waltid-ssikit_Microcredential_finetuned.json';
const WALT_DIPLOMA = 'walt-id_waltid-ssikit_VerifiableDiploma.json';

if (!hasSamples) {
  console.log(`ebsi.test: ${samplesDir} not found; the real-sample tests are not run.`);
} else {
  describe('ebsiAdapter on the EBSI samples', () => {
    it('impierce EDC micro-credential (VCDM 2.0, arrays in language maps): the ELM reading', () => {
      const document = sample(IMPIERCE);
      expect(isElmShaped(document)).toBe(true);
      const adapted = ebsiAdapter.adapt(document);
      const e = adapted.elements;
      expect(adapted.format).toBe('ebsi');
      expect(adapted.vcVersion).toBe('2.0');
      expect(adapted.issuerId).toBe('did:ebsi:org:12345689');
      expect(adapted.findings).toEqual([]);
      expect(e.learner.value).toEqual({
        id: 'did:key:afsdlkj34134',
        name: { en: 'David Smith' },
        givenName: { en: 'David' },
        familyName: { en: 'Smith' },
        identifiers: [
          { scheme: 'Student ID', value: '557552654', pointer: '/credentialSubject/identifier/0/notation' },
        ],
        subjectCount: 1,
      });
      expect(e.title.value).toEqual({ en: 'Data and software business' });
      expect(e.title.pointers).toEqual(['/credentialSubject/hasClaim/0/title']);
      // The same University of Life is referenced by all four claims: it is one awarding body.
      expect(e.awardingBody.value!.bodies.map((b) => [b.name, b.countries])).toEqual([
        [{ en: 'University of Life' }, ['BE']],
      ]);
      expect(e.awardingBody.value!.issuer?.name).toEqual({ en: 'ORGANIZACION TEST' });
      expect(e.issuerCountry.value!.countries).toEqual(['BE', 'ES']);
      expect(e.dateOfIssuing.value).toEqual({
        raw: '2024-03-26T16:04:42+01:00',
        property: 'issued',
        fallbackFrom: [],
      });
      expect(e.learningOutcomes.value!.structured).toBe(true);
      expect(e.learningOutcomes.value!.outcomes.map((o) => o.text?.en)).toEqual([
        'Monetizing with data and software',
        'Basic principles of data and software business',
        'Collaboratively develop a data or software concept',
      ]);
      expect(e.workload.value).toMatchObject({ ects: 5 });
      expect(e.workload.value!.entries).toEqual([
        {
          kind: 'credits',
          amount: 5,
          rawValue: '5',
          unit: 'ECTS',
          pointer: '/credentialSubject/hasClaim/0/specifiedBy/creditPoint/0/point',
        },
      ]);
      // The activities listed as claims say e-learning coursework.
      expect(e.participationForm.value).toMatchObject({
        concept: 'http://data.europa.eu/snb/learning-activity/bf2e3a7bae',
        annex: 'online',
      });
      expect(e.grade.value).toEqual({
        value: 'Excellent (5)',
        scheme: 'General grading scheme in Finland',
        pointer: '/credentialSubject/hasClaim/0/provenBy/0/grade/noteLiteral',
      });
      for (const key of [
        'level',
        'assessmentType',
        'qualityAssurance',
        'supervision',
        'stackability',
      ] as const) {
        expect(e[key].present).toBe(false);
      }
      expectPointersResolve(document, adapted);
    });

    it.each([GENERIC, STATUS_ARRAY])('%s: VC-level data only, issued preferred', (name) => {
      const document = sample(name);
      const adapted = ebsiAdapter.adapt(document);
      const e = adapted.elements;
      expect(adapted.vcVersion).toBe('1.1');
      expect(adapted.issuerId).toBe('did:ebsi:00001234');
      expect(presentKeys(adapted)).toEqual(['learner', 'awardingBody', 'dateOfIssuing']);
      expect(e.learner.value).toEqual({ id: 'did:ebsi:00001235', identifiers: [], subjectCount: 1 });
      expect(e.awardingBody.value).toEqual({
        bodies: [{ id: 'did:ebsi:00001234', identifiers: [], countries: [], pointer: '/issuer' }],
        issuer: { id: 'did:ebsi:00001234', identifiers: [], countries: [], pointer: '/issuer' },
        fromIssuer: true,
      });
      // issued (2020) differs from issuanceDate and validFrom (2021): issued wins.
      expect(e.dateOfIssuing.value).toEqual({
        raw: '2020-06-22T14:11:44Z',
        property: 'issued',
        fallbackFrom: [],
      });
      expect(e.dateOfIssuing.pointers).toEqual(['/issued']);
    });

    it('complex VCDM 2.0 attestation: issuer object with eIDAS country, two subjects, validFrom', () => {
      const document = sample(COMPLEX);
      const adapted = ebsiAdapter.adapt(document);
      const e = adapted.elements;
      expect(adapted.vcVersion).toBe('2.0');
      expect(adapted.issuerId).toBe('did:ebsi:ziDnioxYYLW1a3qUbqTFz4W');
      expect(e.learner.value!.subjectCount).toBe(2);
      expect(e.learner.value!.id).toMatch(/^did:key:z2dmzD81/);
      expect(e.awardingBody.value!.fromIssuer).toBe(true);
      expect(e.awardingBody.value!.bodies[0]).toMatchObject({
        name: { en: 'some legal name', fr: 'un nom légal' },
        identifiers: [{ scheme: 'eIDAS', value: '126839', pointer: '/issuer/eIDASIdentifier/notation' }],
        countries: ['FR'],
      });
      expect(e.issuerCountry.value!.entries).toEqual([
        {
          raw: 'http://publications.europa.eu/resource/authority/country/FRA',
          alpha2: 'FR',
          role: 'issuer',
          pointer: '/issuer/eIDASIdentifier/spatial/id',
        },
      ]);
      expect(e.dateOfIssuing.value).toEqual({
        raw: '2023-01-01T00:00:00Z',
        property: 'validFrom',
        fallbackFrom: ['issued', 'issuanceDate'],
      });
      expect(presentKeys(adapted)).toEqual(['learner', 'issuerCountry', 'awardingBody', 'dateOfIssuing']);
      expectPointersResolve(document, adapted);
    });

    it('walt-id Europass micro-credential (legacy model): outcomes, ECTS, grade, activities', () => {
      const document = sample(WALT_MICRO);
      expect(isElmShaped(document)).toBe(false);
      expect(isLegacyEuropass(document)).toBe(true);
      const adapted = ebsiAdapter.adapt(document);
      const e = adapted.elements;
      expect(e.learner.value).toEqual({
        id: 'did:epass:person:1',
        identifiers: [
          {
            scheme: 'Student identification number',
            value: '99009900',
            pointer: '/credentialSubject/identifier/0/value',
          },
        ],
        subjectCount: 1,
      });
      expect(e.title.value).toEqual({ und: 'Data and software business' });
      expect(e.title.pointers).toEqual(['/credentialSubject/achieved/0/title']);
      expect(e.learningOutcomes.value!.structured).toBe(true);
      expect(e.learningOutcomes.value!.outcomes.map((o) => [o.text, o.skills.length, o.pointer])).toEqual([
        [
          { und: 'Basic principles of data and software business' },
          3,
          '/credentialSubject/achieved/0/specifiedBy/0/learningOutcomes/0',
        ],
        [
          { und: 'Monetizing with data and software' },
          1,
          '/credentialSubject/achieved/0/specifiedBy/0/learningOutcomes/1',
        ],
        [
          { und: 'Collaboratively develop a data or software concept' },
          3,
          '/credentialSubject/achieved/0/specifiedBy/0/learningOutcomes/2',
        ],
      ]);
      expect(e.workload.value).toEqual({
        ects: 5,
        raw: ['5'],
        entries: [
          {
            kind: 'credits',
            amount: 5,
            rawValue: '5',
            unit: 'ECTS',
            pointer: '/credentialSubject/achieved/0/specifiedBy/0/hasECTSCreditPoints',
          },
        ],
      });
      expect(e.grade.value).toEqual({
        value: 'excellent (5)',
        scheme: 'General grading scheme in Finland',
        pointer: '/credentialSubject/achieved/0/wasDerivedFrom/0/grade',
      });
      expect(e.participationForm.value).toEqual({
        raw: 'http://data.europa.eu/snb/learning-activity/bf2e3a7bae',
        concept: 'http://data.europa.eu/snb/learning-activity/bf2e3a7bae',
        annex: 'online',
        pointer: '/credentialSubject/wasInfluencedBy/0/specifiedBy/learningActivityType/0',
      });
      expect(e.awardingBody.value).toMatchObject({ fromIssuer: true, bodies: [{ id: 'did:epass:org:1' }] });
      expect(e.dateOfIssuing.value).toEqual({
        raw: '2020-07-20T13:58:53+02:00',
        property: 'issued',
        fallbackFrom: [],
      });
      for (const key of ['issuerCountry', 'level', 'assessmentType', 'qualityAssurance'] as const) {
        expect(e[key].present).toBe(false);
      }
      expectPointersResolve(document, adapted);
    });

    it('walt-id VerifiableDiploma (legacy model): awarding body, FRANCE, 120 ECTS, EQF 7', () => {
      const document = sample(WALT_DIPLOMA);
      const adapted = ebsiAdapter.adapt(document);
      const e = adapted.elements;
      expect(adapted.issuerId).toBe('did:ebsi:zeKk952Yw9Kqgx6ckzQkief');
      expect(e.learner.value).toEqual({
        id: 'did:ebsi:zeKk952Yw9Kqgx6ckzQkief',
        givenName: { und: 'Jane' },
        familyName: { und: 'DOE' },
        dateOfBirth: '1993-04-08',
        identifiers: [{ value: '0904008084H', pointer: '/credentialSubject/identifier' }],
        subjectCount: 1,
      });
      expect(e.title.value).toEqual({ und: 'MASTERS LAW, ECONOMICS AND MANAGEMENT' });
      const body = e.awardingBody.value!.bodies[0]!;
      expect(e.awardingBody.value!.fromIssuer).toBe(false);
      expect(body).toMatchObject({
        id: 'did:ebsi:zeKk952Yw9Kqgx6ckzQkief',
        name: { und: 'Leaston University' },
        homepage: 'https://leaston.bcdiploma.com/',
        pointer: '/credentialSubject/awardingOpportunity/awardingBody',
      });
      expect(body.identifiers.map((i) => [i.scheme, i.value])).toEqual([
        ['registration', '0597065J'],
        ['eIDAS', 'Unknown'],
      ]);
      // The issuer DID is also the subject's id: it must not be read as the learner's node.
      expect(e.awardingBody.value!.issuer).toEqual({
        id: 'did:ebsi:zeKk952Yw9Kqgx6ckzQkief',
        identifiers: [],
        countries: [],
        pointer: '/issuer',
      });
      expect(e.issuerCountry.value).toEqual({
        countries: ['FR'],
        regions: [],
        entries: [
          {
            raw: 'FRANCE',
            alpha2: 'FR',
            role: 'awardingBody',
            pointer: '/credentialSubject/awardingOpportunity/location',
          },
        ],
      });
      expect(e.workload.value).toMatchObject({ ects: 120 });
      expect(e.workload.value!.entries[0]).toMatchObject({ rawValue: 120, unit: 'ECTS' });
      expect(e.level.value).toMatchObject({ eqf: 7, nqf: '7' });
      expect(e.level.value!.entries.map((l) => [l.framework, l.code, l.pointer])).toEqual([
        ['EQF', '7', '/credentialSubject/learningSpecification/eqfLevel'],
        ['NQF', '7', '/credentialSubject/learningSpecification/nqfLevel/0'],
      ]);
      expect(e.furtherInformation.value).toEqual({
        text: { und: 'DISTRIBUTION MANAGEMENT\n\nMARKETING AND SALES' },
        links: [],
      });
      expect(e.dateOfIssuing.value).toMatchObject({
        property: 'issued',
        raw: '2022-08-31T09:23:22.311939526Z',
      });
      // The diploma names no learning outcomes: missing, not invented.
      expect(e.learningOutcomes.present).toBe(false);
      expectPointersResolve(document, adapted);
    });
  });
}

describe('ebsiAdapter on hand-made inputs', () => {
  it('legacy model with single values, point as string and number, text-only concepts', () => {
    const document = input('ebsi-legacy-minimal.json');
    const adapted = ebsiAdapter.adapt(document);
    const e = adapted.elements;
    expect(adapted.issuerId).toBe('did:ebsi:zIssuer');
    expect(e.learner.value).toMatchObject({ givenName: { und: 'Ada' }, familyName: { und: 'Lovelace' } });
    expect(e.title.value).toEqual({ und: 'Short course in data' });
    // "3" and 3 are the same ECTS value: no conflict.
    expect(e.workload.value!.ects).toBe(3);
    expect(e.workload.value!.entries.map((w) => [w.rawValue, w.amount, w.unit])).toEqual([
      ['3', 3, 'ECTS'],
      [3, 3, 'ECTS'],
    ]);
    expect(e.issuerCountry.value!.entries).toEqual([
      {
        raw: 'NLD',
        alpha2: 'NL',
        role: 'awardingBody',
        pointer: '/credentialSubject/achieved/wasAwardedBy/awardingLocation/0',
      },
      {
        raw: 'Atlantis',
        role: 'awardingBody',
        pointer: '/credentialSubject/achieved/wasAwardedBy/awardingLocation/1',
      },
    ]);
    expect(e.awardingBody.value).toMatchObject({ fromIssuer: false, bodies: [{ id: 'did:ebsi:zAwarder' }] });
    expect(e.dateOfIssuing.value).toEqual({
      raw: '2023-02-01T00:00:00Z',
      property: 'issuanceDate',
      fallbackFrom: ['issued'],
    });
    expect(e.level.value).toMatchObject({ eqf: 4 });
    expect(e.learningOutcomes.value!.outcomes).toEqual([
      {
        text: { und: 'Clean a data set' },
        skills: ['http://data.europa.eu/esco/skill/x'],
        pointer: '/credentialSubject/achieved/specifiedBy/learningOutcome',
      },
    ]);
    expect(e.assessmentType.value).toEqual({
      raw: 'portfolio',
      annex: 'portfolio',
      pointer: '/credentialSubject/achieved/wasDerivedFrom/specifiedBy/assessmentType/0',
    });
    expect(e.participationForm.value).toMatchObject({ raw: 'blended', annex: 'blended' });
    expect(e.supervision.value).toMatchObject({
      annex: 'supervised online or onsite with identity verification',
    });
    expect(e.grade.value).toEqual({
      value: 'B',
      scheme: 'A-F',
      pointer: '/credentialSubject/achieved/wasDerivedFrom/grade',
    });
    expect(e.prerequisites.value).toEqual({ und: 'None' });
    expect(e.stackability.value).toMatchObject({
      raw: false,
      annex: 'stand-alone, independent micro-credential',
    });
    expectPointersResolve(document, adapted);
  });

  it('legacy model with arrays where the minimal input has single values gives the same values', () => {
    const document = input('ebsi-legacy-minimal.json');
    const subject = document.credentialSubject as JsonObject;
    const achieved = subject.achieved as JsonObject;
    const arrayed: JsonObject = {
      ...document,
      credentialSubject: [{ ...subject, achieved: [{ ...achieved, specifiedBy: [achieved.specifiedBy] }] }],
    };
    const single = extractLegacyEuropass(document).elements;
    const many = extractLegacyEuropass(arrayed).elements;
    expect(many.workload.value!.ects).toBe(single.workload.value!.ects);
    expect(many.level.value!.eqf).toBe(4);
    expect(many.title.value).toEqual(single.title.value);
    expect(many.workload.value!.entries[0]!.pointer).toBe(
      '/credentialSubject/0/achieved/0/specifiedBy/0/ectsCreditPoints',
    );
  });

  it('EDC on EBSI with {"en":["x"]} maps and a reference loop: ELM reading, FORMAT_REFERENCE_LOOP', () => {
    const document: JsonObject = {
      '@context': ['https://www.w3.org/ns/credentials/v2', 'http://data.europa.eu/snb/model/context/edc-ap'],
      type: ['VerifiableCredential', 'VerifiableAttestation', 'EuropeanDigitalCredential'],
      issuer: { id: 'did:ebsi:zSealer', legalName: { en: ['Sealer'] } },
      issued: '2024-06-01T00:00:00Z',
      credentialSubject: {
        id: 'did:key:zLearner',
        hasClaim: [
          {
            id: 'urn:claim:1',
            type: 'LearningAchievement',
            title: { en: ['Stacked module'] },
            specifiedBy: [
              {
                id: 'urn:spec:1',
                creditPoint: [
                  { framework: { id: 'http://data.europa.eu/snb/education-credit/6fcec5c5af' }, point: 3 },
                ],
                learningOutcome: { id: 'urn:claim:1' },
              },
            ],
          },
        ],
      },
    };
    const adapted = ebsiAdapter.adapt(document);
    expect(adapted.vcVersion).toBe('2.0');
    expect(adapted.elements.title.value).toEqual({ en: 'Stacked module' });
    expect(adapted.elements.workload.value).toMatchObject({ ects: 3 });
    expect(adapted.elements.awardingBody.value).toMatchObject({
      fromIssuer: true,
      bodies: [{ name: { en: 'Sealer' } }],
    });
    // learningOutcome points back at the claim: cut and reported, never followed.
    expect(adapted.findings.map((f) => [f.code, f.pointer])).toEqual([
      ['FORMAT_REFERENCE_LOOP', '/credentialSubject/hasClaim/0/specifiedBy/0/learningOutcome'],
    ]);
    expect(adapted.elements.learningOutcomes.present).toBe(false);
  });

  it('generic attestation: issuer string vs object give the same issuer id', () => {
    const base: JsonObject = {
      '@context': ['https://www.w3.org/2018/credentials/v1'],
      type: ['VerifiableCredential', 'VerifiableAttestation'],
      issuanceDate: '2022-01-01T00:00:00Z',
      credentialSubject: { id: 'did:ebsi:zSubject' },
    };
    const asString = ebsiAdapter.adapt({ ...base, issuer: 'did:ebsi:zIssuer' });
    const asObject = ebsiAdapter.adapt({
      ...base,
      name: { en: 'Membership attestation' },
      description: 'Issued to members.',
      issuer: { id: 'did:ebsi:zIssuer', legalName: { en: 'Issuer Org' } },
    });
    expect(asString.issuerId).toBe('did:ebsi:zIssuer');
    expect(asObject.issuerId).toBe('did:ebsi:zIssuer');
    expect(asString.elements.awardingBody.value!.bodies[0]).toEqual({
      id: 'did:ebsi:zIssuer',
      identifiers: [],
      countries: [],
      pointer: '/issuer',
    });
    expect(asObject.elements.awardingBody.value!.bodies[0]!.name).toEqual({ en: 'Issuer Org' });
    // A VCDM 2.0 name and description are the only title and further information a generic attestation has.
    expect(asObject.elements.title).toEqual({
      present: true,
      value: { en: 'Membership attestation' },
      pointers: ['/name'],
    });
    expect(asObject.elements.furtherInformation.value).toEqual({
      text: { und: 'Issued to members.' },
      links: [],
    });
    expect(asString.elements.title.present).toBe(false);
    expect(asString.elements.dateOfIssuing.value).toEqual({
      raw: '2022-01-01T00:00:00Z',
      property: 'issuanceDate',
      fallbackFrom: ['issued'],
    });
  });

  it('generic attestation: a credentialSubject array is counted, the first subject is the learner', () => {
    const { elements } = extractAttestation({
      issuer: 'did:ebsi:zIssuer',
      credentialSubject: [
        { id: 'did:key:zFirst', fullName: { en: ['First Person'] } },
        { id: 'did:key:zSecond', fullName: { en: 'Second Person' } },
      ],
    });
    expect(elements.learner.value).toEqual({
      id: 'did:key:zFirst',
      name: { en: 'First Person' },
      identifiers: [],
      subjectCount: 2,
    });
    expect(elements.learner.pointers).toEqual(['/credentialSubject/0/id', '/credentialSubject/0/fullName']);
  });

  it('generic attestation: wrong types give no elements and no throw', () => {
    const adapted = ebsiAdapter.adapt({
      issuer: 7,
      credentialSubject: 'x',
      issued: { at: '2020' },
      validFrom: null,
    });
    expect(presentKeys(adapted)).toEqual([]);
    expect(adapted.issuerId).toBeUndefined();
    expect(adapted.findings).toEqual([]);
  });
});
