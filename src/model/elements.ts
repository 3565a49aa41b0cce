// The Annex I standard elements (Council Recommendation 2022/C 243/02), in the Annex's order,
// and the normalised value each format adapter extracts for them.

export const MANDATORY_ELEMENTS = [
  'learner',
  'title',
  'issuerCountry',
  'awardingBody',
  'dateOfIssuing',
  'learningOutcomes',
  'workload',
  'level',
  'assessmentType',
  'participationForm',
  'qualityAssurance',
] as const;

export const OPTIONAL_ELEMENTS = [
  'prerequisites',
  'supervision',
  'grade',
  'stackability',
  'furtherInformation',
] as const;

export const ELEMENT_KEYS = [...MANDATORY_ELEMENTS, ...OPTIONAL_ELEMENTS] as const;

export type MandatoryElementKey = (typeof MANDATORY_ELEMENTS)[number];
export type OptionalElementKey = (typeof OPTIONAL_ELEMENTS)[number];
export type ElementKey = (typeof ELEMENT_KEYS)[number];

/** The Annex's own wording for each element. */
export const ELEMENT_LABELS: Record<ElementKey, string> = {
  learner: 'Identification of the learner',
  title: 'Title of the micro-credential',
  issuerCountry: 'Country(ies)/Region(s) of the issuer',
  awardingBody: 'Awarding body(ies)',
  dateOfIssuing: 'Date of issuing',
  learningOutcomes: 'Learning outcomes',
  workload: 'Notional workload needed to achieve the learning outcomes (in ECTS credits, wherever possible)',
  level: 'Level (and cycle, if applicable) of the learning experience (EQF, QF-EHEA), if applicable',
  assessmentType: 'Type of assessment',
  participationForm: 'Form of participation in the learning activity',
  qualityAssurance: 'Type of quality assurance used to underpin the micro-credential',
  prerequisites: 'Prerequisites needed to enrol in the learning activity',
  supervision: 'Supervision and identity verification during assessment',
  grade: 'Grade achieved',
  stackability: 'Integration/stackability options',
  furtherInformation: 'Further information',
};

export function isMandatory(key: ElementKey): key is MandatoryElementKey {
  return (MANDATORY_ELEMENTS as readonly string[]).includes(key);
}

/** Multilingual text: language tag → string. `und` where the source names no language. */
export type LangMap = Record<string, string>;

/** A value read from the source, with the JSON pointer (RFC 6901) it came from. */
export interface Sourced<T> {
  value: T;
  pointer: string;
}

// --- Annex options and recommended vocabularies (domain.md §1) -------------------------------

/** Annex I, O2: the Annex's own three options. */
export const SUPERVISION_OPTIONS = [
  'unsupervised with no identity verification',
  'supervised with no identity verification',
  'supervised online or onsite with identity verification',
] as const;

/** Annex I, O4: the Annex's own two options. */
export const STACKABILITY_OPTIONS = [
  'stand-alone, independent micro-credential',
  'integrated, stackable towards another credential',
] as const;

/** Recommended (not legal) vocabulary for M9, from the 2020 consultation group's summary. */
export const ASSESSMENT_OPTIONS = [
  'testing',
  'application of a skill',
  'portfolio',
  'recognition of prior learning',
] as const;

/** Recommended (not legal) vocabulary for M10, from the 2020 consultation group's summary. */
export const PARTICIPATION_OPTIONS = [
  'online',
  'onsite',
  'blended',
  'onsite or blended',
  'volunteering',
  'work experience',
  'personalised learning activities',
] as const;

export type SupervisionOption = (typeof SUPERVISION_OPTIONS)[number];
export type StackabilityOption = (typeof STACKABILITY_OPTIONS)[number];
export type AssessmentOption = (typeof ASSESSMENT_OPTIONS)[number];
export type ParticipationOption = (typeof PARTICIPATION_OPTIONS)[number];

/**
 * A categorical value: what the source said (`raw`), the concept URI if it named one,
 * its label, and the Annex's (or recommended vocabulary's) option where a mapping exists.
 */
export interface ConceptValue<Option extends string = string> {
  raw: unknown;
  concept?: string;
  label?: LangMap;
  annex?: Option;
  pointer: string;
}

// --- Element values ---------------------------------------------------------------------------

export interface LearnerIdentifier {
  scheme?: string;
  value?: string;
  /** An OB3 hashed identity: present, but not readable. */
  hashed?: boolean;
  pointer: string;
}

export interface LearnerValue {
  id?: string;
  name?: LangMap;
  givenName?: LangMap;
  familyName?: LangMap;
  dateOfBirth?: string;
  email?: string;
  nationalId?: string;
  identifiers: LearnerIdentifier[];
  /** How many subjects the credential names (a credentialSubject may be an array). */
  subjectCount: number;
}

