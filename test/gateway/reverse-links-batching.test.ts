// Person's reverse links (grades, absences, study plans, activities, attendances) counted at the
// producers, over real HTTP, for every student of a school unit of 500+ students. Each goes through
// the request's loaders (sources/shared/loader-factory.ts) and asks the fewest requests the spec allows:
// - POST /activities/lookup?expand=groups {members: [...]}: one per 1,000 persons (the lookup batch);
// - POST /attendances/lookup {students: [...]}: one per 1,000 persons;
// - GET /studyplans?student=a&student=b…: the filter is an array, one walk per 100 students (URL length);
// - GET /grades?student=, GET /absences?student=: the spec's filter takes one uuid, so one walk per
//   distinct student, deduplicated and run within the producer's concurrency limit;
// - Person.groupMemberships, duties, responsibleFor: POST /persons/lookup?expand=<link>, one per link.
// Every student still gets exactly its own rows (compared with the generated dataset), and a failing
// batched request is one error, the same for every field it served, with the other links served.
import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { hashApiKey } from '../../src/auth';
import { DEFAULT_SUPPLIERS_PATH } from '../../src/config/paths';
import { generateMunicipality } from '../../src/demo/generator';
import type { Dataset } from '../../src/demo/dataset';
import { startE2E, type E2E, type GraphQLResponse } from '../support/e2e';

const QUERY = /* GraphQL */ `
  query UnitReverseLinks($id: ID!) {
    organisation(id: $id) {
      groups(groupType: [KLASS]) {
        groupMemberships {
          person {
            id
            grades {
              id
            }
            absences {
              id
            }
            studyPlans {
              id
            }
            activities {
              id
            }
            attendances {
              id
            }
            groupMemberships {
              group {
                id
              }
            }
            duties {
              id
            }
            responsibleFor {
              person {
                id
              }
            }
          }
        }
      }
    }
  }
`;

interface PersonLinks {
  id: string;
  grades: { id: string }[] | null;
  absences: { id: string }[] | null;
  studyPlans: { id: string }[] | null;
  activities: { id: string }[] | null;
  attendances: { id: string }[] | null;
}
interface Data {
  organisation: { groups: { groupMemberships: { person: PersonLinks | null }[] }[] } | null;
}

// A one-week term keeps per-lesson attendance small (about 25 rows a student) at 500+ students.
const dataset: Dataset = generateMunicipality({
  seed: 12000,
  students: 1500,
  studentsPerUnit: 500,
  termStart: '2026-08-17',
  termEnd: '2026-08-21',
});
const PAGE_SIZE = 1000;
const LOOKUP_KEYS = 1000;

let stack: E2E;
let unitId: string;
let students: string[];

beforeAll(async () => {
  // Five lists under each of 500 students cost more than the default budget: a supplier that may
  // read every link, with a budget for it.
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'suppliers-')), 'suppliers.yaml');
  await copyFile(DEFAULT_SUPPLIERS_PATH, file);
  const bulk =
    `\n  - name: bulk\n    apiKeys:\n      - sha256: ${hashApiKey('bulk-key')}\n    units: all\n` +
    `    scopes: [standard, students, groups, duties, responsibles, activities, grades, studyplans, attendance, attendanceRows]\n` +
    `    protectedIdentities: alias\n    costBudget: 10000000\n    rateLimit: { requests: 100000, windowSeconds: 60 }\n`;
  await writeFile(file, (await readFile(file, 'utf8')) + bulk);
  // Pages large enough that every walk here is one page; lookups as large as the demo producers accept.
  stack = await startE2E({
    dataset,
    suppliersPath: file,
    apiKey: 'bulk-key',
    // One attempt per request, so that a failing request is counted once at the producer.
    tuning: { pageSize: PAGE_SIZE, maxBatchSize: LOOKUP_KEYS, maxAttempts: 1 },
    requestTimeoutMs: 30_000,
  });
  const studentsOf = (unit: string) => [
    ...new Set(
      [...dataset.groups.values()]
        .filter((g) => g.organisation.id === unit && g.groupType === 'Klass')
        .flatMap((g) => (g.groupMemberships ?? []).map((m) => m.person.id)),
    ),
  ];
  // The unit with the most students who have study plans (upper-secondary ones), so that every link has rows to compare.
  const planned = new Set([...dataset.studyplans.values()].map((plan) => plan.student.id));
  const units = [...dataset.organisations.values()]
    .filter((o) => o.organisationType === 'Skolenhet')
    .map((o) => ({ id: o.id, students: studentsOf(o.id) }));
  const best = units.sort(
    (a, b) => b.students.filter((id) => planned.has(id)).length - a.students.filter((id) => planned.has(id)).length,
  )[0]!;
  unitId = best.id;
  students = best.students;
});
afterAll(() => stack.close());

