// The standard queries through the gateway, counted like the direct client counts its answers.
import { Pool } from 'undici';
import type { Counts, Picks } from './queries';
import {
  PERSONS_PAGE,
  SCHOOL_UNIT_CLASSES,
  STUDENT_RECORD,
  STUDENT_RECORD_RANGE,
  TEACHER_WEEK,
  TEACHER_WEEK_RANGE,
  WALK_PAGE,
} from './queries';

// Supplier authentication: the full-access demo key (harmless where the gateway does not check yet).
const AUTHORIZATION = 'Bearer demo-full-key';

// Answers are only counted, field by field as the documents above ask: typing them adds nothing.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Data = any;

export class GatewayClient {
  private readonly pool: Pool;
  private readonly path: string;

  constructor(gatewayUrl: string, connections: number) {
    const url = new URL(gatewayUrl);
    this.pool = new Pool(url.origin, { connections });
    this.path = url.pathname;
  }

  async query(document: string, variables: Record<string, unknown>): Promise<Data> {
    const answer = await this.pool.request({
      method: 'POST',
      path: this.path,
      headers: { 'content-type': 'application/json', authorization: AUTHORIZATION },
      body: JSON.stringify({ query: document, variables }),
    });
    const result = (await answer.body.json()) as { data?: Data; errors?: { message: string }[] };
    if (answer.statusCode !== 200 || result.errors)
      throw new Error(`gateway: HTTP ${answer.statusCode} ${JSON.stringify(result.errors ?? result)}`);
    return result.data;
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}

const sum = <T>(rows: readonly T[], count: (row: T) => number): number => rows.reduce((n, row) => n + count(row), 0);

export async function schoolUnitViaGateway(gateway: GatewayClient, picks: Picks): Promise<Counts> {
  const { organisation } = await gateway.query(SCHOOL_UNIT_CLASSES, { id: picks.schoolUnit });
  const memberships = (organisation.groups as Data[]).flatMap((g) => g.groupMemberships as Data[]).filter((m) => m.person);
  return {
    units: 1,
    classes: organisation.groups.length,
    memberships: memberships.length,
    guardians: sum(memberships, (m) => (m.person.responsibles as Data[]).filter((r) => r.person).length),
  };
}

export async function teacherWeekViaGateway(gateway: GatewayClient, picks: Picks): Promise<Counts> {
  const { duty } = await gateway.query(TEACHER_WEEK, { duty: picks.duty, ...TEACHER_WEEK_RANGE });
  const activities = duty.activities as Data[];
  const events = activities.flatMap((a) => a.calendarEvents as Data[]);
  return {
    persons: duty.person ? 1 : 0,
    activities: activities.length,
    groups: sum(activities, (a) => (a.groups as Data[]).filter(Boolean).length),
    events: events.length,
    rooms: sum(events, (e) => (e.rooms as Data[]).filter(Boolean).length),
  };
}

export async function studentRecordViaGateway(gateway: GatewayClient, picks: Picks): Promise<Counts> {
  const { person } = await gateway.query(STUDENT_RECORD, { id: picks.student, ...STUDENT_RECORD_RANGE });
  const grades = person.grades as Data[];
  const attendances = person.attendances as Data[];
  return {
    persons: 1,
    grades: grades.length,
    syllabuses: grades.filter((g) => g.syllabus).length,
    gradingTeachers: grades.filter((g) => g.gradingTeacher).length,
    attendances: attendances.length,
    lessons: attendances.filter((a) => a.calendarEvent).length,
  };
}

export async function personsWalkViaGateway(gateway: GatewayClient): Promise<Counts> {
  const seen = new Set<string>();
  let after: string | null = null;
  do {
    const { persons } = await gateway.query(PERSONS_PAGE, { first: WALK_PAGE, after });
    for (const edge of persons.edges as Data[]) seen.add(edge.node.id);
    after = persons.pageInfo.hasNextPage ? persons.pageInfo.endCursor : null;
  } while (after);
  return { persons: seen.size };
}
