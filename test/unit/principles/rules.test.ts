// The Annex II principles audit: one test per rule of docs/principles.md, named after the rule id,
// each through the real pipeline (checkDocument). Native Annex I records vary the elements most
// simply; OB3 credentials (signed in memory with a test key) where the format and signature matter.
import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { principlesCheck } from '../../../src/checks/principles.js';
import type { CheckContext } from '../../../src/checks/types.js';
import { annexAdapter } from '../../../src/formats/annex.js';
import type { JsonObject } from '../../../src/formats/types.js';
import {
  PRINCIPLES,
  REPORT_SCHEMA_VERSION,
  type CheckResult,
  type CredentialResult,
  type PrincipleAssessment,
  type PrincipleId,
} from '../../../src/model/results.js';
import { validatorFor } from '../../../src/model/schemas.js';
import { TOOL } from '../../../src/model/tool.js';
import { defaultRunOptions, type RunOptions } from '../../../src/run/options.js';
import { checkDocument, ob3Credential as unsignedOb3, statusOf } from '../../support/check.js';
import { REPO_ROOT } from '../../support/cli.js';
import { ob3Credential, sign, testKey } from '../authenticity/helpers.js';

// --- Helpers ----------------------------------------------------------------------------------

/** A native record that states every Annex I element, with values the checks find clear. */
function record(overrides: Record<string, unknown> = {}, without: string[] = []): JsonObject {
  const full: JsonObject = {
    recordType: 'AnnexIRecord',
    id: 'urn:example:record:1',
    learner: { name: 'Ana Andromeda', id: 'urn:example:learner:1' },
    title: { en: 'Data Stewardship', nl: 'Datarentmeesterschap' },
    issuerCountry: 'NL',
    awardingBody: {
      name: 'Universiteit van Voorbeeld',
      id: 'urn:example:org:1',
      country: 'NL',
      identifiers: [{ scheme: 'VAT', value: 'NL123456789B01' }],
      homepage: 'https://example.org',
    },
    dateOfIssuing: '2024-06-01T10:00:00Z',
    learningOutcomes: [
      { text: 'Manage research data', skills: ['http://data.europa.eu/esco/skill/abc'] },
      { text: 'Write a data management plan', skills: ['https://example.org/framework/dmp'] },
    ],
    workload: { ects: 2, hours: 56 },
    level: { eqf: 6 },
    assessmentType: 'testing',
    participationForm: 'online',
    qualityAssurance: { type: 'external accreditation', agent: 'NVAO', url: 'https://nvao.example/1' },
    prerequisites: 'A bachelor degree',
    supervision: 'supervised online or onsite with identity verification',
    grade: { value: '8', scheme: 'Dutch 1–10' },
    stackability: {
      concept: 'urn:example:programme:1',
      label: 'integrated, stackable towards another credential',
    },
    furtherInformation: { text: 'See the course page', links: ['https://example.org/course'] },
  };
  for (const key of without) delete full[key];
  return { ...full, ...overrides };
}

async function audit(document: unknown, options: Partial<RunOptions> = {}): Promise<CredentialResult> {
  const result = await checkDocument(document, options);
  expect(result.principles?.map((p) => p.principle)).toEqual([...PRINCIPLES]);
  return result;
}

function principle(result: CredentialResult, id: PrincipleId): PrincipleAssessment {
  const found = result.principles?.find((p) => p.principle === id);
  if (!found) throw new Error(`no assessment for ${id}`);
  return found;
}

/** Runs `document` and expects `id` decided by `rule` with `status`; returns the assessment. */
async function expectRule(
  document: unknown,
  id: PrincipleId,
  rule: string,
  status: PrincipleAssessment['status'],
  options: Partial<RunOptions> = {},
): Promise<PrincipleAssessment> {
  const assessment = principle(await audit(document, options), id);
  expect({ status: assessment.status, rules: assessment.rules }).toEqual({ status, rules: [rule] });
  return assessment;
}

/** A signed OB3 credential whose authenticity checks all pass: did:key issuer, country, learner id. */
async function signedOb3(extra: (c: JsonObject) => void = () => {}): Promise<JsonObject> {
  const key = await testKey(7);
  const credential = ob3Credential(key.did);
  (credential.issuer as JsonObject).address = { type: ['Address'], addressCountryCode: 'NL' };
  extra(credential);
  return sign(credential, key, 'eddsa-rdfc-2022');
}

