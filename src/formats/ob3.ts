// The Open Badges 3.0 adapter (1EdTech), on VCDM 1.1 and 2.0, with the extensions European issuers
// use. It only extracts values (with a JSON pointer to each); the checks judge them.
//
// $ach = credentialSubject.achievement of the first subject that has one. Every subject is read
// for the learner (field report B40); the first is the learner.
//
// | Element               | Read from (in order of preference)                                            |
// |-----------------------|-------------------------------------------------------------------------------|
// | M1 learner            | credentialSubject[*]: id, name, identifier[*] (IdentityObject: identityType →  |
// |                       | scheme, identityHash → value, hashed); an unhashed identity of type name /     |
// |                       | emailAddress / nationalIdentityNumber also fills name / email / nationalId     |
// | M2 title              | $ach.name, else the credential's name                                         |
// | M3 issuer country     | issuer.address.addressCountryCode (else addressCountry), then                  |
// |                       | issuer.parentOrg.address… (Edubadges institution), credentialSubject.source    |
// |                       | .address… (role awardingBody); $ach.creator.address… only when none of those   |
// |                       | states a country. Invalid codes ("XX") are kept as entries without alpha2.     |
// |                       | addressRegion → regions                                                        |
// | M4 awarding body      | issuer (string or Profile; OB3 has no separate awarding-body property, so      |
// |                       | fromIssuer = true), plus credentialSubject.source (the organisation that       |
// |                       | assessed the achievement on the issuer's behalf; then fromIssuer = false)      |
// | M5 date of issuing    | VC 2.0: validFrom, then issuanceDate; VC 1.1: issuanceDate, then validFrom;    |
// |                       | then awardedDate (property + fallbackFrom say which)                            |
// | M6 learning outcomes  | structured: $ach.alignment[*] to a skill (targetUrl under /esco/ or the        |
// |                       | Europass DigComp scheme, targetType ext:ESCO…, CFItem, …Skill, …Competency,    |
// |                       | …LearningOutcome): text = targetName, skills = [targetUrl].                    |
// |                       | Else free text (structured false): $ach.description, $ach.criteria.narrative   |
// | M7 workload           | $ach.ECTS / ects (Edubadges; unit ECTS); $ach.creditsAvailable (else           |
// |                       | credentialSubject.creditsEarned): unit ECTS only with an explicit marker (an   |
// |                       | $ach alignment naming ECTS, or an Edubadges ECTS value equal to it), otherwise |
// |                       | 'unknown' (OB3 defines it as "credit hours" without a system). achievementType |
// |                       | MicroCredential is NOT taken as an ECTS marker: it is CTDL's generic type,     |
// |                       | used outside Europe too (MyNextID's creditsAvailable therefore reads unknown).  |
// |                       | $ach.SBU (Edubadges study load) and $ach.timeInvestment: hours                  |
// | M8 level              | $ach.alignment[*]: targetUrl http://data.europa.eu/snb/eqf/N (preferred), or    |
// |                       | targetType ext:EQF / ext:EQFLevel / targetFramework EQF with targetCode (else  |
// |                       | a number in targetName); QF-EHEA and NQF (NLQF, …/snb/qdr/…) alike; targetType |
// |                       | …Level without a framework → framework 'unknown'. eqf is set only for 1–8;     |
// |                       | other codes stay in entries for the check                                       |
// | M9 assessment type    | $ach.assessmentType (Edubadges), else $ach.resultDescription[*].assessmentType |
// |                       | (1EdTech Assessment Extension: Exam / Performance / Artifact)                  |
// | M10 participation     | $ach.participationType (Edubadges)                                             |
// | M11 quality assurance | $ach.alignment[*] with targetType ext:QualityAssurance (title = targetName,    |
// |                       | url = targetUrl); issuer(.parentOrg).accreditations[*] (Issuer Accreditation   |
// |                       | Extension: agent = name or id, url). Endorsements are not read as QA           |
// | O1 prerequisites      | not read: OB3 has no property for it                                           |
// | O2 supervision        | $ach.supervisionType (Edubadges) refined by $ach.identityChecked where the     |
// |                       | label alone does not say whether identity was verified                         |
// | O3 grade              | credentialSubject.result[*].value (else the rubric level named by              |
// |                       | achievedLevel); scheme = the name (else resultType) of the ResultDescription   |
// |                       | the result points to                                                           |
// | O4 stackability       | not read: OB3 has no property for it                                           |
// | O5 further info       | credential description (when not the achievement's), $ach.description when     |
// |                       | outcomes are structured, $ach.specialization, fieldOfStudy, humanCode, tag[*], |
// |                       | credentialSubject.narrative, evidence[*] (narrative, else description, else    |
// |                       | name; url or id as a link when it is http(s))                                  |
//
// Text: plain strings become {und: …}; JSON-LD value objects and arrays ({"@value", "@language"}) keep
// their languages. Numbers written as strings ("ECTS": "3", "2,5") are read as numbers.
import {
  emptyElements,
  setElement,
  type AwardingBodyValue,
  type ConceptValue,
  type CountryEntry,
  type LangMap,
  type LearnerIdentifier,
  type LearningOutcome,
  type LevelEntry,
  type QualityAssuranceEntry,
  type Sourced,
  type SupervisionOption,
  type WorkloadEntry,
} from '../model/elements.js';
import { childPointer, first, idOf, isObject, root, scalarText, walk, type Located } from './json.js';
import type { Adapted, FormatAdapter, JsonObject } from './types.js';
import {
  issuerCountryValue,
  issuerIdOf,
  issuingDateOrder,
  langMapAt,
  readIssuingDate,
  readLearner,
  readProfile,
  stringAt,
  subjectsOf,
  textAt,
  vcVersionOf,
  type ProfileReading,
} from './vc.js';
import { firstWorkloadValue, foldText, levelValue, qfEheaCycle, toNumber } from './values.js';
import {
  assessmentConcept,
  ECTS_CONCEPT,
  eqfFromConcept,
  participationConcept,
  supervisionConcept,
  type ConceptInput,
} from './vocabularies.js';

