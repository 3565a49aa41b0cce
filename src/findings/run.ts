import type { FindingCatalogue } from './types.js';

export const RUN_FINDINGS: FindingCatalogue = {
  CHECK_CRASHED: {
    check: 'format',
    severity: 'warning',
    title: 'A check stopped on an unexpected error',
    description:
      'A check threw instead of returning findings: a defect in mcred. The check is reported indeterminate, never passed, and the other checks still ran.',
    hint: 'Please report it with the file (or a redacted copy) and the message.',
  },
};
