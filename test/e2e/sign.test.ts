// `mcred keygen` and `mcred sign` through the built CLI: key files, the three suites, what verify says of the
// result, byte-for-byte reproduction of the committed fixtures, and the errors (exit 1: the credential cannot
// be signed; exit 2: usage). Build first: npm run build.
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { JsonObject } from '../../src/formats/types.js';
import { loadKey } from '../../src/issue/keys.js';
import type { Report } from '../../src/model/results.js';
import { REPO_ROOT, runCli, type CliRun } from '../support/cli.js';
import { makeTmpDir, type TmpDir } from '../support/tmp.js';

const AT = '2030-01-01T00:00:00Z';
const CREATED = '2025-01-15T10:00:00Z';
const ISSUER_KEY = path.join(REPO_ROOT, 'fixtures/keys/issuer.json');
const OTHER_KEY = path.join(REPO_ROOT, 'fixtures/keys/other.json');
const ED25519_CTX = 'https://w3id.org/security/suites/ed25519-2020/v1';
const DI_V2 = 'https://w3id.org/security/data-integrity/v2';
const STACK_LINE = /^ {4}at /m;

// Each test runs the CLI several times; a loaded machine (the whole suite in parallel) needs the margin.
jest.setTimeout(180_000);

let tmp: TmpDir;

function fixture(relative: string): string {
  return readFileSync(path.join(REPO_ROOT, relative), 'utf8');
}

/** The unsigned credential a committed Data Integrity fixture was signed from. */
function unsignedFrom(relative: string): JsonObject {
  const signed = JSON.parse(fixture(relative)) as JsonObject;
  delete signed.proof;
  signed['@context'] = (signed['@context'] as unknown[]).filter((c) => c !== ED25519_CTX && c !== DI_V2);
  return signed;
}

function verify(file: string, extra: string[] = []): Report {
  const run = runCli(['verify', '--format', 'json', '--at', AT, ...extra, file]);
  return JSON.parse(run.stdout) as Report;
}

/** One line on stderr, no stack trace, nothing on stdout. */
function expectOneLineError(run: CliRun, code: number, pattern: RegExp): void {
  expect({ code: run.code, stdout: run.stdout }).toEqual({ code, stdout: '' });
  expect(run.stderr).toMatch(pattern);
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
  expect(run.stderr).not.toMatch(STACK_LINE);
}

beforeAll(() => {
  tmp = makeTmpDir({
    'ob3-vc2.json': unsignedFrom('fixtures/signed/eddsa-rdfc-2022/ob3-vc2-valid.json'),
    'ob3-vc1.json': unsignedFrom('fixtures/signed/ed25519-2020/ob3-vc1-valid.json'),
    'not-json.json': '{"@context": ',
  });
});

afterAll(() => tmp.remove());

