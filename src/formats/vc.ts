// The generic W3C Verifiable Credential adapter (VCDM 1.1 and 2.0), for any VC that is not an EDC,
// an EBSI attestation or an Open Badge, and the VC-level readers the OB3 adapter shares with it.
//
// Where each Annex I element is read (nothing else is inferred; a generic VC says little):
//
// | Element            | Read from                                                                 |
// |--------------------|---------------------------------------------------------------------------|
// | M1 learner         | credentialSubject[*]: id, name, givenName, familyName, email,              |
// |                    | birthDate / dateOfBirth; every subject is read, the first is the learner;  |
// |                    | later subjects' ids are listed as identifiers (scheme credentialSubject.id)|
// | M2 title           | name (VCDM 2.0; also read on 1.1 documents)                               |
// | M3 issuer country  | issuer.address[*].addressCountryCode, else addressCountry (schema.org)     |
// | M4 awarding body   | issuer (a string id or a Profile-like object); fromIssuer = true           |
// | M5 date of issuing | VC 2.0: validFrom, then issuanceDate; VC 1.1: issuanceDate, then validFrom |
// | O5 further info    | description                                                               |
// | others             | not read: a generic VC has no place for them                              |
import {
  emptyElements,
  setElement,
  type AwardingBodyValue,
  type CountryEntry,
  type DateOfIssuingValue,
  type ElementMap,
  type IssuerCountryValue,
  type LangMap,
  type LearnerIdentifier,
  type LearnerValue,
  type OrganisationValue,
  type Sourced,
} from '../model/elements.js';
import {
  childPointer,
  contextUrls,
  first,
  firstString,
  idOf,
  isObject,
  items,
  root,
  walk,
  type Located,
} from './json.js';
import type { Adapted, FormatAdapter, JsonObject, VcVersion } from './types.js';
import { langMap, toAlpha2 } from './values.js';

export const VC_V1_CONTEXT = 'https://www.w3.org/2018/credentials/v1';
export const VC_V2_CONTEXT = 'https://www.w3.org/ns/credentials/v2';

/** The VC data-model generation named by the first base context in @context. */
export function vcVersionOf(document: unknown): VcVersion | undefined {
  for (const url of contextUrls(document)) {
    if (url === VC_V2_CONTEXT) return '2.0';
    if (url === VC_V1_CONTEXT) return '1.1';
  }
  return undefined;
}

/** The issuer's identifier: a string issuer, or issuer.id. */
export function issuerIdOf(document: unknown): string | undefined {
  const issuer = first(root(document), 'issuer');
  const id = issuer ? idOf(issuer.value) : undefined;
  return id && id.trim() !== '' ? id : undefined;
}

/** A non-empty string at a located value (numbers are not accepted where the spec says string). */
export function stringAt(loc: Located | undefined): (Located & { value: string }) | undefined {
  if (!loc || typeof loc.value !== 'string' || loc.value.trim() === '') return undefined;
  return { value: loc.value, pointer: loc.pointer };
}

/** The first non-empty string along a path (numbers are written as strings). */
export function textAt(
  start: Located | Located[],
  ...path: string[]
): (Located & { value: string }) | undefined {
  const found = firstString(start, ...path);
  return found && found.value.trim() !== '' ? found : undefined;
}

/**
 * The first language map along a path, with the pointer of the value it came from. The last step is
 * read whole, so a JSON-LD value array ([{"@value", "@language"}, …]) gives one map of all languages.
 */
export function langMapAt(start: Located | Located[], ...path: string[]): Sourced<LangMap> | undefined {
  const key = path[path.length - 1];
  if (key === undefined) return undefined;
  for (const parent of walk(start, ...path.slice(0, -1))) {
    if (!isObject(parent.value) || !Object.prototype.hasOwnProperty.call(parent.value, key)) continue;
    const map = langMap(parent.value[key]);
    if (map) return { value: map, pointer: childPointer(parent.pointer, key) };
  }
  return undefined;
}

// --- Organisations (issuer Profile) ---------------------------------------------------------------

export interface ProfileReading {
  organisation: OrganisationValue;
  countries: CountryEntry[];
  regions: Sourced<string>[];
  /** Pointers to every source value read. */
  pointers: string[];
}

/**
 * Reads the countries of a Profile's address: `address[*].addressCountryCode`, else
 * `addressCountry` (kept as written; a name or an invalid code gets no alpha2 so that the check can
 * report it), and `addressRegion` as a region.
 */
