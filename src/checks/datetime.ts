// Strict RFC 3339 date-times: nothing is rolled over (minute 73 is an error, not 20:13),
// a second 60 is accepted only where it is 23:59:60 UTC, offsets stay within ±14:00, and a
// value without an offset is reported as such instead of being read as host-local time.

export type DateTimeProblem =
  | 'not a date-time'
  | 'month out of range'
  | 'day out of range'
  | 'hour out of range'
  | 'minute out of range'
  | 'second out of range'
  | 'leap second not at 23:59:60 UTC'
  | 'offset out of range';

export type ParsedDateTime =
  { ok: true; date: Date; hasOffset: boolean } | { ok: false; problem: DateTimeProblem };

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})?$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Parses a date-time; values without an offset are read as UTC (and say so through hasOffset). */
export function parseDateTime(text: string): ParsedDateTime {
  const m = RFC3339.exec(text);
  if (!m) return { ok: false, problem: 'not a date-time' };
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const fraction = m[7] ? Number(`0${m[7]}`) : 0;
  const zone = m[8];
  if (month < 1 || month > 12) return { ok: false, problem: 'month out of range' };
  if (day < 1 || day > daysInMonth(year, month)) return { ok: false, problem: 'day out of range' };
  if (hour > 23) return { ok: false, problem: 'hour out of range' };
  if (minute > 59) return { ok: false, problem: 'minute out of range' };
  if (second > 60) return { ok: false, problem: 'second out of range' };
  let offsetMinutes = 0;
  if (zone && zone.toUpperCase() !== 'Z') {
    const sign = zone[0] === '-' ? -1 : 1;
    const oh = Number(zone.slice(1, 3));
    const om = Number(zone.slice(4, 6));
    if (om > 59 || oh * 60 + om > 14 * 60) return { ok: false, problem: 'offset out of range' };
    offsetMinutes = sign * (oh * 60 + om);
  }
  const utcMinutes = hour * 60 + minute - offsetMinutes;
  if (second === 60 && ((utcMinutes % 1440) + 1440) % 1440 !== 23 * 60 + 59) {
    return { ok: false, problem: 'leap second not at 23:59:60 UTC' };
  }
  // A leap second is represented as the last millisecond-precision instant before the next minute.
  const ms =
    Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59)) -
    offsetMinutes * 60_000 +
    (second === 60 ? 999 : fraction * 1000);
  return { ok: true, date: new Date(ms), hasOffset: zone !== undefined };
}

const FULL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** An RFC 3339 full-date (2024-06-30) as the start of that day in UTC; undefined when invalid. */
export function parseFullDate(text: string): Date | undefined {
  const m = FULL_DATE.exec(text);
  if (!m) return undefined;
  const [year, month, day] = m.slice(1).map(Number) as [number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return new Date(Date.UTC(year, month - 1, day));
}

/** Parses `--skew`: seconds as a number, or with a unit (300, 300s, 5m, 1h). */
export function parseSkew(text: string): number | undefined {
  const m = /^(\d+)\s*(s|m|h)?$/.exec(text.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  return m[2] === 'h' ? n * 3600 : m[2] === 'm' ? n * 60 : n;
}
