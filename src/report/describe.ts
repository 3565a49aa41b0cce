// Annex I element values rendered for people: "2 ECTS, 60 hours", "EQF 6", "IE (Ireland)".
// Pure functions, shared by `mcred inspect` and the HTML report. The text comes from the
// credential and is NOT made safe here: a terminal caller must pass it through terminalSafe(),
// an HTML caller must escape it.
import countries from 'i18n-iso-countries';
import type {
  AwardingBodyValue,
  ConceptValue,
  ElementKey,
  ElementResult,
  ElementValues,
  FurtherInformationValue,
  GradeValue,
  IssuerCountryValue,
  LangMap,
  LearnerValue,
  LearningOutcomesValue,
  LevelValue,
  OrganisationValue,
  QualityAssuranceValue,
  WorkloadEntry,
  WorkloadValue,
} from '../model/elements.js';
import type { PrincipleId, PrincipleStatus } from '../model/results.js';
import { languagePreference, pickText, type LangPreference } from './language.js';

export { pickText, type LangPreference, type PickedText } from './language.js';

/** Plain names of the Annex II principles (ids in src/model/results.ts PRINCIPLES). */
export const PRINCIPLE_LABELS: Record<PrincipleId, string> = {
  quality: 'Quality',
  transparency: 'Transparency',
  relevance: 'Relevance',
  validAssessment: 'Valid assessment',
  learningPathways: 'Learning pathways',
  recognition: 'Recognition',
  portable: 'Portable',
  learnerCentred: 'Learner-centred',
  authentic: 'Authentic',
  informationAndGuidance: 'Information and guidance',
};

/** The statuses of a principle, best first. */
export const PRINCIPLE_STATUSES: PrincipleStatus[] = ['met', 'partly met', 'not evidenced', 'not applicable'];

/** What describeElement() says for an element the credential does not give. */
export const MISSING = 'missing';

const ESCO = /^https?:\/\/data\.europa\.eu\/esco\//i;

/** Whitespace (line breaks, tabs, runs of spaces) folded to single spaces. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function textOf(map: LangMap | undefined, lang: LangPreference | undefined): string | undefined {
  const picked = pickText(map, lang);
  if (!picked) return undefined;
  const text = oneLine(picked.text);
  return text === '' ? undefined : text;
}

/** "IE (Ireland)", with the country named in the preferred language where known, else in English. */
export function countryName(alpha2: string, lang?: LangPreference): string {
  for (const tag of languagePreference(lang)) {
    const name = countries.getName(alpha2, tag.split('-')[0]!.toLowerCase());
    if (name) return `${alpha2} (${name})`;
  }
  return alpha2;
}

function concept(value: ConceptValue | undefined, lang: LangPreference | undefined): string {
  if (!value) return MISSING;
  const shown =
    textOf(value.label, lang) ??
    (typeof value.raw === 'string' && value.raw.trim() !== '' ? oneLine(value.raw) : undefined) ??
    value.concept;
  if (!shown) return value.annex ?? JSON.stringify(value.raw);
  if (!value.annex || value.annex.toLowerCase() === shown.toLowerCase()) return shown;
  return `${shown} (Annex: ${value.annex})`;
}

function learner(value: LearnerValue, lang: LangPreference | undefined): string[] {
  const given = textOf(value.givenName, lang);
  const family = textOf(value.familyName, lang);
  const name = textOf(value.name, lang) ?? ([given, family].filter(Boolean).join(' ') || undefined);
  const parts: string[] = [];
  if (name) parts.push(name);
  if (value.id) parts.push(`id ${value.id}`);
  if (value.dateOfBirth) parts.push(`born ${value.dateOfBirth}`);
  if (value.nationalId) parts.push(`national id ${value.nationalId}`);
  if (value.email) parts.push(value.email);
  const shown = new Set([value.id, value.email, value.nationalId].filter(Boolean));
  for (const identifier of value.identifiers) {
    if (identifier.value && shown.has(identifier.value)) continue;
    if (identifier.hashed) parts.push(`hashed ${identifier.scheme ?? 'identity'}`);
    else if (identifier.value)
      parts.push(identifier.scheme ? `${identifier.scheme} ${identifier.value}` : identifier.value);
  }
  if (value.subjectCount > 1) parts.push(`(the first of ${value.subjectCount} subjects)`);
  return [parts.length > 0 ? parts.join(' · ') : 'stated, but unreadable'];
}

function organisation(org: OrganisationValue, lang: LangPreference | undefined): string {
  const parts = [textOf(org.name, lang) ?? org.id ?? 'unnamed organisation'];
  if (org.countries.length > 0) parts[0] += ` (${org.countries.join(', ')})`;
  for (const id of org.identifiers) parts.push(id.scheme ? `${id.scheme} ${id.value}` : id.value);
  if (org.name && org.id) parts.push(org.id);
  if (org.homepage) parts.push(org.homepage);
  return parts.join(' · ');
}

function awardingBody(value: AwardingBodyValue, lang: LangPreference | undefined): string[] {
  const lines = value.bodies.map((b) => organisation(b, lang));
  if (value.fromIssuer && lines.length > 0) lines[0] += ' (the issuer; no separate awarding body stated)';
  const issuer = value.issuer;
  const sameAsBody =
    issuer && value.bodies.some((b) => b.pointer === issuer.pointer || (b.id && b.id === issuer.id));
  if (issuer && !sameAsBody) lines.push(`issued by ${organisation(issuer, lang)}`);
  return lines;
}

