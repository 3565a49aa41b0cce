// X.509 helpers for e-seals: parsing, path building and validation (pkijs), RFC 3161 timestamp
// tokens (pkijs), and tying a certificate subject to a credential issuer (organizationIdentifier,
// organisation names). Pure functions apart from loadTrustAnchors (reads a file); nothing throws
// for bad data.
//
// @peculiar/x509 is not used: it needs a global Reflect metadata polyfill (tsyringe) that the
// project does not install. pkijs covers parsing, CertificateChainValidationEngine and CMS.
import { createHash, webcrypto } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import * as pkijs from 'pkijs';
import { isObject } from '../formats/json.js';
import { foldText, langMap, toAlpha2 } from '../formats/values.js';

/** One crypto engine for every pkijs call, passed explicitly (no reliance on pkijs's global engine). */
export const cryptoEngine = new pkijs.CryptoEngine({
  name: 'mcred-node-webcrypto',
  crypto: webcrypto as unknown as Crypto,
});

const OID = {
  commonName: '2.5.4.3',
  serialNumber: '2.5.4.5',
  country: '2.5.4.6',
  locality: '2.5.4.7',
  state: '2.5.4.8',
  organization: '2.5.4.10',
  organizationalUnit: '2.5.4.11',
  organizationIdentifier: '2.5.4.97',
  email: '1.2.840.113549.1.9.1',
  signedData: '1.2.840.113549.1.7.2',
  tstInfo: '1.2.840.113549.1.9.16.1.4',
} as const;

const SHORT_NAMES: Record<string, string> = {
  [OID.commonName]: 'CN',
  [OID.serialNumber]: 'serialNumber',
  [OID.country]: 'C',
  [OID.locality]: 'L',
  [OID.state]: 'ST',
  [OID.organization]: 'O',
  [OID.organizationalUnit]: 'OU',
  [OID.organizationIdentifier]: 'organizationIdentifier',
  [OID.email]: 'E',
  '2.5.4.9': 'street',
  '2.5.4.42': 'GN',
  '2.5.4.4': 'SN',
  '0.9.2342.19200300.100.1.25': 'DC',
};

/** Hash algorithm OIDs (message imprints) → node:crypto names. */
const HASH_OIDS: Record<string, string> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.4': 'sha224',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};

// ── parsing ─────────────────────────────────────────────────────────────────────────────────

/** Summary of a certificate, as reported in check details. */
export interface CertificateInfo {
  subject: string;
  issuer: string;
  /** Serial number in upper-case hex. */
  serialNumber: string;
  notBefore: string;
  notAfter: string;
  /** SHA-256 of the DER, base64url (the JOSE `x5t#S256` form). */
  sha256: string;
  organizationName?: string;
  organizationIdentifier?: string;
  commonName?: string;
  country?: string;
  selfIssued: boolean;
}

function bytesOf(input: Uint8Array | ArrayBuffer): Uint8Array {
  return input instanceof Uint8Array ? input : new Uint8Array(input);
}

/** A standalone ArrayBuffer copy of the bytes (what pkijs/asn1js parsers expect). */
export function toArrayBuffer(input: Uint8Array | ArrayBuffer): ArrayBuffer {
  const bytes = bytesOf(input);
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return copy.buffer;
}

/** Parses a DER certificate, or a base64 (standard or url-safe) string of one; undefined when it is not one. */
export function parseCertificate(input: Uint8Array | ArrayBuffer | string): pkijs.Certificate | undefined {
  try {
    let der: Uint8Array;
    if (typeof input === 'string') {
      const text = input.replace(/\s+/g, '');
      if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(text)) return undefined;
      der = new Uint8Array(Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64'));
    } else {
      der = bytesOf(input);
    }
    if (der.length === 0) return undefined;
    const cert = pkijs.Certificate.fromBER(toArrayBuffer(der));
    // fromBER accepts trailing garbage and some near-certificates; insist on the essentials.
    if (!(cert.notBefore?.value instanceof Date) || !cert.subjectPublicKeyInfo) return undefined;
    return cert;
  } catch {
    return undefined;
  }
}

/** The certificate's DER encoding. */
export function certificateDer(cert: pkijs.Certificate): Uint8Array {
  return new Uint8Array(cert.toSchema(true).toBER(false));
}

