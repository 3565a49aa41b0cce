// The JAdES suite: EDC/ELM credentials sealed by EU DSS (ETSI TS 119 182-1), i.e. a JWS JSON
// serialisation (general or flattened) whose payload is the credential JSON as-is (`b64: false`).
//
// signature part: the JWS (jose, with the key of the x5c certificate), the critical headers
// (b64, sigT, adoTst understood; anything else refused), the claimed signing time (sigT) and the
// RFC 3161 timestamps (adoTst over the payload, etsiU sigTst over the base64url signature value).
// issuer part: the certificate at the signing time, its chain to --trust-anchors, and whether the
// certificate subject is the credential's `issuer` (organizationIdentifier and organisation name).
import { X509Certificate, type KeyObject } from 'node:crypto';
import * as jose from 'jose';
import type * as pkijs from 'pkijs';
import { finding, type FindingOptions } from '../../findings/index.js';
import { isObject } from '../../formats/json.js';
import type { CheckStatus, Finding } from '../../model/results.js';
import {
  buildAndValidateChain,
  certificateDer,
  certificateInfo,
  certificateSha256,
  compareCertificateWithIssuer,
  loadTrustAnchors,
  looksLikeTestCertificate,
  parseCertificate,
  validAt,
  verifyTimestampToken,
  type CertificateInfo,
  type TrustAnchorsResult,
} from '../../resolve/x509.js';
import type { RunOptions } from '../../run/options.js';
import type { CheckContext } from '../types.js';
import type { ProofReport, SignatureSuite, SuiteOutcome } from './types.js';

/** Algorithms verified for seals (RSA PKCS#1 v1.5, RSA-PSS, ECDSA). */
export const JADES_ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
];

/** Critical header parameters this suite understands. */
export const JADES_UNDERSTOOD_CRIT = ['b64', 'sigT', 'adoTst'];

/** Bounds on attacker-controlled lists (path building is combinatorial in the candidate certificates). */
const MAX_SIGNATURES = 16;
const MAX_CERTIFICATES = 32;
const MAX_TOKENS = 8;

// ── status bookkeeping ──────────────────────────────────────────────────────────────────────

const RANK: Record<CheckStatus, number> = { skipped: 0, pass: 1, warn: 2, indeterminate: 3, fail: 4 };

/** `none` and the shared-secret HMAC algorithms can never show who issued a credential. */
export function isForbiddenAlgorithm(alg: string | undefined): boolean {
  return alg !== undefined && (alg.toLowerCase() === 'none' || /^HS\d+$/i.test(alg));
}

export function worstStatus(statuses: CheckStatus[]): CheckStatus {
  return statuses.reduce<CheckStatus>((a, b) => (RANK[b] > RANK[a] ? b : a), 'pass');
}

/** Findings of one part (signature or issuer) and whether it could not be decided. */
export class Part {
  readonly findings: Finding[] = [];
  private undecided = false;
  constructor(private readonly prefix = '') {}

  add(code: string, options: FindingOptions = {}): void {
    const f = finding(code, options);
    if (this.prefix) f.message = `${this.prefix}${f.message}`;
    this.findings.push(f);
  }

  /** Adds a finding and marks the part indeterminate (could not check: never a pass). */
  undecide(code: string, options: FindingOptions = {}): void {
    this.add(code, options);
    this.undecided = true;
  }

  markUndecided(): void {
    this.undecided = true;
  }

  merge(findings: Finding[], status: CheckStatus): void {
    for (const f of findings) {
      this.findings.push(this.prefix ? { ...f, message: `${this.prefix}${f.message}` } : f);
    }
    if (status === 'indeterminate') this.undecided = true;
  }

  status(): CheckStatus {
    if (this.findings.some((f) => f.severity === 'error')) return 'fail';
    if (this.undecided) return 'indeterminate';
    if (this.findings.some((f) => f.severity === 'warning')) return 'warn';
    return 'pass';
  }
}

// ── the certificate versus the issuer (shared with the JWT suite for x5c tokens) ────────────

