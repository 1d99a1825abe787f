// The förskola (schoolType FS) of the synthetic municipality: units, children, avdelningar, staff,
// placements, vistelsescheman and check-ins, as SS 12000 describes them.
import { generateMunicipality } from '../../../src/demo/generator';
import { isValidCivicNo, sexOfCivicNo } from '../../../src/demo/generator/civic-no';
import type { Dataset } from '../../../src/demo/dataset';
import { validatorFor } from '../../../src/ss12000/spec-validator';
import type * as W from '../../../src/ss12000/wire';

const TERM_START = '2026-08-17';
const dataset = generateMunicipality({ students: 3000 });
const organisations = [...dataset.organisations.values()];
const preschools = organisations.filter((o) => o.schoolTypes?.includes('FS'));
const preschoolIds = new Set(preschools.map((o) => o.id));
const placements = [...dataset.placements.values()].filter((p) => p.schoolType === 'FS');
const children = placements.map((p) => dataset.persons.get(p.child.id) as W.Person);
const avdelningar = [...dataset.groups.values()].filter((g) => g.groupType === 'Avdelning');
const schedules = placements.map((p) => [...(dataset.attendanceSchedule.where?.('placement.id', p.id) ?? [])]);
const duties = [...dataset.duties.values()].filter((d) => preschoolIds.has(d.dutyAt.id));

const ageAtTermStart = (birthDate: string): number =>
  Number(TERM_START.slice(0, 4)) - Number(birthDate.slice(0, 4)) - (TERM_START.slice(5) < birthDate.slice(5) ? 1 : 0);
const minuteOf = (time: unknown): number => Number(String(time).slice(0, 2)) * 60 + Number(String(time).slice(3, 5));
const fsRows = (d: Dataset) => JSON.stringify([...d.placements.values()].filter((p) => p.schoolType === 'FS'));

describe('förskola units', () => {
  it('are school units (Skolenhet) of school type FS under the huvudman, named Förskolan …, one per 1,000 students', () => {
    const huvudman = organisations.find((o) => o.organisationType === 'Huvudman');
    expect(preschools).toHaveLength(3);
    for (const unit of preschools) {
      expect(unit).toMatchObject({ organisationType: 'Skolenhet', schoolTypes: ['FS'], parentOrganisation: { id: huvudman?.id } });
      expect(unit.displayName).toMatch(/^Förskolan \p{L}+/u);
      expect(unit.schoolUnitCode).toMatch(/^\d{8}$/);
      expect(unit.address?.streetAddress).toBeTruthy();
    }
    expect(generateMunicipality({ students: 600 }).description.schoolUnits - 3).toBe(1);
  });

  it('come after the school units in the organisation list, with codes no other unit has', () => {
    expect(organisations.slice(-preschools.length)).toEqual(preschools);
    const units = organisations.filter((o) => o.organisationType === 'Skolenhet');
    expect(new Set(units.map((u) => u.schoolUnitCode)).size).toBe(units.length);
    expect(new Set(units.map((u) => u.organisationCode)).size).toBe(units.length);
    expect(dataset.description.schoolUnits).toBe(units.length);
  });
});

describe('förskola children', () => {
  it('are about 0.2 × students, aged 1–5 at the start of term, with a civic number that matches birth date and sex', () => {
    expect(children).toHaveLength(600);
    expect(new Set(children.map((c) => ageAtTermStart(c.birthDate as string)))).toEqual(new Set([1, 2, 3, 4, 5]));
    const wrong = children.filter((c) => {
      const civicNo = c.civicNo?.value as string;
      return !isValidCivicNo(civicNo) || civicNo.slice(0, 8) !== c.birthDate?.replace(/-/g, '') || sexOfCivicNo(civicNo) !== c.sex;
    });
    expect(wrong).toEqual([]);
    const persons = [...dataset.persons.values()];
    expect(new Set(persons.map((p) => p.civicNo?.value)).size).toBe(persons.length);
  });

  it('have no enrolment, and exactly one placement: FS, at a förskola, in an avdelning of it that lists them', () => {
    const wrong = children.filter((child) => {
      const own = [...(dataset.placements.where?.('child.id', child.id) ?? [])];
      const placement = own[0] as W.Placement;
      const group = dataset.groups.get(placement.group?.id as string);
      return (
        child.enrolments !== undefined ||
        own.length !== 1 ||
        placement.schoolType !== 'FS' ||
        !preschoolIds.has(placement.placedAt.id) ||
        group?.groupType !== 'Avdelning' ||
        group.organisation.id !== placement.placedAt.id ||
        !group.groupMemberships?.some((m) => m.person.id === child.id)
      );
    });
    expect(wrong).toEqual([]);
  });

  it('have one or two guardians who exist and own the placement', () => {
    const wrong = placements.filter((p, i) => {
      const guardians = (children[i]?.responsibles ?? []).map((r) => r.person?.id);
      return (
        guardians.length < 1 ||
        guardians.length > 2 ||
        guardians.some((id) => !dataset.persons.get(id as string)) ||
        JSON.stringify(p.owners?.map((o) => o.id)) !== JSON.stringify(guardians)
      );
    });
    expect(wrong).toEqual([]);
  });

  it('are in about three cases in ten younger siblings of F-6 students, sharing their guardians and family name', () => {
    const enrolledAtF6 = (p: W.Person) =>
      p.enrolments?.some((e) => e.schoolType === 'FKLASS' || (e.schoolType === 'GR' && (e.schoolYear as number) <= 6)) ?? false;
    const siblings = children.flatMap((child) => {
      const guardian = child.responsibles?.[0]?.person?.id as string;
      const older = [...(dataset.persons.where?.('responsibles.person.id', guardian) ?? [])].filter((p) => p.enrolments?.length);
      return older.length > 0 ? [{ child, older }] : [];
    });
    expect(siblings.length / children.length).toBeGreaterThan(0.2);
    expect(siblings.length / children.length).toBeLessThan(0.4);
    for (const { child, older } of siblings) {
      expect(older.some(enrolledAtF6)).toBe(true);
      for (const student of older) {
        expect(child.responsibles).toEqual(student.responsibles);
        expect(child.familyName).toBe(student.familyName);
      }
    }
  });

  it('include about one in a hundred with a protected identity, and they have no address', () => {
    const marked = children.filter((c) => c.securityMarking !== 'Ingen');
    expect(marked.length).toBeGreaterThan(0);
    expect(marked.length / children.length).toBeLessThan(0.03);
    expect(marked.filter((c) => c.addresses !== undefined)).toEqual([]);
  });
});

