import { generateMunicipality } from '../../src/demo/generator';
import { startE2E } from '../support/e2e';

// "A stable alias name": a supplier that stores the alias it was shown (demo-full: protected
// identities as alias) must find the same one after the gateway restarts. The alias is an HMAC of
// the person's id under ALIAS_SECRET, so it lasts exactly as long as that key.
describe('alias names across restarts', () => {
  const dataset = generateMunicipality({ students: 120 });
  const protectedPerson = [...dataset.persons.values()].find((person) => person.securityMarking && person.securityMarking !== 'Ingen')!;

  const aliasAfterStart = async (aliasSecret: string): Promise<string> => {
    const stack = await startE2E({ dataset, aliasSecret });
    try {
      const { data, errors } = await stack.query<{ person: { familyName: string } }>(
        'query ($id: ID!) { person(id: $id) { familyName } }',
        { id: protectedPerson.id },
      );
      expect(errors).toBeUndefined();
      return data!.person.familyName;
    } finally {
      await stack.close();
    }
  };

  it('stay the same when the gateway restarts with the same alias secret, and change with the secret', async () => {
    expect(protectedPerson).toBeDefined();
    const first = await aliasAfterStart('alias-secret-one-0123456789abcdef');
    expect(first).toMatch(/^Person [0-9A-F]{8}$/);
    expect(first).not.toBe(protectedPerson.familyName);
    expect(await aliasAfterStart('alias-secret-one-0123456789abcdef')).toBe(first);
    expect(await aliasAfterStart('alias-secret-two-0123456789abcdef')).not.toBe(first);
  });
});
