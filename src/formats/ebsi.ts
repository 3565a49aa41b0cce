// EBSI Verifiable Attestations → Annex I elements. Three shapes:
// (a) EDC on EBSI (EuropeanDigitalCredential / credentialSubject.hasClaim): the ELM reading of edc.ts;
// (b) the legacy Europass/EBSI diploma model (VerifiableDiploma, the pilot "Europass" micro-credential):
//     credentialSubject.learningAchievement / achieved[*], learningSpecification / specifiedBy,
//     awardingOpportunity.awardingBody, wasDerivedFrom (assessments), wasInfluencedBy (activities);
// (c) any other attestation: only VC-level data (issuer, dates, subject); most elements stay missing.
import countries from 'i18n-iso-countries';
import {
  emptyElements,
  setElement,
  type CountryEntry,
  type ElementMap,
  type LangMap,
  type LearningOutcome,
  type LevelEntry,
  type Sourced,
  type WorkloadEntry,
} from '../model/elements.js';
import {
  accreditationEntry,
  conceptInput,
  extractElmElements,
  issuerNode,
  levelEntry,
  noteText,
  readDateOfIssuing,
  readElmLearner,
  setFurtherInformation,
  setIssuerAndBodies,
  setLevel,
  workloadValue,
  type ElmExtraction,
  type LevelSlot,
} from './edc.js';
import { contextUrls, first, hasType, NodeIndex, root, scalarText, walk, type Located } from './json.js';
import { conceptText, firstLangMap, readOrganisation, urlOf } from './organisation.js';
import type { Adapted, FormatAdapter, JsonObject } from './types.js';
import { issuerIdOf, vcVersionOf } from './vc.js';
import { anyText, durationEntry, toAlpha2, toNumber } from './values.js';
import {
  assessmentConcept,
  participationConcept,
  stackabilityConcept,
  supervisionConcept,
} from './vocabularies.js';

/** An EDC (ELM v3) payload carried as an EBSI attestation. */
export function isElmShaped(document: JsonObject): boolean {
  return (
    hasType(document, 'EuropeanDigitalCredential') ||
    contextUrls(document).some((c) => EDC_CONTEXT.test(c)) ||
    walk(root(document), 'credentialSubject', 'hasClaim').length > 0
  );
}

const EDC_CONTEXT = /^https?:\/\/data\.europa\.eu\/snb\/model\/context\/edc-ap\/?$/;

const LEGACY_SUBJECT_PROPERTIES = [
  'learningAchievement',
  'achieved',
  'learningSpecification',
  'awardingOpportunity',
];

/** The legacy Europass/EBSI diploma model (2022-11 pilot schemas). */
export function isLegacyEuropass(document: JsonObject): boolean {
  const subjects = walk(root(document), 'credentialSubject');
  return LEGACY_SUBJECT_PROPERTIES.some((p) => walk(subjects, p).length > 0);
}

export const ebsiAdapter: FormatAdapter = {
  id: 'ebsi',
  adapt(document) {
    const { elements, findings } = isElmShaped(document)
      ? extractElmElements(document)
      : isLegacyEuropass(document)
        ? extractLegacyEuropass(document)
        : extractAttestation(document);
    const adapted: Adapted = { format: 'ebsi', elements, findings };
    const vcVersion = vcVersionOf(document);
    if (vcVersion) adapted.vcVersion = vcVersion;
    const issuerId = issuerIdOf(document);
    if (issuerId) adapted.issuerId = issuerId;
    return adapted;
  },
};

/**
 * An index that resolves nothing. The non-ELM shapes do not refer to nodes by id, and their ids
 * repeat across roles (the VerifiableDiploma's issuer, subject and awarding body share one DID).
 */
function literalIndex(): NodeIndex {
  return new NodeIndex(undefined);
}

/** EBSI prefers `issued` (when the attestation was issued), then issuanceDate, then validFrom. */
function readEbsiDate(map: ElementMap, start: Located, awardingDate?: Located): void {
  readDateOfIssuing(map, [
    { property: 'issued', loc: first(start, 'issued') },
    { property: 'issuanceDate', loc: first(start, 'issuanceDate') },
    ...(awardingDate ? [{ property: 'awardingDate', loc: awardingDate }] : []),
    { property: 'validFrom', loc: first(start, 'validFrom') },
  ]);
}

// --- (c) Generic attestation ---------------------------------------------------------------------

/** VC-level data only: learner, issuer (as awarding body, with its country), dates, name, description. */
export function extractAttestation(document: JsonObject): ElmExtraction {
  const map = emptyElements();
  const index = literalIndex();
  const start = root(document);
  readElmLearner(map, index, walk(start, 'credentialSubject'));
  const issuerLoc = issuerNode(start);
  setIssuerAndBodies(map, [], issuerLoc ? readOrganisation(index, issuerLoc, 'issuer') : undefined);
  readEbsiDate(map, start);
  const name = firstLangMap(start, ['name']);
  if (name) setElement(map, 'title', name.value, [name.pointer]);
  const description = firstLangMap(start, ['description']);
  if (description) setFurtherInformation(map, [description], []);
  return { elements: map, findings: [] };
}

