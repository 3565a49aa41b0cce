// Reading an ELM Organisation (awarding body or sealing issuer) into an OrganisationValue, with the
// country entries (Annex I M3) it states. Shared by the EDC and EBSI adapters.
import type { CountryEntry, LangMap, OrganisationValue, Sourced } from '../model/elements.js';
import { childPointer, hasType, idOf, isObject, NodeIndex, scalarText, walk, type Located } from './json.js';
import { langMap, toAlpha2 } from './values.js';

export type OrganisationRole = CountryEntry['role'];

export interface OrganisationReading {
  organisation: OrganisationValue;
  countries: CountryEntry[];
  regions: Sourced<string>[];
  /** Pointers to every source value read. */
  pointers: string[];
}

/** ELM identifier properties of an Organisation and the scheme name used when none is stated. */
const IDENTIFIER_PROPERTIES: [string, string][] = [
  ['identifier', 'identifier'],
  ['registration', 'registration'],
  ['eIDASIdentifier', 'eIDAS'],
  ['vatIdentifier', 'VAT'],
  ['taxIdentifier', 'tax'],
  ['eidasLegalIdentifier', 'eIDAS'], // legacy EBSI diploma
];

/** How far up `parentOrganisation` to look for a country when the organisation states none. */
const MAX_PARENT_DEPTH = 10;

/**
 * Reads an Organisation node: legal name, identifiers, homepage, the countries of its locations
 * (`location[*].address[*].countryCode`) and of its eIDAS identifier (`eIDASIdentifier.spatial`),
 * and regions (`location[*].spatialCode`). A string is read as a bare id (e.g. an issuer DID).
 * Where the organisation states no country, its `parentOrganisation` chain is read (loops are cut
 * and recorded on the index).
 */
export function readOrganisation(
  index: NodeIndex,
  loc: Located,
  role: OrganisationRole,
): OrganisationReading {
  const resolved = index.resolve(loc);
  // An issuer DID that is also the learner's id must not be read as the learner.
  const node = resolved !== loc && hasType(resolved.value, 'Person') ? loc : resolved;
  const pointers: string[] = [node.pointer];
  const organisation: OrganisationValue = { identifiers: [], countries: [], pointer: node.pointer };
  const id = idOf(node.value);
  if (id) organisation.id = id;
  if (!isObject(node.value)) return { organisation, countries: [], regions: [], pointers };

  const name = firstLangMap(node, ['legalName', 'prefLabel', 'name', 'preferredName', 'altLabel']);
  if (name) {
    organisation.name = name.value;
    pointers.push(name.pointer);
  }

  for (const [property, scheme] of IDENTIFIER_PROPERTIES) {
    for (const item of index.walk(node, property)) {
      const text = scalarText(item.value);
      if (text !== undefined) {
        organisation.identifiers.push({ scheme, value: text, pointer: item.pointer });
        pointers.push(item.pointer);
        continue;
      }
      const notation = walk(item, 'notation')[0];
      const value = notation ? scalarText(notation.value) : undefined;
      if (value === undefined || !notation) continue;
      const schemeName = walk(item, 'schemeName')[0];
      const named = schemeName ? scalarText(schemeName.value) : undefined;
      organisation.identifiers.push({ scheme: named ?? scheme, value, pointer: notation.pointer });
      pointers.push(notation.pointer);
    }
  }

  const homepage = homepageOf(index, node);
  if (homepage) {
    organisation.homepage = homepage.value;
    pointers.push(homepage.pointer);
  }

  let countries = countryEntries(index, node, role);
  const regions = index.walk(node, 'location', 'spatialCode').flatMap((l) => conceptText(l));
  if (countries.length === 0) countries = parentCountries(index, node, role);
  organisation.countries = [...new Set(countries.map((c) => c.alpha2).filter((c): c is string => !!c))];
  pointers.push(...countries.map((c) => c.pointer), ...regions.map((r) => r.pointer));
  return { organisation, countries, regions, pointers };
}

function countryEntries(index: NodeIndex, node: Located, role: OrganisationRole): CountryEntry[] {
  const codes = [
    ...index.walk(node, 'location', 'address', 'countryCode'),
    ...index.walk(node, 'eIDASIdentifier', 'spatial'),
  ];
  const entries: CountryEntry[] = [];
  for (const code of codes) {
    for (const text of conceptText(code)) {
      const entry: CountryEntry = { raw: text.value, role, pointer: text.pointer };
      const alpha2 = toAlpha2(text.value);
      if (alpha2) entry.alpha2 = alpha2;
      entries.push(entry);
    }
  }
  return entries;
}

/** Countries of the nearest parent organisation that states one; `parentOrganisation` loops are cut. */
function parentCountries(index: NodeIndex, node: Located, role: OrganisationRole): CountryEntry[] {
  const visited = new Set<string>();
  const ownId = idOf(node.value);
  if (ownId) visited.add(ownId);
  let current = node;
  for (let depth = 0; depth < MAX_PARENT_DEPTH; depth++) {
    const parentRef = walk(current, 'parentOrganisation')[0];
    if (!parentRef) return [];
    const parent = index.resolve(parentRef);
    const parentId = idOf(parent.value);
    if (parentId && visited.has(parentId)) {
      index.markLoop(parentRef.pointer);
      return [];
    }
    if (parentId) visited.add(parentId);
    const entries = countryEntries(index, parent, role);
    if (entries.length > 0) return entries;
    current = parent;
  }
  return [];
}

/** The id of a concept node ({id, prefLabel…}) or the text of a plain string/number value. */
export function conceptText(loc: Located): Sourced<string>[] {
  const text = scalarText(loc.value);
  if (text !== undefined) return text.trim() === '' ? [] : [{ value: text.trim(), pointer: loc.pointer }];
  const id = isObject(loc.value) ? idOf(loc.value) : undefined;
  if (!id) return [];
  const key = typeof (loc.value as Record<string, unknown>).id === 'string' ? 'id' : '@id';
  return [{ value: id, pointer: childPointer(loc.pointer, key) }];
}

/** The URL of a homepage: a WebResource's contentURL, or a URL string. */
export function homepageOf(index: NodeIndex, node: Located): Sourced<string> | undefined {
  for (const key of ['homepage', 'homePage']) {
    for (const page of index.walk(node, key)) {
      const url = urlOf(page);
      if (url) return url;
    }
  }
  return undefined;
}

/** A URL from a WebResource ({contentURL}), a plain string, or a node whose id is an http(s) URL. */
export function urlOf(loc: Located): Sourced<string> | undefined {
  const text = scalarText(loc.value);
  if (text !== undefined) return text.trim() ? { value: text.trim(), pointer: loc.pointer } : undefined;
  if (!isObject(loc.value)) return undefined;
  for (const key of ['contentURL', 'url', 'landingPage']) {
    const value = scalarText(loc.value[key]);
    if (value && value.trim()) return { value: value.trim(), pointer: childPointer(loc.pointer, key) };
  }
  const id = idOf(loc.value);
  if (id && /^https?:\/\//i.test(id)) return { value: id, pointer: childPointer(loc.pointer, 'id') };
  return undefined;
}

/** The first property (in the order given) that holds multilingual text. */
export function firstLangMap(node: Located, properties: string[]): Sourced<LangMap> | undefined {
  if (!isObject(node.value)) return undefined;
  for (const property of properties) {
    const map = langMap(node.value[property]);
    if (map) return { value: map, pointer: childPointer(node.pointer, property) };
  }
  return undefined;
}
