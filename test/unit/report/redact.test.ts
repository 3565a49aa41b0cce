// --redact: the learner's personal data (GDPR) never reaches the report, in the learner element
// or quoted anywhere else, and each value always becomes the same short hash.
import { describe, expect, test } from '@jest/globals';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import type { CredentialResult } from '../../../src/model/results.js';
import {
  learnerPersonalValues,
  makeRedactor,
  redactResult,
  redactionToken,
} from '../../../src/report/redact.js';
import { checkDocument, ob3Credential } from '../../support/check.js';
import { runCli } from '../../support/cli.js';
import { REAL_DIR, describeIfShared } from '../../support/shared.js';
import { makeTmpDir } from '../../support/tmp.js';

const TOKEN = /^redacted:[0-9a-f]{10}$/;

async function namedLearner(): Promise<CredentialResult> {
  const credential = ob3Credential();
  const subject = credential.credentialSubject as Record<string, unknown>;
  subject.id = 'mailto:jane.doe@example.org';
  subject.name = 'Jane Doe';
  (subject.achievement as Record<string, unknown>).description =
    'Jane Doe can manage research data. JANE DOE passed. Janet and Doesburg are other people.';
  return checkDocument(credential);
}

describe('redactionToken', () => {
  test('redacted: and 10 hex digits, the same for the same value in every run', () => {
    const token = redactionToken('Jane Doe');
    expect(token).toMatch(TOKEN);
    // Pinned: a report filed today must match one made next year (the salt is fixed).
    expect(token).toBe('redacted:a47b397f75');
    expect(redactionToken('Jane Doe')).toBe(token);
    expect(redactionToken(' jane doe ')).toBe(token);
    expect(redactionToken('John Doe')).not.toBe(token);
  });
});

describe('makeRedactor', () => {
  test('replaces whole words only, longest value first, ignoring case', () => {
    const redact = makeRedactor(['Max', 'Max Power', 'Power']);
    expect(redact('Max Power passed')).toBe(`${redactionToken('Max Power')} passed`);
    expect(redact('Maximum power, said Max.')).toBe(
      `Maximum ${redactionToken('Power')}, said ${redactionToken('Max')}.`,
    );
    expect(redact('PowerPoint')).toBe('PowerPoint');
  });

  test('values with regular-expression characters are matched literally', () => {
    const redact = makeRedactor(['a+b (c)', 'x.y@z.org']);
    expect(redact('id a+b (c) and x.y@z.org; not xay@z.org')).toBe(
      `id ${redactionToken('a+b (c)')} and ${redactionToken('x.y@z.org')}; not xay@z.org`,
    );
  });
});

describe('redactResult', () => {
  test('the learner element and every quote of it are replaced; the file and its hash are kept', async () => {
    const result = await namedLearner();
    const values = learnerPersonalValues(result.elements.learner.value!);
    expect(values).toEqual(expect.arrayContaining(['Jane Doe', 'mailto:jane.doe@example.org']));
    const redacted = redactResult(result);
    const json = JSON.stringify(redacted);
    expect(json).not.toMatch(/jane doe|jane\.doe/i);
    expect(json).toContain('Janet and Doesburg');
    expect(redacted.file).toBe(result.file);
    expect(redacted.sha256).toBe(result.sha256);
    expect(redacted.elements.learner.value!.name).toEqual({ und: redactionToken('Jane Doe') });
    expect(redacted.elements.learner.value!.id).toMatch(TOKEN);
    expect(redacted.verdict).toBe(result.verdict);
    expect(redacted.findings.map((f) => f.code)).toEqual(result.findings.map((f) => f.code));
  });

  test('pure: the result passed in is unchanged; without learner data it is returned as it is', async () => {
    const result = await namedLearner();
    const before = JSON.stringify(result);
    redactResult(result);
    expect(JSON.stringify(result)).toBe(before);
    const anonymous = await checkDocument(
      ob3Credential({ credentialSubject: { type: ['AchievementSubject'] } }),
    );
    expect(redactResult(anonymous)).toBe(anonymous);
  });
});

describeIfShared('--redact on real samples (built CLI)', () => {
  const EDC = path.join(
    REAL_DIR,
    'edc',
    'european-commission-empl_European-Learning-Model_Sample-MC-Annex1-signed.json',
  );
  // Its learning outcome quotes the learner: "Lucas Delisle-Doray has successfully completed …".
  const OB3 = path.join(REAL_DIR, 'ob3', 'digitalcredentials_mit-learn-obv3-template_courseCertificate.json');
  /** Personal values in the samples, and (for a given name) a whole-word pattern. */
  const PERSONAL: [string, string, RegExp[]][] = [
    [
      'EDC (Commission sample)',
      EDC,
      [
        /Ana Andromeda/i,
        /Andromeda/i,
        /\bAna\b/,
        /ana\.andromeda/i,
        /LA-234218/,
        /1999-10-01/,
        /urn:epass:person:1\b/,
      ],
    ],
    ['OB3 (MIT Learn)', OB3, [/Lucas/i, /Delisle/i, /Doray/i]],
  ];

  test.each(PERSONAL)(
    '%s: the learner appears nowhere in the JSON or HTML output',
    (_label, file, patterns) => {
      // Unredacted, the values are there (so the test can fail).
      const plain = runCli(['check', '--format', 'json', '--exit-zero', file]);
      for (const pattern of patterns.slice(0, 1)) expect(plain.stdout).toMatch(pattern);

      const json = runCli(['check', '--format', 'json', '--exit-zero', '--redact', file]);
      expect(json.code).toBe(0);
      const tmp = makeTmpDir();
      try {
        const out = tmp.path('report.html');
        const report = runCli(['report', '--redact', '--exit-zero', file, '-o', out]);
        expect(report.code).toBe(0);
        const html = readFileSync(out, 'utf8');
        for (const pattern of patterns) {
          expect(json.stdout).not.toMatch(pattern);
          expect(html).not.toMatch(pattern);
        }
        expect(html).toContain('redacted:');
        expect(html).toContain(path.basename(file)); // file names are kept
        const parsed = JSON.parse(json.stdout) as { run: { options: { redact: boolean } } };
        expect(parsed.run.options.redact).toBe(true);
      } finally {
        tmp.remove();
      }
    },
  );

  test('the same value gives the same hash across runs and files', () => {
    const tokens = () => {
      const run = runCli(['check', '--format', 'json', '--exit-zero', '--redact', EDC]);
      const report = JSON.parse(run.stdout) as { results: CredentialResult[] };
      return report.results[0]!.elements.learner.value!;
    };
    const first = tokens();
    const second = tokens();
    expect(second).toEqual(first);
    expect(first.name).toEqual({ en: redactionToken('Ana Andromeda') });
    expect(first.email).toMatch(TOKEN);
  });
});
