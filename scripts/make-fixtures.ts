// Regenerates every fixture with one command (`npm run fixtures`):
//
//   1. scripts/make-structural-fixtures.ts   fixtures/structural/** and the unsigned files of fixtures/demo/
//   2. scripts/make-pki-fixtures.ts          the test PKI (fixtures/pki/) and the JAdES seals (fixtures/jades/)
//   3. this script                           the test keys (fixtures/keys/), the signed fixtures and their
//                                            manifest (fixtures/signed/), the signed demo files (fixtures/demo/)
//
//   npm run fixtures                  deterministic: the same inputs give byte-identical files
//   npm run fixtures -- --force       passed on to the PKI script: new PKI keys, and the randomised seals
//                                     (ECDSA) rewritten; everything else is deterministic anyway
//   npm run fixtures -- --signed-only step 3 only
//
// Everything signed here is deterministic: Ed25519 signatures are, the keys come from fixed seeds
// (fixtures/keys/README.md: TEST-ONLY), proof.created is fixed, and the demo seal is RS256 (PKCS#1 v1.5).
// The base credentials are written below, by hand; each variant is one deliberate change, and its expected
// outcome in fixtures/signed/EXPECTED.jsonc is stated from what the variant is, never from running mcred.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { JsonObject } from '../src/formats/types.js';
import { signVcJwt } from '../src/issue/jwt.js';
import { generateKey, keyToJwk, loadKey, type KeyFile } from '../src/issue/keys.js';
import { loadTestPki, sealJades, TEST_SIGNING_TIME } from '../src/issue/pki.js';
import { safeModeProblem, signCredential, type LdSuiteName } from '../src/issue/sign.js';
import type { Authenticity, CheckId, CheckStatus, Verdict } from '../src/model/results.js';
import { createDocumentLoader } from '../src/resolve/contexts.js';
import { createDidResolver } from '../src/resolve/did.js';

const ROOT = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const KEYS = 'fixtures/keys';
const SIGNED = 'fixtures/signed';
const DEMO = 'fixtures/demo';
const PKI = 'fixtures/pki';
const JADES = 'fixtures/jades';

const force = process.argv.includes('--force');
const signedOnly = process.argv.includes('--signed-only');

/** The verification time of every manifest row (mcred verify --at): far from the fixtures' dates. */
const VERIFY_AT = '2030-01-01T00:00:00Z';
/** proof.created of every Data Integrity proof (and JWT iat). */
const CREATED = '2025-01-15T10:00:00Z';
const ISSUED = '2025-01-15T10:00:00Z';
/** Dates of the date variants: long past and far ahead of both VERIFY_AT and today. */
const EXPIRED_ON = '2025-12-31T23:59:59Z';
const VALID_FROM_FUTURE = '2045-01-01T00:00:00Z';

// --- helpers --------------------------------------------------------------------------------------------

function abs(relative: string): string {
  return path.join(ROOT, relative);
}

function write(relative: string, content: string): void {
  mkdirSync(path.dirname(abs(relative)), { recursive: true });
  writeFileSync(abs(relative), content);
}

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
const clone = <T>(value: T): T => structuredClone(value);

function runScript(script: string, args: string[]): void {
  const tsx = path.join(ROOT, 'node_modules', '.bin', 'tsx');
  const run = spawnSync(tsx, [script, ...args], { cwd: ROOT, stdio: 'inherit' });
  if (run.status !== 0) throw new Error(`${script} failed (exit ${String(run.status)})`);
}

/** Removes every file under a folder (the folder is entirely generated). */
function clearFolder(relative: string): void {
  const dir = abs(relative);
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) rmSync(full, { recursive: true });
    else rmSync(full);
  }
}

// --- keys -----------------------------------------------------------------------------------------------

const KEY_SEEDS = {
  issuer: 'mcred fixtures: issuer key A (test only)',
  other: 'mcred fixtures: second key B (test only)',
} as const;

async function fixtureKey(name: keyof typeof KEY_SEEDS): Promise<KeyFile> {
  const seed = new Uint8Array(createHash('sha256').update(KEY_SEEDS[name], 'utf8').digest());
  const key = await generateKey({ seed });
  const loaded = await loadKey(JSON.parse(JSON.stringify(key)) as unknown);
  if ('error' in loaded) throw new Error(`fixture key ${name}: ${loaded.error}`);
  write(`${KEYS}/${name}.json`, json(key));
  return key;
}

