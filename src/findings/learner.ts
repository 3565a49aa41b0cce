import type { FindingCatalogue } from './types.js';

export const LEARNER_FINDINGS: FindingCatalogue = {
  LEARNER_NOT_IDENTIFIED: {
    check: 'learner',
    severity: 'error',
    title: 'The credential does not identify the learner',
    description:
      'No identifier, name or other identification of the learner was found. Reported here when the elements check does not run; otherwise ELEMENT_MISSING says it.',
    hint: "Add the learner's identification (credentialSubject id, identifier or name).",
  },
  LEARNER_ID_HASHED: {
    check: 'learner',
    severity: 'info',
    title: 'The learner is identified only by a hashed identifier',
    description:
      "An OB3 IdentityObject with hashed: true: present, but not readable. Whoever knows the learner's identity and the salt can check it.",
    hint: 'To check the holder, hash their identity with the salt and compare.',
  },
  LEARNER_NAME_ONLY: {
    check: 'learner',
    severity: 'warning',
    title: 'The learner is identified by name only',
    description:
      'There is no identifier (id, national ID, e-mail, date of birth…) that ties the credential to one person; a name alone is often shared.',
    hint: 'Add an identifier for the learner.',
  },
};
