// DID resolution (src/resolve/did.ts): did:web URL construction (B27), did:key, did:jwk, --did-dir,
// online did:web against a loopback server, and key encodings (B26).
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  createDidResolver,
  dereferenceVerificationMethod,
  didWebUrl,
  importEd25519PublicKey,
  normaliseDidDocument,
  type DidDocument,
} from '../../../src/resolve/did.js';
import { keyToJwk } from '../../../src/issue/keys.js';
import { base58btc, describeShared, DID_DIR, loopbackServer, testKey, type Loopback } from './helpers.js';

describe('didWebUrl (B27)', () => {
  test.each([
    ['did:web:issuer.example', 'https://issuer.example/.well-known/did.json'],
    ['did:web:issuer.example%3A8443:org:unit', 'https://issuer.example:8443/org/unit/did.json'],
    ['did:web:issuer.example%3a8443', 'https://issuer.example:8443/.well-known/did.json'],
    ['did:web:localhost%3A8443', 'https://localhost:8443/.well-known/did.json'],
    [
      'did:web:digitalcredentials.github.io:vc-test-fixtures:dids:legacy',
      'https://digitalcredentials.github.io/vc-test-fixtures/dids/legacy/did.json',
    ],
    [
      'did:web:badges.example:api:v1:obi:v3:issuers:6f1c2b9e',
      'https://badges.example/api/v1/obi/v3/issuers/6f1c2b9e/did.json',
    ],
    // decoded once: an encoded percent sign stays a percent sign in the path
    ['did:web:issuer.example:a%2520b', 'https://issuer.example/a%2520b/did.json'],
    ['did:web:Issuer.Example', 'https://issuer.example/.well-known/did.json'],
  ])('%s -> %s', (did, url) => {
    expect(didWebUrl(did)).toEqual({ url });
  });

  test.each([
    ['did:key:z6Mk', 'not a did:web DID'],
    ['did:web:', 'empty method-specific id'],
    ['did:web:issuer.example:8443', undefined], // a path segment "8443", not a port: allowed
    ['did:web:issuer.example::unit', 'empty segment'],
    ['did:web:issuer.example/path', 'a DID (not a DID URL) is expected: no path, query or fragment'],
    ['did:web:issuer.example#key-1', 'a DID (not a DID URL) is expected: no path, query or fragment'],
    ['did:web:issuer.example:a%2Fb', 'invalid path segment "a/b"'],
    ['did:web:issuer.example:..', 'invalid path segment ".."'],
    ['did:web:user%40issuer.example', 'invalid host "user@issuer.example"'],
    ['did:web:issuer.example%3A99999', 'invalid port 99999'],
    ['did:web:issuer.example%3A8443%3A1', 'invalid host "issuer.example:8443:1"'],
    ['did:web:issuer.example:%E0%A4%A', 'invalid percent-encoding in "%E0%A4%A"'],
  ])('%s is refused (%s)', (did, error) => {
    const result = didWebUrl(did);
    if (error === undefined) expect(result).toEqual({ url: 'https://issuer.example/8443/did.json' });
    else expect(result).toEqual({ error });
  });
});

