// DID resolution for verification: did:key and did:jwk offline, did:web from a folder of DID documents
// (--did-dir) or, when online, over HTTPS; every other method is reported unavailable (never guessed).
// resolve() never throws: it returns the document or the reason it could not be had.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve as resolvePath } from 'node:path';
import { driver as didKeyDriverFactory } from '@digitalbazaar/did-method-key';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { Ed25519VerificationKey2020 } from '@digitalbazaar/ed25519-verification-key-2020';
import { DEFAULT_CONTEXT_MAX_BYTES, DEFAULT_TIMEOUT_MS, canonicalJson, fetchJson } from './contexts.js';

export interface DidDocument {
  id: string;
  [key: string]: unknown;
}

export interface VerificationMethod {
  id: string;
  type?: unknown;
  controller?: unknown;
  [key: string]: unknown;
}

export type DidSource = 'did:key' | 'did:jwk' | 'did-dir' | 'online';

export type DidUnavailableCode =
  | 'unsupported-method' // e.g. did:ebsi: needs a registry mcred does not query
  | 'not-found-offline' // did:web not in --did-dir and not online
  | 'invalid-did' // not a well-formed DID of its method (bad did:key, bad did:jwk, bad did:web host)
  | 'unsupported-key' // did:key of a key type other than Ed25519
  | 'fetch-failed' // online did:web: network error, HTTP error, timeout, too large, not JSON
  | 'id-mismatch' // online did:web: the document's id is not the DID
  | 'conflict'; // --did-dir holds two different documents with this id

export type DidResolution =
  | { document: DidDocument; source: DidSource; file?: string }
  | { unavailable: string; code: DidUnavailableCode };

export interface DidResolver {
  resolve(did: string): Promise<DidResolution>;
}

export interface DidResolverOptions {
  /** Folder of DID documents (searched recursively for *.json / *.jsonld; matched by their `id`). */
  didDir?: string;
  online: boolean;
  /** Online fetch timeout (default 10 s). */
  timeoutMs?: number;
  /** Largest DID document read or fetched (default 2 MiB). */
  maxBytes?: number;
  /** The fetch used online (default: global fetch). For tests and proxies. */
  fetch?: typeof fetch;
  /**
   * How did:key documents present their key: 'Multikey' (the did:key spec today; default) or
   * 'Ed25519VerificationKey2020' (what older Ed25519Signature2020 tooling produced). Both verify
   * both proof suites.
   */
  didKeyType?: 'Multikey' | 'Ed25519VerificationKey2020';
}

// ---------------------------------------------------------------------------------------------------------
// did:web URL construction (B27)

const HOST_LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const HOST_RE = new RegExp(`^(?:${HOST_LABEL}\\.)*${HOST_LABEL}(?::(\\d{1,5}))?$`, 'i');

/**
 * The HTTPS URL of a did:web DID document (did:web method spec, "Read"): the method-specific id is split
 * at ':', each part is percent-decoded once; the first part is the host (an encoded port, %3A, becomes
 * ':'), the rest is the path; no path means /.well-known. Pure; never throws.
 *   did:web:issuer.example                   -> https://issuer.example/.well-known/did.json
 *   did:web:issuer.example%3A8443:org:unit   -> https://issuer.example:8443/org/unit/did.json
 */
