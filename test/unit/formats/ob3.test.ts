// The Open Badges 3.0 adapter: real samples read in place from ../shared, hand-written inputs in
// inputs-ob3/, and inline variants for each mapping rule documented at the top of src/formats/ob3.ts.
import { describe, expect, test } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ob3Adapter } from '../../../src/formats/ob3.js';
import type { JsonObject } from '../../../src/formats/types.js';
import { ELEMENT_KEYS, type ElementKey, type ElementMap } from '../../../src/model/elements.js';
import { elementValidator } from '../../../src/model/schemas.js';
import { describeIfShared, REAL_DIR } from '../../support/shared.js';

const INPUTS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'inputs-ob3');
const OB3_DIR = path.join(REAL_DIR, 'ob3');

function readJson(file: string): JsonObject {
  return JSON.parse(readFileSync(file, 'utf8')) as JsonObject;
}

function input(name: string): JsonObject {
  return readJson(path.join(INPUTS, name));
}

function sample(name: string): JsonObject {
  return readJson(path.join(OB3_DIR, name));
}

/** The value an RFC 6901 pointer names in a document (undefined when it names nothing). */
function resolve(document: unknown, pointer: string): unknown {
  if (pointer === '') return document;
  let current: unknown = document;
  for (const raw of pointer.slice(1).split('/')) {
    const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(current)) current = current[Number(token)];
    else if (current && typeof current === 'object') current = (current as Record<string, unknown>)[token];
    else return undefined;
  }
  return current;
}

function presentKeys(elements: ElementMap): ElementKey[] {
  return ELEMENT_KEYS.filter((key) => elements[key].present);
}

/** A minimal OB3 2.0 credential with the given achievement fields, for one rule at a time. */
function badge(achievement: JsonObject, extra: JsonObject = {}): JsonObject {
  return {
    '@context': [
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
    ],
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: 'did:key:z6MkISSUER', type: ['Profile'], name: 'Example College' },
    validFrom: '2024-06-15T00:00:00Z',
    credentialSubject: {
      id: 'did:example:learner',
      type: ['AchievementSubject'],
      achievement: { id: 'urn:example:a', type: ['Achievement'], name: 'A badge', ...achievement },
    },
    ...extra,
  };
}

const ACH = '/credentialSubject/achievement';