export interface OrganisationValue {
  id?: string;
  name?: LangMap;
  /** Legal, eIDAS, VAT or other registry identifiers as written. */
  identifiers: { scheme?: string; value: string; pointer: string }[];
  /** ISO 3166-1 alpha-2 codes of the organisation's location, where stated. */
  countries: string[];
  homepage?: string;
  pointer: string;
}

export interface AwardingBodyValue {
  bodies: OrganisationValue[];
  /** The VC-level issuer (the sealer in EDC), which may differ from the awarding body. */
  issuer?: OrganisationValue;
  /** True where the awarding body was taken from the issuer because nothing else named it. */
  fromIssuer: boolean;
}

export interface CountryEntry {
  raw: string;
  /** ISO 3166-1 alpha-2; absent when `raw` could not be understood. */
  alpha2?: string;
  /** Whose country this is. */
  role: 'awardingBody' | 'issuer';
  pointer: string;
}

export interface IssuerCountryValue {
  /** Distinct valid alpha-2 codes, awarding bodies' first. */
  countries: string[];
  regions: Sourced<string>[];
  entries: CountryEntry[];
}

export interface DateOfIssuingValue {
  raw: string;
  /** The property it came from: issued, issuanceDate, validFrom, awardingDate, awardedDate … */
  property: string;
  /** Properties that were preferred but absent, in order of preference. */
  fallbackFrom: string[];
}

export interface LearningOutcome {
  text?: LangMap;
  /** ESCO or other skill-framework URIs the outcome links to. */
  skills: string[];
  pointer: string;
}

export interface LearningOutcomesValue {
  outcomes: LearningOutcome[];
  /** False when the outcomes are only free text (OB3 description or criteria). */
  structured: boolean;
}

export interface WorkloadEntry {
  kind: 'credits' | 'duration';
  /** The number read, or null when it is not numeric. */
  amount: number | null;
  rawValue: unknown;
  /** 'ECTS', 'ECVET', 'hours', another system's name or URI, or 'unknown'. */
  unit: string;
  pointer: string;
}

export interface WorkloadValue {
  ects?: number;
  hours?: number;
  raw: unknown;
  entries: WorkloadEntry[];
}

export type QfEheaCycle = 'short' | 'first' | 'second' | 'third';

export interface LevelEntry {
  framework: 'EQF' | 'QF-EHEA' | 'NQF' | 'unknown';
  code: string;
  raw: unknown;
  pointer: string;
}

export interface LevelValue {
  eqf?: number;
  qfEhea?: QfEheaCycle;
  nqf?: string;
  raw: unknown;
  entries: LevelEntry[];
}

export interface QualityAssuranceEntry {
  type?: ConceptValue;
  title?: LangMap;
  agent?: string;
  url?: string;
  pointer: string;
}

export interface QualityAssuranceValue {
  entries: QualityAssuranceEntry[];
}

export interface GradeValue {
  value: string;
  scheme?: string;
  pointer: string;
}

export interface FurtherInformationValue {
  text?: LangMap;
  links: string[];
}

export interface ElementValues {
  learner: LearnerValue;
  title: LangMap;
  issuerCountry: IssuerCountryValue;
  awardingBody: AwardingBodyValue;
  dateOfIssuing: DateOfIssuingValue;
  learningOutcomes: LearningOutcomesValue;
  workload: WorkloadValue;
  level: LevelValue;
  assessmentType: ConceptValue<AssessmentOption>;
  participationForm: ConceptValue<ParticipationOption>;
  qualityAssurance: QualityAssuranceValue;
  prerequisites: LangMap;
  supervision: ConceptValue<SupervisionOption>;
  grade: GradeValue;
  stackability: ConceptValue<StackabilityOption>;
  furtherInformation: FurtherInformationValue;
}

export interface ElementResult<K extends ElementKey = ElementKey> {
  present: boolean;
  value?: ElementValues[K];
  pointers: string[];
}

export type ElementMap = { [K in ElementKey]: ElementResult<K> };

/** An element map where nothing was found; adapters start from this. */
export function emptyElements(): ElementMap {
  const map = {} as Record<ElementKey, ElementResult>;
  for (const key of ELEMENT_KEYS) map[key] = { present: false, pointers: [] };
  return map as ElementMap;
}

/** Records a found element; pointers are de-duplicated. */
export function setElement<K extends ElementKey>(
  map: ElementMap,
  key: K,
  value: ElementValues[K],
  pointers: string[],
): void {
  map[key] = { present: true, value, pointers: [...new Set(pointers)] } as ElementMap[K];
}
