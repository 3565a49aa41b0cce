import type { FindingCatalogue } from './types.js';

// Findings of the `signature` check for embedded Linked Data proofs (src/checks/signature/data-integrity.ts).
// The suite sets the check status itself: an `error` finding makes it fail; the `warning` findings marked
// "(indeterminate)" make it indeterminate (could not check: never a pass). proof.created in the future
// (PROOF_CREATED_IN_FUTURE) and invalid proof dates as such are the dates check's findings.
export const SIGNATURE_FINDINGS: FindingCatalogue = {
  SIGNATURE_INVALID: {
    check: 'signature',
    severity: 'error',
    title: 'The signature does not match the credential',
    description:
      'The proof value does not verify against the canonical form of the credential and the key its verificationMethod names: the credential (or the proof options) changed after signing, or the proof value is malformed.',
    hint: 'Treat the credential as tampered. Ask the holder for the original file; re-saving or editing a signed credential breaks it.',
  },
  SIGNATURE_UNDEFINED_TERM: {
    check: 'signature',
    severity: 'error',
    title: 'The credential uses a term or IRI its @context does not define',
    description:
      'JSON-LD safe mode stopped canonicalization: a property or type is not defined by the @context, or an id/type is a relative IRI (e.g. a credentialSubject.id that is a bare word, B03). Unsafe processing would silently drop such data, so a change to it would not be detected; mcred refuses instead.',
    hint: 'The issuer must define every property (add the right context or use full IRIs) and use absolute IRIs for ids; an added property after signing also shows up here.',
  },
  SUITE_CONTEXT_MISSING: {
    check: 'signature',
    severity: 'error',
    title: "The proof's type is not defined by the credential's contexts",
    description:
      'The proof type does not expand to the security vocabulary IRI (https://w3id.org/security#Ed25519Signature2020 or #DataIntegrityProof): the suite context is missing, or another context (e.g. one with @vocab) captures the term (B07).',
    hint: 'Ed25519Signature2020 needs https://w3id.org/security/suites/ed25519-2020/v1 in @context; DataIntegrityProof needs the VC 2.0 context or https://w3id.org/security/data-integrity/v2.',
  },
  PROOF_CONTEXT_NOT_PREFIX: {
    check: 'signature',
    severity: 'error',
    title: "The proof's @context is not a prefix of the credential's @context",
    description:
      'A Data Integrity proof carries its own @context, and the credential @context does not begin with exactly those entries in the same order (context injection, B08b).',
    hint: 'The credential or its proof was altered; a conforming issuer never produces this.',
  },
  CONTEXT_BASE_NOT_FIRST: {
    check: 'signature',
    severity: 'error',
    title: 'The first @context is not the VC base context',
    description:
      'The VC data model requires @context to start with https://www.w3.org/2018/credentials/v1 (VC 1.1) or https://www.w3.org/ns/credentials/v2 (VC 2.0); processors that read the credential as plain JSON rely on it.',
    hint: 'The contexts were reordered or replaced after signing, or the issuer did not follow the data model.',
  },
  CONTEXT_UNAVAILABLE: {
    check: 'signature',
    severity: 'warning',
    title: 'A JSON-LD context is not available offline (indeterminate)',
    description:
      'The credential refers to a context that mcred does not bundle and that no --context-dir provides; mcred never fetches contexts unless --online is given, so the signature cannot be checked (B06).',
    hint: 'Provide the context with --context-dir DIR (DIR/INDEX.md or DIR/index.json), or allow the network with --online.',
  },
  CONTEXT_CHANGED: {
    check: 'signature',
    severity: 'warning',
    title: 'A JSON-LD context differs from its pinned copy (indeterminate)',
    description:
      'The copy of a context available to mcred does not match the SHA-256 pinned for it (a bundled context changed in a package upgrade, or a --context-dir file differs from the hash in its index). mcred does not use a changed context, so the signature cannot be checked (B05).',
    hint: 'Restore the file named in the message, or review the new version and update its hash.',
  },
  JSONLD_PROCESSING_ERROR: {
    check: 'signature',
    severity: 'error',
    title: 'JSON-LD processing of the credential failed',
    description:
      'The JSON-LD 1.1 processor rejected the credential or one of its contexts (an invalid context, a protected term redefined, an invalid IRI mapping...), so it cannot be canonicalized (B12).',
    hint: 'The message names the JSON-LD error; inline contexts in the credential are the usual cause.',
  },
  PROOF_MALFORMED: {
    check: 'signature',
    severity: 'error',
    title: 'A proof is malformed',
    description:
      'A proof is not an object, or lacks a string type, verificationMethod or proofValue, so it cannot be a valid proof.',
    hint: 'The credential was damaged or built by hand; ask the issuer to reissue it.',
  },
  PROOF_PURPOSE_MISMATCH: {
    check: 'signature',
    severity: 'error',
    title: 'The proof purpose is not assertionMethod',
    description:
      'A credential proof must have proofPurpose "assertionMethod"; a key authorised for another purpose (e.g. authentication) does not make the issuer assert the credential.',
    hint: 'Ask the issuer to sign with an assertion key.',
  },
  PROOF_TYPE_UNSUPPORTED: {
    check: 'signature',
    severity: 'warning',
    title: 'The proof type is not supported (indeterminate)',
    description:
      'mcred verifies Ed25519Signature2020 and DataIntegrityProof with cryptosuite eddsa-rdfc-2022. Other proof types (JWS-based LD proofs, BBS, ECDSA suites, proof chains with previousProof) are not checked.',
    hint: 'Verify this proof with a tool that supports its type; mcred reports it as not checked, never as valid.',
  },
  PROOF_CRYPTOSUITE_UNSUPPORTED: {
    check: 'signature',
    severity: 'warning',
    title: 'The Data Integrity cryptosuite is not supported (indeterminate)',
    description: 'A DataIntegrityProof names a cryptosuite other than eddsa-rdfc-2022.',
    hint: 'Verify this proof with a tool that supports its cryptosuite.',
  },
  PROOF_DATE_INVALID: {
    check: 'signature',
    severity: 'error',
    title: 'The Data Integrity proof has an invalid created or expires date',
    description:
      'The Data Integrity library rejects a proof whose created or expires value is not an XML Schema dateTimeStamp (a date-time with a time zone). (Whether proof.created lies in the future is reported by the dates check.)',
    hint: 'The proof was altered or produced by a faulty signer.',
  },
  PROOF_EXPIRED: {
    check: 'signature',
    severity: 'error',
    title: 'The proof has expired',
    description: 'proof.expires is earlier than the verification time minus the allowed clock skew.',
    hint: 'Ask the issuer for a freshly signed credential.',
  },
  SIGNATURE_KEY_UNAVAILABLE: {
    check: 'signature',
    severity: 'warning',
    title: 'The signing key could not be obtained (indeterminate)',
    description:
      "The proof's verificationMethod could not be dereferenced (its DID is not resolvable offline, it is an https URL, or the DID document does not list it), so the signature cannot be checked. The issuer check says why.",
    hint: 'For did:web give the DID document with --did-dir, or allow the network with --online.',
  },
  KEY_UNSUPPORTED: {
    check: 'signature',
    severity: 'warning',
    title: 'The verification key is not a supported Ed25519 key (indeterminate)',
    description:
      'The key is not an Ed25519 public key in a supported encoding: publicKeyMultibase with the 0xed01 multicodec header and 32 key bytes (Multikey, Ed25519VerificationKey2020), publicKeyBase58 (Ed25519VerificationKey2018) or an OKP/Ed25519 publicKeyJwk (B26).',
    hint: 'The message gives the reason (other curve, double-encoded multibase, wrong length...).',
  },
  SIGNATURE_VERIFICATION_ERROR: {
    check: 'signature',
    severity: 'warning',
    title: 'The signature could not be verified because of an unexpected error (indeterminate)',
    description:
      'The verification library failed in a way mcred does not classify; the message gives its error.',
    hint: 'Report the credential and the message to the mcred maintainers.',
  },
};
