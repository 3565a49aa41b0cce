// The native Annex I record (recordType "AnnexIRecord"; schema: schemas/annex-record.schema.json):
// a plain-JSON format for registrars whose properties are the Annex I elements themselves. The
// adapter maps each property onto the element model with pointers; the schema check validates the
// record's shape and the element checks judge the values.
//
// | Element               | Record property → element value                                               |
// |-----------------------|-------------------------------------------------------------------------------|
// | M1 learner            | learner: a name, or {name, givenName, familyName, id, email, dateOfBirth,      |
// |                       | nationalId, identifiers: [string | {scheme, value}]}; subjectCount 1           |
// | M2 title              | title: text or language map                                                   |
// | M3 issuer country     | issuerCountry: code | {country, region} | a list (role issuer), plus         |
// |                       | awardingBody[*].country (role awardingBody); invalid codes keep no alpha2     |
// | M4 awarding body      | awardingBody: a name, {name, id, country, identifiers, homepage}, or a list;  |
// |                       | fromIssuer false                                                              |
// | M5 date of issuing    | dateOfIssuing (property "dateOfIssuing", no fallback)                        |
// | M6 learning outcomes  | learningOutcomes: one text → free text (structured false); a list of texts or |
// |                       | {text, skills} → structured (an object with skills is structured even alone)  |
// | M7 workload           | workload: {ects, hours, duration (xsd:duration → hours), credits: {value,     |
// |                       | unit} | [...] (unit ECTS / ECVET / name / concept URI)}                       |
// | M8 level              | level: {eqf (number, "6" or …/snb/eqf/6), qfEhea (short/first/second/third),  |
// |                       | nqf (text or {framework, level})}; a bare number or text → framework unknown  |
// | M9, M10, O2, O4       | assessmentType, participationForm, supervision, stackability: a label, a      |
// |                       | language map, or {concept, label}; a list → the first (all pointers kept)     |
// | M11 quality assurance | qualityAssurance: text (→ title) | {type, title, agent, url} | a list        |
// | O1 prerequisites      | prerequisites: text, language map, or a list of them (joined)                 |
// | O3 grade              | grade: text, number, or {value, scheme}                                       |
// | O5 further info       | furtherInformation: text, language map, or {text, links}                      |
import {
  emptyElements,
  setElement,
  type AwardingBodyValue,
  type ConceptValue,
  type CountryEntry,
  type LangMap,
  type LearnerIdentifier,
  type LearnerValue,
  type LearningOutcome,
  type LevelEntry,
  type OrganisationValue,
  type QualityAssuranceEntry,
  type Sourced,
  type WorkloadEntry,
} from '../model/elements.js';
import { childPointer, isObject, items, root, scalarText, type Located } from './json.js';
import type { Adapted, FormatAdapter, JsonObject } from './types.js';
import {
  durationEntry,
  firstWorkloadValue,
  langMap,
  levelValue,
  qfEheaCycle,
  toAlpha2,
  toNumber,
} from './values.js';
import {
  assessmentConcept,
  creditSystem,
  eqfFromConcept,
  participationConcept,
  stackabilityConcept,
  supervisionConcept,
  type ConceptInput,
} from './vocabularies.js';

export const ANNEX_RECORD_TYPE = 'AnnexIRecord';
export const ANNEX_RECORD_SCHEMA_ID = 'https://mcred.eu/schemas/annex-record.schema.json';

/** Keys of a language map in the record: a 2–3 letter primary language tag, or "und". */
const LANG_KEY = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;

function isLangMapObject(value: unknown): boolean {
  return (
    isObject(value) && Object.keys(value).length > 0 && Object.keys(value).every((k) => LANG_KEY.test(k))
  );
}

/** Text or a language map at a location (arrays of texts are joined by langMap). */
function textAt(loc: Located | undefined): Sourced<LangMap> | undefined {
  if (!loc) return undefined;
  if (isObject(loc.value) && !isLangMapObject(loc.value)) return undefined;
  const map = langMap(loc.value);
  return map ? { value: map, pointer: loc.pointer } : undefined;
}

