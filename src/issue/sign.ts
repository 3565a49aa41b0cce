// Signs a credential with an Ed25519 key (src/issue/keys.ts) as Ed25519Signature2020 or as a
// DataIntegrityProof with eddsa-rdfc-2022, through @digitalbazaar/vc's issue() (JSON-LD safe mode).
// Deterministic: Ed25519 signatures are, and `created` can be fixed.
import { issue } from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { Ed25519Signature2020 } from '@digitalbazaar/ed25519-signature-2020';
import { cryptosuite as eddsaRdfc2022Cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import jsonld from 'jsonld';
import type { JsonObject } from '../formats/types.js';
import { ContextUnavailableError, type DocumentLoader } from '../resolve/contexts.js';
import { keyPairOf, type KeyFile } from './keys.js';

export type LdSuiteName = 'ed25519-2020' | 'eddsa-rdfc-2022';

export interface SignOptions {
  /** A loader from createDocumentLoader (contexts only are needed: the key is given). */
  documentLoader: DocumentLoader;
  /** proof.created; default: now. A fixed value makes the output byte-for-byte reproducible. */
  created?: string | Date;
}

const VC_V1 = 'https://www.w3.org/2018/credentials/v1';

type JsonLdToRdf = (input: unknown, options: Record<string, unknown>) => Promise<unknown>;
const toRdf = (jsonld as unknown as { toRDF: JsonLdToRdf }).toRDF;

/** JSON pointer of the first member named `name` (depth-first, document order), if any. */
function pointerOfKey(value: unknown, name: string, pointer = ''): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const entries: [string, unknown][] = Array.isArray(value)
    ? value.map((item, i) => [String(i), item])
    : Object.entries(value as Record<string, unknown>);
  for (const [key, child] of entries) {
    const here = `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    if (!Array.isArray(value) && key === name) return here;
    if (key === '@context') continue;
    const found = pointerOfKey(child, name, here);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * Processes the credential as JSON-LD in safe mode (expansion and RDF conversion, offline through the
 * given loader) and returns what stops it, in words: a term no @context defines, a relative IRI, a
 * context that is not available, a JSON-LD error. undefined when the credential is safe to sign.
 * Never throws. Signing runs the same processing; this gives the reason instead of the library's
 * bare "Safe mode validation error.".
 */
export async function safeModeProblem(
  credential: JsonObject,
  documentLoader: DocumentLoader,
): Promise<string | undefined> {
  try {
    await toRdf(credential, { format: 'application/n-quads', safe: true, base: null, documentLoader });
    return undefined;
  } catch (error) {
    const chain: unknown[] = [];
    for (let e: unknown = error; e && chain.length < 10;) {
      chain.push(e);
      const next = e as { details?: { cause?: unknown }; cause?: unknown };
      e = next.details?.cause ?? next.cause;
    }
    const context = chain.find((e) => e instanceof ContextUnavailableError);
    if (context) {
      const c = context as ContextUnavailableError;
      return c.reason === 'offline'
        ? `the JSON-LD context ${c.url} is not bundled with mcred; give a folder holding it with --context-dir`
        : c.message;
    }
    const validation = chain.find((e) => (e as { name?: unknown }).name === 'jsonld.ValidationError') as
      { details?: { event?: { code?: string; details?: Record<string, unknown> } } } | undefined;
    if (validation) {
      const event = validation.details?.event;
      const d = event?.details ?? {};
      switch (event?.code) {
        case 'invalid property': {
          const property = String(d.property);
          const at = pointerOfKey(credential, property);
          return `the property "${property}"${at ? ` (at ${at})` : ''} is not defined by the credential's @context (JSON-LD safe mode); define it in a context or remove it`;
        }
        case 'relative @type reference':
          return `the type "${String(d.type)}" is not defined by the credential's @context (JSON-LD safe mode)`;
        case 'relative @id reference':
          return `"${String(d.id)}" is a relative IRI where an absolute id is needed (JSON-LD safe mode)`;
        default:
          return `JSON-LD safe mode rejected the credential (${event?.code ?? 'unknown'}${
            d && Object.keys(d).length > 0 ? `: ${JSON.stringify(d).slice(0, 200)}` : ''
          })`;
      }
    }
    const first = chain[0];
    return `JSON-LD processing failed: ${first instanceof Error ? first.message : String(first)}`;
  }
}

/**
 * Returns a signed copy of `credential` (the input is not modified). The issuer must be the key's DID
 * (`issuer` string or `issuer.id`); it is never set or changed here. If the credential lacks the suite's
 * context (ed25519-2020/v1 for Ed25519Signature2020; data-integrity/v2 for a Data Integrity proof on a
 * VC 1.1 credential) the library appends it. A VC 1.1 credential must carry its issuanceDate (no date is
 * invented). An existing proof is kept: the new proof joins it as a proof set. Never throws.
 */
export async function signCredential(
  credential: JsonObject,
  key: KeyFile,
  suite: LdSuiteName,
  options: SignOptions,
): Promise<{ credential: JsonObject } | { error: string }> {
  const issuer = credential.issuer;
  const issuerId =
    typeof issuer === 'string'
      ? issuer
      : issuer && typeof issuer === 'object' && !Array.isArray(issuer)
        ? (issuer as { id?: unknown }).id
        : undefined;
  if (issuerId !== key.did) {
    return { error: `the issuer (${JSON.stringify(issuerId ?? null)}) must be the key's DID ${key.did}` };
  }
  const context = credential['@context'];
  const isV1 = context === VC_V1 || (Array.isArray(context) && context[0] === VC_V1);
  if (isV1 && credential.issuanceDate === undefined) {
    return { error: 'a VC 1.1 credential needs issuanceDate' };
  }
  let date: Date | undefined;
  if (options.created !== undefined) {
    date = options.created instanceof Date ? options.created : new Date(options.created);
    if (Number.isNaN(date.getTime())) return { error: `created is not a date: ${String(options.created)}` };
  }
  try {
    const pair = await keyPairOf(key);
    const signer = pair.signer();
    const ldSuite =
      suite === 'ed25519-2020'
        ? new Ed25519Signature2020({ signer, date })
        : new DataIntegrityProof({ signer, date, cryptosuite: eddsaRdfc2022Cryptosuite });
    const signed = (await issue({
      credential: structuredClone(credential),
      suite: ldSuite,
      documentLoader: options.documentLoader,
    })) as JsonObject;
    return { credential: signed };
  } catch (error) {
    return { error: (error as Error).message };
  }
}