describe('did:key', () => {
  test('resolves offline with a Multikey method (default) and as Ed25519VerificationKey2020', async () => {
    const key = await testKey(1);
    const multikey = await createDidResolver({ online: false }).resolve(key.did);
    expect(multikey).toMatchObject({
      source: 'did:key',
      document: { id: key.did, assertionMethod: [key.id] },
    });
    const doc = (multikey as { document: DidDocument }).document;
    expect(dereferenceVerificationMethod(doc, key.id)).toMatchObject({
      type: 'Multikey',
      controller: key.did,
      publicKeyMultibase: key.publicKeyMultibase,
    });
    const legacy = await createDidResolver({
      online: false,
      didKeyType: 'Ed25519VerificationKey2020',
    }).resolve(key.did);
    const legacyDoc = (legacy as { document: DidDocument }).document;
    expect(dereferenceVerificationMethod(legacyDoc, key.id)).toMatchObject({
      type: 'Ed25519VerificationKey2020',
      publicKeyMultibase: key.publicKeyMultibase,
    });
  });

  test('a fragment naming no method of the document is not "the first key"', async () => {
    const key = await testKey(1);
    const other = await testKey(2);
    const doc = ((await createDidResolver({ online: false }).resolve(key.did)) as { document: DidDocument })
      .document;
    expect(dereferenceVerificationMethod(doc, `${key.did}#${other.publicKeyMultibase}`)).toBeUndefined();
    expect(dereferenceVerificationMethod(doc, `${key.did}#0`)).toBeUndefined();
  });

  test('invalid and non-Ed25519 did:key identifiers are refused', async () => {
    const resolver = createDidResolver({ online: false });
    const key = await testKey(1);
    expect(await resolver.resolve(`${key.did}x`)).toEqual({
      unavailable: expect.stringMatching(/^invalid did:key/),
      code: 'invalid-did',
    });
    expect(await resolver.resolve('did:key:z6Mk0OIl')).toEqual({
      unavailable: 'not a base58btc multibase did:key',
      code: 'invalid-did',
    });
    // an X25519 key-agreement did:key
    expect(await resolver.resolve('did:key:z6LSeu9HkTHSfLLeUs2nnzUSNedgDUevfNQgQjQC23ZCit6F')).toEqual({
      unavailable: 'only Ed25519 did:key identifiers (z6Mk...) are supported',
      code: 'unsupported-key',
    });
    expect(await resolver.resolve(`${key.did}#${key.publicKeyMultibase}`)).toEqual({
      unavailable: 'a DID is expected, not a DID URL',
      code: 'invalid-did',
    });
  });
});

describe('did:jwk and other methods', () => {
  test('did:jwk resolves offline to a JsonWebKey2020 method #0', async () => {
    const jwk = await keyToJwk(await testKey(5));
    const did = `did:jwk:${Buffer.from(JSON.stringify({ kty: jwk.kty, crv: jwk.crv, x: jwk.x })).toString('base64url')}`;
    const result = await createDidResolver({ online: false }).resolve(did);
    expect(result).toMatchObject({
      source: 'did:jwk',
      document: {
        id: did,
        verificationMethod: [{ id: `${did}#0`, type: 'JsonWebKey2020', controller: did }],
        assertionMethod: [`${did}#0`],
        keyAgreement: [`${did}#0`],
      },
    });
  });

  test('did:jwk with a private key or not a JWK is invalid', async () => {
    const resolver = createDidResolver({ online: false });
    const priv = await keyToJwk(await testKey(5), { includePrivate: true });
    expect(
      await resolver.resolve(`did:jwk:${Buffer.from(JSON.stringify(priv)).toString('base64url')}`),
    ).toEqual({
      unavailable: 'the did:jwk JWK contains a private key',
      code: 'invalid-did',
    });
    expect(await resolver.resolve(`did:jwk:${Buffer.from('[1]').toString('base64url')}`)).toEqual({
      unavailable: 'the did:jwk value is not a JWK',
      code: 'invalid-did',
    });
  });

  test('did:ebsi and unknown methods are unavailable, never guessed', async () => {
    const resolver = createDidResolver({ online: true });
    expect(await resolver.resolve('did:ebsi:zvHWX359A3CvfJnCYaAiAde')).toEqual({
      unavailable: 'did:ebsi is not supported (resolving it needs its registry)',
      code: 'unsupported-method',
    });
    expect(await resolver.resolve('not a did')).toEqual({ unavailable: 'not a DID', code: 'invalid-did' });
  });
});

