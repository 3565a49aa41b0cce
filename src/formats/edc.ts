// European Digital Credentials (ELM v3): the ELM graph → Annex I elements (domain.md §3).
// Notation: $C = credentialSubject.hasClaim[*], $S = $C.specifiedBy[*], $A = $C.provenBy[*],
// $ACT = $C.influencedBy[*], $AB = $C.awardedBy.awardingBody[*]. Each Annex I element has one
// reader below, named after it (readTitle, readWorkload …). Nodes may be bare id references and
// every step may be one value or an array; NodeIndex resolves references and cuts loops.
import {
  emptyElements,
  setElement,
  type ConceptValue,
  type CountryEntry,
  type DateOfIssuingValue,
  type ElementMap,
  type LangMap,
  type LearnerIdentifier,
  type LearnerValue,
  type LearningOutcome,
  type LevelEntry,
  type QualityAssuranceEntry,
  type Sourced,
  type StackabilityOption,
  type WorkloadEntry,
  type WorkloadValue,
} from '../model/elements.js';
import type { Finding } from '../model/results.js';
import { finding } from '../findings/index.js';
import {
  childPointer,
  first,
  hasType,
  idOf,
  isObject,
  NodeIndex,
  root,
  scalarText,
  walk,
  type Located,
} from './json.js';
import {
  conceptText,
  firstLangMap,
  homepageOf,
  readOrganisation,
  urlOf,
  type OrganisationReading,
} from './organisation.js';
import type { Adapted, FormatAdapter, JsonObject } from './types.js';
import { issuerIdOf, vcVersionOf } from './vc.js';
import { anyText, durationEntry, langMap, levelValue, toNumber } from './values.js';
import {
  assessmentConcept,
  creditSystem,
  eqfFromConcept,
  participationConcept,
  stackabilityConcept,
  supervisionConcept,
  type ConceptInput,
} from './vocabularies.js';

export interface ElmExtraction {
  elements: ElementMap;
  /** Format findings (FORMAT_REFERENCE_LOOP). */
  findings: Finding[];
}

/** The nodes of an ELM credential that the Annex I elements are read from. */
interface ElmGraph {
  index: NodeIndex;
  root: Located;
  subjects: Located[];
  /** $C, LearningAchievements first. */
  claims: Located[];
  /** $S */
  specs: Located[];
  /** $A, plus claims that are LearningAssessments. */
  assessments: Located[];
  /** $ACT, plus claims that are LearningActivities. */
  activities: Located[];
  /** $AB, each organisation once. */
  awardingBodies: Located[];
}

// --- Helpers shared with the EBSI adapter ---------------------------------------------

/** The credential's `issuer`, when it is an id string or an object (not a number or a boolean). */
export function issuerNode(start: Located): Located | undefined {
  const issuer = first(start, 'issuer');
  return issuer && (typeof issuer.value === 'string' || isObject(issuer.value)) ? issuer : undefined;
}

