// A misbehaving producer over real HTTP (the demo producers' fault knobs): the gateway answers by
// its deadline with the other producers' fields whole, absorbs transient 503s with retries, stops
// calling a failing producer (circuit breaker, visible on /readyz) and recovers by one probe.
import { Client } from 'undici';
import { startE2E, type E2E, type GraphQLResponse } from '../support/e2e';

// Register (group, members, persons), schedule (the class's activities), attendance (absences) and grades.
const CLASS_QUERY = /* GraphQL */ `
  query Class($id: ID!) {
    group(id: $id) {
      displayName
      activities {
        displayName
      }
      groupMemberships {
        person {
          id
          givenName
          absences {
            type
          }
          grades {
            gradeValue
          }
        }
      }
    }
  }
`;

type ClassData = {
  group: {
    displayName: string | null;
    activities: { displayName: string }[] | null;
    groupMemberships: { person: { id: string; givenName: string | null; absences: unknown[] | null; grades: unknown[] | null } }[];
  } | null;
};

const DEADLINE_MS = 3_000;
const HALF_OPEN_AFTER_MS = 1_000;

describe('resilience against misbehaving producers', () => {
  let stack: E2E;
  let classId: string;
  const ask = async () => {
    const started = Date.now();
    const answer = await stack.query<ClassData>(CLASS_QUERY, { id: classId });
    return { ...answer, ms: Date.now() - started };
  };
  const codes = (errors: GraphQLResponse['errors']) => [
    ...new Set(errors?.map((e) => `${String(e.extensions?.['code'])} ${String(e.extensions?.['producer'])}`)),
  ];
  const readyz = async () => {
    const response = await fetch(new URL('/readyz', stack.gatewayUrl));
    return {
      status: response.status,
      body: (await response.json()) as { status: string; producers: Record<string, string>; organisationTree?: string },
    };
  };
  const waitUntil = async (what: () => Promise<boolean>, timeoutMs: number) => {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      if (await what()) return true;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return false;
  };

  beforeAll(async () => {
    stack = await startE2E({
      students: 120,
      requestTimeoutMs: DEADLINE_MS,
      // Few failures open a breaker here, so that the scenarios stay short.
      tuning: { breakerFailures: 3, breakerHalfOpenAfterMs: HALF_OPEN_AFTER_MS, maxAttempts: 6 },
    });
    classId = [...stack.dataset.groups.values()].find((g) => g.groupType === 'Klass')!.id;
  });
  afterAll(() => stack.close());
  afterEach(async () => {
    for (const producer of Object.values(stack.producers))
      producer.setFaults({ latencyMs: 0, errorRate: 0, timeoutRate: 0, malformedRate: 0 });
    // Leave every breaker closed for the next scenario.
    await waitUntil(async () => (await ask()).errors === undefined && (await readyz()).body.status === 'ready', 10_000);
  });

  it('answers the class query whole when nothing is wrong, and /readyz says ready', async () => {
    const { data, errors } = await ask();
    expect(errors).toBeUndefined();
    expect(data?.group?.groupMemberships.length).toBeGreaterThan(0);
    expect(data?.group?.activities?.length).toBeGreaterThan(0);
    expect(await readyz()).toEqual({
      status: 200,
      body: {
        status: 'ready',
        organisationTree: 'known',
        producers: { register: 'closed', schedule: 'closed', attendance: 'closed', grades: 'closed' },
      },
    });
  });

  it('cuts a producer 10 s slow at the deadline: its fields null and named, the others whole', async () => {
    stack.producers.grades.setFaults({ latencyMs: 10_000 });
    const { data, errors, ms } = await ask();
    // The deadline is 3 s; without one the answer would wait out the 10 s latency.
    expect(ms).toBeLessThan(DEADLINE_MS + 1_500);
    expect(codes(errors)).toEqual(['UPSTREAM_UNAVAILABLE grades']);
    const persons = data!.group!.groupMemberships.map((m) => m.person);
    expect(persons.every((p) => p.givenName !== null && p.absences !== null)).toBe(true);
    expect(persons.every((p) => p.grades === null)).toBe(true);
    expect(data!.group!.activities!.length).toBeGreaterThan(0);
  });

  it('a producer that is down answers at once once its breaker is open, shows on /readyz, and recovers by one probe', async () => {
    stack.producers.grades.setFaults({ errorRate: 1 });
    // The first queries spend retries until the breaker opens.
    for (let i = 0; i < 3 && (await readyz()).body.producers['grades'] !== 'open'; i += 1) await ask();
    const ready = await readyz();
    expect(ready).toMatchObject({ status: 200, body: { status: 'degraded', producers: { grades: 'open', register: 'closed' } } });
    // The grades subgraph reports the same breaker on its own /readyz.
    const subgraph = await fetch(new URL('/readyz', stack.subgraphUrls.grades));
    expect(await subgraph.json()).toMatchObject({ status: 'degraded', producers: { grades: 'open' } });

    stack.producers.grades.resetStats();
    const { data, errors, ms } = await ask();
    expect(ms).toBeLessThan(1_000);
    expect(codes(errors)).toEqual(['UPSTREAM_UNAVAILABLE grades']);
    expect(errors![0]!.message).toContain('grades');
    const persons = data!.group!.groupMemberships.map((m) => m.person);
    expect(persons.every((p) => p.givenName !== null && p.absences !== null && p.grades === null)).toBe(true);
    // Not even sent: the open breaker answered.
    expect(stack.producers.grades.stats().total).toBe(0);

    stack.producers.grades.setFaults({ errorRate: 0 });
    await new Promise((resolve) => setTimeout(resolve, HALF_OPEN_AFTER_MS + 100));
    const recovered = await ask();
    expect(recovered.errors).toBeUndefined();
    expect(recovered.data!.group!.groupMemberships.every((m) => m.person.grades !== null)).toBe(true);
    expect((await readyz()).body.producers['grades']).toBe('closed');
  });

  it('a hung producer is cut at the deadline, then answered at once by its open breaker', async () => {
    stack.producers.attendance.setFaults({ timeoutRate: 1 });
    const first = await ask();
    expect(first.ms).toBeLessThan(DEADLINE_MS + 1_500);
    expect(codes(first.errors)).toEqual(['UPSTREAM_UNAVAILABLE attendance']);
    for (let i = 0; i < 3 && (await readyz()).body.producers['attendance'] !== 'open'; i += 1) await ask();
    const later = await ask();
    expect(later.ms).toBeLessThan(1_000);
    expect(codes(later.errors)).toEqual(['UPSTREAM_UNAVAILABLE attendance']);
    expect(later.data!.group!.groupMemberships.every((m) => m.person.grades !== null && m.person.absences === null)).toBe(true);
  });

  it('a body over the limit gets 413 and the keep-alive connection stays usable', async () => {
    const url = new URL(stack.gatewayUrl);
    const client = new Client(url.origin);
    try {
      const headers = { 'content-type': 'application/json', authorization: 'Bearer demo-full-key' };
      const big = JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(3 * 1024 * 1024) } });
      const refused = await client.request({ method: 'POST', path: url.pathname, headers, body: big });
      expect(refused.statusCode).toBe(413);
      await refused.body.text();
      const started = Date.now();
      const next = await client.request({ method: 'POST', path: url.pathname, headers, body: JSON.stringify({ query: '{ __typename }' }) });
      expect(next.statusCode).toBe(200);
      expect(await next.body.json()).toMatchObject({ data: { __typename: 'Query' } });
      // Before the fix this request hung until the 65 s keep-alive timeout.
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await client.close();
    }
  });
});

