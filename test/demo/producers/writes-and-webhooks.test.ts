// A write through the attendance producer is visible to change-tracking clients three ways:
// meta.modified.after, /deletedEntities, and a webhook to each matching subscription.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startDemo, walk, type Demo } from './harness';

let demo: Demo;
let receiver: Server;
let receiverUrl: string;
const notifications: any[] = [];
let onNotification: (() => void) | undefined;

beforeAll(async () => {
  demo = await startDemo();
  receiver = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk) => (text += chunk));
    req.on('end', () => {
      notifications.push(JSON.parse(text));
      res.writeHead(204).end();
      onNotification?.();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
});
afterAll(async () => {
  await demo.running.close();
  await new Promise((resolve) => receiver.close(resolve));
});

const nextNotification = (): Promise<any> =>
  new Promise((resolve) => {
    const before = notifications.length;
    onNotification = () => {
      if (notifications.length > before) resolve(notifications[notifications.length - 1]);
    };
  });

const absenceBody = (): Record<string, unknown> => {
  const student = [...demo.dataset.persons.values()].find((p) => (p.enrolments ?? []).length > 0)!;
  return {
    type: 'Anmäld frånvaro',
    startTime: '2026-10-05T08:00:00+02:00',
    endTime: '2026-10-05T16:00:00+02:00',
    student: { id: student.id },
    organisation: { id: student.enrolments![0]!.enroledAt.id },
  };
};