describe('mcred keygen', () => {
  test('-o writes a key file (owner-only) and prints only the DID', async () => {
    const file = tmp.path('key.json');
    const run = runCli(['keygen', '-o', file]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^did:key:z6Mk[1-9A-HJ-NP-Za-km-z]+\n$/);
    const key = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
    expect(run.stdout.trim()).toBe(key.did);
    expect(run.stdout + run.stderr).not.toContain(key.secretKeyMultibase);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(await loadKey(key)).toEqual({ key });
  });

  test('refuses to overwrite a file unless --force', () => {
    const file = tmp.path('existing-key.json');
    writeFileSync(file, 'keep me');
    expectOneLineError(runCli(['keygen', '-o', file]), 2, /already exists \(use --force/);
    expect(readFileSync(file, 'utf8')).toBe('keep me');
    const forced = runCli(['keygen', '-o', file, '--force']);
    expect(forced.code).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({
      type: 'Ed25519KeyPair',
      did: forced.stdout.trim(),
    });
  });

  test('without -o the key file is the only thing on stdout; the DID is noted on stderr', async () => {
    const run = runCli(['keygen']);
    expect(run.code).toBe(0);
    const key = JSON.parse(run.stdout) as Record<string, string>;
    expect(await loadKey(key)).toEqual({ key });
    expect(run.stderr).toContain(key.did);
  });
});

describe('mcred sign', () => {
  test.each([
    ['ed25519-2020', 'fixtures/signed/ed25519-2020/ob3-vc2-valid.json', 'ob3-vc2.json'],
    ['ed25519-2020', 'fixtures/signed/ed25519-2020/ob3-vc1-valid.json', 'ob3-vc1.json'],
    ['eddsa-rdfc-2022', 'fixtures/signed/eddsa-rdfc-2022/ob3-vc2-valid.json', 'ob3-vc2.json'],
    ['eddsa-rdfc-2022', 'fixtures/signed/eddsa-rdfc-2022/ob3-vc1-valid.json', 'ob3-vc1.json'],
    ['jwt', 'fixtures/signed/jwt/ob3-vc2-valid.jwt', 'ob3-vc2.json'],
    ['jwt', 'fixtures/signed/jwt/ob3-vc1-valid.jwt', 'ob3-vc1.json'],
  ])('--suite %s with --created reproduces %s byte for byte', (suite, committed, input) => {
    const run = runCli([
      'sign',
      tmp.path(input),
      '--key',
      ISSUER_KEY,
      '--suite',
      suite,
      '--created',
      CREATED,
    ]);
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(run.stdout).toBe(fixture(committed));
  });

  test.each([
    ['ed25519-2020', 'signed-2020.json'],
    ['eddsa-rdfc-2022', 'signed-rdfc.json'],
    ['jwt', 'signed.jwt'],
  ])('--suite %s -o writes the signed credential, which verifies as authentic', (suite, name) => {
    const out = tmp.path(name);
    const run = runCli(['sign', tmp.path('ob3-vc2.json'), '-k', ISSUER_KEY, '-s', suite, '-o', out]);
    expect([run.code, run.stdout, run.stderr]).toEqual([0, '', '']);
    const [result] = verify(out).results;
    expect([result!.authenticity, result!.verdict]).toEqual(['authentic', 'pass']);
    // proof.created (JWT: no iat) defaults to now
    if (suite !== 'jwt') {
      const proof = (JSON.parse(readFileSync(out, 'utf8')) as { proof: { created: string } }).proof;
      expect(Math.abs(Date.parse(proof.created) - Date.now())).toBeLessThan(10 * 60_000);
    }
  });

  test('an existing -o file is kept unless --force', () => {
    const out = tmp.write('already-there.json', 'keep me');
    const args = ['sign', tmp.path('ob3-vc2.json'), '-k', ISSUER_KEY, '-s', 'ed25519-2020', '-o', out];
    expectOneLineError(runCli(args), 2, /already exists/);
    expect(readFileSync(out, 'utf8')).toBe('keep me');
    expect(runCli([...args, '--force']).code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toHaveProperty('proof.type', 'Ed25519Signature2020');
  });

  test('the issuer must be the key’s DID: exit 1, one line naming both', () => {
    const other = JSON.parse(readFileSync(OTHER_KEY, 'utf8')) as { did: string };
    const issuer = JSON.parse(readFileSync(ISSUER_KEY, 'utf8')) as { did: string };
    for (const suite of ['ed25519-2020', 'eddsa-rdfc-2022', 'jwt']) {
      const run = runCli(['sign', tmp.path('ob3-vc2.json'), '--key', OTHER_KEY, '--suite', suite]);
      expectOneLineError(run, 1, /^mcred: cannot sign .*ob3-vc2\.json: the issuer is "did:key:/);
      expect(run.stderr).toContain(issuer.did);
      expect(run.stderr).toContain(other.did);
    }
    const noIssuer = unsignedFrom('fixtures/signed/eddsa-rdfc-2022/ob3-vc2-valid.json');
    delete noIssuer.issuer;
    const file = tmp.write('no-issuer.json', noIssuer);
    expectOneLineError(runCli(['sign', file, '-k', ISSUER_KEY, '-s', 'jwt']), 1, /the issuer is missing/);
  });

  test('safe mode: an undefined term is refused with its name and place, for every suite', () => {
    const credential = unsignedFrom('fixtures/signed/eddsa-rdfc-2022/ob3-vc2-valid.json');
    (credential.credentialSubject as JsonObject).favouriteColour = 'green';
    const file = tmp.write('undefined-term.json', credential);
    for (const suite of ['ed25519-2020', 'eddsa-rdfc-2022', 'jwt']) {
      expectOneLineError(
        runCli(['sign', file, '-k', ISSUER_KEY, '-s', suite]),
        1,
        /the property "favouriteColour" \(at \/credentialSubject\/favouriteColour\) is not defined by the credential's @context/,
      );
    }
  });

  test('offline: an unbundled context is refused, and --context-dir provides it', () => {
    const url = 'https://contexts.mcred.example/favourites/v1';
    const dir = makeTmpDir({
      'index.json': { [url]: 'favourites.jsonld' },
      'favourites.jsonld': {
        '@context': { favouriteColour: 'https://contexts.mcred.example/favourites#colour' },
      },
    });
    try {
      const credential = unsignedFrom('fixtures/signed/eddsa-rdfc-2022/ob3-vc2-valid.json');
      credential['@context'] = [...(credential['@context'] as unknown[]), url];
      (credential.credentialSubject as JsonObject).favouriteColour = 'green';
      const file = tmp.write('extra-context.json', credential);
      expectOneLineError(
        runCli(['sign', file, '-k', ISSUER_KEY, '-s', 'eddsa-rdfc-2022']),
        1,
        /context https:\/\/contexts\.mcred\.example\/favourites\/v1 is not bundled .* --context-dir/,
      );
      const out = tmp.path('extra-context-signed.json');
      const run = runCli([
        'sign',
        file,
        '-k',
        ISSUER_KEY,
        '-s',
        'eddsa-rdfc-2022',
        '--context-dir',
        dir.dir,
        '-o',
        out,
      ]);
      expect([run.code, run.stderr]).toEqual([0, '']);
      expect(verify(out, ['--context-dir', dir.dir]).results[0]!.authenticity).toBe('authentic');
      // without the folder the verifier cannot check it either: indeterminate, never authentic
      expect(verify(out).results[0]!.authenticity).toBe('indeterminate');
    } finally {
      dir.remove();
    }
  });

  test('a file that is not a JSON credential: exit 1', () => {
    expectOneLineError(
      runCli(['sign', tmp.path('not-json.json'), '-k', ISSUER_KEY, '-s', 'jwt']),
      1,
      /is not JSON/,
    );
    const file = tmp.write('array.json', [1, 2]);
    expectOneLineError(runCli(['sign', file, '-k', ISSUER_KEY, '-s', 'jwt']), 1, /not a JSON object/);
  });

  test.each([
    [
      'an unknown suite',
      ['--key', ISSUER_KEY, '--suite', 'rsa'],
      /must be one of ed25519-2020, eddsa-rdfc-2022, jwt/,
    ],
    ['no --key', ['--suite', 'jwt'], /required option '-k, --key <file>'/],
    ['no --suite', ['--key', ISSUER_KEY], /required option '-s, --suite <suite>'/],
    [
      'a missing key file',
      ['--key', 'no-such-key.json', '--suite', 'jwt'],
      /no such file: no-such-key\.json/,
    ],
    [
      'a file that is not a key',
      ['--key', path.join(REPO_ROOT, 'package.json'), '--suite', 'jwt'],
      /is not usable: type must be "Ed25519KeyPair"/,
    ],
    [
      '--created without an offset',
      ['--key', ISSUER_KEY, '--suite', 'jwt', '--created', '2025-01-15T10:00:00'],
      /time-zone offset/,
    ],
  ])('usage error, exit 2: %s', (_name, args, pattern) => {
    const run = runCli(['sign', tmp.path('ob3-vc2.json'), ...args]);
    expect({ code: run.code, stdout: run.stdout }).toEqual({ code: 2, stdout: '' });
    expect(run.stderr).toMatch(pattern);
    expect(run.stderr).not.toMatch(STACK_LINE);
  });

  test('usage error, exit 2: a credential file that does not exist', () => {
    expectOneLineError(
      runCli(['sign', tmp.path('nope.json'), '-k', ISSUER_KEY, '-s', 'jwt']),
      2,
      /no such file/,
    );
  });
});
