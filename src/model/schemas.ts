// The JSON Schemas shipped in schemas/, compiled once per process with ajv (draft 2020-12).
import { readdirSync, readFileSync } from 'node:fs';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { ELEMENT_KEYS, type ElementKey } from './elements.js';

/** schemas/ at the package root: src/model and dist/model are both two levels down. */
export const SCHEMAS_DIR = new URL('../../schemas/', import.meta.url);
export const SCHEMA_BASE = 'https://mcred.eu/schemas/';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

let ajvInstance: Ajv2020 | undefined;

function ajv(): Ajv2020 {
  if (ajvInstance) return ajvInstance;
  const instance = new Ajv2020({ allErrors: true, strict: false });
  addFormats(instance);
  const add = (dir: URL) => {
    for (const name of readdirSync(dir)) {
      if (!name.endsWith('.schema.json')) continue;
      instance.addSchema(JSON.parse(readFileSync(new URL(name, dir), 'utf8')));
    }
  };
  add(SCHEMAS_DIR);
  add(new URL('elements/', SCHEMAS_DIR));
  ajvInstance = instance;
  return instance;
}

const compiled = new Map<string, ValidateFunction>();

/** A validator for one of our schemas by its file name relative to schemas/ (e.g. "elements/level"). */
export function validatorFor(name: string): ValidateFunction {
  let validate = compiled.get(name);
  if (!validate) {
    const found = ajv().getSchema(`${SCHEMA_BASE}${name}.schema.json`);
    if (!found) throw new Error(`schema not shipped: ${name}`);
    validate = found;
    compiled.set(name, validate);
  }
  return validate;
}

export function elementValidator(key: ElementKey): ValidateFunction {
  return validatorFor(`elements/${key}`);
}

export const ELEMENT_SCHEMA_NAMES: string[] = ELEMENT_KEYS.map((k) => `elements/${k}`);

/** One line for an ajv error: "/path: must be …". */
export function describeAjvError(error: ErrorObject): string {
  const where = error.instancePath || '/';
  const allowed =
    error.params && 'allowedValues' in error.params ? `: ${JSON.stringify(error.params.allowedValues)}` : '';
  return `${where} ${error.message ?? 'is invalid'}${allowed}`;
}
