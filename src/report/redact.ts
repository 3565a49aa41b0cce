// --redact: the learner's personal data (GDPR) replaced by a stable short hash, everywhere in a
// result: the learner element itself, and every other string that quotes one of its values
// (finding messages, evidence texts, learning outcomes such as "Jane Doe has completed …",
// check details). The file name and the file's SHA-256 are kept: they identify the evidence,
// not the person. Pure: the result passed in is not changed.
import { createHash } from 'node:crypto';
import type { ElementResult, LangMap, LearnerValue } from '../model/elements.js';
import type { CredentialResult } from '../model/results.js';

export const REDACTED_PREFIX = 'redacted:';

/**
 * Fixed for the tool, so that the same value gives the same token in every run and on every
 * machine (a case file can still tell "the same learner" apart from "another learner"), while
 * the token is not the plain SHA-256 of the value that anyone could look up.
 */
const SALT = 'mcred/redact/v1';

/** Shorter values (one character) are too common to look for elsewhere; the learner's own fields are still replaced. */
const MIN_QUOTED_LENGTH = 2;

/**
 * `redacted:` and the first 10 hex digits of SHA-256(salt, NUL, value), the value taken in NFC,
 * trimmed and lower-cased: "Jane DOE" quoted in a message gets the token of "Jane Doe".
 */
export function redactionToken(value: string): string {
  const canonical = value.normalize('NFC').trim().toLowerCase();
  const digest = createHash('sha256').update(`${SALT}\u0000${canonical}`).digest('hex');
  return `${REDACTED_PREFIX}${digest.slice(0, 10)}`;
}

/** The learner's personal values: names, id, date of birth, e-mail, national id, identifiers. */
export function learnerPersonalValues(learner: LearnerValue): string[] {
  const values: string[] = [];
  const add = (value: string | undefined) => {
    if (typeof value === 'string' && value.trim() !== '') values.push(value);
  };
  const addMap = (map: LangMap | undefined) => Object.values(map ?? {}).forEach(add);
  addMap(learner.name);
  addMap(learner.givenName);
  addMap(learner.familyName);
  add(learner.id);
  add(learner.dateOfBirth);
  add(learner.email);
  add(learner.nationalId);
  for (const identifier of learner.identifiers ?? []) add(identifier.value);
  return [...new Set(values)];
}

/** Replaces every value in `values` (case-insensitively, as a whole word) with its token. */
export function makeRedactor(values: string[]): (text: string) => string {
  // Longest first, so "Ana Andromeda" becomes one token rather than "Ana" and "Andromeda".
  const quoted = values
    .map((v) => v.normalize('NFC').trim())
    .filter((v) => [...v].length >= MIN_QUOTED_LENGTH)
    .sort((a, b) => b.length - a.length);
  if (quoted.length === 0) return (text) => text;
  const pattern = new RegExp(
    // Not inside a longer word: "Max" is replaced in "Max passed", not in "Maximum".
    `(?<![\\p{L}\\p{N}_])(?:${quoted.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}_])`,
    'giu',
  );
  return (text) => text.normalize('NFC').replace(pattern, (match) => redactionToken(match));
}

/** Escapes the syntax characters (the only escapes a `u` pattern allows). */
function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** The result with the learner's personal data replaced by tokens (file and sha256 kept). */
export function redactResult(result: CredentialResult): CredentialResult {
  const learner = result.elements.learner;
  const values = learner.value ? learnerPersonalValues(learner.value) : [];
  if (values.length === 0) return result;
  const redact = makeRedactor(values);
  const { file, sha256, elements, ...rest } = result;
  const redactedElements = { ...elements };
  for (const key of Object.keys(elements) as (keyof typeof elements)[]) {
    if (key === 'learner') continue;
    (redactedElements as Record<string, unknown>)[key] = redactDeep(elements[key], redact);
  }
  redactedElements.learner = redactLearner(learner, redact);
  return {
    file,
    ...(sha256 !== undefined ? { sha256 } : {}),
    elements: redactedElements,
    ...(redactDeep(rest, redact) as typeof rest),
  };
}

/** Every personal field replaced outright (not only where it matches), then the rest walked. */
function redactLearner(
  learner: ElementResult<'learner'>,
  redact: (text: string) => string,
): ElementResult<'learner'> {
  const value = learner.value;
  if (!value) return learner;
  const token = (text: string | undefined) => (text === undefined ? undefined : redactionToken(text));
  const tokenMap = (map: LangMap | undefined) =>
    map === undefined
      ? undefined
      : Object.fromEntries(Object.entries(map).map(([lang, text]) => [lang, redactionToken(text)]));
  const redacted: LearnerValue = {
    ...(redactDeep(value, redact) as LearnerValue),
    identifiers: value.identifiers.map((identifier) => ({
      ...(redactDeep(identifier, redact) as typeof identifier),
      ...(identifier.value !== undefined ? { value: redactionToken(identifier.value) } : {}),
    })),
  };
  const fields = {
    id: token(value.id),
    name: tokenMap(value.name),
    givenName: tokenMap(value.givenName),
    familyName: tokenMap(value.familyName),
    dateOfBirth: token(value.dateOfBirth),
    email: token(value.email),
    nationalId: token(value.nationalId),
  };
  for (const [key, field] of Object.entries(fields)) {
    if (field !== undefined) (redacted as unknown as Record<string, unknown>)[key] = field;
  }
  return { ...learner, value: redacted, pointers: learner.pointers.map(redact) };
}

/** A copy of `value` with `redact` applied to every string (object keys are kept). */
function redactDeep(value: unknown, redact: (text: string) => string): unknown {
  if (typeof value === 'string') return redact(value);
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, redact));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactDeep(v, redact)]));
  }
  return value;
}
