import type { FindingCatalogue } from './types.js';

export const ELEMENTS_FINDINGS: FindingCatalogue = {
  ELEMENT_MISSING: {
    check: 'elements',
    severity: 'error',
    title: 'A mandatory Annex I element is missing',
    description: 'One of the 11 mandatory standard elements of Annex I could not be found in the credential.',
    hint: 'Add the element in the issuing system; the finding names it and where mcred looked.',
  },
  ELEMENT_OPTIONAL_MISSING: {
    check: 'elements',
    severity: 'info',
    title: 'An optional Annex I element is not given',
    description:
      'One of the 5 optional elements (prerequisites, supervision, grade, stackability, further information) is absent.',
    hint: 'Optional "where relevant"; add it when it helps recognition.',
  },
};
