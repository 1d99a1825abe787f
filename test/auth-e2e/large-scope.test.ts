// Issue 10, item 7: a supplier's scope of any size reaches the subgraphs. A municipality-wide supplier
// names only the huvudman; the gateway expands it to every unit (365 here) and signs that set into the
// body of each subgraph request (the old x-ss12000-caller header outgrew Node's 16 KiB header limit
// near 300 units: every subgraph answered 431 and the supplier got INTERNAL_SERVER_ERROR on
// everything). And a request still too large for a subgraph is a coded REQUEST_TOO_LARGE.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { hashApiKey, type Authenticator, type Caller } from '../../src/auth';
import { DEFAULT_SUPPLIERS_PATH, SUPERGRAPH_PATH } from '../../src/config/paths';
import { generateMunicipality } from '../../src/demo/generator';
import { startGatewayServer } from '../../src/gateway/gateway-server';
import type { RunningServer } from '../../src/gateway/subgraph-server';
import { startSupplierAuth } from '../../src/gateway/supplier-auth';
import { startE2E, testAudit, type E2E } from '../support/e2e';
import { callerWith, codes, FULL_SCOPES, post } from './support';

const KEY = 'municipality-wide-test-key';

let stack: E2E;
beforeAll(async () => {
  // 365 school units under one huvudman, 50 students each (the generator's smallest units).
  const dataset = generateMunicipality({ students: 18_250, studentsPerUnit: 50 });
  const huvudman = [...dataset.organisations.values()].find((organisation) => organisation.organisationType === 'Huvudman')!;
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'suppliers-')), 'suppliers.yaml');
  const suppliers = [
    {
      name: 'municipality-wide',
      apiKeys: [{ sha256: hashApiKey(KEY) }],
      units: [huvudman.id],
      scopes: ['standard', 'students', 'groups', 'responsibles', 'activities'],
      protectedIdentities: 'alias',
      // The unit query below walks classes → members → guardians and groups → activities: above the default budget.
      costBudget: 100_000,
    },
  ];
  await writeFile(file, stringify({ suppliers }));
  stack = await startE2E({ dataset, suppliersPath: file, apiKey: KEY });
});
afterAll(() => stack?.close());

const UNIT_QUERY = `query ($id: ID!) {
  organisation(id: $id) {
    displayName
    groups(groupType: [KLASS]) { displayName groupMemberships { person { id givenName responsibles { person { id familyName } } } } }
  }
  groups(organisation: [$id], first: 1000) { edges { node { id activities { id } } } }
}`;

interface UnitAnswer {
  organisation: {
    displayName: string;
    groups: { displayName: string; groupMemberships: { person: { id: string; givenName: string | null } | null }[] }[];
  } | null;
  groups: { edges: { node: { id: string; activities: { id: string }[] | null } }[] };
}

describe('a supplier whose units are the huvudman of a 365-unit municipality', () => {
  it('reads a unit deep in the tree (the last of 365): its classes, their students, its groups and their activities, with no error', async () => {
    expect(stack.dataset.description.schoolUnits).toBeGreaterThanOrEqual(360);
    // The förskolor come after the school units; the last school unit is the one with classes.
    const units = [...stack.dataset.organisations.values()].filter(
      (organisation) => organisation.organisationType === 'Skolenhet' && !organisation.schoolTypes?.includes('FS'),
    );
    expect(units).toHaveLength(365);
    const unit = units[units.length - 1]!;
    const response = await stack.query<UnitAnswer>(UNIT_QUERY, { id: unit.id });
    expect(response.errors).toBeUndefined();
    expect(response.status).toBe(200);

    const answered = response.data!.organisation!;
    expect(answered.displayName).toBe(unit.displayName);
    const classes = [...stack.dataset.groups.values()].filter((group) => group.organisation.id === unit.id && group.groupType === 'Klass');
    expect(classes.length).toBeGreaterThan(0);
    expect(answered.groups.map((group) => group.displayName).sort()).toEqual(classes.map((group) => group.displayName).sort());
    const members = (group: { groupMemberships?: { person: { id: string } }[] }) =>
      (group.groupMemberships ?? []).map((membership) => membership.person.id).sort();
    for (const group of classes) {
      const answeredClass = answered.groups.find((candidate) => candidate.displayName === group.displayName)!;
      expect(answeredClass.groupMemberships.map((membership) => membership.person!.id).sort()).toEqual(members(group));
    }
    const student = stack.dataset.persons.get(members(classes[0]!)[0]!)!;
    const answeredStudent = answered.groups
      .flatMap((group) => group.groupMemberships)
      .find((membership) => membership.person?.id === student.id)!.person!;
    expect(answeredStudent.givenName).toBe(student.securityMarking === 'Ingen' ? student.givenName : expect.any(String));

    const groups = [...stack.dataset.groups.values()].filter((group) => group.organisation.id === unit.id);
    expect(response.data!.groups.edges.map((edge) => edge.node.id).sort()).toEqual(groups.map((group) => group.id).sort());
    // Activities come from the schedule subgraph: the scope reached it too.
    const activities = [...stack.dataset.activities.values()].filter((activity) =>
      activity.groups?.some((group) => group.id === classes[0]!.id),
    );
    const answeredActivities = response.data!.groups.edges.find((edge) => edge.node.id === classes[0]!.id)!.node.activities!;
    expect(answeredActivities.map((activity) => activity.id).sort()).toEqual(activities.map((activity) => activity.id).sort());
  });

  it('pages persons across the municipality with no error', async () => {
    const response = await stack.query<{ persons: { edges: unknown[] } }>('{ persons(first: 200) { edges { node { id givenName } } } }');
    expect(response.errors).toBeUndefined();
    expect(response.data!.persons.edges).toHaveLength(200);
  });
});