export function addressCountries(
  profile: Located,
  role: CountryEntry['role'],
): { countries: CountryEntry[]; regions: Sourced<string>[] } {
  const countries: CountryEntry[] = [];
  const regions: Sourced<string>[] = [];
  for (const address of walk(profile, 'address')) {
    const code = textAt(address, 'addressCountryCode') ?? textAt(address, 'addressCountry');
    if (code) {
      const entry: CountryEntry = { raw: code.value, role, pointer: code.pointer };
      const alpha2 = toAlpha2(code.value);
      if (alpha2) entry.alpha2 = alpha2;
      countries.push(entry);
    }
    const region = textAt(address, 'addressRegion');
    if (region) regions.push(region);
  }
  return { countries, regions };
}

/**
 * Reads an issuer-like Profile: a string is a bare id; an object gives id, name (or legalName),
 * otherIdentifier[*] (identifierType → scheme), url (homepage) and its address countries.
 * Undefined when the value names nothing (e.g. an empty object or a number).
 */
export function readProfile(loc: Located, role: CountryEntry['role']): ProfileReading | undefined {
  if (typeof loc.value === 'string') {
    if (loc.value.trim() === '') return undefined;
    return {
      organisation: { id: loc.value, identifiers: [], countries: [], pointer: loc.pointer },
      countries: [],
      regions: [],
      pointers: [loc.pointer],
    };
  }
  if (!isObject(loc.value)) return undefined;
  const organisation: OrganisationValue = { identifiers: [], countries: [], pointer: loc.pointer };
  const pointers: string[] = [];
  const id = stringAt(first(loc, 'id')) ?? stringAt(first(loc, '@id'));
  if (id) {
    organisation.id = id.value;
    pointers.push(id.pointer);
  }
  const name = langMapAt(loc, 'name') ?? langMapAt(loc, 'legalName');
  if (name) {
    organisation.name = name.value;
    pointers.push(name.pointer);
  }
  for (const entry of walk(loc, 'otherIdentifier')) {
    const value = textAt(entry, 'identifier');
    if (!value) continue;
    const scheme = textAt(entry, 'identifierType');
    organisation.identifiers.push(
      scheme
        ? { scheme: scheme.value, value: value.value, pointer: value.pointer }
        : { value: value.value, pointer: value.pointer },
    );
    pointers.push(value.pointer);
  }
  const homepage = stringAt(first(loc, 'url'));
  if (homepage) {
    organisation.homepage = homepage.value;
    pointers.push(homepage.pointer);
  }
  const { countries, regions } = addressCountries(loc, role);
  organisation.countries = distinctAlpha2(countries);
  pointers.push(...countries.map((c) => c.pointer), ...regions.map((r) => r.pointer));
  if (pointers.length === 0) return undefined;
  return { organisation, countries, regions, pointers: [loc.pointer, ...pointers] };
}

export function distinctAlpha2(entries: CountryEntry[]): string[] {
  return [...new Set(entries.map((e) => e.alpha2).filter((c): c is string => !!c))];
}

/** The M3 value from country entries and regions: awarding bodies' countries first. */
export function issuerCountryValue(entries: CountryEntry[], regions: Sourced<string>[]): IssuerCountryValue {
  const ordered = [
    ...entries.filter((e) => e.role === 'awardingBody'),
    ...entries.filter((e) => e.role === 'issuer'),
  ];
  return { countries: distinctAlpha2(ordered), regions, entries };
}

// --- Dates ------------------------------------------------------------------------------------------

/** The properties read for the date of issuing, most preferred first, by VC generation. */
export function issuingDateOrder(version: VcVersion | undefined): string[] {
  return version === '1.1' ? ['issuanceDate', 'validFrom'] : ['validFrom', 'issuanceDate'];
}

/**
 * The first property in `order` that holds a non-empty string. `fallbackFrom` lists the preferred
 * properties that were absent (or not strings). The value is not judged here: the dates check does.
 */
export function readIssuingDate(
  document: unknown,
  order: string[],
): { value: DateOfIssuingValue; pointer: string } | undefined {
  const fallbackFrom: string[] = [];
  for (const property of order) {
    const found = stringAt(first(root(document), property));
    if (found)
      return {
        value: { raw: found.value, property, fallbackFrom: [...fallbackFrom] },
        pointer: found.pointer,
      };
    fallbackFrom.push(property);
  }
  return undefined;
}

// --- Learner ----------------------------------------------------------------------------------------

/** The credential subjects (a single object or an array), as located items. */
export function subjectsOf(document: unknown): Located[] {
  if (!isObject(document)) return [];
  return items({ value: document.credentialSubject, pointer: '/credentialSubject' });
}

export interface LearnerReading {
  value: LearnerValue;
  pointers: string[];
}

