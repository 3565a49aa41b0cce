// Check "principles": the Annex II principles audit (Council Recommendation 2022/C 243/02).
// For each of the ten principles it lists the evidence the credential gives, what is missing, a
// status and the ids of the rules that decided it. The rules are written in docs/principles.md,
// one per line of logic; within a principle the first rule whose condition holds decides.
//
// The audit builds only on what is already computed: the element model (context.adapted), the
// format, the envelope and the results of the checks that ran before (context.previous). It never
// re-parses or re-verifies. It judges only what the credential states, guesses nothing, has no
// findings and never changes the verdict: status 'pass' when every principle is met or not
// applicable, else 'warn'.
import type { ConceptValue, ElementKey, ElementMap, LangMap } from '../model/elements.js';
import {
  PRINCIPLES,
  type CheckId,
  type CheckResult,
  type CheckStatus,
  type PrincipleAssessment,
  type PrincipleEvidence,
  type PrincipleId,
  type PrincipleStatus,
} from '../model/results.js';
import type { Check, CheckContext } from './types.js';

/** The key under which the principles check keeps its assessments until the pipeline moves them. */
const ASSESSMENTS = 'assessments';

/** Formats that are open credential standards (the native record is a registrar's record). */
const OPEN_FORMATS: Record<string, string> = {
  edc: 'European Digital Credential (ELM)',
  ob3: 'Open Badges 3.0',
  ebsi: 'EBSI Verifiable Attestation',
  vc: 'W3C Verifiable Credential',
};

const ESCO = /^https?:\/\/data\.europa\.eu\/esco\//i;
const PASSED: CheckStatus[] = ['pass', 'warn'];

export const principlesCheck: Check = {
  id: 'principles',
  run(context) {
    const assessments = auditPrinciples(context);
    const counts: Record<PrincipleStatus, number> = {
      met: 0,
      'partly met': 0,
      'not evidenced': 0,
      'not applicable': 0,
    };
    for (const a of assessments) counts[a.status]++;
    const allMet = assessments.every((a) => a.status === 'met' || a.status === 'not applicable');
    return {
      id: 'principles',
      status: allMet ? 'pass' : 'warn',
      findings: [],
      details: { ...counts, [ASSESSMENTS]: assessments },
    };
  },
};

/**
 * Splits the principles check's result into its summary (for `checks[]`) and its assessments
 * (for `result.principles`). Undefined assessments when the check did not produce them (a crash).
 */
export function splitPrinciples(result: CheckResult): {
  check: CheckResult;
  principles?: PrincipleAssessment[];
} {
  const details = result.details;
  if (!details || !Array.isArray(details[ASSESSMENTS])) return { check: result };
  const { [ASSESSMENTS]: principles, ...summary } = details;
  return { check: { ...result, details: summary }, principles: principles as PrincipleAssessment[] };
}

/** The ten assessments, in the Annex's order. */
export function auditPrinciples(context: CheckContext): PrincipleAssessment[] {
  const facts = new Facts(context);
  const audits: Record<PrincipleId, (f: Facts) => PrincipleAssessment> = {
    quality,
    transparency,
    relevance,
    validAssessment,
    learningPathways,
    recognition,
    portable,
    learnerCentred,
    authentic,
    informationAndGuidance,
  };
  return PRINCIPLES.map((id) => audits[id](facts));
}

// --- What the audit reads ---------------------------------------------------------------------

class Facts {
  readonly elements: ElementMap;
  readonly format: string;
  readonly context: CheckContext;
  private readonly previous: Map<CheckId, CheckResult>;

  constructor(context: CheckContext) {
    this.context = context;
    this.elements = context.adapted.elements;
    this.format = context.adapted.format;
    this.previous = new Map((context.previous ?? []).map((c) => [c.id, c]));
  }

  present(key: ElementKey): boolean {
    return this.elements[key].present && this.elements[key].value !== undefined;
  }

  check(id: CheckId): CheckResult | undefined {
    return this.previous.get(id);
  }

  /** The first pointer of an element, for evidence. */
  pointer(key: ElementKey): string | undefined {
    return this.elements[key].pointers[0];
  }
}

/** Builds one assessment. */
class Audit {
  readonly evidence: PrincipleEvidence[] = [];
  readonly missing: string[] = [];

  constructor(readonly principle: PrincipleId) {}

  found(
    text: string,
    where: { pointer?: string | undefined; element?: ElementKey; check?: CheckId } = {},
  ): void {
    const item: PrincipleEvidence = { text };
    if (where.pointer !== undefined) item.pointer = where.pointer;
    if (where.element) item.element = where.element;
    if (where.check) item.check = where.check;
    this.evidence.push(item);
  }

