// The tolerant reader on its own: time zones per producer, the log's rate limit, what a log line
// may hold, and the strict switch, without a gateway around it.
import { producerPayloadViolations } from '../../src/observability/metrics';
import { UpstreamInvalidError } from '../../src/sources';
import { droppedRows, withZoneOffset } from '../../src/sources/shared/tolerant-reader';
import { PayloadChecker } from '../../src/sources/shared/validate';
import { LINES_PER_MINUTE, payloadLog, reportViolation, resetViolationLog } from '../../src/sources/shared/violation-log';
import { PERSON_ROWS } from './support/rows';

const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

let warn: jest.SpyInstance;
beforeEach(() => {
  resetViolationLog();
  warn = jest.spyOn(payloadLog, 'warn').mockImplementation(() => undefined);
});
afterEach(() => warn.mockRestore());

describe('date-times without offset', () => {
  it.each([
    ['2025-01-15T08:00:00', 'Europe/Stockholm', '2025-01-15T08:00:00+01:00'],
    ['2025-07-01T10:30:00', 'Europe/Stockholm', '2025-07-01T10:30:00+02:00'],
    ['2025-07-01T10:30:00.250', 'Europe/Stockholm', '2025-07-01T10:30:00.250+02:00'],
    ['2025-07-01 10:30', 'Europe/Stockholm', '2025-07-01T10:30:00+02:00'],
    ['2025-01-15T08:00:00', 'America/New_York', '2025-01-15T08:00:00-05:00'],
    ['2025-01-15T08:00:00', 'UTC', '2025-01-15T08:00:00+00:00'],
    // The hour after the spring change (02:30 does not exist in Stockholm on 30 March): summer time.
    ['2025-03-30T03:30:00', 'Europe/Stockholm', '2025-03-30T03:30:00+02:00'],
  ])('%s in %s is %s', (local, zone, expected) => {
    expect(withZoneOffset(local, zone)).toBe(expected);
  });

  it('leaves what is not a local date-time alone', () => {
    expect(withZoneOffset('2025-13-01T08:00:00', 'UTC')).toBeUndefined();
    expect(withZoneOffset('2025-02-30T08:00:00', 'UTC')).toBeUndefined();
    expect(withZoneOffset('yesterday', 'UTC')).toBeUndefined();
  });

  it('are read in the time zone configured for the producer', () => {
    const checker = new PayloadChecker('register', true, { timeZone: 'Europe/Helsinki' });
    const page = checker.page('persons', 'GET /persons', { data: [copy(PERSON_ROWS[2])], pageToken: null });
    expect((page.data[0] as { meta: unknown }).meta).toEqual({
      created: '2025-01-15T08:00:00+02:00',
      modified: '2025-07-01T10:30:00+03:00',
    });
  });
});

describe('strict: true', () => {
  it('rejects the whole page on the first departing row, as before', () => {
    const checker = new PayloadChecker('register', true, { strict: true });
    expect(() => checker.page('persons', 'GET /persons', { data: copy(PERSON_ROWS), pageToken: null })).toThrow(UpstreamInvalidError);
  });

  it('tolerant (the default), the same page is served without the rows that cannot be', () => {
    const page = new PayloadChecker('register', true).page('persons', 'GET /persons', { data: copy(PERSON_ROWS), pageToken: 'next' });
    expect(page.data).toHaveLength(PERSON_ROWS.length - 2);
    expect(page.pageToken).toBe('next');
    expect(droppedRows(page).map((row) => row.position)).toEqual([5, 6]);
  });
});

