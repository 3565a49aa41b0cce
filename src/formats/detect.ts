// Format detection from a document's markers (types, @context URLs, recordType). The document is
// the credential itself: an envelope (JAdES {payload, signatures}, a JWT) is unwrapped before.
//
// | Format | Markers                                                                                 |
// |--------|-----------------------------------------------------------------------------------------|
// | annex  | recordType "AnnexIRecord"                                                               |
// | edc    | type EuropeanDigitalCredential, or @context http(s)://data.europa.eu/snb/model/context/  |
// |        | edc-ap; but with type VerifiableAttestation as well it is an EBSI-EDC → ebsi             |
// | ebsi   | type VerifiableAttestation, VerifiableDiploma or Europass                               |
// | ob3    | type OpenBadgeCredential or AchievementCredential, or an @context under                 |
// |        | https://purl.imsglobal.org/spec/ob/v3p0/                                                |
// | vc     | type VerifiableCredential, or the VC 1.1 / 2.0 base context                             |
//
// Detection tries them in this order: the more specific format wins.
import type { FormatId } from '../model/results.js';
import { contextUrls, isObject, typesOf } from './json.js';
import { ANNEX_RECORD_TYPE } from './annex.js';
import { VC_V1_CONTEXT, VC_V2_CONTEXT } from './vc.js';

const EDC_CONTEXT = /^https?:\/\/data\.europa\.eu\/snb\/model\/context\/edc-ap\/?$/;
const OB3_CONTEXT = /^https?:\/\/purl\.imsglobal\.org\/spec\/ob\/v3p0\//;
const EBSI_TYPES = ['VerifiableAttestation', 'VerifiableDiploma', 'Europass'];
const OB3_TYPES = ['OpenBadgeCredential', 'AchievementCredential'];

/** Types without a namespace prefix ("ob:OpenBadgeCredential" → "OpenBadgeCredential"), as written otherwise. */
function localTypes(document: unknown): string[] {
  return typesOf(document).map((t) => t.slice(t.lastIndexOf(':') + 1));
}

function hasAnyType(types: string[], names: string[]): boolean {
  return names.some((n) => types.includes(n));
}

function isAnnex(document: unknown): boolean {
  return isObject(document) && document.recordType === ANNEX_RECORD_TYPE;
}

function isEdc(types: string[], contexts: string[]): boolean {
  return types.includes('EuropeanDigitalCredential') || contexts.some((c) => EDC_CONTEXT.test(c));
}

function isOb3(types: string[], contexts: string[]): boolean {
  return hasAnyType(types, OB3_TYPES) || contexts.some((c) => OB3_CONTEXT.test(c));
}

function isVc(types: string[], contexts: string[]): boolean {
  return (
    types.includes('VerifiableCredential') ||
    contexts.includes(VC_V1_CONTEXT) ||
    contexts.includes(VC_V2_CONTEXT)
  );
}

/** The format a document looks like, or undefined when it carries no known marker. */
export function detectFormat(document: unknown): FormatId | undefined {
  if (!isObject(document)) return undefined;
  if (isAnnex(document)) return 'annex';
  const types = localTypes(document);
  const contexts = contextUrls(document);
  if (isEdc(types, contexts)) return types.includes('VerifiableAttestation') ? 'ebsi' : 'edc';
  if (hasAnyType(types, EBSI_TYPES)) return 'ebsi';
  if (isOb3(types, contexts)) return 'ob3';
  if (isVc(types, contexts)) return 'vc';
  return undefined;
}

/**
 * Does the document carry the markers of `format`? Used to warn when --input-format forces a format
 * the document does not look like. Every VC-based format counts as carrying the 'vc' markers, and an
 * EBSI-EDC carries both the 'edc' and the 'ebsi' markers.
 */
export function formatMarkers(document: unknown, format: FormatId): boolean {
  if (!isObject(document)) return false;
  const types = localTypes(document);
  const contexts = contextUrls(document);
  switch (format) {
    case 'annex':
      return isAnnex(document);
    case 'edc':
      return isEdc(types, contexts);
    case 'ebsi':
      return hasAnyType(types, EBSI_TYPES);
    case 'ob3':
      return isOb3(types, contexts);
    case 'vc':
      return isVc(types, contexts);
    default:
      return false;
  }
}
