// The native Annex I record: its JSON Schema (compiled here with ajv 2020-12 + ajv-formats) and the
// adapter that maps it onto the element model.
import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { annexAdapter, isAnnexRecord } from '../../../src/formats/annex.js';
import { qfEheaCycle } from '../../../src/formats/values.js';
import type { JsonObject } from '../../../src/formats/types.js';
import { ELEMENT_KEYS, type ElementKey, type ElementMap } from '../../../src/model/elements.js';
import { elementValidator } from '../../../src/model/schemas.js';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const SCHEMA = JSON.parse(
  readFileSync(path.join(REPO_ROOT, 'schemas/annex-record.schema.json'), 'utf8'),
) as JsonObject;

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const validate = ajv.compile(SCHEMA);

function presentKeys(elements: ElementMap): ElementKey[] {
  return ELEMENT_KEYS.filter((key) => elements[key].present);
}

const GOOD: JsonObject = {
  $schema: 'https://mcred.eu/schemas/annex-record.schema.json',
  recordType: 'AnnexIRecord',
  id: 'urn:example:record:1',
  learner: {
    name: { en: 'Ana Example' },
    id: 'urn:example:student:42',
    email: 'ana@example.org',
    dateOfBirth: '2001-02-03',
  },
  title: { en: 'Data literacy', nl: 'Datageletterdheid' },
  issuerCountry: ['NL', { country: 'BEL', region: 'Vlaanderen' }],
  awardingBody: [
    {
      name: 'Example University',
      id: 'https://uni.example',
      country: 'NL',
      identifiers: [{ scheme: 'BRIN', value: '00XX' }],
      homepage: 'https://uni.example',
    },
    'Partner College',
  ],
  dateOfIssuing: '2024-06-01T00:00:00Z',
  learningOutcomes: [
    'Explain what a dataset can and cannot show',
    {
      text: { en: 'Clean a dataset' },
      skills: ['http://data.europa.eu/esco/skill/00000000-0000-4000-8000-000000000001'],
    },
  ],
  workload: { ects: 3, hours: 84, credits: { value: '2,5', unit: 'ECVET' } },
  level: { eqf: 6, qfEhea: 'first', nqf: { framework: 'NLQF', level: 6 } },
  assessmentType: 'testing',
  participationForm: {
    concept: 'http://data.europa.eu/snb/learning-assessment/e92d221e4d',
    label: { en: 'Blended' },
  },
  qualityAssurance: [
    {
      type: 'Programme accreditation',
      title: 'NVAO accreditation',
      agent: 'NVAO',
      url: 'https://www.nvao.net',
    },
    'Internal quality assurance',
  ],
  prerequisites: 'Secondary education',
  supervision: 'supervised online or onsite with identity verification',
  grade: { value: 8, scheme: 'Dutch 1–10' },
  stackability: 'integrated, stackable towards another credential',
  furtherInformation: { text: 'See the course page.', links: ['https://uni.example/course'] },
  'x-registrar': { batch: 7 },
};