describeIfShared('ob3 adapter on the real samples', () => {
  const EDUBADGES_FULL = 'educredentials_obv3-examples_theed_microcredential_full_ho.json';

  test('Edubadges full: EQF 4, 3 ECTS, testing, onsite or blended, QA alignment, country "XX" without alpha2', () => {
    const { elements, format, vcVersion, issuerId, findings } = ob3Adapter.adapt(sample(EDUBADGES_FULL));
    expect({ format, vcVersion, issuerId, findings }).toEqual({
      format: 'ob3',
      vcVersion: '2.0',
      issuerId: 'https://example.com/issuers/iss-9Z8Y7X',
      findings: [],
    });
    expect(elements.level.value).toEqual({
      eqf: 4,
      raw: '4',
      entries: [{ framework: 'EQF', code: '4', raw: '4', pointer: `${ACH}/alignment/1/targetCode` }],
    });
    expect(elements.level.pointers).toEqual([`${ACH}/alignment/1/targetCode`, `${ACH}/alignment/1`]);
    expect(elements.workload.value).toEqual({
      ects: 3,
      raw: 3,
      entries: [{ kind: 'credits', amount: 3, rawValue: 3, unit: 'ECTS', pointer: `${ACH}/ECTS` }],
    });
    expect(elements.assessmentType.value).toEqual({
      raw: 'testing',
      annex: 'testing',
      pointer: `${ACH}/assessmentType`,
    });
    expect(elements.participationForm.value).toEqual({
      raw: 'onsite or blended',
      annex: 'onsite or blended',
      pointer: `${ACH}/participationType`,
    });
    expect(elements.supervision.value).toEqual({
      raw: 'onsite with identity verification',
      annex: 'supervised online or onsite with identity verification',
      pointer: `${ACH}/supervisionType`,
    });
    expect(elements.supervision.pointers).toEqual([`${ACH}/supervisionType`, `${ACH}/identityChecked`]);
    expect(elements.qualityAssurance.value).toEqual({
      entries: [
        {
          title: { und: 'M Psychological Assessment' },
          url: 'https://data.example.com/decisions/AV-4223',
          pointer: `${ACH}/alignment/0`,
        },
      ],
    });
    expect(elements.issuerCountry.value).toEqual({
      countries: [],
      regions: [],
      entries: [{ raw: 'XX', role: 'issuer', pointer: '/issuer/address/addressCountryCode' }],
    });
    expect(elements.grade.value).toEqual({
      value: '8.5',
      scheme: 'Final Project Grade',
      pointer: '/credentialSubject/result/0/value',
    });
    expect(elements.title.value).toEqual({
      und: 'Minor: Jedi Mind Control and Advanced Meditation Practices',
    });
    expect(elements.dateOfIssuing.value).toEqual({
      raw: '2024-08-30T00:00:00Z',
      property: 'validFrom',
      fallbackFrom: [],
    });
    expect(elements.learner.value).toEqual({
      id: 'https://example.com/students/stu-4D5E6F',
      identifiers: [],
      subjectCount: 1,
    });
    expect(elements.awardingBody.value?.fromIssuer).toBe(true);
    expect(elements.awardingBody.value?.bodies[0]?.identifiers).toEqual([
      { scheme: 'ext:BRIN', value: '42NB', pointer: '/issuer/otherIdentifier/0/identifier' },
      { scheme: 'name', value: 'university.naboo', pointer: '/issuer/otherIdentifier/1/identifier' },
    ]);
    // No skill alignment: the description and criteria are the outcomes, as free text.
    expect(elements.learningOutcomes.value?.structured).toBe(false);
    expect(elements.learningOutcomes.pointers).toEqual([`${ACH}/description`, `${ACH}/criteria/narrative`]);
    expect(presentKeys(elements)).not.toContain('stackability');
    expect(presentKeys(elements)).not.toContain('prerequisites');
  });

  test('Edubadges minimal: the same Annex values as the full profile', () => {
    const { elements } = ob3Adapter.adapt(
      sample('educredentials_obv3-examples_theed_microcredential_minimal_ho.json'),
    );
    expect([
      elements.level.value?.eqf,
      elements.workload.value?.ects,
      elements.assessmentType.value?.annex,
      elements.participationForm.value?.annex,
      elements.qualityAssurance.value?.entries.length,
      elements.issuerCountry.value?.entries[0],
      elements.dateOfIssuing.value?.raw,
    ]).toEqual([
      4,
      3,
      'testing',
      'onsite or blended',
      1,
      { raw: 'XX', role: 'issuer', pointer: '/issuer/address/addressCountryCode' },
      '2014-06-01T00:00:00Z',
    ]);
  });

  test('MyNextID: creditsAvailable without an ECTS marker has unit unknown; ESCO alignments are structured outcomes', () => {
    const { elements } = ob3Adapter.adapt(sample('MyNextID_credentials_open-badge-mc-example.json'));
    expect(elements.workload.value).toEqual({
      raw: 5,
      entries: [
        { kind: 'credits', amount: 5, rawValue: 5, unit: 'unknown', pointer: `${ACH}/creditsAvailable` },
      ],
    });
    expect(elements.learningOutcomes.value).toEqual({
      structured: true,
      outcomes: [
        {
          text: { und: 'Develop test procedures' },
          skills: ['http://data.europa.eu/esco/skill/f10142ce-d522-49c3-9fd1-054fb63529d4'],
          pointer: `${ACH}/alignment/0`,
        },
        {
          text: { und: 'Analyse test data' },
          skills: ['http://data.europa.eu/esco/skill/81a2db2c-7e55-44d0-9cd9-74c25147d7cd'],
          pointer: `${ACH}/alignment/1`,
        },
      ],
    });
    expect(elements.learner.value).toEqual({
      id: 'urn:uuid:754208fc-d60e-4977-897f-54f58ed54707',
      subjectCount: 1,
      identifiers: [
        {
          scheme: 'emailAddress',
          value: 'sha256$ba91252f3fdc7162f4b7389bc63b828c7e1f9eff8a9fd43d290551bee49b56ae',
          hashed: true,
          pointer: '/credentialSubject/identifier/0/identityHash',
        },
      ],
    });
    expect(elements.awardingBody.value?.issuer).toEqual({
      id: 'urn:uuid:df1eceb0-c36a-4613-b3d7-992c9ee66f5b',
      name: { und: 'NETIS d.o.o.' },
      homepage: 'https://www.netis.si',
      countries: [],
      identifiers: [
        {
          scheme: 'ext:eIDASIdentifier',
          value: 'urn:epass:legalIdentifier:df1eceb0-c36a-4613-b3d7-992c9ee66f5b',
          pointer: '/issuer/otherIdentifier/0/identifier',
        },
      ],
      pointer: '/issuer',
    });
    expect(elements.furtherInformation.value?.text?.und).toBe(
      [
        'This microcredential demonstrates proficiency in fundamental data science concepts',
        'Specialization: Machine Learning, Statistics, Data Visualization',
        'Field of study: Computer Science, Statistics',
        'Code: DS-101-2024',
        'Tags: Data Science, Analytics, Python',
      ].join('\n'),
    );
    expect(
      presentKeys(elements).filter((k) => ['issuerCountry', 'level', 'qualityAssurance'].includes(k)),
    ).toEqual([]);
  });

  test('1EdTech complete example: US issuer, source as a second body, grade with scheme, CFItem outcome', () => {
    const { elements } = ob3Adapter.adapt(
      sample('impierce_credential-converter_Complete_OpenBadgeCredential.json'),
    );
    expect(elements.issuerCountry.value).toEqual({
      countries: ['US'],
      regions: [{ value: 'TX', pointer: '/issuer/address/addressRegion' }],
      entries: [{ raw: 'US', alpha2: 'US', role: 'issuer', pointer: '/issuer/address/addressCountryCode' }],
    });
    expect(elements.awardingBody.value?.bodies.map((b) => b.id)).toEqual([
      'https://1edtech.edu/issuers/565049',
      'https://school.edu/issuers/201234',
    ]);
    expect(elements.awardingBody.value?.fromIssuer).toBe(false);
    expect(elements.grade.value).toEqual({
      value: 'A',
      scheme: 'Final Project Grade',
      pointer: '/credentialSubject/result/0/value',
    });
    expect(elements.workload.value?.entries).toEqual([
      { kind: 'credits', amount: 36, rawValue: 36, unit: 'unknown', pointer: `${ACH}/creditsAvailable` },
    ]);
    expect(elements.learner.value?.email).toBe('student@1edtech.edu');
    expect(elements.learner.value?.identifiers.map((i) => [i.scheme, i.value, i.hashed])).toEqual([
      ['emailAddress', 'student@1edtech.edu', false],
      ['emailAddress', 'somebody@gmail.com', false],
    ]);
    expect(elements.learningOutcomes.value).toEqual({
      structured: true,
      outcomes: [
        {
          text: { und: '1EdTech University Degree' },
          skills: ['https://1edtech.edu/catalog/degree'],
          pointer: `${ACH}/alignment/0`,
        },
      ],
    });
    // CFItem and CTDL alignments are not levels; endorsements are not quality assurance.
    expect([elements.level.present, elements.qualityAssurance.present]).toEqual([false, false]);
    expect(elements.furtherInformation.value?.links).toEqual([
      'https://1edtech.edu/credentials/3732/evidence/1',
      'https://github.com/somebody/project',
    ]);
  });

  test('VC 1.1 badge: issuanceDate, subject name only', () => {
    const { elements, vcVersion } = ob3Adapter.adapt(
      sample('digitalcredentials_vc-test-fixtures_v1-ed25519-didKey-legacy-noStatus-expired.json'),
    );
    expect(vcVersion).toBe('1.1');
    expect(elements.dateOfIssuing.value).toEqual({
      raw: '2025-01-09T15:06:31Z',
      property: 'issuanceDate',
      fallbackFrom: [],
    });
    expect(elements.learner.value).toEqual({ name: { und: 'Jane Doe' }, identifiers: [], subjectCount: 1 });
    expect(elements.learner.pointers).toEqual(['/credentialSubject/name']);
  });

  test('VC 2.0 badge with only a VC 1.1 issuanceDate: property issuanceDate, fallback from validFrom', () => {
    const { elements } = ob3Adapter.adapt(
      sample(
        'digitalcredentials_vc-test-fixtures_v2-dataIntegrityProof-didKey-twoOIDF-revoked-notExpired-badSchema.json',
      ),
    );
    expect(elements.dateOfIssuing.value).toEqual({
      raw: '2010-01-01T00:00:00Z',
      property: 'issuanceDate',
      fallbackFrom: ['validFrom'],
    });
    expect(elements.dateOfIssuing.pointers).toEqual(['/issuanceDate']);
  });

  test('complex issuer: CA with region ON; parentOrg without address adds nothing', () => {
    const { elements } = ob3Adapter.adapt(
      sample(
        'digitalcredentials_vc-test-fixtures_v2-dataIntegrityProof-didKey-oidf-noStatus-notExpired-complexIssuer.json',
      ),
    );
    expect(elements.issuerCountry.value).toEqual({
      countries: ['CA'],
      regions: [{ value: 'ON', pointer: '/issuer/address/addressRegion' }],
      entries: [{ raw: 'CA', alpha2: 'CA', role: 'issuer', pointer: '/issuer/address/addressCountryCode' }],
    });
  });

  const files = readdirSync(OB3_DIR).filter((f) => f.endsWith('.json'));

  test('there are 19 OB3 samples', () => {
    expect(files.length).toBe(19);
  });

  test.each(files)(
    '%s: title, issuer and date read; every element matches its schema; every pointer resolves',
    (file) => {
      const document = sample(file);
      const { elements, format } = ob3Adapter.adapt(document);
      expect(format).toBe('ob3');
      expect([elements.title.present, elements.awardingBody.present, elements.dateOfIssuing.present]).toEqual(
        [true, true, true],
      );
      const invalid: string[] = [];
      const unresolved: string[] = [];
      for (const key of ELEMENT_KEYS) {
        const element = elements[key];
        if (!element.present) continue;
        const validate = elementValidator(key);
        if (!validate(element.value)) invalid.push(`${key}: ${JSON.stringify(validate.errors)}`);
        for (const pointer of element.pointers)
          if (resolve(document, pointer) === undefined) unresolved.push(`${key} ${pointer}`);
      }
      expect({ invalid, unresolved }).toEqual({ invalid: [], unresolved: [] });
    },
  );
});

