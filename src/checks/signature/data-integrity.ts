// The embedded Linked Data proof suite: Ed25519Signature2020 and DataIntegrityProof / eddsa-rdfc-2022,
// on VC 1.1 and VC 2.0 credentials, with @digitalbazaar/vc's CredentialIssuancePurpose (assertionMethod)
// and the digitalbazaar suites; JSON-LD always in safe mode, offline unless options.online.
//
// Each proof is verified on its own (a copy of the credential carrying only that proof) and reported in
// `proofs[]`; the signature check passes only when every proof verifies (vc-js passes when any one does).
// Before the library runs, the suite classifies what it can decide itself, so that each kind of failure
// has its own finding: unsupported proof type (indeterminate), proof type not defined by the contexts
// (B07), proof @context not a prefix (B08b), base context not first, context unavailable offline (B06),
// key unobtainable (indeterminate), key encoding (B26), key control (issuer check).
// Dates (validity window, proof.created in the future) and credentialStatus are other checks' business:
// this suite neither requires nor checks them.
import { CredentialIssuancePurpose } from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { Ed25519Signature2020 } from '@digitalbazaar/ed25519-signature-2020';
import { cryptosuite as eddsaRdfc2022Cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import jsonld from 'jsonld';
import jsigs from 'jsonld-signatures';
import { finding } from '../../findings/index.js';
import type { JsonObject } from '../../formats/types.js';
import type { CheckStatus, Finding } from '../../model/results.js';
import {
  ContextUnavailableError,
  DidUnavailableError,
  bundledContexts,
  createDocumentLoader,
  type DocumentLoader,
  type LoaderHandle,
} from '../../resolve/contexts.js';
import {
  createDidResolver,
  documentAuthorises,
  importEd25519PublicKey,
  type DidDocument,
  type DidResolution,
  type DidResolver,
} from '../../resolve/did.js';
import type { CheckContext } from '../types.js';
import type { ProofReport, SignatureSuite, SuiteOutcome } from './types.js';

const VC_V1 = 'https://www.w3.org/2018/credentials/v1';
const VC_V2 = 'https://www.w3.org/ns/credentials/v2';
const ED25519_2020_CONTEXT = 'https://w3id.org/security/suites/ed25519-2020/v1';
const SEC = 'https://w3id.org/security#';

type SuiteKind = 'ed25519-2020' | 'eddsa-rdfc-2022';

/** The proof types this suite verifies, with the IRI each must expand to (B07). */
const EXPECTED_TYPE_IRI: Record<SuiteKind, string> = {
  'ed25519-2020': `${SEC}Ed25519Signature2020`,
  'eddsa-rdfc-2022': `${SEC}DataIntegrityProof`,
};

/**
 * Ed25519Signature2020 that also matches a proof whose suite context is proof-local (legacy, B08a): the
 * library's matchProof insists on the suite context in the document's @context. Everything else — the
 * canonicalization (the proof's own @context is used for the proof options, as the legacy suites did) and
 * the signature check — is the library's.
 */
class ProofLocalContextEd25519Signature2020 extends Ed25519Signature2020 {
  async matchProof({ proof }: { proof: { type?: unknown } }): Promise<boolean> {
    return proof.type === 'Ed25519Signature2020';
  }
}

type JsonLd = {
  expand(input: unknown, options: Record<string, unknown>): Promise<unknown[]>;
};
const jsonldApi = jsonld as unknown as JsonLd;

type State = 'pass' | 'fail' | 'indeterminate';

interface PartResult {
  state: State;
  findings: Finding[];
}

interface ProofOutcome {
  report: ProofReport;
  signature: PartResult;
  issuer: PartResult;
}

function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

function issuerIdOf(document: JsonObject): string | undefined {
  const issuer = document.issuer;
  if (typeof issuer === 'string') return issuer;
  if (isObject(issuer) && typeof issuer.id === 'string') return issuer.id;
  return undefined;
}

/** A proof that is only a detached JWS (jws, no proofValue) belongs to JWS-based LD suites, not this one. */
function isJwsOnly(proof: unknown): boolean {
  return isObject(proof) && typeof proof.jws === 'string' && proof.proofValue === undefined;
}

function combine(states: State[]): State {
  if (states.includes('fail')) return 'fail';
  if (states.includes('indeterminate')) return 'indeterminate';
  return 'pass';
}

function worse(a: State, b: State): State {
  return combine([a, b]);
}

function parseTime(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  if (!/^\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(value)) return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : time;
}

// ---------------------------------------------------------------------------------------------------------
// Error classification

/** Walks an error and what it wraps (jsonld's details.cause, Error.cause, arrays of errors). */
function errorChain(error: unknown): unknown[] {
  const out: unknown[] = [];
  const stack = [error];
  while (stack.length > 0 && out.length < 50) {
    const current = stack.shift();
    if (current === undefined || current === null || out.includes(current)) continue;
    if (Array.isArray(current)) {
      stack.push(...current);
      continue;
    }
    out.push(current);
    if (typeof current === 'object') {
      const c = current as { cause?: unknown; details?: { cause?: unknown }; errors?: unknown };
      stack.push(c.cause, c.details?.cause, c.errors);
    }
  }
  return out;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

interface Classified {
  part: 'signature' | 'issuer';
  state: State;
  finding: Finding;
}

function safeModeMessage(event: { code?: string; details?: Record<string, unknown> } | undefined): string {
  const code = event?.code ?? 'unknown';
  const d = event?.details ?? {};
  switch (code) {
    case 'invalid property':
      return `Property "${String(d.property)}" is not defined by the @context (JSON-LD safe mode)`;
    case 'relative @type reference':
      return `Type "${String(d.type)}" is not defined by the @context (JSON-LD safe mode)`;
    case 'relative @id reference':
      return `"${String(d.id)}" is a relative IRI, not an absolute id (JSON-LD safe mode; B03)`;
    case 'relative subject reference':
      return `"${String(d.subject)}" is a relative subject IRI (JSON-LD safe mode; B03)`;
    case 'relative object reference':
      return `"${String(d.object)}" is a relative object IRI (JSON-LD safe mode; B03)`;
    case 'relative predicate reference':
      return `"${String(d.predicate)}" is a relative property IRI (JSON-LD safe mode)`;
    default:
      return `JSON-LD safe mode rejected the credential: ${code}`;
  }
}

function contextFinding(error: ContextUnavailableError, pointer: string): Classified {
  if (error.reason === 'changed') {
    return {
      part: 'signature',
      state: 'indeterminate',
      finding: finding('CONTEXT_CHANGED', {
        pointer,
        message: `Context ${error.url} differs from its pinned copy`,
      }),
    };
  }
  const why =
    error.reason === 'offline'
      ? 'it is not bundled, not in a --context-dir and the network is off'
      : error.message.replace(/^JSON-LD context not available /, '');
  return {
    part: 'signature',
    state: 'indeterminate',
    finding: finding('CONTEXT_UNAVAILABLE', {
      pointer,
      message: `Context ${error.url} is not available: ${why}`,
    }),
  };
}

/** Maps an error from jsonld / jsonld-signatures / the suites onto a finding. */
function classifyError(error: unknown, pointer: string): Classified {
  const chain = errorChain(error);
  for (const e of chain) {
    if (e instanceof ContextUnavailableError) return contextFinding(e, pointer);
  }
  for (const e of chain) {
    if (e instanceof DidUnavailableError) return didFinding(e, pointer);
  }
  for (const e of chain) {
    const name = (e as { name?: unknown }).name;
    if (name === 'jsonld.ValidationError') {
      const event = (e as { details?: { event?: { code?: string; details?: Record<string, unknown> } } })
        .details?.event;
      return {
        part: 'signature',
        state: 'fail',
        finding: finding('SIGNATURE_UNDEFINED_TERM', { pointer, message: safeModeMessage(event) }),
      };
    }
  }
  const message = errorMessage(chain[0] ?? error);
  if (message === 'Invalid signature.') {
    return {
      part: 'signature',
      state: 'fail',
      finding: finding('SIGNATURE_INVALID', {
        pointer,
        message: 'The signature does not match the credential',
      }),
    };
  }
  if (
    /proofValue|base58btc|base64url|Non-base58|multibase|signature length|bad signature/i.test(message) &&
    !/publicKey/i.test(message)
  ) {
    return {
      part: 'signature',
      state: 'fail',
      finding: finding('SIGNATURE_INVALID', { pointer, message: `The proof value is malformed: ${message}` }),
    };
  }
  if (/must be an XSD dateTimeStamp/.test(message)) {
    return { part: 'signature', state: 'fail', finding: finding('PROOF_DATE_INVALID', { pointer, message }) };
  }
  if (
    /not authorized by controller|must match the verification method controller|issuer is required/i.test(
      message,
    )
  ) {
    return {
      part: 'issuer',
      state: 'fail',
      finding: finding('ISSUER_KEY_NOT_CONTROLLED', { pointer, message }),
    };
  }
  for (const e of chain) {
    const name = (e as { name?: unknown }).name;
    if (typeof name === 'string' && name.startsWith('jsonld.')) {
      return {
        part: 'signature',
        state: 'fail',
        finding: finding('JSONLD_PROCESSING_ERROR', {
          pointer,
          message: `JSON-LD processing failed: ${errorMessage(e)}${jsonldCode(e)}`,
        }),
      };
    }
  }
  return {
    part: 'signature',
    state: 'indeterminate',
    finding: finding('SIGNATURE_VERIFICATION_ERROR', { pointer, message: `Verification failed: ${message}` }),
  };
}

function jsonldCode(error: unknown): string {
  const code = (error as { details?: { code?: unknown } }).details?.code;
  return typeof code === 'string' ? ` (${code})` : '';
}

function didFinding(error: DidUnavailableError, pointer: string): Classified {
  switch (error.kind) {
    case 'invalid':
      return {
        part: 'issuer',
        state: 'fail',
        finding: finding('DID_INVALID', { pointer, message: `${error.url}: ${error.reason}` }),
      };
    case 'method-not-found':
      return {
        part: 'issuer',
        state: 'fail',
        finding: finding('VERIFICATION_METHOD_NOT_FOUND', { pointer, message: error.reason }),
      };
    case 'unsupported-key':
      return {
        part: 'signature',
        state: 'indeterminate',
        finding: finding('KEY_UNSUPPORTED', { pointer, message: `${error.url}: ${error.reason}` }),
      };
    default:
      return {
        part: 'issuer',
        state: 'indeterminate',
        finding: finding('DID_UNRESOLVABLE', { pointer, message: `${error.url}: ${error.reason}` }),
      };
  }
}

// ---------------------------------------------------------------------------------------------------------
// The suite

interface VerifyEnv {
  document: JsonObject;
  loader: LoaderHandle;
  documentLoader: DocumentLoader;
  issuerId: string | undefined;
  at: number;
  skewMs: number;
}

function keyUnavailable(pointer: string, message: string): Finding {
  return finding('SIGNATURE_KEY_UNAVAILABLE', { pointer, message });
}

async function verifyProof(env: VerifyEnv, proof: unknown, pointer: string): Promise<ProofOutcome> {
  const report: ProofReport = { suite: 'data-integrity', type: 'unknown', verified: null };
  const signature: PartResult = { state: 'pass', findings: [] };
  const issuer: PartResult = { state: 'pass', findings: [] };
  const add = (part: PartResult, state: State, f: Finding): void => {
    part.state = worse(part.state, state);
    part.findings.push(f);
  };
  const notChecked = (why: string): void =>
    add(issuer, 'indeterminate', finding('ISSUER_NOT_CHECKED', { pointer, message: why }));
  const done = (reason?: string): ProofOutcome => {
    if (reason !== undefined) report.reason = reason;
    return { report, signature, issuer };
  };

  // 1. Shape, type, purpose.
  if (!isObject(proof)) {
    add(
      signature,
      'fail',
      finding('PROOF_MALFORMED', { pointer, message: 'The proof is not a JSON object' }),
    );
    notChecked('The proof is not a JSON object');
    report.verified = false;
    return done('malformed');
  }
  const type = proof.type;
  if (typeof type !== 'string') {
    add(
      signature,
      'fail',
      finding('PROOF_MALFORMED', { pointer, message: 'The proof has no string "type"' }),
    );
    notChecked('The proof has no type');
    report.verified = false;
    return done('malformed');
  }
  report.type = type;
  if (typeof proof.created === 'string') report.created = proof.created;
  const vmValue = proof.verificationMethod;
  const vmId = typeof vmValue === 'string' ? vmValue : isObject(vmValue) ? vmValue.id : undefined;
  if (typeof vmId === 'string') report.verificationMethod = vmId;

  let kind: SuiteKind;
  if (type === 'Ed25519Signature2020') {
    kind = 'ed25519-2020';
  } else if (type === 'DataIntegrityProof') {
    if (proof.cryptosuite !== 'eddsa-rdfc-2022') {
      add(
        signature,
        'indeterminate',
        finding('PROOF_CRYPTOSUITE_UNSUPPORTED', {
          pointer,
          message: `Cryptosuite ${JSON.stringify(proof.cryptosuite)} is not supported (only eddsa-rdfc-2022)`,
        }),
      );
      notChecked('The proof cryptosuite is not supported');
      return done('unsupported cryptosuite');
    }
    kind = 'eddsa-rdfc-2022';
    report.type = 'eddsa-rdfc-2022';
  } else {
    add(
      signature,
      'indeterminate',
      finding('PROOF_TYPE_UNSUPPORTED', { pointer, message: `Proof type ${type} is not supported` }),
    );
    notChecked('The proof type is not supported');
    return done('unsupported proof type');
  }
  if (proof.previousProof !== undefined) {
    add(
      signature,
      'indeterminate',
      finding('PROOF_TYPE_UNSUPPORTED', {
        pointer,
        message: 'Proof chains (previousProof) are not supported',
      }),
    );
    notChecked('Proof chains are not supported');
    return done('proof chain');
  }
  if (typeof vmId !== 'string' || typeof proof.proofValue !== 'string') {
    add(
      signature,
      'fail',
      finding('PROOF_MALFORMED', {
        pointer,
        message: 'The proof needs a string verificationMethod and a string proofValue',
      }),
    );
    notChecked('The proof is malformed');
    report.verified = false;
    return done('malformed');
  }
  if (proof.proofPurpose !== 'assertionMethod') {
    add(
      signature,
      'fail',
      finding('PROOF_PURPOSE_MISMATCH', {
        pointer: `${pointer}/proofPurpose`,
        message: `proofPurpose is ${JSON.stringify(proof.proofPurpose)}, not "assertionMethod"`,
      }),
    );
  }
  const expires = proof.expires;
  if (expires !== undefined) {
    const time = parseTime(expires);
    if (time !== undefined && time < env.at - env.skewMs) {
      add(
        signature,
        'fail',
        finding('PROOF_EXPIRED', {
          pointer: `${pointer}/expires`,
          message: `The proof expired on ${String(expires)}`,
        }),
      );
    }
  }

  // 2. Proof-level @context (B08b for Data Integrity; proof-local suite context for the legacy suite, B08a).
  const documentContext = asArray(env.document['@context']);
  const proofContext = proof['@context'] === undefined ? undefined : asArray(proof['@context']);
  let jsonLdReady = true;
  if (proofContext && kind === 'eddsa-rdfc-2022') {
    const prefix = proofContext.every(
      (entry, i) => JSON.stringify(entry) === JSON.stringify(documentContext[i]),
    );
    if (!prefix) {
      add(
        signature,
        'fail',
        finding('PROOF_CONTEXT_NOT_PREFIX', {
          pointer: `${pointer}/@context`,
          message: "The proof's @context is not a prefix of the credential's @context (B08b)",
        }),
      );
      jsonLdReady = false;
    }
  }

  // 3. The proof type must expand to the security vocabulary IRI (B07).
  if (jsonLdReady) {
    const probeContext = proofContext ?? documentContext;
    const probe = await probeProofType(probeContext, type, env.documentLoader);
    if (probe !== EXPECTED_TYPE_IRI[kind]) {
      jsonLdReady = false;
      const classified = probe instanceof Error ? classifyError(probe, pointer) : undefined;
      if (classified && classified.finding.code !== 'SIGNATURE_UNDEFINED_TERM') {
        add(signature, classified.state, classified.finding);
      } else {
        add(
          signature,
          'fail',
          suiteContextMissing(pointer, type, kind, probe instanceof Error ? undefined : probe),
        );
      }
    }
  }

  // 4. The key: dereference the verification method through DIDs only, check its encoding and its control.
  let keyReady = false;
  if (!vmId.startsWith('did:')) {
    add(
      issuer,
      'indeterminate',
      finding('VERIFICATION_METHOD_UNRESOLVABLE', {
        pointer: `${pointer}/verificationMethod`,
        message: `Verification method ${vmId} is not a DID URL; mcred resolves keys through DIDs only`,
      }),
    );
    add(signature, 'indeterminate', keyUnavailable(pointer, `The key ${vmId} cannot be obtained`));
  } else {
    const vmPointer = `${pointer}/verificationMethod`;
    const method = await loadDocument(env.documentLoader, vmId);
    if ('error' in method) {
      const classified = classifyError(method.error, vmPointer);
      add(classified.part === 'issuer' ? issuer : signature, classified.state, classified.finding);
      if (classified.part === 'issuer') {
        add(
          signature,
          'indeterminate',
          keyUnavailable(pointer, `The key cannot be obtained: ${classified.finding.message}`),
        );
      } else {
        notChecked('The key could not be obtained');
      }
    } else {
      const vm = method.document as JsonObject;
      const imported = await importEd25519PublicKey(vm);
      if (!imported.ok) {
        add(
          signature,
          'indeterminate',
          finding('KEY_UNSUPPORTED', { pointer: vmPointer, message: `Key ${vmId}: ${imported.reason}` }),
        );
      } else {
        keyReady = true;
      }
      if (vm.revoked !== undefined) {
        add(
          issuer,
          'fail',
          finding('VERIFICATION_METHOD_REVOKED', {
            pointer: vmPointer,
            message: `Key ${vmId} is marked revoked (${String(vm.revoked)})`,
          }),
        );
      }
      const control = await checkKeyControl(env, vm, vmId, vmPointer);
      if (control) add(issuer, control.state, control.finding);
    }
  }

  // 5. The signature itself, by the library.
  if (jsonLdReady && keyReady && signature.state !== 'fail') {
    const single: JsonObject = { ...env.document, proof };
    const suite =
      kind === 'ed25519-2020'
        ? new ProofLocalContextEd25519Signature2020()
        : new DataIntegrityProof({ cryptosuite: eddsaRdfc2022Cryptosuite });
    let result: { verified: boolean; error?: unknown; results?: { error?: unknown }[] };
    try {
      result = await jsigs.verify(single, {
        suite,
        purpose: new CredentialIssuancePurpose(),
        documentLoader: env.documentLoader,
      });
    } catch (error) {
      result = { verified: false, error };
    }
    if (result.verified) {
      report.verified = true;
    } else {
      const error = result.results?.[0]?.error ?? result.error;
      const classified = classifyError(error, pointer);
      if (classified.part === 'issuer') {
        // The purpose is validated only after the signature verified: the bytes are the key's.
        report.verified = true;
        if (!issuer.findings.some((f) => f.code === classified.finding.code)) {
          add(issuer, classified.state, classified.finding);
        }
      } else {
        add(signature, classified.state, classified.finding);
        report.verified = classified.state === 'fail' ? false : null;
        report.reason = classified.finding.code;
      }
    }
  } else if (jsonLdReady && signature.state !== 'fail') {
    // No key: still canonicalize, so that a broken credential fails rather than stays indeterminate.
    const diagnostic = await canonizeForDiagnosis(kind, env, proof);
    if (diagnostic) add(signature, diagnostic.state, diagnostic.finding);
  }
  if (report.verified === null && signature.state === 'fail') report.verified = false;
  if (report.reason === undefined && signature.state !== 'pass') {
    report.reason = signature.findings[0]?.code;
  }
  return done();
}

function suiteContextMissing(pointer: string, type: string, kind: SuiteKind, expandedTo: unknown): Finding {
  const need =
    kind === 'ed25519-2020'
      ? ED25519_2020_CONTEXT
      : `${VC_V2} or https://w3id.org/security/data-integrity/v2`;
  const got = typeof expandedTo === 'string' ? ` (it expands to ${expandedTo})` : '';
  return finding('SUITE_CONTEXT_MISSING', {
    pointer: `${pointer}/type`,
    message: `Proof type ${type} is not defined by the credential's contexts${got}; it needs ${need} (B07)`,
  });
}

/**
 * Probe results for contexts made only of pinned bundled URLs. Those contexts are immutable and the same for
 * every loader (bundled URLs are never overridden), so the expansion gives the same IRI in every credential;
 * it costs ~1 ms per proof on OB 3.0 (docs/benchmarks.md). Only successful expansions are kept; the contexts
 * are still recorded for the report by noteContexts.
 */
const bundledProbes = new Map<string, string | undefined>();

function bundledProbeKey(context: unknown[], type: string): string | undefined {
  const bundled = bundledContexts();
  const onlyBundled =
    context.length > 0 && context.every((c) => typeof c === 'string' && bundled.get(c)?.pinned === true);
  return onlyBundled ? `${type}\n${context.join('\n')}` : undefined;
}

/** The IRI the proof type expands to under the given context, or the error that stopped expansion. */
async function probeProofType(
  context: unknown[],
  type: string,
  documentLoader: DocumentLoader,
): Promise<string | Error | undefined> {
  const key = bundledProbeKey(context, type);
  if (key !== undefined && bundledProbes.has(key)) return bundledProbes.get(key);
  try {
    const expanded = await jsonldApi.expand(
      { '@context': context, '@id': 'urn:mcred:proof-type-probe', '@type': type },
      { documentLoader, safe: true, base: null },
    );
    const node = expanded[0] as { '@type'?: unknown } | undefined;
    const types = Array.isArray(node?.['@type']) ? (node?.['@type'] as unknown[]) : [];
    const iri = types.find((t) => typeof t === 'string');
    const result = typeof iri === 'string' ? iri : undefined;
    if (key !== undefined && bundledProbes.size < 256) bundledProbes.set(key, result);
    return result;
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

async function loadDocument(
  documentLoader: DocumentLoader,
  url: string,
): Promise<{ document: unknown } | { error: unknown }> {
  try {
    const { document } = await documentLoader(url);
    return { document };
  } catch (error) {
    return { error };
  }
}

/**
 * Key control, as the issuer check sees it: the method's controller lists it under assertionMethod, and the
 * controller is the credential's issuer. (jsonld-signatures' purpose check repeats this after a valid
 * signature; both must agree.)
 */
async function checkKeyControl(
  env: VerifyEnv,
  vm: JsonObject,
  vmId: string,
  pointer: string,
): Promise<{ state: State; finding: Finding } | undefined> {
  const controller = typeof vm.controller === 'string' ? vm.controller : undefined;
  if (!controller) {
    return {
      state: 'fail',
      finding: finding('ISSUER_KEY_NOT_CONTROLLED', { pointer, message: `Key ${vmId} names no controller` }),
    };
  }
  const loaded = await loadDocument(env.documentLoader, controller);
  if ('error' in loaded) {
    const classified = classifyError(loaded.error, pointer);
    return { state: classified.state, finding: classified.finding };
  }
  const doc = loaded.document as DidDocument;
  if (!documentAuthorises(doc, 'assertionMethod', vmId)) {
    return {
      state: 'fail',
      finding: finding('ISSUER_KEY_NOT_CONTROLLED', {
        pointer,
        message: `Key ${vmId} is not listed under assertionMethod by its controller ${controller}`,
      }),
    };
  }
  if (env.issuerId === undefined) {
    return {
      state: 'fail',
      finding: finding('ISSUER_KEY_NOT_CONTROLLED', {
        pointer,
        message: 'The credential names no issuer id',
      }),
    };
  }
  if (doc.id !== env.issuerId) {
    return {
      state: 'fail',
      finding: finding('ISSUER_KEY_NOT_CONTROLLED', {
        pointer,
        message: `Key ${vmId} is controlled by ${String(doc.id)}, not by the issuer ${env.issuerId}`,
      }),
    };
  }
  return undefined;
}

/** Canonicalizes the credential (without proofs) with the suite's own canonize, to surface JSON-LD errors. */
async function canonizeForDiagnosis(
  kind: SuiteKind,
  env: VerifyEnv,
  proof: JsonObject,
): Promise<{ state: State; finding: Finding } | undefined> {
  const document: JsonObject = { ...env.document };
  delete document.proof;
  try {
    if (kind === 'ed25519-2020') {
      await new Ed25519Signature2020().canonize(document, { documentLoader: env.documentLoader });
    } else {
      await eddsaRdfc2022Cryptosuite.canonize(document, {
        documentLoader: env.documentLoader,
        safe: true,
        base: null,
      });
    }
    void proof;
    return undefined;
  } catch (error) {
    const classified = classifyError(error, '');
    if (classified.state === 'fail' || classified.finding.code.startsWith('CONTEXT_')) {
      return { state: classified.state, finding: classified.finding };
    }
    return undefined;
  }
}

function baseContextFinding(document: JsonObject): Finding | undefined {
  const context = asArray(document['@context']);
  if (context[0] === VC_V1 || context[0] === VC_V2) return undefined;
  return finding('CONTEXT_BASE_NOT_FIRST', {
    pointer: '/@context',
    message: `The first @context is ${JSON.stringify(context[0])}, not ${VC_V2} or ${VC_V1}`,
  });
}

function toStatus(state: State): CheckStatus {
  return state;
}

/** A DidResolver that remembers what it resolved, for the issuer check's details. */
function recordingResolver(inner: DidResolver): {
  resolver: DidResolver;
  resolved: Map<string, DidResolution>;
} {
  const resolved = new Map<string, DidResolution>();
  return {
    resolved,
    resolver: {
      async resolve(did: string) {
        const cached = resolved.get(did);
        if (cached) return cached;
        const result = await inner.resolve(did);
        resolved.set(did, result);
        return result;
      },
    },
  };
}

export const dataIntegritySuite: SignatureSuite = {
  id: 'data-integrity',

  applies(context: CheckContext): boolean {
    const proofs = asArray(context.document.proof);
    return proofs.length > 0 && proofs.some((p) => !isJwsOnly(p));
  },

  async verify(context: CheckContext): Promise<SuiteOutcome> {
    const { document, options } = context;
    const dids = recordingResolver(createDidResolver({ didDir: options.didDir, online: options.online }));
    const loader = createDocumentLoader({
      contextDirs: options.contextDirs,
      online: options.online,
      didResolver: dids.resolver,
    });
    loader.noteContexts(document);
    const env: VerifyEnv = {
      document,
      loader,
      documentLoader: loader.documentLoader,
      issuerId: issuerIdOf(document),
      at: options.at.getTime(),
      skewMs: options.skewSeconds * 1000,
    };

    const proofs = asArray(document.proof);
    const outcomes: ProofOutcome[] = [];
    for (let i = 0; i < proofs.length; i++) {
      const pointer = Array.isArray(document.proof) ? `/proof/${i}` : '/proof';
      try {
        outcomes.push(await verifyProof(env, proofs[i], pointer));
      } catch (error) {
        // Defensive: verifyProof classifies library errors itself; anything else is "could not check".
        outcomes.push({
          report: { suite: 'data-integrity', type: 'unknown', verified: null, reason: 'error' },
          signature: {
            state: 'indeterminate',
            findings: [
              finding('SIGNATURE_VERIFICATION_ERROR', {
                pointer,
                message: `Verification failed: ${errorMessage(error)}`,
              }),
            ],
          },
          issuer: {
            state: 'indeterminate',
            findings: [
              finding('ISSUER_NOT_CHECKED', { pointer, message: 'Verification failed unexpectedly' }),
            ],
          },
        });
      }
    }

    const signatureFindings = outcomes.flatMap((o) => o.signature.findings);
    let signatureState = combine(outcomes.map((o) => o.signature.state));
    const base = baseContextFinding(document);
    if (base) {
      signatureFindings.unshift(base);
      signatureState = 'fail';
    }
    const issuerState = combine(outcomes.map((o) => o.issuer.state));
    const issuerFindings = dedupe(outcomes.flatMap((o) => o.issuer.findings));
    const reports = outcomes.map((o) => o.report);

    const resolvedDids = [...dids.resolved.entries()].map(([did, r]) =>
      'document' in r
        ? { did, source: r.source, ...(r.file ? { file: r.file } : {}) }
        : { did, unavailable: r.unavailable },
    );
    return {
      suite: 'data-integrity',
      proofs: reports,
      signature: {
        status: toStatus(signatureState),
        findings: dedupe(signatureFindings),
        details: {
          proofs: reports,
          contexts: loader.usedContexts(),
          unavailableContexts: loader.unavailable(),
          ...(loader.configProblems().length > 0 ? { contextDirProblems: loader.configProblems() } : {}),
          hasCredentialStatus: document.credentialStatus !== undefined,
        },
      },
      issuer: {
        status: toStatus(issuerState),
        findings: issuerFindings,
        details: { issuer: env.issuerId ?? null, dids: resolvedDids },
      },
    };
  },
};

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.code}|${f.pointer ?? ''}|${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