export interface SealCertificateInput {
  leaf: pkijs.Certificate;
  /** Candidate intermediates: x5c[1..], etsiU xVals. */
  intermediates: pkijs.Certificate[];
  /** When the certificate must have been valid: sigT, or options.at without one. */
  validationTime: Date;
  validationTimeSource: 'sigT' | 'at' | 'iat';
  /** The credential's `issuer` value (object or string). */
  issuer: unknown;
  options: RunOptions;
  /** Preloaded trust anchors (loaded from options.trustAnchors when absent). */
  anchors?: TrustAnchorsResult;
}

export interface PartOutcome {
  status: CheckStatus;
  findings: Finding[];
  details: Record<string, unknown>;
}

/**
 * The issuer part for an X.509-signed credential: validity at the signing time, the chain to the
 * trust anchors, test certificates, and the organizationIdentifier/name match with the issuer.
 *
 * Identity rules: some issuer identifier matches the certificate's organizationIdentifier → good;
 * identifiers on both sides and none matches → SEAL_ORG_ID_MISMATCH (fail); an identifier missing on
 * either side → SEAL_ORG_ID_MISSING, and the part is `warn` when the names match, `indeterminate`
 * otherwise. Differing names are SEAL_NAME_MISMATCH (warning) in every case.
 */
export async function assessSealCertificate(input: SealCertificateInput): Promise<PartOutcome> {
  const { leaf, options } = input;
  const part = new Part();
  const info = certificateInfo(leaf);
  const details: Record<string, unknown> = {
    certificate: info,
    validationTime: input.validationTime.toISOString(),
    validationTimeSource: input.validationTimeSource,
  };

  // Validity of the seal certificate at the signing time.
  const leafValid = validAt(leaf, input.validationTime);
  if (!leafValid) {
    part.add('SEAL_CERT_NOT_VALID_AT_SIGNING_TIME', {
      message:
        `The seal certificate is valid ${info.notBefore} to ${info.notAfter}, but the seal was made at ` +
        `${input.validationTime.toISOString()} (${input.validationTimeSource})`,
    });
  } else if (input.validationTimeSource !== 'at' && leaf.notAfter.value.getTime() < options.at.getTime()) {
    part.add('SEAL_CERT_EXPIRED_SINCE', {
      message: `The seal certificate was valid at ${input.validationTime.toISOString()} and expired on ${info.notAfter}`,
    });
  }
  if (looksLikeTestCertificate(leaf)) {
    part.add('SEAL_TEST_CERTIFICATE', {
      message: `The seal certificate "${info.commonName ?? info.subject}" (or its CA) is a test certificate`,
    });
  }

  // The chain.
  const chain: Record<string, unknown> = { status: 'not-checked' };
  details.chain = chain;
  if (options.trustAnchors === undefined) {
    part.undecide('CHAIN_NO_TRUST_ANCHORS');
  } else {
    const anchors = input.anchors ?? (await loadTrustAnchors(options.trustAnchors));
    chain.trustAnchors = anchors.path;
    if (!anchors.ok) {
      part.undecide('CHAIN_TRUST_ANCHORS_UNREADABLE', {
        message: `The trust-anchor file ${anchors.path} could not be used: ${anchors.reason}`,
      });
    } else {
      const result = await buildAndValidateChain(
        leaf,
        input.intermediates,
        anchors.certificates,
        input.validationTime,
      );
      chain.status = result.status;
      if (result.path.length > 0) chain.path = result.path.map((c) => c.subject);
      if (result.reason) chain.reason = result.reason;
      const at = input.validationTime.toISOString();
      switch (result.status) {
        case 'valid':
          part.add('SEAL_REVOCATION_NOT_CHECKED');
          break;
        case 'expired':
          if (leafValid) {
            part.add('CHAIN_CERT_EXPIRED', {
              message: `A CA certificate of the chain was not valid at ${at}`,
            });
          }
          break;
        case 'untrusted':
          part.add('CHAIN_UNTRUSTED', {
            message: `The seal certificate does not chain to a trust anchor: ${result.reason}`,
          });
          break;
        case 'incomplete':
          part.add('CHAIN_INCOMPLETE', { message: `The chain is incomplete: ${result.reason}` });
          break;
        case 'invalid':
          part.add('CHAIN_INVALID', { message: `The certificate chain is invalid: ${result.reason}` });
          break;
      }
    }
  }

  // The certificate subject versus the credential's issuer.
  const identity = compareCertificateWithIssuer(info, input.issuer);
  details.identity = identity;
  const pointer = '/issuer';
  if (identity.identifier === 'mismatch') {
    part.add('SEAL_ORG_ID_MISMATCH', {
      pointer,
      message:
        `The seal certificate's organizationIdentifier ${identity.certificateIdentifier} matches none of the ` +
        `issuer's identifiers (${identity.issuerIdentifiers.map((i) => `${i.source} ${i.notation}`).join(', ')})`,
    });
  } else if (identity.identifier === 'unavailable') {
    const side =
      identity.certificateIdentifier === undefined
        ? 'the seal certificate has no organizationIdentifier'
        : 'the issuer has no eIDAS, legal, VAT or registration identifier';
    const message = `The seal cannot be tied to the issuer by an identifier: ${side}`;
    if (identity.name === 'match')
      part.add('SEAL_ORG_ID_MISSING', { pointer, message: `${message} (the names match)` });
    else part.undecide('SEAL_ORG_ID_MISSING', { pointer, message });
  }
  if (identity.name === 'mismatch') {
    part.add('SEAL_NAME_MISMATCH', {
      pointer,
      message: `The seal certificate names "${identity.certificateName}", the issuer "${identity.issuerNames.join('" / "')}"`,
    });
  }

  return { status: part.status(), findings: part.findings, details };
}