describe('did:web from a DID folder', () => {
  let dir: string;
  const did = 'did:web:issuer.example:unit';
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'mcred-did-'));
    // matched by id, never by file name
    writeFileSync(
      path.join(dir, 'unit-did.json'),
      JSON.stringify({
        '@context': ['https://www.w3.org/ns/did/v1'],
        id: did,
        verificationMethod: [{ id: '#k1', type: 'Multikey', controller: did, publicKeyMultibase: 'z6MkA' }],
        assertionMethod: ['#k1'],
      }),
    );
    // named like the DID but with another id: not used for it
    writeFileSync(
      path.join(dir, 'did.json'),
      JSON.stringify({ id: 'did:web:elsewhere.example', verificationMethod: [] }),
    );
    writeFileSync(path.join(dir, 'broken.json'), '{ not json');
    writeFileSync(path.join(dir, 'a.json'), JSON.stringify({ id: 'did:web:twice.example', a: 1 }));
    writeFileSync(path.join(dir, 'b.json'), JSON.stringify({ id: 'did:web:twice.example', a: 2 }));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('the document whose id is the DID is used, with relative method ids made absolute', async () => {
    const result = await createDidResolver({ online: false, didDir: dir }).resolve(did);
    expect(result).toMatchObject({ source: 'did-dir', file: path.join(dir, 'unit-did.json') });
    const doc = (result as { document: DidDocument }).document;
    expect(doc.assertionMethod).toEqual([`${did}#k1`]);
    expect(dereferenceVerificationMethod(doc, `${did}#k1`)).toMatchObject({ id: `${did}#k1` });
  });

  test('a DID not in the folder is unavailable offline, with the URL it would be fetched from', async () => {
    expect(await createDidResolver({ online: false, didDir: dir }).resolve('did:web:issuer.example')).toEqual(
      {
        unavailable:
          'did:web:issuer.example is not in the DID folder and the network is off (https://issuer.example/.well-known/did.json)',
        code: 'not-found-offline',
      },
    );
  });

  test('two different documents with one id are a conflict', async () => {
    expect(await createDidResolver({ online: false, didDir: dir }).resolve('did:web:twice.example')).toEqual({
      unavailable: `different documents for did:web:twice.example in ${path.join(dir, 'a.json')}, ${path.join(dir, 'b.json')}`,
      code: 'conflict',
    });
  });

  test('normaliseDidDocument keeps absolute references', () => {
    const doc = normaliseDidDocument({ id: did, authentication: ['#a', 'did:web:x#b', { id: '#c' }] });
    expect(doc.authentication).toEqual([`${did}#a`, 'did:web:x#b', { id: `${did}#c` }]);
  });
});

describeShared('did:web documents of the real samples', () => {
  test('both DCC documents resolve from ../shared by id', async () => {
    const resolver = createDidResolver({ online: false, didDir: DID_DIR });
    for (const name of ['legacy', 'oidf']) {
      const result = await resolver.resolve(
        `did:web:digitalcredentials.github.io:vc-test-fixtures:dids:${name}`,
      );
      expect(result).toMatchObject({ source: 'did-dir' });
    }
  });
});

describe('did:web online (loopback server; the https URL is mapped to it by an injected fetch)', () => {
  let server: Loopback;
  const did = 'did:web:issuer.example%3A8443:org:unit';
  const documents: Record<string, unknown> = {};
  beforeAll(async () => {
    server = await loopbackServer((req, res) => {
      const body = documents[req.url ?? ''];
      if (req.url === '/slow/did.json') return; // never answers
      if (body === undefined) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/did+json' }).end(JSON.stringify(body));
    });
  });
  afterAll(() => server.close());

  const seen: string[] = [];
  const viaLoopback: typeof fetch = (input, init) => {
    const url = String(input);
    seen.push(url);
    return fetch(url.replace(/^https:\/\/[^/]+/, server.url), init);
  };

  test('fetches https://host:port/path/did.json and checks the id', async () => {
    documents['/org/unit/did.json'] = { id: did, assertionMethod: [] };
    const result = await createDidResolver({ online: true, fetch: viaLoopback }).resolve(did);
    expect(result).toMatchObject({ source: 'online', document: { id: did } });
    expect(seen).toContain('https://issuer.example:8443/org/unit/did.json');
  });

  test('a document with another id is refused', async () => {
    documents['/.well-known/did.json'] = { id: 'did:web:someone-else.example' };
    expect(
      await createDidResolver({ online: true, fetch: viaLoopback }).resolve('did:web:issuer.example'),
    ).toEqual({
      unavailable:
        'the document at https://issuer.example/.well-known/did.json has id "did:web:someone-else.example"',
      code: 'id-mismatch',
    });
  });

  test('HTTP errors, timeouts and oversize documents are fetch failures', async () => {
    const resolver = createDidResolver({ online: true, fetch: viaLoopback, timeoutMs: 300, maxBytes: 64 });
    expect(await resolver.resolve('did:web:issuer.example:missing')).toEqual({
      unavailable: 'https://issuer.example/missing/did.json: fetch-failed: HTTP 404',
      code: 'fetch-failed',
    });
    expect(await resolver.resolve('did:web:issuer.example:slow')).toEqual({
      unavailable: 'https://issuer.example/slow/did.json: timeout: no answer within 300 ms',
      code: 'fetch-failed',
    });
    documents['/big/did.json'] = { id: 'did:web:issuer.example:big', padding: 'x'.repeat(200) };
    expect(await resolver.resolve('did:web:issuer.example:big')).toEqual({
      unavailable: expect.stringMatching(/^https:\/\/issuer\.example\/big\/did\.json: too-large: /),
      code: 'fetch-failed',
    });
  });
});

