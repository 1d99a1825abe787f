import type * as W from '../../ss12000/wire';
import { ABSENCE_LEAVE, ABSENCE_NONE, dayAbsence } from './attendance-model';
import { localTime } from './calendar';
import { EncodedIds } from './encoded-ids';
import type { LazySource } from './lazy-collection';
import type { Ref, World } from './model';
import { hash } from './random';

const DAY_MS = 86_400_000;

/**
 * Whole-day absences reported in advance — 'Anmäld frånvaro' (a guardian calls in sick) and
 * 'Beviljad ledighet' (leave the principal granted) — from the same `dayAbsence` function
 * that makes those lessons valid absence in /attendances. Key: student × days + day.
 *
 * `where` fields: 'student.id', 'organisation.id' (the student's school unit).
 */
export class AbsenceSource implements LazySource<W.Absence> {
  readonly count: number;
  private readonly ids: EncodedIds;

  constructor(
    private readonly world: World,
    private readonly studentRefs: readonly Ref[],
    private readonly guardianOf: readonly (Ref | undefined)[],
  ) {
    this.ids = new EncodedIds(world.config.seed, 'absence');
    let count = 0;
    for (const _ of this.keys()) count++;
    this.count = count;
  }

  *keys(): IterableIterator<number> {
    for (let s = 0; s < this.world.studentIds.length; s++) yield* this.ofStudent(s);
  }

  decode(id: string): number | undefined {
    const parts = this.ids.decode(id);
    if (!parts) return undefined;
    const [check, key] = parts;
    const d = key % this.world.days.length;
    const s = (key - d) / this.world.days.length;
    if (s >= this.world.studentIds.length || check !== hash(this.world.config.seed, key, 0xab)) return undefined;
    return dayAbsence(this.world.config.seed, s, d) === ABSENCE_NONE ? undefined : key;
  }

  build(key: number): W.Absence {
    const { days, config, studentUnit, units } = this.world;
    const d = key % days.length;
    const s = (key - d) / days.length;
    const day = days[d] as World['days'][number];
    const unit = units[studentUnit[s] as number] as World['units'][number];
    const leave = dayAbsence(config.seed, s, d) === ABSENCE_LEAVE;
    const h = hash(config.seed, key, 0x4e);
    // Sick calls come in that morning; leave is applied for two to four weeks ahead.
    const registered = leave
      ? Date.parse(`${day.date}T09:00:00Z`) - (14 + (h % 15)) * DAY_MS + (h % 420) * 60_000
      : Date.parse(`${day.date}T05:00:00Z`) + (h % 60) * 60_000;
    const iso = new Date(registered).toISOString();
    const guardian = this.guardianOf[s];
    const registeredBy = leave ? unit.principal : guardian;
    return {
      id: this.ids.encode(hash(config.seed, key, 0xab), key),
      meta: { created: iso, modified: iso },
      startTime: localTime(day, 8 * 60),
      endTime: localTime(day, 16 * 60),
      type: leave ? 'Beviljad ledighet' : 'Anmäld frånvaro',
      student: this.studentRefs[s] as Ref,
      organisation: unit.ref,
      ...(registeredBy ? { registeredBy } : {}),
    };
  }

  whereKeys(field: string, id: string): Iterable<number> | undefined {
    if (field === 'student.id') {
      const s = this.world.studentIndex.get(id);
      return s === undefined ? [] : this.ofStudent(s);
    }
    if (field === 'organisation.id') {
      const unit = this.world.units.find((u) => u.ref.id === id);
      return unit ? this.ofStudents(unit.students) : [];
    }
    return undefined;
  }

  private *ofStudents(students: readonly number[]): IterableIterator<number> {
    for (const s of students) yield* this.ofStudent(s);
  }

  private *ofStudent(s: number): IterableIterator<number> {
    const seed = this.world.config.seed;
    const n = this.world.days.length;
    for (let d = 0; d < n; d++) if (dayAbsence(seed, s, d) !== ABSENCE_NONE) yield s * n + d;
  }
}
