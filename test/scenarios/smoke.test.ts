import { startE2E } from '../support/e2e';
test('smoke', async () => {
  const s = await startE2E({ students: 300 });
  try {
    const r = await s.query<any>(`{ organisations(first: 5) { edges { node { id displayName organisationType
      persons(first: 3) { edges { node { givenName } } }
      duties(first: 2) { edges { node { dutyRole } } }
      placements(first: 2) { edges { node { id child { givenName placements { id attendanceSchedules { numberOfWeeks scheduleEntries { dayOfWeek startTime endTime } } } attendanceEvents { eventType time } } } } }
      schoolUnitOfferings(first: 2) { edges { node { id } } }
      activities(first: 2) { edges { node { displayName } } }
      groups(groupType: [KLASS]) { displayName mentors { givenName } duties(assignmentRoleType: [MENTOR]) { dutyRole } }
    } } } }`);
    console.log(JSON.stringify(r, null, 1).slice(0, 6000));
    const e = await s.query<any>(`{ calendarEvents(first: 2, startTimeOnOrAfter: "2026-08-24T00:00:00+02:00", startTimeOnOrBefore: "2026-08-28T23:00:00+02:00") { edges { node { id startTime expectedStudents { id givenName } rooms { displayName calendarEvents(start: "2026-08-24T00:00:00+02:00", end: "2026-08-24T23:00:00+02:00") { startTime } } } } } }`);
    console.log(JSON.stringify(e, null, 1).slice(0, 4000));
  } finally { await s.close(); }
}, 120000);
