import type { FindingCatalogue } from './types.js';

export const TRANSPARENCY_FINDINGS: FindingCatalogue = {
  WORKLOAD_UNIT_UNKNOWN: {
    check: 'transparency',
    severity: 'warning',
    title: 'Workload is given without a unit',
    description:
      'A credit value carries no framework or unit (e.g. OB3 creditsAvailable without an ECTS marker).',
    hint: 'State the credit system; Annex I asks for ECTS wherever possible.',
  },
  WORKLOAD_NOT_ECTS: {
    check: 'transparency',
    severity: 'warning',
    title: 'Credit points are not ECTS',
    description:
      'The workload is expressed in another credit system (ECVET, a national system) and no ECTS value is given.',
    hint: 'Add the ECTS equivalent alongside the other system.',
  },
  WORKLOAD_CONFLICT: {
    check: 'transparency',
    severity: 'warning',
    title: 'Conflicting workload values',
    description:
      'Two or more different values are given for the same unit (e.g. 3 ECTS and 365 ECTS). mcred does not pick one.',
    hint: 'Keep one value per unit.',
  },
  WORKLOAD_NOT_NUMERIC: {
    check: 'transparency',
    severity: 'warning',
    title: 'A workload value is not a number',
    description: 'The credit or duration value could not be read as a number or an xsd:duration.',
    hint: 'Write credits as a number (e.g. "3" or 3.5) and durations as xsd:duration (e.g. PT60H).',
  },
  WORKLOAD_IMPLAUSIBLE: {
    check: 'transparency',
    severity: 'warning',
    title: 'A workload value is implausible for a micro-credential',
    description:
      'The value is zero, negative or larger than a micro-credential usually carries (over 60 ECTS or 1,800 hours).',
    hint: 'Check the value and its unit.',
  },
  WORKLOAD_CALENDAR_DURATION: {
    check: 'transparency',
    severity: 'warning',
    title: 'Workload is given as calendar time, not hours of learning',
    description:
      'A duration with years, months, weeks or days (e.g. P2M) says how long the learning ran, not its notional workload; mcred does not convert it to hours.',
    hint: 'Give the notional workload in ECTS credits, or in hours as PT60H.',
  },
  WORKLOAD_ECTS_HOURS_MISMATCH: {
    check: 'transparency',
    severity: 'warning',
    title: 'ECTS credits and hours of learning do not agree',
    description:
      "The ECTS Users' Guide puts one credit at 25–30 hours of notional learning; the given hours per credit fall outside 15–45.",
    hint: 'Check both values: one of them may be contact hours rather than notional workload.',
  },
  LEVEL_NO_FRAMEWORK: {
    check: 'transparency',
    severity: 'warning',
    title: 'A level is given without a framework',
    description: 'A level value does not say whether it is EQF, QF-EHEA or a national framework.',
    hint: 'Link the level to the EQF (http://data.europa.eu/snb/eqf/N) or name the framework.',
  },
  LEVEL_EQF_OUT_OF_RANGE: {
    check: 'transparency',
    severity: 'error',
    title: 'The EQF level is outside 1–8',
    description: 'The EQF has eight levels; the given value is not one of them.',
    hint: 'Use an EQF level from 1 to 8.',
  },
  COUNTRY_INVALID: {
    check: 'transparency',
    severity: 'error',
    title: 'A country code is not a valid ISO 3166-1 code',
    description:
      'The issuer\'s or awarding body\'s country is not an ISO 3166-1 alpha-2 or alpha-3 code nor an EU country-authority URI (e.g. "XX").',
    hint: 'Use an ISO 3166-1 code such as NL or an EU authority URI such as http://publications.europa.eu/resource/authority/country/NLD.',
  },
  OUTCOMES_FREE_TEXT: {
    check: 'transparency',
    severity: 'warning',
    title: 'Learning outcomes are present only as free text',
    description:
      'No structured learning outcome was found; the text was taken from a description or criteria narrative.',
    hint: 'List the outcomes one by one, ideally linked to ESCO skills.',
  },
  VOCAB_NOT_RECOGNISED: {
    check: 'transparency',
    severity: 'warning',
    title: 'A value is outside the Annex options and the recommended vocabularies',
    description:
      "The type of assessment, form of participation, supervision or stackability could not be mapped to the Annex's options or the recommended vocabularies.",
    hint: "Use a concept from the Europass vocabularies or the Annex's wording.",
  },
  DATE_FROM_VALID_FROM: {
    check: 'transparency',
    severity: 'info',
    title: 'The date of issuing was taken from validFrom',
    description: 'An EDC without `issued` or `issuanceDate`: validFrom was used as the date of issuing.',
    hint: 'Sealed EDCs carry `issued`; an unsealed draft may not.',
  },
  DATE_FROM_AWARD: {
    check: 'transparency',
    severity: 'info',
    title: 'The date of issuing was taken from the award date',
    description:
      'No credential-level issuing date was found; the award date (awardingDate / awardedDate) was used.',
    hint: 'Add the credential-level date (issued, validFrom or issuanceDate).',
  },
  AWARDING_BODY_FROM_ISSUER: {
    check: 'transparency',
    severity: 'info',
    title: 'The awarding body was taken to be the issuer',
    description: 'The credential names no separate awarding body; the issuer is assumed to award it.',
    hint: 'Name the awarding body explicitly where it differs from the issuer.',
  },
  LEARNER_MULTIPLE_SUBJECTS: {
    check: 'transparency',
    severity: 'warning',
    title: 'The credential names more than one subject',
    description: 'credentialSubject is an array; every subject was read, the first is shown as the learner.',
    hint: 'A micro-credential usually names one learner.',
  },
};