// --- Alignments -------------------------------------------------------------------------------------

type AlignmentKind = 'qualityAssurance' | 'level' | 'skill' | 'ects' | 'other';

interface AlignmentInfo {
  loc: Located;
  kind: AlignmentKind;
  targetType?: Sourced<string>;
  targetName?: Sourced<string>;
  targetCode?: Sourced<string>;
  targetUrl?: Sourced<string>;
  targetFramework?: Sourced<string>;
}

/** targetType without case, spaces, dashes or underscores: "ext:EQF-Level" → "ext:eqflevel". */
function compactType(text: string | undefined): string {
  return (text ?? '').toLowerCase().replace(/[\s_-]+/g, '');
}

/** The local name of a targetType ("ext:QualityAssurance" → "qualityassurance"). */
function localType(text: string | undefined): string {
  const compact = compactType(text);
  return compact.slice(compact.lastIndexOf(':') + 1);
}

/** ESCO concept URIs (http://data.europa.eu/esco/…) and ESCO portal pages. */
const ESCO_URL = /\/esco\/|^https?:\/\/esco\.ec\.europa\.eu\//i;
const DIGCOMP_URL = /^https?:\/\/data\.europa\.eu\/snb\/dcf\//i;
const NQF_URL = /^https?:\/\/data\.europa\.eu\/snb\/qdr\//i;

function isEctsText(text: string | undefined): boolean {
  if (!text) return false;
  const t = foldText(text);
  return /(^|[\s:])ects$/.test(t) || t.includes('european credit transfer');
}

type LevelFramework = LevelEntry['framework'];

function levelFramework(info: AlignmentInfo): LevelFramework | undefined {
  const type = localType(info.targetType?.value);
  const framework = foldText(info.targetFramework?.value ?? '');
  const url = info.targetUrl?.value ?? '';
  if (eqfFromConcept(url) !== undefined) return 'EQF';
  if (
    /^eqf(level)?$/.test(type) ||
    framework === 'eqf' ||
    framework.includes('european qualifications framework')
  ) {
    return 'EQF';
  }
  if (
    /^qfehea(level|cycle)?$/.test(type) ||
    /\bqf ?ehea\b|qualifications of the european higher education area/.test(framework)
  ) {
    return 'QF-EHEA';
  }
  if (
    /^(nqf|nlqf)(level)?$/.test(type) ||
    /\b(nqf|nlqf)\b|national qualifications? framework/.test(framework) ||
    NQF_URL.test(url)
  ) {
    return 'NQF';
  }
  if (/^(education)?level$/.test(type)) return 'unknown';
  return undefined;
}