function issuerCountry(value: IssuerCountryValue, lang: LangPreference | undefined): string[] {
  const parts = value.countries.map((c) => countryName(c, lang));
  for (const region of value.regions) parts.push(`region ${region.value}`);
  const invalid = [...new Set(value.entries.filter((e) => !e.alpha2).map((e) => e.raw))];
  for (const raw of invalid) parts.push(`"${raw}" (not an ISO 3166-1 country)`);
  return [parts.join(', ')];
}

const PREFERRED_DATE_PROPERTIES = ['issued', 'dateOfIssuing'];

function dateOfIssuing(value: ElementValues['dateOfIssuing']): string[] {
  return [
    PREFERRED_DATE_PROPERTIES.includes(value.property) ? value.raw : `${value.raw} (from ${value.property})`,
  ];
}

function outcomes(value: LearningOutcomesValue, lang: LangPreference | undefined): string[] {
  return value.outcomes.map((outcome) => {
    const esco = outcome.skills.filter((s) => ESCO.test(s)).length;
    const other = outcome.skills.length - esco;
    const links = [esco ? `ESCO ×${esco}` : '', other ? `other framework ×${other}` : ''].filter(Boolean);
    const text = textOf(outcome.text, lang) ?? outcome.skills.join(', ');
    return `${value.structured ? '' : '(free text) '}${text}${links.length ? ` [${links.join(', ')}]` : ''}`;
  });
}

function workloadEntry(entry: WorkloadEntry): string {
  if (entry.unit === 'calendar') return `${JSON.stringify(entry.rawValue)} (calendar time, not workload)`;
  if (entry.amount === null) return `${JSON.stringify(entry.rawValue)} (not a number)`;
  if (entry.unit === 'hours') return `${entry.amount} hour${entry.amount === 1 ? '' : 's'}`;
  if (entry.unit === 'unknown') return `${entry.amount} (no unit)`;
  return `${entry.amount} ${entry.unit}`;
}

function workload(value: WorkloadValue): string[] {
  return [[...new Set(value.entries.map(workloadEntry))].join(', ') || JSON.stringify(value.raw)];
}

const CYCLES: Record<string, string> = {
  short: 'short cycle',
  first: 'first cycle',
  second: 'second cycle',
  third: 'third cycle',
};

function level(value: LevelValue): string[] {
  const parts = value.entries.map((entry) => {
    switch (entry.framework) {
      case 'EQF':
        return `EQF ${entry.code}`;
      case 'QF-EHEA':
        return `QF-EHEA ${CYCLES[entry.code] ?? entry.code}`;
      case 'NQF':
        return `${entry.code} (national framework)`;
      default:
        return `"${entry.code}" (no framework named)`;
    }
  });
  return [[...new Set(parts)].join(', ')];
}

function qualityAssurance(value: QualityAssuranceValue, lang: LangPreference | undefined): string[] {
  return value.entries.map((entry) => {
    const parts: string[] = [];
    const title = textOf(entry.title, lang);
    const type = entry.type ? concept(entry.type, lang) : undefined;
    if (title) parts.push(title);
    if (type && type !== title) parts.push(`type ${type}`);
    if (entry.agent) parts.push(`by ${oneLine(entry.agent)}`);
    if (entry.url) parts.push(entry.url);
    return parts.join(' · ') || 'stated, without a title, type, agent or link';
  });
}

function grade(value: GradeValue): string[] {
  return [value.scheme ? `${oneLine(value.value)} (${oneLine(value.scheme)})` : oneLine(value.value)];
}

function furtherInformation(value: FurtherInformationValue, lang: LangPreference | undefined): string[] {
  const text = textOf(value.text, lang);
  return [...(text ? [text] : []), ...value.links];
}

/**
 * An element's value as short lines for people, in the preferred language: one line per
 * outcome, awarding body or QA entry; one line for the others. Empty when the element is absent.
 */
export function describeElementParts(
  key: ElementKey,
  element: ElementResult | undefined,
  lang?: LangPreference,
): string[] {
  if (!element?.present || element.value === undefined) return [];
  const v = element.value;
  switch (key) {
    case 'learner':
      return learner(v as LearnerValue, lang);
    case 'title':
    case 'prerequisites': {
      const text = textOf(v as LangMap, lang);
      return text ? [text] : [];
    }
    case 'issuerCountry':
      return issuerCountry(v as IssuerCountryValue, lang);
    case 'awardingBody':
      return awardingBody(v as AwardingBodyValue, lang);
    case 'dateOfIssuing':
      return dateOfIssuing(v as ElementValues['dateOfIssuing']);
    case 'learningOutcomes':
      return outcomes(v as LearningOutcomesValue, lang);
    case 'workload':
      return workload(v as WorkloadValue);
    case 'level':
      return level(v as LevelValue);
    case 'assessmentType':
    case 'participationForm':
    case 'supervision':
    case 'stackability':
      return [concept(v as ConceptValue, lang)];
    case 'qualityAssurance':
      return qualityAssurance(v as QualityAssuranceValue, lang);
    case 'grade':
      return grade(v as GradeValue);
    case 'furtherInformation':
      return furtherInformation(v as FurtherInformationValue, lang);
  }
}

/**
 * An element's value as one line for people ("2 ECTS, 60 hours", "EQF 6", "IE (Ireland)"),
 * in the preferred language; "missing" when the credential does not give it. Several values
 * (outcomes, awarding bodies, QA entries) are joined with "; ".
 */
export function describeElement(
  key: ElementKey,
  element: ElementResult | undefined,
  lang?: LangPreference,
): string {
  const parts = describeElementParts(key, element, lang);
  return parts.length > 0 ? parts.join('; ') : MISSING;
}