describe('annex-record schema', () => {
  test('the schema is draft 2020-12 with the mcred $id', () => {
    expect([SCHEMA.$schema, SCHEMA.$id]).toEqual([
      'https://json-schema.org/draft/2020-12/schema',
      'https://mcred.eu/schemas/annex-record.schema.json',
    ]);
  });

  test('a full record is valid', () => {
    expect([validate(GOOD), validate.errors]).toEqual([true, null]);
  });

  test("a record with only recordType is valid (missing elements are the elements check's business)", () => {
    expect(validate({ recordType: 'AnnexIRecord' })).toBe(true);
  });

  test('single values and arrays, strings and language maps are all accepted', () => {
    const variant = {
      recordType: 'AnnexIRecord',
      learner: 'Ana Example',
      title: 'Data literacy',
      issuerCountry: 'NL',
      awardingBody: { name: { nl: 'Voorbeelduniversiteit' } },
      learningOutcomes: { en: 'One outcome as free text' },
      level: 6,
      assessmentType: [{ label: 'portfolio' }, 'testing'],
      qualityAssurance: { agent: 'NVAO' },
      grade: 'A',
      prerequisites: ['None', { en: 'Basic English' }],
      furtherInformation: { nl: 'Zie de website.' },
    };
    expect([validate(variant), validate.errors]).toEqual([true, null]);
  });

  test.each([
    ['recordType missing', { title: 'x' }, '', 'required'],
    ['recordType wrong', { recordType: 'AnnexRecord' }, '/recordType', 'const'],
    ['unknown property', { recordType: 'AnnexIRecord', colour: 'blue' }, '', 'additionalProperties'],
    [
      'unknown nested property',
      { recordType: 'AnnexIRecord', workload: { ects: 3, credits_ects: 3 } },
      '/workload',
      'additionalProperties',
    ],
    [
      'date-time without offset (B14)',
      { recordType: 'AnnexIRecord', dateOfIssuing: '2024-06-15T00:00:00' },
      '/dateOfIssuing',
      'format',
    ],
    [
      'impossible minute (B17)',
      { recordType: 'AnnexIRecord', dateOfIssuing: '2010-01-01T19:73:24Z' },
      '/dateOfIssuing',
      'format',
    ],
    [
      'skill that is not a URI',
      { recordType: 'AnnexIRecord', learningOutcomes: [{ skills: ['not a uri'] }] },
      '/learningOutcomes/0/skills/0',
      'format',
    ],
    ['empty title', { recordType: 'AnnexIRecord', title: '' }, '/title', 'minLength'],
  ])('%s is invalid', (_name, record, instancePath, keyword) => {
    expect(validate(record)).toBe(false);
    expect(validate.errors?.some((e) => e.instancePath === instancePath && e.keyword === keyword)).toBe(true);
  });

  test('x- extension keys are allowed at the top and inside objects', () => {
    expect(
      validate({ recordType: 'AnnexIRecord', 'x-note': 1, workload: { ects: 3, 'x-source': 'SIS' } }),
    ).toBe(true);
  });
});

