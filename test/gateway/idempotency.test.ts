// Idempotent writes: a mutation retried with the same Idempotency-Key (header or input field) answers
// the first result and reaches the producer once; the same key with another request is refused; keys
// are per supplier; a failed write frees its key, one whose answer was lost does not; the key travels signed; Redis shares keys between
// replicas of the attendance subgraph.
import { randomUUID } from 'node:crypto';
import { CALLER_SIGNATURE_HEADER, signedSubgraphRequest, verifySubgraphRequest } from '../../src/auth';
import { createIdempotencyStore, memoryIdempotencyStore } from '../../src/gateway/idempotency-store';
import { auditCapture, callerWith, codes } from '../auth-e2e/support';
import {
  absenceInput,
  CHECK_IN,
  checkInAt,
  checkInInput,
  CREATE_ABSENCE,
  DELETE_EVENT,
  firstUnit,
  sent,
  studentOf,
  writeSuppliersFile,
} from '../graph/attendance/support/writes';
import { keyOf } from '../row-scope/support/suppliers';
import { startE2E, type E2E } from '../support/e2e';

const REDIS_URL = 'redis://127.0.0.1:6379';

describe('idempotent writes through the gateway', () => {
  let stack: E2E;
  let unitId: string;
  const audit = auditCapture();
  const write = (query: string, variables: Record<string, unknown>, key?: string, supplier = 'writer-all') =>
    stack.query<any>(query, variables, { apiKey: keyOf(supplier), headers: key === undefined ? {} : { 'idempotency-key': key } });
  const posts = (): number => sent(stack.producers.attendance.stats(), 'POST /absences');

  beforeAll(async () => {
    const { generateMunicipality } = await import('../../src/demo/generator');
    const dataset = generateMunicipality({ seed: 12000, students: 300, studentsPerUnit: 100 });
    const unit = firstUnit(dataset);
    unitId = unit.id;
    stack = await startE2E({ dataset, suppliersPath: await writeSuppliersFile(unit.schoolUnitCode!), audit: audit.logger });
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.producers.attendance.resetStats());

  it('a retry with the same Idempotency-Key answers the first result and writes once', async () => {
    const key = randomUUID();
    const input = absenceInput(studentOf(stack.dataset, unitId));
    const stored = stack.dataset.absences.size;
    const first = await write(CREATE_ABSENCE, { input }, key);
    const retry = await write(CREATE_ABSENCE, { input }, key);
    expect(first.errors).toBeUndefined();
    expect(retry).toEqual(first);
    expect(posts()).toBe(1);
    expect(stack.dataset.absences.size).toBe(stored + 1);
    const id = first.data.createAbsence.absence.id;
    expect(audit.lines().filter((line) => line['msg'] === 'write' && line['id'] === id)).toHaveLength(1);
    // Without a key, the same request is a second write.
    await write(CREATE_ABSENCE, { input });
    expect(posts()).toBe(2);
  });

  it('the same key with a different body is refused naming the key, and nothing is written', async () => {
    const key = randomUUID();
    const student = studentOf(stack.dataset, unitId);
    await write(CREATE_ABSENCE, { input: absenceInput(student) }, key);
    const other = await write(CREATE_ABSENCE, { input: absenceInput(student, { type: 'BEVILJAD_LEDIGHET' }) }, key);
    expect(codes(other)).toEqual(['BAD_USER_INPUT']);
    expect(other.errors![0]!.extensions).toMatchObject({ argument: 'idempotencyKey' });
    expect(other.errors![0]!.message).toMatch(/used for a different request/);
    const otherMutation = await write(CHECK_IN, { input: checkInInput(checkInAt(stack.dataset, unitId)) }, key);
    expect(codes(otherMutation)).toEqual(['BAD_USER_INPUT']);
    expect(posts()).toBe(1);
    expect(sent(stack.producers.attendance.stats(), 'POST /attendanceEvents')).toBe(0);
  });

  it("a key is the supplier's own: another supplier using it writes its own row", async () => {
    const key = randomUUID();
    const input = absenceInput(studentOf(stack.dataset, unitId));
    const mine = await write(CREATE_ABSENCE, { input }, key, 'writer-all');
    const theirs = await write(CREATE_ABSENCE, { input }, key, 'writer-alias');
    expect(theirs.errors).toBeUndefined();
    expect(theirs.data.createAbsence.absence.id).not.toBe(mine.data.createAbsence.absence.id);
    expect(posts()).toBe(2);
  });

  it('the input field works as the header does; both given, they must agree', async () => {
    const key = randomUUID();
    const input = absenceInput(studentOf(stack.dataset, unitId), { idempotencyKey: key });
    const first = await write(CREATE_ABSENCE, { input });
    const retryByHeader = await write(CREATE_ABSENCE, { input }, key);
    expect(retryByHeader).toEqual(first);
    const disagreeing = await write(CREATE_ABSENCE, { input }, randomUUID());
    expect(codes(disagreeing)).toEqual(['BAD_USER_INPUT']);
    expect(disagreeing.errors![0]!.extensions).toMatchObject({ argument: 'input.idempotencyKey' });
    expect(posts()).toBe(1);
  });

  it('a write that failed frees its key: the retry after the producer is back writes once', async () => {
    const key = randomUUID();
    const input = absenceInput(studentOf(stack.dataset, unitId));
    const stored = stack.dataset.absences.size;
    stack.producers.attendance.setFaults({ errorRate: 1 });
    let failed;
    try {
      failed = await write(CREATE_ABSENCE, { input }, key);
    } finally {
      stack.producers.attendance.setFaults({ errorRate: 0 });
    }
    expect(codes(failed)).toEqual(['UPSTREAM_UNAVAILABLE']);
    expect(stack.dataset.absences.size).toBe(stored);
    const retry = await write(CREATE_ABSENCE, { input }, key);
    expect(retry.errors).toBeUndefined();
    expect(await write(CREATE_ABSENCE, { input }, key)).toEqual(retry);
    expect(posts()).toBe(2);
    expect(stack.dataset.absences.size).toBe(stored + 1);
  });

  it('a write whose answer was lost may be stored: UPSTREAM_INVALID, and its key then answers that the outcome is unknown, never a second write', async () => {
    const key = randomUUID();
    const input = absenceInput(studentOf(stack.dataset, unitId));
    const stored = stack.dataset.absences.size;
    // The demo producer stores the row, then sends a body that is not JSON.
    stack.producers.attendance.setFaults({ malformedRate: 1 });
    let broken;
    try {
      broken = await write(CREATE_ABSENCE, { input }, key);
    } finally {
      stack.producers.attendance.setFaults({ malformedRate: 0 });
    }
    expect(codes(broken)).toEqual(['UPSTREAM_INVALID']);
    expect(stack.dataset.absences.size).toBe(stored + 1);
    const retry = await write(CREATE_ABSENCE, { input }, key);
    expect(codes(retry)).toEqual(['UPSTREAM_UNAVAILABLE']);
    expect(retry.errors![0]!.message).toMatch(/whether it was stored is unknown/);
    expect(posts()).toBe(1);
    expect(stack.dataset.absences.size).toBe(stored + 1);
  });

  it('a delete retried with its key answers the first result instead of FORBIDDEN, and is sent once', async () => {
    const created = await write(CHECK_IN, { input: checkInInput(checkInAt(stack.dataset, unitId)) });
    const id = created.data.createAttendanceEvent.attendanceEvent.id;
    const key = randomUUID();
    const first = await write(DELETE_EVENT, { input: { id } }, key);
    expect(first.data).toEqual({ deleteAttendanceEvent: { id } });
    expect(await write(DELETE_EVENT, { input: { id } }, key)).toEqual(first);
    expect(codes(await write(DELETE_EVENT, { input: { id } }))).toEqual(['FORBIDDEN']);
    expect(stack.producers.attendance.stats().byRoute['DELETE /attendanceEvents/{id}']).toBe(1);
  });

  it('an unusable Idempotency-Key header is a 400 before anything runs', async () => {
    const response = await write(CREATE_ABSENCE, { input: absenceInput(studentOf(stack.dataset, unitId)) }, 'two words');
    expect(response.status).toBe(400);
    expect(codes(response)).toEqual(['BAD_USER_INPUT']);
    expect(stack.producers.attendance.stats().total).toBe(0);
  });
});

describe('the idempotency key in the signed claims', () => {
  it('travels signed: another key in the same body breaks the signature', async () => {
    const secret = 'a'.repeat(32);
    const caller = { ...callerWith(['attendance'], { writes: ['absences'] }), idempotencyKey: 'key-1' };
    const signed = signedSubgraphRequest(caller, { query: '{ __typename }' }, 'attendance', secret);
    const verified = await verifySubgraphRequest(
      { headers: signed.headers, subgraph: 'attendance', body: signed.body, parsedBody: JSON.parse(signed.body) },
      secret,
    );
    expect(verified).toMatchObject({ writes: ['absences'], idempotencyKey: 'key-1' });
    const forged = signed.body.replace('key-1', 'key-2');
    const refused = await verifySubgraphRequest(
      { headers: signed.headers, subgraph: 'attendance', body: forged, parsedBody: JSON.parse(forged) },
      secret,
    );
    expect(refused).toEqual({ error: 'invalid' });
    expect(signed.headers[CALLER_SIGNATURE_HEADER]).toMatch(/^v2\./);
  });
});

describe('idempotency keys in Redis', () => {
  it('replicas sharing a Redis share keys: what one wrote, the other answers; a failed write frees the key for both', async () => {
    const keyPrefix = `test-idem-${randomUUID()}`;
    const replicaA = createIdempotencyStore({ redisUrl: REDIS_URL, keyPrefix, ttlSeconds: 60 });
    const replicaB = createIdempotencyStore({ redisUrl: REDIS_URL, keyPrefix, ttlSeconds: 60 });
    await Promise.all([replicaA.connect(), replicaB.connect()]);
    try {
      expect(await replicaA.claim('k1', 'digest-1')).toEqual({ state: 'claimed' });
      expect(await replicaB.claim('k1', 'digest-1')).toEqual({ state: 'pending', digest: 'digest-1' });
      await replicaA.complete('k1', 'digest-1', { absence: { id: 'a' } });
      expect(await replicaB.claim('k1', 'digest-1')).toEqual({ state: 'done', digest: 'digest-1', result: { absence: { id: 'a' } } });
      expect(await replicaB.claim('k2', 'digest-2')).toEqual({ state: 'claimed' });
      await replicaB.release('k2');
      expect(await replicaA.claim('k2', 'digest-3')).toEqual({ state: 'claimed' });
    } finally {
      await Promise.all([replicaA.close(), replicaB.close()]);
    }
  });
});

describe('idempotency keys in memory', () => {
  afterEach(() => jest.useRealTimers());

  it('a result is kept for the TTL; a claim whose write never finished is let go after two minutes', async () => {
    jest.useFakeTimers({ now: Date.parse('2026-10-05T08:00:00Z') });
    const store = memoryIdempotencyStore(3600);
    expect(await store.claim('crashed', 'd')).toEqual({ state: 'claimed' });
    expect(await store.claim('crashed', 'd')).toEqual({ state: 'pending', digest: 'd' });
    await store.claim('written', 'd');
    await store.complete('written', 'd', { id: 'x' });
    jest.setSystemTime(Date.parse('2026-10-05T08:02:01Z'));
    expect(await store.claim('crashed', 'd')).toEqual({ state: 'claimed' });
    expect(await store.claim('written', 'd')).toEqual({ state: 'done', digest: 'd', result: { id: 'x' } });
    jest.setSystemTime(Date.parse('2026-10-05T09:00:01Z'));
    expect(await store.claim('written', 'e')).toEqual({ state: 'claimed' });
  });
});