const KEYS_README = `# Test keys (TEST-ONLY, THE SECRET KEYS ARE PUBLIC)

Ed25519 signing keys for mcred's signed fixtures, in the key-file format of \`mcred keygen\`
(src/issue/keys.ts). Their secret keys are committed on purpose: anyone can sign with them, so
nothing signed by them proves anything outside mcred's tests. Never use them for real credentials.

| file | DID | used for |
|---|---|---|
| issuer.json | \`{{issuer}}\` | key A: the issuer of every signed fixture and of the signed demo files |
| other.json | \`{{other}}\` | key B: the "wrong key" and "key not controlled" variants |

Both are derived from fixed seeds (SHA-256 of a fixed text, see scripts/make-fixtures.ts), so
\`npm run fixtures\` rewrites them byte-identically.
`;

// --- the base credentials (hand-written; the issuer is key A's DID) -------------------------------------

const VC_V1 = 'https://www.w3.org/2018/credentials/v1';
const VC_V2 = 'https://www.w3.org/ns/credentials/v2';
const OB_303 = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
const GLOSSARY = 'https://edubadges.nl/static/obv3-glossary.html#';

/**
 * The Edubadges-style extension terms, as an inline context: mcred verifies offline and does not bundle the
 * Edubadges context, so the fixtures define the terms themselves (same layout: scoped to the
 * EducredentialAchievement type; IRIs in the Edubadges OB3 glossary namespace). Written for mcred.
 */
const EXTENSION_CONTEXT: JsonObject = {
  '@protected': true,
  EducredentialAchievement: {
    '@id': `${GLOSSARY}EducredentialAchievement`,
    '@context': {
      '@protected': true,
      xsd: 'http://www.w3.org/2001/XMLSchema#',
      ECTS: { '@id': `${GLOSSARY}ects`, '@type': 'xsd:decimal' },
      participationType: {
        '@id': `${GLOSSARY}participationType`,
        '@type': '@vocab',
        '@context': {
          online: `${GLOSSARY}participation-type-online`,
          'onsite or blended': `${GLOSSARY}participation-type-onsite-or-blended`,
        },
      },
      assessmentType: {
        '@id': `${GLOSSARY}assessmentType`,
        '@type': '@vocab',
        '@context': {
          testing: `${GLOSSARY}assessment-type-testing`,
          portfolio: `${GLOSSARY}assessment-type-portfolio`,
        },
      },
      supervisionType: {
        '@id': `${GLOSSARY}supervisionType`,
        '@type': '@vocab',
        '@context': {
          'supervised online': `${GLOSSARY}supervision-type-supervised-online`,
          'onsite with identity verification': `${GLOSSARY}supervision-type-onsite-with-identity-verification`,
        },
      },
      identityChecked: { '@id': `${GLOSSARY}identityChecked`, '@type': 'xsd:boolean' },
    },
  },
};

const ACHIEVEMENT_ID = 'https://credentials.voorbeeld.example/achievements/data-stewardship';

/** An Open Badges 3.0 micro-credential (VC 2.0) with every mandatory Annex I element. */
function ob3Credential(issuerDid: string): JsonObject {
  return {
    '@context': [VC_V2, OB_303, EXTENSION_CONTEXT],
    id: 'urn:uuid:5f0c2a9e-7d41-4b8a-9e36-0d2c4b7a1f01',
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: 'Research Data Stewardship',
    description:
      'Micro-credential issued by Universiteit van Voorbeeld through its lifelong-learning programme.',
    issuer: {
      id: issuerDid,
      type: ['Profile'],
      name: 'Universiteit van Voorbeeld',
      url: 'https://www.voorbeeld.example',
      otherIdentifier: [{ type: ['IdentifierEntry'], identifier: '99ZZ', identifierType: 'ext:BRIN' }],
      address: {
        type: ['Address'],
        streetAddress: 'Voorbeeldplein 1',
        postalCode: '1234 AB',
        addressLocality: 'Voorbeeld',
        addressCountry: 'Netherlands',
        addressCountryCode: 'NL',
      },
    },
    validFrom: ISSUED,
    awardedDate: ISSUED,
    credentialSubject: {
      id: 'urn:uuid:3c9e7b1a-2f4d-4e6a-8b0c-1d2e3f4a5b01',
      type: ['AchievementSubject'],
      identifier: [
        { type: 'IdentityObject', identityType: 'name', identityHash: 'Alex Example', hashed: false },
        { type: 'IdentityObject', identityType: 'sisSourcedId', identityHash: 's2025001', hashed: false },
      ],
      achievement: {
        id: ACHIEVEMENT_ID,
        type: ['Achievement', 'EducredentialAchievement'],
        achievementType: 'MicroCredential',
        name: 'Research Data Stewardship',
        description:
          'Participants learn to write a data management plan and to publish research data following the FAIR principles.',
        criteria: {
          id: `${ACHIEVEMENT_ID}/criteria`,
          narrative: 'Submit a data management plan and pass the final assessment (5.5 or higher).',
        },
        inLanguage: 'en',
        humanCode: 'UVV-RDS-201',
        alignment: [
          {
            type: ['Alignment'],
            targetType: 'ext:ESCOSkill',
            targetFramework: 'ESCO',
            targetName: 'manage findable accessible interoperable and reusable data',
            targetDescription:
              'Produce, describe, store, preserve and (re)use scientific data following the FAIR principles',
            targetUrl: 'http://data.europa.eu/esco/skill/a4ccc7fa-2f3a-4b4d-9b1c-3f0c9d8b5e11',
          },
          {
            type: ['Alignment'],
            targetType: 'ext:ESCOSkill',
            targetFramework: 'ESCO',
            targetName: 'manage research data',
            targetDescription: 'Store and maintain research data and support its re-use',
            targetUrl: 'http://data.europa.eu/esco/skill/b2c3d4e5-6f70-4a81-9b2c-3d4e5f607182',
          },
          {
            type: ['Alignment'],
            targetType: 'ext:EQF',
            targetFramework: 'EQF',
            targetName: 'EQF level 7',
            targetCode: '7',
            targetUrl: 'http://data.europa.eu/snb/eqf/7',
          },
          {
            type: ['Alignment'],
            targetType: 'ext:QualityAssurance',
            targetName: 'Accreditation of the short learning programmes of Universiteit van Voorbeeld',
            targetDescription: 'Accreditation decision by Kwaliteitsraad Voorbeeld',
            targetCode: 'QA-2024-201',
            targetUrl: 'https://kwaliteit.voorbeeld.example/decisions/QA-2024-201',
          },
        ],
        ECTS: 4,
        participationType: 'online',
        assessmentType: 'testing',
        supervisionType: 'supervised online',
        identityChecked: true,
        resultDescription: [
          {
            id: `${ACHIEVEMENT_ID}/results/final-grade`,
            type: ['ResultDescription'],
            name: 'Final grade (Dutch scale 1-10)',
            resultType: 'ext:DutchGrade',
            valueMin: '1',
            valueMax: '10',
            requiredValue: '5.5',
          },
        ],
      },
      result: [
        { type: ['Result'], resultDescription: `${ACHIEVEMENT_ID}/results/final-grade`, value: '8.0' },
      ],
    },
  };
}

