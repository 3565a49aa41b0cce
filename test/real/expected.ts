// What mcred must report for each of the 30 real samples in ../shared/samples/real.
//
// Written by hand from the JSON files themselves (read with jq), SOURCES.md next to them, and the
// Annex I element → path mapping in shared/docs/domain.md §1 and §3. Never derived from mcred's
// output. Conservative: `present`/`absent` name only elements the file settles one way or the
// other; an element left out of both (e.g. an OB3 description that may or may not count as
// learning outcomes) is not asserted.
import type { ElementKey } from '../../src/model/elements.js';

export type { ElementKey };

/** The 11 mandatory Annex I elements: an absent one must come with ELEMENT_MISSING for it. */
export const MANDATORY: readonly ElementKey[] = [
  'learner',
  'title',
  'issuerCountry',
  'awardingBody',
  'dateOfIssuing',
  'learningOutcomes',
  'workload',
  'level',
  'assessmentType',
  'participationForm',
  'qualityAssurance',
];

export interface ExpectedSample {
  /** Path relative to ../shared/samples/real, e.g. 'edc/european-….json'. */
  file: string;
  format: string;
  envelope?: 'jades';
  /** Elements that MUST be present. */
  present: ElementKey[];
  /** Elements that MUST be reported missing. */
  absent: ElementKey[];
  values?: {
    /** A substring (case-insensitive) of the title in any language. */
    title?: string;
    eqf?: number;
    ects?: number;
    hours?: number;
    /** ISO alpha-2 codes the issuer's countries must include. */
    countries?: string[];
    /** Annex option of the type of assessment. */
    assessment?: string;
    participation?: string;
    supervision?: string;
    /** The property the date of issuing was read from. */
    dateProperty?: string;
    /** A substring of the learner's value (name, id or identifier). */
    learnerContains?: string;
  };
  /** Codes that MUST appear. */
  findings?: string[];
  /** Codes that must NOT appear. */
  notFindings?: string[];
  /** What in the file justifies this row, one line. */
  note?: string;
}

// --- Shared shapes ---------------------------------------------------------------------------

const DCC = 'ob3/digitalcredentials_vc-test-fixtures_';

/** OB3 with only issuer {id,name}, achievement {name,description,criteria}: nothing else stated. */
const OB3_BARE_ABSENT: ElementKey[] = [
  'issuerCountry',
  'workload',
  'level',
  'assessmentType',
  'participationForm',
  'qualityAssurance',
  'supervision',
  'grade',
  'stackability',
];

/** EBSI generic attestations: a subject id and dates, nothing about a learning achievement. */
const EBSI_ATTESTATION_ABSENT: ElementKey[] = [
  'title',
  'learningOutcomes',
  'workload',
  'level',
  'assessmentType',
  'participationForm',
  'qualityAssurance',
  'prerequisites',
  'supervision',
  'grade',
  'stackability',
  'furtherInformation',
];

/** The Commission's Sample-MC-Annex1, identical in both files apart from the sealing additions. */
const MC_ANNEX1_PRESENT: ElementKey[] = [
  'learner',
  'title',
  'issuerCountry',
  'awardingBody',
  'dateOfIssuing',
  'learningOutcomes',
  'workload',
  'level',
  'assessmentType',
  'participationForm',
  'prerequisites',
  'supervision',
  'grade',
];
const MC_ANNEX1_VALUES = {
  title: 'Digital micro-credential creation',
  eqf: 6,
  ects: 2,
  hours: 60,
  countries: ['IE'],
  participation: 'blended',
  supervision: 'unsupervised with no identity verification',
  learnerContains: 'Andromeda',
};
const MC_ANNEX1_NOT_FINDINGS = [
  'COUNTRY_INVALID',
  'AWARDING_BODY_FROM_ISSUER',
  'OUTCOMES_FREE_TEXT',
  'WORKLOAD_UNIT_UNKNOWN',
  'WORKLOAD_NOT_ECTS',
  'LEVEL_NO_FRAMEWORK',
  'LEVEL_EQF_OUT_OF_RANGE',
];

