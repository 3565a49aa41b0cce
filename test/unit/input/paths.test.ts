// Expanding paths: directories searched, symbolic links followed, every file once.
import { describe, expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expandPaths } from '../../../src/input/paths.js';

describe('expandPaths', () => {
  test('a linked credential in a directory is checked, and a link loop reports each file once', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'mcred-paths-'));
    const dir = path.join(root, 'batch');
    mkdirSync(path.join(dir, 'sub'), { recursive: true });
    writeFileSync(path.join(root, 'outside.json'), '{}');
    writeFileSync(path.join(dir, 'plain.json'), '{}');
    writeFileSync(path.join(dir, 'notes.txt'), 'not a credential');
    symlinkSync(path.join(root, 'outside.json'), path.join(dir, 'linked.json'));
    symlinkSync(dir, path.join(dir, 'sub', 'loop'));
    const { files, missing } = await expandPaths([dir, path.join(dir, 'plain.json')]);
    expect(missing).toEqual([]);
    expect(files.map((f) => path.relative(dir, f))).toEqual(['linked.json', 'plain.json']);
  });

  test('a path that does not exist is reported as missing', async () => {
    const { files, missing } = await expandPaths(['/nonexistent/mcred.json']);
    expect(files).toEqual([]);
    expect(missing).toEqual(['/nonexistent/mcred.json']);
  });
});
