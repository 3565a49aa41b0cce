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
  CHECK_TIMEOUT: {
    check: 'format',
    severity: 'warning',
    title: 'A check took longer than the time limit',
    description:
      'A check ran past --timeout (default 30 s), for example on a hostile JSON-LD document built to make canonicalisation expensive. It is reported indeterminate and the batch goes on.',
    hint: 'Look at the file before trusting it; raise --timeout if it is genuine and very large.',
  },
};