describe('ob3 adapter on hand-written inputs', () => {
  test('subject array (B40): every subject is read, the first is the learner', () => {
    const { elements, vcVersion, issuerId } = ob3Adapter.adapt(input('subject-array.json'));
    expect(vcVersion).toBe('1.1');
    expect(issuerId).toBe('did:key:z6MkISSUER');
    expect(elements.learner.value).toEqual({
      id: 'did:example:learner-a',
      name: { und: 'Learner A' },
      subjectCount: 2,
      identifiers: [
        {
          scheme: 'credentialSubject.id',
          value: 'did:example:learner-b',
          pointer: '/credentialSubject/1/id',
        },
        {
          scheme: 'emailAddress',
          value: 'sha256$9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
          hashed: true,
          pointer: '/credentialSubject/1/identifier/identityHash',
        },
      ],
    });
    expect(elements.title.pointers).toEqual(['/credentialSubject/0/achievement/name']);
    expect(elements.dateOfIssuing.value).toEqual({
      raw: '2024-06-15T00:00:00Z',
      property: 'issuanceDate',
      fallbackFrom: [],
    });
  });

  test('numbers as strings: "ECTS": "3" reads as 3, and creditsAvailable equal to it counts as ECTS', () => {
    const { elements } = ob3Adapter.adapt(input('subject-array.json'));
    expect(elements.workload.value).toEqual({
      ects: 3,
      raw: ['3', '3'],
      entries: [
        {
          kind: 'credits',
          amount: 3,
          rawValue: '3',
          unit: 'ECTS',
          pointer: '/credentialSubject/0/achievement/ECTS',
        },
        {
          kind: 'credits',
          amount: 3,
          rawValue: '3',
          unit: 'ECTS',
          pointer: '/credentialSubject/0/achievement/creditsAvailable',
        },
      ],
    });
    expect(elements.level.value).toEqual({
      eqf: 6,
      raw: 'http://data.europa.eu/snb/eqf/6',
      entries: [
        {
          framework: 'EQF',
          code: '6',
          raw: 'http://data.europa.eu/snb/eqf/6',
          pointer: '/credentialSubject/0/achievement/alignment/targetUrl',
        },
      ],
    });
  });

  test('issuer as a string and as an object name the same issuer (B40)', () => {
    const asString = input('subject-array.json');
    const asObject = {
      ...asString,
      issuer: { id: 'did:key:z6MkISSUER', type: ['Profile'], name: 'Example College' },
    };
    const a = ob3Adapter.adapt(asString);
    const b = ob3Adapter.adapt(asObject);
    expect([a.issuerId, b.issuerId]).toEqual(['did:key:z6MkISSUER', 'did:key:z6MkISSUER']);
    expect(a.elements.awardingBody.value).toEqual({
      bodies: [{ id: 'did:key:z6MkISSUER', identifiers: [], countries: [], pointer: '/issuer' }],
      issuer: { id: 'did:key:z6MkISSUER', identifiers: [], countries: [], pointer: '/issuer' },
      fromIssuer: true,
    });
    expect(b.elements.awardingBody.value?.bodies).toEqual([
      {
        id: 'did:key:z6MkISSUER',
        name: { und: 'Example College' },
        identifiers: [],
        countries: [],
        pointer: '/issuer',
      },
    ]);
    expect(b.elements.awardingBody.pointers).toEqual(['/issuer', '/issuer/id', '/issuer/name']);
  });

  test('a single subject object gives the same title and workload as the array, with subjectCount 1', () => {
    const document = input('subject-array.json');
    const single = { ...document, credentialSubject: (document.credentialSubject as JsonObject[])[0] };
    const { elements } = ob3Adapter.adapt(single);
    expect(elements.learner.value?.subjectCount).toBe(1);
    expect(elements.learner.value?.identifiers).toEqual([]);
    expect(elements.title.pointers).toEqual(['/credentialSubject/achievement/name']);
    expect(elements.workload.value?.ects).toBe(3);
  });

  test('extensions written as strings, JSON-LD language values, accreditation extension, assessment extension', () => {
    const { elements, vcVersion } = ob3Adapter.adapt(input('extensions-as-strings.json'));
    expect(vcVersion).toBe('2.0');
    expect(elements.title.value).toEqual({ nl: 'Circulaire economie' });
    expect(elements.awardingBody.value?.issuer?.name).toEqual({
      nl: 'Hogeschool Voorbeeld',
      en: 'Example University of Applied Sciences',
    });
    expect(elements.issuerCountry.value).toEqual({
      countries: ['NL', 'BE'],
      regions: [{ value: 'Noord-Holland', pointer: '/issuer/address/addressRegion' }],
      entries: [
        { raw: 'NLD', alpha2: 'NL', role: 'issuer', pointer: '/issuer/address/addressCountry' },
        { raw: 'be', alpha2: 'BE', role: 'issuer', pointer: '/issuer/parentOrg/address/addressCountryCode' },
      ],
    });
    expect(elements.dateOfIssuing.value).toEqual({
      raw: '2024-07-01T12:00:00+02:00',
      property: 'awardedDate',
      fallbackFrom: ['validFrom', 'issuanceDate'],
    });
    // An alignment naming the ECTS concept marks creditsAvailable as ECTS; "2,5" reads as 2.5. SBU is hours.
    expect(elements.workload.value).toEqual({
      ects: 2.5,
      hours: 70,
      raw: ['2,5', '70'],
      entries: [
        { kind: 'credits', amount: 2.5, rawValue: '2,5', unit: 'ECTS', pointer: `${ACH}/creditsAvailable` },
        { kind: 'duration', amount: 70, rawValue: '70', unit: 'hours', pointer: `${ACH}/SBU` },
      ],
    });
    expect(elements.level.value).toEqual({
      eqf: 5,
      nqf: '5',
      raw: ['5', '5'],
      entries: [
        { framework: 'EQF', code: '5', raw: '5', pointer: `${ACH}/alignment/0/targetCode` },
        { framework: 'NQF', code: '5', raw: '5', pointer: `${ACH}/alignment/1/targetCode` },
      ],
    });
    expect(elements.learningOutcomes.value).toEqual({
      structured: true,
      outcomes: [
        {
          text: { und: 'apply circular economy principles' },
          skills: ['http://data.europa.eu/esco/skill/00000000-0000-4000-8000-0000000000aa'],
          pointer: `${ACH}/alignment/2`,
        },
      ],
    });
    expect(elements.assessmentType.value).toEqual({
      raw: 'Exam',
      annex: 'testing',
      pointer: `${ACH}/resultDescription/0/assessmentType`,
    });
    expect(elements.participationForm.value).toEqual({
      raw: 'https://edubadges.nl/static/obv3-glossary.html#participation-type-online',
      concept: 'https://edubadges.nl/static/obv3-glossary.html#participation-type-online',
      label: { en: 'online' },
      annex: 'online',
      pointer: `${ACH}/participationType`,
    });
    // "supervised online" says nothing about identity: identityChecked "true" decides.
    expect(elements.supervision.value?.annex).toBe('supervised online or onsite with identity verification');
    expect(elements.supervision.pointers).toEqual([`${ACH}/supervisionType`, `${ACH}/identityChecked`]);
    expect(elements.qualityAssurance.value).toEqual({
      entries: [
        { agent: 'NVAO', url: 'https://www.nvao.net', pointer: '/issuer/accreditations/0' },
        {
          agent: 'https://deqar.example/report/7',
          url: 'https://deqar.example/report/7',
          pointer: '/issuer/accreditations/1',
        },
      ],
    });
    expect(elements.grade.value).toEqual({
      value: 'B',
      scheme: 'Eindgesprek',
      pointer: '/credentialSubject/result/1/value',
    });
    expect(elements.learner.value).toEqual({
      nationalId: 'NL-123456782',
      subjectCount: 1,
      identifiers: [
        {
          scheme: 'nationalIdentityNumber',
          value: 'NL-123456782',
          hashed: false,
          pointer: '/credentialSubject/identifier/0/identityHash',
        },
        {
          scheme: 'emailAddress',
          value: 'md5$1f3870be274f6c49b3e31a0c6728957f',
          hashed: true,
          pointer: '/credentialSubject/identifier/1/identityHash',
        },
      ],
    });
    expect(elements.furtherInformation.value).toEqual({
      text: {
        und: 'Issued as part of the spring programme.\nEen minor over circulaire economie.\nCompleted with distinction.\nPortfolio',
      },
      links: ['https://issuer.example/evidence/portfolio'],
    });
  });

  test('wrong types everywhere: nothing throws, and what can be read is read', () => {
    const document = input('wrong-types.json');
    const { elements, issuerId } = ob3Adapter.adapt(document);
    expect(issuerId).toBeUndefined();
    expect(elements.learner.value).toEqual({
      id: 'did:example:only-an-id',
      identifiers: [],
      subjectCount: 2,
    });
    expect(elements.title.value).toEqual({ und: 'Part one\nPart two' });
    expect(elements.dateOfIssuing.value).toEqual({
      raw: '2024-01-01T00:00:00Z',
      property: 'issuanceDate',
      fallbackFrom: ['validFrom'],
    });
    // EQF "12" is kept for the check to report; eqf itself is only set for 1–8.
    expect(elements.level.value).toEqual({
      raw: '12',
      entries: [
        {
          framework: 'EQF',
          code: '12',
          raw: '12',
          pointer: '/credentialSubject/2/achievement/0/alignment/4/targetCode',
        },
      ],
    });
    expect(presentKeys(elements)).toEqual(['learner', 'title', 'dateOfIssuing', 'level']);
  });

  test('non-credential inputs do not throw', () => {
    for (const document of [{}, { credentialSubject: null }, { credentialSubject: [[]] }, { issuer: [] }]) {
      expect(presentKeys(ob3Adapter.adapt(document as JsonObject).elements)).toEqual([]);
    }
  });
});

