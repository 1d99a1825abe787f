import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { loadConfig } from '../../src/config/load-config';
import { PROJECT_ROOT } from '../../src/config/paths';
import { startDeployedGateway } from '../../src/gateway/deployed';
import { startDeployedSubgraph } from '../../src/gateway/deployed-subgraph';
import { PRODUCERS } from '../../src/ss12000/resources';
import { startE2E, testAudit, type E2E } from '../support/e2e';
import { keyOf, writeSuppliers } from '../row-scope/support/suppliers';

// Issue 14, item 5, end to end: the grades subgraph of the deployed shape runs from
// config/gateway.example.yaml with only GRADES_* and REGISTER_* set, the gateway with only
// REGISTER_TOKEN (its one producer: the organisation tree), and a unit-scoped supplier's grades
// query is served through both (the row scope in the grades subgraph reads the register producer).
describe('the deployed grades subgraph and gateway with only their own secrets', () => {
  let stack: E2E;
  let dir: string;
  beforeAll(async () => {
    stack = await startE2E({ students: 300 });
    dir = await mkdtemp(path.join(tmpdir(), 'deployed-secrets-'));
  });
  afterAll(() => stack.close());

  /** The example file, its producers' base URLs pointed at the demo producers (auth left as it is: `${VAR}`s). */
  const exampleFile = async (name: string, subgraphUrls: Record<string, string>): Promise<string> => {
    const example = parse(await readFile(path.join(PROJECT_ROOT, 'config', 'gateway.example.yaml'), 'utf8')) as {
      gateway: Record<string, unknown>;
      subgraphs: Record<string, { url: string; listen?: unknown }>;
      producers: Record<string, { baseUrl: string }>;
    };
    for (const producer of PRODUCERS) example.producers[producer]!.baseUrl = stack.producers[producer].url;
    example.gateway = { ...example.gateway, host: '127.0.0.1', port: 0 };
    for (const subgraph of PRODUCERS) example.subgraphs[subgraph] = { url: subgraphUrls[subgraph]!, listen: { host: '127.0.0.1' } };
    const file = path.join(dir, name);
    await writeFile(file, stringify(example));
    return file;
  };

  it('serves a unit-scoped grades query', async () => {
    const grade = [...stack.dataset.grades.values()].find((row) => row.organisation !== undefined)!;
    const unitId = grade.organisation!.id;
    const unitCode = stack.dataset.organisations.get(unitId)!.schoolUnitCode!;
    const supplier = {
      name: 'grades-reader',
      units: [unitCode],
      scopes: ['standard', 'students', 'grades'] as const,
      protectedIdentities: 'exclude' as const,
    };
    const suppliersPath = await writeSuppliers([supplier]);

    // The grades subgraph: GRADES_TOKEN and REGISTER_TOKEN only (schedule's oauth2 and attendance's token unset).
    const subgraphFile = await exampleFile('grades.yaml', { ...stack.subgraphUrls, grades: 'http://127.0.0.1:0/graphql' });
    const subgraphEnv = { GRADES_TOKEN: stack.producers.grades.token, REGISTER_TOKEN: stack.producers.register.token };
    const grades = await startDeployedSubgraph('grades', await loadConfig(subgraphFile, subgraphEnv, 'grades'), {
      callerSecret: stack.callerSecret,
    });
    try {
      // The gateway: REGISTER_TOKEN only.
      const gatewayFile = await exampleFile('gateway.yaml', { ...stack.subgraphUrls, grades: grades.url });
      const config = await loadConfig(gatewayFile, { REGISTER_TOKEN: stack.producers.register.token }, 'gateway');
      expect(Object.keys(config.producers)).toEqual(['register']);
      const gateway = await startDeployedGateway(config, { suppliersPath, callerSecret: stack.callerSecret, audit: testAudit() });
      try {
        stack.producers.register.resetStats();
        stack.producers.grades.resetStats();
        const response = await fetch(gateway.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${keyOf(supplier)}` },
          body: JSON.stringify({ query: '{ grades(first: 20) { edges { node { id gradeValue organisation { id } student { id } } } } }' }),
        });
        const body = (await response.json()) as {
          data?: { grades: { edges: { node: { organisation: { id: string } | null } }[] } };
          errors?: unknown;
        };
        expect(body.errors).toBeUndefined();
        const edges = body.data!.grades.edges;
        expect(edges.length).toBeGreaterThan(0);
        for (const { node } of edges) expect(node.organisation?.id).toBe(unitId);
        // The grades subgraph asked its own producer, and the register producer for the students' units.
        expect(stack.producers.grades.stats().total).toBeGreaterThan(0);
        expect(Object.keys(stack.producers.register.stats().byRoute).some((route) => route.includes('/persons'))).toBe(true);
      } finally {
        await gateway.close();
      }
    } finally {
      await grades.close();
    }
  });
});