/** The same credential on the VC 1.1 data model (issuanceDate instead of validFrom). */
function ob3CredentialV1(issuerDid: string): JsonObject {
  const v2 = ob3Credential(issuerDid);
  const out: JsonObject = {};
  for (const [name, value] of Object.entries(v2)) {
    if (name === '@context') out[name] = [VC_V1, OB_303, EXTENSION_CONTEXT];
    else if (name === 'validFrom') out.issuanceDate = value;
    else out[name] = value;
  }
  out.id = 'urn:uuid:5f0c2a9e-7d41-4b8a-9e36-0d2c4b7a1f11';
  return out;
}

// --- manifest -------------------------------------------------------------------------------------------

type SuiteName = LdSuiteName | 'jwt' | 'jades';

interface ExpectedRow {
  /** Unique name of the row (a file may be verified under several options). */
  name: string;
  /** Path from the repository root. */
  file: string;
  suite: SuiteName;
  vcVersion?: '1.1' | '2.0';
  variant: string;
  /** What the variant is. */
  description: string;
  /** --trust-anchors for this row (JAdES only). */
  trustAnchors?: string;
  verdict: Verdict;
  authenticity: Authenticity;
  /** Statuses of these checks (the others are not asserted). */
  checks: Partial<Record<CheckId, CheckStatus>>;
  /** Finding codes that must be reported, by the check that must report them. */
  failing: { check: CheckId; code: string }[];
  /** Data Integrity proof sets: `verified` of each proof, in order. */
  proofs?: (boolean | null)[];
}

const rows: ExpectedRow[] = [];

// --- the variants ---------------------------------------------------------------------------------------

interface Keys {
  a: KeyFile;
  b: KeyFile;
}

type Loader = ReturnType<typeof createDocumentLoader>;

const SIGNATURE_PASS = { signature: 'pass', issuer: 'pass' } as const;

async function ldSign(
  credential: JsonObject,
  key: KeyFile,
  suite: LdSuiteName,
  loader: Loader,
): Promise<JsonObject> {
  const problem = await safeModeProblem(credential, loader.documentLoader);
  if (problem) throw new Error(`base credential not signable: ${problem}`);
  const result = await signCredential(credential, key, suite, {
    documentLoader: loader.documentLoader,
    created: CREATED,
  });
  if ('error' in result) throw new Error(`signing failed: ${result.error}`);
  return result.credential;
}

/**
 * A key file that names key A's verification method and DID but holds key B's key pair: what it signs
 * claims to be A's proof and is not ("wrong key").
 */
function impostor(keys: Keys): KeyFile {
  return { ...keys.b, did: keys.a.did, id: keys.a.id };
}

