// Format detection and markers, over the 30 real samples and hand-made documents; adapterFor.
import { describe, expect, test } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { detectFormat, formatMarkers } from '../../../src/formats/detect.js';
import { adapterFor, ADAPTERS } from '../../../src/formats/index.js';
import type { FormatId } from '../../../src/model/results.js';
import { describeIfShared, REAL_DIR } from '../../support/shared.js';

const FORMATS: FormatId[] = ['edc', 'ebsi', 'ob3', 'vc', 'annex'];

/** The credential in a sample file: a JAdES envelope's payload is parsed, anything else is as read. */
function credential(file: string): unknown {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  return typeof parsed.payload === 'string' && Array.isArray(parsed.signatures)
    ? JSON.parse(parsed.payload)
    : parsed;
}

const V1 = 'https://www.w3.org/2018/credentials/v1';
const V2 = 'https://www.w3.org/ns/credentials/v2';
const EDC_AP = 'http://data.europa.eu/snb/model/context/edc-ap';
const OB3_CTX = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';

describeIfShared('detection over the real samples', () => {
  const folders = ['edc', 'ebsi', 'ob3'] as const;
  const samples = folders.flatMap((folder) =>
    readdirSync(path.join(REAL_DIR, folder))
      .filter((f) => f.endsWith('.json'))
      .map((f) => ({ folder, file: path.join(REAL_DIR, folder, f) })),
  );

  test('30 samples: 5 edc, 6 ebsi, 19 ob3, each detected as its folder', () => {
    const counts = Object.fromEntries(FORMATS.map((f) => [f, 0]));
    const wrong: string[] = [];
    for (const { folder, file } of samples) {
      const format = detectFormat(credential(file));
      if (format) counts[format]!++;
      if (format !== folder) wrong.push(`${path.basename(file)}: ${format}`);
    }
    expect(wrong).toEqual([]);
    expect(counts).toEqual({ edc: 5, ebsi: 6, ob3: 19, vc: 0, annex: 0 });
  });

  test('a signed EDC file is detected on its payload, not on the envelope', () => {
    const file = path.join(
      REAL_DIR,
      'edc',
      'european-commission-empl_European-Learning-Model_Sample-MC-Annex1-signed.json',
    );
    const envelope = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    expect([detectFormat(envelope), detectFormat(credential(file))]).toEqual([undefined, 'edc']);
  });

  test('every sample carries its own markers and the VC markers, and not the annex markers', () => {
    const missing: string[] = [];
    for (const { folder, file } of samples) {
      const document = credential(file);
      for (const format of [folder, 'vc'] as FormatId[]) {
        if (!formatMarkers(document, format)) missing.push(`${path.basename(file)} lacks ${format}`);
      }
      if (formatMarkers(document, 'annex')) missing.push(`${path.basename(file)} has annex`);
    }
    expect(missing).toEqual([]);
  });

  test('OB3 samples lack EDC and EBSI markers; EDC samples lack OB3 markers', () => {
    const ob3 = samples.filter((s) => s.folder === 'ob3').map((s) => credential(s.file));
    const edc = samples.filter((s) => s.folder === 'edc').map((s) => credential(s.file));
    expect(ob3.filter((d) => formatMarkers(d, 'edc') || formatMarkers(d, 'ebsi')).length).toBe(0);
    expect(edc.filter((d) => formatMarkers(d, 'ob3') || formatMarkers(d, 'ebsi')).length).toBe(0);
  });
});

