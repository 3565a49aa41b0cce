// Ed25519 signing keys for test and demo credentials, bound to a did:key.
//
// Key file format (JSON, one object):
//   {
//     "type": "Ed25519KeyPair",
//     "did": "did:key:z6Mk…",                  the issuer DID (did:key of the public key)
//     "id": "did:key:z6Mk…#z6Mk…",             the verification method id written into proofs
//     "publicKeyMultibase": "z6Mk…",           base58btc multibase of 0xed01 + the 32-byte public key
//     "secretKeyMultibase": "z3u2…"            base58btc multibase of 0x8026 + the 32-byte private seed
//   }
// (the Multikey encodings of @digitalbazaar/ed25519-multikey). The secret key is in clear: keep such files
// out of version control unless they are throw-away test keys.
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { importEd25519PublicKey } from '../resolve/did.js';

export interface KeyFile {
  type: 'Ed25519KeyPair';
  did: string;
  id: string;
  publicKeyMultibase: string;
  secretKeyMultibase: string;
}

/** An OKP/Ed25519 JSON Web Key (RFC 8037). `d` only when the private part was asked for. */
export interface Ed25519Jwk {
  kty: 'OKP';
  crv: 'Ed25519';
  x: string;
  d?: string;
  kid?: string;
  alg?: 'EdDSA';
}

const MULTIKEY_CONTEXT = 'https://w3id.org/security/multikey/v1';

/** What @digitalbazaar/ed25519-multikey returns: a key pair with signer() / verifier(). */
export interface Ed25519KeyPair {
  id: string;
  controller: string;
  publicKey: Uint8Array;
  secretKey?: Uint8Array;
  signer(): { id: string; algorithm: string; sign(options: { data: Uint8Array }): Promise<Uint8Array> };
  verifier(): {
    id: string;
    algorithm: string;
    verify(options: { data: Uint8Array; signature: Uint8Array }): Promise<boolean>;
  };
  export(options: Record<string, unknown>): Promise<Record<string, unknown>>;
}

/**
 * Generates a new key. With `seed` (32 bytes) the key is deterministic — for reproducible fixtures only.
 */
export async function generateKey(options: { seed?: Uint8Array } = {}): Promise<KeyFile> {
  const pair = (await Ed25519Multikey.generate(options.seed ? { seed: options.seed } : {})) as Ed25519KeyPair;
  const exported = await pair.export({
    publicKey: true,
    secretKey: true,
    includeContext: false,
    canonicalize: true,
  });
  const publicKeyMultibase = String(exported.publicKeyMultibase);
  const did = `did:key:${publicKeyMultibase}`;
  return {
    type: 'Ed25519KeyPair',
    did,
    id: `${did}#${publicKeyMultibase}`,
    publicKeyMultibase,
    secretKeyMultibase: String(exported.secretKeyMultibase),
  };
}

/**
 * Reads a key file object (as parsed from JSON) and checks it: the fields above, did and id derived from
 * the public key, an Ed25519 public key, and a secret key that signs what the public key verifies.
 * Never throws.
 */
export async function loadKey(json: unknown): Promise<{ key: KeyFile } | { error: string }> {
  if (!json || typeof json !== 'object' || Array.isArray(json))
    return { error: 'a key file is a JSON object' };
  const k = json as Record<string, unknown>;
  if (k.type !== 'Ed25519KeyPair') return { error: 'type must be "Ed25519KeyPair"' };
  for (const field of ['did', 'id', 'publicKeyMultibase', 'secretKeyMultibase']) {
    if (typeof k[field] !== 'string' || (k[field] as string).length === 0)
      return { error: `${field} must be a string` };
  }
  const key: KeyFile = {
    type: 'Ed25519KeyPair',
    did: k.did as string,
    id: k.id as string,
    publicKeyMultibase: k.publicKeyMultibase as string,
    secretKeyMultibase: k.secretKeyMultibase as string,
  };
  if (key.did !== `did:key:${key.publicKeyMultibase}`)
    return { error: 'did is not the did:key of publicKeyMultibase' };
  if (key.id !== `${key.did}#${key.publicKeyMultibase}`)
    return { error: 'id must be did#publicKeyMultibase' };
  const publicCheck = await importEd25519PublicKey({
    '@context': MULTIKEY_CONTEXT,
    type: 'Multikey',
    publicKeyMultibase: key.publicKeyMultibase,
  });
  if (!publicCheck.ok) return { error: `publicKeyMultibase: ${publicCheck.reason}` };
  let pair: Ed25519KeyPair;
  try {
    pair = await keyPairOf(key);
  } catch (error) {
    return { error: `secretKeyMultibase: ${(error as Error).message}` };
  }
  if (!pair.secretKey || (pair.secretKey.length !== 32 && pair.secretKey.length !== 64)) {
    return { error: 'secretKeyMultibase is not an Ed25519 private key' };
  }
  try {
    const data = new TextEncoder().encode(`mcred key check ${key.id}`);
    const signature = await pair.signer().sign({ data });
    if (!(await pair.verifier().verify({ data, signature }))) {
      return { error: 'the secret key does not belong to the public key' };
    }
  } catch (error) {
    return { error: `the key pair does not work: ${(error as Error).message}` };
  }
  return { key };
}

/** The key as a @digitalbazaar/ed25519-multikey key pair (id = key.id, controller = key.did). */
export async function keyPairOf(key: KeyFile): Promise<Ed25519KeyPair> {
  return (await Ed25519Multikey.from({
    '@context': MULTIKEY_CONTEXT,
    type: 'Multikey',
    id: key.id,
    controller: key.did,
    publicKeyMultibase: key.publicKeyMultibase,
    secretKeyMultibase: key.secretKeyMultibase,
  })) as Ed25519KeyPair;
}

/**
 * The key as an OKP/Ed25519 JWK (for VC-JWT signing with jose: alg EdDSA). `kid` is the verification
 * method id. The private part `d` is included only with { includePrivate: true }.
 */
export async function keyToJwk(
  key: KeyFile,
  options: { includePrivate?: boolean } = {},
): Promise<Ed25519Jwk> {
  const pair = await keyPairOf(key);
  const jwk = (await Ed25519Multikey.toJwk({
    keyPair: pair,
    secretKey: options.includePrivate === true,
  })) as {
    x: string;
    d?: string;
  };
  const result: Ed25519Jwk = { kty: 'OKP', crv: 'Ed25519', x: jwk.x };
  if (options.includePrivate === true && jwk.d) result.d = jwk.d;
  result.kid = key.id;
  result.alg = 'EdDSA';
  return result;
}
