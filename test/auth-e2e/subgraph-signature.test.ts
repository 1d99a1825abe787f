import { randomBytes } from 'node:crypto';
import { CALLER_EXTENSION, CALLER_SIGNATURE_HEADER, signedSubgraphRequest } from '../../src/auth';
import { startE2E, type E2E } from '../support/e2e';
import { callerWith, entitiesRequest, FULL_SCOPES, LMS_SCOPES, post, postRaw, postSigned } from './support';

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

  it('refuses _entities without a signature with 401, running nothing', async () => {
    stack.producers.register.resetStats();
    const response = await post(stack.subgraphUrls.register, civicNo());
    expect(response.status).toBe(401);
    expect(response.data).toBeUndefined();
    expect(response.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    expect(stack.producers.register.stats().byRoute).toEqual({});
  });

  it('refuses a forged identity: claims signed with another secret', async () => {
    const forged = signedSubgraphRequest(
      callerWith(FULL_SCOPES, { supplier: 'demo-full' }),
      civicNo(),
      'register',
      randomBytes(32).toString('hex'),
    );
    const response = await postRaw(stack.subgraphUrls.register, forged.body, forged.headers);
    expect(response.status).toBe(401);
    expect(JSON.stringify(response)).not.toContain(stack.dataset.persons.get(personId)!.civicNo!.value);
  });

  it('refuses claims in the body without their signature', async () => {
    const { body } = signedSubgraphRequest(callerWith(FULL_SCOPES), civicNo(), 'register', stack.callerSecret);
    const response = await postRaw(stack.subgraphUrls.register, body);
    expect(response.status).toBe(401);
  });

  it('refuses a tampered identity: a signed demo-lms caller whose claims were widened to all scopes', async () => {
    const genuine = signedSubgraphRequest(callerWith(LMS_SCOPES), civicNo(), 'register', stack.callerSecret);
    const request = JSON.parse(genuine.body) as { extensions: Record<string, Record<string, unknown>> };
    request.extensions[CALLER_EXTENSION]!['scopes'] = FULL_SCOPES;
    const response = await postRaw(stack.subgraphUrls.register, JSON.stringify(request), {
      [CALLER_SIGNATURE_HEADER]: genuine.headers[CALLER_SIGNATURE_HEADER]!,
    });
    expect(response.status).toBe(401);
  });

  it('refuses `_service { sdl }` without a signature too (composition reads committed or in-process SDL)', async () => {
    const response = await post(stack.subgraphUrls.register, { query: '{ _service { sdl } }' });
    expect(response.status).toBe(401);
  });

  it('serves `_service { sdl }` to a signed caller of any scopes', async () => {
    const response = await postSigned(
      stack.subgraphUrls.register,
      'register',
      { query: '{ _service { sdl } }' },
      callerWith(['standard']),
      stack.callerSecret,
    );
    expect(response.errors).toBeUndefined();
    expect((response.data as { _service: { sdl: string } })._service.sdl).toContain('type Person');
  });

  it('answers a body beyond 2 MiB with 413 REQUEST_TOO_LARGE (read before the signature is checked), and closes the connection', async () => {
    const { body, headers } = signedSubgraphRequest(
      callerWith(['standard']),
      { query: '{ _service { sdl } }', variables: { padding: 'x'.repeat(2_200_000) } },
      'register',
      stack.callerSecret,
    );
    const response = await fetch(stack.subgraphUrls.register, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
    expect(response.status).toBe(413);
    expect(response.headers.get('connection')).toBe('close');
    expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe(
      'REQUEST_TOO_LARGE',
    );
  });

  it('refuses a GET, whose operation would travel in the URL, outside the signed body', async () => {
    const signed = signedSubgraphRequest(callerWith(['standard']), { query: '{ _service { sdl } }' }, 'register', stack.callerSecret);
    const url = new URL(stack.subgraphUrls.register);
    url.searchParams.set('query', '{ _service { sdl } }');
    const response = await fetch(url, { headers: { ...signed.headers, 'apollo-require-preflight': 'true' } });
    expect(response.status).toBe(401);
  });
});