/** One node per id (first occurrence wins); nodes without an id are all kept. */
export function distinctNodes(locs: Located[]): Located[] {
  const seen = new Set<string>();
  return locs.filter((l) => {
    const id = isObject(l.value) ? idOf(l.value) : undefined;
    if (!id) return true;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/** Multilingual text of a Note ({noteLiteral}), a language map or a plain string. */
export function noteText(loc: Located): Sourced<LangMap> | undefined {
  const value = loc.value;
  if (isObject(value) && 'noteLiteral' in value) {
    const map = langMap(value.noteLiteral);
    return map ? { value: map, pointer: childPointer(loc.pointer, 'noteLiteral') } : undefined;
  }
  // A node that is not a language map (it has a type or an @id) carries no text of its own.
  if (isObject(value) && ('type' in value || '@type' in value || '@id' in value)) return undefined;
  const map = langMap(value);
  return map ? { value: map, pointer: loc.pointer } : undefined;
}

/** The concept input for a Concept node ({id, prefLabel}) or a plain string (URI or label). */
export function conceptInput(loc: Located): ConceptInput {
  const input: ConceptInput = { raw: loc.value, pointer: loc.pointer };
  if (isObject(loc.value)) {
    const id = idOf(loc.value);
    if (id) input.concept = id;
    const label = langMap(loc.value.prefLabel) ?? langMap(loc.value.title);
    if (label) input.label = label;
  } else if (typeof loc.value === 'string' && /^[a-z][a-z0-9+.-]*:\S+$/i.test(loc.value.trim())) {
    input.concept = loc.value.trim();
  }
  return input;
}

/** A ConceptValue with no Annex mapping (e.g. an accreditation type). */
function plainConcept(loc: Located): ConceptValue {
  const input = conceptInput(loc);
  const value: ConceptValue = { raw: input.raw, pointer: input.pointer };
  if (input.concept) value.concept = input.concept;
  if (input.label) value.label = input.label;
  return value;
}

/** Merges language maps, joining texts of the same language with a blank line. */
export function mergeLangMaps(maps: LangMap[]): LangMap | undefined {
  const merged: LangMap = {};
  for (const map of maps) {
    for (const [lang, text] of Object.entries(map)) {
      if (merged[lang] === text) continue;
      merged[lang] = merged[lang] ? `${merged[lang]}\n\n${text}` : text;
    }
  }
  return Object.keys(merged).length > 0 ? merged : undefined;
}

/** Reads the learner (M1) from the first credentialSubject; `subjectCount` counts them all. */
export function readElmLearner(map: ElementMap, index: NodeIndex, subjects: Located[]): void {
  const subject = subjects[0];
  if (!subject || !isObject(subject.value)) return;
  const learner: LearnerValue = { identifiers: [], subjectCount: subjects.length };
  const pointers: string[] = [];
  const id = scalarText(subject.value.id);
  if (id) {
    learner.id = id;
    pointers.push(childPointer(subject.pointer, 'id'));
  }
  const names: [keyof LearnerValue & ('name' | 'givenName' | 'familyName'), string[]][] = [
    ['name', ['fullName', 'name']],
    ['givenName', ['givenName', 'givenNames']],
    ['familyName', ['familyName']],
  ];
  for (const [key, properties] of names) {
    const text = firstLangMap(subject, properties);
    if (text) {
      learner[key] = text.value;
      pointers.push(text.pointer);
    }
  }
  const birth = first(subject, 'dateOfBirth');
  const birthText = birth ? scalarText(birth.value) : undefined;
  if (birth && birthText) {
    learner.dateOfBirth = birthText;
    pointers.push(birth.pointer);
  }
  for (const national of index.walk(subject, 'nationalID')) {
    const text = identifierText(national);
    if (text) {
      learner.nationalId = text.value;
      pointers.push(text.pointer);
      break;
    }
  }
  for (const identifier of index.walk(subject, 'identifier')) {
    const text = identifierText(identifier);
    if (!text) continue;
    const entry: LearnerIdentifier = { value: text.value, pointer: text.pointer };
    const scheme = isObject(identifier.value)
      ? scalarText(
          identifier.value.schemeName ?? identifier.value.schemeID ?? identifier.value.identifierType,
        )
      : undefined;
    if (scheme) entry.scheme = scheme;
    learner.identifiers.push(entry);
    pointers.push(text.pointer);
  }
  for (const mailbox of index.walk(subject, 'contactPoint', 'emailAddress')) {
    const text = conceptText(mailbox)[0];
    if (text) {
      learner.email = text.value.replace(/^mailto:/i, '');
      pointers.push(text.pointer);
      break;
    }
  }
  const found =
    learner.id ??
    learner.name ??
    learner.givenName ??
    learner.familyName ??
    learner.dateOfBirth ??
    learner.nationalId ??
    learner.email ??
    learner.identifiers[0];
  if (found !== undefined) setElement(map, 'learner', learner, pointers);
}

/** The value of an identifier node ({notation}, {value}) or a plain string/number. */
function identifierText(loc: Located): Sourced<string> | undefined {
  const text = scalarText(loc.value);
  if (text !== undefined) return text.trim() ? { value: text, pointer: loc.pointer } : undefined;
  if (!isObject(loc.value)) return undefined;
  for (const key of ['notation', 'value']) {
    const value = scalarText(loc.value[key]);
    if (value !== undefined && value.trim()) return { value, pointer: childPointer(loc.pointer, key) };
  }
  return undefined;
}

export interface DateCandidate {
  property: string;
  loc: Located | undefined;
}

/** Sets the date of issuing (M5) from the first candidate with a value; earlier ones are the fallbackFrom. */
export function readDateOfIssuing(map: ElementMap, candidates: DateCandidate[]): void {
  const fallbackFrom: string[] = [];
  for (const { property, loc } of candidates) {
    const raw = loc ? scalarText(loc.value) : undefined;
    if (loc && raw !== undefined && raw.trim() !== '') {
      const value: DateOfIssuingValue = { raw, property, fallbackFrom };
      setElement(map, 'dateOfIssuing', value, [loc.pointer]);
      return;
    }
    fallbackFrom.push(property);
  }
}

/**
 * Sets the issuer's country (M3) and the awarding body (M4) from the bodies read and the issuer.
 * `awardPlaces` are countries stated for the award rather than on an organisation (legacy EBSI).
 */
export function setIssuerAndBodies(
  map: ElementMap,
  bodies: OrganisationReading[],
  issuer: OrganisationReading | undefined,
  awardPlaces: CountryEntry[] = [],
): void {
  // The same source value is listed once per role (two bodies may share a parent organisation's country).
  const seen = new Set<string>();
  const entries = [
    ...bodies.flatMap((b) => b.countries),
    ...awardPlaces,
    ...(issuer?.countries ?? []),
  ].filter((e) => {
    const key = `${e.role} ${e.pointer}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const regions = bodies.length > 0 ? bodies.flatMap((b) => b.regions) : (issuer?.regions ?? []);
  if (entries.length > 0 || regions.length > 0) {
    const countries = [...new Set(entries.map((e) => e.alpha2).filter((c): c is string => !!c))];
    setElement(map, 'issuerCountry', { countries, regions, entries }, [
      ...entries.map((e) => e.pointer),
      ...regions.map((r) => r.pointer),
    ]);
  }
  if (bodies.length > 0) {
    const value = { bodies: bodies.map((b) => b.organisation), fromIssuer: false };
    setElement(map, 'awardingBody', issuer ? { ...value, issuer: issuer.organisation } : value, [
      ...bodies.flatMap((b) => b.pointers),
      ...(issuer?.pointers ?? []),
    ]);
  } else if (issuer) {
    setElement(
      map,
      'awardingBody',
      { bodies: [issuer.organisation], issuer: issuer.organisation, fromIssuer: true },
      issuer.pointers,
    );
  }
}

/** Builds a WorkloadValue: ects/hours are set only when exactly one distinct value is given. */
export function workloadValue(entries: WorkloadEntry[]): WorkloadValue {
  const value: WorkloadValue = { raw: entries.map((e) => e.rawValue), entries };
  const single = (list: WorkloadEntry[]): number | undefined => {
    const amounts = [...new Set(list.map((e) => e.amount).filter((a): a is number => a !== null))];
    return amounts.length === 1 ? amounts[0] : undefined;
  };
  const ects = single(entries.filter((e) => e.kind === 'credits' && e.unit === 'ECTS'));
  const hours = single(entries.filter((e) => e.kind === 'duration' && e.unit === 'hours'));
  if (ects !== undefined) value.ects = ects;
  if (hours !== undefined) value.hours = hours;
  return value;
}

const EQF_SCHEME = /^https?:\/\/data\.europa\.eu\/snb\/eqf\/25831c2$/;
const NQF_CONCEPT = /^https?:\/\/data\.europa\.eu\/snb\/qdr\//;

/** Which property a level came from: it says what framework to assume for a plain number. */
export type LevelSlot = 'eqf' | 'nqf' | 'other';

/**
 * A level entry from an EQF/NQF concept, a concept of an unknown scheme, or a plain value.
 * An EQF concept outside 1–8 (…/eqf/9) still gives an EQF entry with that code.
 */
export function levelEntry(loc: Located, slot: LevelSlot): LevelEntry | undefined {
  const value = loc.value;
  const input = conceptInput(loc);
  const scheme = isObject(value) ? idOf(value.inScheme) : undefined;
  const notation = isObject(value) ? scalarText(value.notation) : undefined;
  const label = anyText(input.label);
  const eqf = eqfFromConcept(input.concept);
  if (eqf !== undefined) return { framework: 'EQF', code: String(eqf), raw: value, pointer: loc.pointer };
  if (scheme && EQF_SCHEME.test(scheme)) {
    const code = (notation && /^\d+$/.test(notation) ? notation : undefined) ?? /\d+/.exec(label ?? '')?.[0];
    return { framework: 'EQF', code: code ?? input.concept ?? label ?? '', raw: value, pointer: loc.pointer };
  }
  const plain = scalarText(value);
  if (plain !== undefined) {
    if (plain.trim() === '') return undefined;
    const numeric = /^\d+$/.test(plain.trim());
    if (slot === 'eqf' && numeric)
      return { framework: 'EQF', code: plain.trim(), raw: value, pointer: loc.pointer };
    if (slot === 'nqf' || NQF_CONCEPT.test(plain))
      return { framework: 'NQF', code: plain.trim(), raw: value, pointer: loc.pointer };
    return { framework: 'unknown', code: plain.trim(), raw: value, pointer: loc.pointer };
  }
  if (!isObject(value)) return undefined;
  const code = label ?? notation ?? input.concept ?? '';
  const isNqf = (input.concept && NQF_CONCEPT.test(input.concept)) || (scheme && NQF_CONCEPT.test(scheme));
  if (isNqf || slot === 'nqf') return { framework: 'NQF', code, raw: value, pointer: loc.pointer };
  return { framework: 'unknown', code, raw: value, pointer: loc.pointer };
}

/** Sets the level (M8) from its entries. `eqf` is set only for a valid EQF level (1–8). */
export function setLevel(map: ElementMap, entries: LevelEntry[]): void {
  if (entries.length === 0) return;
  setElement(
    map,
    'level',
    levelValue(entries),
    entries.map((e) => e.pointer),
  );
}

/** Sets further information (O5) from text and links. */
export function setFurtherInformation(
  map: ElementMap,
  texts: Sourced<LangMap>[],
  links: Sourced<string>[],
): void {
  const text = mergeLangMaps(texts.map((t) => t.value));
  const urls = [...new Set(links.map((l) => l.value))];
  if (!text && urls.length === 0) return;
  const value = text ? { text, links: urls } : { links: urls };
  setElement(map, 'furtherInformation', value, [
    ...texts.map((t) => t.pointer),
    ...links.map((l) => l.pointer),
  ]);
}

// --- The ELM graph --------------------------------------------------------------------------------

function buildGraph(document: JsonObject): ElmGraph {
  const index = new NodeIndex(document);
  const start = root(document);
  const subjects = index.walk(start, 'credentialSubject');
  const allClaims = distinctNodes(index.walk(subjects, 'hasClaim'));
  const claims = [
    ...allClaims.filter((c) => hasType(c.value, 'LearningAchievement')),
    ...allClaims.filter((c) => !hasType(c.value, 'LearningAchievement')),
  ];
  const specs = distinctNodes(index.walk(claims, 'specifiedBy'));
  const assessments = distinctNodes([
    ...index.walk(claims, 'provenBy'),
    ...claims.filter((c) => hasType(c.value, 'LearningAssessment')),
  ]);
  const activities = distinctNodes([
    ...index.walk(claims, 'influencedBy'),
    ...claims.filter((c) => hasType(c.value, 'LearningActivity')),
  ]);
  const awardingBodies = distinctNodes(index.walk(claims, 'awardedBy', 'awardingBody'));
  return { index, root: start, subjects, claims, specs, assessments, activities, awardingBodies };
}

// --- One reader per Annex I element ------------------------------------------------------------

/** M2: $C.title, else $S.title. */
function readTitle(map: ElementMap, g: ElmGraph): void {
  for (const node of [...g.claims, ...g.specs]) {
    const title = firstLangMap(node, ['title']);
    if (title) return setElement(map, 'title', title.value, [title.pointer]);
  }
}

/** M3 and M4: $AB (location countries, regions, identifiers) and the sealing issuer. */
function readIssuerCountryAndAwardingBody(map: ElementMap, g: ElmGraph): void {
  const bodies = g.awardingBodies.map((b) => readOrganisation(g.index, b, 'awardingBody'));
  const issuerLoc = issuerNode(g.root);
  const issuer = issuerLoc ? readOrganisation(g.index, issuerLoc, 'issuer') : undefined;
  setIssuerAndBodies(map, bodies, issuer);
}

/** M5: issued, then issuanceDate, then $C.awardedBy.awardingDate, then validFrom. */
function readDate(map: ElementMap, g: ElmGraph): void {
  readDateOfIssuing(map, [
    { property: 'issued', loc: first(g.root, 'issued') },
    { property: 'issuanceDate', loc: first(g.root, 'issuanceDate') },
    { property: 'awardingDate', loc: walk(g.index.walk(g.claims, 'awardedBy'), 'awardingDate')[0] },
    { property: 'validFrom', loc: first(g.root, 'validFrom') },
  ]);
}

/** M6: $S.learningOutcome[*] (title, ESCO and other skills); else learningOutcomeSummary / description. */
function readLearningOutcomes(map: ElementMap, g: ElmGraph): void {
  const outcomes: LearningOutcome[] = [];
  const pointers: string[] = [];
  for (const node of distinctNodes(g.index.walk(g.specs, 'learningOutcome'))) {
    const text = firstLangMap(node, ['title', 'name', 'definition', 'description']) ?? noteText(node);
    const skills = [...walk(node, 'relatedESCOSkill'), ...walk(node, 'relatedSkill')]
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
  for (const property of ['learningOutcomeSummary', 'description']) {
    const texts = walk(g.specs, property).flatMap((l) => noteText(l) ?? []);
    if (texts.length > 0) {
      const free = texts.map((t) => ({ text: t.value, skills: [], pointer: t.pointer }));
      return setElement(
        map,
        'learningOutcomes',
        { outcomes: free, structured: false },
        texts.map((t) => t.pointer),
      );
    }
  }
}

/** M7: $S.creditPoint[*] (framework, point), $S.volumeOfLearning, and $C.workload (activities). */
function readWorkload(map: ElementMap, g: ElmGraph): void {
  const entries: WorkloadEntry[] = [];
  for (const spec of g.specs) {
    for (const credit of g.index.walk(spec, 'creditPoint')) entries.push(creditEntry(g.index, credit));
    entries.push(...walk(spec, 'volumeOfLearning').map(durationEntry));
  }
  for (const claim of g.claims) entries.push(...walk(claim, 'workload').map(durationEntry));
  if (entries.length > 0)
    setElement(
      map,
      'workload',
      workloadValue(entries),
      entries.map((e) => e.pointer),
    );
}

function creditEntry(index: NodeIndex, credit: Located): WorkloadEntry {
  const plain = scalarText(credit.value);
  if (plain !== undefined) {
    return {
      kind: 'credits',
      amount: toNumber(credit.value),
      rawValue: credit.value,
      unit: 'unknown',
      pointer: credit.pointer,
    };
  }
  const framework = index.walk(credit, 'framework')[0];
  let unit = 'unknown';
  if (framework) {
    const input = conceptInput(framework);
    const plainFramework = scalarText(framework.value);
    unit = creditSystem(input.concept ?? plainFramework, anyText(input.label));
  }
  const point = first(credit, 'point');
  if (!point) return { kind: 'credits', amount: null, rawValue: undefined, unit, pointer: credit.pointer };
  return {
    kind: 'credits',
    amount: toNumber(point.value),
    rawValue: point.value,
    unit,
    pointer: point.pointer,
  };
}

/** M8: $S.eqfLevel, $S.nqfLevel[*], $S.educationLevel[*]. */
function readLevel(map: ElementMap, g: ElmGraph): void {
  const entries: LevelEntry[] = [];
  for (const spec of g.specs) {
    const slots: [string, 'eqf' | 'nqf' | 'other'][] = [
      ['eqfLevel', 'eqf'],
      ['nqfLevel', 'nqf'],
      ['educationLevel', 'other'],
    ];
    for (const [property, slot] of slots) {
      for (const loc of g.index.walk(spec, property)) {
        const entry = levelEntry(loc, slot);
        if (entry) entries.push(entry);
      }
    }
  }
  setLevel(map, entries);
}

/** M9: $A.specifiedBy.dcType, else $A.specifiedBy.mode. */
function readAssessmentType(map: ElementMap, g: ElmGraph): void {
  const specs = g.index.walk(g.assessments, 'specifiedBy');
  const concept = g.index.walk(specs, 'dcType')[0] ?? g.index.walk(specs, 'mode')[0];
  if (concept) setElement(map, 'assessmentType', assessmentConcept(conceptInput(concept)), [concept.pointer]);
}

/** M10: $S.mode, else the activities' specifiedBy.dcType / mode, else $S.learningSetting. */
function readParticipationForm(map: ElementMap, g: ElmGraph): void {
  const activitySpecs = g.index.walk(g.activities, 'specifiedBy');
  const concept =
    g.index.walk(g.specs, 'mode')[0] ??
    g.index.walk(activitySpecs, 'dcType')[0] ??
    g.index.walk(activitySpecs, 'mode')[0] ??
    g.index.walk(g.specs, 'learningSetting')[0];
  if (concept)
    setElement(map, 'participationForm', participationConcept(conceptInput(concept)), [concept.pointer]);
}

/** M11: accreditations of $S and $AB, evidence[*].accreditation and the credential's own. */
function readQualityAssurance(map: ElementMap, g: ElmGraph): void {
  const sources = distinctNodes([
    ...g.index.walk(g.specs, 'accreditation'),
    ...g.index.walk(g.awardingBodies, 'accreditation'),
    ...g.index.walk(g.root, 'evidence', 'accreditation'),
    ...g.index.walk(g.root, 'accreditation'),
  ]);
  const entries = sources.map((loc) => accreditationEntry(g.index, loc));
  if (entries.length > 0)
    setElement(
      map,
      'qualityAssurance',
      { entries },
      entries.map((e) => e.pointer),
    );
}

export function accreditationEntry(index: NodeIndex, loc: Located): QualityAssuranceEntry {
  const entry: QualityAssuranceEntry = { pointer: loc.pointer };
  const type = index.walk(loc, 'dcType')[0];
  if (type) entry.type = plainConcept(type);
  const title = firstLangMap(loc, ['title', 'prefLabel']);
  if (title) entry.title = title.value;
  const agent = index.walk(loc, 'accreditingAgent')[0];
  if (agent) {
    const name = isObject(agent.value)
      ? anyText(langMap(agent.value.legalName) ?? langMap(agent.value.prefLabel))
      : undefined;
    const id = idOf(agent.value);
    if (name ?? id) entry.agent = (name ?? id)!;
  }
  const url =
    homepageOf(index, loc) ??
    [
      ...index.walk(loc, 'landingPage'),
      ...index.walk(loc, 'report'),
      ...index.walk(loc, 'supplementaryDocument'),
    ]
      .map(urlOf)
      .find((u) => u !== undefined) ??
    urlOf({ value: idOf(loc.value), pointer: loc.pointer });
  if (url && /^https?:\/\//i.test(url.value)) entry.url = url.value;
  return entry;
}

/** O1: $S.entryRequirement.noteLiteral. */
function readPrerequisites(map: ElementMap, g: ElmGraph): void {
  const text = g.index
    .walk(g.specs, 'entryRequirement')
    .map(noteText)
    .find((t) => t !== undefined);
  if (text) setElement(map, 'prerequisites', text.value, [text.pointer]);
}

/** O2: $A.idVerification. */
function readSupervision(map: ElementMap, g: ElmGraph): void {
  const concept = g.index.walk(g.assessments, 'idVerification')[0];
  if (concept) setElement(map, 'supervision', supervisionConcept(conceptInput(concept)), [concept.pointer]);
}

/** O3: $A.grade.noteLiteral, with the scheme from $A.specifiedBy.gradingScheme. */
function readGrade(map: ElementMap, g: ElmGraph): void {
  for (const assessment of g.assessments) {
    const grade = g.index
      .walk(assessment, 'grade')
      .map(noteText)
      .find((t) => t !== undefined);
    const value = anyText(grade?.value);
    if (!grade || value === undefined) continue;
    const scheme = g.index.walk(assessment, 'specifiedBy', 'gradingScheme')[0];
    const schemeName = scheme
      ? (anyText(firstLangMap(scheme, ['title', 'prefLabel'])?.value) ?? idOf(scheme.value))
      : undefined;
    setElement(
      map,
      'grade',
      schemeName ? { value, scheme: schemeName, pointer: grade.pointer } : { value, pointer: grade.pointer },
      [grade.pointer],
    );
    return;
  }
}

/** O4: $C.isPartOf / $S.isPartOf → integrated; else $S.isPartialQualification. */
function readStackability(map: ElementMap, g: ElmGraph): void {
  const partOf = [...walk(g.claims, 'isPartOf'), ...walk(g.specs, 'isPartOf')][0];
  if (partOf) {
    const input = conceptInput(partOf);
    const value: ConceptValue<StackabilityOption> = {
      raw: partOf.value,
      pointer: partOf.pointer,
      annex: 'integrated, stackable towards another credential',
    };
    if (input.concept) value.concept = input.concept;
    if (input.label) value.label = input.label;
    return setElement(map, 'stackability', value, [partOf.pointer]);
  }
  for (const loc of walk(g.specs, 'isPartialQualification')) {
    const raw = loc.value === 'true' ? true : loc.value === 'false' ? false : loc.value;
    if (typeof raw !== 'boolean') continue;
    return setElement(map, 'stackability', stackabilityConcept({ raw, pointer: loc.pointer }), [loc.pointer]);
  }
}

/** O5: additionalNote, description, homepage, supplementaryDocument on $C/$S; displayParameter.description. */
function readFurtherInformation(map: ElementMap, g: ElmGraph): void {
  const nodes = [...g.claims, ...g.specs];
  const texts = [
    ...walk(nodes, 'additionalNote').flatMap((l) => noteText(l) ?? []),
    ...walk(nodes, 'description').flatMap((l) => noteText(l) ?? []),
    ...walk(g.root, 'displayParameter', 'description').flatMap((l) => noteText(l) ?? []),
  ];
  const links = [
    ...nodes.flatMap((n) => homepageOf(g.index, n) ?? []),
    ...g.index.walk(nodes, 'supplementaryDocument').flatMap((l) => urlOf(l) ?? []),
  ];
  setFurtherInformation(map, texts, links);
}

/**
 * Extracts the Annex I elements from an ELM v3 credential (EDC, or EDC on EBSI). Never throws;
 * reference loops are cut and reported as FORMAT_REFERENCE_LOOP.
 */
export function extractElmElements(document: JsonObject): ElmExtraction {
  const map = emptyElements();
  const g = buildGraph(document);
  readElmLearner(map, g.index, g.subjects);
  readTitle(map, g);
  readIssuerCountryAndAwardingBody(map, g);
  readDate(map, g);
  readLearningOutcomes(map, g);
  readWorkload(map, g);
  readLevel(map, g);
  readAssessmentType(map, g);
  readParticipationForm(map, g);
  readQualityAssurance(map, g);
  readPrerequisites(map, g);
  readSupervision(map, g);
  readGrade(map, g);
  readStackability(map, g);
  readFurtherInformation(map, g);
  const findings = g.index.loopPointers.map((pointer) => finding('FORMAT_REFERENCE_LOOP', { pointer }));
  return { elements: map, findings };
}

export const edcAdapter: FormatAdapter = {
  id: 'edc',
  adapt(document) {
    const { elements, findings } = extractElmElements(document);
    const adapted: Adapted = { format: 'edc', elements, findings };
    const vcVersion = vcVersionOf(document);
    if (vcVersion) adapted.vcVersion = vcVersion;
    const issuerId = issuerIdOf(document);
    if (issuerId) adapted.issuerId = issuerId;
    return adapted;
  },
};
