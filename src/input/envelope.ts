// Opens signature envelopes so that the adapters see the credential document itself:
// a JAdES / JWS JSON serialisation ({payload, signatures}) or a compact VC-JWT.
import { finding } from '../findings/index.js';
import { escapePointerToken, isObject } from '../formats/json.js';
import type { JsonObject } from '../formats/types.js';
import type { EnvelopeInfo, Finding } from '../model/results.js';
import { firstPointerDeeperThan } from './read.js';
import { decodeVcJwt } from './vc-jwt.js';

export type OpenedEnvelope =
  | { ok: true; document: JsonObject; container: JsonObject; envelope?: EnvelopeInfo; findings?: Finding[] }
  | { ok: false; findings: Finding[] };

/** True for a JWS JSON serialisation (general or flattened) whose payload is a string. */
/** The members of a JWS JSON serialisation (RFC 7515 §7.2), general or flattened. */
const JWS_JSON_MEMBERS = new Set(['payload', 'signatures', 'protected', 'header', 'signature']);

export function isJwsJson(json: JsonObject): boolean {
  return (
    typeof json.payload === 'string' && (Array.isArray(json.signatures) || typeof json.signature === 'string')
  );
}

export function openJsonEnvelope(json: JsonObject, maxDepth: number): OpenedEnvelope {
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
  const findings = Object.keys(json)
    .filter((key) => !JWS_JSON_MEMBERS.has(key))
    .map((key) =>
      finding('FORMAT_ENVELOPE_UNSIGNED_MEMBERS', {
        pointer: `/${escapePointerToken(key)}`,
        message: `The envelope member "${key}" is outside the signed payload; it was ignored`,
      }),
    );
  return (
    withinDepth(document, '/payload', maxDepth) ?? {
      ok: true,
      document,
      container: json,
      envelope: { type: 'jades', pointer: '/payload' },
      findings,
    }
  );
}

/** A compact JWS holding a VC: VC 1.1 (`vc` claim) or VC 2.0 (`vc+jwt`, the payload is the credential). */
export function openJwt(jwt: string, maxDepth: number): OpenedEnvelope {
  const decoded = decodeVcJwt(jwt);
  if (!decoded.ok) {
    return {
      ok: false,
      findings: [
        finding('FORMAT_ENVELOPE_INVALID', {
          message: `The JWT does not carry a verifiable credential: ${decoded.reason}`,
        }),
      ],
    };
  }
  const pointer = decoded.form === 'vc-claim' ? '/vc' : '';
  return (
    withinDepth(decoded.document, pointer, maxDepth) ?? {
      ok: true,
      document: decoded.document,
      container: { jwt },
      envelope: { type: 'jwt', pointer },
    }
  );
}

/** The nesting limit applies to a payload as it does to a file. */
function withinDepth(document: unknown, prefix: string, maxDepth: number): OpenedEnvelope | undefined {
  const tooDeep = firstPointerDeeperThan(document, maxDepth);
  if (tooDeep === undefined) return undefined;
  return {
    ok: false,
    findings: [
      finding('INPUT_TOO_DEEP', {
        pointer: `${prefix}${tooDeep}`,
        message: `The envelope's payload nests deeper than ${maxDepth} levels (--max-depth) at ${prefix}${tooDeep}`,
      }),
    ],
  };
}