// --- Quality ------------------------------------------------------------------------------------

describe('quality', () => {
  test('Q1: a QA entry with a type, an accrediting agent or a link → met', async () => {
    const a = await expectRule(
      record({ qualityAssurance: { type: 'external accreditation', agent: 'NVAO' } }),
      'quality',
      'Q1',
      'met',
    );
    expect(a.evidence[0]).toMatchObject({ element: 'qualityAssurance', pointer: '/qualityAssurance' });
    expect(a.missing).toEqual([]);
    // A link alone also counts (as in Edubadges' ext:QualityAssurance alignment).
    await expectRule(record({ qualityAssurance: { url: 'https://nvao.example/1' } }), 'quality', 'Q1', 'met');
  });

  test('Q2: a QA entry that only names it → partly met', async () => {
    const a = await expectRule(
      record({ qualityAssurance: 'Accredited programme' }),
      'quality',
      'Q2',
      'partly met',
    );
    expect(a.evidence[0]!.text).toContain('Accredited programme');
    expect(a.missing.join(' ')).toMatch(/accrediting agent/);
  });

  test('Q3: no quality assurance → not evidenced', async () => {
    const a = await expectRule(record({}, ['qualityAssurance']), 'quality', 'Q3', 'not evidenced');
    expect(a.evidence).toEqual([]);
  });
});

// --- Transparency -------------------------------------------------------------------------------

describe('transparency', () => {
  test('T1: title, outcomes, workload and level, and a clean transparency check → met', async () => {
    const result = await audit(record());
    expect(statusOf(result, 'transparency')).toBe('pass');
    const a = principle(result, 'transparency');
    expect(a).toMatchObject({ status: 'met', rules: ['T1'], missing: [] });
    expect(a.evidence.map((e) => e.element ?? e.check)).toEqual([
      'title',
      'learningOutcomes',
      'workload',
      'level',
      'transparency',
    ]);
  });

  test('T2: all four facets, but the transparency check warns → partly met', async () => {
    const result = await audit(record({ workload: { ects: 2, hours: 500 } }));
    expect(statusOf(result, 'transparency')).toBe('warn');
    const a = principle(result, 'transparency');
    expect(a).toMatchObject({ status: 'partly met', rules: ['T2'] });
    expect(a.missing.join(' ')).toContain('WORKLOAD_ECTS_HOURS_MISMATCH');
  });

  test('T3: some of the four facets → partly met', async () => {
    const a = await expectRule(record({}, ['level', 'workload']), 'transparency', 'T3', 'partly met');
    expect(a.missing).toEqual(['the notional workload', 'the level (EQF, QF-EHEA), if applicable']);
  });

  test('T4: none of the four facets → not evidenced', async () => {
    await expectRule(
      record({}, ['title', 'learningOutcomes', 'workload', 'level']),
      'transparency',
      'T4',
      'not evidenced',
    );
  });
});

// --- Relevance ----------------------------------------------------------------------------------

describe('relevance', () => {
  test('RE1: every learning outcome links to ESCO or another skills framework → met', async () => {
    const a = await expectRule(record(), 'relevance', 'RE1', 'met');
    expect(a.evidence.map((e) => e.text)).toEqual([
      'Outcome "Manage research data" links to 1 ESCO skill',
      'Outcome "Write a data management plan" links to 1 other framework skill',
    ]);
    expect(a.evidence[0]!.pointer).toBe('/learningOutcomes/0');
  });

  test('RE2: some outcomes link to a skills framework, others do not → partly met', async () => {
    const a = await expectRule(
      record({
        learningOutcomes: [
          { text: 'Manage research data', skills: ['http://data.europa.eu/esco/skill/abc'] },
          'Write a data management plan',
        ],
      }),
      'relevance',
      'RE2',
      'partly met',
    );
    expect(a.missing).toEqual(['links to ESCO or another skills framework for 1 of 2 outcomes']);
  });

  test('RE3: no outcome links to a skills framework → not evidenced', async () => {
    await expectRule(
      record({ learningOutcomes: ['Manage research data', 'Write a data management plan'] }),
      'relevance',
      'RE3',
      'not evidenced',
    );
    // No outcomes at all: the same rule.
    await expectRule(record({}, ['learningOutcomes']), 'relevance', 'RE3', 'not evidenced');
  });
});

// --- Valid assessment ---------------------------------------------------------------------------