function attributeText(value: unknown): string | undefined {
  const block = (value as { valueBlock?: { value?: unknown } } | undefined)?.valueBlock;
  return typeof block?.value === 'string' ? block.value : undefined;
}

/** Values of one attribute type in a distinguished name. */
export function nameAttributes(name: pkijs.RelativeDistinguishedNames, oid: string): string[] {
  return name.typesAndValues
    .filter((tv) => tv.type === oid)
    .map((tv) => attributeText(tv.value))
    .filter((v): v is string => v !== undefined);
}

/** A readable distinguished name, in certificate order: "C=ES, O=ORGANIZACION TEST, organizationIdentifier=…". */
export function formatName(name: pkijs.RelativeDistinguishedNames): string {
  return name.typesAndValues
    .map((tv) => `${SHORT_NAMES[tv.type] ?? tv.type}=${attributeText(tv.value) ?? '#'}`)
    .join(', ');
}

function hex(bytes: ArrayBuffer | Uint8Array): string {
  return Buffer.from(bytesOf(bytes)).toString('hex').toUpperCase();
}

export function certificateSha256(cert: pkijs.Certificate): string {
  return createHash('sha256').update(certificateDer(cert)).digest('base64url');
}

export function certificateInfo(cert: pkijs.Certificate): CertificateInfo {
  const info: CertificateInfo = {
    subject: formatName(cert.subject),
    issuer: formatName(cert.issuer),
    serialNumber: hex(cert.serialNumber.valueBlock.valueHexView),
    notBefore: cert.notBefore.value.toISOString(),
    notAfter: cert.notAfter.value.toISOString(),
    sha256: certificateSha256(cert),
    selfIssued: cert.subject.isEqual(cert.issuer),
  };
  const o = nameAttributes(cert.subject, OID.organization)[0];
  const oid = nameAttributes(cert.subject, OID.organizationIdentifier)[0];
  const cn = nameAttributes(cert.subject, OID.commonName)[0];
  const c = nameAttributes(cert.subject, OID.country)[0];
  if (o !== undefined) info.organizationName = o;
  if (oid !== undefined) info.organizationIdentifier = oid;
  if (cn !== undefined) info.commonName = cn;
  if (c !== undefined) info.country = c;
  return info;
}

/** Is the certificate within its validity period at `at` (inclusive)? */
export function validAt(cert: pkijs.Certificate, at: Date): boolean {
  const t = at.getTime();
  return cert.notBefore.value.getTime() <= t && t <= cert.notAfter.value.getTime();
}

/** Every certificate in a PEM text; blocks that do not parse are counted in `invalid`. */
export function parsePemCertificates(pem: string): { certificates: pkijs.Certificate[]; invalid: number } {
  const certificates: pkijs.Certificate[] = [];
  let invalid = 0;
  const re = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g;
  for (let m = re.exec(pem); m; m = re.exec(pem)) {
    const cert = parseCertificate(m[1]!);
    if (cert) certificates.push(cert);
    else invalid++;
  }
  return { certificates, invalid };
}

export type TrustAnchorsResult =
  { ok: true; path: string; certificates: pkijs.Certificate[] } | { ok: false; path: string; reason: string };

const anchorCache = new Map<string, { mtimeMs: number; size: number; result: TrustAnchorsResult }>();

/** Reads a PEM file of trust anchors (cached per path while the file is unchanged). */
export async function loadTrustAnchors(path: string): Promise<TrustAnchorsResult> {
  try {
    const info = await stat(path);
    const cached = anchorCache.get(path);
    if (cached && cached.mtimeMs === info.mtimeMs && cached.size === info.size) return cached.result;
    const text = await readFile(path, 'utf8');
    const { certificates, invalid } = parsePemCertificates(text);
    const result: TrustAnchorsResult =
      certificates.length > 0
        ? { ok: true, path, certificates }
        : {
            ok: false,
            path,
            reason: invalid > 0 ? 'no certificate block in it parses' : 'it holds no PEM certificate',
          };
    anchorCache.set(path, { mtimeMs: info.mtimeMs, size: info.size, result });
    return result;
  } catch (error) {
    const code = (error as { code?: string }).code;
    return {
      ok: false,
      path,
      reason: code === 'ENOENT' ? 'no such file' : `cannot read it (${code ?? 'error'})`,
    };
  }
}

// ── chains ──────────────────────────────────────────────────────────────────────────────────

