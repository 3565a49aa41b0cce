import type { FindingCatalogue } from './types.js';

// Findings of the `issuer` check for credentials with embedded Linked Data proofs: is the signing key the
// issuer's? As in signature.ts, "(indeterminate)" warnings make the check indeterminate, errors make it fail.
export const ISSUER_FINDINGS: FindingCatalogue = {
  DID_UNRESOLVABLE: {
    check: 'issuer',
    severity: 'warning',
    title: "The issuer's DID could not be resolved (indeterminate)",
    description:
      'The DID of the verification method could not be resolved: did:web without its document in --did-dir and without --online, a network failure, or a method mcred does not resolve (did:ebsi and others). The key, and so the issuer, cannot be checked (B27).',
    hint: 'Give the DID document with --did-dir (documents are matched by their id), or allow the network with --online.',
  },
  VERIFICATION_METHOD_UNRESOLVABLE: {
    check: 'issuer',
    severity: 'warning',
    title: 'The verification method is not a DID URL and cannot be dereferenced (indeterminate)',
    description:
      'The proof names its key by an https (or other non-DID) URL; mcred resolves keys through DIDs only, so the key and its owner cannot be checked.',
    hint: 'Check the issuer profile published at that URL by other means.',
  },
  DID_INVALID: {
    check: 'issuer',
    severity: 'error',
    title: 'The DID is malformed or its document does not belong to it',
    description:
      'The DID of the verification method is not valid for its method (a did:key that is not a 32-byte Ed25519 key, a did:web with an invalid host), or the did:web document fetched has another id.',
    hint: 'The proof was altered or the issuer published a wrong DID document.',
  },
  VERIFICATION_METHOD_NOT_FOUND: {
    check: 'issuer',
    severity: 'error',
    title: 'The DID document does not contain the verification method of the proof',
    description:
      "The DID was resolved but no verification method in its document has the proof's verificationMethod as id. mcred never falls back to another key of the document.",
    hint: 'The key may have been removed (rotated) from the DID document, or the proof was altered.',
  },
  VERIFICATION_METHOD_REVOKED: {
    check: 'issuer',
    severity: 'error',
    title: 'The verification method is marked revoked',
    description: 'The verification method in the DID document carries a "revoked" date.',
    hint: 'Do not accept credentials signed with a revoked key; ask the issuer to reissue.',
  },
  ISSUER_KEY_NOT_CONTROLLED: {
    check: 'issuer',
    severity: 'error',
    title: 'The signing key is not an assertion key of the issuer',
    description:
      "The verification method's controller is not the credential's issuer (issuer or issuer.id), or the controller's document does not list the method under assertionMethod. A valid signature by someone else's key does not make the issuer the author.",
    hint: 'Treat the credential as not issued by the named issuer.',
  },
  ISSUER_NOT_CHECKED: {
    check: 'issuer',
    severity: 'warning',
    title: 'Key control could not be checked because the proof could not be processed (indeterminate)',
    description:
      'The proof is of an unsupported type or malformed, so its verification method was not examined; the issuer is unconfirmed.',
    hint: 'See the signature findings for the proof.',
  },
};