/** A gateway over the stack's subgraphs, with its own authenticator and some subgraph URLs replaced. */
const gatewayWith = async (authenticator: Authenticator, subgraphUrls: Partial<E2E['subgraphUrls']> = {}): Promise<RunningServer> =>
  startGatewayServer({
    supergraphSdl: await readFile(SUPERGRAPH_PATH, 'utf8'),
    subgraphUrls: { ...stack.subgraphUrls, ...subgraphUrls },
    listen: { host: '127.0.0.1', port: 0 },
    authenticator,
    callerSecret: stack.callerSecret,
    audit: testAudit(),
  });

const askGateway = (url: string, query: string) => post(url, { query }, { authorization: 'Bearer anything' });

describe('a request still too large for a subgraph', () => {
  it('a scope beyond what a subgraph accepts (60,000 units): REQUEST_TOO_LARGE naming the subgraph, nothing sent', async () => {
    const units = new Set(Array.from({ length: 60_000 }, (_, index) => `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`));
    const caller: Caller = callerWith(FULL_SCOPES, { supplier: 'enormous', units });
    const gateway = await gatewayWith({ authenticate: async () => ({ ...caller, issuedAt: Date.now() }) });
    try {
      stack.producers.register.resetStats();
      const response = await askGateway(gateway.url, '{ persons(first: 1) { edges { node { id } } } }');
      expect(response.status).toBe(200);
      expect(response.errors).toEqual([
        expect.objectContaining({
          message: 'The request to the register subgraph is too large (its body).',
          extensions: { code: 'REQUEST_TOO_LARGE', subgraph: 'register' },
        }),
      ]);
      expect(stack.producers.register.stats().byRoute).toEqual({});
    } finally {
      await gateway.close();
    }
  });

  describe.each([
    [431, 'headers'],
    [413, 'body'],
  ])('a subgraph (or a proxy before it) answering %i', (status, part) => {
    let refusing: Server;
    beforeAll(async () => {
      refusing = createServer((request, response) => {
        request.resume();
        response.writeHead(status, status === 413 ? { 'content-type': 'application/json' } : {});
        response.end(
          status === 413
            ? JSON.stringify({ errors: [{ message: 'The request body is too large.', extensions: { code: 'BAD_REQUEST' } }] })
            : '',
        );
      });
      await new Promise<void>((resolve) => refusing.listen(0, '127.0.0.1', resolve));
    });
    afterAll(() => new Promise<void>((resolve) => refusing.close(() => resolve())));

    it(`REQUEST_TOO_LARGE naming that subgraph, the other subgraphs' data still served`, async () => {
      const { port } = refusing.address() as AddressInfo;
      const suppliers = await startSupplierAuth(DEFAULT_SUPPLIERS_PATH);
      const gateway = await gatewayWith(suppliers.authenticator, { schedule: `http://127.0.0.1:${port}/graphql` });
      try {
        const response = await post(
          gateway.url,
          { query: '{ persons(first: 1) { edges { node { id } } } rooms(first: 1) { edges { node { id } } } }' },
          { authorization: 'Bearer demo-full-key' },
        );
        expect((response.data!['persons'] as { edges: unknown[] }).edges).toHaveLength(1);
        expect(response.data!['rooms']).toBeNull();
        expect(codes(response)).toEqual(['REQUEST_TOO_LARGE']);
        expect(response.errors![0]).toMatchObject({
          message: `The request to the schedule subgraph is too large (its ${part}).`,
          extensions: { subgraph: 'schedule' },
        });
      } finally {
        await gateway.close();
        suppliers.close();
      }
    });
  });

  it('a supplier’s own headers beyond Node’s limit: 431 with REQUEST_TOO_LARGE (not a bare status line)', async () => {
    const response = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}`, 'x-padding': 'x'.repeat(20_000) },
      body: JSON.stringify({ query: '{ persons(first: 1) { edges { node { id } } } }' }),
    });
    expect(response.status).toBe(431);
    expect(await response.json()).toEqual({
      errors: [{ message: 'The request headers are too large.', extensions: { code: 'REQUEST_TOO_LARGE' } }],
    });
  });

  it('a supplier’s own body beyond 2 MiB: 413 with REQUEST_TOO_LARGE', async () => {
    const response = await post(
      stack.gatewayUrl,
      { query: '{ persons(first: 1) { edges { node { id } } } }', variables: { padding: 'x'.repeat(2_200_000) } },
      { authorization: `Bearer ${KEY}` },
    );
    expect(response.status).toBe(413);
    expect(codes(response)).toEqual(['REQUEST_TOO_LARGE']);
  });
});
