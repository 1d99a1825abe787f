// Which producer streams a summary reads: one per organisation (fetched concurrently), or one per
// (organisation, school type) when grouping by school type.
//
// The organisations: the caller's units when they are a set (already expanded to sub-units by the
// gateway), narrowed by the `units` filter. For a caller with 'all' and no filter, the register's
// school units (organisations of type Skolenhet): per-unit streams can run concurrently, where one
// unfiltered stream could only page one request at a time. Activities owned by an organisation
// that is not a school unit are then not counted; name such an organisation in `units` to count it.
import type { UnitSet } from '../../../auth';
import type { Sources } from '../../../sources';
import type { StreamSpec } from './fact';

export interface StreamChoice {
  units: UnitSet;
  /** The `units` filter, ids checked. */
  requested: readonly string[] | undefined;
  schoolTypes: readonly string[] | undefined;
  /** One stream per school type (SCHOOL_TYPE grouping). */
  perSchoolType: boolean;
}

async function schoolUnits(sources: Sources): Promise<{ id: string; schoolTypes: readonly string[] }[]> {
  const units: { id: string; schoolTypes: readonly string[] }[] = [];
  for await (const page of sources.register.pages('organisations', { type: 'Skolenhet' })) {
    for (const organisation of page) units.push({ id: organisation.id, schoolTypes: organisation.schoolTypes ?? [] });
  }
  return units;
}

export async function planStreams(sources: Sources, choice: StreamChoice): Promise<StreamSpec[]> {
  const { units, requested, schoolTypes } = choice;
  let organisations: string[];
  let offered = new Map<string, readonly string[]>();
  if (requested !== undefined) {
    organisations = [...new Set(requested)].filter((id) => units === 'all' || units.has(id));
  } else if (units !== 'all') {
    organisations = [...units];
  } else {
    const found = await schoolUnits(sources);
    organisations = found.map((unit) => unit.id);
    offered = new Map(found.map((unit) => [unit.id, unit.schoolTypes]));
  }
  if (!choice.perSchoolType) return organisations.map((organisation) => ({ organisation, schoolTypes }));
  if (schoolTypes === undefined && offered.size === 0) {
    const found = await sources.register.loadMany('organisations', organisations);
    for (const organisation of found) if (organisation) offered.set(organisation.id, organisation.schoolTypes ?? []);
  }
  return organisations.flatMap((organisation) =>
    (schoolTypes ?? offered.get(organisation) ?? []).map((schoolType) => ({ organisation, schoolTypes: [schoolType], schoolType })),
  );
}
