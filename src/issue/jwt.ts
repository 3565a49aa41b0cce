// VC-JWT signing (jose, Ed25519/EdDSA): VC Data Model 1.1 JWTs with a `vc` claim, and VC 2.0
// JOSE-secured credentials (`typ: vc+jwt`) whose payload is the credential itself.
import * as jose from 'jose';
import { isObject } from '../formats/json.js';
import type { JsonObject, VcVersion } from '../formats/types.js';

/** The subset of @digitalbazaar/ed25519-multikey used here (the package ships no types). */
export interface Ed25519MultikeyModule {
  from(key: { publicKeyMultibase: string }): Promise<unknown>;
  fromJwk(options: { jwk: jose.JWK; secretKey?: boolean }): Promise<{ publicKeyMultibase: string }>;
  toJwk(options: { keyPair: unknown; secretKey?: boolean }): Promise<jose.JWK>;
}

const ED25519_MULTIKEY: string = '@digitalbazaar/ed25519-multikey';
let multikeyModule: Promise<Ed25519MultikeyModule> | undefined;

/** Loads @digitalbazaar/ed25519-multikey once (multibase/multicodec handling is not hand-rolled). */
export function ed25519Multikey(): Promise<Ed25519MultikeyModule> {
  multikeyModule ??= import(ED25519_MULTIKEY) as Promise<Ed25519MultikeyModule>;
  return multikeyModule;
}

function publicJwk(jwk: jose.JWK): jose.JWK {
  const {
    d: _d,
    p: _p,
    q: _q,
    dp: _dp,
    dq: _dq,
    qi: _qi,
    oth: _oth,
    k: _k,
    ...rest
  } = jwk as jose.JWK & {
    oth?: unknown;
  };
  return rest;
}

/** did:key of an Ed25519 JWK (public or private). */
export async function didKeyFromJwk(jwk: jose.JWK): Promise<string> {
  const { publicKeyMultibase } = await (await ed25519Multikey()).fromJwk({ jwk: publicJwk(jwk) });
  return `did:key:${publicKeyMultibase}`;
}

/** did:jwk of a JWK (its public members only). */
export function didJwkFromJwk(jwk: jose.JWK): string {
  return `did:jwk:${Buffer.from(JSON.stringify(publicJwk(jwk)), 'utf8').toString('base64url')}`;
}

export interface SignVcJwtOptions {
  vcVersion: VcVersion;
  /** JWS `kid`; by default `<did:key>#<multibase>` or `<did:jwk>#0` when the issuer is such a DID. */
  kid?: string;
  /** Claims to set or override (e.g. a conflicting `nbf` for a test); `null` removes a claim. */
  claims?: Record<string, unknown>;
  /** Header `typ`; default `JWT` for 1.1 and `vc+jwt` for 2.0. */
  typ?: string;
}

function issuerIdOf(credential: JsonObject): string | undefined {
  const issuer = credential.issuer;
  if (typeof issuer === 'string') return issuer;
  return isObject(issuer) && typeof issuer.id === 'string' ? issuer.id : undefined;
}

function seconds(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : Math.floor(t / 1000);
}

/**
 * Signs a credential as a VC-JWT with an Ed25519 private JWK (`{kty:'OKP', crv:'Ed25519', x, d}`).
 * 1.1: `{iss, sub, jti, nbf ← issuanceDate, exp ← expirationDate, vc}` (VC-JWT 1.1 §6.3.1);
 * 2.0: the credential itself plus `iss`, `nbf ← validFrom`, `exp ← validUntil`.
 */
export async function signVcJwt(
  credential: JsonObject,
  key: jose.JWK,
  options: SignVcJwtOptions,
): Promise<string> {
  const privateKey = await jose.importJWK({ ...key, alg: 'EdDSA' }, 'EdDSA');
  const issuer = issuerIdOf(credential);
  const claims: Record<string, unknown> = {};
  if (issuer) claims.iss = issuer;
  if (options.vcVersion === '1.1') {
    const subject = credential.credentialSubject;
    if (isObject(subject) && typeof subject.id === 'string') claims.sub = subject.id;
    if (typeof credential.id === 'string') claims.jti = credential.id;
    const nbf = seconds(credential.issuanceDate ?? credential.validFrom);
    const exp = seconds(credential.expirationDate ?? credential.validUntil);
    if (nbf !== undefined) claims.nbf = nbf;
    if (exp !== undefined) claims.exp = exp;
    claims.vc = credential;
  } else {
    Object.assign(claims, credential);
    if (issuer) claims.iss = issuer;
    const nbf = seconds(credential.validFrom);
    const exp = seconds(credential.validUntil);
    if (nbf !== undefined) claims.nbf = nbf;
    if (exp !== undefined) claims.exp = exp;
  }
  for (const [name, value] of Object.entries(options.claims ?? {})) {
    if (value === null) delete claims[name];
    else claims[name] = value;
  }

  let kid = options.kid;
  if (kid === undefined && issuer?.startsWith('did:key:'))
    kid = `${issuer}#${issuer.slice('did:key:'.length)}`;
  if (kid === undefined && issuer?.startsWith('did:jwk:')) kid = `${issuer}#0`;
  const header: jose.CompactJWSHeaderParameters = {
    alg: 'EdDSA',
    typ: options.typ ?? (options.vcVersion === '2.0' ? 'vc+jwt' : 'JWT'),
  };
  if (options.vcVersion === '2.0') header.cty = 'vc';
  if (kid !== undefined) header.kid = kid;

  return new jose.CompactSign(new TextEncoder().encode(JSON.stringify(claims)))
    .setProtectedHeader(header)
    .sign(privateKey);
}
