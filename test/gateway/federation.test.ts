import { startE2E, type E2E } from '../support/e2e';

// Register entities reached from another subgraph go through register's __resolveReference, batched.
describe('register entities referenced from other subgraphs', () => {
  let stack: E2E;
  beforeAll(async () => {
    stack = await startE2E({ students: 100 });
  });
  afterAll(() => stack.close());

  it('resolves the groups of activities through one batched register lookup', async () => {
    for (const producer of Object.values(stack.producers)) producer.resetStats();
    const { data, errors } = await stack.query<{ activities: { edges: { node: { groups: { id: string; displayName: string }[] } }[] } }>(`{
      activities(first: 20) { edges { node { groups { id displayName } } } }
    }`);
    expect(errors).toBeUndefined();
    const groups = data!.activities.edges.flatMap((edge) => edge.node.groups);
    expect(groups.length).toBeGreaterThan(1);
    for (const group of groups) expect(group.displayName).toBe(stack.dataset.groups.get(group.id)!.displayName);
    expect(stack.producers.register.stats().byRoute).toEqual({ 'POST /groups/lookup': 1 });
  });
});
