// Who is an administrator: a key whose digest the gateway config lists, or a JWT of the municipality's
// identity provider carrying the admin claim. A supplier's token from the same provider is not.
import { exportSPKI, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from 'jose';
import { createAdminAuthenticator } from '../../src/auth/admin-auth';
import { hashApiKey } from '../../src/auth';
import { resolveConfig, ConfigError } from '../../src/config/load-config';

const ISSUER = 'https://idp.sjovik.example';
const AUDIENCE = 'ss12000-console';

describe('admin credentials', () => {
  let privateKey: CryptoKey;
  let publicKeyPem: string;
  const sign = (claims: JWTPayload, audience = AUDIENCE) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256' })
      .setIssuer(ISSUER)
      .setAudience(audience)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    privateKey = pair.privateKey;
    publicKeyPem = await exportSPKI(pair.publicKey);
  });

  test('an admin key by its digest; any other key is refused', async () => {
    const admins = await createAdminAuthenticator({ apiKeys: [{ name: 'it-ops', sha256: hashApiKey('the-admin-key') }] });
    await expect(admins.authenticate('the-admin-key')).resolves.toEqual({ name: 'it-ops' });
    await expect(admins.authenticate('demo-full-key')).resolves.toBeNull();
    await expect(admins.authenticate('')).resolves.toBeNull();
  });

  test('without an admin block nobody is an administrator', async () => {
    const admins = await createAdminAuthenticator(undefined);
    await expect(admins.authenticate('demo-admin-key')).resolves.toBeNull();
  });

  test('a JWT needs the admin claim: a supplier token from the same identity provider is refused', async () => {
    const admins = await createAdminAuthenticator({
      jwt: { issuer: ISSUER, audience: AUDIENCE, publicKeyPem, adminClaim: 'roles', adminValue: 'ss12000-admin' },
    });
    await expect(admins.authenticate(await sign({ sub: 'anna.admin', roles: ['teacher', 'ss12000-admin'] }))).resolves.toEqual({
      name: 'jwt:anna.admin',
    });
    await expect(admins.authenticate(await sign({ sub: 'anna.admin', roles: 'ss12000-admin' }))).resolves.toEqual({
      name: 'jwt:anna.admin',
    });
    await expect(admins.authenticate(await sign({ sub: 'demo-lms', client_id: 'demo-lms' }))).resolves.toBeNull();
    await expect(admins.authenticate(await sign({ sub: 'anna.admin', roles: ['ss12000-admin-not'] }))).resolves.toBeNull();
    // For another audience (the gateway's supplier tokens), or without a subject to audit.
    await expect(admins.authenticate(await sign({ sub: 'anna.admin', roles: ['ss12000-admin'] }, 'ss12000-gateway'))).resolves.toBeNull();
    await expect(admins.authenticate(await sign({ roles: ['ss12000-admin'] }))).resolves.toBeNull();
  });

  test('the gateway config validates the admin block and names the bad key', () => {
    const base = {
      subgraphs: Object.fromEntries(
        ['register', 'schedule', 'attendance', 'grades'].map((name) => [name, { url: `http://127.0.0.1:400${name.length}/graphql` }]),
      ),
      producers: { register: { baseUrl: 'https://register.example/', auth: { kind: 'bearer', token: 't' } } },
    };
    const good = resolveConfig({ ...base, admin: { apiKeys: [{ name: 'it-ops', sha256: hashApiKey('k') }] } }, {});
    expect(good.admin).toEqual({ apiKeys: [{ name: 'it-ops', sha256: hashApiKey('k') }] });
    expect(() => resolveConfig({ ...base, admin: { apiKeys: [{ name: 'it-ops', sha256: 'the-key-itself' }] } }, {})).toThrow(ConfigError);
    expect(() => resolveConfig({ ...base, admin: { apiKeys: [{ name: 'it-ops', sha256: 'the-key-itself' }] } }, {})).toThrow(
      /admin\.apiKeys\.0\.sha256/,
    );
    expect(() => resolveConfig({ ...base, admin: { keys: [] } }, {})).toThrow(/admin: unknown key "keys"/);
  });
});
