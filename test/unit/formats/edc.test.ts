import { describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { edcAdapter, extractElmElements } from '../../../src/formats/edc.js';
import { NodeIndex, root } from '../../../src/formats/json.js';
import type { Adapted, JsonObject } from '../../../src/formats/types.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../..');
const samplesDir = path.resolve(repoRoot, '../shared/samples/real/edc');
const hasSamples = existsSync(samplesDir);

function readJson(file: string): JsonObject {
  return JSON.parse(readFileSync(file, 'utf8')) as JsonObject;
}

/** A sample document; a JAdES envelope is unwrapped to its payload, as the input layer does. */
function sample(name: string): JsonObject {
  const file = readJson(path.join(samplesDir, name));
  return typeof file.payload === 'string' ? (JSON.parse(file.payload) as JsonObject) : file;
}

function input(name: string): JsonObject {
  return readJson(path.join(here, 'inputs', name));
}

/** The value an RFC 6901 pointer names. */
function at(document: unknown, pointer: string): unknown {
  if (pointer === '') return document;
  return pointer
    .slice(1)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], document);
}

/** Every pointer of every element found must name a value in the document. */
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

const ANNEX_MC_UNSIGNED = 'european-commission-empl_European-Learning-Model_Sample-MC-Annex1-unsigned.json';
const ANNEX_MC_SIGNED = 'european-commission-empl_European-Learning-Model_Sample-MC-Annex1-signed.json';
const CERT_OF_PARTICIPATION =
  'european-commission-empl_European-Learning-Model_Sample-CertOfPart-signed.json';
const ELM_SKELETON = 'european-commission-empl_European-Learning-Model_credential-sample.json';
const MYNEXTID = 'MyNextID_credentials_edc-mc-signed.json';

