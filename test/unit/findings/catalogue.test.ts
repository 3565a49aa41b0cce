// The finding-code catalogue: every code is registered, documented, and fired by some test.
import { describe, expect, test } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FINDINGS } from '../../../src/findings/index.js';
import { findingsMarkdown } from '../../../src/findings/markdown.js';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const findingsDir = path.join(repoRoot, 'src/findings');

function catalogueFiles(): string[] {
  return readdirSync(findingsDir).filter(
    (f) => f.endsWith('.ts') && !['index.ts', 'types.ts', 'markdown.ts'].includes(f),
  );
}

function testSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return testSources(full);
    return entry.name.endsWith('.ts') && full !== fileURLToPath(import.meta.url)
      ? [readFileSync(full, 'utf8')]
      : [];
  });
}

describe('the finding catalogue', () => {
  test('every catalogue file in src/findings is registered in the merged catalogue', async () => {
    const unregistered: string[] = [];
    for (const file of catalogueFiles()) {
      const module = (await import(path.join(findingsDir, file))) as Record<string, Record<string, unknown>>;
      for (const catalogue of Object.values(module)) {
        for (const code of Object.keys(catalogue))
          if (!(code in FINDINGS)) unregistered.push(`${file}: ${code}`);
      }
    }
    expect(unregistered).toEqual([]);
  });

  test('codes are UPPER_SNAKE_CASE and every entry is fully documented', () => {
    for (const [code, def] of Object.entries(FINDINGS)) {
      expect(code).toMatch(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/);
      expect(def.title.length).toBeGreaterThan(10);
      expect(def.description.length).toBeGreaterThan(20);
      expect(def.hint.length).toBeGreaterThan(5);
      expect(['error', 'warning', 'info']).toContain(def.severity);
    }
  });

  test('docs/findings.md is the generated catalogue (run npm run docs:findings)', () => {
    const onDisk = readFileSync(path.join(repoRoot, 'docs/findings.md'), 'utf8');
    expect(onDisk).toBe(findingsMarkdown());
  });

  test('every code is named by at least one test, so each has a test that makes it fire', () => {
    // The structural fixtures' manifest names the codes its test asserts for each fixture.
    const manifest = readFileSync(path.join(repoRoot, 'fixtures/structural/EXPECTED.jsonc'), 'utf8');
    const sources = [...testSources(path.join(repoRoot, 'test')), manifest].join('\n');
    const untested = Object.keys(FINDINGS).filter((code) => !new RegExp(`\\b${code}\\b`).test(sources));
    expect(untested).toEqual([]);
  });
});