describe('a gateway started while the register is down', () => {
  let stack: E2E;
  beforeAll(async () => {
    stack = await startE2E({
      students: 60,
      faults: { register: { errorRate: 1 } },
      organisationTreeRetryMs: 200,
      tuning: { breakerFailures: 3, breakerHalfOpenAfterMs: 500 },
    });
  });
  afterAll(() => stack.close());

  it('answers a unit-scoped supplier UPSTREAM_UNAVAILABLE (never empty lists) and serves it once the register is back', async () => {
    const document = '{ groups(first: 5) { edges { node { id } } } }';
    const down = await stack.query(document, undefined, { apiKey: 'demo-lms-key' });
    expect(down.status).toBe(503);
    expect(down.errors).toEqual([expect.objectContaining({ extensions: { code: 'UPSTREAM_UNAVAILABLE', producer: 'register' } })]);
    const notReady = await fetch(new URL('/readyz', stack.gatewayUrl));
    expect(notReady.status).toBe(503);
    expect(await notReady.json()).toMatchObject({ status: 'not_ready', organisationTree: 'unknown' });

    // Back, without touching the suppliers file: the tree is read again in the background.
    stack.producers.register.setFaults({ errorRate: 0 });
    let answer = down;
    const until = Date.now() + 15_000;
    while (Date.now() < until && answer.status !== 200) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      answer = await stack.query(document, undefined, { apiKey: 'demo-lms-key' });
    }
    expect(answer.status).toBe(200);
    expect(answer.errors).toBeUndefined();
    expect((answer.data!['groups'] as { edges: unknown[] }).edges.length).toBeGreaterThan(0);
    expect((await fetch(new URL('/readyz', stack.gatewayUrl))).status).toBe(200);
  });
});

