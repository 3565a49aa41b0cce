// Check "transparency": what the element values mean (Annex II "transparency"). Each rule reads
// one element's normalised value and names the element, the pointer and a hint.
import { finding } from '../findings/index.js';
import { SNB } from '../formats/vocabularies.js';
import type { ConceptValue, ElementMap, WorkloadEntry } from '../model/elements.js';
import type { Finding } from '../model/results.js';
import { resultFromFindings } from './result.js';
import type { Check } from './types.js';

/** Above these a value is implausible for a micro-credential. */
export const MAX_PLAUSIBLE_ECTS = 60;
export const MAX_PLAUSIBLE_HOURS = 1800;
/** Hours per ECTS credit outside this band are reported (the ECTS Users' Guide: 25–30). */
export const HOURS_PER_ECTS_BAND = [15, 45] as const;

export const transparencyCheck: Check = {
  id: 'transparency',
  run({ adapted }) {
    const e = adapted.elements;
    const findings: Finding[] = [
      ...workloadFindings(e),
      ...levelFindings(e),
      ...countryFindings(e),
      ...outcomeFindings(e),
      ...vocabularyFindings(e),
      ...dateFindings(e, adapted.format),
      ...partyFindings(e),
    ];
    return resultFromFindings('transparency', findings);
  },
};

function workloadFindings(e: ElementMap): Finding[] {
  const workload = e.workload.value;
  if (!e.workload.present || !workload) return [];
  const out: Finding[] = [];
  const element = 'workload';
  const byUnit = new Map<string, WorkloadEntry[]>();
  for (const entry of workload.entries) {
    if (entry.unit === 'calendar') {
      out.push(
        finding('WORKLOAD_CALENDAR_DURATION', {
          element,
          pointer: entry.pointer,
          message: `Workload ${JSON.stringify(entry.rawValue)} is calendar time, not hours of learning`,
        }),
      );
      continue;
    }
    if (entry.amount === null) {
      out.push(
        finding('WORKLOAD_NOT_NUMERIC', {
          element,
          pointer: entry.pointer,
          message: `Workload value ${JSON.stringify(entry.rawValue)} is not a number`,
        }),
      );
      continue;
    }
    if (entry.unit === 'unknown') {
      out.push(
        finding('WORKLOAD_UNIT_UNKNOWN', {
          element,
          pointer: entry.pointer,
          message: `Workload ${entry.amount} is given without a unit or credit system`,
        }),
      );
    } else if (
      entry.amount <= 0 ||
      (entry.unit === 'ECTS' && entry.amount > MAX_PLAUSIBLE_ECTS) ||
      (entry.unit === 'hours' && entry.amount > MAX_PLAUSIBLE_HOURS)
    ) {
      out.push(
        finding('WORKLOAD_IMPLAUSIBLE', {
          element,
          pointer: entry.pointer,
          message: `Workload ${entry.amount} ${entry.unit} is implausible for a micro-credential`,
        }),
      );
    }
    const list = byUnit.get(entry.unit) ?? [];
    list.push(entry);
    byUnit.set(entry.unit, list);
  }
  for (const [unit, entries] of byUnit) {
    if (unit === 'unknown') continue;
    const amounts = [...new Set(entries.map((x) => x.amount))];
    if (amounts.length > 1) {
      out.push(
        finding('WORKLOAD_CONFLICT', {
          element,
          pointer: entries[1]!.pointer,
          message: `Conflicting workload values for ${unit}: ${amounts.join(', ')}`,
        }),
      );
    }
  }
  if (workload.ects && workload.hours) {
    const perCredit = workload.hours / workload.ects;
    if (perCredit < HOURS_PER_ECTS_BAND[0] || perCredit > HOURS_PER_ECTS_BAND[1]) {
      out.push(
        finding('WORKLOAD_ECTS_HOURS_MISMATCH', {
          element,
          pointer: e.workload.pointers[1] ?? e.workload.pointers[0],
          message: `${workload.ects} ECTS and ${workload.hours} hours make ${Math.round(perCredit * 10) / 10} hours per credit (expected about 25–30)`,
        }),
      );
    }
  }
  const credits = workload.entries.filter((x) => x.kind === 'credits' && x.amount !== null);
  const hasEcts = credits.some((x) => x.unit === 'ECTS');
  const other = credits.find((x) => x.unit !== 'ECTS' && x.unit !== 'unknown');
  if (!hasEcts && other) {
    out.push(
      finding('WORKLOAD_NOT_ECTS', {
        element,
        pointer: other.pointer,
        message: `Credit points are given in ${other.unit}, with no ECTS value`,
      }),
    );
  }
  return out;
}

