// Check "status": revocation and suspension. Status lists are not checked yet, so a credential
// that has credentialStatus is indeterminate, never treated as not revoked. Without one the
// check does not apply (a missing credentialStatus is not a failure).
import { finding } from '../findings/index.js';
import { items, typesOf } from '../formats/json.js';
import type { Check } from './types.js';

export const statusCheck: Check = {
  id: 'status',
  run({ document }) {
    const entries = items({ value: document.credentialStatus, pointer: '/credentialStatus' });
    if (entries.length === 0)
      return { id: 'status', status: 'skipped', findings: [], details: { credentialStatus: false } };
    const types = entries.map((e) => typesOf(e.value)[0] ?? 'untyped');
    return {
      id: 'status',
      status: 'indeterminate',
      details: { credentialStatus: true, types },
      findings: entries.map((e, i) =>
        finding('STATUS_NOT_CHECKED', {
          pointer: e.pointer,
          message: `credentialStatus ${types[i]} was not checked (status lists are not supported yet)`,
        }),
      ),
    };
  },
};
