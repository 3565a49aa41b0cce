import type { FindingCatalogue } from './types.js';

export const PLACE_FINDINGS: FindingCatalogue = {
  PLACE_NOT_VERIFIABLE: {
    check: 'place',
    severity: 'error',
    title: 'The place of issuing cannot be checked',
    description:
      'Neither the issuer nor the awarding body names a valid country (Annex II "authentic": the place of issuing can be checked). Reported here when the elements and transparency checks do not run; otherwise ELEMENT_MISSING or COUNTRY_INVALID says it.',
    hint: "Give the issuer's or awarding body's country as an ISO 3166-1 code or an EU country-authority URI.",
  },
};