function classify(loc: Located): AlignmentInfo {
  const info: AlignmentInfo = { loc, kind: 'other' };
  const read = (key: 'targetType' | 'targetName' | 'targetCode' | 'targetUrl' | 'targetFramework') => {
    const found = textAt(loc, key);
    if (found) info[key] = found;
  };
  read('targetType');
  read('targetName');
  read('targetCode');
  read('targetUrl');
  read('targetFramework');
  const type = localType(info.targetType?.value);
  const url = info.targetUrl?.value ?? '';
  if (
    type === 'qualityassurance' ||
    foldText(info.targetFramework?.value ?? '').includes('quality assurance')
  ) {
    info.kind = 'qualityAssurance';
  } else if (levelFramework(info)) {
    info.kind = 'level';
  } else if (url === ECTS_CONCEPT || type === 'ects' || isEctsText(info.targetFramework?.value)) {
    info.kind = 'ects';
  } else if (
    ESCO_URL.test(url) ||
    DIGCOMP_URL.test(url) ||
    type.startsWith('esco') ||
    type === 'cfitem' ||
    /(skill|competency|competence|learningoutcome)$/.test(type)
  ) {
    info.kind = 'skill';
  }
  return info;
}

// --- Levels -------------------------------------------------------------------------------------------

function levelEntry(info: AlignmentInfo): LevelEntry | undefined {
  const framework = levelFramework(info);
  if (!framework) return undefined;
  if (framework === 'EQF') {
    const fromUrl = eqfFromConcept(info.targetUrl?.value);
    if (fromUrl !== undefined && info.targetUrl) {
      return { framework, code: String(fromUrl), raw: info.targetUrl.value, pointer: info.targetUrl.pointer };
    }
  }
  const source = info.targetCode ?? info.targetName;
  if (!source) {
    return info.targetUrl
      ? { framework, code: info.targetUrl.value, raw: info.targetUrl.value, pointer: info.targetUrl.pointer }
      : undefined;
  }
  let code = source.value.trim();
  if (framework === 'EQF' || framework === 'unknown') {
    // "4", "EQF level 4", "Level 4": the number is the code.
    const digits = /^\D*?(-?\d+)\D*$/.exec(code);
    if (digits) code = String(Number(digits[1]));
  } else if (framework === 'QF-EHEA') {
    code = qfEheaCycle(code) ?? code;
  }
  return { framework, code, raw: source.value, pointer: source.pointer };
}

// --- Concepts (Edubadges values may be compacted terms or expanded glossary IRIs) ---------------------

const EDUBADGES_GLOSSARY =
  /^https?:\/\/[a-z.]*\/static\/obv3-glossary\.html#(?:assessment|participation|supervision)-type-(.+)$/i;

/** A concept input from a string, a glossary IRI, or an object with id / name / prefLabel. */
function conceptInput(loc: Located): ConceptInput | undefined {
  const value = loc.value;
  if (typeof value === 'string') {
    if (value.trim() === '') return undefined;
    const glossary = EDUBADGES_GLOSSARY.exec(value.trim());
    if (glossary)
      return {
        raw: value,
        concept: value,
        label: { en: glossary[1]!.replace(/-/g, ' ') },
        pointer: loc.pointer,
      };
    return { raw: value, pointer: loc.pointer };
  }
  if (isObject(value)) {
    const input: ConceptInput = { raw: value, pointer: loc.pointer };
    const id = idOf(value);
    if (id) input.concept = id;
    const label = langMapAt(loc, 'prefLabel') ?? langMapAt(loc, 'name') ?? langMapAt(loc, 'label');
    if (label) input.label = label.value;
    return id || label ? input : undefined;
  }
  return undefined;
}

function firstConcept(locs: Located[]): ConceptInput | undefined {
  for (const loc of locs) {
    const input = conceptInput(loc);
    if (input) return input;
  }
  return undefined;
}

function booleanAt(loc: Located | undefined): (Located & { value: boolean }) | undefined {
  if (!loc) return undefined;
  if (typeof loc.value === 'boolean') return { value: loc.value, pointer: loc.pointer };
  if (loc.value === 'true' || loc.value === 'false')
    return { value: loc.value === 'true', pointer: loc.pointer };
  return undefined;
}

