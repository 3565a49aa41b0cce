// `mcred sign <file> --key K --suite ed25519-2020|eddsa-rdfc-2022|jwt [-o out] [--force] [--created T]
// [--context-dir DIR]`: signs a credential with a key from `mcred keygen`.
//
//   ed25519-2020, eddsa-rdfc-2022  the credential with an embedded proof (JSON)
//   jwt                            a compact JWS: VC 1.1 → JWT with a `vc` claim; VC 2.0 → `typ: vc+jwt`
//
// Offline: JSON-LD contexts come from the bundled set and --context-dir folders only. Safe mode: a
// credential that uses a term no @context defines (or a relative IRI) is refused with the term and where
// it is, for every suite (a JWT is not canonicalised, but whoever reads it as JSON-LD would drop the term).
//
// Exit codes: 0 signed; 1 the credential cannot be signed with this key (not a JSON object, issuer is not
// the key's DID, undefined term, context not available, no VC base context, VC 1.1 without
// issuanceDate); 2 usage (unknown option or suite, missing file, unusable key file or --context-dir,
// invalid --created, output file exists without --force).
import { Command, InvalidArgumentError } from 'commander';
import { readFile } from 'node:fs/promises';
import { parseDateTime } from '../../checks/datetime.js';
import { isObject } from '../../formats/json.js';
import type { JsonObject } from '../../formats/types.js';
import { vcVersionOf } from '../../formats/vc.js';
import { signVcJwt } from '../../issue/jwt.js';
import { keyToJwk, loadKey, type KeyFile } from '../../issue/keys.js';
import { safeModeProblem, signCredential } from '../../issue/sign.js';
import { createDocumentLoader } from '../../resolve/contexts.js';
import { createDidResolver } from '../../resolve/did.js';
import { UsageError } from '../usage-error.js';
import { writeNewFile } from './keygen.js';

export const SIGN_SUITES = ['ed25519-2020', 'eddsa-rdfc-2022', 'jwt'] as const;
export type SignSuite = (typeof SIGN_SUITES)[number];

/** Largest credential file read (as `check`'s default --max-size). */
const MAX_CREDENTIAL_BYTES = 10 * 1024 * 1024;

interface SignCommandOptions {
  key: string;
  suite: SignSuite;
  output?: string;
  force?: boolean;
  created?: Date;
  contextDir: string[];
}

function suiteChoice(value: string): SignSuite {
  if (!(SIGN_SUITES as readonly string[]).includes(value))
    throw new InvalidArgumentError(`must be one of ${SIGN_SUITES.join(', ')}`);
  return value as SignSuite;
}

function instant(value: string): Date {
  const parsed = parseDateTime(value);
  if (!parsed.ok) throw new InvalidArgumentError(`must be an RFC 3339 date-time (${parsed.problem})`);
  if (!parsed.hasOffset)
    throw new InvalidArgumentError('must carry a time-zone offset, e.g. 2025-01-15T10:00:00Z');
  return parsed.date;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** A credential that cannot be signed: reported in one line, exit code 1. */
class CannotSign extends Error {}

async function readBytes(file: string, what: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`no such file: ${file}`);
    throw new UsageError(`could not read the ${what} ${file}: ${code ?? (error as Error).message}`);
  }
}

function parseJsonText(bytes: Buffer): unknown {
  let text = bytes.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return JSON.parse(text) as unknown;
}

async function readKeyFile(file: string): Promise<KeyFile> {
  const bytes = await readBytes(file, 'key file');
  let json: unknown;
  try {
    json = parseJsonText(bytes);
  } catch {
    throw new UsageError(`the key file ${file} is not JSON (make one with: mcred keygen -o ${file})`);
  }
  const loaded = await loadKey(json);
  if ('error' in loaded) throw new UsageError(`the key file ${file} is not usable: ${loaded.error}`);
  return loaded.key;
}

