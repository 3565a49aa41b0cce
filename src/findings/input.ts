import type { FindingCatalogue } from './types.js';

export const INPUT_FINDINGS: FindingCatalogue = {
  INPUT_UNREADABLE: {
    check: 'input',
    severity: 'error',
    title: 'The file could not be read',
    description: 'The operating system refused to read the file (permissions, a directory, a broken link).',
    hint: 'Check that the path names a readable regular file.',
  },
  INPUT_EMPTY: {
    check: 'input',
    severity: 'error',
    title: 'The file is empty',
    description: 'The file has no content, or only white space.',
    hint: 'Export the credential again; an empty file is usually a failed download or save.',
  },
  INPUT_TOO_LARGE: {
    check: 'input',
    severity: 'error',
    title: 'The file is larger than the size limit',
    description: 'Files above the limit (default 10 MiB, `--max-size`) are not parsed, to keep a batch safe.',
    hint: 'Raise the limit with --max-size if the file is genuine (EDC files with embedded images can be large).',
  },
  INPUT_NOT_UTF8: {
    check: 'input',
    severity: 'error',
    title: 'The file is not UTF-8 text',
    description: 'JSON must be UTF-8 (RFC 8259). UTF-16 files and invalid byte sequences are refused.',
    hint: 'Re-save the file as UTF-8.',
  },
  INPUT_BOM: {
    check: 'input',
    severity: 'info',
    title: 'A UTF-8 byte-order mark was skipped',
    description: 'The file starts with EF BB BF. RFC 8259 lets parsers ignore it; mcred reads past it.',
    hint: 'Save without a BOM to keep other tools happy.',
  },
  INPUT_NOT_JSON: {
    check: 'input',
    severity: 'error',
    title: 'The file is not valid JSON',
    description: 'JSON.parse failed; the message gives the position.',
    hint: 'Check the file in a JSON validator; it may be truncated or be a JWT or XML.',
  },
  INPUT_TOO_DEEP: {
    check: 'input',
    severity: 'error',
    title: 'The JSON is nested deeper than the limit',
    description: 'Documents nested deeper than the limit (default 64 levels, `--max-depth`) are refused.',
    hint: 'Real credentials nest far less; the file may be hostile or generated wrongly.',
  },
  INPUT_NOT_OBJECT: {
    check: 'input',
    severity: 'error',
    title: 'The JSON is not an object',
    description:
      'A credential is a JSON object. A top-level array is read as one item per element; anything else is refused.',
    hint: 'Wrap the credential in an object, or check that the right file was given.',
  },
};
