// Signs a credential with an Ed25519 key (src/issue/keys.ts) as Ed25519Signature2020 or as a
// DataIntegrityProof with eddsa-rdfc-2022, through @digitalbazaar/vc's issue() (JSON-LD safe mode).
// Deterministic: Ed25519 signatures are, and `created` can be fixed.
import { issue } from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { Ed25519Signature2020 } from '@digitalbazaar/ed25519-signature-2020';
import { cryptosuite as eddsaRdfc2022Cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import type { JsonObject } from '../formats/types.js';
import type { DocumentLoader } from '../resolve/contexts.js';
import { keyPairOf, type KeyFile } from './keys.js';

export type LdSuiteName = 'ed25519-2020' | 'eddsa-rdfc-2022';

export interface SignOptions {
  /** A loader from createDocumentLoader (contexts only are needed: the key is given). */
  documentLoader: DocumentLoader;
  /** proof.created; default: now. A fixed value makes the output byte-for-byte reproducible. */
  created?: string | Date;
}

const VC_V1 = 'https://www.w3.org/2018/credentials/v1';

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
