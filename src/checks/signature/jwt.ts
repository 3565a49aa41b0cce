// The VC-JWT suite: compact JWS credentials, both VC Data Model 1.1 JWTs (`vc` claim) and VC 2.0
// JOSE-secured credentials (`typ: vc+jwt`, the payload is the credential). Keys are resolved
// offline: did:key (Ed25519), did:jwk, or an x5c certificate (then the certificate chain and the
// certificate-versus-issuer checks of the JAdES suite apply).
//
// signature part: the JWS, `nbf`/`exp` against --at (± skew) and against the credential's own dates
// (field report B23). issuer part: `iss` equals the issuer id (B40) and the key belongs to the issuer.
import { X509Certificate, type KeyObject } from 'node:crypto';
import * as jose from 'jose';
import type * as pkijs from 'pkijs';
import { isObject } from '../../formats/json.js';
import type { JsonObject, VcVersion } from '../../formats/types.js';
import { decodeVcJwt, isoFromSeconds } from '../../input/vc-jwt.js';
import { ed25519Multikey } from '../../issue/jwt.js';
import type { CheckStatus } from '../../model/results.js';
import { certificateDer, certificateInfo, parseCertificate } from '../../resolve/x509.js';
import type { CheckContext } from '../types.js';
import { assessSealCertificate, isForbiddenAlgorithm, Part, worstStatus, type PartOutcome } from './jades.js';
import type { ProofReport, SignatureSuite, SuiteOutcome } from './types.js';

/** JWS algorithms verified for VC-JWTs. */
export const JWT_ALGORITHMS = [
  'EdDSA',
  'Ed25519',
  'ES256',
  'ES384',
  'ES512',
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
];

// ── key resolution ─────────────────────────────────────────────────────────────────────────

type ResolvedKey =
  | { kind: 'did'; did: string; key: jose.CryptoKey | Uint8Array; method: string }
  | { kind: 'x5c'; leaf: pkijs.Certificate; intermediates: pkijs.Certificate[]; method: string }
  | { kind: 'unresolved'; reason: string; method?: string }
  | { kind: 'unfit'; reason: string; method: string };

async function resolveKey(
  header: jose.ProtectedHeaderParameters,
  iss: string | undefined,
  alg: string,
): Promise<ResolvedKey> {
  if (Array.isArray(header.x5c) && header.x5c.length > 0) {
    const leaf = typeof header.x5c[0] === 'string' ? parseCertificate(header.x5c[0]) : undefined;
    if (!leaf) return { kind: 'unresolved', reason: 'the x5c certificate cannot be parsed' };
    const intermediates = header.x5c
      .slice(1, 32)
      .map((c) => (typeof c === 'string' ? parseCertificate(c) : undefined))
      .filter((c): c is pkijs.Certificate => c !== undefined);
    return { kind: 'x5c', leaf, intermediates, method: `x5c: ${certificateInfo(leaf).subject}` };
  }
  const ref = typeof header.kid === 'string' && header.kid.startsWith('did:') ? header.kid : iss;
  if (!ref) return { kind: 'unresolved', reason: 'no kid, iss or x5c names the key' };
  const did = ref.split('#')[0]!;
  if (did.startsWith('did:key:')) {
    const multibase = did.slice('did:key:'.length);
    if (!multibase.startsWith('z6Mk')) {
      return { kind: 'unresolved', reason: 'only Ed25519 did:key (z6Mk…) is resolved offline', method: ref };
    }
    let jwk: jose.JWK;
    try {
      const multikey = await ed25519Multikey();
      jwk = await multikey.toJwk({ keyPair: await multikey.from({ publicKeyMultibase: multibase }) });
    } catch {
      return { kind: 'unresolved', reason: 'the did:key does not decode to an Ed25519 key', method: ref };
    }
    if (alg !== 'EdDSA' && alg !== 'Ed25519') {
      return { kind: 'unfit', reason: `an Ed25519 did:key cannot verify ${alg}`, method: ref };
    }
    return { kind: 'did', did, key: await jose.importJWK(jwk, alg), method: ref };
  }
  if (did.startsWith('did:jwk:')) {
    let jwk: unknown;
    try {
      jwk = JSON.parse(Buffer.from(did.slice('did:jwk:'.length), 'base64url').toString('utf8'));
    } catch {
      return { kind: 'unresolved', reason: 'the did:jwk is not base64url JSON', method: ref };
    }
    if (!isObject(jwk) || typeof jwk.kty !== 'string') {
      return { kind: 'unresolved', reason: 'the did:jwk is not a JWK', method: ref };
    }
    const { d: _d, ...publicPart } = jwk as jose.JWK;
    try {
      return { kind: 'did', did, key: await jose.importJWK({ ...publicPart, alg }, alg), method: ref };
    } catch (error) {
      return {
        kind: 'unfit',
        reason: `the did:jwk key cannot verify ${alg}: ${(error as Error).message}`,
        method: ref,
      };
    }
  }
  return {
    kind: 'unresolved',
    reason: `${did.split(':').slice(0, 2).join(':')} keys cannot be resolved offline`,
    method: ref,
  };
}

