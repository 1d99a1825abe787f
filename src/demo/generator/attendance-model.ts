// The per-lesson attendance model: every value is a pure function of (seed, event, student),
// so rows never need storing and the aggregates sum exactly what /attendances serves.
import type { World } from './model';
import { hash, unit } from './random';

export const ABSENCE_NONE = 0;
export const ABSENCE_SICK = 1;
export const ABSENCE_LEAVE = 2;

/** Indexes into the scratch row `lessonMinutes` fills. */
export const ATTENDED = 0;
export const VALID = 1;
export const INVALID = 2;
export const OTHER = 3;
export const REPORTED = 4;
export const OFFERED = 5;
/** 0 present, 1 sick, 2 leave, 3 invalid absence, 4 late, 5 other school activity. */
export const REASON = 6;

/** About one student in 25 is absent far more often than the rest. */
export const isHighAbsence = (seed: number, s: number): boolean => unit(seed, s, 0xab5) < 0.04;

/** Whole-day absence, reported in advance (Absence rows): sick (Anmäld frånvaro) or granted leave (Beviljad ledighet). */
export const dayAbsence = (seed: number, s: number, day: number): number => {
  const high = isHighAbsence(seed, s);
  const r = unit(seed, s, day, 0xd1);
  const sick = high ? 0.1 : 0.03;
  if (r < sick) return ABSENCE_SICK;
  return r < sick + (high ? 0.012 : 0.005) ? ABSENCE_LEAVE : ABSENCE_NONE;
};

/** Teachers have finished reporting 97 % of lessons. */
export const isReported = (seed: number, e: number): boolean => hash(seed, e, 0x5e9) % 100 >= 3;

/**
 * Fills `out` with the minutes of student s at event e. Pre-reported whole-day absence is
 * valid absence whether or not the lesson is reported; otherwise unreported lessons carry
 * no minutes. Reported lessons: full attendance, or invalid absence, lateness (partial
 * minutes), or another school activity.
 */
export const lessonMinutes = (world: World, e: number, s: number, out: Int32Array): Int32Array => {
  const seed = world.config.seed;
  const minutes = world.schedule.minutes[e] as number;
  out.fill(0);
  out[OFFERED] = minutes;
  const reported = isReported(seed, e);
  if (reported) out[REPORTED] = minutes;
  const absence = dayAbsence(seed, s, world.schedule.day[e] as number);
  if (absence !== ABSENCE_NONE) {
    out[VALID] = minutes;
    out[REASON] = absence;
    return out;
  }
  if (!reported) return out;
  const high = isHighAbsence(seed, s);
  const h = hash(seed, e, s, 0x1e5);
  const r = h / 4294967296;
  const invalid = high ? 0.08 : 0.01;
  const late = invalid + (high ? 0.08 : 0.03);
  if (r < invalid) {
    out[INVALID] = minutes;
    out[REASON] = 3;
  } else if (r < late) {
    const lateBy = 5 + (h & 15);
    out[INVALID] = lateBy;
    out[ATTENDED] = minutes - lateBy;
    out[REASON] = 4;
  } else if (r < late + 0.005) {
    out[OTHER] = minutes;
    out[REASON] = 5;
  } else {
    out[ATTENDED] = minutes;
  }
  return out;
};
