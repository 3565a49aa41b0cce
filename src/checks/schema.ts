// Check "schema": the shape of the native record, the VC core properties, and every extracted
// element against its Annex I element schema (schemas/elements/).
import { finding } from '../findings/index.js';
import { isObject, items, typesOf, valueAtPointer } from '../formats/json.js';
import { ELEMENT_KEYS } from '../model/elements.js';
import type { Finding } from '../model/results.js';
import type { ErrorObject } from 'ajv';
import { describeAjvError, elementValidator, validatorFor } from '../model/schemas.js';
import { describeJsonType } from '../input/read.js';
import { resultFromFindings } from './result.js';
import type { Check } from './types.js';

/** credentialSchema types that mcred applies itself (none remote): everything else is reported as skipped. */
const APPLIED_SCHEMA_TYPES = new Set<string>();

export const schemaCheck: Check = {
  id: 'schema',
  run({ document, adapted }) {
    const findings: Finding[] = [];
    let validated = 0;

    if (adapted.format === 'annex') {
      const validate = validatorFor('annex-record');
      validated++;
      if (!validate(document)) {
        for (const error of onePerPointer(validate.errors ?? [])) {
          findings.push(
            finding('SCHEMA_NATIVE_INVALID', {
              pointer: error.instancePath,
              message: `Native record: ${describeAjvError(error)}`,
            }),
          );
        }
      }
    } else {
      const validate = validatorFor('vc-core');
      validated++;
      if (!validate(document)) {
        // ajv reports a failed oneOf once per branch and once for itself: one finding per pointer.
        const pointers = onePerPointer(
          (validate.errors ?? []).filter((e) => e.keyword === 'oneOf' || e.keyword === 'type'),
        ).map((e) => e.instancePath);
        for (const pointer of pointers) {
          const property = pointer.split('/')[1] ?? '';
          findings.push(
            finding('SCHEMA_WRONG_TYPE', {
              pointer,
              message: `${property} has the wrong type: ${describeJsonType(valueAtPointer(document, pointer))} is not allowed here`,
            }),
          );
        }
      }
      for (const entry of items({ value: document.credentialSchema, pointer: '/credentialSchema' })) {
        const type = typesOf(entry.value)[0] ?? 'untyped';
        if (!APPLIED_SCHEMA_TYPES.has(type)) {
          const id = isObject(entry.value) && typeof entry.value.id === 'string' ? entry.value.id : '(no id)';
          findings.push(
            finding('SCHEMA_TYPE_UNSUPPORTED', {
              pointer: entry.pointer,
              message: `credentialSchema ${type} ${id} was not applied (offline; mcred checks the Annex I elements)`,
            }),
          );
        }
      }
    }

    for (const key of ELEMENT_KEYS) {
      const element = adapted.elements[key];
      if (!element.present) continue;
      const validate = elementValidator(key);
      validated++;
      if (!validate(element.value)) {
        for (const error of onePerPointer(validate.errors ?? [])) {
          findings.push(
            finding('SCHEMA_ELEMENT_INVALID', {
              element: key,
              pointer: element.pointers[0],
              message: `${key}: ${describeAjvError(error)}`,
            }),
          );
        }
      }
    }
    return resultFromFindings('schema', findings, { details: { schemasApplied: validated } });
  },
};

/** Wrapper keywords that restate what a more specific error at the same pointer says. */
const WRAPPER_KEYWORDS = new Set(['oneOf', 'anyOf', 'propertyNames', 'if']);

/**
 * ajv reports one fault several times (each oneOf branch, the oneOf itself, a propertyNames
 * wrapper): one error per pointer, the most specific one, so one fault gives one finding.
 */
export function onePerPointer(errors: ErrorObject[]): ErrorObject[] {
  const byPointer = new Map<string, ErrorObject>();
  for (const error of errors) {
    const known = byPointer.get(error.instancePath);
    if (!known || (WRAPPER_KEYWORDS.has(known.keyword) && !WRAPPER_KEYWORDS.has(error.keyword))) {
      byPointer.set(error.instancePath, error);
    }
  }
  return [...byPointer.values()];
}
