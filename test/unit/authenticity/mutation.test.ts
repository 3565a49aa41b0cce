// Mutation test: sign small OB3 credentials (VC 2.0 and VC 1.1) with each suite, derive mutants (every leaf
// value, including the proof's; added defined and undefined properties; removed, replaced, reordered and
// injected contexts), verify each, and require: signature status fail or indeterminate AND a finding code
// from the set expected for that kind of mutant. Zero false passes.
//
// A mutant whose canonical RDF (document and proof options) is identical to the original's is an
// "equivalent mutant": it states exactly what was signed (e.g. two contexts that define disjoint terms
// swapped), so the signature rightly still holds. Those are counted apart and must pass, unless a rule
// independent of the signature rejects them (the VC base context must stay first).
import { beforeAll, expect, test } from '@jest/globals';
import jsonld from 'jsonld';
import type { JsonObject } from '../../../src/formats/types.js';
import type { KeyFile } from '../../../src/issue/keys.js';
import type { LdSuiteName } from '../../../src/issue/sign.js';
import {
  codes,
  DI_V2_CTX,
  ED25519_CTX,
  OB_303,
  ob3Credential,
  ob3CredentialV1,
  offlineLoader,
  sign,
  testKey,
  VC_V1,
  VC_V2,
  verify,
} from './helpers.js';

type Path = (string | number)[];

interface Mutant {
  name: string;
  document: JsonObject;
  /** The signature finding codes of which at least one must be reported. */
  expected: string[];
  /** Context mutants may be semantically equivalent; leaf and property mutants never are. */
  mayBeEquivalent?: boolean;
}

const CONTEXT_CODES = ['CONTEXT_UNAVAILABLE', 'CONTEXT_BASE_NOT_FIRST', 'SUITE_CONTEXT_MISSING'];

function leaves(value: unknown, path: Path = []): { path: Path; value: string | number | boolean }[] {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return [{ path, value }];
  if (Array.isArray(value)) return value.flatMap((item, i) => leaves(item, [...path, i]));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => leaves(item, [...path, key]));
  }
  return [];
}

function setAt(document: JsonObject, path: Path, value: unknown): JsonObject {
  const copy = structuredClone(document);
  let node: any = copy;
  for (const step of path.slice(0, -1)) node = node[step];
  node[path[path.length - 1] as string | number] = value;
  return copy;
}

function mutateLeaf(value: string | number | boolean): string | number | boolean {
  if (typeof value === 'string') return `${value}x`;
  if (typeof value === 'number') return value + 1;
  return !value;
}

/** Expected codes for a changed leaf, by where it is. */
function expectedForLeaf(path: Path): string[] {
  const [head] = path;
  const last = path[path.length - 1];
  const parent = path.filter((p) => typeof p === 'string').pop();
  if (head === '@context') return CONTEXT_CODES;
  if (head === 'proof') {
    switch (parent) {
      case 'type':
        return ['PROOF_TYPE_UNSUPPORTED'];
      case 'cryptosuite':
        return ['PROOF_CRYPTOSUITE_UNSUPPORTED'];
      case 'proofPurpose':
        return ['PROOF_PURPOSE_MISMATCH'];
      case 'verificationMethod':
        return ['SIGNATURE_KEY_UNAVAILABLE'];
      default:
        return ['SIGNATURE_INVALID']; // created, proofValue
    }
  }
  // a type name with a character appended is a term no context defines
  if (parent === 'type' || last === 'type') return ['SIGNATURE_UNDEFINED_TERM'];
  return ['SIGNATURE_INVALID'];
}

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  );
}

