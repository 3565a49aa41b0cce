// Choosing a language for multilingual values (language maps: tag → text). The order of
// preference: the language asked for (mcred inspect --lang), else the system locale; then English;
// then the first value the credential gives. `und` is the key of a text whose language the
// credential does not state. Pure functions, except systemLanguage(), which reads the locale.
import type { ElementMap, LangMap } from '../model/elements.js';

/** The key of a text with no stated language. */
export const UNDETERMINED = 'und';

/** A language preference: one tag, or tags in order of preference. */
export type LangPreference = string | readonly string[];

/** A text chosen from a language map, and the key it was found under. */
export interface PickedText {
  text: string;
  lang: string;
}

const TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;

/**
 * A BCP 47-like tag from what users and systems write: "nl_NL.UTF-8" → "nl-NL", "EN" → "en".
 * Undefined for "C", "POSIX", the empty string and anything that is not a language tag.
 */
export function normaliseTag(tag: string | undefined): string | undefined {
  if (!tag) return undefined;
  const base = tag.trim().split(/[.@]/)[0]!.replace(/_/g, '-');
  if (!TAG.test(base) || /^(c|posix)$/i.test(base)) return undefined;
  const [primary, ...rest] = base.split('-');
  return [primary!.toLowerCase(), ...rest.map((p) => (p.length === 2 ? p.toUpperCase() : p))].join('-');
}

/** Whether a --lang value is a usable language tag (e.g. en, nl-BE, pt_BR, und). */
export function isLanguageTag(tag: string): boolean {
  return normaliseTag(tag) !== undefined;
}

/**
 * The system's language: the default locale of Intl (which follows LC_ALL / LANG), else the
 * LC_ALL, LC_MESSAGES or LANG variable. Undefined when none names a language.
 */
export function systemLanguage(env: NodeJS.ProcessEnv = process.env): string | undefined {
  let intl: string | undefined;
  try {
    intl = Intl.DateTimeFormat().resolvedOptions().locale;
  } catch {
    intl = undefined;
  }
  return normaliseTag(intl) ?? normaliseTag(env.LC_ALL ?? env.LC_MESSAGES ?? env.LANG);
}

/** The preference list: the tags given (normalised, in order), then English. */
export function languagePreference(lang?: LangPreference): string[] {
  const given = lang === undefined ? [] : typeof lang === 'string' ? [lang] : [...lang];
  const tags = given.map((t) => (t === UNDETERMINED ? t : normaliseTag(t))).filter((t): t is string => !!t);
  return [...new Set([...tags, 'en'])];
}

const primaryOf = (tag: string) => tag.split('-')[0]!.toLowerCase();

/**
 * Which of the available keys the preference picks: for each preferred tag in turn, the same tag
 * (ignoring case), else one with the same primary language (nl ↔ nl-BE); then English; then the
 * first key. Undefined when nothing is available.
 */
export function pickLanguage(available: readonly string[], lang?: LangPreference): string | undefined {
  if (available.length === 0) return undefined;
  for (const wanted of languagePreference(lang)) {
    const exact = available.find((k) => k.toLowerCase() === wanted.toLowerCase());
    if (exact !== undefined) return exact;
    if (wanted === UNDETERMINED) continue;
    const sameLanguage = available.find((k) => k !== UNDETERMINED && primaryOf(k) === primaryOf(wanted));
    if (sameLanguage !== undefined) return sameLanguage;
  }
  return available[0];
}

/** The text in the preferred language (see pickLanguage); undefined for an empty or absent map. */
export function pickText(map: LangMap | undefined, lang?: LangPreference): PickedText | undefined {
  if (!map) return undefined;
  const key = pickLanguage(
    Object.keys(map).filter((k) => typeof map[k] === 'string'),
    lang,
  );
  return key === undefined ? undefined : { text: map[key]!, lang: key };
}

/** Every language map among the element values (titles, names, labels, outcomes, notes). */
export function langMapsOf(elements: ElementMap): LangMap[] {
  const maps: (LangMap | undefined)[] = [];
  const v = <K extends keyof ElementMap>(key: K) =>
    elements[key].present ? (elements[key].value as ElementMap[K]['value']) : undefined;
  const learner = v('learner');
  maps.push(learner?.name, learner?.givenName, learner?.familyName);
  maps.push(v('title'), v('prerequisites'), v('furtherInformation')?.text);
  const body = v('awardingBody');
  for (const org of [...(body?.bodies ?? []), ...(body?.issuer ? [body.issuer] : [])]) maps.push(org.name);
  for (const outcome of v('learningOutcomes')?.outcomes ?? []) maps.push(outcome.text);
  for (const key of ['assessmentType', 'participationForm', 'supervision', 'stackability'] as const)
    maps.push(v(key)?.label);
  for (const entry of v('qualityAssurance')?.entries ?? []) maps.push(entry.title, entry.type?.label);
  return maps.filter((m): m is LangMap => !!m && typeof m === 'object');
}

/** The languages the credential's multilingual values are given in, sorted; `und` last. */
export function languagesOf(elements: ElementMap): string[] {
  const tags = new Set<string>();
  for (const map of langMapsOf(elements)) for (const key of Object.keys(map)) tags.add(key);
  return [...tags].sort((a, b) =>
    a === UNDETERMINED ? 1 : b === UNDETERMINED ? -1 : a < b ? -1 : a > b ? 1 : 0,
  );
}
