import type { CheckId, Severity } from '../model/results.js';

/** One entry of the finding-code catalogue. A code is defined once, here, and documented from here. */
export interface FindingDefinition {
  check: CheckId;
  severity: Severity;
  /** One line: what went wrong. */
  title: string;
  /** Why it matters and when it fires. */
  description: string;
  /** What to do about it. */
  hint: string;
}

export type FindingCatalogue = Record<string, FindingDefinition>;