/** Key B's own verification method, let through signCredential's issuer check ("key not controlled"). */
function foreignMethod(keys: Keys): KeyFile {
  return { ...keys.b, did: keys.a.did };
}

function credentialSubjectOf(doc: JsonObject): JsonObject {
  return doc.credentialSubject as JsonObject;
}

function setResultValue(doc: JsonObject, value: string): void {
  ((credentialSubjectOf(doc).result as JsonObject[])[0] as JsonObject).value = value;
}

async function makeLdFixtures(keys: Keys, loader: Loader): Promise<Record<string, JsonObject>> {
  const made: Record<string, JsonObject> = {};
  for (const suite of ['ed25519-2020', 'eddsa-rdfc-2022'] as const) {
    for (const version of ['2.0', '1.1'] as const) {
      const base = version === '2.0' ? ob3Credential(keys.a.did) : ob3CredentialV1(keys.a.did);
      const tag = version === '2.0' ? 'vc2' : 'vc1';
      const endProperty = version === '2.0' ? 'validUntil' : 'expirationDate';
      const startProperty = version === '2.0' ? 'validFrom' : 'issuanceDate';
      const file = (variant: string) => `${SIGNED}/${suite}/ob3-${tag}-${variant}.json`;
      const row = (
        variant: string,
        description: string,
        expected: Omit<ExpectedRow, 'name' | 'file' | 'suite' | 'vcVersion' | 'variant' | 'description'>,
      ) => {
        rows.push({
          name: `${suite} ${tag} ${variant}`,
          file: file(variant),
          suite,
          vcVersion: version,
          variant,
          description,
          ...expected,
        });
      };
      const put = (variant: string, doc: JsonObject) => {
        write(file(variant), json(doc));
        made[`${suite}/${tag}/${variant}`] = doc;
      };

      const valid = await ldSign(base, keys.a, suite, loader);
      put('valid', valid);
      row('valid', 'Signed by the issuer (key A); unchanged since.', {
        verdict: 'pass',
        authenticity: 'authentic',
        checks: { ...SIGNATURE_PASS, dates: 'pass' },
        failing: [],
        proofs: [true],
      });

      const tampered = clone(valid);
      setResultValue(tampered, '9.5');
      put('tampered', tampered);
      row(
        'tampered',
        'The grade (credentialSubject.result[0].value) changed from 8.0 to 9.5 after signing.',
        {
          verdict: 'fail',
          authenticity: 'not authentic',
          checks: { signature: 'fail', issuer: 'pass' },
          failing: [{ check: 'signature', code: 'SIGNATURE_INVALID' }],
          proofs: [false],
        },
      );

      const expiredBase = clone(base);
      expiredBase[endProperty] = EXPIRED_ON;
      put('expired', await ldSign(expiredBase, keys.a, suite, loader));
      row('expired', `${endProperty} ${EXPIRED_ON}, signed validly: expired, authentic.`, {
        verdict: 'fail',
        authenticity: 'authentic',
        checks: { ...SIGNATURE_PASS, dates: 'fail' },
        failing: [{ check: 'dates', code: 'DATE_EXPIRED' }],
        proofs: [true],
      });

      const futureBase = clone(base);
      futureBase[startProperty] = VALID_FROM_FUTURE;
      futureBase.awardedDate = VALID_FROM_FUTURE;
      put('not-yet-valid', await ldSign(futureBase, keys.a, suite, loader));
      row(
        'not-yet-valid',
        `${startProperty} ${VALID_FROM_FUTURE}, signed validly: not valid yet, authentic.`,
        {
          verdict: 'fail',
          authenticity: 'authentic',
          checks: { ...SIGNATURE_PASS, dates: 'fail' },
          failing: [{ check: 'dates', code: 'DATE_NOT_YET_VALID' }],
          proofs: [true],
        },
      );

      put('wrong-key', await ldSign(base, impostor(keys), suite, loader));
      row('wrong-key', "The proof names key A's verification method but was made with key B.", {
        verdict: 'fail',
        authenticity: 'not authentic',
        checks: { signature: 'fail', issuer: 'pass' },
        failing: [{ check: 'signature', code: 'SIGNATURE_INVALID' }],
        proofs: [false],
      });

      put('key-not-controlled', await ldSign(base, foreignMethod(keys), suite, loader));
      row(
        'key-not-controlled',
        "Issuer did:key A; a valid proof by key B's own verification method (did:key B).",
        {
          verdict: 'fail',
          authenticity: 'not authentic',
          checks: { signature: 'pass', issuer: 'fail' },
          failing: [{ check: 'issuer', code: 'ISSUER_KEY_NOT_CONTROLLED' }],
          proofs: [true],
        },
      );

      const undefinedTerm = clone(valid);
      credentialSubjectOf(undefinedTerm).favouriteColour = 'green';
      put('undefined-term', undefinedTerm);
      row(
        'undefined-term',
        'credentialSubject.favouriteColour (defined by no context) added after signing.',
        {
          verdict: 'fail',
          authenticity: 'not authentic',
          checks: { signature: 'fail' },
          failing: [{ check: 'signature', code: 'SIGNATURE_UNDEFINED_TERM' }],
          proofs: [false],
        },
      );

      // Two proofs by key A: the first over this credential, the second made over a copy with another grade
      // and then attached here.
      const other = clone(base);
      setResultValue(other, '6.0');
      const otherSigned = await ldSign(other, keys.a, suite, loader);
      const twoProofs = clone(valid);
      twoProofs.proof = [valid.proof, otherSigned.proof];
      put('two-proofs-one-broken', twoProofs);
      row(
        'two-proofs-one-broken',
        'A proof set: proof 0 is good, proof 1 was made over another grade (6.0).',
        {
          verdict: 'fail',
          authenticity: 'not authentic',
          checks: { signature: 'fail' },
          failing: [{ check: 'signature', code: 'SIGNATURE_INVALID' }],
          proofs: [true, false],
        },
      );
    }
  }
  return made;
}

