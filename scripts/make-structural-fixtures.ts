// Generates the structural fixture variants, their manifest and the demo folder from the
// hand-written complete documents in fixtures/structural/<format>/complete.json:
//
//   fixtures/structural/{edc,ob3,annex}/missing-<element>.json   one mandatory element's sources removed
//   fixtures/structural/{edc,ob3,annex}/broken-<fault>.json      one fault introduced
//   fixtures/structural/EXPECTED.jsonc                             the expected outcome of every fixture
//   fixtures/demo/*                                               the files `npm run demo` checks
//
// Every expectation is stated here, from the mutation made and the finding catalogue's severities,
// never from running mcred. Run: npx tsx scripts/make-structural-fixtures.ts (deterministic).
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findingDefinition } from '../src/findings/index.js';
import {
  MANDATORY_ELEMENTS,
  type MandatoryElementKey,
  type OptionalElementKey,
} from '../src/model/elements.js';
import type { Completeness, FormatId, Verdict } from '../src/model/results.js';

const ROOT = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const STRUCTURAL = 'fixtures/structural';
const DEMO = 'fixtures/demo';

// --- The manifest -----------------------------------------------------------------------------------

/** One row of fixtures/structural/EXPECTED.jsonc. */
export interface ExpectedFixture {
  /** Path relative to the repository root, with forward slashes. */
  file: string;
  format: FormatId;
  verdict: Verdict;
  completeness: Completeness;
  /**
   * Expected codes. Error and warning codes: exactly these, as often as listed. Info codes: at
   * least these. ELEMENT_MISSING is listed once per element in `missingElements`.
   */
  codes: string[];
  /** For missing-<element>.json: the element whose sources were removed. */
  missingElement?: MandatoryElementKey;
  /** Every mandatory element that must be reported missing (ELEMENT_MISSING), and no other. */
  missingElements: MandatoryElementKey[];
  /** Every optional element that must be reported missing (ELEMENT_OPTIONAL_MISSING), and no other. */
  optionalMissing: OptionalElementKey[];
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

interface Outcome {
  /** Codes besides ELEMENT_MISSING / ELEMENT_OPTIONAL_MISSING (those come from the two lists). */
  codes?: string[];
  missingElements?: MandatoryElementKey[];
}

interface Variant extends Outcome {
  name: string;
  mutate(doc: JsonObject): void;
  missingElement?: MandatoryElementKey;
}

interface FormatPlan {
  format: FormatId;
  /** The complete document's own expected outcome (e.g. OB3 has no place for two optional elements). */
  base: { codes: string[]; optionalMissing: OptionalElementKey[] };
  variants: Variant[];
}

function severityOf(code: string): string {
  const def = findingDefinition(code);
  if (!def) throw new Error(`unknown finding code in a fixture expectation: ${code}`);
  return def.severity;
}

function row(
  file: string,
  plan: FormatPlan,
  outcome: Outcome & { missingElement?: MandatoryElementKey },
): ExpectedFixture {
  const missingElements = MANDATORY_ELEMENTS.filter((key) => outcome.missingElements?.includes(key));
  const extra = outcome.codes ?? [];
  // Without the issuer, OB3 and a generic VC have no awarding body to take from it.
  const baseCodes = missingElements.includes('awardingBody')
    ? plan.base.codes.filter((c) => c !== 'AWARDING_BODY_FROM_ISSUER')
    : plan.base.codes;
  const codes = [
    ...missingElements.map(() => 'ELEMENT_MISSING'),
    ...(plan.base.optionalMissing.length > 0 ? ['ELEMENT_OPTIONAL_MISSING'] : []),
    ...baseCodes,
    ...extra,
  ];
  const entry: ExpectedFixture = {
    file,
    format: plan.format,
    verdict: codes.some((c) => severityOf(c) === 'error') ? 'fail' : 'pass',
    completeness: missingElements.length > 0 ? 'incomplete' : 'complete',
    codes,
    missingElements,
    optionalMissing: plan.base.optionalMissing,
  };
  if (outcome.missingElement) entry.missingElement = outcome.missingElement;
  return entry;
}

// --- JSON pointer edits (every edit fails loudly when the complete document changes) ---------------

function tokens(pointer: string): string[] {
  if (!pointer.startsWith('/')) throw new Error(`not a JSON pointer: ${pointer}`);
  return pointer
    .slice(1)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function child(value: Json, token: string, pointer: string): Json {
  if (Array.isArray(value)) {
    const item = value[Number(token)];
    if (!/^\d+$/.test(token) || item === undefined) throw new Error(`${pointer}: no item ${token}`);
    return item;
  }
  if (value !== null && typeof value === 'object' && Object.prototype.hasOwnProperty.call(value, token)) {
    return value[token]!;
  }
  throw new Error(`${pointer}: no property ${token}`);
}

function get(doc: Json, pointer: string): Json {
  return tokens(pointer).reduce((value, token) => child(value, token, pointer), doc);
}

function parentOf(doc: Json, pointer: string): { parent: JsonObject | Json[]; key: string } {
  const list = tokens(pointer);
  const key = list.pop()!;
  const parent = list.reduce((value, token) => child(value, token, pointer), doc);
  if (parent === null || typeof parent !== 'object') throw new Error(`${pointer}: parent is not a container`);
  return { parent, key };
}

/** Removes properties that must exist. */
function remove(doc: JsonObject, ...pointers: string[]): void {
  for (const pointer of pointers) {
    get(doc, pointer);
    const { parent, key } = parentOf(doc, pointer);
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete parent[key];
  }
}

/** Replaces a property that must exist. */
function replace(doc: JsonObject, pointer: string, value: Json): void {
  get(doc, pointer);
  add(doc, pointer, value);
}

/** Sets a property on an existing object (it may or may not exist yet). */
function add(doc: JsonObject, pointer: string, value: Json): void {
  const { parent, key } = parentOf(doc, pointer);
  if (Array.isArray(parent)) parent[Number(key)] = value;
  else parent[key] = value;
}

/** Removes the items of an array that match, requiring exactly `count` of them. */
function removeItems(doc: JsonObject, pointer: string, count: number, match: (item: Json) => boolean): void {
  const list = get(doc, pointer);
  if (!Array.isArray(list)) throw new Error(`${pointer} is not an array`);
  const kept = list.filter((item) => !match(item));
  if (list.length - kept.length !== count) {
    throw new Error(`${pointer}: expected ${count} matching items, found ${list.length - kept.length}`);
  }
  replace(doc, pointer, kept);
}

/** The index of the one array item that matches. */
function indexOf(doc: JsonObject, pointer: string, match: (item: Json) => boolean): number {
  const list = get(doc, pointer);
  if (!Array.isArray(list)) throw new Error(`${pointer} is not an array`);
  const found = list.flatMap((item, index) => (match(item) ? [index] : []));
  if (found.length !== 1) throw new Error(`${pointer}: expected one matching item, found ${found.length}`);
  return found[0]!;
}

const clone = <T extends Json>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

function concept(id: string, scheme: string | undefined, label: string): JsonObject {
  const node: JsonObject = { id, type: 'Concept' };
  if (scheme) node.inScheme = { id: scheme, type: 'ConceptScheme' };
  node.prefLabel = { en: label };
  return node;
}

// --- EDC (ELM v3) -----------------------------------------------------------------------------------

const C = '/credentialSubject/hasClaim';
const S = `${C}/specifiedBy`;
const A = `${C}/provenBy`;
const AB = `${C}/awardedBy/awardingBody`;
const ECVET = 'http://data.europa.eu/snb/education-credit/60b314e826';
const CREDIT_SCHEME = 'http://data.europa.eu/snb/education-credit/25831c2';
const EQF_SCHEME = 'http://data.europa.eu/snb/eqf/25831c2';

function edcCreditPoint(doc: JsonObject, id: string, point: string): JsonObject {
  const creditPoint = clone(get(doc, `${S}/creditPoint`) as JsonObject);
  creditPoint.id = id;
  creditPoint.point = point;
  return creditPoint;
}

const EDC: FormatPlan = {
  format: 'edc',
  base: { codes: [], optionalMissing: [] },
  variants: [
    {
      name: 'missing-learner',
      missingElement: 'learner',
      mutate: (d) =>
        remove(
          d,
          ...['id', 'fullName', 'givenName', 'familyName', 'dateOfBirth', 'identifier', 'contactPoint'].map(
            (p) => `/credentialSubject/${p}`,
          ),
        ),
    },
    { name: 'missing-title', missingElement: 'title', mutate: (d) => remove(d, `${C}/title`, `${S}/title`) },
    {
      name: 'missing-issuerCountry',
      missingElement: 'issuerCountry',
      mutate: (d) => remove(d, `${AB}/location`, '/issuer/location'),
    },
    {
      // The country is a property of the awarding body (and of the issuer it falls back to).
      name: 'missing-awardingBody',
      missingElement: 'awardingBody',
      missingElements: ['issuerCountry', 'awardingBody'],
      mutate: (d) => remove(d, AB, '/issuer'),
    },
    {
      name: 'missing-dateOfIssuing',
      missingElement: 'dateOfIssuing',
      mutate: (d) => remove(d, '/issuanceDate', '/issued', '/validFrom', `${C}/awardedBy/awardingDate`),
    },
    {
      name: 'missing-learningOutcomes',
      missingElement: 'learningOutcomes',
      mutate: (d) => remove(d, `${S}/learningOutcome`),
    },
    {
      name: 'missing-workload',
      missingElement: 'workload',
      mutate: (d) => remove(d, `${S}/creditPoint`, `${S}/volumeOfLearning`),
    },
    { name: 'missing-level', missingElement: 'level', mutate: (d) => remove(d, `${S}/eqfLevel`) },
    {
      name: 'missing-assessmentType',
      missingElement: 'assessmentType',
      mutate: (d) => remove(d, `${A}/specifiedBy/dcType`, `${A}/specifiedBy/mode`),
    },
    {
      name: 'missing-participationForm',
      missingElement: 'participationForm',
      mutate: (d) => remove(d, `${S}/mode`, `${S}/learningSetting`),
    },
    {
      name: 'missing-qualityAssurance',
      missingElement: 'qualityAssurance',
      mutate: (d) => remove(d, `${S}/accreditation`),
    },
    {
      name: 'broken-country-XX',
      codes: ['COUNTRY_INVALID'],
      mutate: (d) =>
        replace(
          d,
          `${AB}/location/address/countryCode`,
          concept('http://publications.europa.eu/resource/authority/country/XX', undefined, 'XX'),
        ),
    },
    {
      name: 'broken-eqf-12',
      codes: ['LEVEL_EQF_OUT_OF_RANGE'],
      mutate: (d) =>
        replace(d, `${S}/eqfLevel`, concept('http://data.europa.eu/snb/eqf/12', EQF_SCHEME, 'Level 12')),
    },
    {
      name: 'broken-workload-not-numeric',
      codes: ['WORKLOAD_NOT_NUMERIC'],
      mutate: (d) => replace(d, `${S}/creditPoint/point`, 'three'),
    },
    {
      // 365 ECTS is also above the plausible maximum for a micro-credential (60).
      name: 'broken-workload-conflict',
      codes: ['WORKLOAD_CONFLICT', 'WORKLOAD_IMPLAUSIBLE'],
      mutate: (d) =>
        replace(d, `${S}/creditPoint`, [
          edcCreditPoint(d, 'urn:epass:creditPoint:1', '3'),
          edcCreditPoint(d, 'urn:epass:creditPoint:2', '365'),
        ]),
    },
    {
      name: 'broken-workload-ecvet',
      codes: ['WORKLOAD_NOT_ECTS'],
      mutate: (d) => {
        replace(d, `${S}/creditPoint/framework`, concept(ECVET, CREDIT_SCHEME, 'ECVET'));
        replace(d, `${S}/creditPoint/point`, '4');
      },
    },
    {
      name: 'broken-credits-no-unit',
      codes: ['WORKLOAD_UNIT_UNKNOWN'],
      mutate: (d) => remove(d, `${S}/creditPoint/framework`),
    },
    {
      name: 'broken-level-no-framework',
      codes: ['LEVEL_NO_FRAMEWORK'],
      mutate: (d) => {
        remove(d, `${S}/eqfLevel`);
        add(d, `${S}/educationLevel`, concept('urn:epass:concept:level-6', undefined, 'Level 6'));
      },
    },
    {
      name: 'broken-assessment-unknown-vocab',
      codes: ['VOCAB_NOT_RECOGNISED'],
      mutate: (d) =>
        replace(
          d,
          `${A}/specifiedBy/dcType`,
          concept('urn:epass:concept:interpretive-dance', undefined, 'interpretive dance'),
        ),
    },
    {
      name: 'broken-outcomes-free-text',
      codes: ['OUTCOMES_FREE_TEXT'],
      mutate: (d) => {
        remove(d, `${S}/learningOutcome`);
        add(d, `${S}/learningOutcomeSummary`, {
          id: 'urn:epass:note:5',
          type: 'Note',
          noteLiteral: {
            en: 'Students learn to design test protocols for product prototypes and to analyse, interpret and report test data.',
          },
        });
      },
    },
    {
      // The awarding body and its country are still read from the claim.
      name: 'broken-issuer-wrong-type',
      codes: ['SCHEMA_WRONG_TYPE'],
      mutate: (d) => replace(d, '/issuer', 42),
    },
  ],
};

// --- Open Badges 3.0 (with the Edubadges micro-credential extension) --------------------------------

const ACH = '/credentialSubject/achievement';
const ALIGN = `${ACH}/alignment`;
const targetType = (type: string) => (item: Json) =>
  item !== null && typeof item === 'object' && !Array.isArray(item) && item.targetType === type;

const OB3: FormatPlan = {
  format: 'ob3',
  // OB3 has no property for prerequisites or stackability, nor a separate awarding body.
  base: { codes: ['AWARDING_BODY_FROM_ISSUER'], optionalMissing: ['prerequisites', 'stackability'] },
  variants: [
    {
      name: 'missing-learner',
      missingElement: 'learner',
      mutate: (d) => remove(d, '/credentialSubject/id', '/credentialSubject/identifier'),
    },
    { name: 'missing-title', missingElement: 'title', mutate: (d) => remove(d, `${ACH}/name`, '/name') },
    {
      name: 'missing-issuerCountry',
      missingElement: 'issuerCountry',
      mutate: (d) => remove(d, '/issuer/address'),
    },
    {
      // OB3 names no awarding body but the issuer, whose address gives the country.
      name: 'missing-awardingBody',
      missingElement: 'awardingBody',
      missingElements: ['issuerCountry', 'awardingBody'],
      mutate: (d) => remove(d, '/issuer'),
    },
    {
      name: 'missing-dateOfIssuing',
      missingElement: 'dateOfIssuing',
      mutate: (d) => remove(d, '/validFrom', '/awardedDate'),
    },
    {
      name: 'missing-learningOutcomes',
      missingElement: 'learningOutcomes',
      mutate: (d) => {
        removeItems(d, ALIGN, 2, targetType('ext:ESCOSkill'));
        remove(d, `${ACH}/description`, `${ACH}/criteria/narrative`);
      },
    },
    { name: 'missing-workload', missingElement: 'workload', mutate: (d) => remove(d, `${ACH}/ECTS`) },
    {
      name: 'missing-level',
      missingElement: 'level',
      mutate: (d) => removeItems(d, ALIGN, 1, targetType('ext:EQF')),
    },
    {
      name: 'missing-assessmentType',
      missingElement: 'assessmentType',
      mutate: (d) => remove(d, `${ACH}/assessmentType`),
    },
    {
      name: 'missing-participationForm',
      missingElement: 'participationForm',
      mutate: (d) => remove(d, `${ACH}/participationType`),
    },
    {
      name: 'missing-qualityAssurance',
      missingElement: 'qualityAssurance',
      mutate: (d) => removeItems(d, ALIGN, 1, targetType('ext:QualityAssurance')),
    },
    {
      name: 'broken-country-XX',
      codes: ['COUNTRY_INVALID'],
      mutate: (d) => replace(d, '/issuer/address/addressCountryCode', 'XX'),
    },
    {
      name: 'broken-eqf-12',
      codes: ['LEVEL_EQF_OUT_OF_RANGE'],
      mutate: (d) => {
        const eqf = `${ALIGN}/${indexOf(d, ALIGN, targetType('ext:EQF'))}`;
        replace(d, `${eqf}/targetName`, 'EQF level 12');
        replace(d, `${eqf}/targetCode`, '12');
        replace(d, `${eqf}/targetUrl`, 'http://data.europa.eu/snb/eqf/12');
      },
    },
    {
      name: 'broken-workload-not-numeric',
      codes: ['WORKLOAD_NOT_NUMERIC'],
      mutate: (d) => replace(d, `${ACH}/ECTS`, 'three'),
    },
    {
      // 365 ECTS is also above the plausible maximum for a micro-credential (60).
      name: 'broken-workload-conflict',
      codes: ['WORKLOAD_CONFLICT', 'WORKLOAD_IMPLAUSIBLE'],
      mutate: (d) => replace(d, `${ACH}/ECTS`, [3, 365]),
    },
    {
      name: 'broken-credits-no-unit',
      codes: ['WORKLOAD_UNIT_UNKNOWN'],
      mutate: (d) => {
        remove(d, `${ACH}/ECTS`);
        add(d, `${ACH}/creditsAvailable`, 3);
      },
    },
    {
      name: 'broken-level-no-framework',
      codes: ['LEVEL_NO_FRAMEWORK'],
      mutate: (d) =>
        replace(d, `${ALIGN}/${indexOf(d, ALIGN, targetType('ext:EQF'))}`, {
          type: ['Alignment'],
          targetType: 'ext:Level',
          targetName: 'Level 6',
          targetCode: '6',
          targetUrl: 'https://www.voorbeeld.example/levels/6',
        }),
    },
    {
      name: 'broken-assessment-unknown-vocab',
      codes: ['VOCAB_NOT_RECOGNISED'],
      mutate: (d) => replace(d, `${ACH}/assessmentType`, 'interpretive dance'),
    },
    {
      // Only the achievement's description (and criteria) remain: free text.
      name: 'broken-outcomes-free-text',
      codes: ['OUTCOMES_FREE_TEXT'],
      mutate: (d) => removeItems(d, ALIGN, 2, targetType('ext:ESCOSkill')),
    },
    {
      // A number names no organisation: the awarding body and its country go with it.
      name: 'broken-issuer-wrong-type',
      codes: ['SCHEMA_WRONG_TYPE'],
      missingElements: ['issuerCountry', 'awardingBody'],
      mutate: (d) => replace(d, '/issuer', 42),
    },
  ],
};

// --- The native Annex I record ----------------------------------------------------------------------

const ANNEX: FormatPlan = {
  format: 'annex',
  base: { codes: [], optionalMissing: [] },
  variants: [
    ...MANDATORY_ELEMENTS.map((key): Variant => ({
      name: `missing-${key}`,
      missingElement: key,
      mutate: (d) => remove(d, `/${key}`),
    })),
    {
      name: 'broken-country-XX',
      codes: ['COUNTRY_INVALID'],
      mutate: (d) => replace(d, '/issuerCountry', 'XX'),
    },
    { name: 'broken-eqf-12', codes: ['LEVEL_EQF_OUT_OF_RANGE'], mutate: (d) => replace(d, '/level/eqf', 12) },
    {
      name: 'broken-workload-not-numeric',
      codes: ['WORKLOAD_NOT_NUMERIC'],
      mutate: (d) => replace(d, '/workload/ects', 'three'),
    },
    {
      // 365 ECTS is also above the plausible maximum for a micro-credential (60).
      name: 'broken-workload-conflict',
      codes: ['WORKLOAD_CONFLICT', 'WORKLOAD_IMPLAUSIBLE'],
      mutate: (d) => add(d, '/workload/credits', { value: 365, unit: 'ECTS' }),
    },
    {
      name: 'broken-workload-ecvet',
      codes: ['WORKLOAD_NOT_ECTS'],
      mutate: (d) => {
        remove(d, '/workload/ects');
        add(d, '/workload/credits', { value: 4, unit: 'ECVET' });
      },
    },
    {
      name: 'broken-credits-no-unit',
      codes: ['WORKLOAD_UNIT_UNKNOWN'],
      mutate: (d) => {
        remove(d, '/workload/ects');
        add(d, '/workload/credits', { value: 3 });
      },
    },
    {
      name: 'broken-level-no-framework',
      codes: ['LEVEL_NO_FRAMEWORK'],
      mutate: (d) => replace(d, '/level', 6),
    },
    {
      name: 'broken-assessment-unknown-vocab',
      codes: ['VOCAB_NOT_RECOGNISED'],
      mutate: (d) => replace(d, '/assessmentType', 'interpretive dance'),
    },
    {
      name: 'broken-outcomes-free-text',
      codes: ['OUTCOMES_FREE_TEXT'],
      mutate: (d) =>
        replace(
          d,
          '/learningOutcomes',
          'Students learn to design test protocols for product prototypes and to analyse, interpret and report test data.',
        ),
    },
    {
      // The record's analogue of a wrongly typed issuer: a date that is a number is no date.
      name: 'broken-date-wrong-type',
      codes: ['SCHEMA_NATIVE_INVALID'],
      missingElements: ['dateOfIssuing'],
      mutate: (d) => replace(d, '/dateOfIssuing', 20250314),
    },
  ],
};

// Complete documents without generated variants.
const EBSI: FormatPlan = { format: 'ebsi', base: { codes: [], optionalMissing: [] }, variants: [] };
const VC: FormatPlan = {
  format: 'vc',
  // A generic VC has a place only for the learner, title, issuer, date and a description.
  base: {
    codes: ['AWARDING_BODY_FROM_ISSUER'],
    optionalMissing: ['prerequisites', 'supervision', 'grade', 'stackability'],
  },
  variants: [],
};
const VC_MISSING: MandatoryElementKey[] = [
  'issuerCountry',
  'learningOutcomes',
  'workload',
  'level',
  'assessmentType',
  'participationForm',
  'qualityAssurance',
];

// --- Writing ----------------------------------------------------------------------------------------

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

function write(relative: string, content: string | Buffer): void {
  const file = path.join(ROOT, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
}

function readComplete(format: string, name = 'complete.json'): JsonObject {
  return JSON.parse(readFileSync(path.join(ROOT, STRUCTURAL, format, name), 'utf8')) as JsonObject;
}

/** Removes the generated files of a folder, so that a renamed variant leaves nothing stale. */
function clearGenerated(relativeDir: string, pattern: RegExp): void {
  const dir = path.join(ROOT, relativeDir);
  mkdirSync(dir, { recursive: true });
  for (const name of readdirSync(dir)) if (pattern.test(name)) rmSync(path.join(dir, name));
}

function makeStructural(): ExpectedFixture[] {
  const rows: ExpectedFixture[] = [];
  for (const plan of [EDC, OB3, ANNEX, EBSI]) {
    const dir = `${STRUCTURAL}/${plan.format}`;
    const complete = readComplete(plan.format);
    rows.push(row(`${dir}/complete.json`, plan, {}));
    clearGenerated(dir, /^(missing|broken)-.*\.json$/);
    for (const variant of plan.variants) {
      const doc = clone(complete);
      variant.mutate(doc);
      const file = `${dir}/${variant.name}.json`;
      write(file, json(doc));
      const outcome: Outcome & { missingElement?: MandatoryElementKey } = {
        codes: variant.codes ?? [],
        missingElements: variant.missingElements ?? (variant.missingElement ? [variant.missingElement] : []),
      };
      if (variant.missingElement) outcome.missingElement = variant.missingElement;
      rows.push(row(file, plan, outcome));
    }
  }
  readComplete('vc', 'minimal.json');
  rows.push(row(`${STRUCTURAL}/vc/minimal.json`, VC, { missingElements: VC_MISSING }));
  return rows;
}

// --- The demo folder --------------------------------------------------------------------------------

function makeDemo(): void {
  // The signed and forged demo files come from scripts/make-fixtures.ts: keep them.
  clearGenerated(DEMO, /^(?!signed-|forged-)/);
  const edc = readComplete('edc');
  const ob3 = readComplete('ob3');
  const ebsi = readComplete('ebsi');
  const annex = readComplete('annex');

  write(`${DEMO}/ob3-micro-credential.json`, json(ob3));
  write(`${DEMO}/edc-micro-credential.json`, json(edc));
  write(`${DEMO}/native-record.json`, json(annex));
  write(`${DEMO}/ebsi-attestation.json`, json(ebsi));

  const noQa = clone(edc);
  remove(noQa, `${S}/accreditation`);
  write(`${DEMO}/edc-missing-quality-assurance.json`, json(noQa));

  const badOb3 = clone(ob3);
  replace(badOb3, '/issuer/address/addressCountryCode', 'XX');
  remove(badOb3, `${ACH}/ECTS`);
  add(badOb3, `${ACH}/creditsAvailable`, 3);
  write(`${DEMO}/ob3-country-xx-credits-without-unit.json`, json(badOb3));

  const second = clone(annex);
  replace(second, '/id', 'urn:voorbeeld:record:2025-0043');
  replace(second, '/learner', {
    name: 'Sam Example',
    givenName: 'Sam',
    familyName: 'Example',
    identifiers: [{ scheme: 'Student number', value: 's2025002' }],
  });
  remove(second, '/level');
  write(`${DEMO}/native-records-batch.json`, json([annex, second]));

  const withBom = clone(annex);
  replace(withBom, '/id', 'urn:voorbeeld:record:2025-0044');
  write(
    `${DEMO}/native-record-with-bom.json`,
    Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(json(withBom))]),
  );

  // A download cut off part-way: not JSON.
  const text = json(annex);
  write(`${DEMO}/broken.json`, text.slice(0, text.indexOf('"learningOutcomes"')));

  write(
    `${DEMO}/unknown-format.json`,
    json({
      student: 'Alex Example',
      course: 'Introduction to Test Data Analysis',
      result: 'passed',
      date: '2025-03-14',
    }),
  );
}

const rows = makeStructural();
write(`${STRUCTURAL}/EXPECTED.jsonc`, json(rows));
makeDemo();
console.log(`wrote ${rows.length} structural fixture expectations and the demo folder`);
