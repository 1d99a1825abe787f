// IANA time zones with Node's Intl alone: whether a zone exists, its offset at an instant, and an
// instant written as the wall time of a zone. Formatters are built once per zone (they are costly).

const zoneFormatters = new Map<string, Intl.DateTimeFormat>();

const formatterFor = (zone: string): Intl.DateTimeFormat => {
  let formatter = zoneFormatters.get(zone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    zoneFormatters.set(zone, formatter);
  }
  return formatter;
};

/** True when `zone` is an IANA time zone this runtime knows. */
export const isTimeZone = (zone: string): boolean => {
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
};

/** Minutes `zone` is ahead of UTC at the instant `utcMs`. */
export const offsetMinutes = (zone: string, utcMs: number): number => {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(zone).formatToParts(new Date(utcMs))) if (part.type !== 'literal') parts[part.type] = Number(part.value);
  const wall = Date.UTC(parts['year']!, parts['month']! - 1, parts['day']!, parts['hour']! % 24, parts['minute']!, parts['second']!);
  return Math.round((wall - Math.floor(utcMs / 1000) * 1000) / 60_000);
};

const two = (n: number): string => String(n).padStart(2, '0');

/** `+02:00` for 120 minutes. */
export const offsetText = (minutes: number): string => {
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
};

/**
 * The instant `iso` as the wall time of `zone`, with that zone's offset then:
 * `2026-09-01T06:15:00Z` in Europe/Stockholm is `2026-09-01T08:15:00+02:00`. Undefined for a value
 * that is not a date-time. The zone must exist (isTimeZone).
 */
export function inTimeZone(iso: string, zone: string): string | undefined {
  const utcMs = Date.parse(iso);
  if (Number.isNaN(utcMs)) return undefined;
  const offset = offsetMinutes(zone, utcMs);
  const wall = new Date(Math.floor(utcMs / 1000) * 1000 + offset * 60_000);
  return `${wall.toISOString().slice(0, 19)}${offsetText(offset)}`;
}
