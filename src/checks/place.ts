// Check "place" (Annex II "authentic": the place of issuing can be checked): the issuer's or an
// awarding body's country is present and valid.
import { finding } from '../findings/index.js';
import type { Finding } from '../model/results.js';
import { resultFromFindings } from './result.js';
import type { Check } from './types.js';

export const placeCheck: Check = {
  id: 'place',
  run({ adapted, options }) {
    const country = adapted.elements.issuerCountry;
    const countries = country.value?.countries ?? [];
    const findings: Finding[] = [];
    if (countries.length === 0) {
      // When the structural checks run, ELEMENT_MISSING or COUNTRY_INVALID already names this fault.
      const reportedElsewhere = options.profile !== 'authenticity';
      if (!reportedElsewhere) {
        findings.push(
          finding('PLACE_NOT_VERIFIABLE', {
            element: 'issuerCountry',
            ...(country.pointers[0] !== undefined ? { pointer: country.pointers[0] } : {}),
          }),
        );
      }
      return {
        id: 'place',
        status: 'fail',
        findings,
        details: { countries, reportedBy: reportedElsewhere ? 'elements/transparency' : 'place' },
      };
    }
    return resultFromFindings('place', findings, {
      details: { countries, regions: (country.value?.regions ?? []).map((r) => r.value) },
    });
  },
};