/**
 * valid: a path to a trust anchor validates at the date. untrusted: the path built from the given
 * certificates ends at a certificate that is not (or does not verify against) a trust anchor.
 * incomplete: the leaf's own issuer is nowhere to be found. expired: a certificate of the path is
 * outside its validity at the date. invalid: other path-validation failures (CA flags, names…).
 */
export type ChainStatus = 'valid' | 'untrusted' | 'incomplete' | 'expired' | 'invalid';

export interface ChainResult {
  status: ChainStatus;
  /** Leaf first, trust anchor last (when valid). */
  path: CertificateInfo[];
  /** Why it failed, for messages. */
  reason?: string;
}

function sameCert(a: pkijs.Certificate, b: pkijs.Certificate): boolean {
  return Buffer.from(certificateDer(a)).equals(Buffer.from(certificateDer(b)));
}

function dedupe(certs: pkijs.Certificate[]): pkijs.Certificate[] {
  const out: pkijs.Certificate[] = [];
  for (const c of certs) if (!out.some((o) => sameCert(o, c))) out.push(c);
  return out;
}

/**
 * Builds a path from `leaf` through `intermediates` to one of `anchors` and validates it at
 * `atDate` with pkijs's CertificateChainValidationEngine (signatures, validity periods, name
 * chaining, CA basic constraints and key usage, policies, name constraints). Revocation is not
 * checked (no CRL/OCSP is given to the engine).
 */
export async function buildAndValidateChain(
  leaf: pkijs.Certificate,
  intermediates: pkijs.Certificate[],
  anchors: pkijs.Certificate[],
  atDate: Date,
): Promise<ChainResult> {
  const anchorList = dedupe(anchors);
  const others = dedupe(intermediates).filter(
    (c) => !sameCert(c, leaf) && !anchorList.some((a) => sameCert(a, c)),
  );
  if (anchorList.length === 0)
    return { status: 'untrusted', path: [], reason: 'no trust anchors were given' };

  // The leaf itself is pinned as an anchor.
  if (anchorList.some((a) => sameCert(a, leaf))) {
    return validAt(leaf, atDate)
      ? { status: 'valid', path: [certificateInfo(leaf)] }
      : { status: 'expired', path: [], reason: 'the pinned certificate is not valid at that time' };
  }

  const engine = new pkijs.CertificateChainValidationEngine({
    trustedCerts: anchorList,
    certs: [...others, leaf],
    checkDate: atDate,
  });
  let code: number | undefined;
  let message: string;
  try {
    const result = await engine.verify({}, cryptoEngine);
    if (result.result) {
      const path = (result.certificatePath ?? []).map(certificateInfo);
      return { status: 'valid', path };
    }
    code = result.resultCode;
    message = result.resultMessage;
  } catch (error) {
    const e = error as { resultCode?: number; code?: number; resultMessage?: string; message?: string };
    code = e.resultCode ?? e.code;
    message = e.resultMessage ?? e.message ?? String(error);
  }

  if (code === 8) return { status: 'expired', path: [], reason: message };
  if (code === 60 || code === 97 || code === -1 || /certificate path/i.test(message)) {
    const link = missingLink(leaf, others, anchorList);
    return { status: link.status, path: [], reason: link.reason };
  }
  return { status: 'invalid', path: [], reason: message };
}

/** Explains a failed path search by following issuer names from the leaf. */
function missingLink(
  leaf: pkijs.Certificate,
  others: pkijs.Certificate[],
  anchors: pkijs.Certificate[],
): { status: 'untrusted' | 'incomplete'; reason: string } {
  let current = leaf;
  const seen: pkijs.Certificate[] = [leaf];
  for (;;) {
    const issuerName = formatName(current.issuer);
    if (current.subject.isEqual(current.issuer)) {
      return {
        status: 'untrusted',
        reason: `the path ends at the root "${issuerName}", which is not a trust anchor`,
      };
    }
    if (anchors.some((a) => a.subject.isEqual(current.issuer))) {
      return {
        status: 'untrusted',
        reason: `a trust anchor is named "${issuerName}" but "${formatName(current.subject)}" does not verify with its key`,
      };
    }
    const next = others.find((c) => c.subject.isEqual(current.issuer) && !seen.includes(c));
    if (!next) {
      return current === leaf
        ? {
            status: 'incomplete',
            reason: `the issuing CA certificate "${issuerName}" is in neither x5c, xVals nor the trust anchors`,
          }
        : {
            status: 'untrusted',
            reason: `the path ends at "${formatName(current.subject)}", whose issuer "${issuerName}" is not a trust anchor`,
          };
    }
    seen.push(next);
    current = next;
  }
}

