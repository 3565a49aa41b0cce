// Normalising source values: language maps, numbers written as strings, durations, countries.
import countries from 'i18n-iso-countries';
import type {
  LangMap,
  LevelEntry,
  LevelValue,
  QfEheaCycle,
  WorkloadEntry,
  WorkloadValue,
} from '../model/elements.js';
import { isObject, scalarText, type Located } from './json.js';

/**
 * Reads multilingual text in any of the shapes credentials use:
 * "text", {"en": "text"}, {"en": ["text"]}, {"@value": "text", "@language": "en"}, or arrays of these.
 * Returns undefined when there is no text at all.
 */
export function langMap(value: unknown, depth = 0): LangMap | undefined {
  if (depth > 4 || value === undefined || value === null) return undefined;
  const text = scalarText(value);
  if (text !== undefined) return text.trim() === '' ? undefined : { und: text };
  if (Array.isArray(value)) {
    const merged: LangMap = {};
    for (const v of value) {
      const m = langMap(v, depth + 1);
      if (m)
        for (const [lang, s] of Object.entries(m)) merged[lang] = merged[lang] ? `${merged[lang]}\n${s}` : s;
    }
    return Object.keys(merged).length > 0 ? merged : undefined;
  }
  if (isObject(value)) {
    if ('@value' in value) {
      const s = scalarText(value['@value']);
      if (s === undefined) return undefined;
      const lang = typeof value['@language'] === 'string' ? value['@language'] : 'und';
      return { [lang]: s };
    }
    const map: LangMap = {};
    for (const [lang, v] of Object.entries(value)) {
      if (!/^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/.test(lang) && lang !== 'und') continue;
      const parts = (Array.isArray(v) ? v : [v]).map(scalarText).filter((s): s is string => s !== undefined);
      if (parts.length > 0) map[lang] = parts.join('\n');
    }
    return Object.keys(map).length > 0 ? map : undefined;
  }
  return undefined;
}

/** A number from a number or a numeric string ("3", "2.5", "2,5"); null otherwise. */
export function toNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  const text = value.trim().replace(/^(\d+),(\d+)$/, '$1.$2');
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(text)) return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

/**
 * An xsd:duration as notional workload. Only the time part (PT60H, PT90M) is hours of learning;
 * a duration with years, months, weeks or days (P2M, P1D) is calendar time, not workload, and is
 * never converted (how many hours is a month of study?).
 */
export type DurationReading = { kind: 'hours'; hours: number } | { kind: 'calendar' } | { kind: 'invalid' };

export function readDuration(value: unknown): DurationReading {
  if (typeof value !== 'string') return { kind: 'invalid' };
  const m =
    /^P(?!$)(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?!$)(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(
      value.trim(),
    );
  if (!m) return { kind: 'invalid' };
  if (m[1] || m[2] || m[3] || m[4]) return { kind: 'calendar' };
  const [h, mi, s] = m.slice(5).map((x) => (x ? Number(x) : 0)) as [number, number, number];
  return { kind: 'hours', hours: h + mi / 60 + s / 3600 };
}

/** Hours in a time-only xsd:duration (PT60H); null for calendar durations and non-durations. */
export function durationToHours(value: unknown): number | null {
  const reading = readDuration(value);
  return reading.kind === 'hours' ? reading.hours : null;
}

/** A workload entry for an xsd:duration: hours for PT…H, unit 'calendar' for P2M and the like. */
export function durationEntry(loc: Located): WorkloadEntry {
  const reading = readDuration(loc.value);
  return {
    kind: 'duration',
    amount: reading.kind === 'hours' ? reading.hours : null,
    rawValue: loc.value,
    unit: reading.kind === 'calendar' ? 'calendar' : 'hours',
    pointer: loc.pointer,
  };
}

const EU_COUNTRY_AUTHORITY =
  /^https?:\/\/publications\.europa\.eu\/resource\/authority\/country\/([A-Za-z0-9]{2,3})$/;

/** Codes the EU country authority uses that are not ISO 3166-1 but name a real place. */
const EU_AUTHORITY_EXTRAS: Record<string, string> = { EL: 'GR', UK: 'GB', XKX: 'XK', '1A0': 'XK' };

/**
 * ISO 3166-1 alpha-2 for an alpha-2 code, an alpha-3 code or an EU country-authority URI.
 * Undefined when the value is none of these (e.g. "XX").
 */
export function toAlpha2(raw: string): string | undefined {
  let code = raw.trim();
  const uri = EU_COUNTRY_AUTHORITY.exec(code);
  if (uri) code = uri[1]!;
  code = code.toUpperCase();
  if (EU_AUTHORITY_EXTRAS[code]) return EU_AUTHORITY_EXTRAS[code];
  if (code.length === 2 && countries.isValid(code)) return code;
  if (code.length === 3) {
    const alpha2 = countries.alpha3ToAlpha2(code);
    if (alpha2) return alpha2;
  }
  return undefined;
}

/** Lower-cased, accent-free, single-spaced text for comparing labels. */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ')
    .trim();
}

/** Any text of a language map, preferring English. */
export function anyText(map: LangMap | undefined): string | undefined {
  if (!map) return undefined;
  return map.en ?? map.und ?? Object.values(map)[0];
}

/**
 * The QF-EHEA cycle named by a text: "short", "first", "1st cycle", "second cycle (master)", "3"…
 * Undefined when the text names none.
 */
export function qfEheaCycle(text: string): QfEheaCycle | undefined {
  const t = foldText(text);
  if (/\bshort\b/.test(t)) return 'short';
  if (/\b(first|1st|bachelor'?s?)\b/.test(t) || /^(cycle )?1$/.test(t)) return 'first';
  if (/\b(second|2nd|master'?s?)\b/.test(t) || /^(cycle )?2$/.test(t)) return 'second';
  if (/\b(third|3rd|doctoral|doctorate|phd)\b/.test(t) || /^(cycle )?3$/.test(t)) return 'third';
  return undefined;
}

/** The level element from its entries: EQF 1–8, the QF-EHEA cycle and the NQF level, as the first entries name them. */
export function levelValue(entries: LevelEntry[]): LevelValue {
  const value: LevelValue = {
    raw: entries.length === 1 ? entries[0]!.raw : entries.map((e) => e.raw),
    entries,
  };
  for (const entry of entries) {
    if (entry.framework === 'EQF' && value.eqf === undefined && /^\d+$/.test(entry.code)) {
      const n = Number(entry.code);
      if (n >= 1 && n <= 8) value.eqf = n;
    }
    if (entry.framework === 'QF-EHEA' && value.qfEhea === undefined) {
      const cycle = qfEheaCycle(entry.code);
      if (cycle) value.qfEhea = cycle;
    }
    if (entry.framework === 'NQF' && value.nqf === undefined) value.nqf = entry.code;
  }
  return value;
}

/** The workload element from its entries, taking the first ECTS and the first hours amount (native record, OB3). */
export function firstWorkloadValue(entries: WorkloadEntry[]): WorkloadValue {
  const value: WorkloadValue = {
    raw: entries.length === 1 ? entries[0]!.rawValue : entries.map((e) => e.rawValue),
    entries,
  };
  const ects = entries.find((e) => e.unit === 'ECTS' && e.amount !== null);
  if (ects) value.ects = ects.amount!;
  const hours = entries.find((e) => e.unit === 'hours' && e.amount !== null);
  if (hours) value.hours = hours.amount!;
  return value;
}
