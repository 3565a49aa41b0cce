// The finding-code catalogue: every code mcred can emit, merged from one file per check.
// docs/findings.md is generated from this (npm run docs:findings) and a test keeps them equal.
import type { CheckId, Finding } from '../model/results.js';
import { DATES_FINDINGS } from './dates.js';
import { ELEMENTS_FINDINGS } from './elements.js';
import { FORMAT_FINDINGS } from './format.js';
import { INPUT_FINDINGS } from './input.js';
import { ISSUER_FINDINGS } from './issuer.js';
import { LEARNER_FINDINGS } from './learner.js';
import { PLACE_FINDINGS } from './place.js';
import { RUN_FINDINGS } from './run.js';
import { SCHEMA_FINDINGS } from './schema.js';
import { SIGNATURE_FINDINGS } from './signature.js';
import { STATUS_FINDINGS } from './status.js';
import { SEAL_FINDINGS } from './seal.js';
import { TRANSPARENCY_FINDINGS } from './transparency.js';
import { UNSIGNED_FINDINGS } from './unsigned.js';
import type { FindingCatalogue, FindingDefinition } from './types.js';

export type { FindingCatalogue, FindingDefinition } from './types.js';

const CATALOGUES: FindingCatalogue[] = [
  INPUT_FINDINGS,
  FORMAT_FINDINGS,
  RUN_FINDINGS,
  SCHEMA_FINDINGS,
  ELEMENTS_FINDINGS,
  TRANSPARENCY_FINDINGS,
  SIGNATURE_FINDINGS,
  UNSIGNED_FINDINGS,
  SEAL_FINDINGS,
  ISSUER_FINDINGS,
  DATES_FINDINGS,
  PLACE_FINDINGS,
  LEARNER_FINDINGS,
  STATUS_FINDINGS,
];

export const FINDINGS: Readonly<FindingCatalogue> = Object.freeze(mergeCatalogues(CATALOGUES));

function mergeCatalogues(catalogues: FindingCatalogue[]): FindingCatalogue {
  const merged: FindingCatalogue = {};
  for (const catalogue of catalogues) {
    for (const [code, def] of Object.entries(catalogue)) {
      if (merged[code]) throw new Error(`finding code defined twice: ${code}`);
      merged[code] = def;
    }
  }
  return merged;
}

export function findingDefinition(code: string): FindingDefinition | undefined {
  return Object.prototype.hasOwnProperty.call(FINDINGS, code) ? FINDINGS[code] : undefined;
}

export interface FindingOptions {
  element?: string;
  pointer?: string;
  /** Overrides the catalogue's title with a message specific to this occurrence. */
  message?: string;
  hint?: string;
}

/** Builds a finding from the catalogue; an unknown code is a programming error. */
export function finding(code: string, options: FindingOptions = {}): Finding {
  const def = findingDefinition(code);
  if (!def) throw new Error(`unknown finding code: ${code}`);
  const result: Finding = {
    code,
    severity: def.severity,
    check: def.check,
    message: options.message ?? def.title,
  };
  if (options.element !== undefined) result.element = options.element;
  if (options.pointer !== undefined) result.pointer = options.pointer;
  result.hint = options.hint ?? def.hint;
  return result;
}

/** The catalogue's codes owned by one check. */
export function codesForCheck(check: CheckId): string[] {
  return Object.entries(FINDINGS)
    .filter(([, def]) => def.check === check)
    .map(([code]) => code);
}
