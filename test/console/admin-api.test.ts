// The admin API over real HTTP: who may use it, what the supplier view serves, and edits of the
// suppliers file (validated, written, reloaded, audited). The suppliers file is a temporary copy.
import { readFile, writeFile } from 'node:fs/promises';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { DEMO_KEYS, startE2E, type E2E } from '../support/e2e';
import { ADMIN_KEY, ADMINS, protectedStudentAt, suppliersCopy, type SuppliersCopy } from './support';

let stack: E2E;
let copy: SuppliersCopy;
const auditLines: Record<string, unknown>[] = [];
let base: string;

const LMS_UNIT = '91000095';
// demo-full's change-feed webhook in this test's copy: a token in the URL's path and query, a secret by variable.
const WEBHOOK_URL = 'https://hooks.example.test/ss12000/feed-t0ken?sig=q5ecret';
const WEBHOOK_SECRET = 'test-webhook-secret-value-0123456789';

const api = async (method: string, path: string, options: { key?: string | null; body?: unknown } = {}) => {
  const key = options.key === undefined ? ADMIN_KEY : options.key;
  const response = await fetch(new URL(`/admin/api/${path}`, base), {
    method,
    headers: {
      ...(key === null ? {} : { authorization: `Bearer ${key}` }),
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, json, text };
};

beforeAll(async () => {
  copy = await suppliersCopy();
  const file = await readFile(copy.path, 'utf8');
  await writeFile(
    copy.path,
    file.replace(
      '  - name: demo-full\n',
      `  - name: demo-full\n    webhook: { url: '${WEBHOOK_URL}', secret: '\${TEST_FULL_WEBHOOK_SECRET}' }\n`,
    ),
  );
  const audit = pino(
    { name: 'audit', base: undefined },
    new Writable({ write: (chunk, _encoding, done) => (auditLines.push(JSON.parse(String(chunk))), done()) }),
  );
  stack = await startE2E({
    suppliersPath: copy.path,
    admins: ADMINS,
    audit,
    changes: { variables: { TEST_FULL_WEBHOOK_SECRET: WEBHOOK_SECRET } },
  });
  base = stack.gatewayUrl;
});
afterAll(async () => {
  await stack.close();
  await copy.remove();
});

const ENDPOINTS: [string, string, unknown?][] = [
  ['GET', 'session'],
  ['DELETE', 'session'],
  ['GET', 'organisations'],
  ['POST', 'graphql', { query: '{ persons(first: 1) { edges { node { id } } } }' }],
  ['GET', 'suppliers'],
  ['GET', 'presets'],
  ['GET', 'audit'],
  ['GET', 'suppliers/demo-lms'],
  ['POST', 'suppliers/demo-lms/graphql', { query: '{ persons(first: 1) { edges { node { id } } } }' }],
  ['GET', 'suppliers/demo-lms/organisations'],
  ['GET', 'suppliers/demo-lms/explain?field=Person.civicNo'],
  ['GET', 'suppliers/demo-lms/sdl'],
  ['POST', 'suppliers/demo-lms/preview', { units: 'all', scopes: ['standard'], protectedIdentities: 'alias' }],
  ['PUT', 'suppliers/demo-lms', { units: 'all', scopes: ['standard'], protectedIdentities: 'alias' }],
  ['POST', 'suppliers/demo-lms/keys'],
  ['DELETE', 'suppliers/demo-lms/keys/a1a0430f32424d21'],
  ['POST', 'session'],
];

test('a supplier key, a wrong key or no key is 401 on every admin endpoint, and the file is untouched', async () => {
  const before = await readFile(copy.path, 'utf8');
  for (const [method, path, body] of ENDPOINTS) {
    for (const key of [DEMO_KEYS.full, DEMO_KEYS.lms, 'not-a-key', null]) {
      const { status, json } = await api(method, path, { key, body });
      expect({ method, path, key, status, code: json?.error?.code }).toEqual({ method, path, key, status: 401, code: 'UNAUTHENTICATED' });
    }
  }
  expect(await readFile(copy.path, 'utf8')).toBe(before);
});

test('sign in: a session token that opens the API; signed out, it does not', async () => {
  const signIn = await api('POST', 'session');
  expect(signIn.status).toBe(201);
  expect(signIn.json).toEqual({ admin: 'test-admin', token: expect.stringMatching(/^console_/), expiresAt: expect.any(String) });
  const token = signIn.json.token as string;
  expect((await api('GET', 'session', { key: token })).json).toEqual({ admin: 'test-admin' });
  // A session cannot open another session: signing in takes the administrator's own credential.
  expect((await api('POST', 'session', { key: token })).status).toBe(401);
  expect((await api('DELETE', 'session', { key: token })).status).toBe(200);
  expect((await api('GET', 'session', { key: token })).status).toBe(401);
});

test('the organisation tree: huvudman → school units, as the admin and as demo-lms', async () => {
  const { huvudman, unit } = protectedStudentAt(stack.dataset, LMS_UNIT);
  const admin = await api('GET', 'organisations');
  expect(admin.status).toBe(200);
  const root = admin.json.roots.find((node: { id: string }) => node.id === huvudman.id);
  expect(root.children.map((child: { id: string }) => child.id)).toContain(unit.id);
  expect(root.children.length).toBeGreaterThan(1);
  // demo-lms sees its unit only: other units are absent from its tree.
  const lms = await api('GET', 'suppliers/demo-lms/organisations');
  const ids = JSON.stringify(lms.json.roots);
  expect(ids).toContain(unit.id);
  for (const other of root.children.filter((child: { id: string }) => child.id !== unit.id)) expect(ids).not.toContain(other.id);
});

test('the graph as the admin: a protected student under an alias; as demo-lms: the alias, civicNo withheld', async () => {
  const { person } = protectedStudentAt(stack.dataset, LMS_UNIT);
  const query = 'query ($id: ID!) { person(id: $id) { id givenName familyName securityMarking civicNo { value } } }';
  const admin = await api('POST', 'graphql', { body: { query, variables: { id: person.id } } });
  expect(admin.json.errors).toBeUndefined();
  expect(admin.json.data.person).toEqual({
    id: person.id,
    givenName: 'Skyddad',
    familyName: expect.stringMatching(/^Person /),
    securityMarking: expect.any(String),
    civicNo: null,
  });
  const lms = await api('POST', 'suppliers/demo-lms/graphql', { body: { query, variables: { id: person.id } } });
  expect(lms.json.data.person).toMatchObject({
    id: person.id,
    givenName: 'Skyddad',
    familyName: admin.json.data.person.familyName,
    civicNo: null,
  });
  expect(lms.json.errors).toEqual([
    expect.objectContaining({ path: ['person', 'civicNo'], extensions: expect.objectContaining({ code: 'FORBIDDEN' }) }),
  ]);
  // The audit says an administrator looked, not the supplier.
  const requests = auditLines.filter((logged) => logged['msg'] === 'request').map((logged) => logged['supplier']);
  expect(requests).toEqual(expect.arrayContaining(['console:test-admin', 'console:test-admin:as:demo-lms']));
  expect(requests).not.toContain('demo-lms');
  // Nothing of the real identity in either answer.
  for (const text of [admin.text, lms.text]) {
    expect(text).not.toContain(person.civicNo?.value ?? '-');
    expect(text).not.toContain(person.familyName);
  }
});

test('the supplier view keeps other units absent: a student of another unit is null for demo-lms', async () => {
  const other = [...stack.dataset.persons.values()].find(
    (person) =>
      person.securityMarking === 'Ingen' &&
      (person.enrolments ?? []).length > 0 &&
      person.enrolments!.every((enrolment) => stack.dataset.organisations.get(enrolment.enroledAt.id)?.schoolUnitCode !== LMS_UNIT),
  )!;
  const query = 'query ($id: ID!) { person(id: $id) { id givenName } }';
  expect((await api('POST', 'graphql', { body: { query, variables: { id: other.id } } })).json.data.person).toEqual({
    id: other.id,
    givenName: other.givenName,
  });
  expect((await api('POST', 'suppliers/demo-lms/graphql', { body: { query, variables: { id: other.id } } })).json.data.person).toBeNull();
  const unitId = other.enrolments![0]!.enroledAt.id;
  expect((await api('GET', `suppliers/demo-lms/explain?unit=${unitId}`)).json.unit).toEqual({
    unit: unitId,
    visible: false,
    reason: expect.stringContaining('not among demo-lms'),
  });
});

test('why withheld: the field names the preset that would grant it; the protected rule is named', async () => {
  const { json } = await api('GET', 'suppliers/demo-lms/explain?field=Person.civicNo&protected');
  expect(json.field).toEqual({
    field: 'Person.civicNo',
    readable: false,
    grantedBy: ['civicNo'],
    held: [],
    reason: expect.stringContaining('civicNo'),
  });
  expect(json.protected).toEqual({ rule: 'alias', reason: expect.stringContaining('alias') });
  expect((await api('GET', 'suppliers/demo-lms/explain?field=Person.givenName')).json.field).toMatchObject({
    readable: true,
    held: ['students', 'duties'],
  });
  expect((await api('GET', 'suppliers/demo-lms/explain?field=nonsense')).status).toBe(400);
  expect((await api('GET', 'suppliers/nobody/explain?field=Person.civicNo')).status).toBe(404);
});

test('overview: every supplier with its presets, key fingerprints, last use and request counts', async () => {
  await stack.query('{ organisations(first: 1) { edges { node { id } } } }', undefined, { apiKey: DEMO_KEYS.lms });
  const { json } = await api('GET', 'suppliers');
  const lms = json.suppliers.find((supplier: { name: string }) => supplier.name === 'demo-lms');
  expect(lms).toMatchObject({
    scopes: ['standard', 'students', 'groups', 'duties', 'schoolEmail'],
    protectedIdentities: 'alias',
    keys: [{ fingerprint: 'a1a0430f32424d21', lastUsed: expect.any(String) }],
  });
  expect(lms.requests.ok).toBeGreaterThanOrEqual(1);
  expect(json.suppliers.map((supplier: { name: string }) => supplier.name)).toEqual([
    'demo-full',
    'demo-lms',
    'demo-analytics',
    'demo-attendance',
  ]);
});

test('overview: write grants, and the webhook by origin and whether its secret is set, never the secret or the rest of its URL', async () => {
  const { json, text } = await api('GET', 'suppliers');
  const byName = Object.fromEntries(json.suppliers.map((supplier: { name: string }) => [supplier.name, supplier]));
  expect(byName['demo-attendance']).toMatchObject({ writes: ['attendanceEvents', 'absences'], webhook: null });
  expect(byName['demo-lms']).toMatchObject({ writes: [], webhook: null });
  expect(byName['demo-full']).toMatchObject({ writes: [], webhook: { origin: 'https://hooks.example.test', secretSet: true } });
  const one = await api('GET', 'suppliers/demo-full');
  expect(one.json.webhook).toEqual({ origin: 'https://hooks.example.test', secretSet: true });
  for (const answer of [text, one.text]) {
    for (const secret of [WEBHOOK_SECRET, 't0ken', 'q5ecret', 'TEST_FULL_WEBHOOK_SECRET']) expect(answer).not.toContain(secret);
  }
  expect((await api('GET', 'presets')).json.writeGrants).toEqual([
    { name: 'attendances', mutations: ['createAttendance', 'deleteAttendance'] },
    { name: 'attendanceEvents', mutations: ['createAttendanceEvent', 'deleteAttendanceEvent'] },
    { name: 'attendanceSchedule', mutations: ['createAttendanceSchedule', 'deleteAttendanceSchedule'] },
    { name: 'absences', mutations: ['createAbsence'] },
  ]);
});

test('a bad update is refused with the validation message, and the file is unchanged', async () => {
  const before = await readFile(copy.path, 'utf8');
  const refused = await api('PUT', 'suppliers/demo-lms', {
    body: { units: 'all', scopes: ['standard', 'attendance'], protectedIdentities: 'alias', minGroupSize: 5 },
  });
  expect(refused.status).toBe(400);
  expect(refused.json.error).toEqual({
    code: 'BAD_USER_INPUT',
    message: expect.stringContaining('suppliers[demo-lms].minGroupSize: cannot be combined with attendance'),
  });
  const unknownPreset = await api('PUT', 'suppliers/demo-lms', {
    body: { units: 'all', scopes: ['everything'], protectedIdentities: 'alias' },
  });
  expect(unknownPreset.json.error.message).toContain('suppliers[demo-lms].scopes');
  expect(
    (
      await api('PUT', 'suppliers/demo-lms', {
        body: { name: 'renamed', units: 'all', scopes: ['standard'], protectedIdentities: 'alias' },
      })
    ).status,
  ).toBe(400);
  expect(await readFile(copy.path, 'utf8')).toBe(before);
});

test('an update changes the contract: previewed, saved, reloaded, served and audited', async () => {
  const entry = (await api('GET', 'suppliers/demo-lms')).json.permissions;
  expect((await api('GET', 'suppliers/demo-lms/sdl')).text).not.toMatch(/civicNo: CivicNo/);
  const proposed = { ...entry, scopes: [...entry.scopes, 'civicNo'] };
  const preview = await api('POST', 'suppliers/demo-lms/preview', { body: proposed });
  expect(preview.json.added).toEqual(['CivicNo.nationality', 'CivicNo.value', 'Person.civicNo']);
  expect(preview.json.removed).toEqual([]);
  // A preview writes nothing.
  expect((await api('GET', 'suppliers/demo-lms/sdl')).text).not.toMatch(/civicNo: CivicNo/);

  const saved = await api('PUT', 'suppliers/demo-lms', { body: proposed });
  expect(saved.json).toMatchObject({ saved: true, reloaded: true });
  expect(await readFile(copy.path, 'utf8')).toMatch(/civicNo/);
  // Comments elsewhere in the file survive the edit.
  expect(await readFile(copy.path, 'utf8')).toContain('# A learning platform at one school');
  expect((await api('GET', 'suppliers/demo-lms/sdl')).text).toMatch(/civicNo: CivicNo/);
  const sdl = await fetch(new URL('/sdl', base), { headers: { authorization: `Bearer ${DEMO_KEYS.lms}` } });
  expect(await sdl.text()).toMatch(/civicNo: CivicNo/);

  const line = auditLines.find((logged) => logged['msg'] === 'admin change' && logged['action'] === 'update-supplier');
  expect(line).toMatchObject({
    name: 'audit',
    admin: 'test-admin',
    supplier: 'demo-lms',
    before: { scopes: entry.scopes },
    after: { scopes: proposed.scopes },
  });
  expect((line!['before'] as { apiKeys: string[] }).apiKeys).toEqual(['a1a0430f32424d21']);
  const { json } = await api('GET', 'audit');
  expect(json.entries[0]).toMatchObject({ admin: 'test-admin', action: 'update-supplier', supplier: 'demo-lms', at: expect.any(String) });

  // Back as it was, for the other tests.
  expect((await api('PUT', 'suppliers/demo-lms', { body: entry })).json).toMatchObject({ saved: true, reloaded: true });
});

test('a key issued works on /graphql at once; revoked, it does not; the audit holds fingerprints only', async () => {
  const issued = await api('POST', 'suppliers/demo-analytics/keys');
  expect(issued.status).toBe(201);
  const { key, fingerprint, sha256 } = issued.json as { key: string; fingerprint: string; sha256: string };
  expect(issued.json.reloaded).toBe(true);
  const document = '{ organisations(first: 1) { edges { node { id } } } }';
  expect((await stack.query(document, undefined, { apiKey: key })).status).toBe(200);
  // The file holds the digest, never the key.
  const text = await readFile(copy.path, 'utf8');
  expect(text).toContain(sha256);
  expect(text).not.toContain(key);

  const revoked = await api('DELETE', `suppliers/demo-analytics/keys/${fingerprint}`);
  expect(revoked.json).toEqual({ revoked: fingerprint, reloaded: true });
  expect((await stack.query(document, undefined, { apiKey: key })).status).toBe(401);
  expect((await stack.query(document, undefined, { apiKey: DEMO_KEYS.analytics })).status).toBe(200);

  const lines = auditLines.filter((logged) => logged['msg'] === 'admin change' && logged['supplier'] === 'demo-analytics');
  expect(lines.map((logged) => [logged['action'], logged['key']])).toEqual([
    ['issue-key', fingerprint],
    ['revoke-key', fingerprint],
  ]);
  expect(JSON.stringify(auditLines)).not.toContain(key);
  expect(JSON.stringify(auditLines)).not.toContain(ADMIN_KEY);
  // The last key of a supplier without a JWT cannot be revoked: the file would not load.
  const last = await api('DELETE', 'suppliers/demo-analytics/keys/744d7b1b08833feb');
  expect(last.status).toBe(400);
  expect(last.json.error.message).toContain('needs apiKeys or jwt');
});

test('write grants are edited like the rest: validated, previewed in the contract, saved; left out, removed', async () => {
  const before = await readFile(copy.path, 'utf8');
  const lms = (await api('GET', 'suppliers/demo-lms')).json.permissions;
  const noAttendance = await api('PUT', 'suppliers/demo-lms', { body: { ...lms, writes: ['absences'] } });
  expect(noAttendance.status).toBe(400);
  expect(noAttendance.json.error.message).toContain('suppliers[demo-lms].writes: needs the attendance preset');
  const attendance = (await api('GET', 'suppliers/demo-attendance')).json.permissions;
  expect(attendance.writes).toEqual(['attendanceEvents', 'absences']);
  const unknown = await api('PUT', 'suppliers/demo-attendance', { body: { ...attendance, writes: ['everything'] } });
  expect(unknown.status).toBe(400);
  expect(unknown.json.error.message).toContain('suppliers[demo-attendance].writes');
  expect(await readFile(copy.path, 'utf8')).toBe(before);

  const proposed = { ...attendance, writes: [...attendance.writes, 'attendances'] };
  const preview = await api('POST', 'suppliers/demo-attendance/preview', { body: proposed });
  expect(preview.json.added).toEqual(['CreateAttendancePayload.attendance', 'Mutation.createAttendance', 'Mutation.deleteAttendance']);
  expect(preview.json.removed).toEqual([]);
  expect((await api('PUT', 'suppliers/demo-attendance', { body: proposed })).json).toMatchObject({ saved: true, reloaded: true });
  expect((await api('GET', 'suppliers/demo-attendance')).json.writes).toEqual(['attendanceEvents', 'absences', 'attendances']);
  expect((await api('GET', 'suppliers/demo-attendance/sdl')).text).toContain('createAttendance(');

  const { writes: _writes, ...withoutWrites } = attendance;
  expect((await api('PUT', 'suppliers/demo-attendance', { body: withoutWrites })).json).toMatchObject({ saved: true, reloaded: true });
  expect((await api('GET', 'suppliers/demo-attendance')).json.writes).toEqual([]);
  expect((await api('GET', 'suppliers/demo-attendance/sdl')).text).not.toContain('type Mutation');

  // Back as it was, for the other tests.
  expect((await api('PUT', 'suppliers/demo-attendance', { body: attendance })).json).toMatchObject({ saved: true, reloaded: true });
});
