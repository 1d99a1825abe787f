import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, exportSPKI, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from 'jose';
import { createAuthenticator } from '../../src/auth/credentials';
import { parseSuppliersConfig, type SuppliersConfig } from '../../src/auth/suppliers-config';

const ISSUER = 'https://idp.sjovik.example';
const AUDIENCE = 'ss12000-gateway';

/** A municipality's identity provider: a key pair and its JWKS served over real HTTP. */
const startIdentityProvider = async () => {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'idp-1', alg: 'RS256', use: 'sig' };
  const server: Server = createServer((request, response) => {
    if (request.url !== '/jwks.json') return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { privateKey, publicKey, jwksUrl: `http://127.0.0.1:${port}/jwks.json`, server };
};

const sign = (
  privateKey: CryptoKey,
  claims: JWTPayload,
  options: { issuer?: string; audience?: string; expiresIn?: string | number; kid?: string } = {},
) => {
  const jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: options.kid ?? 'idp-1' })
    .setIssuer(options.issuer ?? ISSUER)
    .setAudience(options.audience ?? AUDIENCE)
    .setIssuedAt();
  return jwt.setExpirationTime(options.expiresIn ?? '5m').sign(privateKey);
};

describe('JWT bearer tokens', () => {
  let idp: Awaited<ReturnType<typeof startIdentityProvider>>;
  let config: SuppliersConfig;
  const warnings: object[] = [];
  const authenticate = (token: string) =>
    createAuthenticator({ config: () => config, logger: { warn: (obj) => warnings.push(obj) } }).authenticate({
      authorization: `Bearer ${token}`,
    });

  beforeAll(async () => {
    idp = await startIdentityProvider();
    const pem = await exportSPKI(idp.publicKey);
    config = await parseSuppliersConfig(
      [
        'suppliers:',
        '  - name: acme-lms',
        `    jwt: { issuer: "${ISSUER}", audience: ${AUDIENCE}, jwksUrl: "${idp.jwksUrl}" }`,
        '    units: all',
        '    scopes: [standard, students]',
        '    protectedIdentities: alias',
        '  - name: meals',
        `    jwt: { issuer: "${ISSUER}", audience: ${AUDIENCE}, publicKeyPem: ${JSON.stringify(pem)}, supplierClaim: azp }`,
        '    units: all',
        '    scopes: [standard]',
        '    protectedIdentities: exclude',
      ].join('\n'),
    );
  });
  afterAll(() => new Promise<void>((resolve) => idp.server.close(() => resolve())));

  test('a valid token verified against the JWKS maps to the supplier its client_id names', async () => {
    const caller = await authenticate(await sign(idp.privateKey, { client_id: 'acme-lms' }));
    expect(caller).toMatchObject({ supplier: 'acme-lms', scopes: ['standard', 'students'], protectedIdentities: 'alias' });
  });

  test('a supplier with a PEM key and its own claim (azp) is verified without any JWKS', async () => {
    expect((await authenticate(await sign(idp.privateKey, { azp: 'meals' })))?.supplier).toBe('meals');
  });

  test('a token from another issuer is refused', async () => {
    expect(await authenticate(await sign(idp.privateKey, { client_id: 'acme-lms' }, { issuer: 'https://evil.example' }))).toBeNull();
  });

  test('a token for another audience is refused', async () => {
    warnings.length = 0;
    expect(await authenticate(await sign(idp.privateKey, { client_id: 'acme-lms' }, { audience: 'another-api' }))).toBeNull();
    expect(warnings).toEqual([{ supplier: 'acme-lms', reason: 'ERR_JWT_CLAIM_VALIDATION_FAILED' }]);
  });

  test('an expired token is refused', async () => {
    warnings.length = 0;
    const twoMinutesAgo = Math.floor(Date.now() / 1000) - 120;
    expect(await authenticate(await sign(idp.privateKey, { client_id: 'acme-lms' }, { expiresIn: twoMinutesAgo }))).toBeNull();
    expect(warnings).toEqual([{ supplier: 'acme-lms', reason: 'ERR_JWT_EXPIRED' }]);
  });

  test('a token naming no configured supplier is refused', async () => {
    expect(await authenticate(await sign(idp.privateKey, { client_id: 'someone-else' }))).toBeNull();
  });

  test('a token whose claim names a supplier through the wrong claim is refused', async () => {
    // meals is mapped by azp: a client_id of "meals" proves nothing.
    expect(await authenticate(await sign(idp.privateKey, { client_id: 'meals' }))).toBeNull();
  });

  test('a token signed by another key is refused, however well it names a supplier', async () => {
    const stranger = await generateKeyPair('RS256');
    expect(await authenticate(await sign(stranger.privateKey, { client_id: 'acme-lms' }))).toBeNull();
    expect(await authenticate(await sign(stranger.privateKey, { azp: 'meals' }))).toBeNull();
  });

  test('a token without an expiry is refused', async () => {
    const token = await new SignJWT({ client_id: 'acme-lms' })
      .setProtectedHeader({ alg: 'RS256', kid: 'idp-1' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .sign(idp.privateKey);
    expect(await authenticate(token)).toBeNull();
  });

  test('a JWT-shaped string that is not a JWT is nobody', async () => {
    expect(await authenticate('aaa.bbb.ccc')).toBeNull();
  });

  test('an identity provider that cannot be reached means no access, and the operator is told', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const unreachable = await parseSuppliersConfig(
      `suppliers:\n  - { name: acme-lms, jwt: { issuer: "${ISSUER}", audience: ${AUDIENCE}, jwksUrl: "http://127.0.0.1:${port}/jwks.json" }, units: all, scopes: [standard], protectedIdentities: alias }\n`,
    );
    const seen: object[] = [];
    const authenticator = createAuthenticator({ config: () => unreachable, logger: { warn: (obj) => seen.push(obj) } });
    const token = await sign(idp.privateKey, { client_id: 'acme-lms' });
    expect(await authenticator.authenticate({ authorization: `Bearer ${token}` })).toBeNull();
    expect(seen).toEqual([{ supplier: 'acme-lms', reason: expect.any(String) }]);
  });
});