const ids = (rows: Iterable<{ id?: string }>): string[] => [...rows].map((row) => row.id!).sort();
const rowsOf = <T extends { id?: string }>(collection: { values(): IterableIterator<T> }, keep: (row: T) => boolean): string[] =>
  ids([...collection.values()].filter(keep));

const activitiesOf = (student: string): string[] => {
  const groups = new Set(
    [...dataset.groups.values()].filter((g) => (g.groupMemberships ?? []).some((m) => m.person.id === student)).map((g) => g.id),
  );
  return rowsOf(dataset.activities, (a) => a.groups.some((g) => groups.has(g.id)));
};

const persons = (data: Data | null | undefined): PersonLinks[] => {
  const byId = new Map<string, PersonLinks>();
  for (const group of data?.organisation?.groups ?? [])
    for (const m of group.groupMemberships) if (m.person) byId.set(m.person.id, m.person);
  return [...byId.values()];
};

const resetStats = () => Object.values(stack.producers).forEach((producer) => producer.resetStats());
const routes = (producer: keyof E2E['producers'], pattern: RegExp) =>
  Object.fromEntries(Object.entries(stack.producers[producer].stats().byRoute).filter(([route]) => pattern.test(route)));

test('a unit of 500+ students: many-id paths make a fixed number of requests, one-id paths one per distinct student, each student its own rows', async () => {
  expect(students.length).toBeGreaterThanOrEqual(500);
  expect(students.length).toBeLessThanOrEqual(LOOKUP_KEYS);
  // Every walk below fits one page.
  for (const student of students) {
    expect(rowsOf(dataset.grades, (g) => g.student.id === student).length).toBeLessThan(PAGE_SIZE);
    expect(rowsOf(dataset.absences, (a) => a.student.id === student).length).toBeLessThan(PAGE_SIZE);
  }
  expect(rowsOf(dataset.studyplans, (p) => students.includes(p.student.id)).length).toBeLessThan(PAGE_SIZE);

  resetStats();
  const { data, errors } = await stack.query<Data>(QUERY, { id: unitId });
  expect(errors).toBeUndefined();

  // Many ids per request where the spec allows it: does not grow with the students.
  expect(routes('schedule', /activities/)).toEqual({ 'POST /activities/lookup': 1 });
  expect(routes('attendance', /attendances/)).toEqual({ 'POST /attendances/lookup': 1 });
  expect(routes('grades', /studyplans/)).toEqual({ 'GET /studyplans': Math.ceil(students.length / 100) });
  // Register's reverse links from the producer's expand: the members and one lookup per expanded link
  // (groupMemberships, duties, responsibleFor), the unit, its classes, and the groups the members belong to.
  expect(stack.producers.register.stats().byRoute).toEqual({
    'POST /organisations/lookup': 1,
    'GET /groups': 1,
    'POST /persons/lookup': 4,
    'POST /groups/lookup': 1,
  });
  // One id per request where the spec's filter takes one: exactly one walk per distinct student.
  expect(routes('grades', /grades/)).toEqual({ 'GET /grades': students.length });
  expect(routes('attendance', /absences/)).toEqual({ 'GET /absences': students.length });

  const served = persons(data);
  expect(served.map((p) => p.id).sort()).toEqual([...students].sort());
  let withRows = { grades: 0, absences: 0, studyPlans: 0, activities: 0, attendances: 0 };
  for (const person of served) {
    const own = {
      grades: rowsOf(dataset.grades, (g) => g.student.id === person.id),
      absences: rowsOf(dataset.absences, (a) => a.student.id === person.id),
      studyPlans: rowsOf(dataset.studyplans, (p) => p.student.id === person.id),
      activities: activitiesOf(person.id),
      attendances: ids(dataset.attendances.where?.('student.id', person.id) ?? []),
    };
    for (const link of Object.keys(own) as (keyof typeof own)[]) {
      expect({ person: person.id, link, ids: ids(person[link] ?? []) }).toEqual({ person: person.id, link, ids: own[link] });
      if (own[link].length > 0) withRows = { ...withRows, [link]: withRows[link] + 1 };
    }
  }
  // The comparison means something: students with rows on every link, every student with lessons.
  expect(withRows.grades).toBeGreaterThan(0);
  expect(withRows.absences).toBeGreaterThan(0);
  expect(withRows.studyPlans).toBeGreaterThan(0);
  expect(withRows.activities).toBe(students.length);
  expect(withRows.attendances).toBe(students.length);
});