describe('avdelningar and their staff', () => {
  it('hold 15–20 children each, all of them placed there', () => {
    expect(avdelningar.length).toBeGreaterThan(preschools.length);
    for (const group of avdelningar) {
      expect(group).toMatchObject({ schoolType: 'FS', startDate: TERM_START });
      expect(preschoolIds.has(group.organisation.id)).toBe(true);
      expect(group.groupMemberships?.length).toBeGreaterThanOrEqual(15);
      expect(group.groupMemberships?.length).toBeLessThanOrEqual(20);
      const placed = new Set([...(dataset.placements.where?.('group.id', group.id) ?? [])].map((p) => p.child.id));
      expect(new Set(group.groupMemberships?.map((m) => m.person.id))).toEqual(placed);
    }
  });

  it('have a rektor per förskola and about one förskollärare or barnskötare per five children, assigned to an avdelning there', () => {
    for (const unit of preschools) expect(duties.filter((d) => d.dutyAt.id === unit.id && d.dutyRole === 'Rektor')).toHaveLength(1);
    const pedagogues = duties.filter((d) => d.dutyRole !== 'Rektor');
    expect(new Set(pedagogues.map((d) => d.dutyRole))).toEqual(new Set(['Förskollärare', 'Barnskötare']));
    for (const duty of pedagogues) {
      const [role, ...more] = duty.assignmentRole ?? [];
      expect(more).toEqual([]);
      expect(role).toMatchObject({ assignmentRoleType: duty.dutyRole, startDate: TERM_START });
      expect(dataset.groups.get(role?.group.id as string)).toMatchObject({ groupType: 'Avdelning', organisation: duty.dutyAt });
    }
    expect(children.length / pedagogues.length).toBeGreaterThan(4);
    expect(children.length / pedagogues.length).toBeLessThan(6);
    for (const group of avdelningar) {
      const teachers = [...(dataset.duties.where?.('assignmentRole.group.id', group.id) ?? [])];
      expect(teachers.some((d) => d.dutyRole === 'Förskollärare')).toBe(true);
    }
  });
});

describe('förskola placements', () => {
  it('give the reason: Erbjuden tid (15 h) only for 3–5-year-olds, otherwise Omsorgsbehov or Eget behov with 40–45 h', () => {
    const byReason = new Map<string, number>();
    placements.forEach((p, i) => {
      byReason.set(p.reason as string, (byReason.get(p.reason as string) ?? 0) + 1);
      if (p.reason === 'Erbjuden tid') {
        expect(p.maxWeeklyScheduleHours).toBe(15);
        expect(ageAtTermStart(children[i]?.birthDate as string)).toBeGreaterThanOrEqual(3);
      } else {
        expect(p.maxWeeklyScheduleHours).toBeGreaterThanOrEqual(40);
        expect(p.maxWeeklyScheduleHours).toBeLessThanOrEqual(45);
      }
    });
    expect([...byReason.keys()].sort()).toEqual(['Eget behov', 'Erbjuden tid', 'Omsorgsbehov']);
    expect(byReason.get('Omsorgsbehov')).toBeGreaterThan(placements.length / 2);
  });

  it('mostly start with the term, some later in it (inskolning); the oldest end next summer, a few during the term', () => {
    const later = placements.filter((p) => p.startDate > TERM_START);
    expect(placements.filter((p) => p.startDate < TERM_START)).toEqual([]);
    expect(later.length).toBeGreaterThan(0);
    expect(later.length).toBeLessThan(placements.length * 0.2);
    expect(later.every((p) => p.startDate <= '2026-12-18')).toBe(true);
    placements.forEach((p, i) => {
      const oldest = children[i]?.birthDate?.startsWith('2021');
      if (oldest) expect(p.endDate).toBe('2027-07-31');
      else if (p.endDate !== undefined) expect(p.endDate > p.startDate && p.endDate <= '2026-12-18').toBe(true);
    });
    expect(placements.filter((p) => p.endDate !== undefined && p.endDate <= '2026-12-18').length).toBeGreaterThan(0);
  });
});

