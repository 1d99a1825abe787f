// A producer that offers no subscriptions is polled: meta.modified.after and /deletedEntities on an
// interval, through the same catch-up as a webhook; its changes reach the feed all the same.
import { generateMunicipality } from '../../src/demo/generator';
import { startEmbeddedStack, type EmbeddedStack } from '../../src/gateway/embedded';
import {
  absenceOf,
  eventually,
  FEED,
  keyOf,
  places,
  producerCall,
  writeFeedSuppliers,
  type FeedAnswer,
  type FeedNode,
  type Places,
} from './support';
import { testAudit } from '../support/e2e';

let stack: EmbeddedStack;
let at: Places;

beforeAll(async () => {
  const dataset = generateMunicipality({ students: 150 });
  at = places(dataset);
  stack = await startEmbeddedStack({
    dataset,
    audit: testAudit(),
    requestTimeoutMs: 60_000,
    suppliersPath: await writeFeedSuppliers([
      { name: 'poll-full', units: 'all', scopes: ['standard', 'students', 'attendance', 'changes'], protectedIdentities: 'alias' },
    ]),
    producerSettings: { attendance: { capabilities: { subscriptions: false } } },
    changes: { timing: { pollIntervalMs: 200 } },
  });
});

afterAll(async () => {
  await stack?.close();
});

async function feed(): Promise<FeedNode[]> {
  const response = await fetch(stack.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${keyOf('poll-full')}` },
    body: JSON.stringify({ query: FEED, variables: { first: 1000 } }),
  });
  const { data, errors } = (await response.json()) as { data: FeedAnswer; errors?: unknown };
  expect(errors).toBeUndefined();
  return data.changes!.edges.map((edge) => edge.node);
}

test('the producer without subscriptions is polled, and its writes and deletions reach the feed', async () => {
  expect(stack.changeModes().attendance).toBe('polling');
  expect(stack.changeModes().register).toBe('subscription');
  // Nothing was asked of it: no subscription at the attendance producer.
  expect((await producerCall(stack.producers.attendance, 'GET', '/subscriptions')).body.data).toEqual([]);
  const created = await producerCall(stack.producers.attendance, 'POST', '/absences', absenceOf(at.inside));
  const id = created.body.id as string;
  await eventually(
    async () => (await feed()).some((node) => node.id === id && node.change === 'MODIFIED'),
    'the polled absence in the feed',
  );
  expect((await producerCall(stack.producers.attendance, 'DELETE', `/absences/${id}`)).status).toBe(204);
  await eventually(
    async () => (await feed()).some((node) => node.id === id && node.change === 'DELETED'),
    'the polled deletion in the feed',
  );
  // Visibility is decided when the feed is read: the object can no longer be read, so its MODIFIED
  // entry is not served any more; the deletion is (this supplier was shown the object before).
  expect((await feed()).filter((node) => node.id === id)).toEqual([{ type: 'ABSENCE', id, change: 'DELETED', at: expect.any(String) }]);
});