/** Re-encodes the payload of a compact JWS, keeping its header and signature. */
function withPayload(jwt: string, payload: unknown): string {
  const [header, , signature] = jwt.split('.');
  return `${header}.${Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url')}.${signature}`;
}

function payloadOf(jwt: string): JsonObject {
  return JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8')) as JsonObject;
}

async function makeJwtFixtures(keys: Keys, loader: Loader): Promise<Record<string, string>> {
  const made: Record<string, string> = {};
  const jwkA = await keyToJwk(keys.a, { includePrivate: true });
  const jwkB = await keyToJwk(keys.b, { includePrivate: true });
  const iat = Math.floor(Date.parse(CREATED) / 1000);
  for (const version of ['2.0', '1.1'] as const) {
    const base = version === '2.0' ? ob3Credential(keys.a.did) : ob3CredentialV1(keys.a.did);
    const problem = await safeModeProblem(base, loader.documentLoader);
    if (problem) throw new Error(`JWT base credential not signable: ${problem}`);
    const tag = version === '2.0' ? 'vc2' : 'vc1';
    const form = version === '2.0' ? 'VC 2.0 vc+jwt' : 'VC 1.1 JWT (vc claim)';
    const endProperty = version === '2.0' ? 'validUntil' : 'expirationDate';
    const startProperty = version === '2.0' ? 'validFrom' : 'issuanceDate';
    const file = (variant: string) => `${SIGNED}/jwt/ob3-${tag}-${variant}.jwt`;
    const sign = (
      credential: JsonObject,
      jwk = jwkA,
      kid = keys.a.id,
      claims: Record<string, unknown> = {},
    ) => signVcJwt(credential, jwk, { vcVersion: version, kid, claims: { iat, ...claims } });
    const put = (variant: string, jwt: string) => {
      write(file(variant), `${jwt}\n`);
      made[`jwt/${tag}/${variant}`] = jwt;
    };
    const row = (
      variant: string,
      description: string,
      expected: Omit<ExpectedRow, 'name' | 'file' | 'suite' | 'vcVersion' | 'variant' | 'description'>,
    ) => {
      rows.push({
        name: `jwt ${tag} ${variant}`,
        file: file(variant),
        suite: 'jwt',
        vcVersion: version,
        variant,
        description: `${form}: ${description}`,
        ...expected,
      });
    };
    /** The credential inside a payload (the vc claim, or the payload itself). */
    const credentialIn = (payload: JsonObject): JsonObject =>
      version === '1.1' ? (payload.vc as JsonObject) : payload;

    const valid = await sign(base);
    put('valid', valid);
    row('valid', 'signed by the issuer (key A, kid = its verification method).', {
      verdict: 'pass',
      authenticity: 'authentic',
      checks: { ...SIGNATURE_PASS, dates: 'pass' },
      failing: [],
    });

    const tamperedPayload = payloadOf(valid);
    setResultValue(credentialIn(tamperedPayload), '9.5');
    put('tampered', withPayload(valid, tamperedPayload));
    row(
      'tampered',
      'the payload re-encoded with the grade changed from 8.0 to 9.5; header and signature kept.',
      {
        verdict: 'fail',
        authenticity: 'not authentic',
        checks: { signature: 'fail' },
        failing: [{ check: 'signature', code: 'JWT_SIGNATURE_INVALID' }],
      },
    );

    const expiredBase = clone(base);
    expiredBase[endProperty] = EXPIRED_ON;
    put('expired', await sign(expiredBase));
    row(
      'expired',
      `${endProperty} ${EXPIRED_ON} and exp equal to it, signed validly: genuine but expired (the dates check judges the credential's date once).`,
      {
        verdict: 'fail',
        authenticity: 'authentic',
        checks: { signature: 'pass', issuer: 'pass', dates: 'fail' },
        failing: [{ check: 'dates', code: 'DATE_EXPIRED' }],
      },
    );

    const futureBase = clone(base);
    futureBase[startProperty] = VALID_FROM_FUTURE;
    futureBase.awardedDate = VALID_FROM_FUTURE;
    put('not-yet-valid', await sign(futureBase));
    row(
      'not-yet-valid',
      `${startProperty} ${VALID_FROM_FUTURE} and nbf equal to it, signed validly: genuine but not yet valid.`,
      {
        verdict: 'fail',
        authenticity: 'authentic',
        checks: { signature: 'pass', issuer: 'pass', dates: 'fail' },
        failing: [{ check: 'dates', code: 'DATE_NOT_YET_VALID' }],
      },
    );

    put('wrong-key', await sign(base, jwkB, keys.a.id));
    row('wrong-key', "kid names key A's verification method; signed with key B.", {
      verdict: 'fail',
      authenticity: 'not authentic',
      checks: { signature: 'fail' },
      failing: [{ check: 'signature', code: 'JWT_SIGNATURE_INVALID' }],
    });

    put('key-not-controlled', await sign(base, jwkB, keys.b.id));
    row(
      'key-not-controlled',
      "issuer and iss did:key A; signed validly with key B's own verification method (kid did:key B).",
      {
        verdict: 'fail',
        authenticity: 'not authentic',
        checks: { signature: 'pass', issuer: 'fail' },
        failing: [{ check: 'issuer', code: 'JWT_KID_NOT_ISSUER' }],
      },
    );

    const undefinedPayload = payloadOf(valid);
    credentialSubjectOf(credentialIn(undefinedPayload)).favouriteColour = 'green';
    put('undefined-term', withPayload(valid, undefinedPayload));
    row(
      'undefined-term',
      'credentialSubject.favouriteColour (defined by no context) added to the payload after signing: a JWT is signed over its bytes.',
      {
        verdict: 'fail',
        authenticity: 'not authentic',
        checks: { signature: 'fail' },
        failing: [{ check: 'signature', code: 'JWT_SIGNATURE_INVALID' }],
      },
    );

    put('iss-mismatch', await sign(base, jwkA, keys.a.id, { iss: keys.b.did }));
    row(
      'iss-mismatch',
      'signed validly by key A, but the iss claim is did:key B while the credential issuer is did:key A.',
      {
        verdict: 'fail',
        authenticity: 'not authentic',
        checks: { signature: 'pass', issuer: 'fail' },
        failing: [{ check: 'issuer', code: 'JWT_ISS_MISMATCH' }],
      },
    );

    put(
      'nbf-conflict',
      await sign(base, jwkA, keys.a.id, { nbf: Math.floor(Date.parse('2025-02-01T00:00:00Z') / 1000) }),
    );
    row(
      'nbf-conflict',
      `nbf is 2025-02-01T00:00:00Z, the credential's ${startProperty} ${ISSUED}; signed validly.`,
      {
        verdict: 'fail',
        authenticity: 'not authentic',
        checks: { signature: 'fail', issuer: 'pass', dates: 'pass' },
        failing: [{ check: 'signature', code: 'JWT_DATES_CONFLICT' }],
      },
    );

    const withEnd = clone(base);
    withEnd[endProperty] = '2040-12-31T23:59:59Z';
    put(
      'exp-conflict',
      await sign(withEnd, jwkA, keys.a.id, { exp: Math.floor(Date.parse('2039-12-31T23:59:59Z') / 1000) }),
    );
    row(
      'exp-conflict',
      `exp is 2039-12-31T23:59:59Z, the credential's ${endProperty} 2040-12-31T23:59:59Z; signed validly.`,
      {
        verdict: 'fail',
        authenticity: 'not authentic',
        checks: { signature: 'fail', issuer: 'pass', dates: 'pass' },
        failing: [{ check: 'signature', code: 'JWT_DATES_CONFLICT' }],
      },
    );
  }
  return made;
}