describe('writes, change tracking and webhooks', () => {
  it('a POSTed absence gets an id and meta, and shows up in meta.modified.after', async () => {
    const before = new Date(Date.now() - 1).toISOString();
    const created = await demo.post('attendance', '/absences', absenceBody());
    expect(created.status).toBe(200);
    expect(created.body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.body.meta.created).toBe(created.body.meta.modified);
    // The generator dates some absences later in the term, so "after" also lists those.
    const changed = await walk(demo, 'attendance', `/absences?meta.modified.after=${encodeURIComponent(before)}`, 500);
    expect(changed.map((a: any) => a.id)).toContain(created.body.id);
    const unchanged = await walk(demo, 'attendance', `/absences?meta.modified.before=${encodeURIComponent(before)}`, 500);
    expect(unchanged.map((a: any) => a.id)).not.toContain(created.body.id);
    expect(changed.length + unchanged.length).toBe(demo.dataset.absences.size);
    expect((await demo.get('attendance', `/absences/${created.body.id}`)).body).toEqual(created.body);
  });

  it('a body that breaks the spec schema is a 400 naming the field, and nothing is stored', async () => {
    const size = demo.dataset.absences.size;
    const answer = await demo.post('attendance', '/absences', { ...absenceBody(), type: 'Sjuk' });
    expect(answer.status).toBe(400);
    expect(answer.body.message).toContain('/type');
    expect(demo.dataset.absences.size).toBe(size);
  });

  it('a DELETE is a 204, then a 404, and the id is listed by /deletedEntities', async () => {
    const since = new Date(Date.now() - 1).toISOString();
    const created = await demo.post('attendance', '/absences', absenceBody());
    expect((await demo.call('attendance', 'DELETE', `/absences/${created.body.id}`)).status).toBe(204);
    expect((await demo.call('attendance', 'DELETE', `/absences/${created.body.id}`)).status).toBe(404);
    expect((await demo.get('attendance', `/absences/${created.body.id}`)).status).toBe(404);
    const deleted = await demo.get('attendance', `/deletedEntities?after=${encodeURIComponent(since)}&entities=Absence`);
    expect(deleted.status).toBe(200);
    expect(deleted.body).toEqual({ data: { absences: [created.body.id] }, pageToken: null });
    const later = await demo.get('attendance', `/deletedEntities?after=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`);
    expect(later.body.data.absences).toEqual([]);
  });

  it('/deletedEntities pages with limit and pageToken like every list', async () => {
    const since = new Date(Date.now() - 1).toISOString();
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const created = await demo.post('attendance', '/absences', absenceBody());
      await demo.call('attendance', 'DELETE', `/absences/${created.body.id}`);
      ids.push(created.body.id);
    }
    const seen: string[] = [];
    let answer = await demo.get('attendance', `/deletedEntities?after=${encodeURIComponent(since)}&entities=Absence&limit=2`);
    seen.push(...answer.body.data.absences);
    expect(answer.body.pageToken).toEqual(expect.any(String));
    answer = await demo.get('attendance', `/deletedEntities?limit=2&pageToken=${encodeURIComponent(answer.body.pageToken)}`);
    seen.push(...answer.body.data.absences);
    expect(answer.body.pageToken).toBeNull();
    expect(seen).toEqual(ids);
  });

  it('an attendance row can be reported, found by its lesson, deleted, and is then listed as deleted', async () => {
    const template = demo.dataset.attendances.values().next().value!;
    const { id: _id, meta: _meta, ...fields } = template;
    const created = await demo.post('attendance', '/attendances', { ...fields, isReported: true, attendanceMinutes: 40 });
    expect(created.status).toBe(200);
    const byEvent = await demo.get('attendance', `/attendances?calendarEvent=${template.calendarEvent.id}`);
    expect(byEvent.body.data.map((a: any) => a.id)).toContain(created.body.id);
    expect((await demo.call('attendance', 'DELETE', `/attendances/${created.body.id}`)).status).toBe(204);
    const deleted = await demo.get('attendance', '/deletedEntities?entities=Attendance');
    expect(deleted.body.data.attendances).toContain(created.body.id);
  });

  it('an attendance event (check-in) is written, found by person, and deleted as attendanceEvents', async () => {
    const template = demo.dataset.attendanceEvents.values().next().value!;
    const body = { time: '2026-10-05T07:45:00+02:00', eventType: 'In', person: template.person, group: template.group };
    const created = await demo.post('attendance', '/attendanceEvents', body);
    expect(created.status).toBe(200);
    const byPerson = await demo.get('attendance', `/attendanceEvents?person=${template.person.id}&limit=10000`);
    expect(byPerson.body.data.map((e: any) => e.id)).toContain(created.body.id);
    expect((await demo.call('attendance', 'DELETE', `/attendanceEvents/${created.body.id}`)).status).toBe(204);
    const deleted = await demo.get('attendance', '/deletedEntities?entities=AttendanceEvent');
    expect(deleted.body.data).toEqual({ attendanceEvents: [created.body.id] });
  });

  it('an attendance schedule is validated as the spec writes it, including its required scheduleDays', async () => {
    const placement = demo.dataset.placements.values().next().value!;
    const body = {
      placement: { id: placement.id },
      numberOfWeeks: 1,
      startDate: '2026-09-01',
      state: [{ state: 'Godkänt', registeredAt: '2026-08-20T10:00:00+02:00' }],
      // The spec types endTime as an integer (with a time-of-day format) and requires
      // `scheduleDays` without defining it; a body has to follow it as written.
      scheduleEntries: [{ weekOffset: 0, dayOfWeek: 'Måndag', startTime: '08:00', endTime: 960 }],
    };
    // The placement's generated schedule, before the one written here joins it.
    const generated = [...demo.dataset.attendanceSchedule.values()].filter((s) => s.placement.id === placement.id).map((s) => s.id);
    expect(generated).toHaveLength(1);
    const missing = await demo.post('attendance', '/attendanceSchedule', body);
    expect(missing.status).toBe(400);
    expect(missing.body.message).toContain('scheduleDays');
    const created = await demo.post('attendance', '/attendanceSchedule', { ...body, scheduleDays: [] });
    expect(created.status).toBe(200);
    const byPlacement = await demo.get('attendance', `/attendanceSchedule?placement=${placement.id}`);
    expect(byPlacement.body.data.map((e: any) => e.id).sort()).toEqual([...generated, created.body.id].sort());
    expect((await demo.call('attendance', 'DELETE', `/attendanceSchedule/${created.body.id}`)).status).toBe(204);
    expect((await demo.get('attendance', '/deletedEntities?entities=AttendanceSchedule')).body.data).toEqual({
      attendanceSchedules: [created.body.id],
    });
  });

  it('a subscription is created, listed, renewed and removed', async () => {
    const created = await demo.post('attendance', '/subscriptions', {
      name: 'crud',
      target: receiverUrl,
      resourceTypes: [{ resource: 'Grade' }],
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      expires: expect.any(String),
      name: 'crud',
      target: receiverUrl,
      resourceTypes: [{ resource: 'Grade' }],
    });
    expect((await demo.get('attendance', '/subscriptions')).body.data).toContainEqual(created.body);
    const renewed = await demo.call('attendance', 'PATCH', `/subscriptions/${created.body.id}`);
    expect(renewed.status).toBe(200);
    expect(Date.parse(renewed.body.expires)).toBeGreaterThanOrEqual(Date.parse(created.body.expires));
    expect((await demo.call('attendance', 'DELETE', `/subscriptions/${created.body.id}`)).status).toBe(204);
    expect((await demo.get('attendance', `/subscriptions/${created.body.id}`)).status).toBe(404);
    expect((await demo.post('attendance', '/subscriptions', { name: 'x', target: 'not a url', resourceTypes: [] })).status).toBe(400);
    expect(
      (await demo.post('attendance', '/subscriptions', { name: 'x', target: receiverUrl, resourceTypes: [{ resource: 'Pupil' }] })).status,
    ).toBe(400);
  });

  it('a subscribed receiver is notified of a write and of a delete, with the spec field names', async () => {
    const sub = await demo.post('attendance', '/subscriptions', {
      name: 'absences',
      target: receiverUrl,
      resourceTypes: [{ resource: 'Absence' }],
    });
    let next = nextNotification();
    const created = await demo.post('attendance', '/absences', absenceBody());
    expect(await next).toEqual({ modifiedEntites: ['Absence'], deletedEntities: false });
    next = nextNotification();
    await demo.call('attendance', 'DELETE', `/absences/${created.body.id}`);
    expect(await next).toEqual({ modifiedEntites: ['Absence'], deletedEntities: true });
    await demo.call('attendance', 'DELETE', `/subscriptions/${sub.body.id}`);
  });

  it('a receiver that is down does not break the producer', async () => {
    const sub = await demo.post('attendance', '/subscriptions', {
      name: 'dead',
      target: 'http://127.0.0.1:9/hook',
      resourceTypes: [{ resource: 'Absence' }],
    });
    expect((await demo.post('attendance', '/absences', absenceBody())).status).toBe(200);
    expect((await demo.get('attendance', '/absences?limit=1')).status).toBe(200);
    await demo.call('attendance', 'DELETE', `/subscriptions/${sub.body.id}`);
  });
});