  lacks(text: string): void {
    if (!this.missing.includes(text)) this.missing.push(text);
  }

  decide(status: PrincipleStatus, ...rules: string[]): PrincipleAssessment {
    return {
      principle: this.principle,
      status,
      evidence: this.evidence,
      missing: this.missing,
      rules,
    };
  }
}

/** One readable text from a language map, for evidence: English, else the first. */
function text(map: LangMap | undefined): string | undefined {
  if (!map) return undefined;
  const value = map.en ?? Object.values(map)[0];
  if (value === undefined) return undefined;
  const line = value.replace(/\s+/g, ' ').trim();
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}

function quoted(map: LangMap | undefined): string {
  const t = text(map);
  return t ? ` "${t}"` : '';
}

function conceptText(value: ConceptValue | undefined): string {
  if (!value) return '';
  const shown =
    text(value.label) ?? (typeof value.raw === 'string' ? value.raw : undefined) ?? value.concept ?? '';
  if (!shown) return value.annex ?? '';
  return value.annex && value.annex.toLowerCase() !== shown.toLowerCase()
    ? `${shown} (${value.annex})`
    : shown;
}

function findingCodes(check: CheckResult | undefined, severities = ['error', 'warning']): string[] {
  if (!check) return [];
  return [...new Set(check.findings.filter((f) => severities.includes(f.severity)).map((f) => f.code))];
}

// --- Quality: Q1–Q3 -----------------------------------------------------------------------------

function quality(f: Facts): PrincipleAssessment {
  const a = new Audit('quality');
  const entries = f.present('qualityAssurance') ? f.elements.qualityAssurance.value!.entries : [];
  let substantive = false;
  for (const entry of entries) {
    const parts: string[] = [];
    const type = conceptText(entry.type);
    if (type) parts.push(`type ${type}`);
    const title = text(entry.title);
    if (title) parts.push(`"${title}"`);
    if (entry.agent) parts.push(`by ${entry.agent}`);
    if (entry.url) parts.push(`see ${entry.url}`);
    a.found(`Quality assurance: ${parts.join(', ')}`, {
      pointer: entry.pointer,
      element: 'qualityAssurance',
    });
    if (entry.type || entry.agent || entry.url) substantive = true;
  }
  if (substantive) return a.decide('met', 'Q1');
  if (entries.length > 0) {
    a.lacks('the type of quality assurance, the accrediting agent or a link to the QA decision');
    return a.decide('partly met', 'Q2');
  }
  a.lacks('the type of quality assurance (Annex I element 11) or an accreditation');
  return a.decide('not evidenced', 'Q3');
}

// --- Transparency: T1–T4 ------------------------------------------------------------------------

function transparency(f: Facts): PrincipleAssessment {
  const a = new Audit('transparency');
  const e = f.elements;
  const facets: [ElementKey, string][] = [
    ['title', 'the title (content)'],
    ['learningOutcomes', 'the learning outcomes'],
    ['workload', 'the notional workload'],
    ['level', 'the level (EQF, QF-EHEA), if applicable'],
  ];
  if (f.present('title'))
    a.found(`Title${quoted(e.title.value)}`, { pointer: f.pointer('title'), element: 'title' });
  if (f.present('learningOutcomes')) {
    const outcomes = e.learningOutcomes.value!;
    const n = outcomes.outcomes.length;
    a.found(`${n} learning outcome${n === 1 ? '' : 's'}${outcomes.structured ? '' : ' (free text only)'}`, {
      pointer: f.pointer('learningOutcomes'),
      element: 'learningOutcomes',
    });
  }
  if (f.present('workload')) {
    const w = e.workload.value!;
    const parts = [
      w.ects !== undefined ? `${w.ects} ECTS` : '',
      w.hours !== undefined ? `${w.hours} hours` : '',
    ]
      .filter(Boolean)
      .join(', ');
    a.found(`Workload${parts ? ` ${parts}` : ' stated'}`, {
      pointer: f.pointer('workload'),
      element: 'workload',
    });
  }
  if (f.present('level')) {
    const codes = e.level.value!.entries.map((l) =>
      l.framework === 'unknown' ? l.code : `${l.framework} ${l.code}`,
    );
    a.found(`Level ${codes.join(', ')}`, { pointer: f.pointer('level'), element: 'level' });
  }
  const missing = facets.filter(([key]) => !f.present(key));
  for (const [, label] of missing) a.lacks(label);

  const check = f.check('transparency');
  const codes = findingCodes(check);
  if (check && codes.length > 0) a.lacks(`clear values: the transparency check reported ${codes.join(', ')}`);

  if (missing.length === facets.length) return a.decide('not evidenced', 'T4');
  if (missing.length > 0) return a.decide('partly met', 'T3');
  if (check && (check.status === 'warn' || check.status === 'fail')) return a.decide('partly met', 'T2');
  if (!check) a.found('The transparency check did not run (only the presence of the values is judged)');
  else a.found('The transparency check found nothing unclear', { check: 'transparency' });
  return a.decide('met', 'T1');
}

