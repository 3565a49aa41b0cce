import type { FindingCatalogue } from './types.js';

export const FORMAT_FINDINGS: FindingCatalogue = {
  FORMAT_UNKNOWN: {
    check: 'format',
    severity: 'error',
    title: 'The credential format was not recognised',
    description:
      'The document is not an EDC (ELM v3), Open Badges 3.0, EBSI attestation, W3C VC or native Annex I record.',
    hint: 'Use --input-format to force a format if you know it.',
  },
  FORMAT_FORCED_MISMATCH: {
    check: 'format',
    severity: 'warning',
    title: 'The forced format does not match what the document looks like',
    description: '--input-format named a format whose markers (types, contexts) the document lacks.',
    hint: 'Check the --input-format value; results may be incomplete.',
  },
  FORMAT_ENVELOPE_INVALID: {
    check: 'format',
    severity: 'error',
    title: 'The signature envelope could not be opened',
    description:
      'A JAdES/JWS envelope ({payload, signatures}) whose payload is not a JSON credential, or a JWT that cannot be decoded.',
    hint: 'The file may be truncated or the payload encoded in an unexpected way.',
  },
  FORMAT_ENVELOPE_UNSIGNED_MEMBERS: {
    check: 'format',
    severity: 'warning',
    title: 'The signature envelope carries data outside what is signed',
    description:
      'A JAdES / JWS JSON envelope has members beside payload and signatures. Only the payload is signed and read; anything next to it may have been added by anyone and is ignored.',
    hint: 'Do not rely on data outside the payload; ask the issuer for the original file.',
  },
  FORMAT_REFERENCE_LOOP: {
    check: 'format',
    severity: 'info',
    title: 'The credential graph contains a reference loop',
    description: 'Nodes refer to each other by id in a cycle (legal in ELM); each node was read once.',
    hint: 'No action needed; reported so that a reader knows the graph was cut.',
  },
};
