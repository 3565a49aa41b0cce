// What `mcred inspect` and the HTML report show: the language chosen for multilingual values
// (src/report/language.ts), element values for people (src/report/describe.ts) and the inspect
// view itself (src/report/reporters/inspect.ts), all pure.
import { describe, expect, test } from '@jest/globals';
import { ELEMENT_LABELS, ELEMENT_KEYS } from '../../../src/model/elements.js';
import { PRINCIPLES } from '../../../src/model/results.js';
import {
  countryName,
  describeElement,
  describeElementParts,
  PRINCIPLE_LABELS,
} from '../../../src/report/describe.js';
import {
  isLanguageTag,
  languagePreference,
  languagesOf,
  normaliseTag,
  pickLanguage,
  pickText,
  systemLanguage,
} from '../../../src/report/language.js';
import { inspectReport } from '../../../src/report/reporters/inspect.js';
import { checkDocument } from '../../support/check.js';

const RECORD = {
  recordType: 'AnnexIRecord',
  learner: { givenName: 'Ana', familyName: 'Andromeda', id: 'urn:example:learner:1' },
  title: { en: 'Data Stewardship', nl: 'Datarentmeesterschap', 'fr-BE': 'Intendance des données' },
  issuerCountry: ['IE', 'XX'],
  awardingBody: {
    name: 'University of Zed',
    country: 'IE',
    identifiers: [{ scheme: 'VAT', value: '654321' }],
    homepage: 'https://uniz.example',
  },
  dateOfIssuing: '2024-06-01T10:00:00Z',
  learningOutcomes: [
    { text: 'Manage data', skills: ['http://data.europa.eu/esco/skill/a', 'urn:x'] },
    'Plan',
  ],
  workload: { ects: 2, hours: 60 },
  level: { eqf: 6, nqf: { framework: 'NLQF', level: '6' } },
  assessmentType: 'written examination',
  participationForm: { en: 'Online', nl: 'Online' },
  grade: { value: '8', scheme: 'Dutch 1–10' },
  stackability: 'stand-alone',
  furtherInformation: { text: 'See\nthe   page', links: ['https://uniz.example/course'] },
};

describe('language choice', () => {
  test('tags are normalised from what systems write; C and POSIX name no language', () => {
    expect(normaliseTag('nl_NL.UTF-8')).toBe('nl-NL');
    expect(normaliseTag('EN')).toBe('en');
    expect(normaliseTag('pt_br')).toBe('pt-BR');
    expect(normaliseTag('C.UTF-8')).toBeUndefined();
    expect(normaliseTag('POSIX')).toBeUndefined();
    expect(isLanguageTag('und')).toBe(true);
    expect(isLanguageTag('not a tag')).toBe(false);
  });

  test('the preference is the language asked for, then English', () => {
    expect(languagePreference('nl_BE')).toEqual(['nl-BE', 'en']);
    expect(languagePreference(['fr', 'en'])).toEqual(['fr', 'en']);
    expect(languagePreference(undefined)).toEqual(['en']);
  });

  test('pickText: the exact tag, the same language, English, then the first value', () => {
    const map = { und: 'Zonder taal', en: 'English', nl: 'Nederlands', 'fr-BE': 'Français' };
    expect(pickText(map, 'nl')).toEqual({ text: 'Nederlands', lang: 'nl' });
    expect(pickText(map, 'NL-be')).toEqual({ text: 'Nederlands', lang: 'nl' });
    expect(pickText(map, 'fr')).toEqual({ text: 'Français', lang: 'fr-BE' });
    expect(pickText(map, 'de')).toEqual({ text: 'English', lang: 'en' });
    expect(pickText({ de: 'Deutsch', es: 'Español' }, 'fi')).toEqual({ text: 'Deutsch', lang: 'de' });
    expect(pickText({ und: 'Zonder taal' }, 'nl')).toEqual({ text: 'Zonder taal', lang: 'und' });
    expect(pickText(map, 'und')).toEqual({ text: 'Zonder taal', lang: 'und' });
    expect(pickText(undefined, 'en')).toBeUndefined();
    expect(pickText({}, 'en')).toBeUndefined();
    expect(pickLanguage([], 'en')).toBeUndefined();
  });

  test('systemLanguage follows the locale, else LC_ALL / LANG', () => {
    const system = systemLanguage({});
    expect(system === undefined || isLanguageTag(system)).toBe(true);
  });

  test('languagesOf lists the languages on offer, und last', async () => {
    const result = await checkDocument({ ...RECORD, prerequisites: 'Geen' });
    expect(languagesOf(result.elements)).toEqual(['en', 'fr-BE', 'nl', 'und']);
  });
});