if (!hasSamples) {
  console.log(`edc.test: ${samplesDir} not found; the real-sample tests are not run.`);
} else {
  describe('edcAdapter on the Commission micro-credential sample (unsigned)', () => {
    const document = sample(ANNEX_MC_UNSIGNED);
    const adapted = edcAdapter.adapt(document);
    const e = adapted.elements;

    it('reads the VC version, the issuer id and no format findings', () => {
      expect(adapted.format).toBe('edc');
      expect(adapted.vcVersion).toBe('1.1');
      expect(adapted.issuerId).toBe('urn:epass:org:1');
      expect(adapted.findings).toEqual([]);
    });

    it('reads the learner', () => {
      expect(e.learner.value).toEqual({
        id: 'urn:epass:person:1',
        name: { en: 'Ana Andromeda' },
        givenName: { en: 'Ana' },
        familyName: { en: 'Andromeda' },
        dateOfBirth: '1999-10-01T22:00:00Z',
        nationalId: 'LA-234218',
        email: 'ana.andromeda@email.com',
        identifiers: [],
        subjectCount: 1,
      });
      expect(e.learner.pointers).toContain('/credentialSubject/nationalID/notation');
      expect(e.learner.pointers).toContain('/credentialSubject/contactPoint/emailAddress/id');
    });

    it('reads the title from the claim', () => {
      expect(e.title.value).toEqual({ en: 'Digital micro-credential creation' });
      expect(e.title.pointers).toEqual(['/credentialSubject/hasClaim/title']);
    });

    it('reads the awarding body, the issuer and Ireland (from IRL) with the Dublin region', () => {
      const body = e.awardingBody.value!.bodies[0]!;
      expect(e.awardingBody.value!.bodies).toHaveLength(1);
      expect(e.awardingBody.value!.fromIssuer).toBe(false);
      expect(body.name).toEqual({ en: 'University of Zed' });
      expect(body.id).toBe('urn:epass:org:1');
      expect(body.homepage).toBe('https://uniz.edu');
      expect(body.countries).toEqual(['IE']);
      expect(body.identifiers.map((i) => [i.scheme, i.value])).toEqual([
        ['Research Alliance', 'Res1818'],
        ['registration', '0000'],
        ['VAT', '654321'],
      ]);
      expect(e.awardingBody.value!.issuer?.name).toEqual({ en: 'University of Zed' });
      expect(e.issuerCountry.value!.countries).toEqual(['IE']);
      expect(e.issuerCountry.value!.entries).toEqual([
        {
          raw: 'http://publications.europa.eu/resource/authority/country/IRL',
          alpha2: 'IE',
          role: 'awardingBody',
          pointer: '/credentialSubject/hasClaim/awardedBy/awardingBody/location/address/countryCode/id',
        },
        {
          raw: 'http://publications.europa.eu/resource/authority/country/IRL',
          alpha2: 'IE',
          role: 'issuer',
          pointer: '/issuer/location/address/countryCode/id',
        },
      ]);
      expect(e.issuerCountry.value!.regions).toEqual([
        {
          value: 'http://publications.europa.eu/resource/authority/atu/IRL_CTH_DUB',
          pointer: '/credentialSubject/hasClaim/awardedBy/awardingBody/location/spatialCode/id',
        },
      ]);
    });

    it('falls back to validFrom for the date of issuing (the draft has no issued date)', () => {
      expect(e.dateOfIssuing.value).toEqual({
        raw: '2022-12-31T23:00:00Z',
        property: 'validFrom',
        fallbackFrom: ['issued', 'issuanceDate', 'awardingDate'],
      });
      expect(e.dateOfIssuing.pointers).toEqual(['/validFrom']);
    });

    it('reads two structured learning outcomes with their ESCO and DigComp skills', () => {
      const value = e.learningOutcomes.value!;
      expect(value.structured).toBe(true);
      expect(value.outcomes.map((o) => o.text)).toEqual([
        { en: 'Communication, collaboration and creativity' },
        { en: 'Developing digital content', es: 'Contento digital' },
      ]);
      expect(value.outcomes[0]!.skills).toHaveLength(3);
      expect(value.outcomes[1]!.skills).toEqual([
        'http://data.europa.eu/esco/skill/5fd5c985-eaaa-47aa-8314-62359c54505a',
        'http://data.europa.eu/snb/dcf/u69o196gu6',
        'http://data.europa.eu/snb/dcf/3ol5wi3605',
      ]);
      expect(value.outcomes[1]!.pointer).toBe('/credentialSubject/hasClaim/specifiedBy/learningOutcome/1');
    });

    it('reads 2 ECTS (point is the string "2") and 60 hours (PT60H)', () => {
      const value = e.workload.value!;
      expect(value.ects).toBe(2);
      expect(value.hours).toBe(60);
      expect(value.entries).toEqual([
        {
          kind: 'credits',
          amount: 2,
          rawValue: '2',
          unit: 'ECTS',
          pointer: '/credentialSubject/hasClaim/specifiedBy/creditPoint/point',
        },
        {
          kind: 'duration',
          amount: 60,
          rawValue: 'PT60H',
          unit: 'hours',
          pointer: '/credentialSubject/hasClaim/specifiedBy/volumeOfLearning',
        },
      ]);
    });

    it('reads EQF 6 and the RQF level', () => {
      const value = e.level.value!;
      expect(value.eqf).toBe(6);
      expect(value.nqf).toBe('RQF Level 6');
      expect(value.entries.map((l) => [l.framework, l.code, l.pointer])).toEqual([
        ['EQF', '6', '/credentialSubject/hasClaim/specifiedBy/eqfLevel'],
        ['NQF', 'RQF Level 6', '/credentialSubject/hasClaim/specifiedBy/nqfLevel'],
      ]);
    });

    it('reads the assessment type (artefact assessment → portfolio) and participation (Blended)', () => {
      expect(e.assessmentType.value).toMatchObject({
        concept: 'urn:epass:concept:d1ebf223-3c68-449a-9023-90bc245a0079',
        label: { en: 'artefact assessment' },
        annex: 'portfolio',
        pointer: '/credentialSubject/hasClaim/provenBy/specifiedBy/dcType',
      });
      expect(e.participationForm.value).toMatchObject({
        concept: 'http://data.europa.eu/snb/learning-assessment/e92d221e4d',
        label: { en: 'Blended' },
        annex: 'blended',
        pointer: '/credentialSubject/hasClaim/specifiedBy/mode',
      });
    });

    it('finds no quality assurance (the sample has none)', () => {
      expect(e.qualityAssurance).toEqual({ present: false, pointers: [] });
    });

    it('reads prerequisites, supervision, grade, stackability and further information', () => {
      expect(e.prerequisites.value).toEqual({
        en: 'The learner needs to have an EDC Online Credential Builder account, that requires an EU Login ID.',
      });
      expect(e.supervision.value).toMatchObject({
        concept: 'http://data.europa.eu/snb/supervision-verification/c598449d64',
        annex: 'unsupervised with no identity verification',
      });
      expect(e.grade.value).toEqual({
        value: 'Pass',
        scheme: 'Standard grading',
        pointer: '/credentialSubject/hasClaim/provenBy/grade/noteLiteral',
      });
      expect(e.stackability.value).toEqual({
        raw: false,
        annex: 'stand-alone, independent micro-credential',
        pointer: '/credentialSubject/hasClaim/specifiedBy/isPartialQualification',
      });
      expect(e.furtherInformation.value).toEqual({
        text: { en: 'has successfully completed a micro-module' },
        links: [],
      });
    });

    it('gives pointers that all name values in the document', () => {
      expectPointersResolve(document, adapted);
    });
  });

  describe('edcAdapter on the other EDC samples', () => {
    it('sealed Annex I sample: issued date, and the sealer in Spain next to the Irish awarding body', () => {
      const document = sample(ANNEX_MC_SIGNED);
      const adapted = edcAdapter.adapt(document);
      const e = adapted.elements;
      expect(e.dateOfIssuing.value).toEqual({
        raw: '2023-09-27T13:54:17+02:00',
        property: 'issued',
        fallbackFrom: [],
      });
      expect(e.issuerCountry.value!.countries).toEqual(['IE', 'ES']);
      expect(
        e.issuerCountry.value!.entries.filter((c) => c.role === 'issuer').map((c) => [c.alpha2, c.pointer]),
      ).toEqual([
        ['IE', '/issuer/location/0/address/countryCode/id'],
        ['ES', '/issuer/location/1/address/countryCode/id'],
        ['ES', '/issuer/eIDASIdentifier/spatial/id'],
      ]);
      expect(e.awardingBody.value!.issuer?.name).toEqual({ en: 'ORGANIZACION TEST' });
      expect(e.awardingBody.value!.issuer?.identifiers).toContainEqual({
        scheme: 'eIDAS',
        value: 'VATES-A00000000',
        pointer: '/issuer/eIDASIdentifier/notation',
      });
      expect(adapted.issuerId).toBe('urn:epass:org:1f0de2587-9348-4fa9-b4d7-a77e34a9ac8a');
      expect(e.workload.value).toMatchObject({ ects: 2, hours: 60 });
      expectPointersResolve(document, adapted);
    });

    it('certificate of participation: a LearningActivity claim, Online, calendar and hour durations', () => {
      const document = sample(CERT_OF_PARTICIPATION);
      const adapted = edcAdapter.adapt(document);
      const e = adapted.elements;
      expect(e.title.value).toEqual({ en: 'EDC Updates Webinar' });
      expect(e.participationForm.value).toMatchObject({ label: { en: 'Online' }, annex: 'online' });
      // volumeOfLearning P2M is calendar time (two months), not hours; the activity's workload PT2H is.
      expect(e.workload.value!.entries.map((w) => [w.rawValue, w.amount, w.unit, w.pointer])).toEqual([
        ['P2M', null, 'calendar', '/credentialSubject/hasClaim/specifiedBy/volumeOfLearning'],
        ['PT2H', 2, 'hours', '/credentialSubject/hasClaim/workload'],
      ]);
      expect(e.workload.value!.hours).toBe(2);
      expect(e.learningOutcomes.present).toBe(false);
      expect(e.level.present).toBe(false);
      expect(e.furtherInformation.value!.links).toEqual([
        'https://europa.eu/europass/en/europass-tools/digital-credentials',
        'https://op.europa.eu/en/web/eu-vocabularies/europass',
        'https://europa.eu/europass/en/news/updates-european-digital-credential-infrastructure',
        'https://github.com/european-commission-empl/European-Learning-Model',
      ]);
      expectPointersResolve(document, adapted);
    });

    it('minimal ELM skeleton: learner, title, French awarding body, issued date, the rest missing', () => {
      const document = sample(ELM_SKELETON);
      const adapted = edcAdapter.adapt(document);
      const e = adapted.elements;
      expect(e.learner.value).toMatchObject({ id: 'http://example.org/pid1', name: { en: 'Max Power' } });
      expect(e.title.value).toEqual({
        en: 'some kind of learning achievement',
        fr: 'une sorte de réussite scolaire',
      });
      expect(e.awardingBody.value!.bodies.map((b) => b.name)).toEqual([
        { en: 'some legal name of the organistion' },
      ]);
      expect(e.issuerCountry.value!.countries).toEqual(['FR']);
      expect(e.dateOfIssuing.value).toEqual({
        raw: '2010-01-01T00:00:00',
        property: 'issued',
        fallbackFrom: [],
      });
      for (const key of [
        'learningOutcomes',
        'workload',
        'level',
        'assessmentType',
        'participationForm',
      ] as const) {
        expect(e[key].present).toBe(false);
      }
    });

    it('MyNextID: the sealer (Estonia) differs from the awarding body (Slovenia)', () => {
      const document = sample(MYNEXTID);
      const adapted = edcAdapter.adapt(document);
      const e = adapted.elements;
      expect(e.awardingBody.value!.bodies.map((b) => b.name?.en)).toEqual(['NETIS d.o.o.']);
      expect(e.awardingBody.value!.issuer?.name?.en).toBe('Velocert OÜ');
      expect(e.issuerCountry.value!.countries).toEqual(['SI', 'EE']);
      expect(e.workload.value).toMatchObject({ ects: 5, hours: 45 });
      expect(e.level.value).toMatchObject({ eqf: 6, nqf: 'MECU Level 7' });
      expect(e.supervision.value).toMatchObject({
        label: { de: 'Supervised with ID Verification', en: 'Supervised with ID Verification' },
        annex: 'supervised online or onsite with identity verification',
      });
      expect(e.assessmentType.value).toMatchObject({ label: { en: 'Graded exercises' }, annex: 'testing' });
      expect(e.grade.value).toMatchObject({ value: '19' });
      expect(e.dateOfIssuing.value).toMatchObject({ property: 'issued', raw: '2026-01-12T07:12:23Z' });
      expectPointersResolve(document, adapted);
    });
  });
}

