// The standard queries of issue 3, with their variables picked deterministically from the generated
// municipality (the same seed the producers' process uses), and what each returns counted the same
// way for the gateway and the direct client.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Dataset } from '../../src/demo/dataset';
import { PROJECT_ROOT } from '../../src/config/paths';

export const TEACHER_WEEK_RANGE = { start: '2026-08-24T00:00:00+02:00', end: '2026-08-28T23:59:59+02:00' };
export const STUDENT_RECORD_RANGE = { from: '2026-09-07', to: '2026-09-11' };
/** Persons per page in the paging walk (the connection's maximum `first`). */
export const WALK_PAGE = 1000;

const example = (name: string): string => readFileSync(path.join(PROJECT_ROOT, 'examples', `${name}.graphql`), 'utf8');

export const SCHOOL_UNIT_CLASSES = example('school-unit-classes');
export const PERSONS_PAGE = example('persons-page');

export const TEACHER_WEEK = /* GraphQL */ `
  query TeacherWeek($duty: ID!, $start: DateTime!, $end: DateTime!) {
    duty(id: $duty) {
      person {
        givenName
        familyName
      }
      activities {
        id
        displayName
        groups {
          id
          displayName
        }
        calendarEvents(start: $start, end: $end) {
          id
          startTime
          rooms {
            id
            displayName
          }
        }
      }
    }
  }
`;

export const STUDENT_RECORD = /* GraphQL */ `
  query StudentRecord($id: ID!, $from: Date!, $to: Date!) {
    person(id: $id) {
      givenName
      grades {
        id
        gradeValue
        registeredDate
        syllabus {
          id
          subjectName
        }
        gradingTeacher {
          id
          givenName
          familyName
        }
      }
      attendances(startDate: $from, endDate: $to) {
        id
        attendanceMinutes
        calendarEvent {
          id
          startTime
        }
      }
    }
  }
`;

export interface Picks {
  /** The first school unit (Skolenhet) in register order. */
  schoolUnit: string;
  /** The first teaching duty named by an activity. */
  duty: string;
  /** The student of the first grade. */
  student: string;
}

export function pick(dataset: Dataset): Picks {
  const schoolUnit = [...dataset.organisations.values()].find((o) => o.organisationType === 'Skolenhet')!.id;
  const duty = [...dataset.activities.values()].find((a) => a.teachers?.length)!.teachers![0]!.duty.id;
  const student = dataset.grades.values().next().value!.student.id;
  return { schoolUnit, duty, student };
}

/** The sizes that must agree between gateway and direct client: counts of every list level. */
export type Counts = Record<string, number>;