/** Edubadges EU micro-credential profile; the minimal file repeats every Annex field of the full one. */
const EDUBADGES: Omit<ExpectedSample, 'file' | 'note'> = {
  format: 'ob3',
  present: [
    'learner',
    'title',
    'awardingBody',
    'dateOfIssuing',
    'workload',
    'level',
    'assessmentType',
    'participationForm',
    'qualityAssurance',
    'supervision',
    'grade',
  ],
  absent: ['stackability'],
  values: {
    title: 'Jedi Mind Control',
    eqf: 4,
    ects: 3,
    assessment: 'testing',
    participation: 'onsite or blended',
    supervision: 'supervised online or onsite with identity verification',
    dateProperty: 'validFrom',
  },
  findings: ['COUNTRY_INVALID', 'AWARDING_BODY_FROM_ISSUER'],
  notFindings: ['WORKLOAD_UNIT_UNKNOWN', 'LEVEL_NO_FRAMEWORK', 'LEVEL_EQF_OUT_OF_RANGE'],
};

// --- The table -------------------------------------------------------------------------------

export const EXPECTED: ExpectedSample[] = [
  // ---- edc/ (5) ----
  {
    file: 'edc/european-commission-empl_European-Learning-Model_Sample-MC-Annex1-unsigned.json',
    format: 'edc',
    present: MC_ANNEX1_PRESENT,
    absent: ['qualityAssurance'],
    values: { ...MC_ANNEX1_VALUES, dateProperty: 'validFrom' },
    findings: ['DATE_FROM_VALID_FROM'],
    notFindings: MC_ANNEX1_NOT_FINDINGS,
    note: 'No issued/issuanceDate/awardingDate (set at sealing) → validFrom; creditPoint ECTS "2", PT60H, eqf/6, mode Blended, idVerification c598449d64; no accreditation',
  },
  {
    file: 'edc/european-commission-empl_European-Learning-Model_Sample-MC-Annex1-signed.json',
    format: 'edc',
    envelope: 'jades',
    present: MC_ANNEX1_PRESENT,
    absent: ['qualityAssurance'],
    values: { ...MC_ANNEX1_VALUES, dateProperty: 'issued' },
    notFindings: [...MC_ANNEX1_NOT_FINDINGS, 'DATE_FROM_VALID_FROM'],
    note: 'JAdES payload = the unsigned sample plus issued/issuanceDate, Mandate evidence, sealer ORGANIZACION TEST (ES); awarding body still University of Zed (IRL)',
  },
  {
    file: 'edc/european-commission-empl_European-Learning-Model_Sample-CertOfPart-signed.json',
    format: 'edc',
    envelope: 'jades',
    present: [
      'learner',
      'title',
      'issuerCountry',
      'awardingBody',
      'dateOfIssuing',
      'participationForm',
      'furtherInformation',
    ],
    absent: [
      'learningOutcomes',
      'level',
      'assessmentType',
      'qualityAssurance',
      'prerequisites',
      'supervision',
      'grade',
      'stackability',
    ],
    values: {
      title: 'EDC Updates Webinar',
      countries: ['BE'],
      participation: 'online',
      dateProperty: 'issued',
      learnerContains: 'Andromeda',
    },
    notFindings: ['COUNTRY_INVALID', 'AWARDING_BODY_FROM_ISSUER', 'DATE_FROM_VALID_FROM'],
    note: 'hasClaim is a LearningActivity (title, awardedBy EDC Support Team BEL, specifiedBy.mode Online, supplementaryDocument); no outcomes, EQF, assessment or accreditation',
  },
  {
    file: 'edc/european-commission-empl_European-Learning-Model_credential-sample.json',
    format: 'edc',
    present: ['learner', 'title', 'issuerCountry', 'awardingBody', 'dateOfIssuing'],
    absent: [
      'learningOutcomes',
      'workload',
      'level',
      'assessmentType',
      'participationForm',
      'qualityAssurance',
      'prerequisites',
      'supervision',
      'grade',
      'stackability',
      'furtherInformation',
    ],
    values: {
      title: 'some kind of learning achievement',
      countries: ['FR'],
      dateProperty: 'issued',
      learnerContains: 'Max Power',
    },
    notFindings: ['COUNTRY_INVALID', 'AWARDING_BODY_FROM_ISSUER', 'DATE_FROM_VALID_FROM'],
    note: 'Minimal ELM skeleton: Max Power, a LearningAchievement with title and awardingBody (FRA), issued 2010; nothing else',
  },
  {
    file: 'edc/MyNextID_credentials_edc-mc-signed.json',
    format: 'edc',
    envelope: 'jades',
    present: [
      'learner',
      'title',
      'issuerCountry',
      'awardingBody',
      'dateOfIssuing',
      'learningOutcomes',
      'workload',
      'level',
      'assessmentType',
      'participationForm',
      'supervision',
      'grade',
      'furtherInformation',
    ],
    absent: ['qualityAssurance', 'prerequisites', 'stackability'],
    values: {
      title: 'Title of your learning achievement',
      eqf: 6,
      ects: 5,
      hours: 45,
      countries: ['SI'],
      participation: 'online',
      dateProperty: 'issued',
      learnerContains: 'Joe Done',
    },
    notFindings: [
      'COUNTRY_INVALID',
      'AWARDING_BODY_FROM_ISSUER',
      'OUTCOMES_FREE_TEXT',
      'DATE_FROM_VALID_FROM',
      'LEVEL_EQF_OUT_OF_RANGE',
    ],
    note: 'Awarding body NETIS d.o.o. (SVN) ≠ sealer Velocert (EST); ECTS "5", PT45H, eqf/6, mode Online, 2 outcomes with ESCO, grade "19", idVerification labelled "Supervised with ID Verification"',
  },

  // ---- ob3/ (19) ----
  {
    file: 'ob3/MyNextID_credentials_open-badge-mc-example.json',
    format: 'ob3',
    present: [
      'learner',
      'title',
      'awardingBody',
      'dateOfIssuing',
      'learningOutcomes',
      'workload',
      'furtherInformation',
    ],
    absent: [
      'issuerCountry',
      'level',
      'assessmentType',
      'participationForm',
      'qualityAssurance',
      'supervision',
      'grade',
      'stackability',
    ],
    values: { title: 'Data Science Fundamentals', dateProperty: 'validFrom' },
    notFindings: ['OUTCOMES_FREE_TEXT'],
    note: 'achievementType MicroCredential, creditsAvailable 5 (unit not asserted), 2 ESCO alignments, hashed email identifier; issuer NETIS has no address',
  },
  {
    file: 'ob3/digitalcredentials_mit-learn-obv3-template_courseCertificate.json',
    format: 'ob3',
    present: ['learner', 'title', 'awardingBody', 'dateOfIssuing'],
    absent: OB3_BARE_ABSENT,
    values: {
      title: 'Foundations of Universal AI',
      dateProperty: 'validFrom',
      learnerContains: 'Delisle-Doray',
    },
    findings: ['AWARDING_BODY_FROM_ISSUER'],
    note: 'Learner only as identifier {identityType name, hashed false}; issuer MIT Learn {id,name,image}',
  },
  {
    file: 'ob3/digitalcredentials_mit-learn-obv3-template_moduleCertificate.json',
    format: 'ob3',
    present: ['learner', 'title', 'awardingBody', 'dateOfIssuing'],
    absent: OB3_BARE_ABSENT,
    values: {
      title: 'Deep Learning: Foundations',
      dateProperty: 'validFrom',
      learnerContains: 'Delisle-Doray',
    },
    findings: ['AWARDING_BODY_FROM_ISSUER'],
    note: 'Same template as the course certificate, achievementType Module',
  },
  {
    file: `${DCC}v1-dataIntegrityProof-didKey-legacyRegistry-noStatus-noExpiry-OBSpecExample.json`,
    format: 'ob3',
    present: ['learner', 'title', 'awardingBody', 'dateOfIssuing'],
    absent: OB3_BARE_ABSENT,
    values: { title: 'Teamwork', dateProperty: 'issuanceDate' },
    findings: ['AWARDING_BODY_FROM_ISSUER'],
    note: 'VC 1.1 (issuanceDate); subject id did:example; issuer Example Corp {id,name}',
  },
  {
    file: `${DCC}v1-ed25519-didKey-legacy-noStatus-expired.json`,
    format: 'ob3',
    present: ['title', 'awardingBody', 'dateOfIssuing'],
    absent: OB3_BARE_ABSENT,
    values: { title: 'Badge', dateProperty: 'issuanceDate' },
    findings: ['AWARDING_BODY_FROM_ISSUER'],
    note: 'VC 1.1; subject has only name "Jane Doe" (no id/identifier): learner not asserted',
  },
  {
    file: `${DCC}v1-ed25519-didWeb-legacy-revokedStatus-noExpiry.json`,
    format: 'ob3',
    present: ['title', 'awardingBody', 'dateOfIssuing'],
    absent: OB3_BARE_ABSENT,
    values: { title: 'Mock Bachelor of Science in Biology', dateProperty: 'issuanceDate' },
    findings: ['AWARDING_BODY_FROM_ISSUER'],
    note: 'VC 1.1; subject has only name "Taylor Tuna": learner not asserted; issuer MIT with url, no address',
  },
  {
    file: `${DCC}v2-bothSignatureTypes-didkey-legacy-noStatus-noExpiry.json`,
    format: 'ob3',
    present: ['learner', 'title', 'awardingBody', 'dateOfIssuing'],
    absent: OB3_BARE_ABSENT,
    values: { title: 'Teamwork', dateProperty: 'validFrom' },
    findings: ['AWARDING_BODY_FROM_ISSUER'],
    note: 'The 1EdTech spec example (VC 2.0) with two proofs',
  },
  {
    file: `${DCC}v2-dataIntegrityProof-didKey-legacyRegistry-noStatus-noExpiry-OBSpecExample.json`,
    format: 'ob3',
    present: ['learner', 'title', 'awardingBody', 'dateOfIssuing'],
    absent: OB3_BARE_ABSENT,
    values: { title: 'Teamwork', dateProperty: 'validFrom' },
    findings: ['AWARDING_BODY_FROM_ISSUER'],
    note: 'The 1EdTech spec example (VC 2.0), subject id did:example',
  },
  {
    file: `${DCC}v2-dataIntegrityProof-didKey-legacyRegistry-noStatus-noExpiry-alignments.json`,
    format: 'ob3',
    present: ['learner', 'title', 'awardingBody', 'dateOfIssuing'],
    absent: OB3_BARE_ABSENT,
    values: { title: 'Text analysis', dateProperty: 'validFrom' },
    findings: ['AWARDING_BODY_FROM_ISSUER'],
    notFindings: ['LEVEL_NO_FRAMEWORK'],
    note: 'Two alignments to a course catalogue (credentialfinder.org), neither EQF nor ESCO: no level',
  },
  {
    file: `${DCC}v2-dataIntegrityProof-didKey-legacyRegistry-noStatus-notExpired-withSchema.json`,
    format: 'ob3',
    present: ['title', 'awardingBody', 'dateOfIssuing'],
    absent: OB3_BARE_ABSENT,
    values: { title: 'Bachelors - v2 - revoked', dateProperty: 'validFrom' },
    findings: ['AWARDING_BODY_FROM_ISSUER'],
    note: 'Subject has only name "Sam Salmon": learner not asserted',
  },
  {
    file: `${DCC}v2-dataIntegrityProof-didKey-oidf-noStatus-notExpired-complexIssuer.json`,
    format: 'ob3',
    present: ['title', 'issuerCountry', 'awardingBody', 'dateOfIssuing'],
    absent: OB3_BARE_ABSENT.filter((key) => key !== 'issuerCountry'),
    values: { title: 'complex issuer', countries: ['CA'], dateProperty: 'validFrom' },
    notFindings: ['COUNTRY_INVALID'],
    note: 'issuer.address.addressCountryCode "CA" (region ON); issuer has parentOrg, so AWARDING_BODY_FROM_ISSUER not asserted; learner only by name',
  },
  {
    file: `${DCC}v2-dataIntegrityProof-didKey-oidf-noStatus-notExpired-notYetValid.json`,
    format: 'ob3',
    present: ['title', 'issuerCountry', 'awardingBody', 'dateOfIssuing'],
    absent: OB3_BARE_ABSENT.filter((key) => key !== 'issuerCountry'),
    values: { title: "isn't yet valid", countries: ['CA'], dateProperty: 'validFrom' },
    notFindings: ['COUNTRY_INVALID'],
    note: 'validFrom 2099 is still the date of issuing; same complex issuer (CA, parentOrg)',
  },
  {
    file: `${DCC}v2-dataIntegrityProof-didKey-twoOIDF-revoked-notExpired-badSchema.json`,
    format: 'ob3',
    present: ['title', 'awardingBody'],
    absent: OB3_BARE_ABSENT,
    values: { title: 'Bachelors - v2 - revoked' },
    findings: ['AWARDING_BODY_FROM_ISSUER'],
    note: 'VC 2.0 context but only a VC 1.1 issuanceDate (inline context): date of issuing not asserted; learner only by name',
  },
  {
    file: `${DCC}v2-dataIntegrityProof-didKey-twoOIDF-validStatus-expired.json`,
    format: 'ob3',
    present: ['title', 'awardingBody', 'dateOfIssuing'],
    absent: OB3_BARE_ABSENT,
    values: { title: 'Bachelors - v2 - revoked', dateProperty: 'validFrom' },
    findings: ['AWARDING_BODY_FROM_ISSUER'],
    note: 'Expired (validUntil 2010) does not change the elements; learner only by name',
  },
  {
    file: `${DCC}v2-ed25519-didKey-legacy-noStatus-noExpiry-tampered.json`,
    format: 'ob3',
    present: ['learner', 'title', 'awardingBody', 'dateOfIssuing'],
    absent: OB3_BARE_ABSENT,
    values: { title: 'A tampered credential', dateProperty: 'validFrom' },
    findings: ['AWARDING_BODY_FROM_ISSUER'],
    note: 'Tampered achievement name; the elements are still read',
  },
  {
    file: `${DCC}v2-ed25519-didKey-legacy-noStatus-noExpiry.json`,
    format: 'ob3',
    present: ['learner', 'title', 'awardingBody', 'dateOfIssuing'],
    absent: OB3_BARE_ABSENT,
    values: { title: 'Teamwork', dateProperty: 'validFrom' },
    findings: ['AWARDING_BODY_FROM_ISSUER'],
    note: 'The 1EdTech spec example with Ed25519Signature2020',
  },
  {
    ...EDUBADGES,
    file: 'ob3/educredentials_obv3-examples_theed_microcredential_full_ho.json',
    note: 'EducredentialAchievement: ECTS 3, ext:EQF targetCode 4, ext:QualityAssurance, assessmentType testing, participationType "onsite or blended", supervisionType "onsite with identity verification", result 8.5, addressCountryCode "XX"',
  },
  {
    ...EDUBADGES,
    file: 'ob3/educredentials_obv3-examples_theed_microcredential_minimal_ho.json',
    note: 'Minimal variant: same Annex fields as the full one (no otherIdentifier, no validUntil, shorter description)',
  },
  {
    file: 'ob3/impierce_credential-converter_Complete_OpenBadgeCredential.json',
    format: 'ob3',
    present: [
      'learner',
      'title',
      'issuerCountry',
      'awardingBody',
      'dateOfIssuing',
      'workload',
      'grade',
      'furtherInformation',
    ],
    absent: [
      'level',
      'assessmentType',
      'participationForm',
      'qualityAssurance',
      'supervision',
      'stackability',
    ],
    values: { title: '1EdTech University Degree', countries: ['US'], dateProperty: 'validFrom' },
    findings: ['WORKLOAD_UNIT_UNKNOWN'],
    notFindings: ['COUNTRY_INVALID'],
    note: 'creditsAvailable 36 with achievementType Degree (no ECTS marker); issuer US; result "A"; alignments CFItem/CTDL (not EQF); endorsements are not QA',
  },

  // ---- ebsi/ (6) ----
  {
    file: 'ebsi/impierce_credential-converter_Microcredential-Data-and-software-business.json',
    format: 'ebsi',
    present: [
      'learner',
      'title',
      'issuerCountry',
      'awardingBody',
      'dateOfIssuing',
      'learningOutcomes',
      'workload',
      'grade',
    ],
    absent: ['level', 'qualityAssurance', 'prerequisites', 'supervision', 'stackability'],
    values: {
      title: 'Data and software business',
      ects: 5,
      countries: ['BE'],
      dateProperty: 'issued',
      learnerContains: 'David Smith',
    },
    notFindings: ['COUNTRY_INVALID', 'AWARDING_BODY_FROM_ISSUER', 'OUTCOMES_FREE_TEXT'],
    note: 'EDC in EBSI VCDM 2.0 (VerifiableAttestation + EuropeanDigitalCredential), lang maps hold arrays; University of Life (BEL), ECTS "5", 3 outcomes with ESCO, grade "Excellent (5)"; no EQF',
  },
  {
    file: 'ebsi/npm-cef-ebsi_vcdm1.1-attestation-schema-2.0.0_generic-attestation.json',
    format: 'ebsi',
    present: ['learner', 'dateOfIssuing'],
    absent: [...EBSI_ATTESTATION_ABSENT, 'issuerCountry'],
    values: { dateProperty: 'issued' },
    note: 'Bare attestation: issuer is a DID string, subject only an id; issued 2020 precedes issuanceDate 2021',
  },
  {
    file: 'ebsi/npm-cef-ebsi_vcdm1.1-attestation-schema-2.0.0_credential-status-array.json',
    format: 'ebsi',
    present: ['learner', 'dateOfIssuing'],
    absent: [...EBSI_ATTESTATION_ABSENT, 'issuerCountry'],
    values: { dateProperty: 'issued' },
    note: 'Same as the generic attestation with a credentialStatus array',
  },
  {
    file: 'ebsi/npm-cef-ebsi_vcdm2.0-attestation-schema-2.0.0_complex-attestation.json',
    format: 'ebsi',
    present: ['learner', 'issuerCountry', 'dateOfIssuing'],
    absent: EBSI_ATTESTATION_ABSENT,
    values: { countries: ['FR'], dateProperty: 'validFrom' },
    notFindings: ['COUNTRY_INVALID'],
    note: 'VCDM 2.0, only validFrom; issuer.eIDASIdentifier.spatial FRA; two subjects (did:key, Alice Wonderland); no achievement',
  },
  {
    file: 'ebsi/walt-id_waltid-ssikit_VerifiableDiploma.json',
    format: 'ebsi',
    present: ['learner', 'title', 'awardingBody', 'dateOfIssuing', 'workload', 'level'],
    absent: ['assessmentType', 'participationForm', 'qualityAssurance', 'prerequisites', 'stackability'],
    values: { title: 'MASTERS LAW, ECONOMICS AND MANAGEMENT', ects: 120, eqf: 7, dateProperty: 'issued' },
    note: 'Legacy EBSI diploma: learningAchievement.title, learningSpecification.ectsCreditPoints 120 / eqfLevel 7, awardingOpportunity.awardingBody Leaston University',
  },
  {
    file: 'ebsi/walt-id_waltid-ssikit_Microcredential_finetuned.json',
    format: 'ebsi',
    present: ['learner', 'title', 'dateOfIssuing', 'learningOutcomes', 'workload', 'grade'],
    absent: ['issuerCountry', 'level', 'qualityAssurance', 'prerequisites', 'supervision', 'stackability'],
    values: { title: 'Data and software business', ects: 5, dateProperty: 'issued' },
    note: 'EBSI-pilot "Europass" model: achieved[].title, specifiedBy[].hasECTSCreditPoints "5", learningOutcomes[] with ESCO, wasDerivedFrom grade "excellent (5)"; issuer a DID string, no country',
  },
];