function stringAt(loc: Located | undefined): Sourced<string> | undefined {
  if (!loc) return undefined;
  const text = scalarText(loc.value);
  return text !== undefined && text.trim() !== '' ? { value: text, pointer: loc.pointer } : undefined;
}

function prop(loc: Located, key: string): Located | undefined {
  if (!isObject(loc.value) || !Object.prototype.hasOwnProperty.call(loc.value, key)) return undefined;
  const value = loc.value[key];
  return value === undefined || value === null
    ? undefined
    : { value, pointer: childPointer(loc.pointer, key) };
}

// --- M1 learner --------------------------------------------------------------------------------------

function readLearner(loc: Located): { value: LearnerValue; pointers: string[] } | undefined {
  const value: LearnerValue = { identifiers: [], subjectCount: 1 };
  const pointers: string[] = [];
  if (!isObject(loc.value)) {
    const name = textAt(loc);
    if (!name) return undefined;
    value.name = name.value;
    return { value, pointers: [name.pointer] };
  }
  for (const key of ['name', 'givenName', 'familyName'] as const) {
    const text = textAt(prop(loc, key));
    if (text) {
      value[key] = text.value;
      pointers.push(text.pointer);
    }
  }
  for (const key of ['id', 'email', 'dateOfBirth', 'nationalId'] as const) {
    const text = stringAt(prop(loc, key));
    if (text) {
      value[key] = text.value;
      pointers.push(text.pointer);
    }
  }
  value.identifiers = readIdentifiers(prop(loc, 'identifiers'));
  pointers.push(...value.identifiers.map((i) => i.pointer));
  return pointers.length > 0 ? { value, pointers } : undefined;
}

function readIdentifiers(loc: Located | undefined): LearnerIdentifier[] {
  const result: LearnerIdentifier[] = [];
  for (const item of items(loc)) {
    const plain = stringAt(item);
    if (plain) {
      result.push({ value: plain.value, pointer: plain.pointer });
      continue;
    }
    const value = stringAt(prop(item, 'value'));
    if (!value) continue;
    const scheme = stringAt(prop(item, 'scheme'));
    result.push(
      scheme
        ? { scheme: scheme.value, value: value.value, pointer: value.pointer }
        : { value: value.value, pointer: value.pointer },
    );
  }
  return result;
}

// --- M3 / M4 -----------------------------------------------------------------------------------------

function countryEntries(
  loc: Located | undefined,
  role: CountryEntry['role'],
): { entries: CountryEntry[]; regions: Sourced<string>[] } {
  const entries: CountryEntry[] = [];
  const regions: Sourced<string>[] = [];
  for (const item of items(loc)) {
    const code = isObject(item.value) ? stringAt(prop(item, 'country')) : stringAt(item);
    if (code) {
      const entry: CountryEntry = { raw: code.value, role, pointer: code.pointer };
      const alpha2 = toAlpha2(code.value);
      if (alpha2) entry.alpha2 = alpha2;
      entries.push(entry);
    }
    const region = isObject(item.value) ? stringAt(prop(item, 'region')) : undefined;
    if (region) regions.push(region);
  }
  return { entries, regions };
}

function readOrganisation(
  loc: Located,
):
  | { value: OrganisationValue; countries: CountryEntry[]; regions: Sourced<string>[]; pointers: string[] }
  | undefined {
  const value: OrganisationValue = { identifiers: [], countries: [], pointer: loc.pointer };
  if (!isObject(loc.value)) {
    const name = textAt(loc);
    if (!name) return undefined;
    value.name = name.value;
    return { value, countries: [], regions: [], pointers: [name.pointer] };
  }
  const pointers: string[] = [];
  const name = textAt(prop(loc, 'name'));
  if (name) {
    value.name = name.value;
    pointers.push(name.pointer);
  }
  const id = stringAt(prop(loc, 'id'));
  if (id) {
    value.id = id.value;
    pointers.push(id.pointer);
  }
  const homepage = stringAt(prop(loc, 'homepage'));
  if (homepage) {
    value.homepage = homepage.value;
    pointers.push(homepage.pointer);
  }
  for (const identifier of readIdentifiers(prop(loc, 'identifiers'))) {
    const entry: OrganisationValue['identifiers'][number] = {
      value: identifier.value!,
      pointer: identifier.pointer,
    };
    if (identifier.scheme) entry.scheme = identifier.scheme;
    value.identifiers.push(entry);
    pointers.push(identifier.pointer);
  }
  const { entries, regions } = countryEntries(prop(loc, 'country'), 'awardingBody');
  value.countries = [...new Set(entries.map((e) => e.alpha2).filter((c): c is string => !!c))];
  pointers.push(...entries.map((e) => e.pointer), ...regions.map((r) => r.pointer));
  return pointers.length > 0 ? { value, countries: entries, regions, pointers } : undefined;
}

