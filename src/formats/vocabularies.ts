// Controlled vocabularies (domain.md §2a) and the mapping of concepts and labels onto the
// Annex's options or the recommended vocabularies. One place for every format to use.
import {
  ASSESSMENT_OPTIONS,
  PARTICIPATION_OPTIONS,
  type AssessmentOption,
  type ConceptValue,
  type LangMap,
  type ParticipationOption,
  type StackabilityOption,
  type SupervisionOption,
} from '../model/elements.js';
import { foldText } from './values.js';

export const SNB = 'http://data.europa.eu/snb/';
export const ECTS_CONCEPT = 'http://data.europa.eu/snb/education-credit/6fcec5c5af';
export const ECVET_CONCEPT = 'http://data.europa.eu/snb/education-credit/60b314e826';
const EQF_CONCEPT = /^https?:\/\/data\.europa\.eu\/snb\/eqf\/(\d+)$/;

/** The EQF level named by a concept URI such as http://data.europa.eu/snb/eqf/6. */
export function eqfFromConcept(uri: string | undefined): number | undefined {
  const m = uri ? EQF_CONCEPT.exec(uri.trim()) : null;
  return m ? Number(m[1]) : undefined;
}

/** The credit system named by a framework concept or label: 'ECTS', 'ECVET', or the raw text. */
export function creditSystem(framework: string | undefined, label?: string): string {
  const texts = [framework, label].filter((t): t is string => !!t).map(foldText);
  if (framework === ECTS_CONCEPT || texts.some((t) => t === 'ects' || t.includes('european credit transfer')))
    return 'ECTS';
  if (framework === ECVET_CONCEPT || texts.some((t) => t === 'ecvet' || t.includes('ecvet'))) return 'ECVET';
  return framework ?? label ?? 'unknown';
}

const ASSESSMENT_CONCEPTS: Record<string, AssessmentOption> = {
  // http://data.europa.eu/snb/assessment/25831c2
  '2939dae15f': 'testing', // marked assignment
  '6e6cb2cc78': 'testing', // written examination
  d30284d7df: 'testing', // oral examination
  b1b68f6735: 'testing', // quiz
  '3484bd7e51': 'testing', // continuous evaluation
  '6a4db9f11d': 'application of a skill', // practical assessment
  '795dac4096': 'application of a skill', // project work
  c4256a2726: 'application of a skill', // problem based learning
  '56539a6507': 'application of a skill', // group performance
  de4d165a6c: 'portfolio', // artefact assessment
  '4f03b91c0e': 'portfolio', // portfolio
};

const ASSESSMENT_LABELS: [RegExp, AssessmentOption][] = [
  [
    /\b(test|testing|exam|examination|quiz|written|oral|marked assignments?|graded exercises?|continuous evaluation)\b/,
    'testing',
  ],
  [/\b(application of a skill|practical|project|performance|problem based)\b/, 'application of a skill'],
  [/\b(portfolio|artefact|artifact)\b/, 'portfolio'],
  [/\b(recognition of prior learning|rpl|prior learning)\b/, 'recognition of prior learning'],
];

const PARTICIPATION_CONCEPTS: Record<string, ParticipationOption> = {
  // http://data.europa.eu/snb/learning-assessment/25831c2 (mode)
  '920fbb3cbe': 'online',
  '9191af2ed9': 'onsite',
  e92d221e4d: 'blended',
  '729f3bed4b': 'work experience',
  // http://data.europa.eu/snb/learning-activity/25831c2
  bf2e3a7bae: 'online',
  ff436ea7c9: 'onsite',
  '59eaf34fab': 'volunteering',
  '4357e0e681': 'work experience',
  bf5588ff84: 'work experience',
  d46a826a39: 'work experience',
  b660f5dcea: 'personalised learning activities',
};

const PARTICIPATION_LABELS: [RegExp, ParticipationOption][] = [
  [/^onsite or blended$/, 'onsite or blended'],
  [/\bblended\b/, 'blended'],
  [/\b(online|e learning|distance|remote)\b/, 'online'],
  [/\b(onsite|on site|presential|in person|classroom|face to face)\b/, 'onsite'],
  [/\bvolunteer/, 'volunteering'],
  [/\b(work experience|work ?based|job experience|internship|apprenticeship)\b/, 'work experience'],
  [/\bpersonali[sz]ed learning/, 'personalised learning activities'],
];

