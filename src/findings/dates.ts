import type { FindingCatalogue } from './types.js';

export const DATES_FINDINGS: FindingCatalogue = {
  DATE_INVALID: {
    check: 'dates',
    severity: 'error',
    title: 'A date is not a valid RFC 3339 date-time',
    description:
      'The value is not a date-time, or a component is out of range (minute 73, 30 February, an offset beyond ±14:00, a second 60 that is not 23:59:60 UTC). Nothing is rolled over into a valid-looking time.',
    hint: 'Write dates as 2024-06-15T10:00:00Z or with an offset such as +02:00.',
  },
  DATE_NO_OFFSET: {
    check: 'dates',
    severity: 'error',
    title: 'A date-time has no time-zone offset',
    description:
      'The date of issuing, and every date of a VC 2.0 credential (dateTimeStamp), must carry an offset; without one, verifiers read it as local time and disagree.',
    hint: 'Add Z or an offset such as +01:00.',
  },
  DATE_NO_OFFSET_ASSUMED_UTC: {
    check: 'dates',
    severity: 'warning',
    title: 'A VC 1.1 date-time has no offset; it was treated as UTC',
    description: 'VC 1.1 allows xsd:dateTime without an offset. mcred evaluates it as UTC on every host.',
    hint: 'Add Z or an offset so that every verifier reads the same instant.',
  },
  DATE_ISSUED_IN_FUTURE: {
    check: 'dates',
    severity: 'error',
    title: 'The date of issuing is in the future',
    description:
      'The credential says it was issued after the verification time (plus the allowed clock skew, --skew).',
    hint: "Check the issuing system's clock, or verify as of a later time with --at.",
  },
  DATE_NOT_YET_VALID: {
    check: 'dates',
    severity: 'error',
    title: 'The credential is not yet valid',
    description:
      'Its validity starts (validFrom, or issuanceDate in VC 1.1) after the verification time plus the skew.',
    hint: 'Verify again once it is valid, or use --at to verify as of a given time.',
  },
  DATE_EXPIRED: {
    check: 'dates',
    severity: 'error',
    title: 'The credential has expired',
    description:
      'Its validity ended (validUntil or expirationDate) before the verification time minus the skew.',
    hint: 'Ask the issuer for a current credential, or use --at to verify as of an earlier time.',
  },
  DATE_WINDOW_INVERTED: {
    check: 'dates',
    severity: 'error',
    title: 'The validity window ends before it starts',
    description: 'validUntil / expirationDate is earlier than validFrom / issuanceDate.',
    hint: 'Fix the dates in the issuing system.',
  },
  DATE_SKEW_TOLERATED: {
    check: 'dates',
    severity: 'info',
    title: 'A date was just inside the allowed clock skew',
    description:
      'A date lies slightly after the verification time but within --skew (default 5 minutes); it was accepted.',
    hint: 'No action needed; clocks of issuing servers often run a little ahead.',
  },
  PROOF_CREATED_IN_FUTURE: {
    check: 'dates',
    severity: 'error',
    title: 'A proof was created after the verification time',
    description:
      'proof.created is later than the verification time plus the skew: the signature claims to come from the future.',
    hint: "Check the signer's clock, or verify as of a later time with --at.",
  },
  DATE_PROPERTY_WRONG_MODEL: {
    check: 'dates',
    severity: 'warning',
    title: 'A date property belongs to the other VC data model',
    description:
      'issuanceDate / expirationDate (VC 1.1) in a VC 2.0 credential, or validFrom / validUntil in a VC 1.1 Open Badge or plain VC. Verifiers disagree on which one counts.',
    hint: 'Use validFrom/validUntil with the VC 2.0 context, issuanceDate/expirationDate with VC 1.1.',
  },
  DATE_OF_ISSUING_MISSING: {
    check: 'dates',
    severity: 'error',
    title: 'The credential has no date of issuing',
    description:
      'Reported by the dates check when the elements check does not run (mcred verify); otherwise ELEMENT_MISSING says it.',
    hint: 'Add the date of issuing (issued, validFrom or issuanceDate).',
  },
};
