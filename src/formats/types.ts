// The contract every format adapter fulfils: one document in, one Annex I element model out.
import type { ElementMap } from '../model/elements.js';
import type { Finding, FormatId } from '../model/results.js';

export type JsonObject = { [key: string]: unknown };

/** W3C VC data-model generation, where the format is a VC. */
export type VcVersion = '1.1' | '2.0';

export interface Adapted {
  format: FormatId;
  elements: ElementMap;
  vcVersion?: VcVersion;
  /** The issuer's identifier (string issuer or issuer.id), where there is one. */
  issuerId?: string;
  /** Findings about the document's shape that the adapter alone can see (check "format"). */
  findings: Finding[];
}

export interface FormatAdapter {
  id: FormatId;
  /** Maps the credential document (already unwrapped from any envelope) onto the Annex I elements. */
  adapt(document: JsonObject): Adapted;
}
