// The offline document loader (src/resolve/contexts.ts): pinned bundled contexts (B05), refusal of
// unknown URLs offline (B06), context folders (INDEX.md / index.json, history/), online fetch limits
// against a loopback server, and per-credential state.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  bundledContexts,
  canonicalJson,
  clearContextDirCache,
  contextSha256,
  ContextUnavailableError,
  createDocumentLoader,
  DidUnavailableError,
  parseIndexMarkdown,
  PINNED_SHA256,
} from '../../../src/resolve/contexts.js';
import { createDidResolver } from '../../../src/resolve/did.js';
import {
  describeShared,
  loopbackServer,
  offlineLoader,
  SHARED_CONTEXTS,
  testKey,
  type Loopback,
} from './helpers.js';

const OB = 'https://purl.imsglobal.org/spec/ob/v3p0/';

describe('bundled contexts', () => {
  test('every pinned URL is bundled and matches its pin (a package bump that changes one fails here)', () => {
    const bundled = bundledContexts();
    expect([...bundled.keys()].sort()).toEqual(Object.keys(PINNED_SHA256).sort());
    for (const [url, entry] of bundled) {
      expect([url, entry.pinned, entry.sha256]).toEqual([url, true, PINNED_SHA256[url]]);
    }
  });

  test('the required URLs are there: VC v1/v2, suites, DI, multikey, status lists, DID, OB 3.0.0–3.0.3', () => {
    const urls = [...bundledContexts().keys()];
    expect(urls).toEqual(
      expect.arrayContaining([
        'https://www.w3.org/2018/credentials/v1',
        'https://www.w3.org/ns/credentials/v2',
        'https://www.w3.org/ns/credentials/undefined-terms/v2',
        'https://w3id.org/security/suites/ed25519-2020/v1',
        'https://w3id.org/security/data-integrity/v1',
        'https://w3id.org/security/data-integrity/v2',
        'https://w3id.org/security/multikey/v1',
        'https://www.w3.org/ns/credentials/status/v1',
        'https://w3id.org/vc/status-list/2021/v1',
        'https://www.w3.org/ns/did/v1',
        'https://w3id.org/security/suites/x25519-2020/v1',
        `${OB}context.json`,
        `${OB}context-3.0.1.json`,
        `${OB}context-3.0.2.json`,
        `${OB}context-3.0.3.json`,
        `${OB}extensions.json`,
      ]),
    );
    expect(urls).not.toContain('OBv3_beta');
  });

  test('bundled contexts are served with tag static and recorded with their hash', async () => {
    const loader = offlineLoader();
    const remote = await loader.documentLoader('https://www.w3.org/ns/credentials/v2');
    expect(remote).toMatchObject({ documentUrl: 'https://www.w3.org/ns/credentials/v2', tag: 'static' });
    expect(contextSha256(remote.document)).toBe(PINNED_SHA256['https://www.w3.org/ns/credentials/v2']);
    expect(loader.usedContexts()).toEqual([
      {
        url: 'https://www.w3.org/ns/credentials/v2',
        sha256: PINNED_SHA256['https://www.w3.org/ns/credentials/v2'],
        source: 'bundled',
      },
    ]);
    // a served copy can be changed by the caller without touching the bundled one
    (remote.document as Record<string, unknown>)['@context'] = null;
    expect(
      contextSha256((await loader.documentLoader('https://www.w3.org/ns/credentials/v2')).document),
    ).toBe(PINNED_SHA256['https://www.w3.org/ns/credentials/v2']);
  });

  test('canonical JSON sorts keys and drops white space', () => {
    expect(canonicalJson({ b: [1, 'x', { d: null, c: true }], a: 'é' })).toBe(
      '{"a":"é","b":[1,"x",{"c":true,"d":null}]}',
    );
  });
});