/**
 * Reads the learner from the first subject (id, name, givenName, familyName, email,
 * birthDate/dateOfBirth) and adds `extraIdentifiers(subject)` for every subject. Subjects after the
 * first contribute their id as an identifier (scheme "credentialSubject.id") so that every subject
 * is listed (field report B40). Undefined when nothing identifies anyone.
 */
export function readLearner(
  subjects: Located[],
  extraIdentifiers: (subject: Located) => LearnerIdentifier[] = () => [],
): LearnerReading | undefined {
  if (subjects.length === 0) return undefined;
  const value: LearnerValue = { identifiers: [], subjectCount: subjects.length };
  const pointers: string[] = [];
  const firstSubject = subjects[0]!;

  const id =
    typeof firstSubject.value === 'string' ? stringAt(firstSubject) : stringAt(first(firstSubject, 'id'));
  if (id) {
    value.id = id.value;
    pointers.push(id.pointer);
  }
  const texts: [keyof Pick<LearnerValue, 'name' | 'givenName' | 'familyName'>, string[]][] = [
    ['name', ['name', 'fullName']],
    ['givenName', ['givenName']],
    ['familyName', ['familyName']],
  ];
  for (const [key, properties] of texts) {
    for (const property of properties) {
      const found = langMapAt(firstSubject, property);
      if (found) {
        value[key] = found.value;
        pointers.push(found.pointer);
        break;
      }
    }
  }
  const email = stringAt(first(firstSubject, 'email'));
  if (email) {
    value.email = email.value;
    pointers.push(email.pointer);
  }
  const birth = stringAt(first(firstSubject, 'birthDate')) ?? stringAt(first(firstSubject, 'dateOfBirth'));
  if (birth) {
    value.dateOfBirth = birth.value;
    pointers.push(birth.pointer);
  }

  subjects.forEach((subject, index) => {
    if (index > 0) {
      const otherId = typeof subject.value === 'string' ? stringAt(subject) : stringAt(first(subject, 'id'));
      if (otherId)
        value.identifiers.push({
          scheme: 'credentialSubject.id',
          value: otherId.value,
          pointer: otherId.pointer,
        });
    }
    value.identifiers.push(...extraIdentifiers(subject));
  });
  pointers.push(...value.identifiers.map((i) => i.pointer));

  const identifies =
    value.id !== undefined ||
    value.name !== undefined ||
    value.givenName !== undefined ||
    value.familyName !== undefined ||
    value.email !== undefined ||
    value.identifiers.length > 0;
  return identifies ? { value, pointers } : undefined;
}

// --- The generic adapter ------------------------------------------------------------------------------

/** Reads the issuer into M3 and M4 (fromIssuer: a generic VC names no separate awarding body). */
export function setIssuerElements(elements: ElementMap, document: JsonObject): ProfileReading | undefined {
  const issuerLoc = first(root(document), 'issuer');
  const issuer = issuerLoc ? readProfile(issuerLoc, 'issuer') : undefined;
  if (!issuer) return undefined;
  const awarding: AwardingBodyValue = {
    bodies: [issuer.organisation],
    issuer: issuer.organisation,
    fromIssuer: true,
  };
  setElement(elements, 'awardingBody', awarding, issuer.pointers);
  if (issuer.countries.length > 0 || issuer.regions.length > 0) {
    setElement(elements, 'issuerCountry', issuerCountryValue(issuer.countries, issuer.regions), [
      ...issuer.countries.map((c) => c.pointer),
      ...issuer.regions.map((r) => r.pointer),
    ]);
  }
  return issuer;
}

export const vcAdapter: FormatAdapter = {
  id: 'vc',
  adapt(document: JsonObject): Adapted {
    const elements = emptyElements();
    const vcVersion = vcVersionOf(document);
    const top = root(document);

    const learner = readLearner(subjectsOf(document));
    if (learner) setElement(elements, 'learner', learner.value, learner.pointers);

    const title = langMapAt(top, 'name');
    if (title) setElement(elements, 'title', title.value, [title.pointer]);

    setIssuerElements(elements, document);

    const date = readIssuingDate(document, issuingDateOrder(vcVersion));
    if (date) setElement(elements, 'dateOfIssuing', date.value, [date.pointer]);

    const description = langMapAt(top, 'description');
    if (description)
      setElement(elements, 'furtherInformation', { text: description.value, links: [] }, [
        description.pointer,
      ]);

    const adapted: Adapted = { format: 'vc', elements, findings: [] };
    if (vcVersion) adapted.vcVersion = vcVersion;
    const issuerId = issuerIdOf(document);
    if (issuerId) adapted.issuerId = issuerId;
    return adapted;
  },
};