describe('ob3 adapter mapping rules', () => {
  test('creditsAvailable: unknown unit without a marker, even with achievementType MicroCredential', () => {
    const { elements } = ob3Adapter.adapt(badge({ achievementType: 'MicroCredential', creditsAvailable: 4 }));
    expect(elements.workload.value?.entries).toEqual([
      { kind: 'credits', amount: 4, rawValue: 4, unit: 'unknown', pointer: `${ACH}/creditsAvailable` },
    ]);
    expect(elements.workload.value?.ects).toBeUndefined();
  });

  test('creditsAvailable different from the Edubadges ECTS value stays unknown (the check sees both)', () => {
    const { elements } = ob3Adapter.adapt(badge({ ECTS: 3, creditsAvailable: 84 }));
    expect(elements.workload.value?.entries.map((e) => [e.unit, e.amount])).toEqual([
      ['ECTS', 3],
      ['unknown', 84],
    ]);
  });

  test('creditsEarned is read when creditsAvailable is absent; a non-numeric value keeps amount null', () => {
    const document = badge({});
    (document.credentialSubject as JsonObject).creditsEarned = 'three';
    const { elements } = ob3Adapter.adapt(document);
    expect(elements.workload.value?.entries).toEqual([
      {
        kind: 'credits',
        amount: null,
        rawValue: 'three',
        unit: 'unknown',
        pointer: '/credentialSubject/creditsEarned',
      },
    ]);
  });

  test('timeInvestment is hours', () => {
    const { elements } = ob3Adapter.adapt(badge({ timeInvestment: 28 }));
    expect(elements.workload.value).toEqual({
      hours: 28,
      raw: 28,
      entries: [
        { kind: 'duration', amount: 28, rawValue: 28, unit: 'hours', pointer: `${ACH}/timeInvestment` },
      ],
    });
  });

  test.each([
    ['Performance', 'application of a skill'],
    ['Artifact', 'portfolio'],
    ['Exam', 'testing'],
  ])('Assessment Extension assessmentType %s → %s', (raw, annex) => {
    const { elements } = ob3Adapter.adapt(
      badge({ resultDescription: [{ id: 'urn:rd', name: 'R', resultType: 'Status', assessmentType: raw }] }),
    );
    expect(elements.assessmentType.value).toEqual({
      raw,
      annex,
      pointer: `${ACH}/resultDescription/0/assessmentType`,
    });
  });

  test('an assessment type outside the vocabularies keeps annex undefined', () => {
    const { elements } = ob3Adapter.adapt(badge({ assessmentType: 'peer vote' }));
    expect(elements.assessmentType.value).toEqual({ raw: 'peer vote', pointer: `${ACH}/assessmentType` });
  });

  test.each([
    ['supervised online', false, 'supervised with no identity verification'],
    ['supervised online', true, 'supervised online or onsite with identity verification'],
    ['unsupervised with no identity verification', true, 'unsupervised with no identity verification'],
  ])('supervisionType %s with identityChecked %s → %s', (raw, identityChecked, annex) => {
    const { elements } = ob3Adapter.adapt(badge({ supervisionType: raw, identityChecked }));
    expect(elements.supervision.value).toEqual({ raw, annex, pointer: `${ACH}/supervisionType` });
  });

  test('identityChecked alone is kept as the raw value without an Annex option', () => {
    const { elements } = ob3Adapter.adapt(badge({ identityChecked: true }));
    expect(elements.supervision.value).toEqual({ raw: true, pointer: `${ACH}/identityChecked` });
  });

  test.each([
    [
      { targetType: 'ext:EQFLevel', targetName: 'EQF level 7', targetUrl: 'https://x.example' },
      'EQF',
      '7',
      7,
    ],
    [
      { targetFramework: 'EQF', targetName: 'Level 5', targetCode: 'L5', targetUrl: 'https://x.example' },
      'EQF',
      '5',
      5,
    ],
    [
      { targetType: 'ext:EQF', targetCode: '9', targetName: 'EQF 9', targetUrl: 'https://x.example' },
      'EQF',
      '9',
      undefined,
    ],
    [
      {
        targetType: 'ext:QF-EHEA',
        targetCode: 'second cycle',
        targetName: 'Master',
        targetUrl: 'https://x.example',
      },
      'QF-EHEA',
      'second',
      undefined,
    ],
    [
      { targetType: 'ext:Level', targetCode: '6', targetName: 'Level 6', targetUrl: 'https://x.example' },
      'unknown',
      '6',
      undefined,
    ],
  ])('level alignment %j → %s %s', (alignment, framework, code, eqf) => {
    const { elements } = ob3Adapter.adapt(badge({ alignment: [{ type: ['Alignment'], ...alignment }] }));
    expect(elements.level.value?.entries.map((e) => [e.framework, e.code])).toEqual([[framework, code]]);
    expect(elements.level.value?.eqf).toBe(eqf);
  });

  test('QF-EHEA cycle is set on the level value', () => {
    const { elements } = ob3Adapter.adapt(
      badge({
        alignment: { targetFramework: 'QF-EHEA', targetName: 'First cycle', targetUrl: 'https://x.example' },
      }),
    );
    expect(elements.level.value?.qfEhea).toBe('first');
  });

  test('issuer address "XX" is kept without alpha2; creator address is read only when the issuer states none', () => {
    const withIssuerCountry = badge(
      { creator: { id: 'did:key:z6MkISSUER', address: { addressCountryCode: 'DE' } } },
      { issuer: { id: 'did:key:z6MkISSUER', name: 'E', address: { addressCountryCode: 'XX' } } },
    );
    expect(ob3Adapter.adapt(withIssuerCountry).elements.issuerCountry.value?.entries).toEqual([
      { raw: 'XX', role: 'issuer', pointer: '/issuer/address/addressCountryCode' },
    ]);
    const creatorOnly = badge({
      creator: { id: 'did:key:z6MkISSUER', address: [{ addressCountryCode: 'DE' }] },
    });
    expect(ob3Adapter.adapt(creatorOnly).elements.issuerCountry.value).toEqual({
      countries: ['DE'],
      regions: [],
      entries: [
        { raw: 'DE', alpha2: 'DE', role: 'issuer', pointer: `${ACH}/creator/address/0/addressCountryCode` },
      ],
    });
  });

  test('credentialSubject.source names a second awarding body with role awardingBody countries first', () => {
    const document = badge(
      {},
      { issuer: { id: 'did:key:z6MkISSUER', address: { addressCountryCode: 'NL' } } },
    );
    (document.credentialSubject as JsonObject).source = {
      id: 'https://school.example',
      name: 'School',
      address: { addressCountryCode: 'BE' },
    };
    const { elements } = ob3Adapter.adapt(document);
    expect(elements.awardingBody.value?.fromIssuer).toBe(false);
    expect(elements.awardingBody.value?.bodies.map((b) => b.id)).toEqual([
      'did:key:z6MkISSUER',
      'https://school.example',
    ]);
    expect(elements.issuerCountry.value?.countries).toEqual(['BE', 'NL']);
  });

  test('grade from a rubric level when the result has no value; a status alone is no grade', () => {
    const document = badge({
      resultDescription: [
        {
          id: 'urn:rd:1',
          name: 'Project rubric',
          rubricCriterionLevel: [{ id: 'urn:level:m', name: 'Mastery' }],
        },
      ],
    });
    const subject = document.credentialSubject as JsonObject;
    subject.result = [{ resultDescription: 'urn:rd:1', status: 'Completed' }];
    expect(ob3Adapter.adapt(document).elements.grade.present).toBe(false);
    subject.result = [{ resultDescription: 'urn:rd:1', achievedLevel: 'urn:level:m' }];
    expect(ob3Adapter.adapt(document).elements.grade.value).toEqual({
      value: 'Mastery',
      scheme: 'Project rubric',
      pointer: `${ACH}/resultDescription/0/rubricCriterionLevel/0/name`,
    });
  });

  test('the title falls back to the credential name when the achievement has none', () => {
    const document = badge({}, { name: 'Credential title' });
    delete ((document.credentialSubject as JsonObject).achievement as JsonObject).name;
    const { elements } = ob3Adapter.adapt(document);
    expect([elements.title.value, elements.title.pointers]).toEqual([{ und: 'Credential title' }, ['/name']]);
  });
});
