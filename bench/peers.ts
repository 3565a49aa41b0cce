// The peer baselines: what the reference libraries do with the same credentials, in the same process.
//   - @digitalbazaar/vc verifyCredential with mcred's own offline document loader (bundled contexts with
//     tag 'static', did:key), both suites, sequential and with 8 in flight;
//   - plain ajv validation of the 1EdTech OB 3.0 AchievementCredential JSON Schema, read in place from
//     ../shared/samples/real/schemas/jsonschema (skipped, with a note, when ../shared is absent);
//   - JSON.parse alone, and readFile + JSON.parse (8 in flight): the input floor.
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { Ed25519Signature2020 } from '@digitalbazaar/ed25519-signature-2020';
import { cryptosuite as eddsaRdfc2022Cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { verifyCredential } from '@digitalbazaar/vc';
import { Ajv2019 } from 'ajv/dist/2019.js';
import addFormatsModule from 'ajv-formats';
import type { JsonObject } from './corpus.js';
import { REPO_ROOT, type Mcred } from './mcred.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2019) => Ajv2019;

export const OB3_SCHEMA_FILE = path.resolve(
  REPO_ROOT,
  '../shared/samples/real/schemas/jsonschema/educredentials_obv3-examples_ob_v3p0_achievementcredential_schema.json',
);

/** Runs `task` over `count` indices with at most `width` in flight. */
export async function inFlight(
  count: number,
  width: number,
  task: (index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < count) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.min(width, count) }, lane));
}

type VerifyResult = { verified: boolean; error?: unknown };

export interface VcPeer {
  /** Verifies one credential; true when it verified. */
  verify(credential: JsonObject): Promise<boolean>;
}

/** vc.verifyCredential as a relying party would call it, with mcred's offline loader (one per process). */
export function vcPeer(mcred: Mcred): VcPeer {
  const loader = mcred.contexts.createDocumentLoader({
    contextDirs: [],
    online: false,
    didResolver: mcred.did.createDidResolver({ online: false }),
  });
  const suite = [
    new Ed25519Signature2020(),
    new DataIntegrityProof({ cryptosuite: eddsaRdfc2022Cryptosuite }),
  ];
  return {
    async verify(credential) {
      const result = (await (verifyCredential as (options: unknown) => Promise<VerifyResult>)({
        credential,
        suite,
        documentLoader: loader.documentLoader,
      })) as VerifyResult;
      return result.verified;
    },
  };
}

export interface AjvPeer {
  schemaFile: string;
  compileMs: number;
  validate(document: unknown): boolean;
}

/** ajv (draft 2019-09, allErrors, ajv-formats) on the OB 3.0 schema; undefined when ../shared is absent. */
export function ajvPeer(): AjvPeer | undefined {
  if (!existsSync(OB3_SCHEMA_FILE)) return undefined;
  const schema = JSON.parse(readFileSync(OB3_SCHEMA_FILE, 'utf8')) as object;
  const ajv = new Ajv2019({ allErrors: true, strict: false });
  addFormats(ajv);
  const start = performance.now();
  const validate = ajv.compile(schema);
  const compileMs = performance.now() - start;
  return { schemaFile: OB3_SCHEMA_FILE, compileMs, validate: (document) => validate(document) };
}

/** readFile + JSON.parse of every file, 8 in flight (what any file-based validator must do). */
export async function readAndParse(files: string[]): Promise<void> {
  await inFlight(files.length, 8, async (i) => {
    JSON.parse(await readFile(files[i]!, 'utf8'));
  });
}
