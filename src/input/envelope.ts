// Opens signature envelopes so that the adapters see the credential document itself:
// a JAdES / JWS JSON serialisation ({payload, signatures}) or a compact VC-JWT.
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { finding } from '../findings/index.js';
import { isObject } from '../formats/json.js';
import type { JsonObject } from '../formats/types.js';
import type { EnvelopeInfo, Finding } from '../model/results.js';

export type OpenedEnvelope =
  | { ok: true; document: JsonObject; container: JsonObject; envelope?: EnvelopeInfo }
  | { ok: false; findings: Finding[] };

/** True for a JWS JSON serialisation (general or flattened) whose payload is a string. */
export function isJwsJson(json: JsonObject): boolean {
  return (
    typeof json.payload === 'string' && (Array.isArray(json.signatures) || typeof json.signature === 'string')
  );
}

export function openJsonEnvelope(json: JsonObject): OpenedEnvelope {
  if (!isJwsJson(json)) return { ok: true, document: json, container: json };
  const payload = json.payload as string;
  let document: unknown;
  try {
    document = JSON.parse(payload);
  } catch {
    // b64:true payloads are base64url; try that before giving up.
    try {
      document = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    } catch {
      return {
        ok: false,
        findings: [
          finding('FORMAT_ENVELOPE_INVALID', {
            pointer: '/payload',
            message: 'The JWS payload is not a JSON credential',
          }),
        ],
      };
    }
  }
  if (!isObject(document)) {
    return {
      ok: false,
      findings: [
        finding('FORMAT_ENVELOPE_INVALID', {
          pointer: '/payload',
          message: 'The JWS payload is not a JSON object',
        }),
      ],
    };
  }
  return { ok: true, document, container: json, envelope: { type: 'jades', pointer: '/payload' } };
}

/** A compact JWS holding a VC: VC 1.1 (`vc` claim) or VC 2.0 (`vc+jwt`, the payload is the credential). */
export function openJwt(jwt: string): OpenedEnvelope {
  try {
    const header = decodeProtectedHeader(jwt);
    const payload = decodeJwt(jwt) as JsonObject;
    const document = isObject(payload.vc) ? payload.vc : payload;
    if (!isObject(document) || (!('@context' in document) && !('credentialSubject' in document))) {
      return {
        ok: false,
        findings: [
          finding('FORMAT_ENVELOPE_INVALID', { message: 'The JWT does not carry a verifiable credential' }),
        ],
      };
    }
    void header;
    return {
      ok: true,
      document,
      container: { jwt },
      envelope: { type: 'jwt', pointer: isObject(payload.vc) ? '/vc' : '' },
    };
  } catch (error) {
    return {
      ok: false,
      findings: [
        finding('FORMAT_ENVELOPE_INVALID', {
          message: `The JWT could not be decoded: ${(error as Error).message}`,
        }),
      ],
    };
  }
}