// ── timestamps (RFC 3161 tokens) ───────────────────────────────────────────────────────────

export type TimestampStatus = 'valid' | 'imprint-mismatch' | 'bad-signature' | 'unverifiable';

export interface TimestampResult {
  status: TimestampStatus;
  genTime?: string;
  hashAlgorithm?: string;
  tsa?: CertificateInfo;
  /** The TSA certificate and the other certificates in the token, for chain checks. */
  tsaCertificate?: pkijs.Certificate;
  tokenCertificates?: pkijs.Certificate[];
  reason?: string;
}

/**
 * Verifies a DER timestamp token (CMS SignedData over a TSTInfo) against the data it should
 * cover: the message imprint must equal the hash of `data` and the TSA's signature must verify.
 * The TSA certificate is not trust-checked here.
 */
export async function verifyTimestampToken(token: Uint8Array, data: Uint8Array): Promise<TimestampResult> {
  let signedData: pkijs.SignedData;
  let tstInfo: pkijs.TSTInfo;
  try {
    const contentInfo = pkijs.ContentInfo.fromBER(toArrayBuffer(token));
    if (contentInfo.contentType !== OID.signedData) {
      return { status: 'unverifiable', reason: 'the token is not CMS SignedData' };
    }
    signedData = new pkijs.SignedData({ schema: contentInfo.content });
    if (signedData.encapContentInfo.eContentType !== OID.tstInfo || !signedData.encapContentInfo.eContent) {
      return { status: 'unverifiable', reason: 'the token does not carry a TSTInfo' };
    }
    tstInfo = pkijs.TSTInfo.fromBER(signedData.encapContentInfo.eContent.getValue());
  } catch {
    return { status: 'unverifiable', reason: 'the token is not DER-encoded CMS' };
  }
  const base: TimestampResult = { status: 'unverifiable', genTime: tstInfo.genTime.toISOString() };
  const tokenCertificates = (signedData.certificates ?? []).filter(
    (c): c is pkijs.Certificate => c instanceof pkijs.Certificate,
  );
  base.tokenCertificates = tokenCertificates;

  const hashOid = tstInfo.messageImprint.hashAlgorithm.algorithmId;
  const hashName = HASH_OIDS[hashOid];
  if (!hashName) return { ...base, reason: `unsupported imprint hash algorithm ${hashOid}` };
  base.hashAlgorithm = hashName;
  const imprint = Buffer.from(tstInfo.messageImprint.hashedMessage.valueBlock.valueHexView);
  if (!createHash(hashName).update(data).digest().equals(imprint)) {
    return {
      ...base,
      status: 'imprint-mismatch',
      reason: 'the message imprint does not match the timestamped data',
    };
  }

  try {
    const result = await signedData.verify(
      { signer: 0, data: toArrayBuffer(data), extendedMode: true, checkChain: false },
      cryptoEngine,
    );
    const signer = result.signerCertificate ?? undefined;
    if (signer) {
      base.tsaCertificate = signer;
      base.tsa = certificateInfo(signer);
    }
    if (result.signatureVerified === true) return { ...base, status: 'valid' };
    return { ...base, status: 'bad-signature', reason: 'the TSA signature does not verify' };
  } catch (error) {
    const e = error as { code?: number; message?: string; signerCertificate?: pkijs.Certificate | null };
    if (e.signerCertificate) {
      base.tsaCertificate = e.signerCertificate;
      base.tsa = certificateInfo(e.signerCertificate);
    }
    // 15: TSTInfo or signed-attribute digest mismatch (the token content was altered).
    if (e.code === 15) return { ...base, status: 'bad-signature', reason: e.message ?? 'digest mismatch' };
    return { ...base, reason: e.message ?? 'the token could not be verified' };
  }
}

// ── certificate subject ↔ credential issuer ─────────────────────────────────────────────────

/** An ETSI EN 319 412-1 §5.1.4 organizationIdentifier: VATES-A00000000, NTREE-17207834, LEIXG-…, "XX:CC-…". */
export interface OrganizationIdentifier {
  raw: string;
  /** VAT, NTR, PSD, LEI, or a national scheme "XX:". */
  scheme?: string;
  /** ISO 3166-1 alpha-2 as written (EL stays EL). */
  country?: string;
  id: string;
}

