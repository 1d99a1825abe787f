import { randomBytes } from 'node:crypto';
import { CALLER_HEADER, CALLER_SIGNATURE_HEADER } from '../../src/auth';
import { startE2E, type E2E } from '../support/e2e';
import { callerWith, entitiesRequest, FULL_SCOPES, LMS_SCOPES, post, signed } from './support';

// A subgraph serves only requests the gateway signed: reaching it directly gives nothing.
describe('a subgraph reached directly', () => {
  let stack: E2E;
  let personId: string;
  beforeAll(async () => {
    stack = await startE2E({ students: 200 });
    personId = [...stack.dataset.persons.values()].find((person) => person.civicNo !== undefined)!.id;
  });
  afterAll(() => stack.close());

  const civicNo = () => entitiesRequest('Person', personId, 'id civicNo { value }');

  it('refuses _entities without an identity header with 401, running nothing', async () => {
    stack.producers.register.resetStats();
    const response = await post(stack.subgraphUrls.register, civicNo());
    expect(response.status).toBe(401);
    expect(response.data).toBeUndefined();
    expect(response.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    expect(stack.producers.register.stats().byRoute).toEqual({});
  });

  it('refuses a forged identity: claims signed with another secret', async () => {
    const forged = signed(callerWith(FULL_SCOPES, { supplier: 'demo-full' }), randomBytes(32).toString('hex'));
    const response = await post(stack.subgraphUrls.register, civicNo(), forged);
    expect(response.status).toBe(401);
    expect(JSON.stringify(response)).not.toContain(stack.dataset.persons.get(personId)!.civicNo!.value);
  });

  it('refuses an unsigned identity header', async () => {
    const claims = signed(callerWith(FULL_SCOPES), stack.callerSecret)[CALLER_HEADER]!;
    const response = await post(stack.subgraphUrls.register, civicNo(), { [CALLER_HEADER]: claims });
    expect(response.status).toBe(401);
  });

  it('refuses a tampered identity: a signed demo-lms caller whose claims were widened to all scopes', async () => {
    const genuine = signed(callerWith(LMS_SCOPES), stack.callerSecret);
    const claims = JSON.parse(Buffer.from(genuine[CALLER_HEADER]!, 'base64url').toString('utf8')) as Record<string, unknown>;
    const widened = Buffer.from(JSON.stringify({ ...claims, scopes: FULL_SCOPES })).toString('base64url');
    const response = await post(stack.subgraphUrls.register, civicNo(), { [CALLER_HEADER]: widened, [CALLER_SIGNATURE_HEADER]: genuine[CALLER_SIGNATURE_HEADER]! });
    expect(response.status).toBe(401);
  });

  it('refuses `_service { sdl }` without a signature too (composition reads committed or in-process SDL)', async () => {
    const response = await post(stack.subgraphUrls.register, { query: '{ _service { sdl } }' });
    expect(response.status).toBe(401);
  });

  it('serves `_service { sdl }` to a signed caller of any scopes', async () => {
    const response = await post(stack.subgraphUrls.register, { query: '{ _service { sdl } }' }, signed(callerWith(['standard']), stack.callerSecret));
    expect(response.errors).toBeUndefined();
    expect((response.data as { _service: { sdl: string } })._service.sdl).toContain('type Person');
  });
});