function mutants(signed: JsonObject, suiteContext: string | undefined): Mutant[] {
  const out: Mutant[] = [];
  for (const leaf of leaves(signed)) {
    out.push({
      name: `leaf /${leaf.path.join('/')}`,
      document: setAt(signed, leaf.path, mutateLeaf(leaf.value)),
      expected: expectedForLeaf(leaf.path),
    });
  }
  const subject = signed.credentialSubject as JsonObject;
  const achievement = subject.achievement as JsonObject;
  const proof = signed.proof as JsonObject;
  // defined properties added
  out.push({
    name: 'add defined description',
    document: { ...signed, description: 'Added after signing' },
    expected: ['SIGNATURE_INVALID'],
  });
  out.push({
    name: 'add defined achievement.fieldOfStudy',
    document: {
      ...signed,
      credentialSubject: { ...subject, achievement: { ...achievement, fieldOfStudy: 'Law' } },
    },
    expected: ['SIGNATURE_INVALID'],
  });
  out.push({
    name: 'add defined proof.domain',
    document: { ...signed, proof: { ...proof, domain: 'example.org' } },
    expected: ['SIGNATURE_INVALID'],
  });
  // undefined properties added
  out.push({
    name: 'add undefined credentialSubject.favouriteColour',
    document: { ...signed, credentialSubject: { ...subject, favouriteColour: 'green' } },
    expected: ['SIGNATURE_UNDEFINED_TERM'],
  });
  out.push({
    name: 'add undefined top-level foo',
    document: { ...signed, foo: 'bar' },
    expected: ['SIGNATURE_UNDEFINED_TERM'],
  });
  out.push({
    name: 'add undefined proof.note',
    document: { ...signed, proof: { ...proof, note: 'x' } },
    expected: ['SIGNATURE_UNDEFINED_TERM'],
  });
  // contexts: remove each, replace, inject, reorder
  const context = signed['@context'] as string[];
  context.forEach((url, i) => {
    const rest = context.filter((_, j) => j !== i);
    const expected =
      i === 0
        ? ['CONTEXT_BASE_NOT_FIRST']
        : url === suiteContext
          ? ['SUITE_CONTEXT_MISSING']
          : ['SIGNATURE_UNDEFINED_TERM'];
    out.push({ name: `remove context ${url}`, document: { ...signed, '@context': rest }, expected });
  });
  const replaced = (from: string, to: string) => context.map((c) => (c === from ? to : c));
  out.push({
    name: 'replace OB 3.0.3 by an unknown URL',
    document: {
      ...signed,
      '@context': replaced(OB_303, 'https://purl.imsglobal.org/spec/ob/v3p0/context-9.9.9.json'),
    },
    expected: ['CONTEXT_UNAVAILABLE'],
  });
  for (const version of ['3.0.1', '3.0.2']) {
    out.push({
      name: `replace OB 3.0.3 by OB ${version}`,
      document: {
        ...signed,
        '@context': replaced(OB_303, `https://purl.imsglobal.org/spec/ob/v3p0/context-${version}.json`),
      },
      expected: ['SIGNATURE_INVALID', 'SIGNATURE_UNDEFINED_TERM', 'JSONLD_PROCESSING_ERROR'],
      mayBeEquivalent: true,
    });
  }
  out.push({
    name: 'replace the base context by the other VC version',
    document: { ...signed, '@context': replaced(context[0] as string, context[0] === VC_V2 ? VC_V1 : VC_V2) },
    expected: [
      'SIGNATURE_INVALID',
      'SIGNATURE_UNDEFINED_TERM',
      'SUITE_CONTEXT_MISSING',
      'JSONLD_PROCESSING_ERROR',
    ],
    // VC 1.1 and 2.0 map their shared terms to the same IRIs: with OB 3.0.3 defining the rest, the statements
    // can be identical (the data-model rules differ; the dates and schema checks see that)
    mayBeEquivalent: true,
  });
  out.push({
    name: 'inject an inline context redefining name',
    document: { ...signed, '@context': [...context, { name: 'https://evil.example/name' }] },
    expected: ['JSONLD_PROCESSING_ERROR'],
  });
  out.push({
    name: 'inject an inline @vocab context',
    document: { ...signed, '@context': [...context, { '@vocab': 'https://evil.example/vocab#' }] },
    expected: [],
    mayBeEquivalent: true,
  });
  for (const order of permutations(context)) {
    if (order.every((c, i) => c === context[i])) continue;
    out.push({
      name: `reorder contexts ${order.map((c) => context.indexOf(c)).join('')}`,
      document: { ...signed, '@context': order },
      expected:
        order[0] === context[0]
          ? ['SIGNATURE_INVALID', 'JSONLD_PROCESSING_ERROR']
          : ['CONTEXT_BASE_NOT_FIRST'],
      mayBeEquivalent: true,
    });
  }
  return out;
}

