// Input: turns paths into items (bytes → text → JSON) within limits. A file that cannot be read
// or parsed still becomes an item carrying its findings, so every input is reported exactly once.
import { createHash } from 'node:crypto';
import { open, stat } from 'node:fs/promises';
import { finding } from '../findings/index.js';
import { childPointer, isObject } from '../formats/json.js';
import type { Finding } from '../model/results.js';
import { COMPACT_JWS } from './vc-jwt.js';

export interface InputItem {
  /** The path as given, with `#index` for an element of a top-level JSON array. */
  file: string;
  /** SHA-256 of the file's bytes (shared by all items of an array file). */
  sha256?: string;
  /** The parsed JSON value, when parsing succeeded and limits held. */
  json?: unknown;
  /** A compact JWS (VC-JWT) when the file holds one instead of JSON. */
  jwt?: string;
  /** Findings from reading and parsing (check "input"). */
  findings: Finding[];
}

export interface ReadLimits {
  maxBytes: number;
  maxDepth: number;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** Reads one file into one item, or one item per element when the file holds a JSON array. */
export async function readInputFile(file: string, limits: ReadLimits): Promise<InputItem[]> {
  let bytes: Buffer;
  try {
    const info = await stat(file);
    if (!info.isFile()) return [failed(file, 'INPUT_UNREADABLE', `${file} is not a regular file`)];
    if (info.size > limits.maxBytes) {
      return [
        failed(
          file,
          'INPUT_TOO_LARGE',
          `${file} is ${info.size} bytes; the limit is ${limits.maxBytes} (--max-size)`,
        ),
      ];
    }
    bytes = await readAtMost(file, limits.maxBytes + 1, info.size);
  } catch (error) {
    return [
      failed(
        file,
        'INPUT_UNREADABLE',
        `${file} could not be read: ${(error as NodeJS.ErrnoException).code ?? 'error'}`,
      ),
    ];
  }
  if (bytes.length > limits.maxBytes) {
    return [
      failed(file, 'INPUT_TOO_LARGE', `${file} is over the limit of ${limits.maxBytes} bytes (--max-size)`),
    ];
  }
  return parseInputBytes(file, bytes, limits);
}

/**
 * Reads at most `max` bytes. The first chunk is sized from the stat size (+1 to notice a file that grew
 * since), later ones are 64 KiB: a 3 KB credential costs a 3 KB buffer, not a zeroed 1 MiB one (which
 * was most of the time of `validate`; bench/ and docs/benchmarks.md).
 */
async function readAtMost(file: string, max: number, sizeHint: number): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.alloc(Math.min(total === 0 ? sizeHint + 1 : 1 << 16, max - total));
      if (chunk.length === 0) break;
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
    }
    return Buffer.concat(chunks);
  } finally {
    await handle.close();
  }
}

/** Parses bytes already in memory (also used for stdin and by library callers). */
export function parseInputBytes(file: string, bytes: Buffer, limits: ReadLimits): InputItem[] {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const notes: Finding[] = [];
  const fail = (code: string, message: string): InputItem[] => [
    { file, sha256, findings: [...notes, finding(code, { message })] },
  ];

  if (
    bytes.length >= 2 &&
    ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
  ) {
    return fail('INPUT_NOT_UTF8', `${file} starts with a UTF-16 byte-order mark; JSON must be UTF-8`);
  }
  // A JSON text starts with an ASCII character, so a NUL among the first two bytes means UTF-16/32 without a BOM.
  if (bytes.length >= 2 && (bytes[0] === 0 || bytes[1] === 0)) {
    return fail(
      'INPUT_NOT_UTF8',
      `${file} looks like UTF-16 or UTF-32 (NUL bytes, no byte-order mark); JSON must be UTF-8`,
    );
  }
  let body = bytes;
  if (UTF8_BOM.every((b, i) => bytes[i] === b)) {
    body = bytes.subarray(3);
    notes.push(
      finding('INPUT_BOM', { message: `${file} starts with a UTF-8 byte-order mark; it was skipped` }),
    );
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return fail(
      'INPUT_NOT_UTF8',
      `${file} is not valid UTF-8 (first bad byte at offset ${firstInvalidUtf8Offset(body) + (body === bytes ? 0 : 3)})`,
    );
  }
  const trimmed = text.trim();
  if (trimmed === '') return fail('INPUT_EMPTY', `${file} is empty`);
  if (COMPACT_JWS.test(trimmed)) return [{ file, sha256, jwt: trimmed, findings: notes }];

  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return fail('INPUT_NOT_JSON', `${file} is not valid JSON: ${(error as Error).message}`);
  }
  const tooDeep = firstPointerDeeperThan(json, limits.maxDepth);
  if (tooDeep !== undefined) {
    return [
      {
        file,
        sha256,
        findings: [
          ...notes,
          finding('INPUT_TOO_DEEP', {
            pointer: tooDeep,
            message: `${file} nests deeper than ${limits.maxDepth} levels (--max-depth) at ${tooDeep}`,
          }),
        ],
      },
    ];
  }
  if (Array.isArray(json)) {
    if (json.length === 0) return fail('INPUT_EMPTY', `${file} holds an empty JSON array`);
    return json.map((element, index) => {
      const name = `${file}#${index}`;
      const findings = [...notes];
      if (!isObject(element)) {
        findings.push(
          finding('INPUT_NOT_OBJECT', {
            pointer: `/${index}`,
            message: `${name} is ${describeJsonType(element)}, not an object`,
          }),
        );
        return { file: name, sha256, findings };
      }
      return { file: name, sha256, json: element, findings };
    });
  }
  if (!isObject(json)) {
    return fail('INPUT_NOT_OBJECT', `${file} holds ${describeJsonType(json)}, not a credential object`);
  }
  return [{ file, sha256, json, findings: notes }];
}

function failed(file: string, code: string, message: string): InputItem {
  return { file, findings: [finding(code, { message })] };
}

export function describeJsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return 'a string';
  if (typeof value === 'number') return 'a number';
  if (typeof value === 'boolean') return 'a boolean';
  return typeof value;
}

/** The pointer of the first value nested deeper than `maxDepth`, found without recursion. */
export function firstPointerDeeperThan(value: unknown, maxDepth: number): string | undefined {
  const stack: { value: unknown; pointer: string; depth: number }[] = [{ value, pointer: '', depth: 0 }];
  while (stack.length > 0) {
    const { value: v, pointer, depth } = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (depth >= maxDepth) return pointer;
    if (Array.isArray(v))
      v.forEach((c, i) => stack.push({ value: c, pointer: childPointer(pointer, i), depth: depth + 1 }));
    else
      for (const [k, c] of Object.entries(v))
        stack.push({ value: c, pointer: childPointer(pointer, k), depth: depth + 1 });
  }
  return undefined;
}

/** Byte offset of the first invalid UTF-8 sequence (the decoder only says that there is one). */
function firstInvalidUtf8Offset(bytes: Buffer): number {
  let lo = 0;
  let hi = bytes.length;
  // Largest prefix that decodes; stream mode tolerates a multi-byte sequence cut at the end.
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid - 1;
    }
  }
  // Everything decodes but the end: a multi-byte sequence cut off by the end of the input; point at its lead byte.
  if (lo === bytes.length) {
    lo--;
    while (lo > 0 && (bytes[lo]! & 0xc0) === 0x80) lo--;
  }
  return lo;
}
