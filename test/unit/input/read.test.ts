// The input layer at library level: bytes → text → JSON within limits, one item per input
// (or per element of a top-level array), every failure a finding rather than a throw.
import { createHash } from 'node:crypto';
import { truncateSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import {
  describeJsonType,
  firstPointerDeeperThan,
  parseInputBytes,
  readInputFile,
  type InputItem,
} from '../../../src/input/read.js';
import { makeTmpDir, type TmpDir } from '../../support/tmp.js';

const LIMITS = { maxBytes: 10 * 1024 * 1024, maxDepth: 64 };
const RECORD = { recordType: 'AnnexIRecord', title: 'Data literacy' };

function parse(content: string | Buffer, limits = LIMITS): InputItem[] {
  return parseInputBytes('f', Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'), limits);
}

/** The codes of an item's findings. */
function codes(item: InputItem): string[] {
  return item.findings.map((f) => f.code);
}

/** `levels` objects nested in each other: {"a":{"a":…{}}}. */
function nestedObjects(levels: number): string {
  return '{"a":'.repeat(levels - 1) + '{}' + '}'.repeat(levels - 1);
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

describe('parseInputBytes', () => {
  test('an empty input is INPUT_EMPTY', () => {
    const items = parse('');
    expect(items).toHaveLength(1);
    expect(items[0]!.file).toBe('f');
    expect(codes(items[0]!)).toEqual(['INPUT_EMPTY']);
    expect(items[0]!.json).toBeUndefined();
    expect(items[0]!.findings[0]!).toMatchObject({ severity: 'error', check: 'input' });
  });

  test('white space only is INPUT_EMPTY', () => {
    const items = parse(' \n\t\r\n  ');
    expect(items).toHaveLength(1);
    expect(codes(items[0]!)).toEqual(['INPUT_EMPTY']);
  });

  test('"{" is INPUT_NOT_JSON', () => {
    const items = parse('{');
    expect(items).toHaveLength(1);
    expect(codes(items[0]!)).toEqual(['INPUT_NOT_JSON']);
    expect(items[0]!.findings[0]!.message).toMatch(/^f is not valid JSON: /);
    expect(items[0]!.json).toBeUndefined();
  });

  test('a UTF-8 byte-order mark is skipped and reported as INPUT_BOM (info)', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify(RECORD))]);
    const items = parse(bytes);
    expect(items).toHaveLength(1);
    expect(items[0]!.json).toEqual(RECORD);
    expect(codes(items[0]!)).toEqual(['INPUT_BOM']);
    expect(items[0]!.findings[0]!.severity).toBe('info');
  });

  test('a BOM note is kept alongside a later failure', () => {
    const items = parse(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('42')]));
    expect(codes(items[0]!)).toEqual(['INPUT_BOM', 'INPUT_NOT_OBJECT']);
  });

  test('UTF-16LE with a byte-order mark is INPUT_NOT_UTF8', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(JSON.stringify(RECORD), 'utf16le')]);
    const items = parse(bytes);
    expect(items).toHaveLength(1);
    expect(codes(items[0]!)).toEqual(['INPUT_NOT_UTF8']);
    expect(items[0]!.findings[0]!.message).toContain('UTF-16');
  });

  test('UTF-16BE with a byte-order mark is INPUT_NOT_UTF8', () => {
    const le = Buffer.from(JSON.stringify(RECORD), 'utf16le');
    const be = Buffer.from(le).swap16();
    const items = parse(Buffer.concat([Buffer.from([0xfe, 0xff]), be]));
    expect(codes(items[0]!)).toEqual(['INPUT_NOT_UTF8']);
  });

  test('UTF-16LE without a byte-order mark is INPUT_NOT_UTF8, not INPUT_NOT_JSON', () => {
    const items = parse(Buffer.from(JSON.stringify(RECORD), 'utf16le'));
    expect(codes(items[0]!)).toEqual(['INPUT_NOT_UTF8']);
    expect(items[0]!.findings[0]!.message).toContain('UTF-16');
  });

  test('an invalid byte inside a string is INPUT_NOT_UTF8 at its byte offset', () => {
    // {"a":"x  is 7 bytes, so the 0xFF is at offset 7
    const bytes = Buffer.concat([Buffer.from('{"a":"x'), Buffer.from([0xff]), Buffer.from('y"}')]);
    const items = parse(bytes);
    expect(codes(items[0]!)).toEqual(['INPUT_NOT_UTF8']);
    expect(items[0]!.findings[0]!.message).toBe('f is not valid UTF-8 (first bad byte at offset 7)');
  });

  test('the offset counts from the start of the file when a BOM was skipped', () => {
    const bytes = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from('{"a":"é'), // é is two bytes: 3 + 8 = 11
      Buffer.from([0xc0, 0x80]), // an overlong encoding of NUL
      Buffer.from('"}'),
    ]);
    const items = parse(bytes);
    expect(codes(items[0]!)).toEqual(['INPUT_BOM', 'INPUT_NOT_UTF8']);
    expect(items[0]!.findings[1]!.message).toContain('first bad byte at offset 11)');
  });

  test('a multi-byte sequence cut off by the end of the file is reported where it starts', () => {
    // {"a":"x"} then the first two bytes of the three-byte €
    const bytes = Buffer.concat([Buffer.from('{"a":"x"}'), Buffer.from([0xe2, 0x82])]);
    const items = parse(bytes);
    expect(codes(items[0]!)).toEqual(['INPUT_NOT_UTF8']);
    expect(items[0]!.findings[0]!.message).toContain('first bad byte at offset 9)');
  });

  test.each([
    ['42', 'a number'],
    ['"x"', 'a string'],
    ['null', 'null'],
    ['true', 'a boolean'],
  ])('%s is INPUT_NOT_OBJECT', (text, described) => {
    const items = parse(text);
    expect(items).toHaveLength(1);
    expect(items[0]!.file).toBe('f');
    expect(codes(items[0]!)).toEqual(['INPUT_NOT_OBJECT']);
    expect(items[0]!.findings[0]!.message).toBe(`f holds ${described}, not a credential object`);
    expect(items[0]!.json).toBeUndefined();
  });

  test('[] is INPUT_EMPTY', () => {
    const items = parse('[]');
    expect(items).toHaveLength(1);
    expect(items[0]!.file).toBe('f');
    expect(codes(items[0]!)).toEqual(['INPUT_EMPTY']);
  });

  test('[{…}, 3] is two items: f#0 with the object, f#1 INPUT_NOT_OBJECT at /1', () => {
    const items = parse(JSON.stringify([RECORD, 3]));
    expect(items.map((i) => i.file)).toEqual(['f#0', 'f#1']);
    expect(items[0]!.json).toEqual(RECORD);
    expect(items[0]!.findings).toEqual([]);
    expect(items[1]!.json).toBeUndefined();
    expect(codes(items[1]!)).toEqual(['INPUT_NOT_OBJECT']);
    expect(items[1]!.findings[0]!.pointer).toBe('/1');
    expect(items[1]!.findings[0]!.message).toBe('f#1 is a number, not an object');
    // both items come from the same bytes
    expect(items[0]!.sha256).toBe(items[1]!.sha256);
  });

  test('each element of an array file keeps the BOM note', () => {
    const bytes = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(JSON.stringify([RECORD, RECORD])),
    ]);
    const items = parse(bytes);
    expect(items.map(codes)).toEqual([['INPUT_BOM'], ['INPUT_BOM']]);
  });

  test('64 levels of nesting are accepted with maxDepth 64', () => {
    const items = parse(nestedObjects(64));
    expect(items).toHaveLength(1);
    expect(items[0]!.findings).toEqual([]);
    expect(items[0]!.json).toBeDefined();
  });

  test('65 levels of nesting are INPUT_TOO_DEEP at the pointer of the 65th level', () => {
    const items = parse(nestedObjects(65));
    expect(items).toHaveLength(1);
    expect(items[0]!.json).toBeUndefined();
    expect(codes(items[0]!)).toEqual(['INPUT_TOO_DEEP']);
    // the outermost object is level 1 at ""; the 65th sits under 64 "a" keys
    expect(items[0]!.findings[0]!.pointer).toBe('/a'.repeat(64));
  });

  test('scalars at the depth limit do not count as a level', () => {
    // 64 objects, the innermost holding a number: still 64 levels
    const text = '{"a":'.repeat(64) + '1' + '}'.repeat(64);
    expect(parse(text)[0]!.findings).toEqual([]);
  });

  test('nesting through arrays counts too, and pointer tokens are escaped', () => {
    const text = '{"a/b":[{"c~d":[[{}]]}]}'; // 6 levels
    expect(parse(text, { ...LIMITS, maxDepth: 6 })[0]!.findings).toEqual([]);
    const items = parse(text, { ...LIMITS, maxDepth: 5 });
    expect(codes(items[0]!)).toEqual(['INPUT_TOO_DEEP']);
    expect(items[0]!.findings[0]!.pointer).toBe('/a~1b/0/c~0d/0/0');
  });

  test('100 000 nested arrays are INPUT_TOO_DEEP without a stack overflow', () => {
    const text = '['.repeat(100_000) + ']'.repeat(100_000);
    const items = parse(text);
    expect(items).toHaveLength(1);
    expect(codes(items[0]!)).toEqual(['INPUT_TOO_DEEP']);
    expect(items[0]!.findings[0]!.pointer).toBe('/0'.repeat(64));
  });

  test('a compact JWS is returned as item.jwt (surrounding white space trimmed)', () => {
    const jws = 'eyJhbGciOiJFUzI1NiJ9.eyJ2YyI6e319.c2lnbmF0dXJl';
    const items = parse(`\n${jws}\r\n`);
    expect(items).toHaveLength(1);
    expect(items[0]!.jwt).toBe(jws);
    expect(items[0]!.json).toBeUndefined();
    expect(items[0]!.findings).toEqual([]);
  });

  test('sha256 is the SHA-256 of the bytes, BOM included', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify(RECORD))]);
    expect(parse(bytes)[0]!.sha256).toBe(sha256(bytes));
    expect(parse('{')[0]!.sha256).toBe(sha256(Buffer.from('{')));
  });

  test('a parsed __proto__ key stays an own property and pollutes nothing', () => {
    const items = parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}}}');
    const json = items[0]!.json as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['__proto__', 'constructor']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});