// --- Relevance: RE1–RE3 -------------------------------------------------------------------------

function relevance(f: Facts): PrincipleAssessment {
  const a = new Audit('relevance');
  const outcomes = f.present('learningOutcomes') ? f.elements.learningOutcomes.value!.outcomes : [];
  let linked = 0;
  for (const outcome of outcomes) {
    if (outcome.skills.length === 0) continue;
    linked++;
    const esco = outcome.skills.filter((s) => ESCO.test(s)).length;
    const other = outcome.skills.length - esco;
    const links = [esco ? `${esco} ESCO` : '', other ? `${other} other framework` : ''].filter(Boolean);
    a.found(
      `Outcome${quoted(outcome.text)} links to ${links.join(' and ')} skill${outcome.skills.length === 1 ? '' : 's'}`,
      {
        pointer: outcome.pointer,
        element: 'learningOutcomes',
      },
    );
  }
  if (outcomes.length > 0 && linked === outcomes.length) return a.decide('met', 'RE1');
  if (linked > 0) {
    a.lacks(
      `links to ESCO or another skills framework for ${outcomes.length - linked} of ${outcomes.length} outcomes`,
    );
    return a.decide('partly met', 'RE2');
  }
  a.lacks(
    outcomes.length > 0
      ? 'links from the learning outcomes to ESCO or another skills framework'
      : 'learning outcomes linked to ESCO or another skills framework',
  );
  return a.decide('not evidenced', 'RE3');
}

// --- Valid assessment: VA1–VA4 ------------------------------------------------------------------

function validAssessment(f: Facts): PrincipleAssessment {
  const a = new Audit('validAssessment');
  const e = f.elements;
  const type = f.present('assessmentType');
  const supervision = f.present('supervision');
  const grade = f.present('grade');
  const scheme = grade && e.grade.value!.scheme !== undefined;
  if (type)
    a.found(`Type of assessment: ${conceptText(e.assessmentType.value)}`, {
      pointer: f.pointer('assessmentType'),
      element: 'assessmentType',
    });
  if (supervision)
    a.found(`Supervision and identity verification: ${conceptText(e.supervision.value)}`, {
      pointer: f.pointer('supervision'),
      element: 'supervision',
    });
  if (grade)
    a.found(
      `Grade ${e.grade.value!.value}${scheme ? ` on the scheme "${e.grade.value!.scheme}"` : ' (no grading scheme)'}`,
      {
        pointer: f.pointer('grade'),
        element: 'grade',
      },
    );
  if (!type) a.lacks('the type of assessment');
  if (!supervision) a.lacks('supervision and identity verification during assessment');
  if (!scheme) a.lacks(grade ? 'the grading scheme of the grade' : 'a grade with its grading scheme');

  if (type && (supervision || scheme)) return a.decide('met', 'VA1');
  if (type) return a.decide('partly met', 'VA2');
  if (supervision || grade) return a.decide('partly met', 'VA3');
  return a.decide('not evidenced', 'VA4');
}

// --- Learning pathways: LP1–LP4 -----------------------------------------------------------------

function learningPathways(f: Facts): PrincipleAssessment {
  const a = new Audit('learningPathways');
  if (!f.present('stackability')) {
    a.lacks('integration/stackability options');
    return a.decide('not evidenced', 'LP4');
  }
  const value = f.elements.stackability.value!;
  const where = { pointer: value.pointer, element: 'stackability' as const };
  a.found(`Integration/stackability: ${conceptText(value)}`, where);
  if (value.annex === 'integrated, stackable towards another credential') {
    if (value.concept) {
      a.found(`Part of ${value.concept}`, where);
      return a.decide('met', 'LP1');
    }
    a.lacks('a link to the credential or programme it stacks towards');
    return a.decide('partly met', 'LP2');
  }
  a.lacks(
    value.annex === 'stand-alone, independent micro-credential'
      ? 'a link into a learning pathway (it is stand-alone)'
      : 'a stackability statement that names one of the Annex options',
  );
  return a.decide('partly met', 'LP3');
}