// --- M6 ----------------------------------------------------------------------------------------------

function readOutcome(loc: Located): LearningOutcome | undefined {
  if (isObject(loc.value) && !isLangMapObject(loc.value)) {
    const outcome: LearningOutcome = { skills: [], pointer: loc.pointer };
    const text = textAt(prop(loc, 'text'));
    if (text) outcome.text = text.value;
    for (const skill of items(prop(loc, 'skills'))) {
      const uri = stringAt(skill);
      if (uri) outcome.skills.push(uri.value);
    }
    return outcome.text || outcome.skills.length > 0 ? outcome : undefined;
  }
  const text = textAt(loc);
  return text ? { text: text.value, skills: [], pointer: text.pointer } : undefined;
}

// --- M7 ----------------------------------------------------------------------------------------------

function workloadEntries(loc: Located): WorkloadEntry[] {
  const entries: WorkloadEntry[] = [];
  const amount = (
    l: Located,
    kind: WorkloadEntry['kind'],
    unit: string,
    value = toNumber(l.value),
  ): WorkloadEntry => ({
    kind,
    amount: value,
    rawValue: l.value,
    unit,
    pointer: l.pointer,
  });
  const ects = prop(loc, 'ects');
  if (ects) entries.push(amount(ects, 'credits', 'ECTS'));
  const hours = prop(loc, 'hours');
  if (hours) entries.push(amount(hours, 'duration', 'hours'));
  const duration = prop(loc, 'duration');
  if (duration) entries.push(durationEntry(duration));
  for (const credit of items(prop(loc, 'credits'))) {
    const value = prop(credit, 'value');
    if (!value) continue;
    const unit = stringAt(prop(credit, 'unit'));
    entries.push(amount(value, 'credits', unit ? creditSystem(unit.value) : 'unknown'));
  }
  return entries;
}

// --- M8 ----------------------------------------------------------------------------------------------

function levelEntries(loc: Located): LevelEntry[] {
  if (!isObject(loc.value)) {
    const code = stringAt(loc);
    return code
      ? [{ framework: 'unknown', code: code.value.trim(), raw: loc.value, pointer: loc.pointer }]
      : [];
  }
  const entries: LevelEntry[] = [];
  const eqf = prop(loc, 'eqf');
  const eqfText = stringAt(eqf);
  if (eqf && eqfText) {
    const fromConcept = eqfFromConcept(eqfText.value);
    const code =
      fromConcept !== undefined
        ? String(fromConcept)
        : eqfText.value.trim().replace(/^(eqf\s*)?(level\s*)?/i, '');
    entries.push({ framework: 'EQF', code, raw: eqf.value, pointer: eqf.pointer });
  }
  const qf = prop(loc, 'qfEhea');
  const qfText = stringAt(qf);
  if (qf && qfText) {
    entries.push({
      framework: 'QF-EHEA',
      code: qfEheaCycle(qfText.value) ?? qfText.value.trim(),
      raw: qf.value,
      pointer: qf.pointer,
    });
  }
  const nqf = prop(loc, 'nqf');
  if (nqf) {
    const level = isObject(nqf.value) ? prop(nqf, 'level') : nqf;
    const levelText = stringAt(level);
    if (level && levelText) {
      const framework = isObject(nqf.value) ? stringAt(prop(nqf, 'framework')) : undefined;
      const code = framework ? `${framework.value} ${levelText.value}` : levelText.value;
      entries.push({ framework: 'NQF', code: code.trim(), raw: nqf.value, pointer: level.pointer });
    }
  }
  return entries;
}