describe('valid assessment', () => {
  test('VA1: the type of assessment, and supervision or a graded scheme → met', async () => {
    await expectRule(record({}, ['grade']), 'validAssessment', 'VA1', 'met');
    await expectRule(record({}, ['supervision']), 'validAssessment', 'VA1', 'met');
  });

  test('VA2: the type of assessment alone → partly met', async () => {
    const a = await expectRule(
      record({ grade: '8' }, ['supervision']),
      'validAssessment',
      'VA2',
      'partly met',
    );
    expect(a.missing).toEqual([
      'supervision and identity verification during assessment',
      'the grading scheme of the grade',
    ]);
  });

  test('VA3: no type of assessment, but supervision or a grade → partly met', async () => {
    await expectRule(record({}, ['assessmentType', 'supervision']), 'validAssessment', 'VA3', 'partly met');
  });

  test('VA4: no type of assessment, supervision or grade → not evidenced', async () => {
    await expectRule(
      record({}, ['assessmentType', 'supervision', 'grade']),
      'validAssessment',
      'VA4',
      'not evidenced',
    );
  });
});

// --- Learning pathways --------------------------------------------------------------------------

describe('learning pathways', () => {
  test('LP1: integrated/stackable, naming what it stacks towards → met', async () => {
    const a = await expectRule(record(), 'learningPathways', 'LP1', 'met');
    expect(a.evidence.map((e) => e.text)).toContain('Part of urn:example:programme:1');
  });

  test('LP2: integrated/stackable without a link → partly met', async () => {
    await expectRule(
      record({ stackability: 'stackable towards a master degree' }),
      'learningPathways',
      'LP2',
      'partly met',
    );
  });

  test('LP3: stand-alone, or a statement that maps to no Annex option → partly met', async () => {
    await expectRule(record({ stackability: 'stand-alone' }), 'learningPathways', 'LP3', 'partly met');
    await expectRule(record({ stackability: 'ask us' }), 'learningPathways', 'LP3', 'partly met');
  });

  test('LP4: no stackability → not evidenced', async () => {
    await expectRule(record({}, ['stackability']), 'learningPathways', 'LP4', 'not evidenced');
  });
});

// --- Recognition --------------------------------------------------------------------------------

describe('recognition', () => {
  test('RC1: a level in a framework and a registry identifier → met', async () => {
    const a = await expectRule(record(), 'recognition', 'RC1', 'met');
    expect(a.evidence.map((e) => e.text)).toEqual([
      'Level in a qualifications framework: EQF 6',
      'Universiteit van Voorbeeld identifier VAT NL123456789B01',
      'Credential identifier urn:example:record:1',
    ]);
    await expectRule(record({ level: { qfEhea: 'second cycle' } }), 'recognition', 'RC1', 'met');
  });

  test('RC2: only a level in a framework, or only a registry identifier → partly met', async () => {
    await expectRule(
      record({ awardingBody: { name: 'Universiteit van Voorbeeld', country: 'NL' } }),
      'recognition',
      'RC2',
      'partly met',
    );
    await expectRule(record({}, ['level']), 'recognition', 'RC2', 'partly met');
  });

  test('RC3: neither (a level without a framework does not count; an id alone does not suffice) → not evidenced', async () => {
    const a = await expectRule(
      record({ level: '6', awardingBody: { name: 'Universiteit van Voorbeeld', country: 'NL' } }),
      'recognition',
      'RC3',
      'not evidenced',
    );
    expect(a.evidence).toEqual([{ text: 'Credential identifier urn:example:record:1', pointer: '/id' }]);
  });
});

// --- Portable -----------------------------------------------------------------------------------

describe('portable', () => {
  test('PO1: the native record is not a credential format → not applicable', async () => {
    const a = await expectRule(record(), 'portable', 'PO1', 'not applicable');
    expect(a.missing[0]).toMatch(/native Annex I record/);
  });

  test('PO2: an open format, a signature that verifies, a learner id → met', async () => {
    const result = await audit(await signedOb3());
    expect(statusOf(result, 'signature')).toBe('pass');
    const a = principle(result, 'portable');
    expect(a).toMatchObject({ status: 'met', rules: ['PO2'], missing: [] });
    expect(a.evidence.map((e) => e.text)).toEqual([
      'Open standard format: Open Badges 3.0',
      'Signed, and the signature verifies',
      'Names its holder: did:example:learner-1',
    ]);
  });

  test('PO3: an open format, but unsigned, unverified, not checked or no learner id → partly met', async () => {
    const unsigned = await expectRule(unsignedOb3(), 'portable', 'PO3', 'partly met');
    expect(unsigned.missing).toEqual(['a signature or seal (the credential is unsigned)']);
    const validated = await expectRule(unsignedOb3(), 'portable', 'PO3', 'partly met', {
      profile: 'structure',
    });
    expect(validated.missing).toEqual(['a verified signature or seal (not checked: validate)']);
  });
});