export function didWebUrl(did: string): { url: string } | { error: string } {
  if (typeof did !== 'string' || !did.startsWith('did:web:')) return { error: 'not a did:web DID' };
  const msid = did.slice('did:web:'.length);
  if (msid.length === 0) return { error: 'empty method-specific id' };
  if (/[#?/\s]/.test(msid)) return { error: 'a DID (not a DID URL) is expected: no path, query or fragment' };
  const parts = msid.split(':');
  if (parts.some((p) => p.length === 0)) return { error: 'empty segment' };
  const decoded: string[] = [];
  for (const part of parts) {
    try {
      decoded.push(decodeURIComponent(part));
    } catch {
      return { error: `invalid percent-encoding in "${part}"` };
    }
  }
  const host = decoded[0] as string;
  const match = HOST_RE.exec(host);
  if (!match) return { error: `invalid host "${host}"` };
  if (match[1] !== undefined) {
    const port = Number(match[1]);
    if (port < 1 || port > 65535) return { error: `invalid port ${match[1]}` };
  }
  const path = decoded.slice(1);
  for (const segment of path) {
    if (segment === '.' || segment === '..' || segment.includes('/') || segment.includes('\\')) {
      return { error: `invalid path segment "${segment}"` };
    }
  }
  if (path.length === 0) return { url: `https://${host.toLowerCase()}/.well-known/did.json` };
  return { url: `https://${host.toLowerCase()}/${path.map(encodeURIComponent).join('/')}/did.json` };
}

// ---------------------------------------------------------------------------------------------------------
// DID documents: normalisation and dereferencing

const RELATIONSHIPS = [
  'assertionMethod',
  'authentication',
  'capabilityInvocation',
  'capabilityDelegation',
  'keyAgreement',
] as const;

function absolute(ref: string, did: string): string {
  return ref.startsWith('#') ? `${did}${ref}` : ref;
}

function normaliseMethod(method: unknown, did: string): unknown {
  if (!method || typeof method !== 'object' || Array.isArray(method)) return method;
  const copy: Record<string, unknown> = { ...(method as Record<string, unknown>) };
  if (typeof copy.id === 'string') copy.id = absolute(copy.id, did);
  if (typeof copy.controller === 'string') copy.controller = absolute(copy.controller, did);
  return copy;
}

/** A copy of a DID document with relative (#fragment) method ids and references made absolute. */
export function normaliseDidDocument(document: DidDocument): DidDocument {
  const did = document.id;
  const copy: DidDocument = structuredClone(document);
  for (const key of ['verificationMethod', 'publicKey', ...RELATIONSHIPS]) {
    const value = copy[key];
    if (value === undefined) continue;
    const list = Array.isArray(value) ? value : [value];
    copy[key] = list.map((entry) =>
      typeof entry === 'string' ? absolute(entry, did) : normaliseMethod(entry, did),
    );
  }
  return copy;
}

/**
 * The verification method of a (normalised) DID document whose `id` equals `url` exactly: listed under
 * verificationMethod (or legacy publicKey) or embedded in a verification relationship. Never the "first
 * key": a URL naming no method gives undefined.
 */
export function dereferenceVerificationMethod(
  document: DidDocument,
  url: string,
): VerificationMethod | undefined {
  for (const key of ['verificationMethod', 'publicKey', ...RELATIONSHIPS]) {
    const value = document[key];
    for (const entry of Array.isArray(value) ? value : value === undefined ? [] : [value]) {
      if (entry && typeof entry === 'object' && (entry as { id?: unknown }).id === url) {
        return structuredClone(entry as VerificationMethod);
      }
    }
  }
  return undefined;
}

/** True when the document lists `methodId` (by reference or embedded) under the relationship `term`. */
export function documentAuthorises(document: DidDocument, term: string, methodId: string): boolean {
  const value = document[term];
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.some(
    (entry) =>
      entry === methodId ||
      (entry && typeof entry === 'object' && (entry as { id?: unknown }).id === methodId),
  );
}

/**
 * Imports a verification method as an Ed25519 public key (B26): Multikey or Ed25519VerificationKey2020
 * with publicKeyMultibase, Ed25519VerificationKey2018 with publicKeyBase58, or an OKP/Ed25519 publicKeyJwk.
 * The multibase value must carry the Ed25519 multicodec header (0xed 0x01) and the key must be 32 bytes;
 * anything else is "unsupported key" (never "invalid signature").
 */
export async function importEd25519PublicKey(
  method: Record<string, unknown>,
): Promise<{ ok: true } | { ok: false; reason: string }> {
  try {
    const key = await Ed25519Multikey.from({ ...method });
    const raw = await key.export({ raw: true, publicKey: true });
    if (!(raw?.publicKey instanceof Uint8Array) || raw.publicKey.length !== 32) {
      return { ok: false, reason: 'the key is not 32 bytes long' };
    }
    if (typeof method.publicKeyMultibase === 'string' && method.type !== 'Ed25519VerificationKey2018') {
      const exported = await key.export({ publicKey: true, includeContext: false });
      if (exported.publicKeyMultibase !== method.publicKeyMultibase) {
        return { ok: false, reason: 'publicKeyMultibase is not a base58btc Ed25519 key (multicodec 0xed01)' };
      }
    }
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
}

// ---------------------------------------------------------------------------------------------------------
// did:key

type DidKeyDriver = { get(options: { did: string }): Promise<unknown> };
const didKeyDrivers = new Map<string, DidKeyDriver>();

function didKeyDriver(type: 'Multikey' | 'Ed25519VerificationKey2020'): DidKeyDriver {
  let driver = didKeyDrivers.get(type);
  if (!driver) {
    const created = didKeyDriverFactory();
    created.use({
      multibaseMultikeyHeader: 'z6Mk',
      fromMultibase: type === 'Multikey' ? Ed25519Multikey.from : Ed25519VerificationKey2020.from,
    });
    driver = created as DidKeyDriver;
    didKeyDrivers.set(type, driver);
  }
  return driver;
}

async function resolveDidKey(
  did: string,
  type: 'Multikey' | 'Ed25519VerificationKey2020',
): Promise<DidResolution> {
  const msid = did.slice('did:key:'.length);
  if (!/^z[1-9A-HJ-NP-Za-km-z]+$/.test(msid)) {
    return { unavailable: 'not a base58btc multibase did:key', code: 'invalid-did' };
  }
  if (!msid.startsWith('z6Mk')) {
    return {
      unavailable: 'only Ed25519 did:key identifiers (z6Mk...) are supported',
      code: 'unsupported-key',
    };
  }
  let document: DidDocument;
  try {
    document = (await didKeyDriver(type).get({ did })) as DidDocument;
  } catch (error) {
    return { unavailable: `invalid did:key: ${(error as Error).message}`, code: 'invalid-did' };
  }
  const method = dereferenceVerificationMethod(document, `${did}#${msid}`);
  if (!method || document.id !== did) return { unavailable: 'invalid did:key', code: 'invalid-did' };
  const check = await importEd25519PublicKey({ ...method, '@context': methodContext(method) });
  if (!check.ok) return { unavailable: `invalid did:key: ${check.reason}`, code: 'invalid-did' };
  return { document: structuredClone(document), source: 'did:key' };
}

function methodContext(method: VerificationMethod): string | undefined {
  if (method.type === 'Multikey') return 'https://w3id.org/security/multikey/v1';
  if (method.type === 'Ed25519VerificationKey2020') return 'https://w3id.org/security/suites/ed25519-2020/v1';
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------
// did:jwk (https://github.com/quartzjer/did-jwk/blob/main/spec.md)

function resolveDidJwk(did: string): DidResolution {
  const msid = did.slice('did:jwk:'.length);
  if (!/^[A-Za-z0-9_-]+$/.test(msid)) return { unavailable: 'not base64url', code: 'invalid-did' };
  let jwk: unknown;
  try {
    jwk = JSON.parse(Buffer.from(msid, 'base64url').toString('utf8'));
  } catch {
    return { unavailable: 'the did:jwk value is not base64url JSON', code: 'invalid-did' };
  }
  if (
    !jwk ||
    typeof jwk !== 'object' ||
    Array.isArray(jwk) ||
    typeof (jwk as { kty?: unknown }).kty !== 'string'
  ) {
    return { unavailable: 'the did:jwk value is not a JWK', code: 'invalid-did' };
  }
  if ('d' in (jwk as object))
    return { unavailable: 'the did:jwk JWK contains a private key', code: 'invalid-did' };
  const id = `${did}#0`;
  const use = (jwk as { use?: unknown }).use;
  const document: DidDocument = {
    '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/suites/jws-2020/v1'],
    id: did,
    verificationMethod: [{ id, type: 'JsonWebKey2020', controller: did, publicKeyJwk: jwk }],
  };
  if (use !== 'enc') {
    for (const term of [
      'assertionMethod',
      'authentication',
      'capabilityInvocation',
      'capabilityDelegation',
    ]) {
      document[term] = [id];
    }
  }
  if (use !== 'sig') document.keyAgreement = [id];
  return { document, source: 'did:jwk' };
}

// ---------------------------------------------------------------------------------------------------------
// did:web from a folder

interface DidDirIndex {
  byId: Map<string, { document: DidDocument; file: string } | { conflict: string[] }>;
}

const didDirCache = new Map<string, { stamp: string; index: DidDirIndex }>();

function listJsonFiles(dir: string, depth: number, out: string[]): void {
  if (depth > 4 || out.length >= 5000) return;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) listJsonFiles(path, depth + 1, out);
    else if (entry.isFile() && /\.(json|jsonld)$/i.test(entry.name)) out.push(path);
  }
}

function loadDidDir(dir: string, maxBytes: number): DidDirIndex {
  const abs = resolvePath(dir);
  let stamp = '-';
  try {
    stamp = String(statSync(abs).mtimeMs);
  } catch {
    // a missing folder resolves nothing; the stamp keeps it re-checked
  }
  const cached = didDirCache.get(abs);
  if (cached && cached.stamp === stamp) return cached.index;
  const index: DidDirIndex = { byId: new Map() };
  const files: string[] = [];
  listJsonFiles(abs, 0, files);
  for (const file of files) {
    let document: unknown;
    try {
      if (statSync(file).size > maxBytes) continue;
      document = JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      continue;
    }
    if (!document || typeof document !== 'object' || Array.isArray(document)) continue;
    const id = (document as { id?: unknown }).id;
    if (typeof id !== 'string' || !id.startsWith('did:')) continue;
    const existing = index.byId.get(id);
    if (!existing) {
      index.byId.set(id, { document: document as DidDocument, file });
    } else if ('document' in existing) {
      if (canonicalJson(existing.document) !== canonicalJson(document)) {
        index.byId.set(id, { conflict: [existing.file, file] });
      }
    } else {
      existing.conflict.push(file);
    }
  }
  didDirCache.set(abs, { stamp, index });
  return index;
}

/** Exposed for tests: forget the parsed DID folders. */
export function clearDidDirCache(): void {
  didDirCache.clear();
}

// ---------------------------------------------------------------------------------------------------------
// The resolver

export function createDidResolver(options: DidResolverOptions): DidResolver {
  const maxBytes = options.maxBytes ?? DEFAULT_CONTEXT_MAX_BYTES;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const didKeyType = options.didKeyType ?? 'Multikey';

  async function resolveDidWeb(did: string): Promise<DidResolution> {
    const target = didWebUrl(did);
    if ('error' in target) return { unavailable: `invalid did:web: ${target.error}`, code: 'invalid-did' };
    if (options.didDir !== undefined) {
      const found = loadDidDir(options.didDir, maxBytes).byId.get(did);
      if (found && 'conflict' in found) {
        return {
          unavailable: `different documents for ${did} in ${found.conflict.join(', ')}`,
          code: 'conflict',
        };
      }
      if (found)
        return { document: normaliseDidDocument(found.document), source: 'did-dir', file: found.file };
    }
    if (!options.online) {
      return {
        unavailable: `${did} is not in the DID folder${options.didDir === undefined ? ' (none given)' : ''} and the network is off (${target.url})`,
        code: 'not-found-offline',
      };
    }
    const response = await fetchJson(target.url, { timeoutMs, maxBytes, fetch: options.fetch });
    if (!response.ok)
      return { unavailable: `${target.url}: ${response.reason}: ${response.detail}`, code: 'fetch-failed' };
    const document = response.json;
    if (!document || typeof document !== 'object' || Array.isArray(document)) {
      return { unavailable: `${target.url} is not a JSON object`, code: 'fetch-failed' };
    }
    if ((document as { id?: unknown }).id !== did) {
      return {
        unavailable: `the document at ${target.url} has id ${JSON.stringify((document as { id?: unknown }).id)}`,
        code: 'id-mismatch',
      };
    }
    return { document: normaliseDidDocument(document as DidDocument), source: 'online' };
  }

  return {
    async resolve(did: string): Promise<DidResolution> {
      try {
        if (typeof did !== 'string' || !/^did:[a-z0-9]+:\S+$/.test(did)) {
          return { unavailable: 'not a DID', code: 'invalid-did' };
        }
        if (did.includes('#'))
          return { unavailable: 'a DID is expected, not a DID URL', code: 'invalid-did' };
        if (did.startsWith('did:key:')) return await resolveDidKey(did, didKeyType);
        if (did.startsWith('did:jwk:')) return resolveDidJwk(did);
        if (did.startsWith('did:web:')) return await resolveDidWeb(did);
        const method = did.split(':')[1];
        return {
          unavailable: `did:${method} is not supported (resolving it needs its registry)`,
          code: 'unsupported-method',
        };
      } catch (error) {
        return { unavailable: (error as Error).message, code: 'fetch-failed' };
      }
    },
  };
}