describe('förskola vistelsescheman', () => {
  it('exist once per placement, from its start, with full days that stay within maxWeeklyScheduleHours every week', () => {
    placements.forEach((p, i) => {
      const [schedule, ...more] = schedules[i] as W.AttendanceSchedule[];
      expect(more).toEqual([]);
      expect(schedule).toMatchObject({ startDate: p.startDate, state: [{ state: 'Godkänt' }] });
      const minutes = new Array<number>(schedule?.numberOfWeeks ?? 1).fill(0);
      for (const entry of schedule?.scheduleEntries ?? []) {
        const [start, end] = [minuteOf(entry.startTime), minuteOf(entry.endTime)];
        expect(start).toBeGreaterThanOrEqual(6 * 60 + 30);
        expect(end).toBeLessThanOrEqual(16 * 60 + 30);
        expect(end).toBeGreaterThan(start);
        minutes[entry.weekOffset] = (minutes[entry.weekOffset] as number) + end - start;
      }
      expect(Math.max(...minutes)).toBeLessThanOrEqual((p.maxWeeklyScheduleHours as number) * 60);
      expect(Math.min(...minutes)).toBeGreaterThan(0);
    });
    const fullDays = schedules
      .flat()
      .flatMap((s) => s.scheduleEntries ?? [])
      .filter((e) => minuteOf(e.endTime) - minuteOf(e.startTime) >= 8 * 60);
    expect(fullDays.length).toBeGreaterThan(placements.length);
  });
});

describe('förskola check-ins', () => {
  const WEEKDAYS = ['Måndag', 'Tisdag', 'Onsdag', 'Torsdag', 'Fredag'];

  it('are In/Ut pairs in the first week of term, inside the day and times of the child’s schedule, registered by a pedagogue of the avdelning', () => {
    let count = 0;
    placements.forEach((p, i) => {
      const events = [...(dataset.attendanceEvents.where?.('person.id', p.child.id) ?? [])];
      const schedule = (schedules[i] as W.AttendanceSchedule[])[0] as W.AttendanceSchedule;
      const staff = new Set([...(dataset.duties.where?.('assignmentRole.group.id', p.group?.id as string) ?? [])].map((d) => d.person?.id));
      expect(events.length % 2).toBe(0);
      for (const event of events) {
        count++;
        const date = event.time.slice(0, 10);
        expect(date >= '2026-08-17' && date <= '2026-08-21' && date >= p.startDate).toBe(true);
        expect(event.group?.id).toBe(p.group?.id);
        expect(staff.has(event.registeredBy?.id)).toBe(true);
        // Term weeks count from the schedule's start (a Monday here).
        const day = WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay() - 1];
        const entry = schedule.scheduleEntries?.find((e) => e.weekOffset === 0 && e.dayOfWeek === day);
        const minute = minuteOf(event.time.slice(11, 16));
        expect(entry).toBeDefined();
        expect(minute).toBeGreaterThanOrEqual(minuteOf(entry?.startTime));
        expect(minute).toBeLessThanOrEqual(minuteOf(entry?.endTime));
      }
    });
    expect(count).toBeGreaterThan(placements.length * 4);
  });

  it('leave out a child whose placement starts after the first week', () => {
    const late = placements.filter((p) => p.startDate > '2026-08-21');
    expect(late.length).toBeGreaterThan(0);
    for (const p of late) expect([...(dataset.attendanceEvents.where?.('person.id', p.child.id) ?? [])]).toEqual([]);
  });
});

describe('the förskola rows', () => {
  it('validate against their SS 12000 v2.1 schemas', () => {
    const rows: [string, unknown[]][] = [
      ['Organisation', preschools],
      ['Person', children],
      ['Group', avdelningar],
      ['Duty', duties],
      ['Placement', placements],
      ['AttendanceSchedule', schedules.flat()],
    ];
    for (const [schema, list] of rows) {
      const validate = validatorFor(schema);
      expect(list.flatMap((row) => (validate(row).ok ? [] : [validate(row)])).slice(0, 3)).toEqual([]);
    }
  });

  it('are the same for the same options and differ for another seed', () => {
    expect(fsRows(generateMunicipality({ students: 300 }))).toBe(fsRows(generateMunicipality({ students: 300 })));
    expect(fsRows(generateMunicipality({ students: 300, seed: 7 }))).not.toBe(fsRows(generateMunicipality({ students: 300 })));
  });
});