// --- Learner-centred ----------------------------------------------------------------------------

describe('learner-centred', () => {
  test('LC1: the form of participation and the prerequisites → met (as stated)', async () => {
    const a = await expectRule(record(), 'learnerCentred', 'LC1', 'met');
    expect(a.evidence.map((e) => e.text).join(' ')).toMatch(/mcred judges only what the credential states/);
  });

  test('LC2: one of the two → partly met', async () => {
    const a = await expectRule(record({}, ['prerequisites']), 'learnerCentred', 'LC2', 'partly met');
    expect(a.missing).toEqual(['the prerequisites needed to enrol']);
  });

  test('LC3: neither → not evidenced, saying that only what is stated is judged', async () => {
    const a = await expectRule(
      record({}, ['prerequisites', 'participationForm']),
      'learnerCentred',
      'LC3',
      'not evidenced',
    );
    expect(a.evidence).toEqual([]);
    expect(a.missing.join(' ')).toMatch(/mcred judges only what the credential states/);
  });
});

// --- Authentic ----------------------------------------------------------------------------------

describe('authentic', () => {
  test('AU1: validate, with some of learner, awarding body, date and country → partly met', async () => {
    const a = await expectRule(record(), 'authentic', 'AU1', 'partly met', { profile: 'structure' });
    expect(a.missing).toEqual(['signature or seal not checked (validate)']);
    expect(a.evidence.map((e) => e.element)).toEqual([
      'learner',
      'awardingBody',
      'dateOfIssuing',
      'issuerCountry',
    ]);
  });

  test('AU2: validate, with none of them → not evidenced', async () => {
    await expectRule(
      record({}, ['learner', 'awardingBody', 'dateOfIssuing', 'issuerCountry']),
      'authentic',
      'AU2',
      'not evidenced',
      { profile: 'structure' },
    );
  });

  test('AU3: signed, but the signature does not verify → not evidenced', async () => {
    const tampered = await signedOb3();
    tampered.name = 'Another title';
    const result = await audit(tampered);
    expect(statusOf(result, 'signature')).toBe('fail');
    expect(principle(result, 'authentic')).toMatchObject({ status: 'not evidenced', rules: ['AU3'] });
  });

  test('AU4: signature, issuer, dates, place and learner checks all pass → met', async () => {
    const result = await audit(await signedOb3());
    const a = principle(result, 'authentic');
    expect(a).toMatchObject({ status: 'met', rules: ['AU4'], missing: [] });
    expect(a.evidence.map((e) => e.check)).toEqual(['signature', 'issuer', 'dates', 'place', 'learner']);
  });

  test('AU5: some of those checks pass (unsigned) → partly met, naming the others', async () => {
    const a = await expectRule(record(), 'authentic', 'AU5', 'partly met');
    expect(a.missing).toEqual([
      'a signature or seal (the credential is unsigned)',
      "the issuer's identity behind a key or certificate (unsigned)",
    ]);
  });

  test('AU6: none of those checks pass → not evidenced', async () => {
    const a = await expectRule(
      { recordType: 'AnnexIRecord', title: 'Data Stewardship', dateOfIssuing: '2999-01-01T00:00:00Z' },
      'authentic',
      'AU6',
      'not evidenced',
    );
    expect(a.missing.join(' ')).toContain('DATE_ISSUED_IN_FUTURE');
  });
});

// --- Information and guidance -------------------------------------------------------------------

describe('information and guidance', () => {
  test('IG1: further information with a link → met', async () => {
    const a = await expectRule(record(), 'informationAndGuidance', 'IG1', 'met');
    expect(a.evidence.map((e) => e.text)).toContain('Further information at https://example.org/course');
  });

  test('IG2: further information as text only, or a homepage → partly met', async () => {
    await expectRule(
      record({ furtherInformation: 'See the course page' }),
      'informationAndGuidance',
      'IG2',
      'partly met',
    );
    await expectRule(record({}, ['furtherInformation']), 'informationAndGuidance', 'IG2', 'partly met');
  });

  test('IG3: no further information and no homepage → not evidenced', async () => {
    await expectRule(
      record({ awardingBody: { name: 'Universiteit van Voorbeeld', country: 'NL' } }, ['furtherInformation']),
      'informationAndGuidance',
      'IG3',
      'not evidenced',
    );
  });
});