describe('annex adapter', () => {
  test('a full record: all 16 elements, with pointers', () => {
    const { elements, format, findings, vcVersion, issuerId } = annexAdapter.adapt(GOOD);
    expect({ format, findings, vcVersion, issuerId }).toEqual({
      format: 'annex',
      findings: [],
      vcVersion: undefined,
      issuerId: undefined,
    });
    expect(presentKeys(elements)).toEqual([...ELEMENT_KEYS]);
    for (const key of ELEMENT_KEYS)
      expect([key, elementValidator(key)(elements[key].value)]).toEqual([key, true]);

    expect(elements.learner.value).toEqual({
      name: { en: 'Ana Example' },
      id: 'urn:example:student:42',
      email: 'ana@example.org',
      dateOfBirth: '2001-02-03',
      identifiers: [],
      subjectCount: 1,
    });
    expect(elements.learner.pointers).toEqual([
      '/learner/name',
      '/learner/id',
      '/learner/email',
      '/learner/dateOfBirth',
    ]);
    expect(elements.title.value).toEqual({ en: 'Data literacy', nl: 'Datageletterdheid' });
    expect(elements.issuerCountry.value).toEqual({
      countries: ['NL', 'BE'],
      regions: [{ value: 'Vlaanderen', pointer: '/issuerCountry/1/region' }],
      entries: [
        { raw: 'NL', alpha2: 'NL', role: 'awardingBody', pointer: '/awardingBody/0/country' },
        { raw: 'NL', alpha2: 'NL', role: 'issuer', pointer: '/issuerCountry/0' },
        { raw: 'BEL', alpha2: 'BE', role: 'issuer', pointer: '/issuerCountry/1/country' },
      ],
    });
    expect(elements.awardingBody.value).toEqual({
      fromIssuer: false,
      bodies: [
        {
          name: { und: 'Example University' },
          id: 'https://uni.example',
          homepage: 'https://uni.example',
          identifiers: [{ scheme: 'BRIN', value: '00XX', pointer: '/awardingBody/0/identifiers/0/value' }],
          countries: ['NL'],
          pointer: '/awardingBody/0',
        },
        { name: { und: 'Partner College' }, identifiers: [], countries: [], pointer: '/awardingBody/1' },
      ],
    });
    expect(elements.dateOfIssuing.value).toEqual({
      raw: '2024-06-01T00:00:00Z',
      property: 'dateOfIssuing',
      fallbackFrom: [],
    });
    expect(elements.learningOutcomes.value).toEqual({
      structured: true,
      outcomes: [
        {
          text: { und: 'Explain what a dataset can and cannot show' },
          skills: [],
          pointer: '/learningOutcomes/0',
        },
        {
          text: { en: 'Clean a dataset' },
          skills: ['http://data.europa.eu/esco/skill/00000000-0000-4000-8000-000000000001'],
          pointer: '/learningOutcomes/1',
        },
      ],
    });
    expect(elements.workload.value).toEqual({
      ects: 3,
      hours: 84,
      raw: [3, 84, '2,5'],
      entries: [
        { kind: 'credits', amount: 3, rawValue: 3, unit: 'ECTS', pointer: '/workload/ects' },
        { kind: 'duration', amount: 84, rawValue: 84, unit: 'hours', pointer: '/workload/hours' },
        { kind: 'credits', amount: 2.5, rawValue: '2,5', unit: 'ECVET', pointer: '/workload/credits/value' },
      ],
    });
    expect(elements.level.value).toEqual({
      eqf: 6,
      qfEhea: 'first',
      nqf: 'NLQF 6',
      raw: [6, 'first', { framework: 'NLQF', level: 6 }],
      entries: [
        { framework: 'EQF', code: '6', raw: 6, pointer: '/level/eqf' },
        { framework: 'QF-EHEA', code: 'first', raw: 'first', pointer: '/level/qfEhea' },
        {
          framework: 'NQF',
          code: 'NLQF 6',
          raw: { framework: 'NLQF', level: 6 },
          pointer: '/level/nqf/level',
        },
      ],
    });
    expect(elements.assessmentType.value).toEqual({
      raw: 'testing',
      annex: 'testing',
      pointer: '/assessmentType',
    });
    expect(elements.participationForm.value).toEqual({
      raw: { concept: 'http://data.europa.eu/snb/learning-assessment/e92d221e4d', label: { en: 'Blended' } },
      concept: 'http://data.europa.eu/snb/learning-assessment/e92d221e4d',
      label: { en: 'Blended' },
      annex: 'blended',
      pointer: '/participationForm',
    });
    expect(elements.qualityAssurance.value).toEqual({
      entries: [
        {
          type: { raw: 'Programme accreditation', pointer: '/qualityAssurance/0/type' },
          title: { und: 'NVAO accreditation' },
          agent: 'NVAO',
          url: 'https://www.nvao.net',
          pointer: '/qualityAssurance/0',
        },
        { title: { und: 'Internal quality assurance' }, pointer: '/qualityAssurance/1' },
      ],
    });
    expect(elements.prerequisites.value).toEqual({ und: 'Secondary education' });
    expect(elements.supervision.value).toEqual({
      raw: 'supervised online or onsite with identity verification',
      annex: 'supervised online or onsite with identity verification',
      pointer: '/supervision',
    });
    expect(elements.grade.value).toEqual({ value: '8', scheme: 'Dutch 1–10', pointer: '/grade/value' });
    expect(elements.stackability.value).toEqual({
      raw: 'integrated, stackable towards another credential',
      annex: 'integrated, stackable towards another credential',
      pointer: '/stackability',
    });
    expect(elements.furtherInformation.value).toEqual({
      text: { und: 'See the course page.' },
      links: ['https://uni.example/course'],
    });
    expect(elements.furtherInformation.pointers).toEqual([
      '/furtherInformation/text',
      '/furtherInformation/links/0',
    ]);
  });

  test('one outcome as text is free text; a list is structured', () => {
    const single = annexAdapter.adapt({ recordType: 'AnnexIRecord', learningOutcomes: { en: 'Outcome' } });
    expect(single.elements.learningOutcomes.value).toEqual({
      structured: false,
      outcomes: [{ text: { en: 'Outcome' }, skills: [], pointer: '/learningOutcomes' }],
    });
    const list = annexAdapter.adapt({ recordType: 'AnnexIRecord', learningOutcomes: ['One'] });
    expect(list.elements.learningOutcomes.value?.structured).toBe(true);
  });

  test('levels: bare number has no framework; EQF concept URI; EQF 9 kept without eqf; cycle words', () => {
    const bare = annexAdapter.adapt({ recordType: 'AnnexIRecord', level: 6 });
    expect(bare.elements.level.value).toEqual({
      raw: 6,
      entries: [{ framework: 'unknown', code: '6', raw: 6, pointer: '/level' }],
    });
    const uri = annexAdapter.adapt({
      recordType: 'AnnexIRecord',
      level: { eqf: 'http://data.europa.eu/snb/eqf/7' },
    });
    expect(uri.elements.level.value?.eqf).toBe(7);
    const nine = annexAdapter.adapt({
      recordType: 'AnnexIRecord',
      level: { eqf: 9, qfEhea: 'second cycle (master)' },
    });
    expect(nine.elements.level.value).toEqual({
      qfEhea: 'second',
      raw: [9, 'second cycle (master)'],
      entries: [
        { framework: 'EQF', code: '9', raw: 9, pointer: '/level/eqf' },
        { framework: 'QF-EHEA', code: 'second', raw: 'second cycle (master)', pointer: '/level/qfEhea' },
      ],
    });
    expect(['short cycle', '1st cycle', 'Doctoral', '3', 'cycle 2', 'advanced'].map(qfEheaCycle)).toEqual([
      'short',
      'first',
      'third',
      'third',
      'second',
      undefined,
    ]);
  });

  test('workload: duration in xsd:duration, credits with a concept URI, credits without a unit', () => {
    const { elements } = annexAdapter.adapt({
      recordType: 'AnnexIRecord',
      workload: {
        duration: 'PT60H',
        credits: [
          { value: 2, unit: 'http://data.europa.eu/snb/education-credit/6fcec5c5af' },
          { value: 'three' },
        ],
      },
    });
    expect(elements.workload.value).toEqual({
      ects: 2,
      hours: 60,
      raw: ['PT60H', 2, 'three'],
      entries: [
        { kind: 'duration', amount: 60, rawValue: 'PT60H', unit: 'hours', pointer: '/workload/duration' },
        { kind: 'credits', amount: 2, rawValue: 2, unit: 'ECTS', pointer: '/workload/credits/0/value' },
        {
          kind: 'credits',
          amount: null,
          rawValue: 'three',
          unit: 'unknown',
          pointer: '/workload/credits/1/value',
        },
      ],
    });
  });

  test('an invalid country code is kept without alpha2', () => {
    const { elements } = annexAdapter.adapt({ recordType: 'AnnexIRecord', issuerCountry: 'XX' });
    expect(elements.issuerCountry.value).toEqual({
      countries: [],
      regions: [],
      entries: [{ raw: 'XX', role: 'issuer', pointer: '/issuerCountry' }],
    });
  });

  test('concept lists: the first readable entry is used, all pointers kept; an unmapped label has no annex', () => {
    const { elements } = annexAdapter.adapt({
      recordType: 'AnnexIRecord',
      assessmentType: [{}, { label: { en: 'Portfolio review' } }],
      participationForm: 'hybrid-ish',
    });
    expect(elements.assessmentType.value).toEqual({
      raw: { label: { en: 'Portfolio review' } },
      label: { en: 'Portfolio review' },
      annex: 'portfolio',
      pointer: '/assessmentType/1',
    });
    expect(elements.assessmentType.pointers).toEqual(['/assessmentType/0', '/assessmentType/1']);
    expect(elements.participationForm.value).toEqual({ raw: 'hybrid-ish', pointer: '/participationForm' });
  });

  test('wrong types do not throw: scalars are read as written (the schema check reports them), empty objects are skipped', () => {
    const { elements } = annexAdapter.adapt({
      recordType: 'AnnexIRecord',
      learner: 42,
      title: ['a', 'b'],
      awardingBody: [null, 3, {}],
      dateOfIssuing: 20240601,
      workload: 'three ECTS',
      level: { eqf: { nested: 1 } },
      qualityAssurance: [{}],
      grade: { scheme: 'no value' },
      furtherInformation: { links: [5, 'https://x.example'] },
    } as JsonObject);
    expect(elements.learner.value).toEqual({ name: { und: '42' }, identifiers: [], subjectCount: 1 });
    expect(elements.title.value).toEqual({ und: 'a\nb' });
    expect(elements.furtherInformation.value).toEqual({ links: ['5', 'https://x.example'] });
    expect(elements.awardingBody.value?.bodies).toEqual([
      { name: { und: '3' }, identifiers: [], countries: [], pointer: '/awardingBody/1' },
    ]);
    expect(presentKeys(elements)).toEqual(['learner', 'title', 'awardingBody', 'furtherInformation']);
  });

  test('isAnnexRecord looks at recordType only', () => {
    expect([
      isAnnexRecord(GOOD),
      isAnnexRecord({ recordType: 'Other' }),
      isAnnexRecord(['AnnexIRecord']),
      isAnnexRecord(null),
    ]).toEqual([true, false, false, false]);
  });
});