// --- Recognition: RC1–RC3 -----------------------------------------------------------------------

function recognition(f: Facts): PrincipleAssessment {
  const a = new Audit('recognition');
  const e = f.elements;
  const level = f.present('level') ? e.level.value! : undefined;
  const framed: string[] = [];
  if (level?.eqf !== undefined) framed.push(`EQF ${level.eqf}`);
  if (level?.qfEhea !== undefined) framed.push(`QF-EHEA ${level.qfEhea} cycle`);
  if (level?.nqf !== undefined) framed.push(`NQF ${level.nqf}`);
  if (framed.length > 0)
    a.found(`Level in a qualifications framework: ${framed.join(', ')}`, {
      pointer: f.pointer('level'),
      element: 'level',
    });
  else a.lacks('a level placed in a framework (EQF, QF-EHEA or a national one)');

  const body = f.present('awardingBody') ? e.awardingBody.value! : undefined;
  const organisations = body ? [...body.bodies, ...(body.issuer ? [body.issuer] : [])] : [];
  const seen = new Set<string>();
  for (const org of organisations) {
    for (const id of org.identifiers) {
      const key = `${id.scheme ?? ''}|${id.value}`;
      if (seen.has(key)) continue;
      seen.add(key);
      a.found(
        `${text(org.name) ?? 'Organisation'} identifier ${id.scheme ? `${id.scheme} ` : ''}${id.value}`,
        {
          pointer: id.pointer,
          element: 'awardingBody',
        },
      );
    }
  }
  if (seen.size === 0) a.lacks('a registry identifier of the awarding body (legal, eIDAS, VAT or other)');

  const credentialId = f.context.document.id;
  if (typeof credentialId === 'string' && credentialId.trim() !== '')
    a.found(`Credential identifier ${credentialId}`, { pointer: '/id' });

  const facets = (framed.length > 0 ? 1 : 0) + (seen.size > 0 ? 1 : 0);
  if (facets === 2) return a.decide('met', 'RC1');
  if (facets === 1) return a.decide('partly met', 'RC2');
  return a.decide('not evidenced', 'RC3');
}

// --- Portable: PO1–PO3 --------------------------------------------------------------------------

function portable(f: Facts): PrincipleAssessment {
  const a = new Audit('portable');
  const format = OPEN_FORMATS[f.format];
  if (!format) {
    a.lacks(
      "an issued credential in an open format (EDC, Open Badges 3.0, EBSI, W3C VC): the native Annex I record is a registrar's record, not a credential the learner holds",
    );
    return a.decide('not applicable', 'PO1');
  }
  const envelope = f.context.envelope
    ? ` in a ${f.context.envelope.type === 'jades' ? 'JAdES' : 'JWT'} envelope`
    : '';
  a.found(`Open standard format: ${format}${envelope}`);

  const signature = f.check('signature');
  const verified = !!signature && PASSED.includes(signature.status);
  if (!signature) a.lacks('a verified signature or seal (not checked: validate)');
  else if (verified) a.found('Signed, and the signature verifies', { check: 'signature' });
  else if (signature.details?.signed === false) a.lacks('a signature or seal (the credential is unsigned)');
  else a.lacks(`a signature that verifies (signature check: ${signature.status})`);

  const learner = f.present('learner') ? f.elements.learner.value! : undefined;
  const holder = learner?.id ?? learner?.identifiers.find((i) => i.value || i.hashed)?.value;
  const hashed = !!learner?.identifiers.some((i) => i.hashed);
  if (learner && (learner.id || learner.identifiers.length > 0))
    a.found(`Names its holder: ${holder ?? (hashed ? 'a hashed identity' : 'an identifier')}`, {
      pointer: f.pointer('learner'),
      element: 'learner',
    });
  else a.lacks('an identifier of the learner (holder)');

  const named = !!learner && (!!learner.id || learner.identifiers.length > 0);
  if (verified && named) return a.decide('met', 'PO2');
  return a.decide('partly met', 'PO3');
}

// --- Learner-centred: LC1–LC3 -------------------------------------------------------------------

