import type * as W from '../../ss12000/wire';
import { planActivities } from './activities';
import { buildAfterSchool } from './after-school';
import { buildAttendanceSchedules } from './attendance-schedules';
import { schoolDays } from './calendar';
import { buildCurriculum } from './curriculum';
import { buildLessonExceptions } from './lesson-exceptions';
import { planClasses } from './enrolment-plan';
import { buildClassGroups, membershipsOf } from './groups';
import { CivicNumbers } from './identity';
import type { Ref, UnitInfo, World } from './model';
import type { GeneratorConfig } from './options';
import { buildOrganisations } from './organisations';
import { buildStudentsAndGuardians } from './persons';
import { buildPreschool, type PreschoolBuilt } from './preschool';
import { createRandom } from './random';
import { buildMentorGroups } from './mentor-groups';
import { planMentorTime } from './mentor-time';
import { buildRooms, homeRoomOf } from './rooms';
import { activityObjects, layOutEvents } from './schedule';
import { buildStaff } from './staff';
import { buildStudyPlans } from './studyplans';
import { buildGrades } from './grades';

/** Everything materialised, plus the compact world the lazy collections compute from. */
export interface Built {
  world: World;
  /** The förskolor: not in world.units, which are the school units lessons, absences and aggregates come from. */
  preschool: PreschoolBuilt;
  studentRefs: Ref[];
  firstGuardian: (Ref | undefined)[];
  organisations: W.Organisation[];
  persons: W.Person[];
  placements: W.Placement[];
  duties: W.Duty[];
  groups: W.Group[];
  programmes: W.Programme[];
  syllabuses: W.Syllabus[];
  schoolUnitOfferings: (W.SchoolUnitOffering & { id: string })[];
  studyplans: W.StudyPlan[];
  activities: W.Activity[];
  rooms: W.Room[];
  resources: W.Resource[];
  attendanceEvents: W.AttendanceEvent[];
  attendanceSchedules: W.AttendanceSchedule[];
  grades: W.Grade[];
}

/** Each domain draws from its own named stream, so one domain's draws never shift another's. */
export const buildWorld = (config: GeneratorConfig): Built => {
  const stream = (name: string) => createRandom(config.seed, name);
  const days = schoolDays(config.termStart, config.termEnd);
  const { huvudman, units, organisations } = buildOrganisations(config, stream('organisations'));
  const curriculum = buildCurriculum(config, units, stream('curriculum'));
  const classes = planClasses(config, units);
  const civics = new CivicNumbers(stream('civicNumbers'));
  const people = buildStudentsAndGuardians(config, units, classes, curriculum.programme, civics, stream('persons'));
  const memberships = membershipsOf(config, people.studentRefs);
  const classGroups = buildClassGroups(config, units, classes, memberships, stream('groups'));
  const { staff, duties } = buildStaff(config, units, classGroups.byUnit, civics, stream('staff'));
  const rooms = buildRooms(config, units, (u) => classGroups.byUnit.get(u)?.length ?? 0, stream('rooms'));
  const { teachingGroups, planned } = planActivities(
    config,
    units,
    classes,
    classGroups.groups,
    memberships,
    curriculum,
    rooms,
    stream('activities'),
  );
  // Mentor groups and their mentor time come after every class, lesson and teaching group, so the
  // indexes and ids of those (events and attendance rows encode indexes) stay as they were.
  const mentorGroups = buildMentorGroups(config, units, classes, classGroups.groups, memberships, duties, stream('mentorGroups'));
  const mentorTime = planMentorTime(mentorGroups, (unit, k) => homeRoomOf(rooms, unit, k), stream('mentorTime'));
  const schedule = layOutEvents(days, [...planned, ...mentorTime]);
  const activityInfos = [...planned, ...mentorTime].map((p) => p.info);

  const n = config.students;
  const studentUnit = new Int32Array(n);
  for (const c of classes) studentUnit.fill(c.unit, c.first, c.first + c.count);
  const offsets = new Int32Array(n + 1);
  for (const a of activityInfos) for (const s of a.members) offsets[s + 1] = (offsets[s + 1] as number) + 1;
  for (let s = 0; s < n; s++) offsets[s + 1] = (offsets[s + 1] as number) + (offsets[s] as number);
  const list = new Int32Array(offsets[n] as number);
  const fill = offsets.slice(0, n);
  activityInfos.forEach((a, i) => {
    for (const s of a.members) list[(fill[s] as number)++] = i;
  });
  const studentIds = people.studentRefs.map((r) => r.id);
  const world: World = {
    config,
    days,
    huvudman: { id: huvudman.id },
    units,
    studentIds,
    studentIndex: new Map(studentIds.map((id, s) => [id, s])),
    studentUnit,
    rooms: rooms.roomRefs,
    activities: activityInfos,
    studentActivityOffsets: offsets,
    studentActivityList: list,
    schedule,
    exceptions: buildLessonExceptions({
      seed: config.seed,
      units,
      activities: activityInfos,
      schedule,
      studentActivityOffsets: offsets,
      studentActivityList: list,
    }),
  };
  const afterSchool = buildAfterSchool(config, days, units, classes, classGroups.groups, people.students, stream('afterSchool'));
  const preschool = buildPreschool({
    config,
    days,
    huvudman: world.huvudman,
    olderSiblings: classes.flatMap((c) =>
      (units[c.unit] as UnitInfo).kind === 'F-6' ? people.students.slice(c.first, c.first + c.count) : [],
    ),
    civics,
    guardianCount: people.guardians.length,
    staffCount: staff.length,
    stream,
  });
  const diplomaSyllabuses = new Set([...curriculum.gyCourse].filter(([code]) => code.startsWith('GYAR')).map(([, ref]) => ref.id));
  return {
    world,
    preschool,
    studentRefs: people.studentRefs,
    firstGuardian: people.students.map((p) => p.responsibles?.[0]?.person),
    organisations: [...organisations, ...preschool.organisations],
    persons: [...people.students, ...people.guardians, ...staff, ...preschool.children, ...preschool.guardians, ...preschool.staff],
    placements: [...afterSchool.placements, ...preschool.placements],
    duties: [...duties, ...preschool.duties],
    groups: [...classGroups.groups, ...teachingGroups, ...mentorGroups.map((m) => m.group), ...preschool.groups],
    programmes: curriculum.programmes,
    syllabuses: curriculum.syllabuses,
    schoolUnitOfferings: curriculum.offerings,
    studyplans: buildStudyPlans(config, curriculum, people.students, stream('studyplans')),
    activities: [
      ...activityObjects(config, units, planned, schedule, stream('activityMeta')),
      ...activityObjects(config, units, mentorTime, schedule, stream('mentorTimeMeta')),
    ],
    rooms: rooms.rooms,
    resources: rooms.resources,
    attendanceEvents: [...afterSchool.attendanceEvents, ...preschool.attendanceEvents],
    attendanceSchedules: [
      ...buildAttendanceSchedules(config, afterSchool.placements, stream('attendanceSchedules')),
      ...preschool.attendanceSchedules,
    ],
    grades: buildGrades(config, units, activityInfos, people.studentRefs, diplomaSyllabuses),
  };
};
