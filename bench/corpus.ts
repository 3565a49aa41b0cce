// The benchmark corpus: N signed Open Badges 3.0 credentials (VC 2.0; half Ed25519Signature2020, half
// DataIntegrityProof eddsa-rdfc-2022) and N unsigned ones, generated at run time into os.tmpdir() with the
// project's own signing code (src/issue/sign.ts, src/issue/keys.ts) and a fixed seed: the same N gives the
// same files byte for byte on every run.
//
// Each credential is an OB 3.0.3 AchievementCredential of about 3 KB (compact JSON) that states most Annex I
// elements (issuer country, EQF level, ESCO outcomes, ECTS workload, quality assurance, grade), so the
// structural checks do real work. Only bundled contexts are used: every credential verifies offline.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Mcred } from './mcred.js';

export const SEED = 20220616;
const VC_V2 = 'https://www.w3.org/ns/credentials/v2';
const OB_303 = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
const CREATED = '2025-01-15T10:00:00Z';
/** Number of issuers (one Ed25519 did:key each); credentials cycle through them. */
const ISSUERS = 4;

export type JsonObject = Record<string, unknown>;

export interface Corpus {
  dir: string;
  signedDir: string;
  unsignedDir: string;
  /** Absolute paths, sorted as `mcred check dir` finds them. */
  signedFiles: string[];
  unsignedFiles: string[];
  /** The parsed documents, same order as the files (for the in-memory peer baselines). */
  signed: JsonObject[];
  unsigned: JsonObject[];
  /** The files' text (for JSON.parse baselines). */
  signedText: string[];
  unsignedText: string[];
  /** Mean size of a signed file, in bytes. */
  meanBytes: number;
  remove(): void;
}

/** mulberry32: a small, fast, seeded PRNG (deterministic corpus). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOPICS = [
  ['Data Literacy', 'Reads, cleans and charts tabular data.'],
  ['Applied Statistics', 'Chooses and applies descriptive and inferential statistics.'],
  ['Green Building Retrofits', 'Plans energy retrofits of residential buildings.'],
  ['Cyber Hygiene for SMEs', 'Sets up and audits basic security controls in a small company.'],
  ['Circular Design', 'Designs products for repair, reuse and recycling.'],
  ['Project Management Essentials', 'Plans, runs and closes a small project.'],
] as const;
const COUNTRIES = ['NL', 'DE', 'FR', 'IT', 'ES', 'PL', 'SE', 'PT'];
const SKILLS = [
  ['f10142ce-d522-49c3-9fd1-054fb63529d4', 'develop test procedures'],
  ['81a2db2c-7e55-44d0-9cd9-74c25147d7cd', 'analyse test data'],
  ['2b11a6ea-8a4c-4a55-8e4e-8d8f5a1f1c59', 'use spreadsheets software'],
  ['5bd2d8d4-6b9c-4ea6-9b27-44a3b9b8a7a1', 'manage a project'],
] as const;

function hex(rand: () => number, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += Math.floor(rand() * 16).toString(16);
  return out;
}

function uuid(rand: () => number): string {
  return `${hex(rand, 8)}-${hex(rand, 4)}-4${hex(rand, 3)}-a${hex(rand, 3)}-${hex(rand, 12)}`;
}

/** One unsigned OB 3.0.3 credential (VC 2.0) issued by `issuer`. */
export function ob3Credential(i: number, issuer: string, rand: () => number): JsonObject {
  const [topic, description] = TOPICS[i % TOPICS.length]!;
  const country = COUNTRIES[Math.floor(rand() * COUNTRIES.length)]!;
  const eqf = 4 + Math.floor(rand() * 4);
  const ects = 1 + Math.floor(rand() * 10);
  const skills = [SKILLS[i % SKILLS.length]!, SKILLS[(i + 1) % SKILLS.length]!];
  const slug = topic.toLowerCase().replace(/[^a-z]+/g, '-');
  return {
    '@context': [VC_V2, OB_303],
    id: `urn:uuid:${uuid(rand)}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: `${topic} micro-credential`,
    issuer: {
      id: issuer,
      type: ['Profile'],
      name: `Example University ${1 + (i % ISSUERS)}`,
      url: `https://university-${1 + (i % ISSUERS)}.example`,
      address: { type: ['Address'], addressLocality: 'Exampletown', addressCountryCode: country },
    },
    validFrom: '2025-01-15T10:00:00Z',
    credentialSubject: {
      id: `urn:uuid:${uuid(rand)}`,
      type: ['AchievementSubject'],
      identifier: [
        {
          type: 'IdentityObject',
          hashed: false,
          identityHash: `learner${i}@example.edu`,
          identityType: 'emailAddress',
        },
      ],
      achievement: {
        id: `https://university-${1 + (i % ISSUERS)}.example/achievements/${slug}`,
        type: ['Achievement'],
        achievementType: 'MicroCredential',
        name: topic,
        description,
        criteria: { narrative: 'Passed the final written assessment with at least 60%.' },
        creditsAvailable: ects,
        alignment: [
          ...skills.map(([id, name]) => ({
            type: ['Alignment'],
            targetType: 'ext:ESCOSkill',
            targetFramework: 'ESCO',
            targetName: name,
            targetUrl: `http://data.europa.eu/esco/skill/${id}`,
          })),
          {
            type: ['Alignment'],
            targetType: 'ext:EQF',
            targetFramework: 'EQF',
            targetName: `EQF level ${eqf}`,
            targetCode: String(eqf),
            targetUrl: `http://data.europa.eu/snb/eqf/${eqf}`,
          },
          {
            type: ['Alignment'],
            targetType: 'ext:ECTS',
            targetName: `${ects} ECTS credits`,
            targetUrl:
              'https://education.ec.europa.eu/education-levels/higher-education/inclusive-and-connected-higher-education/european-credit-transfer-and-accumulation-system',
          },
          {
            type: ['Alignment'],
            targetType: 'ext:QualityAssurance',
            targetName: 'Institutional accreditation by the national QA agency',
            targetUrl: `https://qa-agency.example/decisions/${1000 + i}`,
          },
        ],
        resultDescription: [
          {
            id: `https://university-${1 + (i % ISSUERS)}.example/achievements/${slug}/results/grade`,
            type: ['ResultDescription'],
            name: 'Final grade (1-10)',
            resultType: 'ext:Grade',
            valueMin: '1',
            valueMax: '10',
          },
        ],
      },
      result: [
        {
          type: ['Result'],
          resultDescription: `https://university-${1 + (i % ISSUERS)}.example/achievements/${slug}/results/grade`,
          value: String(6 + Math.floor(rand() * 5)),
        },
      ],
    },
  };
}