// ── the suite ───────────────────────────────────────────────────────────────────────────────

function issuerIdOf(credential: JsonObject): string | undefined {
  const issuer = credential.issuer;
  if (typeof issuer === 'string') return issuer;
  return isObject(issuer) && typeof issuer.id === 'string' ? issuer.id : undefined;
}

function errorCode(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : '';
}

async function verifyJwt(context: CheckContext): Promise<SuiteOutcome> {
  const signature = new Part();
  const issuerPart = new Part();
  const details: Record<string, unknown> = {};
  const issuerDetails: Record<string, unknown> = {};
  const proof: ProofReport = { suite: 'jwt', type: 'JWT', verified: null };
  const outcome = (issuerOutcome?: PartOutcome): SuiteOutcome => {
    let issuerStatus: CheckStatus = issuerPart.status();
    let issuerFindings = issuerPart.findings;
    if (issuerOutcome) {
      issuerFindings = [...issuerOutcome.findings, ...issuerFindings];
      issuerStatus = worstStatus([issuerOutcome.status, issuerStatus]);
      Object.assign(issuerDetails, issuerOutcome.details);
    }
    return {
      suite: 'jwt',
      proofs: [proof],
      signature: { status: signature.status(), findings: signature.findings, details },
      issuer: { status: issuerStatus, findings: issuerFindings, details: issuerDetails },
    };
  };

  const jwt = typeof context.container.jwt === 'string' ? context.container.jwt.trim() : undefined;
  const decoded = jwt ? decodeVcJwt(jwt) : { ok: false as const, reason: 'no JWT in the container' };
  if (!jwt || !decoded.ok) {
    signature.add('JWT_MALFORMED', {
      message: `The JWT cannot be decoded: ${decoded.ok ? '' : decoded.reason}`,
    });
    proof.verified = false;
    proof.reason = 'malformed';
    issuerPart.markUndecided();
    issuerDetails.reason = 'the JWT could not be decoded';
    return outcome();
  }
  const { header, payload, form } = decoded;
  const raw: JsonObject = form === 'vc-claim' ? (payload.vc as JsonObject) : decoded.document;
  const alg = typeof header.alg === 'string' ? header.alg : 'none';
  proof.type = alg;
  Object.assign(details, { alg, form, vcVersion: decoded.vcVersion });
  if (typeof header.typ === 'string') details.typ = header.typ;
  if (typeof header.kid === 'string') details.kid = header.kid;
  const iat = isoFromSeconds(payload.iat);
  if (iat) proof.created = iat;

  // Header checks.
  let headerOk = true;
  if (header.crit !== undefined) {
    signature.add('JWS_CRIT_UNSUPPORTED', {
      message: `Critical header parameter(s) not understood: ${Array.isArray(header.crit) ? header.crit.join(', ') : String(header.crit)}`,
    });
    headerOk = false;
  }
  if (isForbiddenAlgorithm(alg)) {
    signature.add('JWS_ALG_NOT_ALLOWED', {
      message: `The JWT algorithm is ${alg}: it proves nothing about the issuer`,
    });
    headerOk = false;
    proof.verified = false;
    proof.reason = 'algorithm not allowed';
  } else if (!JWT_ALGORITHMS.includes(alg)) {
    signature.undecide('JWS_ALG_UNSUPPORTED', { message: `The JWT algorithm ${alg} is not supported` });
    headerOk = false;
    proof.reason = 'unsupported algorithm';
  }

  // The key and the signature.
  const iss = typeof payload.iss === 'string' ? payload.iss : undefined;
  const resolved = headerOk ? await resolveKey(header, iss, alg) : undefined;
  if (resolved) proof.verificationMethod = resolved.method;
  if (resolved?.kind === 'unresolved') {
    signature.undecide('JWT_KEY_UNRESOLVED', {
      message: `The signing key could not be resolved: ${resolved.reason}`,
    });
    proof.reason = resolved.reason;
  } else if (resolved?.kind === 'unfit') {
    signature.undecide('JWS_ALG_UNSUPPORTED', {
      message: `The signature could not be checked: ${resolved.reason}`,
    });
    proof.reason = resolved.reason;
  } else if (resolved) {
    let key: jose.CryptoKey | Uint8Array | KeyObject | undefined;
    if (resolved.kind === 'did') key = resolved.key;
    else {
      try {
        key = new X509Certificate(certificateDer(resolved.leaf)).publicKey;
      } catch {
        signature.undecide('JWT_KEY_UNRESOLVED', {
          message: 'The public key of the x5c certificate cannot be read',
        });
      }
    }
    if (key) {
      try {
        await jose.compactVerify(jwt, key, { algorithms: [alg] });
        proof.verified = true;
      } catch (error) {
        const code = errorCode(error);
        if (code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED') {
          signature.add('JWT_SIGNATURE_INVALID');
          proof.verified = false;
          proof.reason = 'signature mismatch';
        } else if (code === 'ERR_JWS_INVALID') {
          signature.add('JWT_MALFORMED', { message: `The JWS is malformed: ${(error as Error).message}` });
          proof.verified = false;
          proof.reason = 'malformed JWS';
        } else {
          signature.undecide('JWS_ALG_UNSUPPORTED', {
            message: `The signature could not be checked (${alg}): ${(error as Error).message}`,
          });
          proof.reason = 'key does not fit the algorithm';
        }
      }
    }
  } else if (!headerOk && header.crit !== undefined) {
    proof.verified = false;
    proof.reason = 'unsupported critical header';
  }

  // Fail closed: a signature that was not shown valid is never a pass.
  if (proof.verified !== true && signature.status() !== 'fail') signature.markUndecided();

  // Dates: the JWT claims against --at, and against the credential's own dates (B23).
  checkDates(context, payload, raw, decoded.vcVersion, signature, details);

  // Issuer: iss versus the credential issuer (B40), and the key versus the issuer.
  const credentialIssuer = issuerIdOf(raw);
  const effectiveIssuer = credentialIssuer ?? iss;
  if (iss !== undefined) issuerDetails.iss = iss;
  if (credentialIssuer !== undefined) issuerDetails.issuer = credentialIssuer;
  if (iss !== undefined && credentialIssuer !== undefined && iss !== credentialIssuer) {
    issuerPart.add('JWT_ISS_MISMATCH', {
      pointer: isObject(raw.issuer) ? '/issuer/id' : '/issuer',
      message: `The JWT iss "${iss}" is not the credential issuer "${credentialIssuer}"`,
    });
  } else if (iss === undefined && form === 'vc-claim') {
    issuerPart.add('JWT_ISS_MISSING');
  }

  let x5cOutcome: PartOutcome | undefined;
  if (resolved?.kind === 'did') {
    issuerDetails.keyDid = resolved.did;
    if (effectiveIssuer !== undefined && resolved.did !== effectiveIssuer) {
      issuerPart.add('JWT_KID_NOT_ISSUER', {
        message: `The JWT was signed with a key of ${resolved.did}, not of the issuer ${effectiveIssuer}`,
      });
    } else if (effectiveIssuer === undefined) {
      issuerPart.markUndecided();
      issuerDetails.reason = 'the credential names no issuer';
    }
  } else if (resolved?.kind === 'x5c') {
    const at = typeof payload.iat === 'number' ? new Date(payload.iat * 1000) : undefined;
    x5cOutcome = await assessSealCertificate({
      leaf: resolved.leaf,
      intermediates: resolved.intermediates,
      validationTime: at ?? context.options.at,
      validationTimeSource: at ? 'iat' : 'at',
      issuer: raw.issuer,
      options: context.options,
    });
  } else {
    issuerPart.markUndecided();
    issuerDetails.reason = resolved
      ? 'the signing key could not be resolved'
      : 'the signature was not checked';
  }
  return outcome(x5cOutcome);
}

