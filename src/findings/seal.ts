// Findings of the JAdES (EDC e-seal) and VC-JWT signature suites: cryptographic results belong to
// the `signature` check; certificate chains and certificate/key-versus-issuer matches to `issuer`.
import type { FindingCatalogue } from './types.js';

export const SEAL_FINDINGS: FindingCatalogue = {
  // ── shared by JAdES and VC-JWT ──────────────────────────────────────────────────────────────
  JWS_CRIT_UNSUPPORTED: {
    check: 'signature',
    severity: 'error',
    title: 'The signature names a critical header parameter mcred does not understand',
    description:
      'A JWS lists in `crit` a header parameter that the verifier must understand to process the signature ' +
      '(RFC 7515 §4.1.11). mcred understands `b64`, `sigT` and `adoTst` for JAdES seals and none for JWTs; ' +
      'any other critical parameter (e.g. `sigD` detached content, `srCms` commitments) makes the signature invalid for mcred.',
    hint: 'Re-seal without the extra critical parameter, or verify the file with a full JAdES validator (EU DSS).',
  },
  JWS_NOT_PROCESSED: {
    check: 'signature',
    severity: 'warning',
    title: 'The signature could not be processed',
    description:
      'An unexpected condition stopped the verification of this signature (a malformed structure no parser ' +
      'anticipated, or a bug in mcred). The result is indeterminate, never a pass.',
    hint: 'Report the file to the mcred maintainers if it looks well-formed.',
  },
  JWS_ALG_UNSUPPORTED: {
    check: 'signature',
    severity: 'warning',
    title: 'The signature algorithm is not supported',
    description:
      'The `alg` is not one of RS256/384/512, PS256/384/512, ES256/384/512 (and EdDSA for JWTs), or the key ' +
      'does not fit it. The signature could not be checked: the result is indeterminate, never a pass.',
    hint: 'Use a mainstream JOSE algorithm; `none` and HMAC algorithms are never accepted for credentials.',
  },
  JWS_ALG_NOT_ALLOWED: {
    check: 'signature',
    severity: 'error',
    title: 'The signature algorithm is `none` or a shared-secret (HMAC) algorithm',
    description:
      'An unsecured JWS (`alg: none`) or an HMAC (`HS256/384/512`) proves nothing about the issuer: anyone holding the secret, or anyone at all, can make it. A credential secured this way is not authentic.',
    hint: 'Treat the credential as forged; issuers sign with a public-key algorithm (EdDSA, ES256, RS256, PS256).',
  },

  // ── JAdES seals (signature check) ──────────────────────────────────────────────────────────
  SEAL_ENVELOPE_INVALID: {
    check: 'signature',
    severity: 'error',
    title: 'The JAdES envelope cannot be verified as a JWS',
    description:
      'The envelope lacks `signatures`/`signature`, a signature has no readable `protected` header, or the payload ' +
      'is not a string: the JWS JSON serialisation (RFC 7515 §7.2) is broken.',
    hint: 'Export the sealed credential again from the issuing system; the file may have been re-serialised.',
  },
  SEAL_SIGNATURE_INVALID: {
    check: 'signature',
    severity: 'error',
    title: 'The e-seal signature does not verify',
    description:
      'The JWS signature over the protected header and the payload does not verify with the key of the seal ' +
      'certificate (`x5c`): the credential or the header was changed after sealing, or the certificate is not the signer.',
    hint: 'Treat the credential as not authentic. Obtain the original file from the issuer.',
  },
  SEAL_CERT_MISSING: {
    check: 'signature',
    severity: 'warning',
    title: 'The seal certificate is not in the signature',
    description:
      'Neither `x5c` nor an `x5t#S256`-matching certificate in `etsiU` xVals carries the signing certificate, ' +
      'so the signature cannot be checked offline. Indeterminate.',
    hint: 'Seal with the signing certificate in `x5c` (EDC/DSS does this by default).',
  },
  SEAL_CERT_UNREADABLE: {
    check: 'signature',
    severity: 'error',
    title: 'The seal certificate cannot be parsed',
    description: 'The first `x5c` entry is not a base64 DER X.509 certificate.',
    hint: 'The seal is corrupt; obtain the original file from the issuer.',
  },
  SEAL_CERT_DIGEST_MISMATCH: {
    check: 'signature',
    severity: 'error',
    title: 'The signed certificate digest does not match the certificate',
    description:
      "The protected header's `x5t#S256` (the SHA-256 of the signing certificate, covered by the signature) " +
      'does not match the `x5c` certificate: the certificate was swapped.',
    hint: 'Treat the credential as not authentic.',
  },
  SEAL_TIME_CLAIMED: {
    check: 'signature',
    severity: 'info',
    title: 'The signing time is claimed by the signer (sigT)',
    description:
      "`sigT` is the signing time the sealer wrote into the signed header. It is the signer's own claim, not " +
      'proof; the certificate is checked against it. Only a verified timestamp proves when the seal existed.',
    hint: 'No action needed; see the timestamp findings for proof of time.',
  },
  SEAL_TIME_MISSING: {
    check: 'signature',
    severity: 'info',
    title: 'The seal carries no usable signing time',
    description:
      'There is no `sigT` in the protected header, or it is not a date-time. The certificate is checked at the ' +
      'verification time (--at) instead.',
    hint: 'JAdES baseline signatures carry sigT; check the sealing configuration.',
  },
  SEAL_TIME_CLAIM_CONTRADICTED: {
    check: 'signature',
    severity: 'warning',
    title: 'The claimed signing time contradicts a timestamp',
    description:
      '`sigT` is later than the signature timestamp (sigTst) or earlier than the content timestamp (adoTst), ' +
      'beyond the allowed clock skew. The claimed time is unreliable (back- or forward-dated).',
    hint: 'Rely on the timestamp times rather than sigT; ask the issuer why the clocks disagree.',
  },
  SEAL_TIMESTAMP_VERIFIED: {
    check: 'signature',
    severity: 'info',
    title: 'A timestamp token verifies',
    description:
      "The token's message imprint matches the timestamped data (adoTst: the payload; sigTst: the signature " +
      "value) and the timestamp authority's CMS signature verifies. Whether that TSA is trusted is reported separately.",
    hint: 'No action needed.',
  },
  SEAL_TIMESTAMP_INVALID: {
    check: 'signature',
    severity: 'error',
    title: 'A timestamp token is invalid',
    description:
      "The token's message imprint does not match the timestamped data, or the timestamp authority's signature " +
      'does not verify: the token was taken over other data or altered.',
    hint: 'Treat the seal as tampered; obtain the original file.',
  },
  SEAL_TIMESTAMP_UNVERIFIED: {
    check: 'signature',
    severity: 'warning',
    title: 'A timestamp token could not be verified',
    description:
      'The token is not DER CMS SignedData with a TSTInfo, uses a canonicalisation (`canonAlg`) or encoding mcred ' +
      'does not implement, or lacks the TSA certificate. Indeterminate: a timestamp that cannot be checked is never a pass.',
    hint: 'Verify the file with a full JAdES validator (EU DSS).',
  },
  SEAL_TIMESTAMP_NOT_CHECKED: {
    check: 'signature',
    severity: 'info',
    title: 'Archive timestamps are present but not evaluated',
    description:
      'JAdES B-LTA archive timestamps (`arcTst`) and embedded revocation values (`rVals`) are long-term-validation ' +
      'material. mcred does not evaluate them and does not rely on them for any result.',
    hint: 'Use EU DSS for long-term (LTA) validation.',
  },
  SEAL_TIMESTAMP_TEST_TSA: {
    check: 'signature',
    severity: 'info',
    title: 'A timestamp comes from a test timestamp authority',
    description:
      'The TSA certificate names a test PKI (e.g. "DSS TEST PKI", "PKI-TEST"). Such timestamps prove nothing about time.',
    hint: 'Production seals should use a qualified timestamp service.',
  },

  // ── JAdES seals and x5c JWTs (issuer check) ───────────────────────────────────────────────
  CHAIN_NO_TRUST_ANCHORS: {
    check: 'issuer',
    severity: 'warning',
    title: 'No trust anchors: the certificate chain was not validated',
    description:
      'No --trust-anchors PEM file was given, so mcred cannot tell whether the seal certificate comes from a ' +
      'trusted (e.g. qualified) CA. Indeterminate, never a pass.',
    hint: 'Pass --trust-anchors with the root (or issuing) CA certificates you trust, e.g. from the EU Trusted Lists.',
  },
  CHAIN_TRUST_ANCHORS_UNREADABLE: {
    check: 'issuer',
    severity: 'warning',
    title: 'The trust-anchor file could not be read',
    description:
      'The --trust-anchors file does not exist, cannot be read, or holds no PEM certificate. The chain was not validated (indeterminate).',
    hint: 'Give a PEM file with one or more "-----BEGIN CERTIFICATE-----" blocks.',
  },
  CHAIN_UNTRUSTED: {
    check: 'issuer',
    severity: 'error',
    title: 'The seal certificate does not chain to a trust anchor',
    description:
      'Every certificate the seal carries is present, but the path ends at a root that is not among the trust ' +
      'anchors (or a certificate signature in the path does not verify).',
    hint: 'Check that --trust-anchors holds the right root; otherwise the seal is not from a trusted CA.',
  },
  CHAIN_INCOMPLETE: {
    check: 'issuer',
    severity: 'error',
    title: 'An intermediate certificate is missing from the chain',
    description:
      'No certificate in x5c, etsiU xVals or the trust anchors is the issuer of a certificate in the path, so ' +
      'no path to a trust anchor can be built.',
    hint: 'Add the missing intermediate to --trust-anchors, or re-seal with the full chain in x5c.',
  },
  CHAIN_CERT_EXPIRED: {
    check: 'issuer',
    severity: 'error',
    title: 'A certificate in the chain was not valid at the validation time',
    description:
      'A CA certificate of the path was expired or not yet valid at the signing time (sigT, or --at without sigT).',
    hint: 'The seal was made with an out-of-date chain; ask the issuer to re-seal.',
  },
  CHAIN_INVALID: {
    check: 'issuer',
    severity: 'error',
    title: 'The certificate chain is invalid',
    description:
      'A path was found but fails validation: an intermediate is not a CA, key usage forbids certificate signing, ' +
      'names do not chain, or a critical extension cannot be processed.',
    hint: 'The seal certificate was not issued by a proper CA hierarchy.',
  },
  SEAL_CERT_NOT_VALID_AT_SIGNING_TIME: {
    check: 'issuer',
    severity: 'error',
    title: 'The seal certificate was not valid at the signing time',
    description:
      "The signing time (claimed sigT, or --at without sigT) lies outside the certificate's validity period: the " +
      'seal was made with an expired or not-yet-valid certificate.',
    hint: 'Treat the seal as invalid; ask the issuer to re-seal with a current certificate.',
  },
  SEAL_CERT_EXPIRED_SINCE: {
    check: 'issuer',
    severity: 'info',
    title: 'The seal certificate has expired since the signing time',
    description:
      'The certificate was valid when the seal was made (sigT) but is expired at the verification time. That is ' +
      'normal for sealed credentials and not an error.',
    hint: 'No action needed.',
  },
  SEAL_REVOCATION_NOT_CHECKED: {
    check: 'issuer',
    severity: 'info',
    title: 'Certificate revocation was not checked',
    description:
      'mcred works offline and does not evaluate CRLs or OCSP responses (including those embedded in rVals). A ' +
      'revoked seal certificate would not be detected.',
    hint: 'Use EU DSS or an online validator when revocation matters.',
  },
  SEAL_TEST_CERTIFICATE: {
    check: 'issuer',
    severity: 'warning',
    title: 'The seal certificate is a test or mock certificate',
    description:
      'The seal certificate or its issuing CA is named as a test (e.g. "TEST SEAL", "ORGANIZACION TEST", "PKI-TEST"). ' +
      "Test and Playground seals (field report B42) must never count as a real issuer's seal.",
    hint: 'Do not accept the credential as issued by a real organisation.',
  },
  SEAL_ORG_ID_MISMATCH: {
    check: 'issuer',
    severity: 'error',
    title: 'The seal certificate belongs to another organisation than the issuer',
    description:
      "The certificate subject's organizationIdentifier (OID 2.5.4.97, e.g. VATES-A00000000, NTREE-17207834) " +
      "matches none of the issuer's identifiers (eIDASIdentifier, legalIdentifier, vatIdentifier, registration, " +
      'OB3 otherIdentifier), with or without the ETSI scheme/country prefix.',
    hint: "The sealer must be the credential's issuer; put the sealing organisation's identifier in issuer.eIDASIdentifier.",
  },
  SEAL_ORG_ID_MISSING: {
    check: 'issuer',
    severity: 'warning',
    title: 'The seal cannot be tied to the issuer by an identifier',
    description:
      'The certificate has no organizationIdentifier, or the issuer has no eIDAS/legal/VAT/registration identifier. ' +
      'If the organisation names match, the tie rests on the name alone (warn); otherwise the issuer check is indeterminate.',
    hint: "Give the issuer an eIDASIdentifier equal to the seal certificate's organizationIdentifier.",
  },
  SEAL_NAME_MISMATCH: {
    check: 'issuer',
    severity: 'warning',
    title: "The seal certificate's organisation name differs from the issuer's name",
    description:
      "The certificate subject O (organizationName) matches none of the issuer's legalName/name values in any " +
      'language, ignoring case, accents, punctuation and legal-form words (S.A., GmbH, OÜ, B.V., d.o.o., Ltd …).',
    hint: 'Use the legal name of the sealing organisation as issuer.legalName.',
  },

  // ── VC-JWT ──────────────────────────────────────────────────────────────────────────────────
  JWT_MALFORMED: {
    check: 'signature',
    severity: 'error',
    title: 'The JWT cannot be decoded',
    description: 'The compact JWS does not have three base64url parts with a JSON header and a JSON payload.',
    hint: 'Check that the whole token was copied.',
  },
  JWT_SIGNATURE_INVALID: {
    check: 'signature',
    severity: 'error',
    title: 'The JWT signature does not verify',
    description:
      "The JWS signature does not verify with the issuer's key: the token was altered or signed by another key.",
    hint: 'Treat the credential as not authentic.',
  },
  JWT_KEY_UNRESOLVED: {
    check: 'signature',
    severity: 'warning',
    title: 'The JWT signing key could not be resolved offline',
    description:
      'mcred resolves did:key (Ed25519), did:jwk and x5c keys offline. Other key references (did:web, did:ebsi, ' +
      'HTTPS, other did:key types) cannot be resolved: indeterminate.',
    hint: 'Use a did:key/did:jwk issuer, or verify online with a resolver for that DID method.',
  },
  JWT_DATES_CONFLICT: {
    check: 'signature',
    severity: 'error',
    title: "The JWT nbf/exp claims disagree with the credential's dates",
    description:
      'Both a JWT claim and the matching credential property are present and differ (field report B23): nbf vs ' +
      'issuanceDate/validFrom, exp vs expirationDate/validUntil. Nobody can tell which is right.',
    hint: 'Make nbf equal to issuanceDate/validFrom and exp equal to expirationDate/validUntil (to the second).',
  },
  JWT_EXPIRED: {
    check: 'dates',
    severity: 'error',
    title: 'The JWT has expired (exp)',
    description: 'The `exp` claim lies before the verification time (--at) minus the allowed clock skew.',
    hint: 'Ask the issuer for a fresh token.',
  },
  JWT_NOT_YET_VALID: {
    check: 'dates',
    severity: 'error',
    title: 'The JWT is not valid yet (nbf)',
    description: 'The `nbf` claim lies after the verification time (--at) plus the allowed clock skew.',
    hint: "Check the verification time and the issuer's clock.",
  },
  JWT_ISS_MISMATCH: {
    check: 'issuer',
    severity: 'error',
    title: 'The JWT iss does not equal the credential issuer',
    description:
      '`iss` must equal `issuer` (a string) or `issuer.id` (an object) (field report B40); otherwise the token ' +
      'claims a different issuer than the credential it carries.',
    hint: "Set iss to the credential's issuer id.",
  },
  JWT_ISS_MISSING: {
    check: 'issuer',
    severity: 'warning',
    title: 'A VC 1.1 JWT has no iss claim',
    description:
      'VC-JWT 1.1 requires `iss` to carry the issuer; it is absent, so the token-level issuer cannot be compared.',
    hint: 'Add iss equal to the issuer id.',
  },
  JWT_KID_NOT_ISSUER: {
    check: 'issuer',
    severity: 'error',
    title: "The JWT was signed with a key that is not the issuer's",
    description:
      "The signing key's DID (from `kid`) differs from the credential's issuer DID, so the signature does not " +
      'show that the issuer signed it.',
    hint: 'Sign with a verification method of the issuer DID.',
  },
};