// --- The check, the pipeline and the report -----------------------------------------------------

const DOC = path.join(REPO_ROOT, 'docs', 'principles.md');
const RULE_LINE = /^- `([A-Z]{1,2}\d+)`: /gm;

describe('the rules and their tests', () => {
  test('every rule id in docs/principles.md has a test named after it, and only those ids are decided', () => {
    const doc = readFileSync(DOC, 'utf8');
    const ids = [...doc.matchAll(RULE_LINE)].map((m) => m[1]!);
    expect(ids.length).toBeGreaterThanOrEqual(30);
    expect(new Set(ids).size).toBe(ids.length);
    const tests = readFileSync(new URL(import.meta.url), 'utf8');
    const untested = ids.filter((id) => !tests.includes(`test('${id}: `));
    expect(untested).toEqual([]);
    // The rule ids the code decides by are exactly the documented ones.
    const source = readFileSync(path.join(REPO_ROOT, 'src', 'checks', 'principles.ts'), 'utf8');
    const decided = [...source.matchAll(/decide\('[a-z ]+', '([A-Z]{1,2}\d+)'\)/g)].map((m) => m[1]!);
    expect([...new Set(decided)].sort()).toEqual([...ids].sort());
  });
});

describe('the principles check', () => {
  test('runs last under every profile, with no findings, and never changes the verdict', async () => {
    for (const profile of ['all', 'structure', 'authenticity'] as const) {
      const result = await audit(record(), { profile });
      expect(result.checks.at(-1)).toMatchObject({ id: 'principles', status: 'warn' });
      expect(result.findings.filter((f) => f.check === 'principles')).toEqual([]);
    }
    // A complete, clear record passes validate although the audit warns.
    const validated = await audit(record(), { profile: 'structure' });
    expect(validated.verdict).toBe('pass');
    expect(validated.checks.find((c) => c.id === 'principles')?.details).toEqual({
      met: 8,
      'partly met': 1,
      'not evidenced': 0,
      'not applicable': 1,
    });
  });

  test('is pass when every principle is met or not applicable, else warn', () => {
    const adapted = annexAdapter.adapt(record());
    const passed = (id: CheckResult['id']): CheckResult => ({ id, status: 'pass', findings: [] });
    const context: CheckContext = {
      file: 'memory.json',
      document: record(),
      container: record(),
      adapted: { ...adapted, format: 'ob3' },
      options: defaultRunOptions(),
      previous: (['transparency', 'signature', 'issuer', 'dates', 'place', 'learner'] as const).map(passed),
    };
    expect(principlesCheck.run(context)).toMatchObject({ id: 'principles', status: 'pass', findings: [] });
    context.previous = context.previous!.map((c) => (c.id === 'place' ? { ...c, status: 'fail' } : c));
    expect(principlesCheck.run(context)).toMatchObject({ status: 'warn' });
  });

  test('the JSON report with the audit matches schemas/report.schema.json', async () => {
    const results = [await audit(record()), await audit(await signedOb3()), await audit(unsignedOb3())];
    const report = {
      schemaVersion: REPORT_SCHEMA_VERSION,
      tool: TOOL,
      run: { startedAt: '2025-01-31T12:00:00.000Z', command: 'check', options: {} },
      results,
      summary: {
        total: 3,
        verdicts: { pass: 0, fail: 3, indeterminate: 0, error: 0 },
        complete: 0,
        incomplete: 3,
        findings: { error: 0, warning: 0, info: 0 },
        exitCode: 1,
        durationMs: 1,
      },
    };
    const validate = validatorFor('report');
    expect({ valid: validate(JSON.parse(JSON.stringify(report))), errors: validate.errors ?? null }).toEqual({
      valid: true,
      errors: null,
    });
    // The assessments live in result.principles, not in the check's details.
    for (const result of results)
      expect(Object.keys(result.checks.at(-1)!.details ?? {})).not.toContain('assessments');
  });

  test('a file that cannot be read gets no audit', async () => {
    const result = await checkDocument('not json');
    expect(result.verdict).toBe('error');
    expect(result.principles).toBeUndefined();
  });
});