describe('readInputFile', () => {
  let tmp: TmpDir;
  beforeAll(() => {
    tmp = makeTmpDir({
      'empty.json': '',
      'record.json': JSON.stringify(RECORD),
      'array.json': JSON.stringify([RECORD, RECORD]),
      'sub/inner.json': '{}',
    });
  });
  afterAll(() => tmp.remove());

  test('an empty file is INPUT_EMPTY', async () => {
    const items = await readInputFile(tmp.path('empty.json'), LIMITS);
    expect(items).toHaveLength(1);
    expect(items[0]!.file).toBe(tmp.path('empty.json'));
    expect(codes(items[0]!)).toEqual(['INPUT_EMPTY']);
  });

  test("a record is parsed; sha256 equals the file's SHA-256", async () => {
    const file = tmp.path('record.json');
    const items = await readInputFile(file, LIMITS);
    expect(items).toHaveLength(1);
    expect(items[0]!.json).toEqual(RECORD);
    expect(items[0]!.findings).toEqual([]);
    expect(items[0]!.sha256).toBe(sha256(Buffer.from(JSON.stringify(RECORD))));
  });

  test('an array file becomes file#0 and file#1', async () => {
    const file = tmp.path('array.json');
    const items = await readInputFile(file, LIMITS);
    expect(items.map((i) => i.file)).toEqual([`${file}#0`, `${file}#1`]);
    expect(items.map((i) => i.json)).toEqual([RECORD, RECORD]);
  });

  test('a file of exactly maxBytes is read; one byte more is INPUT_TOO_LARGE', async () => {
    const size = Buffer.byteLength(JSON.stringify(RECORD));
    const exact = await readInputFile(tmp.path('record.json'), { ...LIMITS, maxBytes: size });
    expect(exact[0]!.json).toEqual(RECORD);
    const over = await readInputFile(tmp.path('record.json'), { ...LIMITS, maxBytes: size - 1 });
    expect(over).toHaveLength(1);
    expect(codes(over[0]!)).toEqual(['INPUT_TOO_LARGE']);
    expect(over[0]!.json).toBeUndefined();
  });

  test('a file far over the limit is refused from its size alone, without reading it', async () => {
    // A sparse 3 GiB file: reading it whole would take long or fail with another code.
    const file = tmp.path('huge.json');
    writeFileSync(file, '');
    truncateSync(file, 3 * 1024 ** 3);
    const started = Date.now();
    const items = await readInputFile(file, { ...LIMITS, maxBytes: 1000 });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(items).toHaveLength(1);
    expect(codes(items[0]!)).toEqual(['INPUT_TOO_LARGE']);
    expect(items[0]!.findings[0]!.message).toBe(
      `${file} is ${3 * 1024 ** 3} bytes; the limit is 1000 (--max-size)`,
    );
    expect(items[0]!.sha256).toBeUndefined();
  });

  test('a directory is INPUT_UNREADABLE', async () => {
    const items = await readInputFile(tmp.path('sub'), LIMITS);
    expect(items).toHaveLength(1);
    expect(codes(items[0]!)).toEqual(['INPUT_UNREADABLE']);
    expect(items[0]!.findings[0]!.message).toBe(`${tmp.path('sub')} is not a regular file`);
  });

  test('a missing file is INPUT_UNREADABLE naming the error code', async () => {
    const items = await readInputFile(tmp.path('nope.json'), LIMITS);
    expect(codes(items[0]!)).toEqual(['INPUT_UNREADABLE']);
    expect(items[0]!.findings[0]!.message).toContain('ENOENT');
  });
});

describe('helpers', () => {
  test('firstPointerDeeperThan: the root container is level 1', () => {
    expect(firstPointerDeeperThan({}, 1)).toBeUndefined();
    expect(firstPointerDeeperThan({ a: {} }, 1)).toBe('/a');
    expect(firstPointerDeeperThan({ a: 1, b: [2, 3] }, 2)).toBeUndefined();
    expect(firstPointerDeeperThan('scalar', 0)).toBeUndefined();
  });

  test('describeJsonType names every JSON type', () => {
    expect([null, [], 'x', 1, false, {}].map(describeJsonType)).toEqual([
      'null',
      'an array',
      'a string',
      'a number',
      'a boolean',
      'object',
    ]);
  });
});