// --- (b) Legacy Europass/EBSI diploma model --------------------------------------------------------

interface LegacyGraph {
  index: NodeIndex;
  root: Located;
  subjects: Located[];
  achievements: Located[];
  specs: Located[];
  assessments: Located[];
  activities: Located[];
}

function legacyGraph(document: JsonObject): LegacyGraph {
  const start = root(document);
  const subjects = walk(start, 'credentialSubject');
  const achievements = [...walk(subjects, 'learningAchievement'), ...walk(subjects, 'achieved')];
  return {
    index: literalIndex(),
    root: start,
    subjects,
    achievements,
    specs: [...walk(achievements, 'specifiedBy'), ...walk(subjects, 'learningSpecification')],
    assessments: [...walk(achievements, 'wasDerivedFrom'), ...walk(subjects, 'wasDerivedFrom')],
    activities: [
      ...walk(achievements, 'wasInfluencedBy'),
      ...walk(subjects, 'wasInfluencedBy'),
      ...walk(subjects, 'performed'),
    ],
  };
}

/** The first value found along any of the given properties of any of the nodes. */
function firstOf(nodes: Located[], properties: string[]): Located | undefined {
  for (const property of properties) {
    const found = walk(nodes, property)[0];
    if (found) return found;
  }
  return undefined;
}

function allOf(nodes: Located[], properties: string[]): Located[] {
  return properties.flatMap((p) => walk(nodes, p));
}

/** A country named by code, EU authority URI or English name ("FRANCE" in the VerifiableDiploma). */
function placeEntry(loc: Located): CountryEntry[] {
  return conceptText(loc).map((text) => {
    const entry: CountryEntry = { raw: text.value, role: 'awardingBody', pointer: text.pointer };
    const alpha2 = toAlpha2(text.value) ?? countries.getAlpha2Code(text.value, 'en');
    if (alpha2) entry.alpha2 = alpha2;
    return entry;
  });
}

/** Maps the legacy Europass/EBSI diploma and micro-credential model onto the Annex I elements. */
export function extractLegacyEuropass(document: JsonObject): ElmExtraction {
  const map = emptyElements();
  const g = legacyGraph(document);
  const { index } = g;

  // M1 learner
  readElmLearner(map, index, g.subjects);

  // M2 title: the achievement's title, else the specification's.
  const title = [...g.achievements, ...g.specs]
    .map((n) => firstLangMap(n, ['title']))
    .find((t) => t !== undefined);
  if (title) setElement(map, 'title', title.value, [title.pointer]);

  // M3, M4: awardingOpportunity.awardingBody (or wasAwardedBy.awardingBody), its location, and the issuer.
  const opportunities = [...walk(g.subjects, 'awardingOpportunity'), ...walk(g.specs, 'awardingOpportunity')];
  const processes = walk(g.achievements, 'wasAwardedBy');
  const bodies = [...walk(opportunities, 'awardingBody'), ...walk(processes, 'awardingBody')].map((b) =>
    readOrganisation(index, b, 'awardingBody'),
  );
  const places = [...walk(opportunities, 'location'), ...walk(processes, 'awardingLocation')].flatMap(
    placeEntry,
  );
  const issuerLoc = issuerNode(g.root);
  setIssuerAndBodies(
    map,
    bodies,
    issuerLoc ? readOrganisation(index, issuerLoc, 'issuer') : undefined,
    places,
  );

  // M5 date of issuing
  readEbsiDate(map, g.root, walk(processes, 'awardingDate')[0]);

  // M6 learning outcomes
  readLegacyOutcomes(map, g);

  // M7 workload: ECTS credit points (three spellings), other credit points, durations.
  const entries: WorkloadEntry[] = [
    ...allOf(g.specs, ['ectsCreditPoints', 'eCTSCreditPoints', 'hasECTSCreditPoints']).map((l) =>
      credit(l, 'ECTS'),
    ),
    ...walk(g.specs, 'creditPoints').map((l) => credit(l, 'unknown')),
    ...allOf(g.specs, ['volumeOfLearning', 'workload']).map(hoursEntry),
    ...walk(g.activities, 'workload').map(hoursEntry),
  ];
  if (entries.length > 0)
    setElement(
      map,
      'workload',
      workloadValue(entries),
      entries.map((e) => e.pointer),
    );

  // M8 level
  const slots: [string, LevelSlot][] = [
    ['eqfLevel', 'eqf'],
    ['eqflLevel', 'eqf'],
    ['nqfLevel', 'nqf'],
    ['nqflLevel', 'nqf'],
    ['educationLevel', 'other'],
  ];
  const levels: LevelEntry[] = slots.flatMap(([property, slot]) =>
    walk(g.specs, property).flatMap((l) => levelEntry(l, slot) ?? []),
  );
  setLevel(map, levels);

  // M9 assessment type: the assessment specification's type, else its mode.
  const assessmentSpecs = walk(g.assessments, 'specifiedBy');
  const assessment = firstOf(assessmentSpecs, ['assessmentType', 'dcType', 'mode']);
  if (assessment)
    setElement(map, 'assessmentType', assessmentConcept(conceptInput(assessment)), [assessment.pointer]);

  // M10 participation: specification mode, else the activities' type or mode, else the learning setting.
  const activitySpecs = walk(g.activities, 'specifiedBy');
  const participation =
    firstOf(g.specs, ['mode']) ??
    firstOf(activitySpecs, ['learningActivityType', 'dcType', 'mode']) ??
    firstOf(g.specs, ['learningSetting']);
  if (participation) {
    setElement(map, 'participationForm', participationConcept(conceptInput(participation)), [
      participation.pointer,
    ]);
  }

  // M11 quality assurance
  const accreditations = allOf(g.specs, ['hasAccreditation', 'accreditation']).map((l) =>
    accreditationEntry(index, l),
  );
  if (accreditations.length > 0) {
    setElement(
      map,
      'qualityAssurance',
      { entries: accreditations },
      accreditations.map((e) => e.pointer),
    );
  }

  // O1 prerequisites
  const prerequisites = allOf(g.specs, ['entryRequirementsNote', 'entryRequirement'])
    .map(noteText)
    .find((t) => t !== undefined);
  if (prerequisites) setElement(map, 'prerequisites', prerequisites.value, [prerequisites.pointer]);

  // O2 supervision
  const supervision = walk(g.assessments, 'idVerification')[0];
  if (supervision)
    setElement(map, 'supervision', supervisionConcept(conceptInput(supervision)), [supervision.pointer]);

  // O3 grade: the first assessment with a grade, with its grading scheme's title.
  readLegacyGrade(map, g);

  // O4 stackability
  const partial = allOf(g.specs, ['isPartialQualification', 'isPartial Qualification']).find(
    (l) => typeof l.value === 'boolean',
  );
  if (partial)
    setElement(map, 'stackability', stackabilityConcept({ raw: partial.value, pointer: partial.pointer }), [
      partial.pointer,
    ]);

  // O5 further information
  const nodes = [...g.achievements, ...g.specs];
  const texts = allOf(nodes, ['additionalNote', 'description', 'definition']).flatMap(
    (l) => noteText(l) ?? [],
  );
  const links = allOf(nodes, ['homePage', 'homepage', 'supplementaryDocument']).flatMap(
    (l) => urlOf(l) ?? [],
  );
  setFurtherInformation(map, texts, links);

  return { elements: map, findings: [] };
}

