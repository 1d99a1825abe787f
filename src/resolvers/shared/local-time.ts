// SS 12000 date-times are instants (UTC on the wire, or with an offset). A lesson at 08:15 is read
// by people as 08:15, so the graph offers each time a person reads as the wall time of a zone too:
// `localStartTime` beside `startTime`, in the zone the caller names or else the producer's
// configured one (`producers.<name>.timeZone`, Europe/Stockholm by default).
import type { ProducerSource } from '../../sources';
import { inTimeZone, isTimeZone } from '../../lib/time-zones';
import { badUserInput } from './errors';

export const TIME_ZONE_ARGUMENT = {
  nullable: true,
  description:
    "IANA time zone, e.g. Europe/Stockholm; the producer's configured zone when not given (Europe/Stockholm unless the deployment says otherwise).",
} as const;

export const localTimeDescription = (field: string): string =>
  `\`${field}\` as the wall time of \`timeZone\`, with that zone's offset then: 2026-09-01T08:15:00+02:00 for 06:15 UTC in Europe/Stockholm.`;

/** `value` written in `timeZone` (or the producer's zone); null when there is no value. */
export function localTime(value: string | null | undefined, timeZone: string | null | undefined, producer: ProducerSource): string | null {
  const zone = timeZone ?? producer.tuning.timeZone;
  if (!isTimeZone(zone)) throw badUserInput('timeZone is not an IANA time zone this gateway knows (e.g. Europe/Stockholm).', 'timeZone');
  if (value == null) return null;
  return inTimeZone(value, zone) ?? null;
}