// --- JAdES ----------------------------------------------------------------------------------------------

const ROOT_CA = `${PKI}/root-ca.pem`;
const WRONG_ROOT_CA = `${PKI}/wrong-root-ca.pem`;

/** Rows for the seals of fixtures/jades (written by make-pki-fixtures.ts) and the tampered one made here. */
function makeJadesFixtures(): void {
  const sealed = JSON.parse(readFileSync(abs(`${JADES}/sealed-rs256.json`), 'utf8')) as JsonObject;
  const credential = JSON.parse(sealed.payload as string) as JsonObject;
  const hasClaim = (credential.credentialSubject as JsonObject).hasClaim as JsonObject;
  const title = hasClaim.title as JsonObject;
  title.en = `${String(title.en)} (Advanced)`;
  const tampered = { ...sealed, payload: JSON.stringify(credential) };
  const tamperedFile = `${SIGNED}/jades/edc-rs256-tampered.json`;
  write(tamperedFile, json(tampered));

  const jades = (
    name: string,
    file: string,
    trustAnchors: string | undefined,
    description: string,
    expected: Omit<ExpectedRow, 'name' | 'file' | 'suite' | 'vcVersion' | 'variant' | 'description'>,
  ) => {
    rows.push({
      name: `jades ${name}`,
      file,
      suite: 'jades',
      vcVersion: '1.1',
      variant: name,
      description,
      ...(trustAnchors ? { trustAnchors } : {}),
      ...expected,
    });
  };
  jades(
    'rs256 right anchor',
    `${JADES}/sealed-rs256.json`,
    ROOT_CA,
    'RS256 seal, leaf and intermediate in x5c, adoTst and sigTst; the right trust anchor.',
    {
      verdict: 'pass',
      authenticity: 'authentic',
      checks: { ...SIGNATURE_PASS, dates: 'pass' },
      failing: [],
    },
  );
  jades(
    'es256 right anchor',
    `${JADES}/sealed-es256.json`,
    ROOT_CA,
    'ES256 seal, the intermediate only in etsiU xVals; the right trust anchor.',
    {
      verdict: 'pass',
      authenticity: 'authentic',
      checks: SIGNATURE_PASS,
      failing: [],
    },
  );
  jades(
    'rs256 wrong anchor',
    `${JADES}/sealed-rs256.json`,
    WRONG_ROOT_CA,
    'The same seal against a look-alike root (same name, other key).',
    {
      verdict: 'fail',
      authenticity: 'not authentic',
      checks: { signature: 'pass', issuer: 'fail' },
      failing: [{ check: 'issuer', code: 'CHAIN_UNTRUSTED' }],
    },
  );
  jades(
    'rs256 no anchor',
    `${JADES}/sealed-rs256.json`,
    undefined,
    'The same seal without --trust-anchors: the chain cannot be decided.',
    {
      verdict: 'indeterminate',
      authenticity: 'indeterminate',
      checks: { signature: 'pass', issuer: 'indeterminate' },
      failing: [{ check: 'issuer', code: 'CHAIN_NO_TRUST_ANCHORS' }],
    },
  );
  jades(
    'expired certificate',
    `${JADES}/sealed-expired-cert.json`,
    ROOT_CA,
    'Sealed at sigT 2025-01-15 with a certificate that expired 2024-12-31.',
    {
      verdict: 'fail',
      authenticity: 'not authentic',
      checks: { signature: 'pass', issuer: 'fail' },
      failing: [{ check: 'issuer', code: 'SEAL_CERT_NOT_VALID_AT_SIGNING_TIME' }],
    },
  );
  jades(
    'missing intermediate',
    `${JADES}/sealed-leaf-only.json`,
    ROOT_CA,
    'x5c holds the leaf only; the intermediate is nowhere.',
    {
      verdict: 'fail',
      authenticity: 'not authentic',
      checks: { signature: 'pass', issuer: 'fail' },
      failing: [{ check: 'issuer', code: 'CHAIN_INCOMPLETE' }],
    },
  );
  jades(
    'tampered',
    tamperedFile,
    ROOT_CA,
    'sealed-rs256.json with the achievement title changed in the payload after sealing.',
    {
      verdict: 'fail',
      authenticity: 'not authentic',
      checks: { signature: 'fail' },
      failing: [
        { check: 'signature', code: 'SEAL_SIGNATURE_INVALID' },
        { check: 'signature', code: 'SEAL_TIMESTAMP_INVALID' },
      ],
    },
  );
}