describe('element values for people', () => {
  test('each element, in the chosen language', async () => {
    const { elements } = await checkDocument(RECORD);
    const d = (key: (typeof ELEMENT_KEYS)[number], lang = 'en') => describeElement(key, elements[key], lang);
    expect(d('learner')).toBe('Ana Andromeda · id urn:example:learner:1');
    expect(d('title')).toBe('Data Stewardship');
    expect(d('title', 'nl')).toBe('Datarentmeesterschap');
    expect(d('issuerCountry')).toBe('IE (Ireland), "XX" (not an ISO 3166-1 country)');
    expect(d('issuerCountry', 'nl')).toBe('IE (Ierse Republiek), "XX" (not an ISO 3166-1 country)');
    expect(d('awardingBody')).toBe('University of Zed (IE) · VAT 654321 · https://uniz.example');
    expect(d('dateOfIssuing')).toBe('2024-06-01T10:00:00Z');
    expect(describeElementParts('learningOutcomes', elements.learningOutcomes, 'en')).toEqual([
      'Manage data [ESCO ×1, other framework ×1]',
      'Plan',
    ]);
    expect(d('workload')).toBe('2 ECTS, 60 hours');
    expect(d('level')).toBe('EQF 6, NLQF 6 (national framework)');
    expect(d('assessmentType')).toBe('written examination (Annex: testing)');
    expect(d('participationForm')).toBe('Online');
    expect(d('qualityAssurance')).toBe('missing');
    expect(d('prerequisites')).toBe('missing');
    expect(d('grade')).toBe('8 (Dutch 1–10)');
    expect(d('stackability')).toBe('stand-alone (Annex: stand-alone, independent micro-credential)');
    expect(d('furtherInformation')).toBe('See the page; https://uniz.example/course');
    expect(describeElementParts('supervision', elements.supervision, 'en')).toEqual([]);
    expect(countryName('DE', 'xx')).toBe('DE (Germany)');
  });
});

describe('the inspect view', () => {
  test('all 16 elements in the Annex order, the checks and the 10 principles, without colour', async () => {
    const result = await checkDocument(RECORD);
    const text = inspectReport(result, { color: false, lang: 'nl', langSource: '--lang' });
    let at = 0;
    for (const key of ELEMENT_KEYS) {
      const next = text.indexOf(ELEMENT_LABELS[key], at);
      expect(next).toBeGreaterThan(at);
      at = next;
    }
    for (const id of PRINCIPLES) expect(text).toContain(PRINCIPLE_LABELS[id]);
    expect(text).toContain('Datarentmeesterschap');
    expect(text).toContain('languages: en, fr-BE, nl, und (shown: nl, by --lang; --lang picks another)');
    expect(text).toMatch(/verdict: ✖ FAIL {3}completeness: incomplete \(10\/11 mandatory, 3\/5 optional\)/);
    expect(text).toMatch(/elements +fail +ELEMENT_MISSING/);
    expect(text).toMatch(/principles +warn +advisory: never changes the verdict/);
    expect(text).toMatch(/Quality +not evidenced +\[Q3\]/);
    expect(text).not.toContain('\u001b[');
  });

  test('values from the credential are made inert; colour only when asked', async () => {
    const result = await checkDocument({ ...RECORD, title: 'Evil\u001b[2J\u0007 title\u202e' });
    const plain = inspectReport(result, { color: false });
    expect(plain).toContain('Evil\\u001b[2J\\u0007 title\\u202e');
    expect(plain).not.toContain('\u001b');
    expect(plain).not.toContain('\u0007');
    const coloured = inspectReport(result, { color: true });
    expect(coloured).toContain('\u001b[');
    expect(coloured).not.toContain('\u001b[2J');
  });

  test('a result that could not be read still lists every element and principle', async () => {
    const result = await checkDocument('not json');
    const text = inspectReport(result, { color: false });
    for (const key of ELEMENT_KEYS) expect(text).toContain(ELEMENT_LABELS[key]);
    expect(text.match(/not assessed/g)).toHaveLength(PRINCIPLES.length);
    expect(text).toContain('✖ ERROR');
  });
});