function credit(loc: Located, unit: string): WorkloadEntry {
  return { kind: 'credits', amount: toNumber(loc.value), rawValue: loc.value, unit, pointer: loc.pointer };
}

/** A duration in xsd:duration (calendar durations are not hours) or, as the legacy schema says, a number of hours. */
function hoursEntry(loc: Located): WorkloadEntry {
  const entry = durationEntry(loc);
  if (entry.amount === null) entry.amount = toNumber(loc.value);
  return entry;
}

function readLegacyOutcomes(map: ElementMap, g: LegacyGraph): void {
  const outcomes: LearningOutcome[] = [];
  const pointers: string[] = [];
  for (const node of allOf(g.specs, ['learningOutcomes', 'learningOutcome'])) {
    const text = firstLangMap(node, ['title', 'name', 'definition', 'description']) ?? noteText(node);
    const skills = allOf([node], ['relatedESCOSkill', 'relatedECOSkill', 'relatedSkill'])
      .flatMap(conceptText)
      .map((s) => s.value);
    if (!text && skills.length === 0) continue;
    outcomes.push(
      text ? { text: text.value, skills, pointer: node.pointer } : { skills, pointer: node.pointer },
    );
    pointers.push(text?.pointer ?? node.pointer);
  }
  if (outcomes.length > 0)
    return setElement(map, 'learningOutcomes', { outcomes, structured: true }, pointers);
  const texts: Sourced<LangMap>[] = allOf(g.specs, [
    'learningOutcomeDescription',
    'learningOutcomeSummary',
  ]).flatMap((l) => noteText(l) ?? []);
  if (texts.length > 0) {
    const free = texts.map((t) => ({ text: t.value, skills: [], pointer: t.pointer }));
    setElement(
      map,
      'learningOutcomes',
      { outcomes: free, structured: false },
      texts.map((t) => t.pointer),
    );
  }
}

function readLegacyGrade(map: ElementMap, g: LegacyGraph): void {
  for (const assessment of g.assessments) {
    const grade = walk(assessment, 'grade')
      .map(noteText)
      .find((t) => t !== undefined);
    const value = anyText(grade?.value);
    if (!grade || value === undefined) continue;
    const scheme = firstOf(walk(assessment, 'specifiedBy'), ['gradingScheme', 'gradingscheme']);
    const schemeName = scheme
      ? (anyText(firstLangMap(scheme, ['title'])?.value) ?? scalarText(scheme.value))
      : undefined;
    const gradeValue = schemeName
      ? { value, scheme: schemeName, pointer: grade.pointer }
      : { value, pointer: grade.pointer };
    setElement(map, 'grade', gradeValue, [grade.pointer]);
    return;
  }
}