describeShared('bundled contexts against the copies in ../shared/contexts', () => {
  test('same canonical JSON as every shared copy, and the shared files match their INDEX.md hashes', () => {
    const index = parseIndexMarkdown(
      readFileSync(path.join(SHARED_CONTEXTS, 'INDEX.md'), 'utf8'),
      SHARED_CONTEXTS,
    );
    let compared = 0;
    for (const entry of index) {
      const bytes = readFileSync(entry.file);
      if (entry.expectedFileSha256) {
        expect([entry.url, createHash('sha256').update(bytes).digest('hex')]).toEqual([
          entry.url,
          entry.expectedFileSha256,
        ]);
      }
      const bundled = bundledContexts().get(entry.url);
      if (bundled) {
        expect([entry.url, contextSha256(JSON.parse(bytes.toString('utf8')))]).toEqual([
          entry.url,
          bundled.sha256,
        ]);
        compared++;
      }
    }
    // credentials v1, v2, status v1, ed25519-2020, DI v1, DI v2, did v1, OB 3.0.1, 3.0.2, 3.0.3
    expect(compared).toBe(10);
  });
});

describe('offline refusal (B06)', () => {
  test('an unknown URL throws ContextUnavailableError and is never fetched', async () => {
    const loader = offlineLoader();
    const url = 'http://data.europa.eu/snb/model/context/edc-ap';
    await expect(loader.documentLoader(url)).rejects.toBeInstanceOf(ContextUnavailableError);
    await expect(loader.documentLoader(url)).rejects.toMatchObject({ url, reason: 'offline' });
    await expect(loader.documentLoader('OBv3_beta')).rejects.toMatchObject({ reason: 'not-a-url' });
    expect(loader.unavailable()).toEqual([url, 'OBv3_beta']);
    expect(loader.usedContexts()).toEqual([]);
  });

  test('DID URLs go to the DID resolver; a fragment naming no method is refused', async () => {
    const key = await testKey(1);
    const loader = offlineLoader();
    const vm = await loader.documentLoader(key.id);
    expect(vm.document).toMatchObject({
      '@context': 'https://w3id.org/security/multikey/v1',
      id: key.id,
      type: 'Multikey',
      controller: key.did,
    });
    await expect(loader.documentLoader(`${key.did}#nope`)).rejects.toMatchObject({
      kind: 'method-not-found',
    });
    await expect(loader.documentLoader('did:web:issuer.example#k')).rejects.toBeInstanceOf(
      DidUnavailableError,
    );
    await expect(loader.documentLoader('did:web:issuer.example#k')).rejects.toMatchObject({
      kind: 'unresolvable',
    });
    await expect(loader.documentLoader('did:key:z6Mkbad#x')).rejects.toMatchObject({ kind: 'invalid' });
    // DID documents are not contexts
    expect(loader.usedContexts()).toEqual([]);
  });
});

