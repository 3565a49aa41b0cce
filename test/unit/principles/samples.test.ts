// The Annex II audit on real credentials from ../shared/samples/real, read in place.
import { expect, test } from '@jest/globals';
import path from 'node:path';
import type { CredentialResult, PrincipleAssessment, PrincipleId } from '../../../src/model/results.js';
import { checkFiles } from '../../../src/run/batch.js';
import { defaultRunOptions } from '../../../src/run/options.js';
import { describeIfShared, REAL_DIR } from '../../support/shared.js';

const ANNEX1 = 'edc/european-commission-empl_European-Learning-Model_Sample-MC-Annex1';
const EDUBADGES_FULL = 'ob3/educredentials_obv3-examples_theed_microcredential_full_ho.json';

async function checkReal(file: string, profile: 'all' | 'structure' = 'all'): Promise<CredentialResult> {
  const results: CredentialResult[] = [];
  for await (const r of checkFiles([path.join(REAL_DIR, file)], defaultRunOptions({ profile })))
    results.push(r);
  expect(results).toHaveLength(1);
  return results[0]!;
}

function principle(result: CredentialResult, id: PrincipleId): PrincipleAssessment {
  return result.principles!.find((p) => p.principle === id)!;
}

describeIfShared('the principles audit on real samples', () => {
  test.each([`${ANNEX1}-unsigned.json`, `${ANNEX1}-signed.json`])(
    "the Commission's Sample-MC-Annex1 shows quality not evidenced (it states no quality assurance): %s",
    async (file) => {
      const result = await checkReal(file);
      expect(principle(result, 'quality')).toEqual({
        principle: 'quality',
        status: 'not evidenced',
        evidence: [],
        missing: ['the type of quality assurance (Annex I element 11) or an accreditation'],
        rules: ['Q3'],
      });
      // What it does state is credited: outcomes linked to ESCO, an EQF level and the VAT number.
      expect(principle(result, 'relevance').status).toBe('met');
      expect(principle(result, 'recognition').status).toBe('met');
      expect(principle(result, 'learningPathways')).toMatchObject({ status: 'partly met', rules: ['LP3'] });
      expect(result.checks.at(-1)).toMatchObject({ id: 'principles', status: 'warn' });
    },
  );

  test('the signed Sample-MC-Annex1 (a JAdES envelope the pipeline opens) is portable: its seal verifies', async () => {
    const result = await checkReal(`${ANNEX1}-signed.json`);
    expect(result.envelope?.type).toBe('jades');
    const portable = principle(result, 'portable');
    expect(portable).toMatchObject({ status: 'met', rules: ['PO2'] });
    expect(portable.evidence[0]!.text).toBe(
      'Open standard format: European Digital Credential (ELM) in a JAdES envelope',
    );
  });

  test('the Edubadges "full" sample shows quality met through its ext:QualityAssurance alignment', async () => {
    const result = await checkReal(EDUBADGES_FULL);
    expect(principle(result, 'quality')).toEqual({
      principle: 'quality',
      status: 'met',
      evidence: [
        {
          text: 'Quality assurance: "M Psychological Assessment", see https://data.example.com/decisions/AV-4223',
          pointer: '/credentialSubject/achievement/alignment/0',
          element: 'qualityAssurance',
        },
      ],
      missing: [],
      rules: ['Q1'],
    });
    // Its outcomes are free text and its country is "XX": the transparency check warns.
    expect(principle(result, 'transparency')).toMatchObject({ status: 'partly met', rules: ['T2'] });
  });

  test('under validate the signed sample is judged without its signature', async () => {
    const result = await checkReal(`${ANNEX1}-signed.json`, 'structure');
    expect(principle(result, 'authentic')).toMatchObject({ status: 'partly met', rules: ['AU1'] });
    expect(principle(result, 'authentic').missing).toContain('signature or seal not checked (validate)');
  });
});