function checkDates(
  context: CheckContext,
  payload: jose.JWTPayload,
  credential: JsonObject,
  version: VcVersion,
  part: Part,
  details: Record<string, unknown>,
): void {
  const pairs: { claim: 'nbf' | 'exp'; property: string }[] = [
    { claim: 'nbf', property: version === '1.1' ? 'issuanceDate' : 'validFrom' },
    { claim: 'exp', property: version === '1.1' ? 'expirationDate' : 'validUntil' },
  ];
  const dates: Record<string, unknown> = {};
  for (const { claim, property } of pairs) {
    const value = payload[claim];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      part.add('JWT_MALFORMED', { message: `The ${claim} claim is not a NumericDate` });
      continue;
    }
    const claimIso = new Date(value * 1000).toISOString();
    const entry: Record<string, unknown> = { claim: claimIso };
    dates[claim] = entry;
    const credentialValue = credential[property];
    if (typeof credentialValue === 'string' && !Number.isNaN(Date.parse(credentialValue))) {
      entry[property] = credentialValue;
      if (Math.floor(Date.parse(credentialValue) / 1000) !== Math.floor(value)) {
        part.add('JWT_DATES_CONFLICT', {
          pointer: `/${property}`,
          message: `The JWT ${claim} (${claimIso}) differs from the credential's ${property} (${credentialValue})`,
        });
      }
    }
    // Whether nbf/exp hold at the verification time is the dates check's to say.
  }
  if (Object.keys(dates).length > 0) details.dates = dates;
}

export const jwtSuite: SignatureSuite = {
  id: 'jwt',
  applies(context: CheckContext): boolean {
    return context.envelope?.type === 'jwt';
  },
  async verify(context: CheckContext): Promise<SuiteOutcome> {
    try {
      return await verifyJwt(context);
    } catch (error) {
      const part = new Part();
      part.undecide('JWS_NOT_PROCESSED', {
        message: `The JWT could not be processed: ${(error as Error).message}`,
      });
      return {
        suite: 'jwt',
        proofs: [{ suite: 'jwt', type: 'JWT', verified: null, reason: 'internal error' }],
        signature: { status: 'indeterminate', findings: part.findings },
        issuer: { status: 'indeterminate', findings: [] },
      };
    }
  },
};