function levelFindings(e: ElementMap): Finding[] {
  const level = e.level.value;
  if (!e.level.present || !level) return [];
  const out: Finding[] = [];
  for (const entry of level.entries) {
    if (entry.framework === 'unknown') {
      out.push(
        finding('LEVEL_NO_FRAMEWORK', {
          element: 'level',
          pointer: entry.pointer,
          message: `Level "${entry.code}" does not name its framework (EQF, QF-EHEA or a national one)`,
        }),
      );
    } else if (entry.framework === 'EQF' && !/^[1-8]$/.test(entry.code.trim())) {
      out.push(
        finding('LEVEL_EQF_OUT_OF_RANGE', {
          element: 'level',
          pointer: entry.pointer,
          message: `EQF level "${entry.code}" is not one of 1–8`,
        }),
      );
    }
  }
  return out;
}

function countryFindings(e: ElementMap): Finding[] {
  const country = e.issuerCountry.value;
  if (!e.issuerCountry.present || !country) return [];
  return country.entries
    .filter((entry) => !entry.alpha2)
    .map((entry) =>
      finding('COUNTRY_INVALID', {
        element: 'issuerCountry',
        pointer: entry.pointer,
        message: `Country "${entry.raw}" (${entry.role === 'issuer' ? 'issuer' : 'awarding body'}) is not an ISO 3166-1 code`,
      }),
    );
}

function outcomeFindings(e: ElementMap): Finding[] {
  const outcomes = e.learningOutcomes.value;
  if (!e.learningOutcomes.present || !outcomes || outcomes.structured) return [];
  return [
    finding('OUTCOMES_FREE_TEXT', {
      element: 'learningOutcomes',
      pointer: outcomes.outcomes[0]?.pointer ?? e.learningOutcomes.pointers[0],
    }),
  ];
}

const CONCEPT_ELEMENTS = ['assessmentType', 'participationForm', 'supervision', 'stackability'] as const;

function vocabularyFindings(e: ElementMap): Finding[] {
  const out: Finding[] = [];
  for (const key of CONCEPT_ELEMENTS) {
    const value = e[key].value as ConceptValue | undefined;
    if (!e[key].present || !value || value.annex) continue;
    // A concept from the Europass (data.europa.eu/snb) vocabularies is itself a recommended vocabulary.
    if (value.concept?.startsWith(SNB)) continue;
    const shown = value.label
      ? Object.values(value.label)[0]
      : typeof value.raw === 'string'
        ? value.raw
        : value.concept;
    out.push(
      finding('VOCAB_NOT_RECOGNISED', {
        element: key,
        pointer: value.pointer,
        message: `${key} value "${shown ?? JSON.stringify(value.raw)}" is outside the Annex options and the recommended vocabularies`,
      }),
    );
  }
  return out;
}

function dateFindings(e: ElementMap, format: string): Finding[] {
  const date = e.dateOfIssuing.value;
  if (!e.dateOfIssuing.present || !date) return [];
  const pointer = e.dateOfIssuing.pointers[0];
  if (format === 'edc' && date.property === 'validFrom') {
    return [finding('DATE_FROM_VALID_FROM', { element: 'dateOfIssuing', pointer })];
  }
  if (date.property === 'awardingDate' || date.property === 'awardedDate') {
    return [finding('DATE_FROM_AWARD', { element: 'dateOfIssuing', pointer })];
  }
  return [];
}

function partyFindings(e: ElementMap): Finding[] {
  const out: Finding[] = [];
  if (e.awardingBody.present && e.awardingBody.value?.fromIssuer) {
    out.push(
      finding('AWARDING_BODY_FROM_ISSUER', { element: 'awardingBody', pointer: e.awardingBody.pointers[0] }),
    );
  }
  if (e.learner.present && (e.learner.value?.subjectCount ?? 1) > 1) {
    out.push(
      finding('LEARNER_MULTIPLE_SUBJECTS', {
        element: 'learner',
        pointer: '/credentialSubject',
        message: `The credential names ${e.learner.value!.subjectCount} subjects`,
      }),
    );
  }
  return out;
}