/**
 * Supervision from Edubadges' supervisionType and identityChecked. Where the label says whether the
 * assessment was supervised but not whether identity was verified ("supervised online"),
 * identityChecked decides; an unsupervised assessment with identity checked has no Annex option.
 */
function supervisionValue(
  type: ConceptInput | undefined,
  identityChecked: (Located & { value: boolean }) | undefined,
): ConceptValue<SupervisionOption> | undefined {
  if (!type) {
    return identityChecked ? { raw: identityChecked.value, pointer: identityChecked.pointer } : undefined;
  }
  const value = supervisionConcept(type);
  if (value.annex || !identityChecked) return value;
  const texts = [typeof type.raw === 'string' ? type.raw : '', ...Object.values(type.label ?? {})].map(
    foldText,
  );
  const supervised = texts.some(
    (t) => /\b(supervised|proctored|onsite|on site|online)\b/.test(t) && !/\bunsupervised\b/.test(t),
  );
  const unsupervised = texts.some((t) => /\bunsupervised\b/.test(t));
  if (supervised) {
    value.annex = identityChecked.value
      ? 'supervised online or onsite with identity verification'
      : 'supervised with no identity verification';
  } else if (unsupervised && !identityChecked.value) {
    value.annex = 'unsupervised with no identity verification';
  }
  return value;
}

// --- Learner identifiers (IdentityObject) ---------------------------------------------------------------

interface IdentityReading {
  identifiers: LearnerIdentifier[];
  name?: Sourced<string>;
  email?: Sourced<string>;
  nationalId?: Sourced<string>;
}

function readIdentities(subject: Located): IdentityReading {
  const reading: IdentityReading = { identifiers: [] };
  for (const entry of walk(subject, 'identifier')) {
    if (typeof entry.value === 'string') {
      if (entry.value.trim() !== '') reading.identifiers.push({ value: entry.value, pointer: entry.pointer });
      continue;
    }
    const hash = textAt(entry, 'identityHash') ?? textAt(entry, 'identifier') ?? textAt(entry, 'value');
    if (!hash) continue;
    const type = textAt(entry, 'identityType') ?? textAt(entry, 'identifierType');
    const flag = booleanAt(first(entry, 'hashed'));
    // `hashed` is required by OB3; when it is missing, a "sha256$…"/"md5$…" value is still a hash.
    const hashed = flag ? flag.value : /^(sha256|md5)\$[0-9a-f]+$/i.test(hash.value);
    const identifier: LearnerIdentifier = { value: hash.value, hashed, pointer: hash.pointer };
    if (type) identifier.scheme = type.value;
    reading.identifiers.push(identifier);
    if (hashed || !type) continue;
    const kind = type.value.replace(/^ext:/, '');
    if (kind === 'name') reading.name ??= hash;
    else if (kind === 'emailAddress' || kind === 'email') reading.email ??= hash;
    else if (kind === 'nationalIdentityNumber') reading.nationalId ??= hash;
  }
  return reading;
}

// --- Workload ---------------------------------------------------------------------------------------

function creditEntry(loc: Located, unit: string, kind: WorkloadEntry['kind'] = 'credits'): WorkloadEntry {
  return { kind, amount: toNumber(loc.value), rawValue: loc.value, unit, pointer: loc.pointer };
}

/** Values present at a key: a scalar, or each item of an array (objects are not numbers). */
function scalarsAt(start: Located, key: string): Located[] {
  return walk(start, key).filter((l) => scalarText(l.value) !== undefined || typeof l.value === 'boolean');
}

// --- The adapter -------------------------------------------------------------------------------------

function textLines(parts: (Sourced<LangMap> | undefined)[]): Sourced<LangMap>[] {
  return parts.filter((p): p is Sourced<LangMap> => p !== undefined);
}

function mergeLangMaps(parts: LangMap[]): LangMap | undefined {
  const merged: LangMap = {};
  for (const part of parts) {
    for (const [lang, text] of Object.entries(part))
      merged[lang] = merged[lang] ? `${merged[lang]}\n${text}` : text;
  }
  return Object.keys(merged).length > 0 ? merged : undefined;
}

function sameText(a: LangMap | undefined, b: LangMap | undefined): boolean {
  return !!a && !!b && JSON.stringify(a) === JSON.stringify(b);
}

