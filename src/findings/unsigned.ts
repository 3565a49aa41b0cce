import type { FindingCatalogue } from './types.js';

export const UNSIGNED_FINDINGS: FindingCatalogue = {
  SIGNATURE_MISSING: {
    check: 'signature',
    severity: 'error',
    title: 'The credential carries no signature or seal',
    description:
      'No embedded proof, JAdES seal or JWT signature was found, so nothing shows who issued it or that it was not changed. Authenticity is reported as "unsigned". Drafts are checked with `mcred validate`, which does not ask for a signature.',
    hint: 'Seal or sign the credential before issuing it; use `mcred validate` for drafts.',
  },
  SUITE_CRASHED: {
    check: 'signature',
    severity: 'warning',
    title: 'A proof suite stopped on an unexpected error',
    description:
      'A signature plug-in threw instead of returning its outcome: a defect in mcred. The signature is reported indeterminate, never passed.',
    hint: 'Please report it with the file (or a redacted copy) and the message.',
  },
};