const SUPERVISION_CONCEPTS: Record<string, SupervisionOption> = {
  // http://data.europa.eu/snb/supervision-verification/25831c2
  c598449d64: 'unsupervised with no identity verification',
  '70be69aaf9': 'supervised online or onsite with identity verification',
};

function supervisionFromLabel(text: string): SupervisionOption | undefined {
  const unsupervised = /\bunsupervised\b/.test(text);
  const supervised = !unsupervised && /\bsupervised\b|\bproctored\b|\bonsite\b|\bonline\b/.test(text);
  const noId = /\b(no|without) (id|identity)/.test(text);
  const withId =
    !noId && /\b(with )?(id|identity) (verification|check)|identity verified|id verification/.test(text);
  if (unsupervised && noId) return 'unsupervised with no identity verification';
  if (supervised && noId) return 'supervised with no identity verification';
  if (supervised && withId) return 'supervised online or onsite with identity verification';
  if (unsupervised && !withId) return 'unsupervised with no identity verification';
  return undefined; // e.g. "unsupervised with ID verification" has no Annex option
}

function stackabilityFromLabel(text: string): StackabilityOption | undefined {
  if (/\b(stand ?alone|independent)\b/.test(text)) return 'stand-alone, independent micro-credential';
  if (/\b(integrated|stackable|part of)\b/.test(text))
    return 'integrated, stackable towards another credential';
  return undefined;
}

function conceptKey(uri: string | undefined): string | undefined {
  return uri?.startsWith(SNB) ? uri.split('/').pop() : undefined;
}

function labelTexts(raw: unknown, label: LangMap | undefined): string[] {
  const texts = label ? Object.values(label) : [];
  if (typeof raw === 'string') texts.push(raw);
  return texts.map(foldText);
}

function mapByLabel<O extends string>(
  texts: string[],
  table: [RegExp, O][],
  exact: readonly string[],
): O | undefined {
  for (const t of texts) if ((exact as readonly string[]).includes(t)) return t as O;
  for (const t of texts) for (const [re, option] of table) if (re.test(t)) return option;
  return undefined;
}

export interface ConceptInput {
  raw: unknown;
  concept?: string;
  label?: LangMap;
  pointer: string;
}

function build<O extends string>(input: ConceptInput, annex: O | undefined): ConceptValue<O> {
  const value: ConceptValue<O> = { raw: input.raw, pointer: input.pointer };
  if (input.concept) value.concept = input.concept;
  if (input.label) value.label = input.label;
  if (annex) value.annex = annex;
  return value;
}

export function assessmentConcept(input: ConceptInput): ConceptValue<AssessmentOption> {
  const key = conceptKey(input.concept);
  const annex =
    (key && ASSESSMENT_CONCEPTS[key]) ||
    mapByLabel(labelTexts(input.raw, input.label), ASSESSMENT_LABELS, ASSESSMENT_OPTIONS);
  return build(input, annex);
}

export function participationConcept(input: ConceptInput): ConceptValue<ParticipationOption> {
  const key = conceptKey(input.concept);
  const annex =
    (key && PARTICIPATION_CONCEPTS[key]) ||
    mapByLabel(labelTexts(input.raw, input.label), PARTICIPATION_LABELS, PARTICIPATION_OPTIONS);
  return build(input, annex);
}

export function supervisionConcept(input: ConceptInput): ConceptValue<SupervisionOption> {
  const key = conceptKey(input.concept);
  let annex = key ? SUPERVISION_CONCEPTS[key] : undefined;
  if (!annex) for (const t of labelTexts(input.raw, input.label)) annex ??= supervisionFromLabel(t);
  return build(input, annex);
}

export function stackabilityConcept(input: ConceptInput): ConceptValue<StackabilityOption> {
  let annex: StackabilityOption | undefined;
  if (typeof input.raw === 'boolean') {
    // ELM isPartialQualification: true means it counts towards a larger qualification.
    annex = input.raw
      ? 'integrated, stackable towards another credential'
      : 'stand-alone, independent micro-credential';
  }
  if (!annex) for (const t of labelTexts(input.raw, input.label)) annex ??= stackabilityFromLabel(t);
  return build(input, annex);
}