// ── envelope reading ────────────────────────────────────────────────────────────────────────

interface RawSignature {
  protected: unknown;
  header: unknown;
  signature: unknown;
}

function signaturesOf(container: Record<string, unknown>): RawSignature[] | undefined {
  if (Array.isArray(container.signatures)) {
    return container.signatures.map((s) =>
      isObject(s)
        ? { protected: s.protected, header: s.header, signature: s.signature }
        : { protected: undefined, header: undefined, signature: undefined },
    );
  }
  if (typeof container.signature === 'string') {
    return [{ protected: container.protected, header: container.header, signature: container.signature }];
  }
  return undefined;
}

const B64URL = /^[A-Za-z0-9_-]+$/;

function decodeJsonB64url(value: unknown): Record<string, unknown> | undefined {
  if (typeof value !== 'string' || !B64URL.test(value)) return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    return isObject(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** etsiU components: base64url-encoded JSON (DSS default) or plain objects. */
function etsiUComponents(header: unknown): Record<string, unknown>[] {
  if (!isObject(header) || !Array.isArray(header.etsiU)) return [];
  return header.etsiU
    .map((c) => (isObject(c) ? c : decodeJsonB64url(c)))
    .filter((c): c is Record<string, unknown> => c !== undefined);
}

function xValsCertificates(components: Record<string, unknown>[]): pkijs.Certificate[] {
  const out: pkijs.Certificate[] = [];
  for (const c of components) {
    if (!Array.isArray(c.xVals)) continue;
    for (const v of c.xVals.slice(0, MAX_CERTIFICATES)) {
      const val = isObject(v) && isObject(v.x509Cert) ? v.x509Cert.val : undefined;
      const cert = typeof val === 'string' ? parseCertificate(val) : undefined;
      if (cert) out.push(cert);
    }
  }
  return out;
}

function parseTime(value: unknown): Date | undefined {
  if (
    typeof value !== 'string' ||
    !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(value)
  ) {
    return undefined;
  }
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

// ── timestamps ──────────────────────────────────────────────────────────────────────────────

interface TimestampReport {
  kind: 'adoTst' | 'sigTst';
  status: string;
  genTime?: string;
  tsa?: string;
  tsaTrusted?: boolean | null;
  reason?: string;
}

async function checkTimestamps(
  kind: 'adoTst' | 'sigTst',
  container: unknown,
  data: Uint8Array,
  context: {
    part: Part;
    anchors: TrustAnchorsResult | undefined;
    xVals: pkijs.Certificate[];
    sigT: Date | undefined;
    skewMs: number;
  },
): Promise<TimestampReport[]> {
  const label = kind === 'adoTst' ? 'content timestamp (adoTst)' : 'signature timestamp (sigTst)';
  const reports: TimestampReport[] = [];
  const tokens = isObject(container) && Array.isArray(container.tstTokens) ? container.tstTokens : undefined;
  if (!tokens || tokens.length === 0) {
    context.part.undecide('SEAL_TIMESTAMP_UNVERIFIED', { message: `The ${label} has no tstTokens` });
    return [{ kind, status: 'unverifiable', reason: 'no tstTokens' }];
  }
  if (isObject(container) && container.canonAlg !== undefined) {
    context.part.undecide('SEAL_TIMESTAMP_UNVERIFIED', {
      message: `The ${label} uses canonicalisation ${String(container.canonAlg)}, which mcred does not implement`,
    });
    return [{ kind, status: 'unverifiable', reason: 'canonAlg' }];
  }
  for (const token of tokens.slice(0, MAX_TOKENS)) {
    const val = isObject(token) ? token.val : undefined;
    const encoding = isObject(token) ? token.encoding : undefined;
    if (typeof val !== 'string' || (encoding !== undefined && !/der/i.test(String(encoding)))) {
      context.part.undecide('SEAL_TIMESTAMP_UNVERIFIED', { message: `A ${label} token is not base64 DER` });
      reports.push({ kind, status: 'unverifiable', reason: 'not base64 DER' });
      continue;
    }
    const result = await verifyTimestampToken(new Uint8Array(Buffer.from(val, 'base64')), data);
    const report: TimestampReport = { kind, status: result.status };
    if (result.genTime) report.genTime = result.genTime;
    if (result.tsa) report.tsa = result.tsa.subject;
    if (result.reason) report.reason = result.reason;
    reports.push(report);
    if (result.status === 'imprint-mismatch' || result.status === 'bad-signature') {
      context.part.add('SEAL_TIMESTAMP_INVALID', { message: `The ${label} is invalid: ${result.reason}` });
      continue;
    }
    if (result.status !== 'valid' || !result.genTime) {
      context.part.undecide('SEAL_TIMESTAMP_UNVERIFIED', {
        message: `The ${label} could not be verified: ${result.reason ?? 'unknown reason'}`,
      });
      continue;
    }
    // Valid: is the TSA trusted (only with trust anchors)?
    let trust = 'not checked (no trust anchors)';
    report.tsaTrusted = null;
    if (context.anchors?.ok && result.tsaCertificate) {
      const chain = await buildAndValidateChain(
        result.tsaCertificate,
        [...(result.tokenCertificates ?? []), ...context.xVals],
        context.anchors.certificates,
        new Date(result.genTime),
      );
      report.tsaTrusted = chain.status === 'valid';
      trust = report.tsaTrusted ? 'trusted' : 'not trusted by the trust anchors';
    }
    context.part.add('SEAL_TIMESTAMP_VERIFIED', {
      message: `The ${label} verifies: genTime ${result.genTime}, TSA "${result.tsa?.subject ?? 'unknown'}" (${trust})`,
    });
    if (result.tsaCertificate && looksLikeTestCertificate(result.tsaCertificate)) {
      context.part.add('SEAL_TIMESTAMP_TEST_TSA', {
        message: `The ${label} comes from a test TSA: "${result.tsa?.subject}"`,
      });
    }
    const genTime = new Date(result.genTime).getTime();
    const sigT = context.sigT?.getTime();
    if (sigT !== undefined) {
      if (kind === 'sigTst' && sigT > genTime + context.skewMs) {
        context.part.add('SEAL_TIME_CLAIM_CONTRADICTED', {
          message: `sigT ${context.sigT!.toISOString()} is after the signature timestamp ${result.genTime}`,
        });
      } else if (kind === 'adoTst' && genTime > sigT + context.skewMs) {
        context.part.add('SEAL_TIME_CLAIM_CONTRADICTED', {
          message: `sigT ${context.sigT!.toISOString()} is before the content timestamp ${result.genTime}`,
        });
      }
    }
  }
  return reports;
}

// ── one signature ───────────────────────────────────────────────────────────────────────────

interface SignatureEvaluation {
  proof: ProofReport;
  signature: Part;
  issuer: PartOutcome;
  details: Record<string, unknown>;
  claimedSigningTime?: string;
}

function joseErrorCode(error: unknown): string {
  return typeof (error as { code?: unknown }).code === 'string' ? (error as { code: string }).code : '';
}

async function evaluateSignature(
  raw: RawSignature,
  payload: string,
  index: number,
  total: number,
  context: CheckContext,
  anchors: TrustAnchorsResult | undefined,
): Promise<SignatureEvaluation> {
  const prefix = total > 1 ? `Signature ${index + 1}: ` : '';
  const part = new Part(prefix);
  const details: Record<string, unknown> = { index };
  const proof: ProofReport = { suite: 'jades', type: 'JAdES', verified: null };
  const undecidedIssuer = (reason: string): PartOutcome => ({
    status: 'indeterminate',
    findings: [],
    details: { reason },
  });

  const header = decodeJsonB64url(raw.protected);
  if (!header || typeof raw.signature !== 'string' || !B64URL.test(raw.signature)) {
    part.add('SEAL_ENVELOPE_INVALID', {
      message: `${header ? 'The signature value is missing or not base64url' : 'The protected header is missing or not base64url JSON'}`,
    });
    proof.reason = 'unreadable signature';
    return { proof, signature: part, issuer: undecidedIssuer('the signature could not be read'), details };
  }
  const alg = typeof header.alg === 'string' ? header.alg : undefined;
  if (alg) proof.type = alg;
  details.alg = alg;

  // Critical headers: understood, and present in the protected header.
  let critOk = true;
  if (header.crit !== undefined) {
    const crit = header.crit;
    if (!Array.isArray(crit) || crit.length === 0 || crit.some((c) => typeof c !== 'string')) {
      part.add('JWS_CRIT_UNSUPPORTED', { message: 'The crit header is not a non-empty list of names' });
      critOk = false;
    } else {
      const unknown = (crit as string[]).filter((c) => !JADES_UNDERSTOOD_CRIT.includes(c));
      const absent = (crit as string[]).filter((c) => JADES_UNDERSTOOD_CRIT.includes(c) && !(c in header));
      if (unknown.length > 0) {
        part.add('JWS_CRIT_UNSUPPORTED', {
          message: `Critical header parameter(s) not understood: ${unknown.join(', ')}`,
        });
        critOk = false;
      }
      if (absent.length > 0) {
        part.add('JWS_CRIT_UNSUPPORTED', {
          message: `crit names parameter(s) absent from the protected header: ${absent.join(', ')}`,
        });
        critOk = false;
      }
    }
  }
  for (const name of ['sigT', 'adoTst']) {
    if (name in header && !(Array.isArray(header.crit) && header.crit.includes(name))) {
      // JAdES requires them to be critical; tolerated, but reported in details.
      details.nonCriticalJadesHeaders = [...((details.nonCriticalJadesHeaders as string[]) ?? []), name];
    }
  }

  // Claimed signing time.
  const sigT = parseTime(header.sigT);
  if (sigT) {
    const claimed = String(header.sigT);
    details.claimedSigningTime = claimed;
    proof.created = claimed;
    part.add('SEAL_TIME_CLAIMED', {
      message: `The sealer claims to have sealed at ${claimed} (sigT, not proven by itself)`,
    });
  } else {
    part.add('SEAL_TIME_MISSING', {
      message:
        header.sigT === undefined
          ? 'The seal has no sigT; the certificate is checked at the verification time'
          : `sigT "${String(header.sigT)}" is not a date-time; the certificate is checked at the verification time`,
    });
  }

  // The signing certificate.
  const components = etsiUComponents(raw.header);
  const xVals = xValsCertificates(components);
  const x5c = Array.isArray(header.x5c) ? header.x5c : undefined;
  const x5cCerts: pkijs.Certificate[] = [];
  let leaf: pkijs.Certificate | undefined;
  if (x5c && x5c.length > 0) {
    leaf = typeof x5c[0] === 'string' ? parseCertificate(x5c[0]) : undefined;
    if (!leaf) {
      part.add('SEAL_CERT_UNREADABLE');
    } else {
      for (const c of x5c.slice(1, MAX_CERTIFICATES)) {
        const cert = typeof c === 'string' ? parseCertificate(c) : undefined;
        if (cert) x5cCerts.push(cert);
      }
    }
  } else if (typeof header['x5t#S256'] === 'string') {
    leaf = xVals.find((c) => certificateSha256(c) === header['x5t#S256']);
    if (!leaf) part.undecide('SEAL_CERT_MISSING');
  } else {
    part.undecide('SEAL_CERT_MISSING');
  }
  let leafInfo: CertificateInfo | undefined;
  if (leaf) {
    leafInfo = certificateInfo(leaf);
    details.certificate = leafInfo;
    proof.verificationMethod = leafInfo.subject;
    if (typeof header['x5t#S256'] === 'string' && header['x5t#S256'] !== leafInfo.sha256) {
      part.add('SEAL_CERT_DIGEST_MISMATCH');
    }
  }

  // The JWS itself.
  if (isForbiddenAlgorithm(alg)) {
    part.add('JWS_ALG_NOT_ALLOWED', {
      message: `The seal algorithm is ${alg}: it proves nothing about the sealer`,
    });
    proof.verified = false;
    proof.reason = 'algorithm not allowed';
  } else if (alg === undefined || !JADES_ALGORITHMS.includes(alg)) {
    part.undecide('JWS_ALG_UNSUPPORTED', {
      message: `The seal algorithm ${alg ?? '(none)'} is not supported`,
    });
    proof.reason = 'unsupported algorithm';
  } else if (leaf && critOk) {
    let key: KeyObject | undefined;
    try {
      key = new X509Certificate(certificateDer(leaf)).publicKey;
    } catch {
      part.add('SEAL_CERT_UNREADABLE', { message: 'The public key of the seal certificate cannot be read' });
    }
    if (key) {
      try {
        const jws: jose.FlattenedJWS = {
          protected: raw.protected as string,
          payload,
          signature: raw.signature,
        };
        if (isObject(raw.header)) jws.header = raw.header as jose.JWSHeaderParameters;
        await jose.flattenedVerify(jws, key, { algorithms: [alg], crit: { sigT: true, adoTst: true } });
        proof.verified = true;
      } catch (error) {
        const code = joseErrorCode(error);
        if (code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED') {
          part.add('SEAL_SIGNATURE_INVALID');
          proof.verified = false;
          proof.reason = 'signature mismatch';
        } else if (code === 'ERR_JWS_INVALID') {
          part.add('SEAL_ENVELOPE_INVALID', { message: `The JWS is malformed: ${(error as Error).message}` });
          proof.verified = false;
          proof.reason = 'malformed JWS';
        } else {
          part.undecide('JWS_ALG_UNSUPPORTED', {
            message: `The signature could not be checked with the certificate's key (${alg}): ${(error as Error).message}`,
          });
          proof.reason = 'key does not fit the algorithm';
        }
      }
    }
  } else if (!critOk) {
    proof.verified = false;
    proof.reason = 'unsupported critical header';
  }
  if (part.findings.some((f) => f.severity === 'error') && proof.verified === true) proof.verified = false;
  if (proof.verified === null && !proof.reason) proof.reason = 'signing certificate unavailable';
  // Fail closed: a signature that was not shown valid is never a pass.
  if (proof.verified !== true && part.status() !== 'fail') part.markUndecided();

  // Timestamps and other unsigned material.
  const timestampContext = {
    part,
    anchors,
    xVals: [...x5cCerts, ...xVals],
    sigT,
    skewMs: context.options.skewSeconds * 1000,
  };
  const timestamps: TimestampReport[] = [];
  if (header.adoTst !== undefined) {
    timestamps.push(
      ...(await checkTimestamps(
        'adoTst',
        header.adoTst,
        new TextEncoder().encode(payload),
        timestampContext,
      )),
    );
  }
  const notChecked: string[] = [];
  for (const component of components) {
    for (const [name, value] of Object.entries(component)) {
      if (name === 'sigTst') {
        const data = new TextEncoder().encode(raw.signature);
        timestamps.push(...(await checkTimestamps('sigTst', value, data, timestampContext)));
      } else if (name !== 'xVals') {
        notChecked.push(name);
      }
    }
  }
  if (timestamps.length > 0) details.timestamps = timestamps;
  if (notChecked.length > 0) {
    details.notChecked = notChecked;
    part.add('SEAL_TIMESTAMP_NOT_CHECKED', {
      message: `Long-term validation material not evaluated: ${[...new Set(notChecked)].join(', ')}`,
    });
  }

  // The issuer part.
  let issuer: PartOutcome;
  if (leaf) {
    issuer = await assessSealCertificate({
      leaf,
      intermediates: [...x5cCerts, ...xVals],
      validationTime: sigT ?? context.options.at,
      validationTimeSource: sigT ? 'sigT' : 'at',
      issuer: context.document.issuer,
      options: context.options,
      ...(anchors ? { anchors } : {}),
    });
    if (prefix) issuer.findings = issuer.findings.map((f) => ({ ...f, message: `${prefix}${f.message}` }));
  } else {
    issuer = undecidedIssuer('no signing certificate');
  }

  const evaluation: SignatureEvaluation = { proof, signature: part, issuer, details };
  if (sigT) evaluation.claimedSigningTime = String(header.sigT);
  return evaluation;
}

// ── the suite ───────────────────────────────────────────────────────────────────────────────

async function verifyJades(context: CheckContext): Promise<SuiteOutcome> {
  const container = context.container;
  const signatures = signaturesOf(container);
  if (!signatures || signatures.length === 0 || typeof container.payload !== 'string') {
    const part = new Part();
    part.add('SEAL_ENVELOPE_INVALID', {
      message:
        typeof container.payload !== 'string'
          ? 'The envelope has no payload string (detached or re-encoded payloads are not supported)'
          : 'The envelope has no signatures',
    });
    return {
      suite: 'jades',
      proofs: [],
      signature: { status: 'fail', findings: part.findings },
      issuer: {
        status: 'indeterminate',
        findings: [],
        details: { reason: 'the envelope could not be read' },
      },
    };
  }

  const anchors = context.options.trustAnchors
    ? await loadTrustAnchors(context.options.trustAnchors)
    : undefined;
  const evaluations: SignatureEvaluation[] = [];
  const checked = signatures.slice(0, MAX_SIGNATURES);
  for (const [index, raw] of checked.entries()) {
    evaluations.push(
      await evaluateSignature(raw, container.payload, index, checked.length, context, anchors),
    );
  }
  if (signatures.length > MAX_SIGNATURES) {
    evaluations[0]!.signature.undecide('JWS_NOT_PROCESSED', {
      message: `Only the first ${MAX_SIGNATURES} of ${signatures.length} signatures were checked`,
    });
  }

  const first = evaluations[0]!;
  const signatureDetails: Record<string, unknown> = {
    signatures: evaluations.map((e) => e.details),
  };
  if (first.claimedSigningTime) signatureDetails.claimedSigningTime = first.claimedSigningTime;
  const issuerDetails: Record<string, unknown> =
    evaluations.length === 1
      ? first.issuer.details
      : { ...first.issuer.details, signatures: evaluations.map((e) => e.issuer.details) };

  return {
    suite: 'jades',
    proofs: evaluations.map((e) => e.proof),
    signature: {
      status: worstStatus(evaluations.map((e) => e.signature.status())),
      findings: evaluations.flatMap((e) => e.signature.findings),
      details: signatureDetails,
    },
    issuer: {
      status: worstStatus(evaluations.map((e) => e.issuer.status)),
      findings: evaluations.flatMap((e) => e.issuer.findings),
      details: issuerDetails,
    },
  };
}

export const jadesSuite: SignatureSuite = {
  id: 'jades',
  applies(context: CheckContext): boolean {
    return context.envelope?.type === 'jades';
  },
  async verify(context: CheckContext): Promise<SuiteOutcome> {
    try {
      return await verifyJades(context);
    } catch (error) {
      // A bug or an input no parser anticipated: never a pass, never a throw.
      const part = new Part();
      part.undecide('JWS_NOT_PROCESSED', {
        message: `The seal could not be processed: ${(error as Error).message}`,
      });
      return {
        suite: 'jades',
        proofs: [{ suite: 'jades', type: 'JAdES', verified: null, reason: 'internal error' }],
        signature: { status: 'indeterminate', findings: part.findings },
        issuer: { status: 'indeterminate', findings: [] },
      };
    }
  },
};