test('one class of the same unit: the many-id paths make the same one request each as the whole unit', async () => {
  const klass = [...dataset.groups.values()].find(
    (g) => g.organisation.id === unitId && g.groupType === 'Klass' && (g.groupMemberships ?? []).length > 10,
  )!;
  const members = new Set((klass.groupMemberships ?? []).map((m) => m.person.id));
  resetStats();
  const { data, errors } = await stack.query<{ group: { groupMemberships: { person: PersonLinks }[] } }>(
    `query ($id: ID!) { group(id: $id) { groupMemberships { person { id grades { id } absences { id } studyPlans { id } activities { id } attendances { id }
        groupMemberships { group { id } } duties { id } responsibleFor { person { id } } } } } }`,
    { id: klass.id },
  );
  expect(errors).toBeUndefined();
  expect(new Set(data!.group.groupMemberships.map((m) => m.person.id))).toEqual(members);
  expect(routes('schedule', /activities/)).toEqual({ 'POST /activities/lookup': 1 });
  expect(routes('attendance', /attendances/)).toEqual({ 'POST /attendances/lookup': 1 });
  expect(routes('grades', /studyplans/)).toEqual({ 'GET /studyplans': 1 });
  expect(routes('grades', /grades/)).toEqual({ 'GET /grades': members.size });
  expect(routes('attendance', /absences/)).toEqual({ 'GET /absences': members.size });
  // Register's reverse links come from the producer's own expand: one lookup per link for the whole class
  // (the members; expand=groupMemberships, duties, responsibleFor), and one for the class and the members' groups.
  expect(stack.producers.register.stats().byRoute).toEqual({ 'POST /groups/lookup': 2, 'POST /persons/lookup': 4 });
  for (const { person } of data!.group.groupMemberships) {
    expect(ids(person.activities ?? [])).toEqual(activitiesOf(person.id));
    expect(ids(person.attendances ?? [])).toEqual(ids(dataset.attendances.where?.('student.id', person.id) ?? []));
  }
});

test('date windows on Person.attendances: every window is served from the one lookup, each with only its lessons', async () => {
  const klass = [...dataset.groups.values()].find(
    (g) => g.organisation.id === unitId && g.groupType === 'Klass' && (g.groupMemberships ?? []).length > 10,
  )!;
  resetStats();
  const { data, errors } = await stack.query<{
    group: { groupMemberships: { person: { id: string; monday: { id: string }[]; rest: { id: string }[]; all: { id: string }[] } }[] };
  }>(
    `query ($id: ID!) { group(id: $id) { groupMemberships { person { id
        monday: attendances(startDate: "2026-08-17", endDate: "2026-08-17") { id }
        rest: attendances(startDate: "2026-08-18", endDate: "2026-08-21") { id }
        all: attendances { id } } } } }`,
    { id: klass.id },
  );
  expect(errors).toBeUndefined();
  // The window is applied to the lessons' dates after the lookup (the lookup takes no dates): one lookup for all three.
  expect(routes('attendance', /attendances/)).toEqual({ 'POST /attendances/lookup': 1 });
  const dayOf = (eventId: string) => dataset.calendarEvents.get(eventId)!.startTime.slice(0, 10);
  let mondays = 0;
  for (const { person } of data!.group.groupMemberships) {
    const own = [...(dataset.attendances.where?.('student.id', person.id) ?? [])];
    const monday = ids(own.filter((a) => dayOf(a.calendarEvent.id) === '2026-08-17'));
    expect(ids(person.monday)).toEqual(monday);
    expect(ids(person.rest)).toEqual(ids(own.filter((a) => dayOf(a.calendarEvent.id) > '2026-08-17')));
    expect(ids(person.all)).toEqual(ids(own));
    mondays += monday.length;
  }
  expect(mondays).toBeGreaterThan(0);
});

test('a failing batched request is one error for all its field paths, and the other links are served', async () => {
  stack.producers.schedule.setFaults({ errorRate: 1 });
  try {
    resetStats();
    const { data, errors } = await stack.query<Data>(QUERY, { id: unitId });
    // One request for all 500 students' activities, and it failed. (The lessons' start times, which order
    // each student's attendances, are asked of the same producer and fail too: attendances are still served.)
    expect(routes('schedule', /activities/)).toEqual({ 'POST /activities/lookup': 1 });
    const distinct = (all: GraphQLResponse['errors']) => [
      ...new Set(
        (all ?? []).map((e) => JSON.stringify({ message: e.message, code: e.extensions?.['code'], path: e.extensions?.['path'] })),
      ),
    ];
    expect(distinct(errors)).toEqual([
      JSON.stringify({ message: 'The schedule producer is unavailable.', code: 'UPSTREAM_UNAVAILABLE', path: 'POST /activities/lookup' }),
    ]);
    // GraphQL lists it once per field it failed (one entry per student, identical but for `path`).
    expect(errors).toHaveLength(students.length);
    // Only the activities of the students: no other field failed.
    expect(new Set(errors!.map((e) => e.path?.at(-1)))).toEqual(new Set(['activities']));
    const served = persons(data);
    expect(served).toHaveLength(students.length);
    for (const person of served) {
      expect(person.activities).toBeNull();
      expect(person.grades).not.toBeNull();
      expect(person.absences).not.toBeNull();
      expect(person.studyPlans).not.toBeNull();
      expect(person.attendances).not.toBeNull();
    }
  } finally {
    stack.producers.schedule.setFaults({ errorRate: 0 });
  }
});