async function readCredential(file: string): Promise<JsonObject> {
  const bytes = await readBytes(file, 'credential');
  if (bytes.length > MAX_CREDENTIAL_BYTES)
    throw new CannotSign(`it is larger than ${MAX_CREDENTIAL_BYTES} bytes`);
  let json: unknown;
  try {
    json = parseJsonText(bytes);
  } catch (error) {
    throw new CannotSign(`it is not JSON (${(error as Error).message})`);
  }
  if (!isObject(json)) throw new CannotSign('it is not a JSON object (one credential per file)');
  return json;
}

function issuerIdOf(credential: JsonObject): string | undefined {
  const issuer = credential.issuer;
  if (typeof issuer === 'string') return issuer;
  return isObject(issuer) && typeof issuer.id === 'string' ? issuer.id : undefined;
}

async function signFile(file: string, options: SignCommandOptions): Promise<string> {
  const key = await readKeyFile(options.key);
  const didResolver = createDidResolver({ online: false });
  const loader = createDocumentLoader({ contextDirs: options.contextDir, online: false, didResolver });
  const problems = loader.configProblems();
  if (problems.length > 0) throw new UsageError(`--context-dir: ${problems.join('; ')}`);

  const credential = await readCredential(file);
  const issuer = issuerIdOf(credential);
  if (issuer !== key.did) {
    throw new CannotSign(
      `the issuer is ${issuer === undefined ? 'missing' : `"${issuer}"`}, not the key's DID ${key.did}; ` +
        'set "issuer" (or "issuer.id") to the key\'s DID',
    );
  }
  const version = vcVersionOf(credential);
  if (version === undefined) {
    throw new CannotSign(
      '@context names neither https://www.w3.org/ns/credentials/v2 nor https://www.w3.org/2018/credentials/v1',
    );
  }
  const problem = await safeModeProblem(credential, loader.documentLoader);
  if (problem) throw new CannotSign(problem);

  if (options.suite === 'jwt') {
    const jwk = await keyToJwk(key, { includePrivate: true });
    const claims: Record<string, unknown> = {};
    if (options.created) claims.iat = Math.floor(options.created.getTime() / 1000);
    const jwt = await signVcJwt(credential, jwk, { vcVersion: version, kid: key.id, claims });
    return `${jwt}\n`;
  }
  const signed = await signCredential(credential, key, options.suite, {
    documentLoader: loader.documentLoader,
    ...(options.created ? { created: options.created } : {}),
  });
  if ('error' in signed) throw new CannotSign(signed.error);
  return `${JSON.stringify(signed.credential, null, 2)}\n`;
}

export function signCommand(setExitCode: (code: number) => void): Command {
  return new Command('sign')
    .description('sign a credential with a key from `mcred keygen` (embedded proof, or a VC-JWT)')
    .argument('<file>', 'the credential (JSON); its issuer must be the key’s DID')
    .requiredOption('-k, --key <file>', 'the key file (mcred keygen)')
    .requiredOption('-s, --suite <suite>', `proof suite: ${SIGN_SUITES.join(', ')}`, suiteChoice)
    .option('-o, --output <file>', 'write the signed credential there instead of stdout')
    .option('--force', 'overwrite an existing output file')
    .option('--created <time>', 'proof.created (JWT: iat) instead of now, as RFC 3339', instant)
    .option(
      '--context-dir <dir>',
      'extra JSON-LD contexts (a folder with INDEX.md or index.json); repeatable',
      collect,
      [],
    )
    .action(async (file: string, options: SignCommandOptions) => {
      let text: string;
      try {
        text = await signFile(file, options);
      } catch (error) {
        if (error instanceof CannotSign) {
          process.stderr.write(`mcred: cannot sign ${file}: ${error.message}\n`);
          setExitCode(1);
          return;
        }
        throw error;
      }
      if (options.output) await writeNewFile(options.output, text, !!options.force, 0o644);
      else process.stdout.write(text);
      setExitCode(0);
    });
}