describe('Ed25519 key encodings (B26)', () => {
  const ED = 'https://w3id.org/security/suites/ed25519-2020/v1';
  const MK = 'https://w3id.org/security/multikey/v1';

  test('Multikey, Ed25519VerificationKey2020, Ed25519VerificationKey2018 (base58 or JWK) are accepted', async () => {
    const key = await testKey(9);
    const raw = Buffer.from(new Uint8Array(32)); // replaced below by the real public key
    const jwk = await keyToJwk(key);
    const publicKey = Buffer.from(jwk.x, 'base64url');
    publicKey.copy(raw);
    expect(
      await importEd25519PublicKey({
        '@context': MK,
        type: 'Multikey',
        publicKeyMultibase: key.publicKeyMultibase,
      }),
    ).toEqual({ ok: true });
    expect(
      await importEd25519PublicKey({
        '@context': ED,
        type: 'Ed25519VerificationKey2020',
        publicKeyMultibase: key.publicKeyMultibase,
      }),
    ).toEqual({ ok: true });
    expect(
      await importEd25519PublicKey({ type: 'Ed25519VerificationKey2018', publicKeyBase58: base58btc(raw) }),
    ).toEqual({
      ok: true,
    });
    expect(
      await importEd25519PublicKey({
        type: 'Ed25519VerificationKey2018',
        publicKeyJwk: { kty: 'OKP', crv: 'Ed25519', x: jwk.x },
      }),
    ).toEqual({ ok: true });
    expect(
      await importEd25519PublicKey({
        type: 'JsonWebKey2020',
        publicKeyJwk: { kty: 'OKP', crv: 'Ed25519', x: jwk.x },
      }),
    ).toEqual({
      ok: true,
    });
  });

  test('other codecs, double multibase, wrong lengths and other curves are "unsupported key"', async () => {
    const key = await testKey(9);
    const jwk = await keyToJwk(key);
    const raw = Buffer.from(jwk.x, 'base64url');
    const withHeader = (header: number[], bytes: Buffer) =>
      `z${base58btc(Buffer.concat([Buffer.from(header), bytes]))}`;
    const cases: Record<string, unknown>[] = [
      // X25519 header (0xec01) with 32 bytes
      { '@context': MK, type: 'Multikey', publicKeyMultibase: withHeader([0xec, 0x01], raw) },
      // Ed25519 header, 33 bytes
      {
        '@context': MK,
        type: 'Multikey',
        publicKeyMultibase: withHeader([0xed, 0x01], Buffer.concat([raw, Buffer.from([0])])),
      },
      // raw key without any multicodec header
      { '@context': MK, type: 'Multikey', publicKeyMultibase: `z${base58btc(raw)}` },
      // multibase applied twice
      {
        '@context': MK,
        type: 'Multikey',
        publicKeyMultibase: `z${base58btc(Buffer.from(key.publicKeyMultibase))}`,
      },
      // base64url multibase (only base58btc is defined for these key types)
      { '@context': MK, type: 'Multikey', publicKeyMultibase: `u${raw.toString('base64url')}` },
      { type: 'JsonWebKey2020', publicKeyJwk: { kty: 'EC', crv: 'P-256', x: 'AA', y: 'AA' } },
      {
        type: 'JsonWebKey2020',
        publicKeyJwk: { kty: 'OKP', crv: 'Ed25519', x: raw.subarray(0, 31).toString('base64url') },
      },
      { type: 'EcdsaSecp256k1VerificationKey2019', publicKeyHex: '02'.padEnd(66, '0') },
    ];
    for (const method of cases) {
      const result = await importEd25519PublicKey(method);
      expect([method, result.ok]).toEqual([method, false]);
    }
  });
});