describe('embedded rows', () => {
  const withDuty = (duty: Record<string, unknown>) => ({ ...copy(PERSON_ROWS[4]!), _embedded: { duties: [duty] } });
  const duty = { id: 'd9', meta: PERSON_ROWS[4]!['meta'], dutyAt: { id: 'unit-1' }, dutyRole: 'Lärare', startDate: '2025-08-18' };
  const read = (row: unknown) => new PayloadChecker('register', true).page('persons', 'GET /persons', { data: [row], pageToken: null });

  it('a property of an embedded row that the row scope does not read is tolerated like the row’s own', () => {
    const { startDate: _, ...withoutStart } = duty;
    const page = read(withDuty(withoutStart));
    expect(page.data).toHaveLength(1);
    expect(droppedRows(page)).toEqual([]);
  });

  it('an embedded row whose unit reference cannot be read takes the person with it', () => {
    const { dutyAt: _, ...withoutUnit } = duty;
    const page = read(withDuty(withoutUnit));
    expect(page.data).toHaveLength(0);
    expect(droppedRows(page)[0]?.error.violation).toBe('data[0]/_embedded/duties/0/dutyAt missing-required: the row is left out');
  });
});

describe('securityMarking', () => {
  it('an unknown marking is no marking: the person is served as protected, and the log says so', () => {
    const row = { ...copy(PERSON_ROWS[4]!), securityMarking: 'Hemlig' };
    const page = new PayloadChecker('register', true).page('persons', 'GET /persons', { data: [row], pageToken: null });
    expect((page.data[0] as Record<string, unknown>)['securityMarking']).toBeUndefined();
    expect(warn).toHaveBeenCalledWith(
      expect.objectContaining({ pointer: '/securityMarking', rule: 'enum-unknown', action: 'protected' }),
      expect.any(String),
    );
  });
});

describe('startDate', () => {
  it('is still required where the graph keeps it non-null (a study plan is about its dates)', () => {
    const plan = { id: 's1', meta: PERSON_ROWS[4]!['meta'], student: { id: 'p1' } };
    const page = new PayloadChecker('grades', true).page('studyplans', 'GET /studyplans', { data: [plan], pageToken: null });
    expect(page.data).toEqual([]);
    expect(droppedRows(page)[0]?.error.violation).toBe('data[0]/startDate missing-required: the row is left out');
  });
});

describe('the violation log', () => {
  it('logs each (producer, path, pointer, rule) once, however many rows repeat it, and counts every one', async () => {
    const before = (await producerPayloadViolations.get()).values.find((v) => v.labels['rule'] === 'unit-test-rule')?.value ?? 0;
    for (let i = 0; i < 50; i++)
      reportViolation({ producer: 'grades', path: 'GET /grades', pointer: '/x', rule: 'unit-test-rule', action: 'served', position: i });
    expect(warn).toHaveBeenCalledTimes(1);
    const after = (await producerPayloadViolations.get()).values.find((v) => v.labels['rule'] === 'unit-test-rule')?.value;
    expect(after).toBe(before + 50);
  });

  it('writes at most LINES_PER_MINUTE lines a minute per producer; the rest are only counted', () => {
    for (let i = 0; i < LINES_PER_MINUTE + 50; i++) {
      reportViolation({ producer: 'attendance', path: 'GET /absences', pointer: `/n${i}`, rule: 'unit-test-rate', action: 'served' });
    }
    reportViolation({ producer: 'schedule', path: 'GET /rooms', pointer: '/x', rule: 'unit-test-rate', action: 'served' });
    expect(warn).toHaveBeenCalledTimes(LINES_PER_MINUTE + 1);
  });

  it('names producer, path, pointer, rule and position, never a value of the row', () => {
    const row = { ...copy(PERSON_ROWS[2]!), givenName: 'Hemliga', familyName: 'Personsson', civicNo: { value: '201401012383' } };
    new PayloadChecker('register', true).page('persons', 'GET /persons', { data: [row], pageToken: null });
    const written = JSON.stringify(warn.mock.calls);
    expect(warn).toHaveBeenCalled();
    for (const secret of ['Hemliga', 'Personsson', '201401012383', 'Flicka', '2025-01-15']) expect(written).not.toContain(secret);
  });
});
