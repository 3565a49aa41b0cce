// `mcred inspect` as a user runs it (node bin/mcred.js → dist/; build first: npm run build):
// every real sample, the language choice, hostile text, JSON output, exit and usage codes.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { JsonObject } from '../../src/formats/types.js';
import { generateKey } from '../../src/issue/keys.js';
import { signCredential } from '../../src/issue/sign.js';
import { ELEMENT_KEYS, ELEMENT_LABELS } from '../../src/model/elements.js';
import { PRINCIPLES, type CredentialResult } from '../../src/model/results.js';
import { PRINCIPLE_LABELS } from '../../src/report/describe.js';
import { createDocumentLoader } from '../../src/resolve/contexts.js';
import { createDidResolver } from '../../src/resolve/did.js';
import { REPO_ROOT, runCli, type CliRun } from '../support/cli.js';
import { describeIfShared, REAL_DIR } from '../support/shared.js';
import { makeTmpDir, type TmpDir } from '../support/tmp.js';

const STACK_LINE = /^\s+at .+:\d+:\d+\)?$/m;
const ANSI = '\u001b';

/** Runs the built CLI without blocking, so the 30 samples can run a few at a time. */
function runCliAsync(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin', 'mcred.js'), ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, NO_COLOR: '1', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

async function inParallel<T, R>(items: T[], width: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
  return out;
}

function expectFullView(run: CliRun): void {
  for (const key of ELEMENT_KEYS) expect(run.stdout).toContain(ELEMENT_LABELS[key]);
  for (const id of PRINCIPLES) expect(run.stdout).toContain(PRINCIPLE_LABELS[id]);
  expect(run.stderr).not.toMatch(STACK_LINE);
  expect(run.stderr).not.toContain('unexpected error');
}

/** A complete OB3 micro-credential signed with a test key: it passes `check`. */
async function passingCredential(): Promise<JsonObject> {
  const key = await generateKey({ seed: new Uint8Array(32).fill(11) });
  const terms = 'https://mcred.example/terms#';
  const credential = {
    '@context': [
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
      {
        ECTS: { '@id': `${terms}ects` },
        participationType: { '@id': `${terms}participationType` },
        assessmentType: { '@id': `${terms}assessmentType` },
      },
    ],
    id: 'urn:uuid:7f1d4a32-1b0e-4a51-9d5a-2b7d0d0c0099',
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: {
      id: key.did,
      type: ['Profile'],
      name: 'Universiteit van Voorbeeld',
      address: { type: ['Address'], addressCountryCode: 'NL' },
    },
    validFrom: '2024-06-01T10:00:00Z',
    credentialSubject: {
      id: 'did:example:learner',
      type: ['AchievementSubject'],
      achievement: {
        id: 'urn:example:achievement:1',
        type: ['Achievement'],
        name: 'Data Stewardship',
        description: 'Manage research data.',
        criteria: { narrative: 'Pass the final assignment.' },
        ECTS: 3,
        participationType: 'online',
        assessmentType: 'testing',
        alignment: [
          {
            type: ['Alignment'],
            targetType: 'ext:QualityAssurance',
            targetName: 'NVAO accreditation',
            targetUrl: 'https://nvao.example/1',
          },
          {
            type: ['Alignment'],
            targetType: 'ext:EQF',
            targetName: 'EQF level 6',
            targetCode: '6',
            targetUrl: 'http://data.europa.eu/snb/eqf/6',
          },
        ],
      },
    },
  };
  const { documentLoader } = createDocumentLoader({
    contextDirs: [],
    online: false,
    didResolver: createDidResolver({ online: false }),
  });
  const signed = await signCredential(credential, key, 'eddsa-rdfc-2022', {
    documentLoader,
    created: '2025-01-15T10:00:00Z',
  });
  if ('error' in signed) throw new Error(`test setup: signing failed: ${signed.error}`);
  return signed.credential;
}

const RECORD = {
  recordType: 'AnnexIRecord',
  learner: { name: 'Ada Lovelace', id: 'urn:example:learner:1' },
  title: { en: 'Data literacy', nl: 'Datageletterdheid' },
  issuerCountry: 'NL',
  awardingBody: { name: 'Example University', country: 'NL' },
  dateOfIssuing: '2024-06-30',
  participationForm: { en: 'Online learning', nl: 'Online leren' },
};

let tmp: TmpDir;

beforeAll(async () => {
  tmp = makeTmpDir({
    'record.json': RECORD,
    'batch.json': [RECORD, { ...RECORD, title: 'Second' }],
    'hostile.json': {
      ...RECORD,
      title: 'Evil\u001b[2J\u001b]0;pwned\u0007 title\u202e\r\nnext',
      learner: { name: 'Ada\u001b[31m red', id: 'urn:x' },
    },
    'folder/x.json': RECORD,
  });
  tmp.write('passing.json', await passingCredential());
});

afterAll(() => tmp.remove());

describeIfShared('mcred inspect on every real sample', () => {
  const files = ['edc', 'ob3', 'ebsi'].flatMap((dir) =>
    readdirSync(path.join(REAL_DIR, dir))
      .filter((f) => f.endsWith('.json'))
      .map((f) => path.join(dir, f)),
  );
  const runs = new Map<string, CliRun>();

  beforeAll(async () => {
    const results = await inParallel(files, 4, (file) => runCliAsync(['inspect', path.join(REAL_DIR, file)]));
    files.forEach((file, i) => runs.set(file, results[i]!));
  }, 300_000);

  test('there are 30 samples', () => {
    expect(files).toHaveLength(30);
  });

  test.each(files)('%s: exit 0 or 1, all 16 elements and the 10 principles, no stack trace', (file) => {
    const run = runs.get(file)!;
    expect([0, 1]).toContain(run.code);
    expectFullView(run);
    expect(run.stdout).not.toContain(ANSI);
  });

  test('--lang picks a language on a sample with several (ELM credential-sample: en and fr)', () => {
    const sample = path.join(
      REAL_DIR,
      'edc',
      'european-commission-empl_European-Learning-Model_credential-sample.json',
    );
    const fr = runCli(['inspect', '--lang', 'fr', sample]);
    expect(fr.stdout).toContain('une sorte de réussite scolaire');
    expect(fr.stdout).toMatch(/languages: en, fr \(shown: fr, by --lang/);
    const en = runCli(['inspect', '--lang', 'en', sample]);
    expect(en.stdout).toContain('some kind of learning achievement');
    expect(en.stdout).not.toContain('une sorte de réussite scolaire');
  });
});

describe('mcred inspect', () => {
  test('--lang picks the language of multilingual values; the system locale is the default', () => {
    const nl = runCli(['inspect', '--lang', 'nl', tmp.path('record.json')]);
    expect(nl.stdout).toContain('Datageletterdheid');
    expect(nl.stdout).toContain('Online leren');
    expect(nl.stdout).toContain('NL (Koninkrijk der Nederlanden)');
    expect(nl.stdout).toContain('languages: en, nl, und (shown: nl, by --lang');
    const byLocale = runCli(['inspect', tmp.path('record.json')], {
      env: { LANG: 'nl_NL.UTF-8', LC_ALL: 'nl_NL.UTF-8' },
    });
    expect(byLocale.stdout).toContain('Datageletterdheid');
    expect(byLocale.stdout).toContain('by system locale nl-NL');
    // A language not on offer falls back to English.
    const de = runCli(['inspect', '--lang', 'de', tmp.path('record.json')]);
    expect(de.stdout).toContain('Data literacy');
    expect(de.stdout).toContain('shown: en, by --lang');
  });

  test('a hostile title and name are shown inert: no escape or control characters reach the terminal', () => {
    const run = runCli(['inspect', tmp.path('hostile.json')]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Evil\\u001b[2J\\u001b]0;pwned\\u0007 title\\u202e next');
    expect(run.stdout).toContain('Ada\\u001b[31m red');
    expect(run.stdout).not.toContain(ANSI);
    expect(run.stdout).not.toContain('\u0007');
    expect(run.stdout).not.toContain('\u202e');
    expectFullView(run);
  });

  test('exit 0 when the verdict is pass', () => {
    const run = runCli(['inspect', tmp.path('passing.json')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('✔ PASS');
    expect(run.stdout).toContain('authenticity: authentic');
    expect(run.stdout).toMatch(/Authentic +met +\[AU4\]/);
    expectFullView(run);
  });

  test('--format json prints the single result, with the principles', () => {
    const run = runCli(['inspect', '--format', 'json', tmp.path('passing.json')]);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as CredentialResult;
    expect(result.verdict).toBe('pass');
    expect(result.principles?.map((p) => p.principle)).toEqual([...PRINCIPLES]);
    expect(result.checks.at(-1)?.id).toBe('principles');
  });

  test('a JSON array file: each item is inspected in turn (JSON: an array of results)', () => {
    const run = runCli(['inspect', tmp.path('batch.json')]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('holds a JSON array of 2 credentials; each is inspected in turn');
    expect(run.stdout).toContain('batch.json#0');
    expect(run.stdout).toContain('batch.json#1');
    expect(run.stdout.split(ELEMENT_LABELS.qualityAssurance)).toHaveLength(3);
    const json = runCli(['inspect', '-f', 'json', tmp.path('batch.json')]);
    expect((JSON.parse(json.stdout) as CredentialResult[]).map((r) => r.file)).toEqual([
      `${tmp.path('batch.json')}#0`,
      `${tmp.path('batch.json')}#1`,
    ]);
  });

  test.each([
    ['a missing file', ['inspect', 'no/such/file.json'], /no such file/],
    ['a directory', ['inspect', 'FOLDER'], /is a directory/],
    ['a bad --lang', ['inspect', '--lang', 'not a tag', 'RECORD'], /language tag/],
    ['a bad --format', ['inspect', '--format', 'xml', 'RECORD'], /must be one of pretty, json/],
    ['no file', ['inspect'], /missing required argument/],
  ])('usage error, exit 2: %s', (_name, args, message) => {
    const resolved = args.map((a) =>
      a === 'FOLDER' ? tmp.path('folder') : a === 'RECORD' ? tmp.path('record.json') : a,
    );
    const run = runCli(resolved);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(STACK_LINE);
  });

  test('an unreadable file is a result (exit 1), not a usage error', () => {
    const broken = tmp.write('broken.json', '{"recordType": ');
    const run = runCli(['inspect', broken]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('✖ ERROR');
    expectFullView(run);
  });
});