// --- Concepts ----------------------------------------------------------------------------------------

function conceptInput(loc: Located): ConceptInput | undefined {
  if (isObject(loc.value) && !isLangMapObject(loc.value)) {
    const input: ConceptInput = { raw: loc.value, pointer: loc.pointer };
    const concept = stringAt(prop(loc, 'concept'));
    if (concept) input.concept = concept.value;
    const label = textAt(prop(loc, 'label'));
    if (label) input.label = label.value;
    return concept || label ? input : undefined;
  }
  if (isObject(loc.value)) {
    const label = textAt(loc);
    return label ? { raw: loc.value, label: label.value, pointer: loc.pointer } : undefined;
  }
  const text = stringAt(loc);
  return text ? { raw: loc.value, pointer: loc.pointer } : undefined;
}

function setConcept<O extends string>(
  record: Located,
  key: string,
  map: (input: ConceptInput) => ConceptValue<O>,
  set: (value: ConceptValue<O>, pointers: string[]) => void,
): void {
  const list = items(prop(record, key));
  for (const loc of list) {
    const input = conceptInput(loc);
    if (input) {
      set(
        map(input),
        list.map((l) => l.pointer),
      );
      return;
    }
  }
}

// --- M11 ---------------------------------------------------------------------------------------------

function qaEntry(loc: Located): QualityAssuranceEntry | undefined {
  if (!isObject(loc.value)) {
    const title = textAt(loc);
    return title ? { title: title.value, pointer: loc.pointer } : undefined;
  }
  const entry: QualityAssuranceEntry = { pointer: loc.pointer };
  const type = prop(loc, 'type');
  const typeInput = type ? conceptInput(type) : undefined;
  if (typeInput) {
    const value: ConceptValue = { raw: typeInput.raw, pointer: typeInput.pointer };
    if (typeInput.concept) value.concept = typeInput.concept;
    if (typeInput.label) value.label = typeInput.label;
    entry.type = value;
  }
  const title = textAt(prop(loc, 'title'));
  if (title) entry.title = title.value;
  const agent = stringAt(prop(loc, 'agent'));
  if (agent) entry.agent = agent.value;
  const url = stringAt(prop(loc, 'url'));
  if (url) entry.url = url.value;
  return entry.type || entry.title || entry.agent || entry.url ? entry : undefined;
}

// --- The adapter -------------------------------------------------------------------------------------