describe('context folders (--context-dir)', () => {
  let dir: string;
  const custom = 'https://contexts.example/custom/v1';
  const customDoc = {
    '@context': { '@protected': true, shoeSize: 'https://contexts.example/vocab#shoeSize' },
  };
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'mcred-ctx-'));
    const bytes = Buffer.from(JSON.stringify(customDoc, null, 2));
    writeFileSync(path.join(dir, 'custom.jsonld'), bytes);
    writeFileSync(
      path.join(dir, 'changed.jsonld'),
      JSON.stringify({ '@context': { x: 'https://x.example/x' } }),
    );
    const sha = createHash('sha256').update(bytes).digest('hex');
    writeFileSync(
      path.join(dir, 'INDEX.md'),
      [
        '# contexts',
        '',
        '| Canonical URL | Local file | SHA-256 of the file | Notes |',
        '|---|---|---|---|',
        `| \`${custom}\` | \`custom.jsonld\` | \`${sha}\` | ok |`,
        `| \`https://contexts.example/changed/v1\` | \`changed.jsonld\` | \`${'0'.repeat(64)}\` | hash differs |`,
        `| \`https://www.w3.org/ns/credentials/v2\` | \`changed.jsonld\` | (not published) | cannot override a bundled URL |`,
        '| `not a url` | `custom.jsonld` | | ignored |',
      ].join('\n'),
    );
    mkdirSync(path.join(dir, 'history'));
    writeFileSync(
      path.join(dir, 'history', 'old.jsonld'),
      JSON.stringify({ '@context': { old: 'https://o.example/o' } }),
    );
    writeFileSync(
      path.join(dir, 'history', 'INDEX.md'),
      '| Canonical URL | Local file |\n|---|---|\n| `https://contexts.example/old` | `old.jsonld` |\n',
    );
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    clearContextDirCache();
  });

  test('serves INDEX.md entries (no static tag) and records file and hash', async () => {
    const loader = offlineLoader([dir]);
    const remote = await loader.documentLoader(custom);
    expect(remote.document).toEqual(customDoc);
    expect(remote.tag).toBeUndefined();
    expect(loader.usedContexts()).toEqual([
      {
        url: custom,
        sha256: contextSha256(customDoc),
        source: 'context-dir',
        file: path.join(dir, 'custom.jsonld'),
      },
    ]);
  });

  test('reads the INDEX.md of sub-folders (history/)', async () => {
    const loader = offlineLoader([dir]);
    expect((await loader.documentLoader('https://contexts.example/old')).document).toEqual({
      '@context': { old: 'https://o.example/o' },
    });
  });

  test('a file that does not match its indexed SHA-256 is refused as changed (B05)', async () => {
    const loader = offlineLoader([dir]);
    await expect(loader.documentLoader('https://contexts.example/changed/v1')).rejects.toMatchObject({
      reason: 'changed',
    });
    expect(loader.configProblems()).toEqual([
      `https://contexts.example/changed/v1: ${path.join(dir, 'changed.jsonld')} does not match the SHA-256 in its index`,
    ]);
  });

  test('a folder never overrides a bundled context', async () => {
    const remote = await offlineLoader([dir]).documentLoader('https://www.w3.org/ns/credentials/v2');
    expect(remote.tag).toBe('static');
    expect(contextSha256(remote.document)).toBe(PINNED_SHA256['https://www.w3.org/ns/credentials/v2']);
  });

  test('index.json ({url: file} and {url: {file, sha256}})', async () => {
    const jsonDir = mkdtempSync(path.join(tmpdir(), 'mcred-ctxj-'));
    try {
      const doc = { '@context': { y: 'https://y.example/y' } };
      const bytes = Buffer.from(JSON.stringify(doc));
      writeFileSync(path.join(jsonDir, 'y.json'), bytes);
      writeFileSync(
        path.join(jsonDir, 'index.json'),
        JSON.stringify({
          'https://y.example/ctx': 'y.json',
          'https://y.example/pinned': {
            file: 'y.json',
            sha256: createHash('sha256').update(bytes).digest('hex'),
          },
          'https://y.example/missing': 'nope.json',
        }),
      );
      const loader = offlineLoader([jsonDir]);
      expect((await loader.documentLoader('https://y.example/ctx')).document).toEqual(doc);
      expect((await loader.documentLoader('https://y.example/pinned')).document).toEqual(doc);
      await expect(loader.documentLoader('https://y.example/missing')).rejects.toMatchObject({
        reason: 'invalid-json',
      });
    } finally {
      rmSync(jsonDir, { recursive: true, force: true });
    }
  });

  test('a folder without an index is a configuration problem, not an exception', () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'mcred-ctxe-'));
    try {
      expect(offlineLoader([empty]).configProblems()).toEqual([`${empty}: no INDEX.md or index.json`]);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  test('noteContexts records the contexts a document refers to, even when jsonld answers from its cache', () => {
    const loader = offlineLoader([dir]);
    loader.noteContexts({
      '@context': ['https://www.w3.org/ns/credentials/v2', `${OB}context-3.0.3.json`, { '@context': custom }],
      credentialSubject: { '@context': ['https://contexts.example/unknown'] },
    });
    expect(loader.usedContexts().map((c) => [c.url, c.source])).toEqual([
      [custom, 'context-dir'],
      [`${OB}context-3.0.3.json`, 'bundled'],
      ['https://www.w3.org/ns/credentials/v2', 'bundled'],
    ]);
  });
});

