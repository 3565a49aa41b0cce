// Decoding (not verifying) a VC-JWT: VC 1.1 (`vc` claim) or VC 2.0 (the payload is the credential).
import * as jose from 'jose';
import { isObject } from '../formats/json.js';
import type { JsonObject, VcVersion } from '../formats/types.js';
import { vcVersionOf } from '../formats/vc.js';

/** Registered JWT claims, removed from a VC 2.0 payload to leave the credential. */
const JWT_CLAIMS = ['iss', 'sub', 'aud', 'exp', 'nbf', 'iat', 'jti'];

export type DecodedVcJwt =
  | {
      ok: true;
      /** The credential: the `vc` claim (1.1 form, with iss/nbf/exp/jti/sub restored where the claim lacks them) or the payload without JWT claims (2.0 form). */
      document: JsonObject;
      header: jose.ProtectedHeaderParameters;
      payload: jose.JWTPayload;
      /** The data-model version from the credential's @context; by shape when there is none (vc claim → 1.1). */
      vcVersion: VcVersion;
      /** vc-claim: VC-JWT 1.1 `vc` claim; payload: the payload is the credential (VC-JOSE-COSE). */
      form: 'vc-claim' | 'payload';
      /** Credential properties filled from JWT claims (1.1 decoding rules). */
      restored: string[];
    }
  | { ok: false; reason: string };

export const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

export function isoFromSeconds(value: unknown): string | undefined {
  return typeof value === 'number' && Number.isFinite(value)
    ? new Date(value * 1000).toISOString()
    : undefined;
}

/** Decodes (does not verify) a VC-JWT for the input layer. Never throws. */
export function decodeVcJwt(text: string): DecodedVcJwt {
  const jwt = text.trim();
  if (!COMPACT_JWS.test(jwt)) return { ok: false, reason: 'not a compact JWS (three base64url parts)' };
  let header: jose.ProtectedHeaderParameters;
  let payload: jose.JWTPayload;
  try {
    header = jose.decodeProtectedHeader(jwt);
    payload = jose.decodeJwt(jwt);
  } catch (error) {
    return { ok: false, reason: `the header or payload is not base64url JSON (${(error as Error).message})` };
  }
  if (isObject(payload.vc)) {
    const document: JsonObject = structuredClone(payload.vc);
    const version = vcVersionOf(document) ?? '1.1';
    const restored: string[] = [];
    const restore = (property: string, value: unknown): void => {
      if (value === undefined || document[property] !== undefined) return;
      document[property] = value;
      restored.push(property);
    };
    restore('issuer', typeof payload.iss === 'string' ? payload.iss : undefined);
    restore(version === '1.1' ? 'issuanceDate' : 'validFrom', isoFromSeconds(payload.nbf));
    restore(version === '1.1' ? 'expirationDate' : 'validUntil', isoFromSeconds(payload.exp));
    restore('id', typeof payload.jti === 'string' ? payload.jti : undefined);
    const subject = document.credentialSubject;
    if (isObject(subject) && subject.id === undefined && typeof payload.sub === 'string') {
      document.credentialSubject = { ...subject, id: payload.sub };
      restored.push('credentialSubject.id');
    }
    return { ok: true, document, header, payload, vcVersion: version, form: 'vc-claim', restored };
  }
  if ('@context' in payload || 'credentialSubject' in payload || 'type' in payload) {
    const document: JsonObject = {};
    for (const [k, v] of Object.entries(payload)) if (!JWT_CLAIMS.includes(k) && k !== 'cnf') document[k] = v;
    if (isObject(payload.cnf)) document.cnf = payload.cnf;
    return {
      ok: true,
      document,
      header,
      payload,
      vcVersion: vcVersionOf(document) ?? '2.0',
      form: 'payload',
      restored: [],
    };
  }
  return { ok: false, reason: 'the payload has no `vc` claim and is not a credential' };
}