export const annexAdapter: FormatAdapter = {
  id: 'annex',
  adapt(document: JsonObject): Adapted {
    const elements = emptyElements();
    const record = root(document);

    const learnerLoc = prop(record, 'learner');
    const learner = learnerLoc ? readLearner(learnerLoc) : undefined;
    if (learner) setElement(elements, 'learner', learner.value, learner.pointers);

    const title = textAt(prop(record, 'title'));
    if (title) setElement(elements, 'title', title.value, [title.pointer]);

    const bodies = items(prop(record, 'awardingBody'))
      .map(readOrganisation)
      .filter((b): b is NonNullable<ReturnType<typeof readOrganisation>> => !!b);
    if (bodies.length > 0) {
      const value: AwardingBodyValue = { bodies: bodies.map((b) => b.value), fromIssuer: false };
      setElement(
        elements,
        'awardingBody',
        value,
        bodies.flatMap((b) => b.pointers),
      );
    }

    const issuer = countryEntries(prop(record, 'issuerCountry'), 'issuer');
    const entries = [...bodies.flatMap((b) => b.countries), ...issuer.entries];
    const regions = [...bodies.flatMap((b) => b.regions), ...issuer.regions];
    if (entries.length > 0 || regions.length > 0) {
      const countries = [...new Set(entries.map((e) => e.alpha2).filter((c): c is string => !!c))];
      setElement(elements, 'issuerCountry', { countries, regions, entries }, [
        ...entries.map((e) => e.pointer),
        ...regions.map((r) => r.pointer),
      ]);
    }

    // Only a string is a date; a number is left to the schema check (SCHEMA_NATIVE_INVALID).
    const date = prop(record, 'dateOfIssuing');
    if (date && typeof date.value === 'string' && date.value.trim() !== '') {
      setElement(
        elements,
        'dateOfIssuing',
        { raw: date.value, property: 'dateOfIssuing', fallbackFrom: [] },
        [date.pointer],
      );
    }

    const outcomesLoc = prop(record, 'learningOutcomes');
    if (outcomesLoc) {
      const list = Array.isArray(outcomesLoc.value);
      const outcomes = items(outcomesLoc)
        .map(readOutcome)
        .filter((o): o is LearningOutcome => !!o);
      if (outcomes.length > 0) {
        const structured = list || outcomes.some((o) => o.skills.length > 0);
        setElement(
          elements,
          'learningOutcomes',
          { outcomes, structured },
          outcomes.map((o) => o.pointer),
        );
      }
    }

    const workloadLoc = prop(record, 'workload');
    const workload = workloadLoc ? workloadEntries(workloadLoc) : [];
    if (workload.length > 0)
      setElement(
        elements,
        'workload',
        firstWorkloadValue(workload),
        workload.map((e) => e.pointer),
      );

    const levelLoc = prop(record, 'level');
    const levels = levelLoc ? levelEntries(levelLoc) : [];
    if (levels.length > 0)
      setElement(
        elements,
        'level',
        levelValue(levels),
        levels.map((e) => e.pointer),
      );

    setConcept(record, 'assessmentType', assessmentConcept, (v, p) =>
      setElement(elements, 'assessmentType', v, p),
    );
    setConcept(record, 'participationForm', participationConcept, (v, p) =>
      setElement(elements, 'participationForm', v, p),
    );
    setConcept(record, 'supervision', supervisionConcept, (v, p) =>
      setElement(elements, 'supervision', v, p),
    );
    setConcept(record, 'stackability', stackabilityConcept, (v, p) =>
      setElement(elements, 'stackability', v, p),
    );

    const qa = items(prop(record, 'qualityAssurance'))
      .map(qaEntry)
      .filter((e): e is QualityAssuranceEntry => !!e);
    if (qa.length > 0)
      setElement(
        elements,
        'qualityAssurance',
        { entries: qa },
        qa.map((e) => e.pointer),
      );

    const prerequisites = textAt(prop(record, 'prerequisites'));
    if (prerequisites) setElement(elements, 'prerequisites', prerequisites.value, [prerequisites.pointer]);

    const gradeLoc = prop(record, 'grade');
    if (gradeLoc) {
      const value = isObject(gradeLoc.value) ? stringAt(prop(gradeLoc, 'value')) : stringAt(gradeLoc);
      if (value) {
        const scheme = isObject(gradeLoc.value) ? stringAt(prop(gradeLoc, 'scheme')) : undefined;
        setElement(
          elements,
          'grade',
          scheme
            ? { value: value.value, scheme: scheme.value, pointer: value.pointer }
            : { value: value.value, pointer: value.pointer },
          [value.pointer, ...(scheme ? [scheme.pointer] : [])],
        );
      }
    }

    const infoLoc = prop(record, 'furtherInformation');
    if (infoLoc) {
      const structured = isObject(infoLoc.value) && !isLangMapObject(infoLoc.value);
      const text = structured ? textAt(prop(infoLoc, 'text')) : textAt(infoLoc);
      const links = structured
        ? items(prop(infoLoc, 'links'))
            .map(stringAt)
            .filter((l): l is Sourced<string> => !!l)
        : [];
      if (text || links.length > 0) {
        const value = text
          ? { text: text.value, links: links.map((l) => l.value) }
          : { links: links.map((l) => l.value) };
        setElement(elements, 'furtherInformation', value, [
          ...(text ? [text.pointer] : []),
          ...links.map((l) => l.pointer),
        ]);
      }
    }

    return { format: 'annex', elements, findings: [] };
  },
};

/** Does the document say it is a native Annex I record? */
export function isAnnexRecord(document: unknown): boolean {
  return isObject(document) && document.recordType === ANNEX_RECORD_TYPE;
}