function learnerCentred(f: Facts): PrincipleAssessment {
  // Whether the learning was designed around its learners cannot be read from a credential:
  // mcred judges only what the credential itself states about them.
  const a = new Audit('learnerCentred');
  const e = f.elements;
  const participation = f.present('participationForm');
  const prerequisites = f.present('prerequisites');
  if (participation)
    a.found(`States the form of participation: ${conceptText(e.participationForm.value)}`, {
      pointer: f.pointer('participationForm'),
      element: 'participationForm',
    });
  else a.lacks('the form of participation');
  if (prerequisites)
    a.found(`States the prerequisites${quoted(e.prerequisites.value)}`, {
      pointer: f.pointer('prerequisites'),
      element: 'prerequisites',
    });
  else a.lacks('the prerequisites needed to enrol');
  a.found(STATED_ONLY);
  if (participation && prerequisites) return a.decide('met', 'LC1');
  if (participation || prerequisites) return a.decide('partly met', 'LC2');
  a.evidence.pop();
  a.lacks(STATED_ONLY);
  return a.decide('not evidenced', 'LC3');
}

const STATED_ONLY =
  'mcred judges only what the credential states (form of participation, prerequisites), not how the learning was designed';

// --- Authentic: AU1–AU6 -------------------------------------------------------------------------

const AUTHENTICITY_FACETS: [CheckId, string][] = [
  ['signature', 'a signature or seal that verifies'],
  ['issuer', "the issuer's identity behind the key or certificate"],
  ['dates', 'a date of issuing that can be checked'],
  ['place', 'a place of issuing that can be checked'],
  ['learner', "the learner's identity"],
];

function authentic(f: Facts): PrincipleAssessment {
  const a = new Audit('authentic');
  const signature = f.check('signature');
  if (!signature) {
    // validate: the authenticity checks did not run; only the presence of the elements is known.
    const elements: [ElementKey, string][] = [
      ['learner', 'the learner'],
      ['awardingBody', 'the awarding body'],
      ['dateOfIssuing', 'the date of issuing'],
      ['issuerCountry', 'the place (country) of issuing'],
    ];
    let present = 0;
    for (const [key, label] of elements) {
      if (f.present(key)) {
        present++;
        a.found(`States ${label} (not verified)`, { pointer: f.pointer(key), element: key });
      } else a.lacks(label);
    }
    a.lacks('signature or seal not checked (validate)');
    return present > 0 ? a.decide('partly met', 'AU1') : a.decide('not evidenced', 'AU2');
  }

  const issuer = f.check('issuer');
  const signed = signature.details?.signed !== false;
  let passed = 0;
  for (const [id, label] of AUTHENTICITY_FACETS) {
    const check = f.check(id);
    if (check && PASSED.includes(check.status)) {
      passed++;
      a.found(
        `${label[0]!.toUpperCase()}${label.slice(1)}: the ${id} check ${check.status === 'pass' ? 'passed' : 'passed with warnings'}`,
        {
          check: id,
        },
      );
      continue;
    }
    if (id === 'signature' && !signed) a.lacks('a signature or seal (the credential is unsigned)');
    else if (id === 'issuer' && !signed)
      a.lacks("the issuer's identity behind a key or certificate (unsigned)");
    else if (!check) a.lacks(`${label} (the ${id} check did not run)`);
    else {
      const codes = findingCodes(check);
      a.lacks(`${label} (${id}: ${check.status}${codes.length ? `, ${codes.join(', ')}` : ''})`);
    }
  }
  if (signed && (signature.status === 'fail' || issuer?.status === 'fail'))
    return a.decide('not evidenced', 'AU3');
  if (passed === AUTHENTICITY_FACETS.length) return a.decide('met', 'AU4');
  if (passed > 0) return a.decide('partly met', 'AU5');
  return a.decide('not evidenced', 'AU6');
}

// --- Information and guidance: IG1–IG3 ----------------------------------------------------------

function informationAndGuidance(f: Facts): PrincipleAssessment {
  const a = new Audit('informationAndGuidance');
  const info = f.present('furtherInformation') ? f.elements.furtherInformation.value! : undefined;
  if (info?.text)
    a.found(`Further information${quoted(info.text)}`, {
      pointer: f.pointer('furtherInformation'),
      element: 'furtherInformation',
    });
  for (const link of info?.links ?? [])
    a.found(`Further information at ${link}`, {
      pointer: f.pointer('furtherInformation'),
      element: 'furtherInformation',
    });
  if (info && info.links.length > 0) return a.decide('met', 'IG1');

  const homepages = f.present('awardingBody')
    ? f.elements.awardingBody.value!.bodies.filter((b) => b.homepage)
    : [];
  for (const body of homepages)
    a.found(`Awarding body homepage ${body.homepage}`, { pointer: body.pointer, element: 'awardingBody' });
  if (info || homepages.length > 0) {
    a.lacks('links to further information about the micro-credential');
    return a.decide('partly met', 'IG2');
  }
  a.lacks('further information about the micro-credential (text or links)');
  return a.decide('not evidenced', 'IG3');
}