/** Builds the corpus under os.tmpdir(). `mcred` is the compiled library (signing and the loader). */
export async function makeCorpus(n: number, mcred: Mcred): Promise<Corpus> {
  const rand = prng(SEED);
  const keys = [];
  for (let k = 0; k < ISSUERS; k++) {
    const seed = new Uint8Array(32);
    for (let b = 0; b < 32; b++) seed[b] = Math.floor(rand() * 256);
    keys.push(await mcred.keys.generateKey({ seed }));
  }
  const loader = mcred.contexts.createDocumentLoader({
    contextDirs: [],
    online: false,
    didResolver: mcred.did.createDidResolver({ online: false }),
  });

  const dir = mkdtempSync(path.join(os.tmpdir(), 'mcred-bench-'));
  const signedDir = path.join(dir, 'signed');
  const unsignedDir = path.join(dir, 'unsigned');
  mkdirSync(signedDir);
  mkdirSync(unsignedDir);
  const corpus: Corpus = {
    dir,
    signedDir,
    unsignedDir,
    signedFiles: [],
    unsignedFiles: [],
    signed: [],
    unsigned: [],
    signedText: [],
    unsignedText: [],
    meanBytes: 0,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
  const width = String(n - 1).length;
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const key = keys[i % ISSUERS]!;
    const name = `cred-${String(i).padStart(width, '0')}.json`;
    const unsigned = ob3Credential(i, key.did, rand);
    const suite = i % 2 === 0 ? 'ed25519-2020' : 'eddsa-rdfc-2022';
    const signed = await mcred.sign.signCredential(unsigned, key, suite, {
      documentLoader: loader.documentLoader,
      created: CREATED,
    });
    if ('error' in signed) throw new Error(`bench corpus: signing ${name} failed: ${signed.error}`);
    const signedText = JSON.stringify(signed.credential);
    const unsignedText = JSON.stringify(unsigned);
    const signedFile = path.join(signedDir, name);
    const unsignedFile = path.join(unsignedDir, name);
    writeFileSync(signedFile, signedText);
    writeFileSync(unsignedFile, unsignedText);
    bytes += signedText.length;
    corpus.signedFiles.push(signedFile);
    corpus.unsignedFiles.push(unsignedFile);
    corpus.signed.push(signed.credential as JsonObject);
    corpus.unsigned.push(unsigned);
    corpus.signedText.push(signedText);
    corpus.unsignedText.push(unsignedText);
  }
  corpus.meanBytes = Math.round(bytes / Math.max(1, n));
  return corpus;
}
