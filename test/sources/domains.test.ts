// Each domain's reverse lookups are ones the spec offers: a lookup body field of
// `POST /X/lookup`, or a query parameter of `GET /X`, on a path the domain's producer owns.
import { attendanceDomain } from '../../src/sources/attendance';
import { gradesDomain } from '../../src/sources/grades';
import { registerDomain } from '../../src/sources/register';
import { scheduleDomain } from '../../src/sources/schedule';
import type { ReverseLookup } from '../../src/sources/shared/domain';
import { RESOURCES, type ResourceName } from '../../src/ss12000/resources';
import { SPEC, specOperation } from '../../src/ss12000/spec-validator';

const lookupFields = (name: ResourceName): string[] => {
  const body = specOperation('POST', `${RESOURCES[name].path}/lookup`)?.requestBody as { $ref?: string } | undefined;
  const schema = body?.$ref ? SPEC.schemas[body.$ref.split('/').pop() ?? ''] : body;
  return Object.keys((schema as { properties?: object } | undefined)?.properties ?? {});
};

const listParameters = (name: ResourceName): string[] => (specOperation('GET', RESOURCES[name].path)?.parameters ?? []).map((p) => p.name);

describe.each([registerDomain, scheduleDomain, attendanceDomain, gradesDomain])('the $producer domain', (domain) => {
  const entries = Object.entries(domain.reverseLookups).flatMap(([name, fields]) =>
    Object.entries(fields ?? {}).map(([field, how]) => [name as ResourceName, field, how as ReverseLookup<never>] as const),
  );

  test.each(entries)('%s by %s is offered by a path this producer owns', (name, field, how) => {
    expect(RESOURCES[name].producer).toBe(domain.producer);
    if (how.via === 'lookup') expect(lookupFields(name)).toContain(field);
    else expect(listParameters(name)).toContain(field);
  });
});