describe('a producer that is really down (connection refused)', () => {
  let stack: E2E;
  beforeAll(async () => {
    stack = await startE2E({ students: 60, tuning: { breakerFailures: 3 } });
    await stack.producers.grades.close();
  });
  afterAll(() => stack.close());

  it("answers in under a second with the other producers' fields once the breaker is open", async () => {
    const classId = [...stack.dataset.groups.values()].find((g) => g.groupType === 'Klass')!.id;
    const ask = async () => {
      const started = Date.now();
      const answer = await stack.query<ClassData>(CLASS_QUERY, { id: classId });
      return { ...answer, ms: Date.now() - started };
    };
    await ask(); // spends its retries and opens the breaker
    const answer = await ask();
    expect(answer.ms).toBeLessThan(1_000);
    const persons = answer.data!.group!.groupMemberships.map((m) => m.person);
    expect(persons.length).toBeGreaterThan(0);
    expect(persons.every((p) => p.givenName !== null && p.absences !== null && p.grades === null)).toBe(true);
    expect(answer.data!.group!.activities!.length).toBeGreaterThan(0);
    expect(new Set(answer.errors!.map((e) => `${String(e.extensions?.['code'])} ${String(e.extensions?.['producer'])}`))).toEqual(
      new Set(['UPSTREAM_UNAVAILABLE grades']),
    );
    expect(answer.errors![0]!.message).toBe('The grades producer is unavailable.');
  });
});

// Its own stack at the default breaker (10 consecutive failed attempts): the scenarios above open a
// breaker after 3 to stay short, and 3 failed attempts in a row somewhere in a class query's ~50 are
// likely at 20 % (a breaker counts attempts, so that a producer that is down opens it quickly).
describe('transient producer errors at the default settings', () => {
  let stack: E2E;
  beforeAll(async () => {
    stack = await startE2E({ students: 120, requestTimeoutMs: 30_000 });
  });
  afterAll(() => stack.close());

  it('absorbs 20 % 503s on every producer with retries: no error reaches the caller', async () => {
    const classId = [...stack.dataset.groups.values()].find((g) => g.groupType === 'Klass')!.id;
    for (const producer of Object.values(stack.producers)) producer.setFaults({ errorRate: 0.2 });
    const answers = [];
    for (let i = 0; i < 5; i += 1) answers.push(await stack.query<ClassData>(CLASS_QUERY, { id: classId }));
    expect(answers.map((a) => a.errors)).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect(answers.every((a) => (a.data?.group?.groupMemberships.length ?? 0) > 0)).toBe(true);
  });
});
