// Options for a run; the CLI fills them from flags, library users pass them directly.
import type { FormatId } from '../model/results.js';

export interface RunOptions {
  /** Force a format instead of detecting it. */
  inputFormat?: FormatId;
  /** Which checks run: 'structure' for validate (drafts), 'authenticity' for verify, 'all' for check. */
  profile: 'all' | 'structure' | 'authenticity';
  /** Largest file read, in bytes. */
  maxBytes: number;
  /** Deepest JSON nesting accepted. */
  maxDepth: number;
  /** The time the credential is verified as of. */
  at: Date;
  /** Allowed clock skew, in seconds. */
  skewSeconds: number;
  /** May the network be used (contexts, did:web, status lists)? */
  online: boolean;
  /** Extra JSON-LD context folders (INDEX.md or index.json). */
  contextDirs: string[];
  /** Folder of DID documents for offline did:web resolution. */
  didDir?: string;
  /** PEM file of trust anchors for X.509 chains (JAdES seals). */
  trustAnchors?: string;
  /** How many credentials are checked at once. */
  concurrency: number;
  /** Longest one check may take before it is reported indeterminate (hostile JSON-LD can be costly). */
  checkTimeoutMs: number;
}

export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
export const DEFAULT_MAX_DEPTH = 64;
export const DEFAULT_CHECK_TIMEOUT_MS = 30_000;

export function defaultRunOptions(overrides: Partial<RunOptions> = {}): RunOptions {
  return {
    profile: 'all',
    maxBytes: DEFAULT_MAX_BYTES,
    maxDepth: DEFAULT_MAX_DEPTH,
    at: new Date(),
    skewSeconds: 300,
    online: false,
    contextDirs: [],
    concurrency: 8,
    checkTimeoutMs: DEFAULT_CHECK_TIMEOUT_MS,
    ...overrides,
  };
}
