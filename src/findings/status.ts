import type { FindingCatalogue } from './types.js';

export const STATUS_FINDINGS: FindingCatalogue = {
  STATUS_NOT_CHECKED: {
    check: 'status',
    severity: 'warning',
    title: 'The credential has a status entry that was not checked',
    description:
      'credentialStatus points to a revocation or suspension list that mcred does not check yet. The credential is never treated as not revoked: the status is indeterminate.',
    hint: 'Check the status with the issuer until status-list support lands.',
  },
};