// --- demo -----------------------------------------------------------------------------------------------

/** The signed demo files: authentic, sealed, and forged credentials next to the unsigned ones. */
async function makeDemo(ld: Record<string, JsonObject>, jwts: Record<string, string>): Promise<void> {
  for (const name of readdirSync(abs(DEMO))) {
    if (/^(signed|forged)-/.test(name)) rmSync(path.join(abs(DEMO), name));
  }
  write(`${DEMO}/signed-ob3-ed25519-2020.json`, json(ld['ed25519-2020/vc2/valid']));
  write(`${DEMO}/signed-ob3-vc-jwt.jwt`, `${jwts['jwt/vc2/valid']}\n`);
  write(`${DEMO}/forged-ob3-grade-raised.json`, json(ld['ed25519-2020/vc2/tampered']));

  // A complete EDC whose issuer is the sealing organisation of the fixture PKI, sealed like EDC does.
  const edc = JSON.parse(readFileSync(abs('fixtures/structural/edc/complete.json'), 'utf8')) as JsonObject;
  const issuer = edc.issuer as JsonObject;
  issuer.legalName = { en: 'Example Micro-Credential Academy B.V.' };
  issuer.eIDASIdentifier = {
    id: 'urn:epass:legalIdentifier:eidas-demo',
    type: 'LegalIdentifier',
    notation: 'VATNL-TEST0001',
    spatial: clone((issuer.registration as JsonObject).spatial),
  };
  const pki = await loadTestPki(abs(PKI));
  const sealed = await sealJades(edc, {
    alg: 'RS256',
    certificateChain: [pki.esealRsa.certificate, pki.intermediate.certificate],
    privateKey: pki.esealRsa.keys.privateKey,
    signingTime: TEST_SIGNING_TIME,
  });
  write(`${DEMO}/signed-edc-jades.json`, json(sealed));
}

