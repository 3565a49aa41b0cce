// Check "elements": completeness against Annex I. A missing mandatory element is an error,
// a missing optional one is information.
import { finding } from '../findings/index.js';
import { ELEMENT_KEYS, ELEMENT_LABELS, isMandatory } from '../model/elements.js';
import type { Finding } from '../model/results.js';
import { resultFromFindings } from './result.js';
import type { Check } from './types.js';

export const elementsCheck: Check = {
  id: 'elements',
  run({ adapted }) {
    const findings: Finding[] = [];
    let mandatoryPresent = 0;
    let optionalPresent = 0;
    for (const key of ELEMENT_KEYS) {
      const mandatory = isMandatory(key);
      if (adapted.elements[key].present) {
        if (mandatory) mandatoryPresent++;
        else optionalPresent++;
        continue;
      }
      findings.push(
        finding(mandatory ? 'ELEMENT_MISSING' : 'ELEMENT_OPTIONAL_MISSING', {
          element: key,
          message: `${mandatory ? 'Mandatory' : 'Optional'} element missing: ${ELEMENT_LABELS[key]} (${key})`,
        }),
      );
    }
    return resultFromFindings('elements', findings, {
      details: { mandatoryPresent, mandatoryTotal: 11, optionalPresent, optionalTotal: 5 },
    });
  },
};