describeShared('../shared/contexts as a context folder', () => {
  test('the EDC contexts (current, https spelling, and history/) are served from it', async () => {
    const loader = offlineLoader([SHARED_CONTEXTS]);
    const current = await loader.documentLoader('http://data.europa.eu/snb/model/context/edc-ap');
    const https = await loader.documentLoader('https://data.europa.eu/snb/model/context/edc-ap');
    expect(contextSha256(https.document)).toBe(contextSha256(current.document));
    await loader.documentLoader('http://data.europa.eu/snb/model/edc-ap-jsonld');
    expect(loader.usedContexts().map((c) => [c.url, c.source, path.basename(c.file ?? '')])).toEqual([
      ['http://data.europa.eu/snb/model/context/edc-ap', 'context-dir', 'edc-ap.jsonld'],
      ['http://data.europa.eu/snb/model/edc-ap-jsonld', 'context-dir', 'edc-ap-context-2022-12.jsonld'],
      ['https://data.europa.eu/snb/model/context/edc-ap', 'context-dir', 'edc-ap.jsonld'],
    ]);
    expect(loader.configProblems()).toEqual([]);
  });
});

describe('online contexts (loopback server)', () => {
  let server: Loopback;
  beforeAll(async () => {
    server = await loopbackServer((req, res) => {
      if (req.url === '/ctx') {
        res
          .writeHead(200, { 'content-type': 'application/ld+json' })
          .end('{"@context":{"z":"https://z.example/z"}}');
      } else if (req.url === '/big') {
        res.writeHead(200).end(JSON.stringify({ '@context': { pad: 'x'.repeat(5000) } }));
      } else if (req.url === '/slow') {
        // never answers
      } else if (req.url === '/text') {
        res.writeHead(200).end('not json');
      } else {
        res.writeHead(404).end();
      }
    });
  });
  afterAll(() => server.close());

  function onlineLoader(extra: { timeoutMs?: number; maxBytes?: number } = {}) {
    return createDocumentLoader({
      contextDirs: [],
      online: true,
      didResolver: createDidResolver({ online: false }),
      ...extra,
    });
  }

  test('fetches, serves without static tag, records source online', async () => {
    const loader = onlineLoader();
    const remote = await loader.documentLoader(`${server.url}/ctx`);
    expect(remote.document).toEqual({ '@context': { z: 'https://z.example/z' } });
    expect(remote.tag).toBeUndefined();
    expect(loader.usedContexts()).toEqual([
      { url: `${server.url}/ctx`, sha256: contextSha256(remote.document), source: 'online' },
    ]);
  });

  test('a second credential’s loader does not see the first one’s online contexts', async () => {
    const first = onlineLoader();
    await first.documentLoader(`${server.url}/ctx`);
    const second = offlineLoader();
    await expect(second.documentLoader(`${server.url}/ctx`)).rejects.toMatchObject({ reason: 'offline' });
    expect(second.usedContexts()).toEqual([]);
  });

  test('404, timeout, size limit and non-JSON are refused with their reason', async () => {
    const loader = onlineLoader({ timeoutMs: 300, maxBytes: 1000 });
    await expect(loader.documentLoader(`${server.url}/missing`)).rejects.toMatchObject({
      reason: 'fetch-failed',
    });
    await expect(loader.documentLoader(`${server.url}/slow`)).rejects.toMatchObject({ reason: 'timeout' });
    await expect(loader.documentLoader(`${server.url}/big`)).rejects.toMatchObject({ reason: 'too-large' });
    await expect(loader.documentLoader(`${server.url}/text`)).rejects.toMatchObject({
      reason: 'invalid-json',
    });
    expect(loader.unavailable().length).toBe(4);
  });
});