type Canonize = (input: unknown, options: Record<string, unknown>) => Promise<string>;
const canonize = (jsonld as unknown as { canonize: Canonize }).canonize;

/** Canonical N-Quads of the document without proof and of the proof options, or undefined if not processable. */
async function canonical(document: JsonObject): Promise<string | undefined> {
  const { documentLoader } = offlineLoader();
  const options = {
    algorithm: 'RDFC-1.0',
    format: 'application/n-quads',
    safe: true,
    base: null,
    documentLoader,
  };
  try {
    const body = { ...document };
    delete body.proof;
    const proof: JsonObject = { '@context': document['@context'], ...(document.proof as JsonObject) };
    delete proof.proofValue;
    return `${await canonize(body, options)}\n--\n${await canonize(proof, options)}`;
  } catch {
    return undefined;
  }
}

let key: KeyFile;
beforeAll(async () => {
  key = await testKey(11);
});

test('no mutant of a signed credential passes', async () => {
  const started = Date.now();
  const bases: { name: string; suite: LdSuiteName; credential: JsonObject; suiteContext?: string }[] = [
    { name: 'VC 2.0', suite: 'ed25519-2020', credential: ob3Credential(key.did), suiteContext: ED25519_CTX },
    { name: 'VC 2.0', suite: 'eddsa-rdfc-2022', credential: ob3Credential(key.did) },
    {
      name: 'VC 1.1',
      suite: 'ed25519-2020',
      credential: ob3CredentialV1(key.did),
      suiteContext: ED25519_CTX,
    },
    {
      name: 'VC 1.1',
      suite: 'eddsa-rdfc-2022',
      credential: ob3CredentialV1(key.did),
      suiteContext: DI_V2_CTX,
    },
  ];
  let total = 0;
  let killed = 0;
  let equivalent = 0;
  const problems: string[] = [];
  for (const base of bases) {
    const signed = await sign(base.credential, key, base.suite);
    const original = await verify(signed);
    expect([base.name, base.suite, original.signature.status]).toEqual([base.name, base.suite, 'pass']);
    const originalCanonical = await canonical(signed);
    for (const mutant of mutants(signed, base.suiteContext)) {
      total++;
      const label = `${base.name} ${base.suite} ${mutant.name}`;
      const outcome = await verify(mutant.document);
      const status = outcome.signature.status;
      const found = codes(outcome, 'signature');
      if (mutant.mayBeEquivalent && (await canonical(mutant.document)) === originalCanonical) {
        equivalent++;
        // same statements: pass, or fail only through the base-context rule
        const ok = status === 'pass' || (status === 'fail' && found.includes('CONTEXT_BASE_NOT_FIRST'));
        if (!ok) problems.push(`${label}: equivalent mutant gave ${status} ${found.join(',')}`);
        continue;
      }
      if (status !== 'fail' && status !== 'indeterminate') {
        problems.push(`${label}: FALSE PASS (${status})`);
      } else if (!mutant.expected.some((code) => found.includes(code))) {
        problems.push(
          `${label}: ${status} with ${found.join(',')}; expected one of ${mutant.expected.join(',')}`,
        );
      } else {
        killed++;
      }
    }
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `mutation: ${total} mutants, ${killed} rejected with the expected finding, ${equivalent} equivalent (same canonical RDF), ${problems.length} problems, ${seconds} s`,
  );
  expect(problems).toEqual([]);
  expect(killed + equivalent).toBe(total);
  expect(killed).toBeGreaterThan(150);
});