describe('detectFormat on hand-made documents', () => {
  test.each<[string, FormatId | undefined, unknown]>([
    ['annex record', 'annex', { recordType: 'AnnexIRecord' }],
    [
      'annex record that also says VerifiableCredential',
      'annex',
      { recordType: 'AnnexIRecord', type: 'VerifiableCredential' },
    ],
    ['EDC by type', 'edc', { type: ['VerifiableCredential', 'EuropeanDigitalCredential'] }],
    ['EDC by context only', 'edc', { '@context': [V1, EDC_AP] }],
    [
      'EDC by the https spelling of its context',
      'edc',
      { '@context': [V1, 'https://data.europa.eu/snb/model/context/edc-ap'] },
    ],
    [
      'EBSI-EDC (VerifiableAttestation as well)',
      'ebsi',
      {
        '@context': [V2, EDC_AP],
        type: ['VerifiableCredential', 'VerifiableAttestation', 'EuropeanDigitalCredential'],
      },
    ],
    [
      'EBSI attestation',
      'ebsi',
      { '@context': [V1], type: ['VerifiableCredential', 'VerifiableAttestation'] },
    ],
    [
      'EBSI VerifiableDiploma without VerifiableAttestation',
      'ebsi',
      { type: ['VerifiableCredential', 'VerifiableDiploma'] },
    ],
    ['Europass', 'ebsi', { type: 'Europass' }],
    ['OB3 by type', 'ob3', { type: ['VerifiableCredential', 'OpenBadgeCredential'] }],
    ['OB3 AchievementCredential', 'ob3', { type: ['VerifiableCredential', 'AchievementCredential'] }],
    ['OB3 by context only', 'ob3', { '@context': [V2, OB3_CTX], type: ['VerifiableCredential'] }],
    [
      'OB3 with an unversioned context',
      'ob3',
      { '@context': [V2, 'https://purl.imsglobal.org/spec/ob/v3p0/context.json'] },
    ],
    ['OB3 type with a prefix', 'ob3', { type: ['VerifiableCredential', 'obi:OpenBadgeCredential'] }],
    ['plain VC by type', 'vc', { type: 'VerifiableCredential' }],
    ['plain VC by v1 context', 'vc', { '@context': V1 }],
    ['plain VC by v2 context', 'vc', { '@context': [V2, { '@vocab': 'https://x.example/#' }] }],
    ['OB 2.0 assertion', undefined, { '@context': 'https://w3id.org/openbadges/v2', type: 'Assertion' }],
    ['JAdES envelope', undefined, { payload: '{"type":"EuropeanDigitalCredential"}', signatures: [] }],
    ['empty object', undefined, {}],
    ['array', undefined, [{ type: 'VerifiableCredential' }]],
    ['string', undefined, 'VerifiableCredential'],
    ['null', undefined, null],
    ['wrong types for type and @context', undefined, { type: 5, '@context': { a: 1 } }],
  ])('%s → %s', (_name, expected, document) => {
    expect(detectFormat(document)).toBe(expected);
  });
});

describe('formatMarkers', () => {
  const ob3 = { '@context': [V2, OB3_CTX], type: ['VerifiableCredential', 'OpenBadgeCredential'] };
  const ebsiEdc = {
    '@context': [V2, EDC_AP],
    type: ['VerifiableCredential', 'VerifiableAttestation', 'EuropeanDigitalCredential'],
  };

  test('an OB3 credential carries ob3 and vc markers only', () => {
    expect(FORMATS.filter((f) => formatMarkers(ob3, f))).toEqual(['ob3', 'vc']);
  });

  test('an EBSI-EDC carries edc, ebsi and vc markers', () => {
    expect(FORMATS.filter((f) => formatMarkers(ebsiEdc, f))).toEqual(['edc', 'ebsi', 'vc']);
  });

  test('an annex record carries annex markers only; a non-object carries none', () => {
    expect(FORMATS.filter((f) => formatMarkers({ recordType: 'AnnexIRecord' }, f))).toEqual(['annex']);
    expect(FORMATS.filter((f) => formatMarkers('text', f))).toEqual([]);
  });
});

describe('adapterFor', () => {
  test.each(FORMATS)('%s → the adapter with that id', (format) => {
    expect(adapterFor(format).id).toBe(format);
    expect(adapterFor(format)).toBe(ADAPTERS[format]);
  });
});
