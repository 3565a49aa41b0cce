// Check "learner" (Annex II "authentic": the learner's identity can be checked): some
// identification of the learner is present, and whether it can be read.
import { finding } from '../findings/index.js';
import type { Finding } from '../model/results.js';
import { resultFromFindings } from './result.js';
import type { Check } from './types.js';

export const learnerCheck: Check = {
  id: 'learner',
  run({ adapted, options }) {
    const learner = adapted.elements.learner;
    const value = learner.value;
    const findings: Finding[] = [];
    if (!learner.present || !value) {
      const reportedElsewhere = options.profile !== 'authenticity';
      if (!reportedElsewhere) findings.push(finding('LEARNER_NOT_IDENTIFIED', { element: 'learner' }));
      return {
        id: 'learner',
        status: 'fail',
        findings,
        details: { reportedBy: reportedElsewhere ? 'elements' : 'learner' },
      };
    }
    const readable = value.identifiers.filter((i) => !i.hashed && i.value);
    const hashed = value.identifiers.filter((i) => i.hashed);
    const identifying = !!(
      value.id ||
      value.email ||
      value.nationalId ||
      value.dateOfBirth ||
      readable.length > 0
    );
    const named = !!(value.name || value.givenName || value.familyName);
    const pointer = learner.pointers[0];
    if (!identifying && hashed.length > 0) {
      findings.push(finding('LEARNER_ID_HASHED', { element: 'learner', pointer: hashed[0]!.pointer }));
    } else if (!identifying && named) {
      findings.push(
        finding('LEARNER_NAME_ONLY', { element: 'learner', ...(pointer !== undefined ? { pointer } : {}) }),
      );
    }
    return resultFromFindings('learner', findings, {
      details: {
        identified: identifying || hashed.length > 0,
        hashed: hashed.length > 0,
        named,
        subjects: value.subjectCount,
      },
    });
  },
};