export function parseOrganizationIdentifier(value: string): OrganizationIdentifier | undefined {
  const raw = value.trim();
  if (raw === '') return undefined;
  const etsi = /^([A-Za-z]{3})([A-Za-z]{2})-(.+)$/.exec(raw);
  if (etsi) return { raw, scheme: etsi[1]!.toUpperCase(), country: etsi[2]!.toUpperCase(), id: etsi[3]! };
  const national = /^([A-Za-z]{2}:)([A-Za-z]{2})-(.+)$/.exec(raw);
  if (national)
    return { raw, scheme: national[1]!.toUpperCase(), country: national[2]!.toUpperCase(), id: national[3]! };
  return { raw, id: raw };
}

/** An identifier of the credential's issuer that may name the sealing organisation. */
export interface IssuerIdentifier {
  notation: string;
  /** Alpha-2 country from the identifier's `spatial`, when given. */
  country?: string;
  /** Where it came from, e.g. "eIDASIdentifier", "otherIdentifier". */
  source: string;
}

const LEGAL_ID_PROPERTIES = [
  'eIDASIdentifier',
  'legalIdentifier',
  'vatIdentifier',
  'taxIdentifier',
  'registration',
];

function countryOf(spatial: unknown): string | undefined {
  const raw =
    typeof spatial === 'string' ? spatial : isObject(spatial) ? (spatial.id ?? spatial.notation) : undefined;
  return typeof raw === 'string' ? toAlpha2(raw) : undefined;
}

/** Legal identifiers of an issuer node (ELM LegalIdentifier properties, OB3 otherIdentifier eIDAS/VAT/registry entries). */
export function issuerIdentifiers(issuer: unknown): IssuerIdentifier[] {
  if (!isObject(issuer)) return [];
  const out: IssuerIdentifier[] = [];
  for (const property of LEGAL_ID_PROPERTIES) {
    const values = issuer[property];
    for (const value of Array.isArray(values) ? values : [values]) {
      if (typeof value === 'string' && value.trim() !== '')
        out.push({ notation: value.trim(), source: property });
      else if (isObject(value) && typeof value.notation === 'string' && value.notation.trim() !== '') {
        const entry: IssuerIdentifier = { notation: value.notation.trim(), source: property };
        const country = countryOf(value.spatial);
        if (country) entry.country = country;
        out.push(entry);
      }
    }
  }
  const others = issuer.otherIdentifier;
  for (const value of Array.isArray(others) ? others : [others]) {
    if (!isObject(value) || typeof value.identifier !== 'string') continue;
    const type = typeof value.identifierType === 'string' ? value.identifierType : '';
    if (!/eidas|vat|tax|regist|legal|lei/i.test(type)) continue;
    out.push({ notation: value.identifier.trim(), source: 'otherIdentifier' });
  }
  return out;
}

const alnum = (s: string): string => s.toUpperCase().replace(/[^A-Z0-9]/g, '');

/**
 * Does an issuer identifier name the same organisation as the certificate's organizationIdentifier?
 * Accepted: the full ETSI form (VATES-A00000000), country + id (ESA00000000, VAT style) or the bare
 * id (A00000000; 17207834 with spatial EST matches NTREE-17207834). Punctuation and case are ignored;
 * a bare id with a `spatial` country must agree on the country.
 */
export function organizationIdentifierMatches(
  cert: OrganizationIdentifier,
  candidate: IssuerIdentifier,
): boolean {
  const certId = alnum(cert.id);
  const cand = alnum(candidate.notation);
  if (certId === '' || cand === '') return false;
  const certCountry = cert.country ? (toAlpha2(cert.country) ?? cert.country) : undefined;
  const parsed = parseOrganizationIdentifier(candidate.notation);
  if (parsed?.scheme && parsed.country) {
    const candCountry = toAlpha2(parsed.country) ?? parsed.country;
    return alnum(parsed.id) === certId && (!certCountry || candCountry === certCountry);
  }
  const forms = new Set([certId]);
  if (cert.country) forms.add(alnum(cert.country) + certId);
  if (cert.scheme && cert.country) forms.add(alnum(cert.scheme) + alnum(cert.country) + certId);
  if (!forms.has(cand)) return false;
  if (candidate.country && certCountry && candidate.country !== certCountry) return false;
  return true;
}

