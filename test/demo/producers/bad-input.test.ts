// Bad requests get the spec's status and an Error body `{code, message}`; none of them
// takes a producer down.
import { RESOURCES, type ListName } from '../../../src/ss12000/resources';
import { specOperation } from '../../../src/ss12000/spec-validator';
import { startDemo, type Demo } from './harness';

let demo: Demo;
beforeAll(async () => {
  demo = await startDemo({ maxLookupKeys: 10 });
});
afterAll(() => demo.running.close());

const expectError = (answer: { status: number; body: any }, status: number): void => {
  expect(answer.status).toBe(status);
  expect(typeof answer.body.code).toBe('string');
  expect(typeof answer.body.message).toBe('string');
  expect(answer.body.message.length).toBeGreaterThan(0);
};

const anId = (): string => demo.dataset.persons.values().next().value!.id;

describe('bad input', () => {
  it('a by-id request with an id that is not a uuid is a 400', async () => {
    const answer = await demo.get('register', '/persons/not-a-uuid');
    expectError(answer, 400);
    expect(answer.body.message).toContain('not-a-uuid');
  });

  it('an unknown uuid is a 404', async () => {
    expectError(await demo.get('register', '/persons/00000000-0000-4000-8000-000000000000'), 404);
  });

  it('a malformed date filter is a 400 naming the parameter', async () => {
    const answer = await demo.get('register', '/groups?startDate.onOrAfter=2026-13-45');
    expectError(answer, 400);
    expect(answer.body.message).toContain('startDate.onOrAfter');
  });

  it('a malformed date-time filter is a 400', async () => {
    expectError(await demo.get('register', '/persons?meta.modified.after=yesterday'), 400);
  });

  it('an unknown sortkey is a 400 listing the allowed ones', async () => {
    const answer = await demo.get('register', '/persons?sortkey=ShoeSizeAsc');
    expectError(answer, 400);
    expect(answer.body.message).toContain('FamilyNameAsc');
  });

  it('an unknown expand value is a 400', async () => {
    expectError(await demo.get('register', '/persons?expand=grades'), 400);
  });

  it('a limit below 1 or not a number is a 400', async () => {
    expectError(await demo.get('register', '/persons?limit=0'), 400);
    expectError(await demo.get('register', '/persons?limit=ten'), 400);
  });

  it('pageToken combined with a filter is a 400', async () => {
    const first = await demo.get('register', '/persons?limit=5');
    expect(first.body.pageToken).toEqual(expect.any(String));
    const token = encodeURIComponent(first.body.pageToken);
    expectError(await demo.get('register', `/persons?pageToken=${token}&nameContains=a`), 400);
    expect((await demo.get('register', `/persons?pageToken=${token}&limit=5`)).status).toBe(200);
  });

  it('a forged or foreign pageToken is a 400', async () => {
    expectError(await demo.get('register', '/persons?pageToken=bm9wZQ'), 400);
    const groups = await demo.get('register', '/groups?limit=1');
    expectError(await demo.get('register', `/persons?pageToken=${encodeURIComponent(groups.body.pageToken)}`), 400);
    const forge = (body: object): string => encodeURIComponent(Buffer.from(JSON.stringify(body)).toString('base64url'));
    expectError(await demo.get('register', `/persons?pageToken=${forge({ p: '/persons', q: { sortkey: 'ShoeSizeAsc' }, o: 0 })}`), 400);
    expectError(await demo.get('attendance', `/aggregatedAttendance?pageToken=${forge({ p: '/aggregatedAttendance', q: {}, o: 0 })}`), 400);
    expectError(await demo.get('register', `/persons?pageToken=${forge({ p: '/persons', q: {}, o: -5 })}`), 400);
  });

  it('a missing required filter is a 400 (calendarEvents needs its time window)', async () => {
    const answer = await demo.get('schedule', '/calendarEvents?startTime.onOrAfter=2026-09-01T00:00:00Z');
    expectError(answer, 400);
    expect(answer.body.message).toContain('startTime.onOrBefore');
    expectError(await demo.get('attendance', '/aggregatedAttendance?startDate=2026-09-01'), 400);
  });

  it('a lookup over the configured key limit is a 503 "too large"', async () => {
    const ids = Array.from({ length: 11 }, () => anId());
    const answer = await demo.post('register', '/persons/lookup', { ids });
    expectError(answer, 503);
    expect(answer.body.code).toBe('TooLarge');
    expect((await demo.post('register', '/persons/lookup', { ids: ids.slice(0, 10) })).status).toBe(200);
  });

  it('a lookup whose ids are not uuids, or whose body is not an object, is a 400', async () => {
    expectError(await demo.post('register', '/persons/lookup', { ids: ['nope'] }), 400);
    expectError(await demo.post('register', '/persons/lookup', ['x']), 400);
  });

  it('a body that is not JSON is a 400', async () => {
    expectError(await demo.call('register', 'POST', '/persons/lookup', { rawBody: '{"ids": [' }), 400);
    expectError(await demo.call('attendance', 'POST', '/absences', { rawBody: 'absent' }), 400);
    expectError(await demo.call('attendance', 'POST', '/absences', { rawBody: '' }), 400);
  });

  it('a request without a bearer token is a 401, with a wrong one a 403', async () => {
    expectError(await demo.call('register', 'GET', '/persons', { authorization: null }), 401);
    expectError(await demo.call('register', 'GET', '/persons', { authorization: 'Basic dXNlcjpwYXNz' }), 401);
    expectError(await demo.call('register', 'GET', '/persons', { authorization: 'Bearer wrong' }), 403);
    // Each producer has its own token.
    const scheduleToken = demo.running.producers.schedule.token;
    expectError(await demo.call('register', 'GET', '/persons', { authorization: `Bearer ${scheduleToken}` }), 403);
  });

  it('an unknown path, or a path of another producer, is a 404', async () => {
    expectError(await demo.get('register', '/nothing/here'), 404);
    expectError(await demo.get('register', '/activities'), 404);
    expectError(await demo.get('grades', '/studyplans/lookup'), 400);
    expectError(await demo.post('grades', '/studyplans/lookup', { ids: [] }), 404);
  });

  it('survives a burst of random junk and still answers afterwards', async () => {
    const junk = ['%', '%E0%A4%A', '..', '{id}', '\u0000', 'ö', 'a'.repeat(1000)];
    const paths = ['/persons', '/persons/', '/persons/lookup', '/groups', '/deletedEntities', '/subscriptions'];
    const answers = [];
    for (const path of paths) {
      for (const bit of junk) {
        for (const method of ['GET', 'POST', 'PATCH', 'DELETE']) {
          answers.push(
            await demo.call('register', method, `${path}/${encodeURI(bit)}?limit=${bit}&expand=${bit}&sortkey=${bit}`, {
              rawBody: method === 'GET' ? undefined : bit,
            }),
          );
          answers.push(
            await demo.call('register', method, `${path}?${bit}=${bit}&pageToken=${bit}`, {
              rawBody: method === 'GET' ? undefined : `{"ids": ["${bit}"]}`,
            }),
          );
        }
      }
    }
    for (const answer of answers) {
      expect(answer.status).toBeGreaterThanOrEqual(200);
      expect(answer.status).toBeLessThan(500);
      if (answer.status >= 400) expect(answer.body).toEqual({ code: expect.any(String), message: expect.any(String) });
    }
    expect((await demo.get('register', '/persons?limit=1')).status).toBe(200);
  });

  it('answers every spec parameter of every list with 200 or 400 for odd values, never a crash', async () => {
    const odd = [
      '',
      'x',
      '-1',
      'true',
      '2026-02-30',
      '2026-09-01',
      '2026-09-01T08:00:00Z',
      '00000000-0000-4000-8000-000000000000',
      'Klass',
      '%25',
      'a,b,,c',
    ];
    const lists: [ListName, string, string][] = [
      ...Object.entries(RESOURCES).map(([name, r]) => [name as ListName, r.producer, r.path] as [ListName, string, string]),
      ['aggregatedAttendance', 'attendance', '/aggregatedAttendance'],
    ];
    const required: Partial<Record<ListName, string>> = {
      calendarEvents: 'startTime.onOrAfter=2026-09-01T00:00:00Z&startTime.onOrBefore=2026-09-02T00:00:00Z',
      aggregatedAttendance: 'startDate=2026-09-01&endDate=2026-09-02',
    };
    const statuses = new Set<number>();
    for (const [name, producer, path] of lists) {
      for (const param of specOperation('GET', path)!.parameters.filter((p) => p.in === 'query')) {
        for (const value of odd) {
          const base = required[name] && !required[name]!.includes(`${param.name}=`) ? `${required[name]}&` : '';
          const answer = await demo.get(
            producer as 'register',
            `${path}?${base}${encodeURIComponent(param.name)}=${encodeURIComponent(value)}&limit=5`,
          );
          statuses.add(answer.status);
          if (answer.status !== 200) {
            expect([path, param.name, value, answer.status]).toEqual([path, param.name, value, 400]);
            expect(answer.body).toEqual({ code: 'BadRequest', message: expect.any(String) });
          }
        }
      }
    }
    expect([...statuses].sort()).toEqual([200, 400]);
  });
});