// --- main -----------------------------------------------------------------------------------------------

const SIGNED_README = `# Signed fixtures (written by scripts/make-fixtures.ts)

Open Badges 3.0 micro-credentials (complete Annex I, Edubadges-style extension terms in an inline
context) issued by \`did:key\` A (../keys/issuer.json), each signed and then changed in one deliberate way.
The expected outcome of every file is in EXPECTED.jsonc (verify with \`--at ${VERIFY_AT}\`).

| folder | files |
|---|---|
| ed25519-2020/, eddsa-rdfc-2022/ | \`ob3-vc2-*.json\` (VC 2.0) and \`ob3-vc1-*.json\` (VC 1.1), Data Integrity proofs |
| jwt/ | \`ob3-vc2-*.jwt\` (VC 2.0 \`vc+jwt\`) and \`ob3-vc1-*.jwt\` (VC 1.1 JWT with a \`vc\` claim) |
| jades/ | \`edc-rs256-tampered.json\`: ../jades/sealed-rs256.json with its payload changed |

| variant | what it is |
|---|---|
| valid | signed by key A, unchanged |
| tampered | the grade changed after signing (JWT: payload re-encoded, header and signature kept) |
| expired | \`validUntil\` / \`expirationDate\` ${EXPIRED_ON} (JWT: and \`exp\`), signed validly |
| not-yet-valid | \`validFrom\` / \`issuanceDate\` ${VALID_FROM_FUTURE} (JWT: and \`nbf\`), signed validly |
| wrong-key | the proof (JWT: \`kid\`) names key A's verification method, the signature is key B's |
| key-not-controlled | issuer A, a valid proof by key B's own verification method (did:key B) |
| undefined-term | \`credentialSubject.favouriteColour\`, defined by no context, added after signing |
| two-proofs-one-broken | Data Integrity only: a proof set, the second proof made over another grade |
| iss-mismatch, nbf-conflict, exp-conflict | JWT only: \`iss\` is did:key B; \`nbf\` / \`exp\` differ from the credential's dates |

The JAdES seals themselves (valid RS256 and ES256, expired certificate, missing intermediate) are in
../jades; EXPECTED.jsonc lists them too, with the trust anchors to use.
`;

const MANIFEST_HEADER = `// Expected outcomes of the signed fixtures (written by scripts/make-fixtures.ts; do not edit by hand).
// Each row is stated from what the variant IS (one deliberate change to a validly signed credential),
// never from running mcred. test/fixtures/signed.test.ts runs
//   mcred verify --format json --at ${VERIFY_AT} [--trust-anchors <trustAnchors>] <file>
// for every row and compares: verdict, authenticity, the status of each check listed under "checks",
// each { check, code } of "failing" reported by that check, and for proof sets the verified flag of each proof.
// The file is .jsonc so that \`mcred check fixtures/\` does not read it as a credential.
`;

async function main(): Promise<void> {
  if (!signedOnly) {
    runScript('scripts/make-structural-fixtures.ts', []);
    runScript('scripts/make-pki-fixtures.ts', force ? ['--force'] : []);
  }
  const keys: Keys = { a: await fixtureKey('issuer'), b: await fixtureKey('other') };
  write(`${KEYS}/README.md`, KEYS_README.replace('{{issuer}}', keys.a.did).replace('{{other}}', keys.b.did));

  const loader = createDocumentLoader({
    contextDirs: [],
    online: false,
    didResolver: createDidResolver({ online: false }),
  });
  clearFolder(SIGNED);
  const ld = await makeLdFixtures(keys, loader);
  const jwts = await makeJwtFixtures(keys, loader);
  makeJadesFixtures();
  write(`${SIGNED}/EXPECTED.jsonc`, `${MANIFEST_HEADER}${json({ at: VERIFY_AT, rows })}`);
  write(`${SIGNED}/README.md`, SIGNED_README);
  await makeDemo(ld, jwts);
  console.log(
    `wrote ${rows.length} signed fixture expectations (${SIGNED}/EXPECTED.jsonc), the test keys and the signed demo files`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