export const ob3Adapter: FormatAdapter = {
  id: 'ob3',
  adapt(document: JsonObject): Adapted {
    const elements = emptyElements();
    const top = root(document);
    const vcVersion = vcVersionOf(document);
    const subjects = subjectsOf(document);
    const ach = walk(subjects, 'achievement')[0];
    const alignments = ach ? walk(ach, 'alignment').map(classify) : [];

    // M1 learner
    const identities = new Map<Located, IdentityReading>();
    for (const subject of subjects) identities.set(subject, readIdentities(subject));
    const learner = readLearner(subjects, (subject) => identities.get(subject)?.identifiers ?? []);
    if (learner) {
      const own = subjects[0] ? identities.get(subjects[0]) : undefined;
      if (own?.name && !learner.value.name) learner.value.name = { und: own.name.value };
      if (own?.email && !learner.value.email) learner.value.email = own.email.value;
      if (own?.nationalId && !learner.value.nationalId) learner.value.nationalId = own.nationalId.value;
      setElement(elements, 'learner', learner.value, learner.pointers);
    }

    // M2 title
    const title = (ach && langMapAt(ach, 'name')) ?? langMapAt(top, 'name');
    if (title) setElement(elements, 'title', title.value, [title.pointer]);

    // M3 country and M4 awarding body
    const issuerLoc = first(top, 'issuer');
    const issuer = issuerLoc ? readProfile(issuerLoc, 'issuer') : undefined;
    const parentOrgs = issuerLoc ? walk(issuerLoc, 'parentOrg').map((l) => readProfile(l, 'issuer')) : [];
    const sources = walk(subjects.slice(0, 1), 'source')
      .map((l) => readProfile(l, 'awardingBody'))
      .filter(
        (s): s is ProfileReading =>
          !!s && !(s.organisation.id && s.organisation.id === issuer?.organisation.id),
      );
    const countrySources: (ProfileReading | undefined)[] = [issuer, ...parentOrgs, ...sources];
    let countries: CountryEntry[] = countrySources.flatMap((r) => r?.countries ?? []);
    let regions = countrySources.flatMap((r) => r?.regions ?? []);
    if (countries.length === 0 && ach) {
      const creators = walk(ach, 'creator').map((l) => readProfile(l, 'issuer'));
      countries = creators.flatMap((r) => r?.countries ?? []);
      regions = [...regions, ...creators.flatMap((r) => r?.regions ?? [])];
    }
    if (countries.length > 0 || regions.length > 0) {
      setElement(elements, 'issuerCountry', issuerCountryValue(countries, regions), [
        ...countries.map((c) => c.pointer),
        ...regions.map((r) => r.pointer),
      ]);
    }
    if (issuer || sources.length > 0) {
      const bodies = [...(issuer ? [issuer.organisation] : []), ...sources.map((s) => s.organisation)];
      const awarding: AwardingBodyValue = { bodies, fromIssuer: sources.length === 0 };
      if (issuer) awarding.issuer = issuer.organisation;
      setElement(elements, 'awardingBody', awarding, [
        ...(issuer?.pointers ?? []),
        ...sources.flatMap((s) => s.pointers),
      ]);
    }

    // M5 date of issuing
    const date = readIssuingDate(document, [...issuingDateOrder(vcVersion), 'awardedDate']);
    if (date) setElement(elements, 'dateOfIssuing', date.value, [date.pointer]);

    // M6 learning outcomes
    const skillOutcomes: LearningOutcome[] = [];
    for (const info of alignments.filter((a) => a.kind === 'skill')) {
      const outcome: LearningOutcome = {
        skills: info.targetUrl ? [info.targetUrl.value] : [],
        pointer: info.loc.pointer,
      };
      const text = langMapAt(info.loc, 'targetName') ?? langMapAt(info.loc, 'targetDescription');
      if (text) outcome.text = text.value;
      if (outcome.text || outcome.skills.length > 0) skillOutcomes.push(outcome);
    }
    const achDescription = ach ? langMapAt(ach, 'description') : undefined;
    if (skillOutcomes.length > 0) {
      setElement(
        elements,
        'learningOutcomes',
        { outcomes: skillOutcomes, structured: true },
        skillOutcomes.map((o) => o.pointer),
      );
    } else if (ach) {
      const free = textLines([achDescription, langMapAt(ach, 'criteria', 'narrative')]);
      if (free.length > 0) {
        setElement(
          elements,
          'learningOutcomes',
          {
            outcomes: free.map((f) => ({ text: f.value, skills: [], pointer: f.pointer })),
            structured: false,
          },
          free.map((f) => f.pointer),
        );
      }
    }

    // M7 workload
    if (ach) {
      const entries: WorkloadEntry[] = [];
      const ects = [...scalarsAt(ach, 'ECTS'), ...scalarsAt(ach, 'ects')].map((l) => creditEntry(l, 'ECTS'));
      entries.push(...ects);
      const ectsMarked = alignments.some((a) => a.kind === 'ects');
      let credits = scalarsAt(ach, 'creditsAvailable');
      if (credits.length === 0)
        credits = walk(subjects.slice(0, 1), 'creditsEarned').filter(
          (l) => scalarText(l.value) !== undefined,
        );
      for (const loc of credits) {
        const amount = toNumber(loc.value);
        const matchesEcts = amount !== null && ects.some((e) => e.amount === amount);
        entries.push(creditEntry(loc, ectsMarked || matchesEcts ? 'ECTS' : 'unknown'));
      }
      for (const key of ['SBU', 'timeInvestment']) {
        entries.push(...scalarsAt(ach, key).map((l) => creditEntry(l, 'hours', 'duration')));
      }
      if (entries.length > 0) {
        setElement(elements, 'workload', firstWorkloadValue(entries), [
          ...entries.map((e) => e.pointer),
          ...alignments.filter((a) => a.kind === 'ects').map((a) => a.loc.pointer),
        ]);
      }
    }

    // M8 level
    const levelSources = alignments.flatMap((info) => {
      const entry = levelEntry(info);
      return entry ? [{ entry, alignment: info.loc.pointer }] : [];
    });
    if (levelSources.length > 0) {
      setElement(
        elements,
        'level',
        levelValue(levelSources.map((l) => l.entry)),
        levelSources.flatMap((l) => [l.entry.pointer, l.alignment]),
      );
    }

    // M9 assessment type
    if (ach) {
      const candidates = [
        ...walk(ach, 'assessmentType'),
        ...walk(ach, 'resultDescription', 'assessmentType'),
      ];
      const input = firstConcept(candidates);
      if (input)
        setElement(
          elements,
          'assessmentType',
          assessmentConcept(input),
          candidates.map((c) => c.pointer),
        );
    }

    // M10 participation
    if (ach) {
      const candidates = walk(ach, 'participationType');
      const input = firstConcept(candidates);
      if (input)
        setElement(
          elements,
          'participationForm',
          participationConcept(input),
          candidates.map((c) => c.pointer),
        );
    }

    // M11 quality assurance
    const qa: QualityAssuranceEntry[] = [];
    for (const info of alignments.filter((a) => a.kind === 'qualityAssurance')) {
      const entry: QualityAssuranceEntry = { pointer: info.loc.pointer };
      const titleText = langMapAt(info.loc, 'targetName');
      if (titleText) entry.title = titleText.value;
      if (info.targetUrl) entry.url = info.targetUrl.value;
      qa.push(entry);
    }
    const accreditationHolders = issuerLoc ? [issuerLoc, ...walk(issuerLoc, 'parentOrg')] : [];
    for (const accreditation of walk(accreditationHolders, 'accreditations')) {
      const entry: QualityAssuranceEntry = { pointer: accreditation.pointer };
      if (typeof accreditation.value === 'string') {
        if (accreditation.value.trim() === '') continue;
        entry.agent = accreditation.value;
        if (/^https?:\/\//i.test(accreditation.value)) entry.url = accreditation.value;
      } else if (isObject(accreditation.value)) {
        const name = langMapAt(accreditation, 'name');
        const id = idOf(accreditation.value);
        const agent = name ? (name.value.en ?? name.value.und ?? Object.values(name.value)[0]) : id;
        if (agent) entry.agent = agent;
        const url =
          stringAt(first(accreditation, 'url'))?.value ?? (id && /^https?:\/\//i.test(id) ? id : undefined);
        if (url) entry.url = url;
        if (!entry.agent && !entry.url) continue;
      } else {
        continue;
      }
      qa.push(entry);
    }
    if (qa.length > 0)
      setElement(
        elements,
        'qualityAssurance',
        { entries: qa },
        qa.map((e) => e.pointer),
      );

    // O2 supervision
    if (ach) {
      const typeLocs = walk(ach, 'supervisionType');
      const identityChecked = booleanAt(first(ach, 'identityChecked'));
      const value = supervisionValue(firstConcept(typeLocs), identityChecked);
      if (value) {
        setElement(elements, 'supervision', value, [
          ...typeLocs.map((l) => l.pointer),
          ...(identityChecked ? [identityChecked.pointer] : []),
        ]);
      }
    }

    // O3 grade
    const descriptions = ach ? walk(ach, 'resultDescription') : [];
    const describedBy = (result: Located): Located | undefined => {
      const ref = textAt(result, 'resultDescription')?.value;
      return ref ? descriptions.find((d) => idOf(d.value) === ref) : undefined;
    };
    for (const result of walk(subjects, 'result')) {
      const description = describedBy(result);
      let grade = textAt(result, 'value');
      if (!grade) {
        const levelRef = textAt(result, 'achievedLevel');
        const level =
          levelRef && description
            ? walk(description, 'rubricCriterionLevel').find((l) => idOf(l.value) === levelRef.value)
            : undefined;
        const levelName = level ? (textAt(level, 'name') ?? textAt(level, 'level')) : undefined;
        if (levelName) grade = levelName;
      }
      if (!grade) continue;
      const scheme = description
        ? (textAt(description, 'name') ?? textAt(description, 'resultType'))
        : undefined;
      setElement(
        elements,
        'grade',
        scheme
          ? { value: grade.value, scheme: scheme.value, pointer: grade.pointer }
          : { value: grade.value, pointer: grade.pointer },
        [grade.pointer, ...(scheme ? [scheme.pointer] : [])],
      );
      break;
    }

    // O5 further information
    const credentialDescription = langMapAt(top, 'description');
    const parts: Sourced<LangMap>[] = [];
    if (credentialDescription && !sameText(credentialDescription.value, achDescription?.value))
      parts.push(credentialDescription);
    if (achDescription && skillOutcomes.length > 0) parts.push(achDescription);
    if (ach) {
      const labelled = (label: string, found: Sourced<LangMap> | undefined): Sourced<LangMap> | undefined =>
        found && {
          value: Object.fromEntries(
            Object.entries(found.value).map(([lang, text]) => [lang, `${label}: ${text}`]),
          ),
          pointer: found.pointer,
        };
      parts.push(
        ...textLines([
          labelled('Specialization', langMapAt(ach, 'specialization')),
          labelled('Field of study', langMapAt(ach, 'fieldOfStudy')),
          labelled('Code', langMapAt(ach, 'humanCode')),
        ]),
      );
      const tags = walk(ach, 'tag').filter((t) => typeof t.value === 'string' && t.value.trim() !== '');
      if (tags.length > 0) {
        parts.push({
          value: { und: `Tags: ${tags.map((t) => t.value as string).join(', ')}` },
          pointer: childPointer(ach.pointer, 'tag'),
        });
      }
    }
    parts.push(...textLines(subjects.slice(0, 1).map((s) => langMapAt(s, 'narrative'))));
    const links: Sourced<string>[] = [];
    for (const evidence of walk(top, 'evidence')) {
      const text =
        langMapAt(evidence, 'narrative') ?? langMapAt(evidence, 'description') ?? langMapAt(evidence, 'name');
      if (text) parts.push(text);
      const link =
        typeof evidence.value === 'string'
          ? stringAt(evidence)
          : (stringAt(first(evidence, 'url')) ?? stringAt(first(evidence, 'id')));
      if (link && /^https?:\/\//i.test(link.value)) links.push(link);
    }
    const text = mergeLangMaps(parts.map((p) => p.value));
    if (text || links.length > 0) {
      const value = text ? { text, links: links.map((l) => l.value) } : { links: links.map((l) => l.value) };
      setElement(elements, 'furtherInformation', value, [
        ...parts.map((p) => p.pointer),
        ...links.map((l) => l.pointer),
      ]);
    }

    const adapted: Adapted = { format: 'ob3', elements, findings: [] };
    if (vcVersion) adapted.vcVersion = vcVersion;
    const issuerId = issuerIdOf(document);
    if (issuerId) adapted.issuerId = issuerId;
    return adapted;
  },
};