/** Legal-form words dropped at either end of an organisation name before comparing. */
const LEGAL_FORMS = new Set(
  (
    'sa sas sau sarl sasu sl slu sll srl sprl spa sapa snc sc scs scrl se sca sci ' +
    'bv nv vof cv cvba bvba vzw asbl aisbl eg ev ag kg ohg ug gmbh mbh kgaa ' +
    'ltd limited plc llp llc lp inc corp corporation co company ' +
    'doo dd ad ood eood as asa aps ab hb kb oy oyj ou uab sia zrt kft nyrt bt ' +
    'sro spol ks sp zoo z oo lda ehf hf ' +
    'pte pty kk'
  ).split(' '),
);

/** Folded organisation name: no case, accents, punctuation, or legal-form words at the ends. */
export function normalizeOrgName(name: string): string {
  const tokens = foldText(name)
    .replace(/[.'’/]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter((t) => t !== '');
  const all = tokens.join(' ');
  while (tokens.length > 1 && LEGAL_FORMS.has(tokens[tokens.length - 1]!)) tokens.pop();
  while (tokens.length > 1 && LEGAL_FORMS.has(tokens[0]!)) tokens.shift();
  const core = tokens.join(' ');
  return core === '' ? all : core;
}

/** Do two organisation names denote the same name (see normalizeOrgName; spaces ignored too)? */
export function compareOrgNames(a: string, b: string): boolean {
  const na = normalizeOrgName(a).replace(/ /g, '');
  const nb = normalizeOrgName(b).replace(/ /g, '');
  return na !== '' && na === nb;
}

/** Every name of an issuer node in every language (legalName, name, altLabel, prefLabel). */
export function issuerNames(issuer: unknown): string[] {
  if (!isObject(issuer)) return [];
  const names: string[] = [];
  for (const property of ['legalName', 'name', 'altLabel', 'prefLabel']) {
    const map = langMap(issuer[property]);
    if (map)
      for (const text of Object.values(map)) names.push(...text.split('\n').filter((t) => t.trim() !== ''));
  }
  return [...new Set(names)];
}

export interface IdentityComparison {
  /** match: some identifier matches; mismatch: identifiers on both sides, none matches; unavailable: one side has none. */
  identifier: 'match' | 'mismatch' | 'unavailable';
  /** match / mismatch / unavailable (no O or CN in the certificate, or no issuer name). */
  name: 'match' | 'mismatch' | 'unavailable';
  certificateIdentifier?: string;
  certificateName?: string;
  matchedIdentifier?: IssuerIdentifier;
  issuerIdentifiers: IssuerIdentifier[];
  issuerNames: string[];
}

/** Compares a seal certificate's subject with the credential's issuer node. */
export function compareCertificateWithIssuer(cert: CertificateInfo, issuer: unknown): IdentityComparison {
  const ids = issuerIdentifiers(issuer);
  const names = issuerNames(issuer);
  const result: IdentityComparison = {
    identifier: 'unavailable',
    name: 'unavailable',
    issuerIdentifiers: ids,
    issuerNames: names,
  };
  const certName = cert.organizationName ?? cert.commonName;
  if (certName !== undefined) result.certificateName = certName;
  if (cert.organizationIdentifier !== undefined) result.certificateIdentifier = cert.organizationIdentifier;

  const parsed = cert.organizationIdentifier
    ? parseOrganizationIdentifier(cert.organizationIdentifier)
    : undefined;
  if (parsed && ids.length > 0) {
    const matched = ids.find((candidate) => organizationIdentifierMatches(parsed, candidate));
    result.identifier = matched ? 'match' : 'mismatch';
    if (matched) result.matchedIdentifier = matched;
  }
  if (certName !== undefined && names.length > 0) {
    result.name = names.some((n) => compareOrgNames(certName, n)) ? 'match' : 'mismatch';
  }
  return result;
}

/** Does the certificate (or its issuing CA) call itself a test/mock certificate (field report B42)? */
export function looksLikeTestCertificate(cert: pkijs.Certificate): boolean {
  const texts = [cert.subject, cert.issuer].flatMap((name) =>
    [OID.commonName, OID.organization, OID.organizationalUnit].flatMap((oid) => nameAttributes(name, oid)),
  );
  return texts.some((t) => /(^|[^a-z])(test|mock|dummy)([^a-z]|$)/i.test(t));
}
