import type { FindingCatalogue } from './types.js';

export const SCHEMA_FINDINGS: FindingCatalogue = {
  SCHEMA_NATIVE_INVALID: {
    check: 'schema',
    severity: 'error',
    title: 'The native Annex I record does not match its schema',
    description:
      "A plain-JSON record in mcred's native format (schemas/annex-record.schema.json) has a wrong shape.",
    hint: 'Compare the record with schemas/annex-record.schema.json; the pointer shows the first offending value.',
  },
  SCHEMA_ELEMENT_INVALID: {
    check: 'schema',
    severity: 'error',
    title: 'An extracted element does not match its Annex I element schema',
    description:
      "After mapping, the element value breaks the element's JSON Schema in schemas/elements/ (e.g. an Annex option outside the enum).",
    hint: 'The source value is malformed for this element; see the pointer.',
  },
  SCHEMA_WRONG_TYPE: {
    check: 'schema',
    severity: 'error',
    title: 'A credential property has the wrong JSON type',
    description:
      'A core property (issuer, credentialSubject, type, @context, a date) has a type the data model does not allow.',
    hint: 'Fix the property in the issuing system; see the pointer.',
  },
  SCHEMA_TYPE_UNSUPPORTED: {
    check: 'schema',
    severity: 'info',
    title: 'A credentialSchema entry was not applied',
    description:
      'The credential names a schema (ShaclValidator2017, a remote JSON Schema) that mcred does not apply offline. It is skipped, not failed.',
    hint: 'Validate SHACL profiles with the EDC tools; mcred checks the Annex I elements.',
  },
};