describe('extractElmElements on hand-made inputs', () => {
  it('follows id references (string, {id}), mixes arrays and single values and reads {"en":["x"]} maps', () => {
    const document = input('edc-references.json');
    const adapted = edcAdapter.adapt(document);
    const e = adapted.elements;
    expect(adapted.vcVersion).toBe('2.0');
    expect(adapted.issuerId).toBe('urn:org:sealer');
    expect(adapted.findings).toEqual([]);
    expect(e.learner.value).toEqual({
      id: 'did:example:learner',
      name: { en: 'Test Learner' },
      email: 'learner@example.org',
      identifiers: [
        { scheme: 'Student number', value: '12345', pointer: '/credentialSubject/0/identifier/notation' },
      ],
      subjectCount: 1,
    });
    // The LearningAchievement claim is read before the LearningActivity claim listed first.
    expect(e.title.value).toEqual({ en: 'Data literacy', fr: 'Littératie des données' });
    expect(e.title.pointers).toEqual(['/credentialSubject/0/hasClaim/1/title']);
    expectPointersResolve(document, adapted);
  });

  it('reads the awarding bodies through references, a parent organisation and an invalid country', () => {
    const e = extractElmElements(input('edc-references.json')).elements;
    const bodies = e.awardingBody.value!.bodies;
    expect(bodies.map((b) => [b.id, b.name, b.pointer])).toEqual([
      ['urn:org:uni', { en: 'University of Testing' }, '/@included/0'],
      ['urn:org:lab', { en: 'Data Lab' }, '/@included/1'],
    ]);
    expect(bodies[0]!.homepage).toBe('https://uni.example');
    // The lab states no location: its parent organisation's country is used.
    expect(bodies[1]!.countries).toEqual(['NL']);
    expect(e.awardingBody.value!.issuer).toMatchObject({
      id: 'urn:org:sealer',
      name: { und: 'Sealer BV' },
      identifiers: [{ scheme: 'eIDAS', value: 'NTRNL-1', pointer: '/@included/2/eIDASIdentifier/notation' }],
    });
    expect(e.issuerCountry.value).toEqual({
      countries: ['NL'],
      regions: [
        { value: 'http://data.europa.eu/nuts/code/NL329', pointer: '/@included/0/location/0/spatialCode/id' },
      ],
      entries: [
        {
          raw: 'http://publications.europa.eu/resource/authority/country/NLD',
          alpha2: 'NL',
          role: 'awardingBody',
          pointer: '/@included/0/location/0/address/countryCode/id',
        },
        // Kept without alpha2 so that the check can report it.
        { raw: 'XX', role: 'awardingBody', pointer: '/@included/0/location/1/address/0/countryCode' },
        {
          raw: 'http://publications.europa.eu/resource/authority/country/NLD',
          alpha2: 'NL',
          role: 'issuer',
          pointer: '/@included/2/eIDASIdentifier/spatial/id',
        },
      ],
    });
  });

  it('reads the specification behind a reference: outcomes, workload, level, participation, prerequisites', () => {
    const e = extractElmElements(input('edc-references.json')).elements;
    expect(e.learningOutcomes.value).toEqual({
      structured: true,
      outcomes: [
        {
          text: { en: 'Read and question data' },
          skills: [
            'http://data.europa.eu/esco/skill/test-skill-1',
            'http://data.europa.eu/snb/dcf/test-skill-2',
          ],
          pointer: '/@included/4',
        },
      ],
    });
    expect(e.workload.value!.entries.map((w) => [w.kind, w.amount, w.rawValue, w.unit])).toEqual([
      ['credits', 3, '3', 'ECTS'],
      ['credits', 4, 4, 'ECVET'],
      ['duration', 75, 'PT75H', 'hours'],
    ]);
    expect(e.workload.value).toMatchObject({ ects: 3, hours: 75, raw: ['3', 4, 'PT75H'] });
    expect(e.level.value!.entries.map((l) => [l.framework, l.code])).toEqual([
      ['EQF', '5'],
      ['NQF', 'NLQF 5'],
      ['unknown', 'Bachelor'],
    ]);
    expect(e.level.value).toMatchObject({ eqf: 5, nqf: 'NLQF 5' });
    expect(e.participationForm.value).toMatchObject({ annex: 'online', pointer: '/@included/3/mode/0' });
    expect(e.prerequisites.value).toEqual({ en: 'Basic statistics' });
    expect(e.prerequisites.pointers).toEqual(['/@included/3/entryRequirement/noteLiteral']);
    expect(e.stackability.value).toMatchObject({
      raw: true,
      annex: 'integrated, stackable towards another credential',
    });
  });

  it('reads the assessment, quality assurance, the awarding date and further information', () => {
    const e = extractElmElements(input('edc-references.json')).elements;
    expect(e.assessmentType.value).toMatchObject({
      concept: 'http://data.europa.eu/snb/assessment/6e6cb2cc78',
      annex: 'testing',
      pointer: '/@included/6/specifiedBy/dcType/0',
    });
    expect(e.supervision.value).toMatchObject({
      annex: 'supervised online or onsite with identity verification',
    });
    expect(e.grade.value).toEqual({
      value: '8/10',
      scheme: 'Dutch 1-10 scale',
      pointer: '/@included/6/grade/noteLiteral',
    });
    expect(e.qualityAssurance.value!.entries).toEqual([
      {
        pointer: '/@included/3/accreditation',
        type: {
          raw: {
            id: 'http://data.europa.eu/snb/accreditation/e06f8d9e8f',
            prefLabel: { en: ['Accreditation'] },
          },
          concept: 'http://data.europa.eu/snb/accreditation/e06f8d9e8f',
          label: { en: 'Accreditation' },
          pointer: '/@included/3/accreditation/dcType',
        },
        title: { en: 'Programme accreditation' },
        agent: 'Quality Agency',
        url: 'https://agency.example/decision/1',
      },
    ]);
    // No issued/issuanceDate: the claim's awarding date comes before validFrom.
    expect(e.dateOfIssuing.value).toEqual({
      raw: '2024-04-30T00:00:00Z',
      property: 'awardingDate',
      fallbackFrom: ['issued', 'issuanceDate'],
    });
    expect(e.furtherInformation.value).toEqual({
      text: { en: 'Taught in English.\n\nis awarded to' },
      links: ['https://uni.example/course'],
    });
  });

  it('cuts reference loops (a claim specified by itself, a parentOrganisation cycle) and reports each', () => {
    const document = input('edc-loop.json');
    const { elements: e, findings } = extractElmElements(document);
    expect(findings.map((f) => [f.code, f.check, f.severity, f.pointer])).toEqual([
      ['FORMAT_REFERENCE_LOOP', 'format', 'info', '/credentialSubject/hasClaim/specifiedBy'],
      [
        'FORMAT_REFERENCE_LOOP',
        'format',
        'info',
        '/credentialSubject/hasClaim/awardedBy/awardingBody/parentOrganisation/parentOrganisation',
      ],
    ]);
    expect(e.title.value).toEqual({ en: 'Looped achievement' });
    expect(e.awardingBody.value!.bodies.map((b) => b.name)).toEqual([{ en: 'Faculty A' }]);
    // The issuer {id} reference resolves to the same organisation.
    expect(e.awardingBody.value!.issuer?.name).toEqual({ en: 'Faculty A' });
    expect(e.issuerCountry.present).toBe(false);
    expect(e.workload.present).toBe(false);
  });

  it('cuts a loop in a cyclic in-memory object without running away', () => {
    const claim: JsonObject = { id: 'urn:c', type: 'LearningAchievement', title: { en: 'Cyclic' } };
    claim.specifiedBy = claim;
    const { elements, findings } = extractElmElements({ credentialSubject: { hasClaim: claim } });
    expect(elements.title.value).toEqual({ en: 'Cyclic' });
    expect(findings.map((f) => f.code)).toEqual(['FORMAT_REFERENCE_LOOP']);
  });

  it('keeps an EQF level outside 1–8 as an EQF entry, and an unknown scheme as unknown', () => {
    const document: JsonObject = {
      credentialSubject: {
        hasClaim: {
          specifiedBy: {
            eqfLevel: { id: 'http://data.europa.eu/snb/eqf/9', prefLabel: { en: 'Level 9' } },
            educationLevel: [
              { id: 'urn:x:level', inScheme: { id: 'urn:x:scheme' }, prefLabel: { en: 'Stage 2' } },
            ],
          },
        },
      },
    };
    const level = extractElmElements(document).elements.level;
    expect(level.value!.entries.map((l) => [l.framework, l.code, l.pointer])).toEqual([
      ['EQF', '9', '/credentialSubject/hasClaim/specifiedBy/eqfLevel'],
      ['unknown', 'Stage 2', '/credentialSubject/hasClaim/specifiedBy/educationLevel/0'],
    ]);
    expect(level.value!.eqf).toBeUndefined();
  });

  it('keeps conflicting, unit-less and non-numeric credit points for the checks', () => {
    const ects = { id: 'http://data.europa.eu/snb/education-credit/6fcec5c5af' };
    const document: JsonObject = {
      credentialSubject: {
        hasClaim: {
          specifiedBy: {
            creditPoint: [
              { framework: ects, point: '3' },
              { framework: ects, point: '365' },
              { point: 2 },
              { framework: { prefLabel: { en: 'ECTS' } }, point: 'three' },
            ],
            volumeOfLearning: 'sixty hours',
          },
        },
      },
    };
    const workload = extractElmElements(document).elements.workload.value!;
    expect(workload.entries.map((w) => [w.kind, w.amount, w.rawValue, w.unit])).toEqual([
      ['credits', 3, '3', 'ECTS'],
      ['credits', 365, '365', 'ECTS'],
      ['credits', 2, 2, 'unknown'],
      ['credits', null, 'three', 'ECTS'],
      ['duration', null, 'sixty hours', 'hours'],
    ]);
    expect(workload.ects).toBeUndefined();
    expect(workload.hours).toBeUndefined();
  });

  it('falls back to free-text outcomes (learningOutcomeSummary) with structured false', () => {
    const document: JsonObject = {
      credentialSubject: {
        hasClaim: {
          specifiedBy: {
            learningOutcomeSummary: { type: 'Note', noteLiteral: { en: ['Can plan a project.'] } },
          },
        },
      },
    };
    expect(extractElmElements(document).elements.learningOutcomes).toEqual({
      present: true,
      value: {
        structured: false,
        outcomes: [
          {
            text: { en: 'Can plan a project.' },
            skills: [],
            pointer: '/credentialSubject/hasClaim/specifiedBy/learningOutcomeSummary/noteLiteral',
          },
        ],
      },
      pointers: ['/credentialSubject/hasClaim/specifiedBy/learningOutcomeSummary/noteLiteral'],
    });
  });

  it('prefers issued, then issuanceDate, for the date of issuing', () => {
    const claim = { awardedBy: { awardingDate: '2024-01-01' } };
    const both = extractElmElements({
      issuanceDate: '2024-02-02T00:00:00Z',
      issued: '2024-02-03T00:00:00Z',
      validFrom: '2024-02-04T00:00:00Z',
      credentialSubject: { hasClaim: claim },
    }).elements.dateOfIssuing;
    expect(both.value).toEqual({ raw: '2024-02-03T00:00:00Z', property: 'issued', fallbackFrom: [] });
    const onlyIssuanceDate = extractElmElements({
      issuanceDate: '2024-02-02T00:00:00Z',
      credentialSubject: { hasClaim: claim },
    }).elements.dateOfIssuing;
    expect(onlyIssuanceDate.value).toEqual({
      raw: '2024-02-02T00:00:00Z',
      property: 'issuanceDate',
      fallbackFrom: ['issued'],
    });
  });

  it('reads isPartOf as integrated, quality assurance from evidence, and the issuer string as awarding body', () => {
    const document: JsonObject = {
      issuer: 'did:example:issuer',
      evidence: [
        { accreditation: { id: 'https://qa.example/decisions/7', title: { en: 'Institutional review' } } },
      ],
      credentialSubject: {
        hasClaim: { isPartOf: { id: 'urn:claim:programme', title: { en: 'Master in Data' } } },
      },
    };
    const adapted = edcAdapter.adapt(document);
    const e = adapted.elements;
    expect(e.stackability.value).toEqual({
      raw: { id: 'urn:claim:programme', title: { en: 'Master in Data' } },
      concept: 'urn:claim:programme',
      label: { en: 'Master in Data' },
      annex: 'integrated, stackable towards another credential',
      pointer: '/credentialSubject/hasClaim/isPartOf',
    });
    expect(e.qualityAssurance.value!.entries).toEqual([
      {
        pointer: '/evidence/0/accreditation',
        title: { en: 'Institutional review' },
        url: 'https://qa.example/decisions/7',
      },
    ]);
    expect(e.awardingBody.value).toEqual({
      bodies: [{ id: 'did:example:issuer', identifiers: [], countries: [], pointer: '/issuer' }],
      issuer: { id: 'did:example:issuer', identifiers: [], countries: [], pointer: '/issuer' },
      fromIssuer: true,
    });
    expect(adapted.issuerId).toBe('did:example:issuer');
    expect(e.issuerCountry.present).toBe(false);
  });

  it('reads the first of several subjects as the learner and counts them all', () => {
    const learner = extractElmElements({
      credentialSubject: [{ id: 'did:example:one', fullName: { en: 'One' } }, { id: 'did:example:two' }],
    }).elements.learner;
    expect(learner.value).toEqual({
      id: 'did:example:one',
      name: { en: 'One' },
      identifiers: [],
      subjectCount: 2,
    });
  });

  it('never throws on wrong types and reads only what is well-formed', () => {
    const documents: JsonObject[] = [
      {},
      { credentialSubject: 'not an object', issuer: 42, issued: { nested: true }, validFrom: false },
      { credentialSubject: [null, 5], hasClaim: true },
      {
        credentialSubject: {
          hasClaim: [
            null,
            5,
            'urn:missing',
            { title: ['Plain', { en: 'English' }], specifiedBy: { creditPoint: 'x' } },
          ],
        },
      },
    ];
    const results = documents.map((d) => extractElmElements(d).elements);
    expect(results.slice(0, 3).map((e) => Object.values(e).filter((el) => el.present).length)).toEqual([
      0, 0, 0,
    ]);
    expect(results[3]!.title.value).toEqual({ und: 'Plain', en: 'English' });
    expect(results[3]!.workload.value!.entries).toEqual([
      {
        kind: 'credits',
        amount: null,
        rawValue: 'x',
        unit: 'unknown',
        pointer: '/credentialSubject/hasClaim/3/specifiedBy/creditPoint',
      },
    ]);
  });
});

describe('NodeIndex', () => {
  it('resolves {id, type} references to the richest definition and lets siblings share a node', () => {
    const document = {
      a: { id: 'urn:n', type: 'Thing' },
      b: { id: 'urn:n', type: 'Thing', name: 'full' },
      list: [{ ref: { id: 'urn:n' } }, { ref: 'urn:n' }],
    };
    const index = new NodeIndex(document);
    const found = index.walk(root(document), 'list', 'ref');
    expect(found.map((l) => l.pointer)).toEqual(['/b', '/b']);
    expect(index.loopDetected).toBe(false);
    expect(index.resolve({ value: document.a, pointer: '/a' }).pointer).toBe('/b');
  });

  it('does not report a loop for a reference to a sibling claim (only ancestors are loops)', () => {
    const document = {
      hasClaim: [
        { id: 'urn:a', isPartOf: { id: 'urn:b' } },
        { id: 'urn:b', title: 'Programme' },
      ],
    };
    const index = new NodeIndex(document);
    const parents = index.walk(index.walk(root(document), 'hasClaim'), 'isPartOf');
    expect(parents.map((l) => l.pointer)).toEqual(['/hasClaim/1']);
    expect(index.loopDetected).toBe(false);
  });
});
